"""The plain-language rules for any German text: each takes a page's sentences and returns hints."""

import re

from .hints import Hint
from .lexicon import Lexicon
from .options import Options
from .tagging import Tagger
from .text import Sentence, excerpt

WERDEN_FORMS = frozenset(
    [
        "werde",
        "wirst",
        "wird",
        "werden",
        "werdet",
        "wurde",
        "wurdest",
        "wurden",
        "wurdet",
        "würde",
        "würdest",
        "würden",
        "würdet",
        "worden",
    ]
)
SEIN_FORMS = frozenset(["ist", "sind", "war", "waren", "wäre", "wären", "sei", "seien"])
FUNCTION_VERBS = frozenset(
    [
        "erfolgt",
        "erfolgen",
        "erfolgte",
        "erfolgten",
        "erfolgter",
        "erfolgende",
        "vorgenommen",
        "vornehmen",
        "durchgeführt",
        "ergeht",
    ]
)
ABILITY_VERBS = frozenset(["sehen", "finden", "hören", "lesen", "erreichen", "haben", "verstehen", "erkennen"])
CLAUSE_STARTERS = frozenset(
    [
        "dass",
        "weil",
        "wenn",
        "ob",
        "als",
        "wie",
        "wo",
        "was",
        "wer",
        "um",
        "damit",
        "obwohl",
        "während",
        "bevor",
        "nachdem",
        "sobald",
        "sodass",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "deren",
        "dessen",
        "welche",
        "welcher",
        "welches",
        "sich",
        "sie",
        "er",
        "es",
        "wir",
        "ich",
        "ihr",
        "du",
        "aber",
        "sondern",
        "denn",
        "doch",
    ]
)
CLAUSE_BREAKS = frozenset(",;:–—()")
NOMINAL_SUFFIX = re.compile(r"(ung|heit|keit|ion)(en)?$")
# Nouns with these endings that name things or bodies rather than actions: no nominal style.
NOMINAL_EXCEPTIONS = frozenset(
    [
        "wohnung",
        "zeitung",
        "verwaltung",
        "regierung",
        "sitzung",
        "veranstaltung",
        "richtung",
        "ordnung",
        "rechnung",
        "meinung",
        "hoffnung",
        "erfahrung",
        "bildung",
        "stiftung",
        "kleidung",
        "nahrung",
        "leitung",
        "abteilung",
        "einrichtung",
        "wohnungen",
        "zeitungen",
        "gesundheit",
        "mehrheit",
        "minderheit",
        "gelegenheit",
        "vergangenheit",
        "einheit",
        "freiheit",
        "sicherheit",
        "kindheit",
        "region",
        "religion",
        "million",
        "union",
        "nation",
        "station",
        "organisation",
        "institution",
        "kommission",
        "aktion",
        "funktion",
        "situation",
        "position",
        "tradition",
        "version",
        "mission",
        "pension",
        "saison",
        "einladung",
        "satzung",
        "versammlung",
        "versicherung",
        "lesung",
        "tagesordnung",
        "behinderung",
        "ausstellung",
        "ausschreibung",
        "begegnung",
        "haltung",
        "mitteilung",
        "kleinigkeit",
        "neuigkeit",
        "öffentlichkeit",
        "schwierigkeit",
        "information",
        "migration",
        "integration",
    ]
)
EXPLAINING_AFTER = frozenset(["(", ":", "heißt", "bedeutet", "meint", "bezeichnet", "beschreibt"])
EXPLAINING_BEFORE = frozenset(
    ["nennt", "nennen", "heißt", "bedeutet", "begriff", "wort", "sogenannte", "sogenannten", "sogenannter"]
)
PARTICIPLE_SHAPE = re.compile(
    r"^(?:(?:ab|an|auf|aus|bei|ein|fest|frei|her|hin|mit|nach|vor|weg|zu|zurück|zusammen|dar|um|durch|über|"
    r"unter|wieder|statt|teil|bereit|fort|los|vorbei|heraus|hinaus|herein|voran|vorgestellt)?ge[a-zäöüß]{2,}(?:t|en)"
    r"|(?:ab|an|auf|aus|bei|ein|fest|her|hin|mit|nach|vor|zu|zurück|zusammen|um|vorbei)?"
    r"(?:be|ver|er|ent|zer|emp|miss|über|unter|hinter|wider|durch)[a-zäöüß]{2,}(?:t|en)"
    r"|[a-zäöüß]+iert)$"
)
ZU_INFIX = re.compile(
    r"^(?:ab|an|auf|aus|bei|ein|fest|frei|her|hin|mit|nach|vor|weg|zurück|zusammen|dar|um|bereit|teil|vorbei)"
    r"zu[a-zäöüß]{2,}(?:en|ern|eln)$"
)
ROMAN_NUMERAL = re.compile(r"[IVXLC]+")
ABBREVIATION_SHAPE = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜa-zäöü]{1,5}")  # BMI, AGs, KGSt; at least half capitals


