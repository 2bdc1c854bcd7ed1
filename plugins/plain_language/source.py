"""Read a Markdown source into header fields and prose blocks, each character traced to its line."""

import html
import re
from dataclasses import dataclass, field

HEADER_FIELD = re.compile(r"^([A-Za-z][\w-]*):\s*(.*)$")
FENCE = re.compile(r"^\s*(```|~~~)")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
ABBREVIATION_DEFINITION = re.compile(r"^\*\[([^\]]+)\]:\s*(.*)$")
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]^]+\]:\s*\S+")
HORIZONTAL_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")

# Inline Markdown, removed or reduced to its visible text (order matters).
INLINE_RULES = (
    (re.compile(r"`[^`]*`"), " "),  # code spans: not prose
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), " "),  # images: their alt text is checked elsewhere
    (re.compile(r"!\[[^\]]*\]\[[^\]]*\]"), " "),
    (re.compile(r"\[\^[^\]]+\]"), ""),  # footnote references
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links: their text
    (re.compile(r"\[([^\]]*)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<https?://[^>]*>|<[^@>\s]+@[^>\s]+>"), " "),  # autolinks
    (re.compile(r"https?://\S+"), " "),
    (re.compile(r"<!--.*?-->"), " "),
    (re.compile(r"</?[A-Za-z][^>]*>"), " "),  # inline HTML tags
    (re.compile(r"\{:[^}]*\}"), " "),  # attribute lists
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),  # italics
    (re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!])"), r"\1"),  # escapes
)
ITALICS = (
    re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![\w*])"),
    re.compile(r"(?<![\w_\\])_(?=[^\s_])([^_]+?)(?<=[^\s_])_(?![\w_])"),
    re.compile(r"<(?:em|i)>(.*?)</(?:em|i)>"),
)
BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|<(?:strong|b)>(.*?)</(?:strong|b)>")
CODE_SPAN = re.compile(r"`[^`]*`")


@dataclass
class Block:
    """One paragraph, heading or list item: its visible text and where each character came from."""

    text: str
    starts: list[tuple[int, int]]  # (offset in text, source line), ascending
    heading: bool = False
    bold_words: set[str] = field(default_factory=set)  # words written in bold (LS: an emphasised „nicht“)

    def line_at(self, offset: int) -> int:
        """The source line of the character at `offset`."""
        line = self.starts[0][1]
        for start, number in self.starts:
            if start > offset:
                break
            line = number
        return line


@dataclass
class Source:
    """A Markdown file read for the language checks."""

    fields: dict[str, tuple[str, int]]  # lower-case field name → (value, line)
    blocks: list[Block]
    italics: list[tuple[int, str]]  # (line, the italic text)
    abbreviations: dict[str, str]  # Markdown-extra definitions *[BMI]: Bundesministerium des Innern


def clean_inline(line: str) -> str:
    """The visible text of one line of Markdown."""
    for pattern, replacement in INLINE_RULES:
        line = pattern.sub(replacement, line)
    return html.unescape(line)


def split_header(lines: list[str]) -> tuple[dict[str, tuple[str, int]], int]:
    """The header fields (Pelican's `Key: value` lines at the top) and the index of the first body line."""
    fields: dict[str, tuple[str, int]] = {}
    index = 0
    last = None
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            break
        match = HEADER_FIELD.match(line)
        if match:
            last = match.group(1).lower()
            fields.setdefault(last, (match.group(2).strip(), index + 1))
        elif last is not None and line.startswith((" ", "\t")):
            value, number = fields[last]
            fields[last] = (f"{value} {line.strip()}", number)
        else:
            break
        index += 1
    return (fields, index) if fields else ({}, 0)


def _flush(blocks: list[Block], pending: list[tuple[int, str]], heading: bool = False) -> None:
    if not pending:
        return
    text, starts, bold = "", [], set()
    for number, raw in pending:
        for match in BOLD.finditer(CODE_SPAN.sub(" ", raw)):
            bold.update(re.findall(r"\w+", (match.group(2) or match.group(3) or "").lower()))
        visible = " ".join(clean_inline(raw).split())
        if not visible:
            continue
        if text:
            text += " "
        starts.append((len(text), number))
        text += visible
    if text.strip():
        blocks.append(Block(" ".join(text.split(" ")), starts, heading, bold))
    pending.clear()


def read_markdown(text: str) -> Source:
    """Header fields, prose blocks (code, tables, comments and raw HTML left out) and italics of a Markdown file."""
    lines = text.lstrip("\ufeff").splitlines()
    fields, first = split_header(lines)
    blocks: list[Block] = []
    italics: list[tuple[int, str]] = []
    abbreviations: dict[str, str] = {}
    pending: list[tuple[int, str]] = []
    in_fence = in_comment = False
    fence = ""
    index = first
    while index < len(lines):
        number, line = index + 1, lines[index]
        index += 1
        if in_fence:
            in_fence = not line.strip().startswith(fence)
            continue
        if in_comment:
            in_comment = "-->" not in line
            continue
        stripped = line.strip()
        if match := FENCE.match(line):
            _flush(blocks, pending)
            in_fence, fence = True, match.group(1)
            continue
        if stripped.startswith("<!--") and "-->" not in stripped:
            _flush(blocks, pending)
            in_comment = True
            continue
        if pending and SETEXT_UNDERLINE.match(line):
            _flush(blocks, pending, heading=True)
            continue
        if not stripped or HORIZONTAL_RULE.match(line):
            _flush(blocks, pending)
            continue
        if match := ABBREVIATION_DEFINITION.match(line):
            abbreviations[match.group(1).strip()] = match.group(2).strip()
            continue
        if REFERENCE_DEFINITION.match(line):
            continue
        if stripped.startswith("|") or TABLE_SEPARATOR.match(line):
            # Tables are not prose: cells are fragments, so sentence rules would misfire on them.
            _flush(blocks, pending)
            while index < len(lines) and lines[index].strip():
                index += 1
            continue
        if re.match(r"^<[A-Za-z/!]", stripped) and re.fullmatch(r"(<[^>]*>\s*)+", stripped):
            _flush(blocks, pending)  # a line of only HTML tags: a raw HTML block's frame
            continue
        if (line.startswith("    ") or line.startswith("\t")) and not pending and not LIST_ITEM.match(line):
            previous = blocks[-1] if blocks else None
            if previous is None or previous.heading or not _was_list(lines, index - 2):
                continue  # indented code block
        for pattern in ITALICS:
            for match in pattern.finditer(CODE_SPAN.sub(" ", line)):
                italics.append((number, match.group(1)))
        if HEADING.match(line):
            _flush(blocks, pending)
            pending.append((number, HEADING.sub("", line).rstrip("# ")))
            _flush(blocks, pending, heading=True)
            continue
        if LIST_ITEM.match(line):
            _flush(blocks, pending)
            line = LIST_ITEM.sub("", line, count=1)
        line = re.sub(r"^\s*(>\s?)+", "", line)
        pending.append((number, line))
    _flush(blocks, pending)
    return Source(fields, blocks, italics, abbreviations)


def _was_list(lines: list[str], index: int) -> bool:
    """Whether the last non-blank line before `index` belongs to a list (indented lines then continue it)."""
    while index >= 0 and not lines[index].strip():
        index -= 1
    while index >= 0 and lines[index].strip():
        if LIST_ITEM.match(lines[index]):
            return True
        index -= 1
    return False
