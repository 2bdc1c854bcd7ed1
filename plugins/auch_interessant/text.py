"""German text to weighted terms: lower case, stop words, Snowball stems, compound parts."""

import html
import re
from collections import Counter
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer

WORD = re.compile(r"[^\W\d_]{3,}")
TAG = re.compile(r"<[^>]+>")
STOPWORDS_FILE = Path(__file__).with_name("stopwords_de.txt")
# German joins compound parts with these linking letters (Fugenelemente).
LINKING_ENDINGS = ("s", "es", "n", "en", "e")
MIN_PART = 4


@cache
def stopwords() -> frozenset[str]:
    """The shipped German stop-word list."""
    lines = STOPWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def _stemmer():
    return snowballstemmer.stemmer("german")


@lru_cache(maxsize=200_000)  # bounded: the preview process lives long and meets new words on every save
def stem(word: str) -> str:
    """Snowball stem of a lower-case word; ä, ö, ü become a, o, u and ß becomes ss, consistently."""
    return _stemmer().stemWord(word).replace("ß", "ss")


def plain_text(markup: str) -> str:
    """Markup to text, fast enough for ten thousand articles (no full HTML parse)."""
    return html.unescape(TAG.sub(" ", markup))


def words(text: str) -> list[str]:
    """Lower-case words of three or more letters, without stop words."""
    stop = stopwords()
    return [word for word in WORD.findall(text.lower()) if word not in stop]


def word_counts(text: str, max_words: int | None = None) -> Counter:
    """How often each word occurs in the text (in its first `max_words` words, if given)."""
    return Counter(words(text)[:max_words])


def _head_forms(head: str):
    """The head of a compound as written, without a linking ending, or with the "e" German drops
    ("Sprach-tandem" ← "Sprache")."""
    yield head
    for ending in LINKING_ENDINGS:
        if head.endswith(ending) and len(head) - len(ending) >= MIN_PART:
            yield head[: -len(ending)]
    yield head + "e"


def compound_parts(word: str, known_words: frozenset[str]) -> list[str]:
    """Stems of the parts of a compound word, where the corpus also uses each part as a word.

    "integrationskonzept" → stems of "integration" and "konzept"; "sprachtandem" → of
    "sprache" and "tandem". The longest known tail is taken first; the head must be a
    known word too (after the linking forms above) or a compound itself. Parts are
    looked up as written, so only the parts found are stemmed: fast for large corpora.
    """
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        if tail not in known_words:
            continue
        for form in _head_forms(head):
            if form in known_words:
                return [stem(form), stem(tail)]
        inner = compound_parts(head, known_words) if len(head) >= 2 * MIN_PART else []
        if inner:
            return [*inner, stem(tail)]
    return []