def long_sentences(sentences: list[Sentence], limit: int, kind: str = "long_sentence") -> list[Hint]:
    """Sentences with more than `limit` words."""
    hints = []
    for sentence in sentences:
        count = len(sentence.words)
        if count > limit:
            hints.append(
                Hint(
                    sentence.line,
                    kind,
                    excerpt(sentence),
                    f"Langer Satz ({count} Wörter): „{excerpt(sentence)}“",
                    f"Teilen Sie ihn in kürzere Sätze mit höchstens {limit} Wörtern, eine Aussage je Satz",
                    extra=min(count - limit, 30) / 10,
                )
            )
    return hints


def hyphenated_suggestion(word: str, lexicon: Lexicon, mark: str = "-", particles: bool = True) -> str | None:
    """The word split at its best compound joint: „Migranten-Organisationen“, or None."""
    split = lexicon.split(word, particles=particles)
    if split is None:
        return None
    head, tail = split
    if mark == "-" and word[:1].isupper():
        tail = tail[:1].upper() + tail[1:]  # Migranten-Organisationen; with a Mediopunkt: Bürger·meister
    return f"{head}{mark}{tail}"


def long_words(sentences: list[Sentence], options: Options, lexicon: Lexicon) -> list[Hint]:
    """Words of `word_letters` letters or more, not hyphenated and not on the allowlist (first use per page)."""
    hints, seen = [], set()
    allowed = options.allowed_words
    for sentence in sentences:
        for token in sentence.words:
            word = token.text
            parts = re.split(r"[-·/]", word)
            if max(len(part) for part in parts) < options.word_letters or not word.isalpha():
                continue
            if word.lower() in allowed or word.lower() in seen:
                continue
            seen.add(word.lower())
            suggestion = hyphenated_suggestion(word, lexicon)
            fix = (
                f"Gliedern Sie es mit Bindestrich („{suggestion}“) oder umschreiben Sie es"
                if suggestion
                else "Umschreiben Sie es oder gliedern Sie es mit Bindestrich"
            )
            hints.append(
                Hint(token.line, "long_word", word, f"Sehr langes Wort „{word}“ ({len(word)} Buchstaben)", fix)
            )
    return hints


def clauses(tagged: list[tuple[str, str, str]]) -> list[list[tuple[str, str, str]]]:
    """The tagged tokens cut at commas, colons, dashes and brackets (roughly: clauses)."""
    result, current = [], []
    for token in tagged:
        if token[0] in CLAUSE_BREAKS:
            result.append(current)
            current = []
        else:
            current.append(token)
    result.append(current)
    return [clause for clause in result if clause]


