"""One problem found in a content file, and how it is written for the author."""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """What is wrong where, and how to fix it: `path:line: what — fix`."""

    path: str
    line: int
    what: str
    fix: str

    def __str__(self) -> str:
        # Line 0: a problem of a whole file that has no lines to point to (a PDF).
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.what} — {self.fix}"


def summary(problems: list[Problem]) -> str:
    """The last line of a check: how many problems in how many files."""
    if not problems:
        return "Inhaltsprüfung: keine Probleme gefunden."
    files = len({problem.path for problem in problems})
    noun = "Problem" if len(problems) == 1 else "Probleme"
    file_noun = "Datei" if files == 1 else "Dateien"
    return f"Inhaltsprüfung: {len(problems)} {noun} in {files} {file_noun}."
