"""Text to weighted terms per language: lower case, stop words, stems, and German compound parts.

German, English, Arabic, Turkish and Persian use their Snowball stemmer (Persian since Snowball 3.0);
Ukrainian has none (the Russian one leaves most Ukrainian endings on), so `ukrainian_stem` strips one
common inflectional ending. A language without either keeps its lower-case words.
"""

import html
import re
from collections import Counter
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer

WORD = re.compile(r"[^\W\d_]{3,}")
# Persian joins a word's parts with a zero-width non-joiner ("کتاب‌ها"): it stays inside the word.
WORD_WITH_ZWNJ = re.compile(r"[^\W\d_](?:[^\W\d_]|\u200c)+[^\W\d_]")
TAG = re.compile(r"<[^>]+>")
STOPWORDS_FILE = Path(__file__).with_name("stopwords_de.txt")
# Snowball algorithm per language code; languages without one keep their words (Ukrainian: see below).
SNOWBALL = {"de": "german", "en": "english", "ar": "arabic", "tr": "turkish", "fa": "persian", "ru": "russian"}
# Arabic-script vowel marks and the stretching letter (tatweel): written only sometimes, never meaning.
ARABIC_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Persian text typed on an Arabic keyboard has Arabic yeh and kaf; both mean the Persian letters.
PERSIAN_LETTERS = str.maketrans({"\u064a": "\u06cc", "\u0643": "\u06a9", "\u0649": "\u06cc"})
# Ukrainian inflectional endings, longest first; one is stripped when at least UK_MIN_STEM letters remain.
UKRAINIAN_ENDINGS = tuple(
    sorted(
        [
            "ями",
            "ами",
            "ові",
            "еві",
            "ого",
            "ому",
            "ими",
            "іми",
            "ої",
            "ій",
            "ий",
            "их",
            "іх",
            "ім",
            "им",
            "ою",
            "ею",
            "ах",
            "ях",
            "ів",
            "їв",
            "ам",
            "ям",
            "ом",
            "ем",
            "ти",
            "ть",
            "ся",
            "а",
            "я",
            "о",
            "е",
            "і",
            "ї",
            "и",
            "у",
            "ю",
            "ь",
            "й",
        ],
        key=len,
        reverse=True,
    )
)
UK_MIN_STEM = 4
# German joins compound parts with these linking letters (Fugenelemente).
LINKING_ENDINGS = ("s", "es", "n", "en", "e")
MIN_PART = 4


@cache
def stopwords(lang: str = "de") -> frozenset[str]:
    """The shipped stop-word list of a language (German by default); empty for a language without one."""
    path = STOPWORDS_FILE.with_name(f"stopwords_{lang}.txt")
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    entries = (line.strip() for line in lines if line.strip() and not line.startswith("#"))
    return frozenset(entries if lang == "de" else (normalise(entry, lang) for entry in entries))


@cache
def _stemmer(algorithm: str = "german"):
    return snowballstemmer.stemmer(algorithm)


def ukrainian_stem(word: str) -> str:
    """The word without one common case, number or verb ending ("консультації", "консультація" → "консультаці")."""
    for ending in UKRAINIAN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= UK_MIN_STEM:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=200_000)  # bounded: the preview process lives long and meets new words on every save
def stem(word: str, lang: str = "de") -> str:
    """Stem of a lower-case word in its language; German: ä, ö, ü become a, o, u and ß becomes ss, consistently."""
    if lang == "de":
        return _stemmer().stemWord(word).replace("ß", "ss")
    if lang == "uk":
        return ukrainian_stem(word)
    algorithm = SNOWBALL.get(lang)
    return _stemmer(algorithm).stemWord(word) if algorithm else word


def normalise(text: str, lang: str) -> str:
    """Lower case as the language writes it, without marks that change no meaning."""
    if lang == "tr":
        text = text.replace("I", "ı").replace("İ", "i")  # Turkish dotless and dotted i
    elif lang in ("ar", "fa"):
        text = ARABIC_MARKS.sub("", text)
        if lang == "fa":
            text = text.translate(PERSIAN_LETTERS)
    return text.lower()


def plain_text(markup: str) -> str:
    """Markup to text, fast enough for ten thousand articles (no full HTML parse)."""
    return html.unescape(TAG.sub(" ", markup))


def words(text: str, lang: str = "de") -> list[str]:
    """Lower-case words of three or more letters, without stop words."""
    if lang == "de":
        stop = stopwords()
        return [word for word in WORD.findall(text.lower()) if word not in stop]
    stop = stopwords(lang)
    pattern = WORD_WITH_ZWNJ if lang == "fa" else WORD
    return [word for word in pattern.findall(normalise(text, lang)) if len(word) >= 3 and word not in stop]


@cache
def written_stopwords() -> frozenset[str]:
    """German stop words as a text writes most of them: in lower case, or with a capital first letter."""
    stop = stopwords()
    return stop | frozenset(word[:1].upper() + word[1:] for word in stop)


def written_counts(text: str, max_words: int | None = None, lang: str = "de") -> Counter:
    """How often each word occurs in the text (in its first `max_words` words that are not stop words),
    without stop words. German words keep their spelling, for `spelling_weight`; the words of other
    languages are in lower case. Callers map a spelling to its lower-case word once per corpus, not
    once per text: most of the cost of counting lies in visiting each text's words."""
    if lang != "de":
        return Counter(words(text, lang)[:max_words])
    found = WORD.findall(text)
    if max_words is not None and len(found) > max_words:
        stop = stopwords()
        kept = []
        for word in found:
            if word.lower() not in stop:
                kept.append(word)
                if len(kept) == max_words:
                    break
        return Counter(kept)
    # A stop word in capitals ("UND") is left for the caller, which looks up every spelling's lower case.
    stop = written_stopwords()
    return Counter({word: count for word, count in Counter(found).items() if word not in stop})


def spelling_weight(word: str, lang: str, lower_case: float) -> float:
    """How much one occurrence of a word as written counts. In German, where every noun and name is
    written with a capital letter, a word in lower case (a verb, an adjective, an adverb) counts
    `lower_case`, a capitalised one 1: nouns say most of what a text is about. In other languages,
    where case says nothing of this kind, every word counts 1."""
    return lower_case if lang == "de" and not word[0].isupper() else 1.0


def _head_forms(head: str):
    """The head of a compound as written, without a linking ending, or with the "e" German drops
    ("Sprach-tandem" ← "Sprache")."""
    yield head
    for ending in LINKING_ENDINGS:
        if head.endswith(ending) and len(head) - len(ending) >= MIN_PART:
            yield head[: -len(ending)]
    yield head + "e"


# Longer than German compounds get in office texts ("Antidiskriminierungsberatungsstelle" has 35 letters).
MAX_COMPOUND_LENGTH = 60


def compound_parts(word: str, known_words: frozenset[str]) -> list[str]:
    """Stems of the parts of a compound word, where the corpus also uses each part as a word.

    "integrationskonzept" → stems of "integration" and "konzept"; "sprachtandem" → of
    "sprache" and "tandem". The longest known tail is taken first; the head must be a
    known word too (after the linking forms above) or a compound itself. Parts are
    looked up as written, so only the parts found are stemmed: fast for large corpora.
    Longer "words" (a pasted hash, a line of 300,000 x) are not split: every cut copies the
    word, so their cost grows with the square of their length (25 s for one such line).
    """
    if len(word) > MAX_COMPOUND_LENGTH:
        return []
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
