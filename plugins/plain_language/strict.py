"""The strict rules for pages in Leichte Sprache (`Leichte_Sprache: ja`), after Netzwerk Leichte Sprache
and DIN SPEC 33429: short sentences, no Konjunktiv, Genitiv, passive, abbreviations or italics, negation
only where needed, numbers as digits, long compounds split with a Mediopunkt."""

import re

from .hints import Hint
from .lexicon import Lexicon
from .options import Options
from .rules import hyphenated_suggestion, is_abbreviation, long_sentences, passives, tagged_words
from .tagging import Tagger
from .text import PERIOD_ABBREVIATIONS, Sentence, excerpt

# Konjunktiv II and I forms. „möchte“ is left out on purpose: Leichte Sprache uses it as the polite
# „want“ („Sie möchten Hilfe?“), and readers know it as such, not as a possibility.
KONJUNKTIV = frozenset(
    [
        "würde",
        "würdest",
        "würden",
        "würdet",
        "wäre",
        "wärest",
        "wärst",
        "wären",
        "wäret",
        "hätte",
        "hättest",
        "hätten",
        "hättet",
        "könnte",
        "könntest",
        "könnten",
        "könntet",
        "müsste",
        "müsstest",
        "müssten",
        "dürfte",
        "dürften",
        "sollte",
        "solltest",
        "sollten",
        "solltet",
        "bräuchte",
        "bräuchten",
        "käme",
        "kämen",
        "ginge",
        "gingen",
        "gäbe",
        "gäben",
        "wüsste",
        "wüssten",
        "sei",
        "seiest",
        "seien",
    ]
)
NEGATIONS = frozenset(
    [
        "nicht",
        "kein",
        "keine",
        "keinen",
        "keinem",
        "keiner",
        "keines",
        "nie",
        "niemals",
        "nichts",
        "niemand",
        "niemanden",
        "niemandem",
        "weder",
        "nirgends",
        "nirgendwo",
    ]
)
# Numbers written as words; „ein/eine“ stay words. „acht“ and „elf“ only in lower case
# (Acht geben, die Elf), and never sentence-initial, where they could be those nouns.
NUMBER_WORDS = frozenset(
    [
        "zwei",
        "drei",
        "vier",
        "fünf",
        "sechs",
        "sieben",
        "neun",
        "zehn",
        "zwölf",
        "dreizehn",
        "vierzehn",
        "fünfzehn",
        "sechzehn",
        "siebzehn",
        "achtzehn",
        "neunzehn",
        "zwanzig",
        "dreißig",
        "vierzig",
        "fünfzig",
        "sechzig",
        "siebzig",
        "achtzig",
        "neunzig",
        "hundert",
        "tausend",
        "zweimal",
        "dreimal",
        "viermal",
        "fünfmal",
        "zehnmal",
        "zweite",
        "zweiten",
        "zweiter",
        "zweites",
        "dritte",
        "dritten",
        "dritter",
        "drittes",
        "vierte",
        "vierten",
        "vierter",
        "fünfte",
        "fünften",
        "sechste",
        "sechsten",
        "siebte",
        "siebten",
        "neunte",
        "neunten",
        "zehnte",
        "zehnten",
    ]
)
LOWER_CASE_NUMBER_WORDS = frozenset({"acht", "elf"})
PRONOUNS = frozenset(["Sie", "Ihnen", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres"])
CALENDAR_WORDS = frozenset(
    [
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
        "Sonnabend",
        "Wochenende",
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ]
)
ARTICLE_GENITIVE_ALWAYS = frozenset({"des", "eines", "dessen", "deren"})


def konjunktiv(sentences: list[Sentence]) -> list[Hint]:
    """Forms of the Konjunktiv (würde, könnte, hätte, wäre …; not „möchte“)."""
    hints = []
    for sentence in sentences:
        for index, token in enumerate(sentence.words):
            lower = token.text.lower()
            if lower not in KONJUNKTIV or (lower in ("sei", "seien") and index == 0):
                continue  # a sentence-initial „Sei …“ is an imperative
            hints.append(
                Hint(
                    token.line,
                    "ls_konjunktiv",
                    token.text,
                    f"Konjunktiv „{token.text}“ in „{excerpt(sentence)}“",
                    "Schreiben Sie, was ist oder was man tun kann: „Sie können …“ statt „Sie könnten …“, "
                    "„Wir helfen“ statt „Wir würden helfen“",
                )
            )
    return hints


def genitive_in(words: list[str]) -> str | None:
    """The Genitiv passage of a sentence's tokens, or None.

    Covered: „des“, „eines“, „dessen“, „deren“ (only ever Genitiv), and a noun followed by „der“ or
    „einer“ and a noun („die Mitglieder der Gruppe“, „die Hilfe einer Dolmetscherin“), lower-case
    adjectives between; nouns are told by their capital (not at the sentence start, not „Sie“/„Ihnen“).
    Not covered: a Genitiv after a verb or adjective („wir gedenken der Opfer“) and the s-Genitiv of
    names („Annas Buch“); a Dativ after a noun without preposition („geben Sie das Blatt der Frau“) is
    taken for a Genitiv, but is rare and unclear in Leichte Sprache anyway.
    """
    for index, word in enumerate(words):
        lower = word.lower()
        if lower in ARTICLE_GENITIVE_ALWAYS:
            noun = next((w for w in words[index + 1 :] if _is_noun(w)), "")
            return f"{word} {noun}".strip()
        if lower in ("der", "einer") and index > 1 and _is_noun(words[index - 1]):
            rest = []
            for following in words[index + 1 :]:
                rest.append(following)
                if _is_noun(following):
                    return " ".join([words[index - 1], word, *rest])
                if not re.fullmatch(r"[a-zäöüß]+|\d+\.?", following):
                    break
    return None


def _is_noun(word: str) -> bool:
    """A capitalised word that is no polite pronoun (not at a sentence start: callers skip index 0)."""
    letters = word.replace("·", "").replace("-", "")
    return word[:1].isupper() and letters.isalpha() and word not in PRONOUNS and not word.isupper()


def genitives(sentences: list[Sentence]) -> list[Hint]:
    """Sentences with a Genitiv (see genitive_in for what is covered)."""
    hints = []
    for sentence in sentences:
        passage = genitive_in(list(tagged_words(sentence)))
        if passage:
            hints.append(
                Hint(
                    sentence.line,
                    "ls_genitive",
                    passage,
                    f"Genitiv „{passage}“",
                    "Sagen Sie es mit „von“: „das Büro von der Stabs·stelle“ statt „das Büro der Stabs·stelle“",
                )
            )
    return hints


def negations(sentences: list[Sentence]) -> list[Hint]:
    """nicht, kein, nie, nichts, niemand … unless written in bold (a negation kept on purpose and emphasised)."""
    hints = []
    for sentence in sentences:
        for token in sentence.words:
            lower = token.text.lower()
            if lower in NEGATIONS and lower not in sentence.block.bold_words:
                hints.append(
                    Hint(
                        token.line,
                        "ls_negation",
                        token.text,
                        f"Verneinung „{token.text}“ in „{excerpt(sentence)}“",
                        "Sagen Sie es positiv, wenn es geht („Die Beratung ist kostenlos“ statt „Die Beratung "
                        "kostet nichts“); ist die Verneinung nötig, schreiben Sie das Wort fett (**nicht**)",
                    )
                )
    return hints


def _dotted(text: str) -> bool:
    """„bzw.“, „Nr.“, or one letter and a period (the halves of „z. B.“)."""
    stem = text[:-1]
    return text.endswith(".") and (stem.lower() in PERIOD_ABBREVIATIONS or (len(stem) == 1 and stem.isalpha()))


def strict_abbreviations(sentences: list[Sentence], options: Options, lexicon: Lexicon) -> list[Hint]:
    """Every abbreviation (first use per page), also „z. B.“, „bzw.“, „Nr.“ and parts like „DGS-Video“."""
    hints, seen = [], set()
    for sentence in sentences:
        tokens = sentence.tokens
        for index, token in enumerate(tokens):
            text = token.text
            if _dotted(text):
                if (
                    index > 0
                    and len(text) == 2
                    and len(tokens[index - 1].text) == 2
                    and _dotted(tokens[index - 1].text)
                ):
                    continue  # the second half of „z. B.“
                following = tokens[index + 1].text if index + 1 < len(tokens) else ""
                word = f"{text} {following}" if len(text) == 2 and len(following) == 2 and _dotted(following) else text
            else:
                parts = [part for part in text.split("-") if part] if token.is_word else []
                word = next((part for part in parts if is_abbreviation(part, options, lexicon)), None)
            if word is None or word in seen:
                continue
            seen.add(word)
            expansion = options.abbreviations.get(word)
            fix = f"Schreiben Sie das Wort aus: „{expansion}“" if expansion else "Schreiben Sie das Wort aus"
            hints.append(Hint(token.line, "ls_abbreviation", word, f"Abkürzung „{word}“", fix))
    return hints


def number_words(sentences: list[Sentence]) -> list[Hint]:
    """Numbers written as words (zwei → 2); „ein“ and „eine“ stay."""
    hints = []
    for sentence in sentences:
        for index, token in enumerate(sentence.words):
            lower = token.text.lower()
            listed = lower in NUMBER_WORDS or (token.text in LOWER_CASE_NUMBER_WORDS and index > 0)
            if not listed:
                continue
            hints.append(
                Hint(
                    token.line,
                    "ls_number",
                    token.text,
                    f"Zahl als Wort „{token.text}“",
                    "Schreiben Sie Zahlen als Ziffern: „2 Termine“ statt „zwei Termine“",
                )
            )
    return hints


def compounds(sentences: list[Sentence], options: Options, lexicon: Lexicon) -> list[Hint]:
    """Nouns of `ls_compound_letters` letters or more made of common words, not split (first use per page)."""
    hints, seen = [], set()
    allowed = options.allowed_words
    for sentence in sentences:
        for index, token in enumerate(sentence.words):
            if index == 0 or token.text in CALENDAR_WORDS:
                continue  # sentence-initial capitals are not always nouns („Vielleicht“); day and month names stay
            for part in token.text.replace("·", "-").split("-"):
                lower = part.lower()
                if len(part) < options.ls_compound_letters or not part[:1].isupper() or not part.isalpha():
                    continue
                if lower in allowed or lower in seen:
                    continue
                suggestion = hyphenated_suggestion(part, lexicon, mark="·", particles=False)
                if suggestion is None:
                    continue
                seen.add(lower)
                hints.append(
                    Hint(
                        token.line,
                        "ls_compound",
                        part,
                        f"Langes zusammengesetztes Wort „{part}“",
                        f"Trennen Sie es mit einem Medio·punkt: „{suggestion}“ (oder mit Bindestrich)",
                    )
                )
    return hints


def italics(found: list[tuple[int, str]]) -> list[Hint]:
    """Italic text (*so* or _so_): hard to read; Leichte Sprache emphasises with bold."""
    return [
        Hint(
            line,
            "ls_italics",
            text,
            f"Kursivschrift „{text}“",
            "Schreiben Sie den Text gerade; zum Hervorheben nehmen Sie Fettschrift (**so**)",
        )
        for line, text in found
    ]


def strict_hints(
    sentences: list[Sentence], options: Options, lexicon: Lexicon, tagger: Tagger, found_italics
) -> list[Hint]:
    """Every strict Leichte-Sprache finding of a page."""
    too_long = long_sentences(sentences, options.ls_sentence_words, "ls_sentence")
    too_long = [
        Hint(
            hint.line,
            hint.kind,
            hint.passage,
            hint.what,
            f"Schreiben Sie kurze Sätze mit höchstens {options.ls_sentence_words} Wörtern und nur einer Aussage",
            hint.extra,
        )
        for hint in too_long
    ]
    return [
        *too_long,
        *konjunktiv(sentences),
        *genitives(sentences),
        *passives(sentences, tagger, kind="ls_passive", with_zu=False),
        *negations(sentences),
        *strict_abbreviations(sentences, options, lexicon),
        *number_words(sentences),
        *compounds(sentences, options, lexicon),
        *italics(found_italics),
    ]