def passive_in(tagged: list[tuple[str, str, str]]) -> tuple[str, bool] | None:
    """The passive passage of a tagged sentence („wird … bearbeitet“, „ist … einzureichen“) and whether it is
    the sein + zu form, or None.

    werden + participle in one clause is passive; werden + infinitive (future) and werden with a noun or
    adjective (full verb: „Sie wird Leiterin“) are not; neither is a future perfect („wird … beendet haben“).
    sein + zu-infinitive („ist bis Freitag zu beantragen“) counts: it hides who must act, like a passive.
    """
    for clause in clauses(tagged):
        words = [word for word, _, _ in clause]
        werden = [i for i, (word, lemma, tag) in enumerate(clause) if lemma == "werden" and tag.startswith("VA")]
        participles = [i for i, (_, _, tag) in enumerate(clause) if tag == "VV(PP)"]
        perfect = any(lemma in ("haben", "sein") and tag == "VA(INF)" for _, lemma, tag in clause)
        if werden and participles and not perfect:
            first, second = sorted((werden[0], participles[-1]))
            joint = " " if second == first + 1 else " … "
            return f"{words[first]}{joint}{words[second]}", False
        sein = [i for i, (_, lemma, tag) in enumerate(clause) if lemma == "sein" and tag == "VA(FIN)"]
        if sein:
            for i, (word, _, tag) in enumerate(clause):
                zu_infinitive = tag == "VV(IZU)" or (
                    tag == "VV(INF)" and i > 0 and clause[i - 1][2] == "PTKZU" and i - 1 > sein[0]
                )
                if lemma_of(clause[i]) in ABILITY_VERBS:
                    continue  # „ist zu sehen“, „ist gut zu lesen“: what can be done, not a hidden duty
                if zu_infinitive and i > sein[0] and not any(w.lower() == "es" for w in words[sein[0] : i]):
                    start = words[i - 1] + " " + word if tag == "VV(INF)" else word
                    return f"{words[sein[0]]} … {start}", True
    return None


def lemma_of(tagged: tuple[str, str, str]) -> str:
    """HanTa's lemma of a tagged token, lower case, the „zu“ of „einzureichen“ removed."""
    lemma = tagged[1].lower()
    return re.sub(r"^(\w+?)zu(\w{4,})$", r"\1\2", lemma) if tagged[2] == "VV(IZU)" else lemma


def participle_shaped(word: str) -> bool:
    """Could be a past participle (gemacht, bearbeitet, eingereicht, informiert); HanTa decides."""
    return word.islower() and len(word) > 4 and bool(PARTICIPLE_SHAPE.match(word))


def zu_infinitive_shaped(words: list[str], index: int) -> bool:
    """„zu beantragen“ or „einzureichen“ at `index`."""
    word = words[index]
    if ZU_INFIX.match(word):
        return True
    return (
        word == "zu"
        and index + 1 < len(words)
        and re.fullmatch(r"[a-zäöüß]+(en|ern|eln)", words[index + 1]) is not None
    )


def clause_tokens(sentence: Sentence) -> list[list[str]]:
    """The sentence's tokens cut at commas, colons, dashes and brackets."""
    result, current = [], []
    for token in sentence.tokens:
        if token.text in CLAUSE_BREAKS:
            result.append(current)
            current = []
        else:
            current.append(token.text)
    result.append(current)
    return [clause for clause in result if clause]


def joined_enumerations(clauses: list[list[str]]) -> list[list[str]]:
    """A clause with werden but no participle continues after a comma of an enumeration („… wird mit den
    Vereinen, Kirchen und Gemeinden vorbereitet“) unless the next part starts a clause of its own."""
    joined = []
    for clause in clauses:
        previous = joined[-1] if joined else None
        open_werden = (
            previous is not None
            and any(word.lower() in WERDEN_FORMS for word in previous)
            and not any(participle_shaped(word.lower()) for word in previous)
        )
        if open_werden and clause[0].lower() not in CLAUSE_STARTERS:
            joined[-1] = previous + clause
        else:
            joined.append(list(clause))
    return joined


