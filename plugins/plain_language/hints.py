"""A hint: where, which kind, the passage, what is hard and what to do instead."""

from dataclasses import dataclass

# How much each kind matters to a reader (`invoke sprache` lists the heaviest first).
WEIGHTS = {
    "abbreviation": 3.0,
    "rare_word": 3.0,
    "long_sentence": 2.0,
    "passive": 1.5,
    "nominal_style": 1.5,
    "long_word": 1.0,
    "ls_sentence": 4.0,
    "ls_konjunktiv": 4.0,
    "ls_genitive": 4.0,
    "ls_passive": 4.0,
    "ls_negation": 3.5,
    "ls_abbreviation": 4.0,
    "ls_number": 3.5,
    "ls_compound": 3.5,
    "ls_italics": 3.5,
}
# German names of the kinds (counts in `invoke check` and `invoke sprache`).
KIND_NAMES = {
    "abbreviation": "Abkürzung",
    "rare_word": "seltenes Wort",
    "long_sentence": "langer Satz",
    "passive": "Passiv",
    "nominal_style": "Nominalstil",
    "long_word": "langes Wort",
    "ls_sentence": "Leichte Sprache: langer Satz",
    "ls_konjunktiv": "Leichte Sprache: Konjunktiv",
    "ls_genitive": "Leichte Sprache: Genitiv",
    "ls_passive": "Leichte Sprache: Passiv",
    "ls_negation": "Leichte Sprache: Verneinung",
    "ls_abbreviation": "Leichte Sprache: Abkürzung",
    "ls_number": "Leichte Sprache: Zahlwort",
    "ls_compound": "Leichte Sprache: zusammengesetztes Wort",
    "ls_italics": "Leichte Sprache: Kursivschrift",
}
STRICT_KINDS = frozenset(kind for kind in WEIGHTS if kind.startswith("ls_"))


@dataclass(frozen=True)
class Hint:
    """One finding in a file: `line: what — fix`, with the passage it is about."""

    line: int
    kind: str
    passage: str
    what: str
    fix: str
    extra: float = 0.0  # added to the kind's weight (a 40-word sentence matters more than a 21-word one)

    @property
    def weight(self) -> float:
        """How much it matters (higher first)."""
        return WEIGHTS[self.kind] + self.extra

    def message(self, path: str) -> str:
        """`path:line: what — fix`."""
        return f"{path}:{self.line}: {self.what} — {self.fix}"


@dataclass(frozen=True)
class Readability:
    """Flesch-Amstad reading ease of a page (0 very hard … 100 very easy) and its one-line German explanation."""

    score: float
    sentences: int
    words: int
    explanation: str


@dataclass(frozen=True)
class PageReport:
    """Everything the language checks found in one file."""

    hints: tuple[Hint, ...]
    readability: Readability | None
    leichte_sprache: bool
