"""Pure functions: the document links in a page's HTML (as Markdown wrote them, before Pelican resolves
`{static}`), the file each one names, the line of the link in the Markdown source, and the entry markup."""

import html
import posixpath
import re
from collections.abc import Callable

from markupsafe import escape

from .files import kind_of

# <a … href="…" …>text</a> as Markdown writes it (one line per element, no nested links).
LINK = re.compile(r'<a\s(?P<attrs>[^>]*?)href="(?P<href>[^"]*)"(?P<rest>[^>]*)>(?P<text>.*?)</a>', re.DOTALL)
# Pelican's placeholders for files in content/ ("{static}" and the older "|static|").
PLACEHOLDER = re.compile(r"^(?:\{(?:static|filename|attach)\}|\|(?:static|filename|attach)\|)(?P<path>[^?#]*)")
TAGS = re.compile(r"<[^>]+>")


def linked_path(href: str, source_dir: str) -> str | None:
    """The path below content/ of a document a link names (`{static}/dokumente/x.pdf`), or None.

    A leading "/" starts at content/, anything else at the linking file's folder, as Pelican reads it.
    """
    match = PLACEHOLDER.match(html.unescape(href).strip())
    if not match or not kind_of(match.group("path")):
        return None
    path = match.group("path")
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(source_dir, path)
    normalised = posixpath.normpath(joined)
    return None if normalised.startswith("..") else normalised


def link_text(markup: str) -> str:
    """The plain text of a link's content (tags removed, entities read, spaces joined)."""
    return " ".join(html.unescape(TAGS.sub("", markup)).split())


def source_line(source: str, path: str) -> int:
    """The line of the first link to `path` in a Markdown file (its file name if written relatively), else 1."""
    name = path.rsplit("/", 1)[-1]
    lines = source.splitlines()
    for needle in (path, name):
        for number, line in enumerate(lines, start=1):
            if needle in line:
                return number
    return 1


def entry_markup(link: str, entry, texts: dict) -> str:
    """The link kept as written, then its type, size, pages, language and date, and for a PDF that is not
    accessible the note and the link asking for an accessible version."""
    parts = [
        '<span class="document-entry document-entry--inline">',
        link,
        f' <span class="document-entry__meta">({escape(entry.meta_text)})</span>',
    ]
    if entry.accessible is False:
        parts.append(f' <span class="document-entry__note">{escape(texts["document_not_accessible"])}')
        if entry.request_url:
            parts.append(
                f' <a class="document-entry__request" href="{escape(entry.request_url)}">'
                f"{escape(texts['document_request'])}</a>"
            )
        parts.append("</span>")
    parts.append("</span>")
    return "".join(parts)


def annotate_links(markup: str, source_dir: str, describe: Callable[[str, str, str], str | None]) -> str:
    """`markup` with every document link followed by its entry: `describe(path, text, link)` returns the
    replacement for one link, or None to keep it as it is (a file that does not exist)."""

    def replace(match: re.Match) -> str:
        path = linked_path(match.group("href"), source_dir)
        if path is None:
            return match.group(0)
        replacement = describe(path, link_text(match.group("text")), match.group(0))
        return match.group(0) if replacement is None else replacement

    return LINK.sub(replace, markup)