def passive_candidates(sentence: Sentence) -> list[tuple[str, ...]]:
    """Clauses with a form of werden and a participle-shaped word, or of sein and a zu-infinitive: only
    these are tagged (HanTa takes milliseconds per word; most sentences need no tagging at all)."""
    chosen = []
    for clause in joined_enumerations(clause_tokens(sentence)):
        if clause and participle_shaped(clause[0].lower()):
            clause = [clause[0].lower(), *clause[1:]]  # „Gefeiert wurde …“: a capital only for the sentence start
        lower = [word.lower() for word in clause]
        werden = any(word in WERDEN_FORMS for word in lower) and any(participle_shaped(word) for word in clause)
        sein = any(word in SEIN_FORMS for word in lower) and any(
            zu_infinitive_shaped(lower, i) for i in range(len(lower))
        )
        if werden or sein:
            chosen.append(tuple(clause))
    return chosen


def tagged_words(sentence: Sentence) -> tuple[str, ...]:
    """The tokens HanTa reads."""
    return tuple(token.text for token in sentence.tokens)


def passives(sentences: list[Sentence], tagger: Tagger, kind: str = "passive", with_zu: bool = True) -> list[Hint]:
    """Sentences in the passive voice, each with its werden … participle passage; `with_zu`: also sein + zu."""
    hints = []
    for sentence in sentences:
        found = None
        for clause in passive_candidates(sentence):
            found = passive_in(tagger.tags(clause))
            if found and (with_zu or not found[1]):
                break
            found = None
        if found is None:
            continue
        passage, with_zu = found
        if with_zu:
            fix = "Sagen Sie direkt, wer was tun muss: „Sie müssen … beantragen“ statt „ist … zu beantragen“"
        else:
            fix = (
                "Sagen Sie, wer handelt, und schreiben Sie aktiv: „Wir bearbeiten den Antrag“ "
                "statt „Der Antrag wird bearbeitet“"
            )
        hints.append(Hint(sentence.line, kind, passage, f"Passiv „{passage}“ in „{excerpt(sentence)}“", fix))
    return hints


def nominal_style(sentences: list[Sentence], options: Options) -> list[Hint]:
    """Sentences with `nominal_nouns` or more nouns on -ung, -heit, -keit, -ion (names of things excepted)."""
    hints = []
    allowed = options.allowed_words
    for sentence in sentences:
        nouns = []
        for token in sentence.words:
            word = token.text
            lower = word.lower()
            if not word[:1].isupper() or len(word) < 6 or lower in allowed or not NOMINAL_SUFFIX.search(lower):
                continue
            if any(NOMINAL_SUFFIX.sub(r"\1", lower).endswith(exception) for exception in NOMINAL_EXCEPTIONS):
                continue
            if word not in nouns:
                nouns.append(word)
        # A function verb („erfolgt“, „vorgenommen“) carries no meaning of its own: one noun fewer suffices.
        support = any(token.text.lower() in FUNCTION_VERBS for token in sentence.words)
        if len(nouns) >= options.nominal_nouns - (1 if support else 0) and len(nouns) >= 2:
            listed = ", ".join(nouns)
            hints.append(
                Hint(
                    sentence.line,
                    "nominal_style",
                    listed,
                    f"Nominalstil: {len(nouns)} Hauptwörter auf -ung, -heit, -keit oder -ion in einem Satz ({listed})",
                    "Machen Sie aus einigen davon Verben: „wir beraten Sie“ statt „die Durchführung der Beratung“",
                )
            )
    return hints


def _explained(sentence: Sentence, index: int) -> bool:
    """Whether the word at `index` of the sentence's tokens is explained right there."""
    tokens = sentence.tokens
    after = [token.text.lower() for token in tokens[index + 1 : index + 3]]
    before = [token.text.lower() for token in tokens[max(0, index - 4) : index]]
    if after and (after[0] in EXPLAINING_AFTER or after[:2] in (["–", "also"], [",", "also"], [",", "das"])):
        return True
    if before and before[-1] == "(":
        return True  # the word explains what came before it
    return any(word in EXPLAINING_BEFORE for word in before) or any(w.startswith("sogenannt") for w in before)


