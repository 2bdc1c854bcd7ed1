"""Pure functions: read a WebVTT caption file (W3C WebVTT) into its title and cues, or say in German what is wrong."""

import html
import re
from dataclasses import dataclass

# "WEBVTT", optionally a space or tab and a title (the header line of the format).
HEADER = re.compile(r"^\ufeff?WEBVTT(?:[ \t](?P<title>.*))?$")
# hh:mm:ss.ttt or mm:ss.ttt (hours optional, minutes and seconds two digits, milliseconds three).
TIME = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
TIMING = re.compile(rf"^{TIME}[ \t]+-->[ \t]+{TIME}(?:[ \t]+.*)?$")
TAGS = re.compile(r"<[^>]*>")


class VttError(ValueError):
    """A caption file that does not follow WebVTT: the line and what is wrong, in German."""

    def __init__(self, line: int, what: str):
        super().__init__(f"Zeile {line}: {what}")
        self.line = line
        self.what = what


@dataclass(frozen=True)
class Cue:
    start: float  # seconds
    end: float
    text: str  # the cue's text without WebVTT tags, its lines joined by a space
    line: int  # the line of its timing in the file


@dataclass(frozen=True)
class Captions:
    title: str  # the header's text after "WEBVTT", "" if none
    cues: tuple[Cue, ...]


def seconds(hours: str | None, minutes: str, secs: str, millis: str) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(secs) + int(millis) / 1000


def plain_text(payload: list[str]) -> str:
    """A cue's lines as readers see them: tags (<v>, <b>, <c.x>) removed, entities read, lines joined."""
    return " ".join(" ".join(html.unescape(TAGS.sub("", line)).split()) for line in payload).strip()


def blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """The blocks separated by blank lines, each with the number of its first line."""
    found, current, start = [], [], 0
    for number, line in enumerate(lines, start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            found.append((start, current))
            current = []
    if current:
        found.append((start, current))
    return found


def parse(text: str) -> Captions:
    """The title and cues of a WebVTT file; VttError if the header, a timing, the order or a cue is wrong."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header = HEADER.match(lines[0]) if lines else None
    if header is None:
        raise VttError(1, "die erste Zeile muss „WEBVTT“ lauten")
    parts = blocks(lines)
    title = (header.group("title") or "").strip()
    cues: list[Cue] = []
    for start, block in parts[1:] if parts and parts[0][0] == 1 else parts:
        if block[0].startswith(("NOTE", "STYLE", "REGION")) and "-->" not in block[0]:
            continue
        timing_at = 0 if "-->" in block[0] else 1
        if timing_at >= len(block) or "-->" not in block[timing_at]:
            raise VttError(start, "Block ohne Zeitangabe „00:00:00.000 --> 00:00:04.000“")
        line = start + timing_at
        match = TIMING.match(block[timing_at].strip())
        if match is None:
            raise VttError(
                line, f"Zeitangabe „{block[timing_at].strip()}“ nicht lesbar (Form: 00:00:04.000 --> 00:00:08.000)"
            )
        begin, end = seconds(*match.groups()[:4]), seconds(*match.groups()[4:])
        if end <= begin:
            raise VttError(line, "das Ende liegt nicht nach dem Anfang")
        if cues and begin < cues[-1].start:
            raise VttError(
                line, "dieser Untertitel beginnt früher als der vorige (die Untertitel müssen nach Zeit geordnet sein)"
            )
        payload = plain_text(block[timing_at + 1 :])
        if not payload:
            raise VttError(line, "der Untertitel hat keinen Text")
        cues.append(Cue(begin, end, payload, line))
    if not cues:
        raise VttError(1, "die Datei enthält keinen Untertitel")
    return Captions(title, tuple(cues))
