"""Pure functions: the `[[video: name]]` lines of a text, in its Markdown source (with line numbers) and in the
HTML Markdown made of it (a paragraph of its own)."""

import re
from dataclasses import dataclass

# A line of its own in the source: "[[video: ueber-diese-seite]]" (spaces and case of "video" free).
SOURCE_LINE = re.compile(r"^\s{0,3}\[\[\s*video\s*:(?P<name>[^\]]*)\]\]\s*$", re.IGNORECASE)
ANYWHERE = re.compile(r"\[\[\s*video\s*:", re.IGNORECASE)
FENCE = re.compile(r"^\s{0,3}(```|~~~)")
# The same line as Markdown writes it: a paragraph of its own (in a right-to-left translation localisation has
# wrapped its Latin run in <bdi>, so tags may sit anywhere inside the brackets).
PARAGRAPH = re.compile(r"<p>\s*\[\[(?P<inner>(?:[^\]<]|<[^>]*>)*)\]\]\s*</p>")
INNER = re.compile(r"^\s*video\s*:(?P<name>.*)$", re.IGNORECASE | re.DOTALL)
TAGS = re.compile(r"<[^>]*>")
NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Placeholder:
    line: int
    name: str


def source_placeholders(source: str) -> tuple[list[Placeholder], list[int]]:
    """The placeholders of a Markdown file in order, and the lines that mention one without standing alone
    (those Markdown would show as text). Lines in fenced or indented code are examples, not placeholders."""
    found, stray, fenced, in_header = [], [], None, True
    for number, line in enumerate(source.splitlines(), start=1):
        if in_header:
            in_header = bool(line.strip())
            continue
        fence = FENCE.match(line)
        if fence:
            fenced = None if fenced == fence.group(1) else (fenced or fence.group(1))
            continue
        if fenced or line.startswith(("    ", "\t")):
            continue
        match = SOURCE_LINE.match(line)
        if match:
            found.append(Placeholder(number, match.group("name").strip()))
        elif ANYWHERE.search(line):
            stray.append(number)
    return found, stray


def valid_name(name: str) -> bool:
    """A video's name is its file name without .mp4: small letters, digits and single hyphens."""
    return bool(NAME.match(name))


def replace_placeholders(markup: str, render) -> str:
    """`markup` with each placeholder paragraph replaced by `render(name, index)` (index counts from 0 in
    order); where `render` returns None the paragraph stays as it is."""
    counter = iter(range(1_000_000))

    def replace(match: re.Match) -> str:
        inner = INNER.match(TAGS.sub("", match.group("inner")))
        if inner is None:
            return match.group(0)  # another [[…]] paragraph
        name = " ".join(inner.group("name").split())
        result = render(name, next(counter))
        return match.group(0) if result is None else result

    return PARAGRAPH.sub(replace, markup)
