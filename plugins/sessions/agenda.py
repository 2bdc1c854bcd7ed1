"""The Tagesordnung in a session's body: numbered items, the non-public part labelled and reduced to titles."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag

HEADINGS = ("h2", "h3", "h4", "h5", "h6")
BLOCKS = ("ul", "ol", "p", "div", "table", "blockquote")
PUBLIC, NON_PUBLIC = "public", "non_public"


@dataclass
class Agenda:
    """The body with its agenda rendered, and what an author should hear about it."""

    html: str
    parts: list[str] = field(default_factory=list)  # the parts found, in order ("public", "non_public")
    empty_parts: list[str] = field(default_factory=list)  # a part's heading without a list below it
    trimmed: list[str] = field(default_factory=list)  # non-public items whose details were left out


def normalise(text: str) -> str:
    """Heading text compared without case, spaces, hyphens and punctuation: „Nicht-öffentlicher Teil:“."""
    return re.sub(r"[\W_]+", "", text.casefold())


def agenda_part(heading: str, names: dict[str, list[str]]) -> str | None:
    """Which part of the agenda a heading opens ("public", "non_public"), or None.

    `names` maps each part to the heading texts that open it (every language's, German included).
    """
    text = normalise(heading)
    for part in (NON_PUBLIC, PUBLIC):  # „Nichtöffentlicher Teil“ ends like „Öffentlicher Teil“
        if any(text == normalise(name) for name in names.get(part, [])):
            return part
    return None


def list_after(heading: Tag) -> Tag | None:
    """The first list after a heading, before the next heading; None if the part has no list."""
    for sibling in heading.next_siblings:
        if not isinstance(sibling, Tag):
            continue
        if sibling.name in HEADINGS:
            return None
        if sibling.name in ("ul", "ol"):
            return sibling
    return None


def item_title(item: Tag) -> str:
    """The first line of a list item: its text before any nested list or second paragraph."""
    first_paragraph = item.find("p", recursive=False)
    if first_paragraph is not None:
        return " ".join(first_paragraph.get_text(" ").split())
    parts = [
        child.get_text(" ") if isinstance(child, Tag) else str(child)
        for child in item.children
        if not (isinstance(child, Tag) and child.name in BLOCKS)
    ]
    return " ".join("".join(parts).split())


def render_agenda(
    html: str,
    names: dict[str, list[str]],
    item_label: Callable[[int], str],
    non_public_note: str,
) -> Agenda:
    """Number the agenda's items across both parts ("TOP 1" …) and mark the non-public part.

    Its items keep only their title: details of a non-public item (sub-items, further paragraphs, links)
    are not for the public, so they are left out of the page and named in `trimmed`.
    """
    soup = BeautifulSoup(html, "html.parser")
    agenda = Agenda(html=html)
    number = 0
    for heading in soup.find_all(HEADINGS):
        part = agenda_part(heading.get_text(" "), names)
        if part is None:
            continue
        agenda.parts.append(part)
        modifier = part.replace("_", "-")
        heading["class"] = [
            *heading.get("class", []),
            "session-agenda__heading",
            f"session-agenda__heading--{modifier}",
        ]
        found = list_after(heading)
        if part == NON_PUBLIC:
            note = soup.new_tag("p", attrs={"class": "session-agenda__note"})
            note.string = non_public_note
            heading.insert_after(note)
        if found is None:
            agenda.empty_parts.append(part)
            continue
        found.name = "ol"
        found.attrs = {"class": ["session-agenda__list", f"session-agenda__list--{modifier}"]}
        for item in found.find_all("li", recursive=False):
            number += 1
            label = soup.new_tag("span", attrs={"class": "session-agenda__number"})
            label.string = item_label(number)
            blocks = item.find(BLOCKS, recursive=False) is not None
            text = soup.new_tag("div" if blocks else "span", attrs={"class": "session-agenda__text"})
            if part == NON_PUBLIC:
                title = item_title(item)
                if " ".join(item.get_text(" ").split()) != title or item.find(["a", "img"]):
                    agenda.trimmed.append(title)
                item.clear()
                text.name = "span"
                text.string = title
            else:
                for child in list(item.contents):
                    text.append(child.extract())
            # The space keeps "TOP 1" and the title apart for screen readers and copied text.
            item.extend([label, NavigableString(" "), text])
            item["class"] = ["session-agenda__item"]
    if agenda.parts:
        agenda.html = str(soup)
    return agenda


def heading_line(source: str, part: str, names: dict[str, list[str]]) -> int | None:
    """The line of the Markdown heading that opens `part`, for messages."""
    for number, line in enumerate(source.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("#") and agenda_part(stripped.lstrip("#").strip(" #"), names) == part:
            return number
    return None
