"""Sentences and words of a prose block (German punctuation and abbreviations)."""

import re
from dataclasses import dataclass

from .source import Block

# Words that end with a period without ending the sentence ("z. B.", "Nr. 3", "Dr. Muster").
PERIOD_ABBREVIATIONS = frozenset(
    [
        "abs",
        "bzw",
        "ca",
        "dr",
        "etc",
        "evtl",
        "ggf",
        "hrsg",
        "inkl",
        "nr",
        "prof",
        "sog",
        "str",
        "tel",
        "usw",
        "vgl",
        "zzgl",
        "bspw",
        "gem",
        "lt",
        "ff",
        "mo",
        "di",
        "mi",
        "do",
        "fr",
        "sa",
        "jan",
        "feb",
        "mär",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "okt",
        "nov",
        "dez",
        "st",
        "min",
        "max",
        "std",
        "ua",
        "uvm",
        "ff",
        "vs",
        "hr",
    ]
)
SENTENCE_END = re.compile(r"([.!?…]+)([“”\"»«’)]*)(\s+)(?=[„“\"»«(\[]?[A-ZÄÖÜ0-9])")
TOKEN = re.compile(
    r"\d+\.(?=\s+\S)"  # ordinal inside a sentence: "am 3. März"
    r"|[A-Za-zÄÖÜäöüß]{1,6}\.(?=\s*[\wÄÖÜäöüß(])"  # abbreviation inside a sentence: "z. B.", "bzw."
    r"|[\wÄÖÜäöüß]+(?:[-·'’.,/][\wÄÖÜäöüß]+)*"  # words, numbers, "Bürger·meister", "10.30", "1,5"
    r"|[^\w\s]"
)
WORD = re.compile(r"[\wÄÖÜäöüß]")


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark with its offset in the sentence and its source line."""

    text: str
    offset: int
    line: int

    @property
    def is_word(self) -> bool:
        """Letters or digits (not punctuation)."""
        return bool(WORD.search(self.text))


@dataclass(frozen=True)
class Sentence:
    """One sentence (or heading, or list item without a final period) with its first line."""

    text: str
    line: int
    tokens: tuple[Token, ...]
    heading: bool
    block: Block

    @property
    def words(self) -> list[Token]:
        """The tokens that are words."""
        return [token for token in self.tokens if token.is_word]


def _ends_sentence(text: str, match: re.Match) -> bool:
    if match.group(1) != ".":
        return True
    before = re.search(r"([\wÄÖÜäöüß]+)$", text[: match.start()])
    if before is None:
        return True
    word = before.group(1)
    if word.lower() in PERIOD_ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return False
    return not (word.isdigit() and len(word) <= 2)  # "am 3. März": an ordinal, not a sentence end


def split_sentences(block: Block) -> list[Sentence]:
    """The block's sentences; a heading is one sentence."""
    text = block.text
    spans, start = [], 0
    if not block.heading:
        for match in SENTENCE_END.finditer(text):
            if _ends_sentence(text, match):
                spans.append((start, match.end(2)))
                start = match.end()
    spans.append((start, len(text)))
    sentences = []
    for begin, end in spans:
        chunk = text[begin:end]
        stripped = chunk.strip()
        if not WORD.search(stripped):
            continue
        lead = begin + len(chunk) - len(chunk.lstrip())
        tokens = tuple(
            Token(match.group(0), match.start(), block.line_at(lead + match.start()))
            for match in TOKEN.finditer(stripped)
        )
        sentences.append(Sentence(stripped, block.line_at(lead), tokens, block.heading, block))
    return sentences


def excerpt(sentence: Sentence, words: int = 10) -> str:
    """The sentence, or its first words and „…“ when it is long."""
    tokens = sentence.words
    if len(tokens) <= words + 2:
        return sentence.text
    cut = tokens[words - 1]
    return sentence.text[: cut.offset + len(cut.text)] + " …"
