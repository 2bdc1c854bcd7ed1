"""Flesch reading ease for German (Amstad 1978): 180 − words per sentence − 58.5 × syllables per word.

textstat computes the same formula, but importing it loads nltk (2–3 s) and its German syllables need
pyphen's dictionary (another second): too slow for every preview build. Syllables here are vowel groups,
the usual approximation for German; tests compare the score with textstat's on the demo pages.
"""

import re

from .hints import Readability

VOWEL_GROUP = re.compile(r"[aeiouyäöü]+", re.IGNORECASE)
# (upper bound, German label) from Amstad's table.
BANDS = (
    (30, "sehr schwer"),
    (50, "schwer"),
    (60, "mittelschwer"),
    (70, "mittel"),
    (80, "mittelleicht"),
    (90, "leicht"),
    (101, "sehr leicht"),
)


def syllables(word: str) -> int:
    """Vowel groups of the word, at least one."""
    return max(1, len(VOWEL_GROUP.findall(word)))


def flesch_amstad(sentence_words: list[list[str]]) -> float | None:
    """The score of sentences given as word lists, clamped to 0–100; None without any words."""
    words = [word for sentence in sentence_words for word in sentence]
    if not words:
        return None
    per_sentence = len(words) / len(sentence_words)
    per_word = sum(syllables(word) for word in words) / len(words)
    return max(0.0, min(100.0, 180 - per_sentence - 58.5 * per_word))


def readability(sentence_words: list[list[str]], target: int) -> Readability | None:
    """The page's score with its one-line German explanation; None for fewer than three sentences."""
    sentence_words = [words for words in sentence_words if words]
    score = flesch_amstad(sentence_words)
    if score is None or len(sentence_words) < 3:
        return None
    label = next(name for bound, name in BANDS if score < bound)
    explanation = (
        f"Lesbarkeit (Flesch-Amstad): {score:.0f} von 100 – {label}. Höhere Werte lesen sich leichter; "
        f"für Texte an alle Bürgerinnen und Bürger {target} oder mehr anstreben (kürzere Sätze, kürzere Wörter)."
    )
    return Readability(round(score, 1), len(sentence_words), sum(map(len, sentence_words)), explanation)