def rare_words(sentences: list[Sentence], options: Options, lexicon: Lexicon) -> list[Hint]:
    """Words rarer than `rare_zipf` that the page never explains (first use only; compounds of common words pass)."""
    allowed = options.allowed_words | {key.lower() for key in options.abbreviations}
    candidates: dict[str, tuple[Sentence, object]] = {}
    explained: set[str] = set()
    for sentence in sentences:
        for index, token in enumerate(sentence.tokens):
            word = token.text
            if not token.is_word or not re.fullmatch(r"[A-Za-zÄÖÜäöüß]+(?:[-·][A-Za-zÄÖÜäöüß]+)*", word):
                continue
            lower = word.lower()
            if len(word) < 5 or lower in allowed or word.isupper():
                continue
            if _explained(sentence, index):
                explained.add(lower)
            if index + 1 < len(sentence.tokens) and sentence.tokens[index + 1].text == "-":
                continue  # „Gebärdensprach- und Schriftdolmetschung“: the first half of a pair
            parts = [
                part
                for part in re.split(r"[-·]", word)
                if part.lower() not in allowed and sum(letter.isupper() for letter in part) < 2  # KGSt-Netzwerk
            ]
            if lower not in candidates and not all(lexicon.is_known(part, options.rare_zipf) for part in parts):
                candidates[lower] = (sentence, token)
    hints = []
    for lower, (_sentence, token) in candidates.items():
        if lower in explained:
            continue
        hints.append(
            Hint(
                token.line,
                "rare_word",
                token.text,
                f"Seltenes Wort „{token.text}“ ohne Erklärung",
                "Erklären Sie es beim ersten Vorkommen (in Klammern oder nach einem Doppelpunkt) oder nehmen Sie "
                "ein bekanntes Wort; feste Namen des Amts gehören in PLAIN_LANGUAGE_ALLOWLIST",
            )
        )
    return hints


def is_abbreviation(word: str, options: Options, lexicon: Lexicon) -> bool:
    """An office abbreviation, or 2–5 capitals that are no Roman numeral, no shouted word, not commonly known."""
    if word in options.abbreviations:
        return True
    capitals = sum(letter.isupper() for letter in word)
    if not ABBREVIATION_SHAPE.fullmatch(word) or capitals < 2 or capitals * 2 < len(word):
        return False
    if ROMAN_NUMERAL.fullmatch(word):
        return False
    base = word[:-1] if word.endswith("s") else word
    if word in options.known_abbreviations or base in options.known_abbreviations:
        return False
    return lexicon.zipf(word.lower()) < 4.5  # „NUR“, „NICHT“: emphasis, not an abbreviation


def abbreviations(sentences: list[Sentence], options: Options, lexicon: Lexicon, defined: dict[str, str]) -> list[Hint]:
    """Abbreviations whose first use on the page is not written out (before, in brackets, or defined)."""
    hints, seen = [], set()
    text_before = ""
    for sentence in sentences:
        for index, token in enumerate(sentence.tokens):
            parts = [part for part in token.text.split("-") if part] if token.is_word else []
            word = next((part for part in parts if is_abbreviation(part, options, lexicon)), None)
            if word is None:
                continue
            base = word[:-1] if word.endswith("s") and word[:-1] in options.abbreviations else word
            if base in seen:
                continue
            seen.add(base)
            tokens = sentence.tokens
            bracketed = (index > 0 and tokens[index - 1].text == "(") or (
                index + 1 < len(tokens) and tokens[index + 1].text == "("
            )
            expansion = options.abbreviations.get(base, "")
            written_out = expansion and expansion.lower() in (text_before + " " + sentence.text).lower()
            if bracketed or written_out or base in defined:
                continue
            fix = (
                f"Schreiben Sie beim ersten Mal „{expansion} ({base})“"
                if expansion
                else "Schreiben Sie beim ersten Mal aus, wofür sie steht, und die Abkürzung in Klammern dahinter"
            )
            hints.append(
                Hint(token.line, "abbreviation", base, f"Abkürzung „{base}“ beim ersten Vorkommen nicht erklärt", fix)
            )
        text_before += " " + sentence.text
    return hints
