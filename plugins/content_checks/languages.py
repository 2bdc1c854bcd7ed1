"""Checks across languages: translations not older than their original, a complete table of UI texts per language."""

import re
import string
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime

from .problems import Problem
from .rules import Rules
from .source import Source


@dataclass(frozen=True)
class Version:
    """One article or page in one language, with its last change as the author wrote it."""

    source: str  # path below content/, with "/"
    kind: str  # "article" or "page"
    slug: str
    lang: str
    changed: datetime | None  # `Modified:`, else `Date:` (or the date in the file name); None for most pages
    changed_field: str  # "Modified" or "Date": where `changed` came from
    line: int  # the line of that field, else of `Lang:`, else 1


def check_language_folder(source: Source, relative: str, rules: Rules) -> None:
    """A file in a language's folder ("artikel/en/…") must say `Lang:` of that language: a forgotten line
    would make it a second German version of its original."""
    folders = relative.split("/")[:-1]
    folder_lang = next((part for part in reversed(folders) if part in rules.languages), None)
    if folder_lang is None or folder_lang == rules.default_language:
        return
    field = source.first("lang")
    written = field.value.strip() if field is not None else ""
    if written == folder_lang or (written and written not in rules.languages):
        return  # right, or an unknown code, which the metadata check reports
    if field is None:
        source.report(
            source.header_end_line,
            f"Die Datei liegt im Ordner „{folder_lang}/“, hat aber keine Zeile „Lang:“ und gilt so als deutsch",
            f"Ergänzen Sie im Kopf „Lang: {folder_lang}“",
        )
    else:
        source.report(
            field.line,
            f"Die Datei liegt im Ordner „{folder_lang}/“, hat aber „Lang: {written}“",
            f"Schreiben Sie „Lang: {folder_lang}“ oder legen Sie die Datei in den Ordner ihrer Sprache",
        )


def stale_translations(versions: list[Version], default_lang: str) -> list[tuple[Version, Version]]:
    """Every (translation, original) pair whose original changed after the translation did.

    Items without a change date on either side cannot be compared and are left out.
    """
    originals = {}
    for version in sorted(versions, key=lambda version: version.source):
        if version.lang == default_lang:
            originals.setdefault((version.kind, version.slug), version)
    stale = []
    for version in sorted(versions, key=lambda version: version.source):
        original = originals.get((version.kind, version.slug))
        if version.lang == default_lang or original is None:
            continue
        if version.changed is None or original.changed is None:
            continue
        if _later(original.changed, version.changed):
            stale.append((version, original))
    return stale


def _later(first: datetime, second: datetime) -> bool:
    """Whether `first` is after `second`; a date without time zone (content from elsewhere) counts as UTC."""
    if (first.tzinfo is None) != (second.tzinfo is None):
        first, second = (moment if moment.tzinfo else moment.replace(tzinfo=UTC) for moment in (first, second))
    return first > second


def translation_age_problems(versions: list[Version], default_lang: str, display: dict[str, str]) -> list[Problem]:
    """„Übersetzung ist älter als das Original“ for each stale translation, at its date line."""
    problems = []
    for translation, original in stale_translations(versions, default_lang):
        problems.append(
            Problem(
                display.get(translation.source, translation.source),
                translation.line,
                f"Übersetzung ist älter als das Original: {display.get(original.source, original.source)} wurde "
                f"am {original.changed:%d.%m.%Y um %H:%M} geändert ({original.changed_field}), diese Übersetzung "
                f"({translation.lang}) zuletzt am {translation.changed:%d.%m.%Y um %H:%M} ({translation.changed_field})",
                "Bringen Sie die Übersetzung auf den Stand des Originals und setzen Sie dann in ihrem Kopf "
                f"„Modified: …“ auf den Zeitpunkt der Überarbeitung (nach {original.changed:%Y-%m-%d %H:%M})",
            )
        )
    return problems


def placeholders(text: str) -> set[str]:
    """The names in braces a template fills in: "Seite {number} von {total}" → {"number", "total"}."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:
        return {"{"}  # a lone brace: never equal to a valid text's set, so it is reported


def section_line(text: str, lang: str) -> int:
    """The line of `[lang]` in the TOML text, else 1."""
    pattern = re.compile(rf"^\s*\[\s*{re.escape(lang)}\s*\]\s*(#.*)?$")
    return next((number for number, line in enumerate(text.splitlines(), start=1) if pattern.match(line)), 1)


def ui_strings_problems(
    path: str, text: str, languages: tuple[str, ...], default_lang: str, every_language: bool
) -> list[Problem]:
    """Every site language whose section of the UI table lacks keys or placeholders of the default language's.

    A language without a section is reported only with `every_language` (a language still being translated
    falls back to German text until then).
    """
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = int(match.group(1)) if (match := re.search(r"line (\d+)", str(error))) else 1
        return [
            Problem(
                path,
                line,
                f"Die Tabelle der Texte lässt sich nicht lesen ({error})",
                'Prüfen Sie die Zeile: jeder Text steht als schluessel = "Text" in geraden Anführungszeichen',
            )
        ]
    reference = table.get(default_lang)
    if not isinstance(reference, dict):
        return [
            Problem(
                path,
                1,
                f"Die Tabelle der Texte hat keinen Abschnitt [{default_lang}] für die Hauptsprache",
                f"Legen Sie den Abschnitt [{default_lang}] mit allen Texten an",
            )
        ]
    problems = []
    for lang in languages:
        if lang == default_lang:
            continue
        section = table.get(lang)
        line = section_line(text, lang)
        if not isinstance(section, dict):
            if every_language:
                problems.append(
                    Problem(
                        path,
                        line,
                        f"Für die Sprache „{lang}“ fehlen alle Texte der Website (kein Abschnitt [{lang}])",
                        f"Legen Sie den Abschnitt [{lang}] mit jedem Schlüssel aus [{default_lang}] an, übersetzt",
                    )
                )
            continue
        missing = [key for key in reference if key not in section]
        if missing:
            problems.append(
                Problem(
                    path,
                    line,
                    f"Der Sprache „{lang}“ {_count_missing(len(missing))} der Website: {', '.join(missing)}",
                    f"Übersetzen Sie diese Schlüssel aus dem Abschnitt [{default_lang}] in den Abschnitt [{lang}]",
                )
            )
        for key, value in section.items():
            if key not in reference or not isinstance(value, str):
                continue
            expected = placeholders(str(reference[key]))
            if placeholders(value) != expected:
                named = ", ".join(f"{{{name}}}" for name in sorted(expected)) or "keine"
                problems.append(
                    Problem(
                        path,
                        _key_line(text, line, key),
                        f"Der Text „{key}“ der Sprache „{lang}“ hat andere Platzhalter als im Abschnitt "
                        f"[{default_lang}]",
                        f"Übernehmen Sie die Platzhalter in geschweiften Klammern unverändert: {named}",
                    )
                )
    return problems


def _key_line(text: str, start: int, key: str) -> int:
    """The line of `key = …` at or after the section header in line `start`."""
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number, line in enumerate(text.splitlines()[start - 1 :], start=start):
        if pattern.match(line):
            return number
    return start


def _count_missing(count: int) -> str:
    return "fehlt 1 Text" if count == 1 else f"fehlen {count} Texte"
