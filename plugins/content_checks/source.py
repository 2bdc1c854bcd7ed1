"""Read a Markdown source file the way Pelican will, keeping line numbers for messages.

The header follows the rules of Python-Markdown's `meta` extension, which Pelican
uses: `Key: value` lines up to the first blank line, continuation lines indented
by four spaces. Markdown silently turns a header line that breaks these rules,
and every line after it, into body text; this reader reports such a line instead.
"""

import re
from dataclasses import dataclass, field

from .problems import Problem

# The same patterns as markdown.extensions.meta, so we read exactly what Pelican reads.
FIELD_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
CONTINUATION_LINE = re.compile(r"^[ ]{4,}(?P<value>.*)")
YAML_FENCE = re.compile(r"^-{3}(\s.*)?$")
# A name with letters Markdown does not allow, such as "Schlagwörter: …".
FIELD_LIKE_LINE = re.compile(r"^\s*(?P<key>[^\s:][^:]{0,40}):\s*(?P<value>.*)")
BYTE_ORDER_MARK = "\ufeff"


@dataclass(frozen=True)
class Field:
    """One metadata field as written: `name` as the author spelled it, `key` in lower case."""

    name: str
    value: str
    line: int

    @property
    def key(self) -> str:
        return self.name.lower()


@dataclass
class Source:
    """A content file split into header fields and body, with the problems found on the way."""

    path: str
    fields: list[Field] = field(default_factory=list)
    body: str = ""
    body_line: int = 1
    header_end_line: int = 1
    problems: list[Problem] = field(default_factory=list)
    readable: bool = True

    def first(self, key: str) -> Field | None:
        """The first field with this (lower-case) key, as Pelican uses it."""
        return next((item for item in self.fields if item.key == key), None)

    def report(self, line: int, what: str, fix: str) -> None:
        self.problems.append(Problem(self.path, line, what, fix))


@dataclass(frozen=True)
class SourceLimits:
    """Sizes beyond which a file is almost certainly a mistake (a pasted image, a data dump)."""

    max_bytes: int = 1_000_000
    max_line_length: int = 20_000


def _decode(source: Source, data: bytes) -> str | None:
    """Text of the file, or None if it is no text file; reports a wrong encoding."""
    if b"\x00" in data[:65536]:
        source.report(
            1,
            "Die Datei enthält Binärdaten und ist keine Textdatei",
            "Speichern Sie den Text im Editor als reine Textdatei (.md, UTF-8); "
            "ein umbenanntes Word-Dokument oder Bild funktioniert nicht",
        )
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        text = data.decode("cp1252", errors="replace")
        words = text.splitlines()[line - 1].split() if text.splitlines() else []
        sample = next((word for word in words if any(ord(letter) > 127 for letter in word)), "")
        example = f" (zum Beispiel „{sample}“)" if sample else ""
        source.report(
            line,
            f"Die Datei ist nicht in UTF-8 gespeichert, sondern vermutlich in Latin-1/Windows-1252{example}",
            "Öffnen Sie sie im Editor und speichern Sie sie mit der Kodierung „UTF-8“",
        )
        # Check the rest anyway, so the author sees every problem in one run.
        return text


def _check_size(source: Source, data: bytes, lines: list[str], limits: SourceLimits) -> None:
    if len(data) > limits.max_bytes:
        size = f"{len(data) / 1_000_000:.1f}".replace(".", ",")
        source.report(
            1,
            f"Die Datei ist {size} MB groß; ein Beitrag hat selten mehr als 100 KB",
            "Fügen Sie Bilder und Dokumente als Datei ein (content/images/, content/dokumente/), "
            "nicht als Text, und teilen Sie sehr lange Texte auf",
        )
    for number, line in enumerate(lines, start=1):
        if len(line) > limits.max_line_length:
            source.report(
                number,
                f"Die Zeile hat {len(line):,} Zeichen".replace(",", "."),
                "Vermutlich wurden Daten eingefügt (etwa ein Bild als Text); "
                "entfernen Sie sie oder teilen Sie den Absatz auf",
            )
            break


