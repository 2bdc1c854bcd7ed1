"""Pure functions: isolate left-to-right data (e-mail, web addresses, phone numbers, German names)
inside right-to-left text, so the bidirectional algorithm cannot reorder it with its neighbours."""

import re

from bs4 import BeautifulSoup, NavigableString

# A run of Latin-script text: starts and ends with a Latin letter or digit, may contain the
# punctuation of addresses, e-mail and web addresses (not brackets: they belong to the sentence);
# at least one Latin letter in it.
_LATIN = r"A-Za-z\u00C0-\u024F"
LATIN_RUN = re.compile(rf"(?:https?://)?[{_LATIN}0-9+][{_LATIN}0-9 .,:;/@+\-_&'’%#=?~]*[{_LATIN}0-9]|[{_LATIN}]")
# A phone number without letters: "+49 6131 12-345".
PHONE = re.compile(r"\+?\d[\d \-/()]{5,}\d")
# Elements whose text is not running text, or is isolated already.
SKIP = {"bdi", "bdo", "code", "pre", "kbd", "samp", "script", "style", "svg", "math", "textarea"}


def latin_runs(text: str) -> list[tuple[int, int]]:
    """Start and end of every run of Latin-script data (with a Latin letter, or a phone number)."""
    runs = []
    for match in LATIN_RUN.finditer(text):
        if re.search(f"[{_LATIN}]", match.group()) or PHONE.fullmatch(match.group()):
            runs.append(match.span())
    for match in PHONE.finditer(text):
        if not any(start <= match.start() < end for start, end in runs):
            runs.append(match.span())
    return sorted(runs)


def _isolated(node) -> bool:
    return any(parent.name in SKIP or parent.has_attr("dir") for parent in node.parents if parent.name)


def isolate_latin_runs(html: str) -> str:
    """`html` (a right-to-left item's body) with each Latin-script run wrapped in `<bdi>`."""
    if not html or not re.search(f"[{_LATIN}]|\\d", html):
        return html
    soup = BeautifulSoup(html, "html.parser")
    for node in list(soup.find_all(string=True)):
        if type(node) is not NavigableString or _isolated(node):
            continue
        text = str(node)
        runs = latin_runs(text)
        if not runs:
            continue
        parts, position = [], 0
        for start, end in runs:
            if start > position:
                parts.append(NavigableString(text[position:start]))
            bdi = soup.new_tag("bdi")
            bdi.string = text[start:end]
            parts.append(bdi)
            position = end
        if position < len(text):
            parts.append(NavigableString(text[position:]))
        node.replace_with(*parts)
    return str(soup)
