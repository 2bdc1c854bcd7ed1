"""Pelican glue: `item.session` and the rendered agenda on every session, the Beirat page's lists for the theme."""

import tomllib
from pathlib import Path

from jinja2 import pass_context
from pelican import signals

from common.settings import settings_reader

from .agenda import NON_PUBLIC, PUBLIC, heading_line, render_agenda
from .fields import document_role, field_line, in_session_order, read_session, session_state
from .overview import local_digits, sessions_overview

DEFAULTS = {
    "SESSIONS_PAGE_SLUG": "beirat",
    "SESSIONS_BODIES": {},
    "SESSIONS_DOCUMENTS_PATH": "dokumente",
    "SESSIONS_DOCUMENTS_FOLDER": "sitzungen",
    "SESSIONS_AGENDA_HEADINGS": {
        PUBLIC: ["Öffentlicher Teil", "Öffentliche Sitzung"],
        NON_PUBLIC: ["Nichtöffentlicher Teil", "Nichtöffentliche Sitzung"],
    },
}


setting = settings_reader(DEFAULTS)


def ui_strings(settings, lang: str) -> dict:
    """The theme's texts in `lang`, German where a key is missing (the build has checked them already)."""
    path = settings.get("LOCALISATION_UI_STRINGS_FILE")
    if not path:
        return {}
    with Path(path).open("rb") as file:
        strings = tomllib.load(file)
    default = strings.get(settings["DEFAULT_LANG"], {})
    return {**default, **strings.get(lang, {})}


def locale_of(settings, lang: str) -> str:
    languages = settings.get("SITE_LANGUAGES") or {}
    return (languages.get(lang) or languages.get(settings["DEFAULT_LANG"]) or {}).get("locale", "de_DE")


def source_text(instance) -> str:
    try:
        return Path(instance.source_path).read_text(encoding="utf-8-sig")
    except (OSError, TypeError, UnicodeError):
        return ""


def agenda_hints(agenda, source: str, names) -> list[tuple[int, str, str]]:
    """What an author should know about a session's agenda: never blocking, see docs/redaktionsleitfaden.md."""
    hints = []
    if not agenda.parts:
        hints.append(
            (
                field_line(source, "session_body"),
                "Keine Tagesordnung gefunden: die Seite hat keine Überschrift „Öffentlicher Teil“",
                "Schreiben Sie die Tagesordnung als Liste unter die Überschriften „## Öffentlicher Teil“ "
                "und „## Nichtöffentlicher Teil“, sobald sie feststeht",
            )
        )
    for part in agenda.empty_parts:
        hints.append(
            (
                heading_line(source, part, names) or 1,
                "Unter dieser Überschrift der Tagesordnung steht keine Liste",
                "Schreiben Sie jeden Tagesordnungspunkt als Listenpunkt („- Begrüßung“) direkt darunter",
            )
        )
    if agenda.trimmed:
        titles = ", ".join(f"„{title}“" for title in agenda.trimmed)
        hints.append(
            (
                heading_line(source, NON_PUBLIC, names) or 1,
                f"Vom nichtöffentlichen Teil erscheinen nur die Titel; Einzelheiten zu {titles} "
                "(Unterpunkte, weitere Absätze, Links) stehen nicht auf der Website",
                "Schreiben Sie dort nur den Titel jedes Punkts; Einzelheiten gehören in die Unterlagen der Mitglieder",
            )
        )
    return hints


def attach_session(instance):
    """Set `item.session` on every article and page with `Session_body:`, render its agenda, note problems."""
    metadata = getattr(instance, "metadata", None) or {}
    if "session_body" not in metadata and "session_documents" not in metadata:
        return
    settings = instance.settings
    documents_path = setting(settings, "SESSIONS_DOCUMENTS_PATH")
    session, problems = read_session(
        metadata,
        getattr(instance, "slug", "") or "",
        Path(settings["PATH"]) / documents_path,
        setting(settings, "SESSIONS_DOCUMENTS_FOLDER"),
        setting(settings, "SESSIONS_BODIES"),
        documents_path,
    )
    # Other plugins (events) add their problems to the same list: extend it, never replace it.
    instance.field_problems = [*(getattr(instance, "field_problems", None) or []), *problems]
    instance.session = session
    if session is None:
        return
    lang = getattr(instance, "lang", None) or settings["DEFAULT_LANG"]
    strings = ui_strings(settings, lang)
    locale = locale_of(settings, lang)
    names = setting(settings, "SESSIONS_AGENDA_HEADINGS")
    label = strings.get("session_agenda_item", "TOP {number}")
    agenda = render_agenda(
        getattr(instance, "_content", "") or "",
        names,
        lambda number: label.format(number=local_digits(str(number), locale)),
        strings.get("session_agenda_non_public_note", ""),
    )
    if agenda.parts:
        instance._content = agenda.html
    session.has_agenda = PUBLIC in agenda.parts or NON_PUBLIC in agenda.parts
    hints = agenda_hints(agenda, source_text(instance), names)
    instance.content_hints = [*(getattr(instance, "content_hints", None) or []), *hints]


def add_template_helpers(generator):
    """Register `sessions_overview(page)` and the filters `session_document_role`, `session_state`, `session_order`."""
    settings = generator.settings
    page_slug = setting(settings, "SESSIONS_PAGE_SLUG")

    @pass_context
    def overview(context, item):
        """The sessions for the page that lists them (SESSIONS_PAGE_SLUG and its translations), else None."""
        if item is None or getattr(item, "slug", None) != page_slug:
            return None
        lang = getattr(item, "lang", None) or settings["DEFAULT_LANG"]
        originals = [*(context.get("pages") or []), *(context.get("articles") or [])]
        return sessions_overview(originals, lang, locale_of(settings, lang))

    generator.env.globals["sessions_overview"] = overview
    generator.env.filters.update(
        session_document_role=document_role, session_state=session_state, session_order=in_session_order
    )


def register():
    """Connect the signals."""
    signals.content_object_init.connect(attach_session)
    signals.generator_init.connect(add_template_helpers)
