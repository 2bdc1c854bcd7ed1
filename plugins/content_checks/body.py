"""Checks of the Markdown body: headings, link texts, insecure links and HTML the site does not allow.

The body is scanned line by line with patterns for the Markdown constructs we
care about, because authors need line numbers, which rendered HTML has lost.
Code (fenced blocks and `inline code`) is blanked out first: an example of
`<script>` in a code block is text, not a script.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .rules import Rules
from .source import Source

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]|$)")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
# [text](target "title") and ![alt](target); the text may hold one level of brackets,
# so a linked image [![alt](bild.png)](ziel) is found too.
INLINE_LINK = re.compile(
    r"(?P<image>!?)\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*(?P<target><[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
)
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[(?P<label>[^\]]+)\]:\s*(?P<target>\S+)")
AUTOLINK = re.compile(r"<(?P<target>(?:https?|ftp)://[^\s>]+)>")
ATTRIBUTE_LIST = re.compile(r"\{:?[^{}\n]*?\b(?P<name>style|on[a-z]+)\s*=")
FORBIDDEN_ELEMENTS = {"script", "iframe", "object", "embed", "style", "frame", "frameset", "applet"}
LINK_ATTRIBUTES = {"a": "href", "img": "src", "source": "srcset", "link": "href"}


@dataclass(frozen=True)
class Link:
    """A link or image in the body, as written, with its line."""

    line: int
    target: str
    text: str
    is_image: bool


def blank_out_code(body: str) -> str:
    """The body with code blocks and inline code replaced by spaces; lines stay where they are."""
    lines = body.split("\n")
    fence = None
    for number, line in enumerate(lines):
        opening = FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            lines[number] = ""
        elif opening:
            fence = opening.group(1)
            lines[number] = ""
        else:
            lines[number] = INLINE_CODE.sub(lambda match: " " * len(match.group(0)), line)
    return "\n".join(lines)


def _plain(text: str) -> str:
    """Link text as a reader hears it: without Markdown marks and trailing punctuation."""
    text = re.sub(r"[*_`]", "", text)
    return " ".join(text.split()).strip(" .:!?…»«„“\"'").lower()


def _headings(lines: list[str]) -> list[tuple[int, int]]:
    """(line index, level) of every Markdown heading."""
    found = []
    for index, line in enumerate(lines):
        atx = ATX_HEADING.match(line)
        if atx:
            found.append((index, len(atx.group(1))))
            continue
        underline = SETEXT_UNDERLINE.match(line)
        previous = lines[index - 1] if index else ""
        if underline and previous.strip() and not ATX_HEADING.match(previous) and not _is_block_start(previous):
            found.append((index - 1, 1 if underline.group(1)[0] == "=" else 2))
    return found


def _is_block_start(line: str) -> bool:
    """A list item, quote or table row, after which "---" is a rule, not a heading underline."""
    return bool(re.match(r"^\s*([-*+>|]|\d+[.)])\s", line)) or "|" in line


def _check_headings(source: Source, lines: list[str], offset: int) -> None:
    previous_level = 1  # the page title is the only level-1 heading
    for index, level in _headings(lines):
        if level == 1:
            source.report(
                index + offset,
                "Eine Überschrift der Ebene 1 (# …) im Text; die Hauptüberschrift ist schon der Titel",
                "Beginnen Sie Zwischenüberschriften mit zwei Rauten (## …)",
            )
        elif level > previous_level + 1:
            source.report(
                index + offset,
                f"Die Überschrift springt von Ebene {previous_level} auf Ebene {level} ({'#' * level} …); "
                "Screenreader-Nutzende verlieren so die Gliederung",
                f"Verwenden Sie {'#' * (previous_level + 1)} (Ebene {previous_level + 1})",
            )
        previous_level = max(level, 1)


class _HtmlScanner(HTMLParser):
    """Collects forbidden elements, forbidden attributes and links of raw HTML in the body."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forbidden: list[tuple[int, str]] = []
        self.links: list[tuple[int, str, str]] = []

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        if tag in FORBIDDEN_ELEMENTS:
            self.forbidden.append((line, f"das Element <{tag}>"))
        for name, value in attrs:
            if name == "style" or name.startswith("on"):
                self.forbidden.append((line, f"das Attribut {name}= in <{tag}>"))
            elif LINK_ATTRIBUTES.get(tag) == name and value:
                self.links.append((line, tag, value))