def _report_broken_header_line(source: Source, number: int, line: str) -> None:
    if line[:1] == "\t" or line.startswith(" \t"):
        source.report(
            number,
            "Die Zeile im Kopf beginnt mit einem Tabulator; so endet der Kopf hier und der Rest wird Text",
            "Rücken Sie Folgezeilen einer Angabe mit vier Leerzeichen ein, nicht mit Tab",
        )
        return
    field_like = FIELD_LIKE_LINE.match(line)
    if field_like:
        source.report(
            number,
            f"Der Feldname „{field_like['key'].strip()}“ ist ungültig; so endet der Kopf hier und der Rest wird Text",
            "Feldnamen bestehen nur aus Buchstaben a–z ohne Umlaute, Ziffern, - und _ (zum Beispiel „Tags“)",
        )
        return
    shown = line.strip() if len(line.strip()) <= 60 else line.strip()[:57] + "…"
    source.report(
        number,
        f"Die Zeile „{shown}“ steht im Kopf, hat aber keinen Doppelpunkt; so endet der Kopf hier und der Rest wird Text",
        "Schreiben Sie „Feld: Wert“; oder, wenn hier der Text beginnt, lassen Sie davor eine Leerzeile",
    )


def _split_header(source: Source, lines: list[str]) -> None:
    index = 0
    if lines and YAML_FENCE.match(lines[0]):
        index = 1
    if index >= len(lines) or not FIELD_LINE.match(lines[index]):
        source.body_line = 1
        source.body = "\n".join(lines)
        return
    fields: list[list] = []  # [name, value lines, line number]
    broken_reported = False
    while index < len(lines) and lines[index].strip() and not (index and YAML_FENCE.match(lines[index])):
        line = lines[index]
        match = FIELD_LINE.match(line)
        continuation = CONTINUATION_LINE.match(line)
        if match:
            fields.append([match["key"], [match["value"].strip()], index + 1])
        elif continuation and fields:
            fields[-1][1].append(continuation["value"].strip())
        elif not broken_reported:
            _report_broken_header_line(source, index + 1, line)
            broken_reported = True
        index += 1
    source.header_end_line = index  # the last header line (1-based)
    if index < len(lines) and YAML_FENCE.match(lines[index]):
        index += 1
    source.fields = [Field(name, "\n".join(value for value in values if value), line) for name, values, line in fields]
    while index < len(lines) and not lines[index].strip():
        index += 1
    source.body_line = index + 1
    source.body = "\n".join(lines[index:])


def read_source(path: str, data: bytes, limits: SourceLimits = SourceLimits()) -> Source:
    """Split a Markdown file's bytes into fields and body; file-level problems go into `problems`."""
    source = Source(path)
    if not data.strip():
        source.readable = False
        source.report(
            1,
            "Die Datei ist leer",
            "Schreiben Sie oben die Angaben (Title: …) und darunter den Text, oder löschen Sie die Datei",
        )
        return source
    text = _decode(source, data)
    if text is None:
        source.readable = False
        return source
    # Accepted as they are, like Pelican does: a byte-order mark and Windows line endings.
    text = text.removeprefix(BYTE_ORDER_MARK).replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    _check_size(source, data, lines, limits)
    _split_header(source, lines)
    if not source.fields:
        source.report(
            1,
            "Die Datei hat keinen Kopf mit Angaben; ohne „Title“ wird sie nicht veröffentlicht",
            "Schreiben Sie in die ersten Zeilen „Title: …“ und die weiteren Angaben, dann eine Leerzeile, dann den Text",
        )
    elif not source.body.strip():
        source.report(
            source.header_end_line,
            "Nach den Angaben folgt kein Text",
            "Schreiben Sie den Text nach einer Leerzeile unter die Angaben",
        )
    return source
