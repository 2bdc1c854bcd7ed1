"""The site's rules for content, read once from Pelican's settings (all prefixed CONTENT_CHECKS_)."""

from dataclasses import dataclass

from common.settings import settings_reader

DEFAULTS = {
    # Fields each kind of content must have, in lower case as Pelican reads them.
    "CONTENT_CHECKS_REQUIRED_FIELDS": {"article": ["title", "date", "category", "summary"], "page": ["title"]},
    # Shortest and longest Summary in characters: it is the teaser text and the search engine snippet.
    "CONTENT_CHECKS_SUMMARY_LENGTH": (40, 300),
    # The controlled vocabulary for Tags; empty means any tag is accepted.
    "CONTENT_CHECKS_TAGS": [],
    # The categories an article may have; empty means any.
    "CONTENT_CHECKS_CATEGORIES": [],
    "CONTENT_CHECKS_LANGUAGES": ["de"],
    "CONTENT_CHECKS_STATUSES": ["published", "draft", "hidden"],
    # Every field name an author may write; anything else is probably a typo ("Titel").
    "CONTENT_CHECKS_FIELDS": [],
    # Link texts that say nothing about where the link leads, compared in lower case.
    "CONTENT_CHECKS_VAGUE_LINK_TEXTS": ["hier", "hier klicken", "klicken sie hier", "mehr", "link", "weiter"],
    # Problems are warnings in development builds and errors when publishing.
    "CONTENT_CHECKS_AS_ERRORS": False,
    # Show a page's problems in a banner on that page (the local preview only).
    "CONTENT_CHECKS_SHOW_ON_PAGE": False,
    # A site language without any section in the UI table stops the build too (not only an incomplete one).
    "CONTENT_CHECKS_UI_STRINGS_EVERY_LANGUAGE": False,
    # Source files (paths as Pelican reads them) whose problems are wanted; None: every file. The
    # preview's quick build, which writes only the saved files' pages, checks only those files (none
    # after a deletion, when it writes listings only).
    "CONTENT_CHECKS_ONLY_SOURCES": None,
}
setting = settings_reader(DEFAULTS)

# German names authors tend to write for our English field names.
GERMAN_FIELD_NAMES = {
    "titel": "Title",
    "überschrift": "Title",
    "datum": "Date",
    "kategorie": "Category",
    "rubrik": "Category",
    "schlagwörter": "Tags",
    "schlagworte": "Tags",
    "themen": "Tags",
    "zusammenfassung": "Summary",
    "vorspann": "Summary",
    "bild": "Image",
    "sprache": "Lang",
    "geändert": "Modified",
}


@dataclass(frozen=True)
class Rules:
    """What content must look like on this site."""

    required_fields: dict
    summary_length: tuple[int, int]
    tags: tuple[str, ...]
    categories: tuple[str, ...]
    languages: tuple[str, ...]
    default_language: str
    statuses: tuple[str, ...]
    fields: tuple[str, ...]
    vague_link_texts: frozenset[str]
    # Pelican's TIMEZONE: the wall time `Date:` is read in (its clock changes make some times invalid).
    timezone: str = "UTC"

    @classmethod
    def from_settings(cls, settings) -> "Rules":
        return cls(
            required_fields=setting(settings, "CONTENT_CHECKS_REQUIRED_FIELDS"),
            summary_length=tuple(setting(settings, "CONTENT_CHECKS_SUMMARY_LENGTH")),
            tags=tuple(setting(settings, "CONTENT_CHECKS_TAGS")),
            categories=tuple(setting(settings, "CONTENT_CHECKS_CATEGORIES")),
            languages=tuple(setting(settings, "CONTENT_CHECKS_LANGUAGES")),
            default_language=settings.get("DEFAULT_LANG", "de"),
            statuses=tuple(setting(settings, "CONTENT_CHECKS_STATUSES")),
            fields=tuple(setting(settings, "CONTENT_CHECKS_FIELDS")),
            vague_link_texts=frozenset(text.lower() for text in setting(settings, "CONTENT_CHECKS_VAGUE_LINK_TEXTS")),
            timezone=settings.get("TIMEZONE") or "UTC",
        )