def scan_html(text: str) -> _HtmlScanner:
    """Parse raw HTML (also inside Markdown) and keep what the checks need, with 1-based lines."""
    scanner = _HtmlScanner()
    scanner.feed(text)
    scanner.close()
    return scanner


def forbidden_html_problem(what: str) -> tuple[str, str]:
    """Message and fix for HTML that the Content Security Policy blocks."""
    return (
        f"Im Text steht {what}; Skripte, eingebettete fremde Inhalte und Stilangaben sind auf der Website gesperrt",
        "Entfernen Sie es; für Videos oder Karten setzen Sie einen Link auf die Seite des Anbieters",
    )


def _check_html(source: Source, text: str, offset: int) -> list[tuple[int, str, str]]:
    scanner = scan_html(text)
    for line, what in scanner.forbidden:
        source.report(line + offset - 1, *forbidden_html_problem(what))
    for index, line in enumerate(text.split("\n")):
        attribute = ATTRIBUTE_LIST.search(line)
        if attribute:
            source.report(index + offset, *forbidden_html_problem(f"das Attribut {attribute['name']}= in {{: … }}"))
    return scanner.links


def _collect_links(text: str, offset: int, html_links) -> list[Link]:
    links = []
    for index, line in enumerate(text.split("\n")):
        for match in INLINE_LINK.finditer(line):
            target = match["target"].strip("<>")
            links.append(Link(index + offset, target, match["text"], bool(match["image"])))
            # A linked image: the image inside the text is a link of its own.
            for inner in INLINE_LINK.finditer(match["text"]):
                links.append(Link(index + offset, inner["target"].strip("<>"), inner["text"], bool(inner["image"])))
        definition = REFERENCE_DEFINITION.match(line)
        if definition:
            links.append(Link(index + offset, definition["target"].strip("<>"), definition["label"], False))
        for match in AUTOLINK.finditer(line):
            links.append(Link(index + offset, match["target"], match["target"], False))
    for line, tag, value in html_links:
        links.append(Link(line + offset - 1, value, "", tag in ("img", "source")))
    return sorted(links, key=lambda link: link.line)


def _check_link_texts_and_schemes(source: Source, links: list[Link], rules: Rules) -> None:
    for link in links:
        if not link.is_image and link.text and _plain(link.text) in rules.vague_link_texts:
            source.report(
                link.line,
                f"Der Linktext „{link.text.strip()}“ sagt nicht, wohin der Link führt; "
                "Screenreader lesen Links oft ohne den Satz drumherum vor",
                "Schreiben Sie das Ziel in den Linktext, zum Beispiel „[Anmeldeformular Sprachtandem](…)“",
            )
        lowered = link.target.lower()
        if lowered.startswith("http://"):
            source.report(
                link.line,
                f"Der Link „{link.target}“ ist unverschlüsselt (http://)",
                "Schreiben Sie https://; fast alle Websites bieten das an",
            )
        elif lowered.startswith("javascript:"):
            source.report(link.line, *forbidden_html_problem("ein javascript:-Link"))


LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])[ \t]+\S")
INDENTED_TEXT = re.compile(r"^(?: {4}|\t)[ \t]*\S")


def _check_swallowed_list_items(source: Source, lines: list[str], offset: int) -> None:
    """A list item right below an indented paragraph of the item before (no blank line between) is
    read by Markdown as more text of that paragraph: the reader sees „… Kind. - Sie haben …“."""
    for index in range(1, len(lines)):
        if LIST_ITEM.match(lines[index]) and INDENTED_TEXT.match(lines[index - 1]):
            source.report(
                index + offset,
                "Dieser Listenpunkt wird an den eingerückten Absatz darüber angehängt und erscheint nicht als "
                "eigener Punkt",
                "Fügen Sie davor eine Leerzeile ein",
            )


def check_body(source: Source, rules: Rules) -> list[Link]:
    """Report problems in the body and return its links and images for the reference checks."""
    if not source.body:
        return []
    text = blank_out_code(source.body)
    offset = source.body_line
    _check_headings(source, text.split("\n"), offset)
    _check_swallowed_list_items(source, text.split("\n"), offset)
    html_links = _check_html(source, text, offset)
    links = _collect_links(text, offset, html_links)
    _check_link_texts_and_schemes(source, links, rules)
    return links


def check_header_html(source: Source) -> None:
    """Title, Summary and the other fields must not carry scripts or event handlers either."""
    for field in source.fields:
        scanner = scan_html(field.value)
        for _line, what in scanner.forbidden:
            source.report(field.line, *forbidden_html_problem(f"{what} (im Feld „{field.name}“)"))
