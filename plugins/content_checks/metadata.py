"""Checks of the header fields: required, allowed values, dates, and a suggestion for near misses."""

import difflib
from collections import Counter

from common.dates import parse_author_date, repeated_wall_time

from .rules import GERMAN_FIELD_NAMES, Rules
from .source import Source


def suggestion(value: str, allowed: tuple[str, ...]) -> str:
    """„Meinten Sie „Sprachtandem“?“ for a near miss, else the list of allowed values."""
    by_lower = {item.lower(): item for item in allowed}
    close = by_lower.get(value.lower()) or next(
        iter(difflib.get_close_matches(value.lower(), by_lower, n=1, cutoff=0.75)), None
    )
    if close:
        return f"Meinten Sie „{by_lower.get(close, close)}“?"
    return "Erlaubt sind: " + ", ".join(allowed)


def _check_field_names(source: Source, rules: Rules) -> None:
    counts = Counter()
    for field in source.fields:
        counts[field.key] += 1
        if counts[field.key] == 2:
            first = source.first(field.key)
            source.report(
                field.line,
                f"Das Feld „{field.name}“ steht zweimal (Zeile {first.line} und {field.line})",
                "Löschen Sie eine der beiden Zeilen; mehrere Werte schreiben Sie mit Kommas in eine Zeile",
            )
        if rules.fields and field.key not in rules.fields:
            known = GERMAN_FIELD_NAMES.get(field.key)
            hint = f"Meinten Sie „{known}“?" if known else suggestion(field.name, _field_names(rules))
            source.report(field.line, f"Ein Feld „{field.name}“ kennt die Website nicht", hint)


def _field_names(rules: Rules) -> tuple[str, ...]:
    """The allowed field names as authors write them: "Title", "Image_alt"."""
    return tuple(name[:1].upper() + name[1:] for name in rules.fields)


def _check_required(source: Source, rules: Rules, kind: str, from_filename: frozenset[str]) -> None:
    for key in rules.required_fields.get(kind, ()):
        field = source.first(key)
        if field is None and key in from_filename:
            continue  # "2025-03-26-titel.md" gives the date
        name = key[:1].upper() + key[1:]
        if field is None:
            source.report(
                source.header_end_line,
                f"Die Angabe „{name}“ fehlt",
                f"Ergänzen Sie im Kopf eine Zeile „{name}: …“",
            )
        elif not field.value.strip():
            source.report(field.line, f"Die Angabe „{name}“ ist leer", f"Schreiben Sie hinter „{name}:“ einen Wert")


def _check_summary(source: Source, rules: Rules) -> None:
    field = source.first("summary")
    if field is None or not field.value.strip():
        return
    shortest, longest = rules.summary_length
    length = len(" ".join(field.value.split()))
    if length < shortest:
        source.report(
            field.line,
            f"Die Zusammenfassung (Summary) hat nur {length} Zeichen",
            f"Schreiben Sie ein bis zwei ganze Sätze, mindestens {shortest} Zeichen",
        )
    elif length > longest:
        source.report(
            field.line,
            f"Die Zusammenfassung (Summary) hat {length} Zeichen, höchstens {longest} passen in Übersichten",
            "Kürzen Sie sie auf ein bis zwei Sätze; Einzelheiten gehören in den Text",
        )


def _check_choice(source: Source, key: str, allowed: tuple[str, ...], label: str) -> None:
    field = source.first(key)
    if field is None or not allowed or not field.value.strip():
        return
    if field.value.strip() not in allowed:
        source.report(
            field.line, f"{label} „{field.value.strip()}“ gibt es nicht", suggestion(field.value.strip(), allowed)
        )


def _check_tags(source: Source, rules: Rules) -> None:
    field = source.first("tags")
    if field is None or not rules.tags:
        return
    for tag in (tag.strip() for tag in field.value.replace("\n", ",").split(",")):
        if tag and tag not in rules.tags:
            source.report(
                field.line,
                f"Das Schlagwort „{tag}“ steht nicht in der Liste der Schlagwörter",
                suggestion(tag, rules.tags) + " (Liste im Redaktionsleitfaden, docs/redaktionsleitfaden.md)",
            )


def _check_dates(source: Source, timezone: str) -> None:
    for key in ("date", "modified"):
        field = source.first(key)
        if field is None or not field.value.strip():
            continue
        value = " ".join(field.value.split())
        try:
            moment = parse_author_date(value, timezone)
        except ValueError as error:
            source.report(
                field.line,
                f"Das Datum bei „{field.name}“ stimmt nicht: {getattr(error, 'what', error)}",
                getattr(error, "fix", "") or "Schreiben Sie zum Beispiel „2025-03-26 10:00“ oder „26.03.2025“",
            )
            continue
        repeated = repeated_wall_time(moment, value, timezone)
        if repeated:
            what, fix = repeated
            source.report(field.line, f"Das Datum bei „{field.name}“ ist nicht eindeutig: {what}", fix)


def check_metadata(source: Source, rules: Rules, kind: str, from_filename: frozenset[str] = frozenset()) -> None:
    """Report every problem in the header of an article (`kind` "article") or page ("page").

    `from_filename` names the fields Pelican takes from the file name (FILENAME_METADATA).
    """
    if not source.fields:
        return
    _check_field_names(source, rules)
    _check_required(source, rules, kind, from_filename)
    if kind == "article":
        _check_summary(source, rules)
        _check_choice(source, "category", rules.categories, "Die Rubrik (Category)")
    _check_tags(source, rules)
    _check_dates(source, rules.timezone)
    _check_choice(source, "status", rules.statuses, "Den Status")
    _check_choice(source, "lang", rules.languages, "Die Sprache (Lang)")
