"""Which feed is which: the all-items feed stays in the default language, a translation feed has one language."""

from urllib.parse import unquote, urlsplit


def feed_path(feed_url: str) -> str:
    """The feed's path below the site root, decoded: "feeds/en.atom.xml"."""
    return unquote(urlsplit(feed_url).path).lstrip("/")


def ends_with(path: str, name: str | None) -> bool:
    """Whether `path` is the output file `name` (relative to the site root, which may sit in a sub-folder)."""
    return bool(name) and (path == name or path.endswith("/" + name))


def translation_feed_language(path: str, patterns: list[str | None], languages: list[str]) -> str | None:
    """The language whose TRANSLATION_FEED_* file this is, or None."""
    for lang in languages:
        if any(pattern and ends_with(path, pattern.format(lang=lang)) for pattern in patterns):
            return lang
    return None


def keep_entries_in(entries: list, language_of, lang: str) -> list:
    """The entries whose article is in `lang`; entries of unknown articles stay."""
    return [entry for entry in entries if language_of(entry) in (None, lang)]
