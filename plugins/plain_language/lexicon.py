"""Word frequencies (wordfreq) and compound splitting, loaded once per build and only when asked."""

import math
import re
from functools import cached_property

UMLAUTS = str.maketrans("äöü", "aou")
MAX_WORD = 50  # longer "words" are pasted data, not German: no split is tried
# Linking letters between the parts of a German compound (Stab-s-stelle, Migrant-en-organisation).
LINKS = ("", "s", "es", "n", "en", "e", "er")
# Inflection endings tried when the written form is rare but its base is common ("niedrigschwelligen").
ENDINGS = ("innen", "in", "en", "em", "er", "es", "e", "n", "s")
# First parts that are prefixes or particles: "Unterstützung" and "Mitarbeiterin" are no compounds to split.
# Endings that look like words to the frequency list but only derive a word: Behinder-ung is no compound.
SUFFIXES = frozenset(
    [
        "heit",
        "keit",
        "schaft",
        "ungen",
        "heiten",
        "keiten",
        "chen",
        "lein",
        "ling",
        "nisse",
        "tion",
        "tionen",
        "ionen",
        "ismus",
        "ität",
        "itäten",
        "erin",
        "erinnen",
        "ische",
        "isches",
        "ischen",
        "lich",
        "liche",
        "lichen",
        "innen",
        "ung",
        "nen",
        "ion",
        "tät",
        "ler",
        "ner",
        "ern",
        "isch",
        "ungs",
        "heits",
        "keits",
        "ions",
    ]
)
# Prefixes that are never a first part: „ver-schriftlicht“ is no compound.
PREFIXES = frozenset({"be", "ver", "er", "ent", "zer", "ge", "miss", "emp"})
PARTICLES = frozenset(
    [
        "ab",
        "an",
        "auf",
        "aus",
        "bei",
        "durch",
        "ein",
        "für",
        "gegen",
        "hinter",
        "mit",
        "nach",
        "neben",
        "ober",
        "um",
        "unter",
        "über",
        "vor",
        "wider",
        "zu",
        "zurück",
        "zusammen",
        "vorder",
        "hinter",
        "haupt",
        "ur",
        "miss",
        "un",
    ]
)


class Lexicon:
    """How common a German word is (Zipf scale: 7 „der“, 3 „Teilhabe“, 0 unknown), with a cache."""

    def __init__(self, minimum_part: float = 3.0):
        self.minimum_part = minimum_part
        self._zipf: dict[str, float] = {}
        self._base: dict[str, float] = {}
        self._split: dict[tuple[str, int], tuple[str, str] | None] = {}

    @cached_property
    def _frequencies(self) -> dict[str, float]:
        # wordfreq's own table: one dict lookup per word instead of zipf_frequency's tokenising (0.1 ms a call).
        from wordfreq import get_frequency_dict

        return get_frequency_dict("de")

    def zipf(self, word: str) -> float:
        """Zipf frequency of a single word (log10 of occurrences per billion words), case-folded as wordfreq does."""
        key = word.lower()
        if key not in self._zipf:
            frequency = self._frequencies.get(key.casefold(), 0.0)  # wordfreq folds ß to ss
            self._zipf[key] = round(math.log10(frequency) + 9, 2) if frequency > 0 else 0.0
        return self._zipf[key]

    def base_zipf(self, word: str) -> float:
        """The highest frequency of the word and its forms without a common inflection ending."""
        key = word.lower()
        if key not in self._base:
            self._base[key] = self._base_zipf(word)
        return self._base[key]

    def _base_zipf(self, word: str) -> float:
        return max(self.zipf(form) for form in base_forms(word.lower()))

    def derived_zipf(self, word: str) -> float:
        """Like base_zipf, and a noun on -keit, -heit, -ung counts as common as its adjective or verb
        („Gemeinnützigkeit“: gemeinnützig). Only for whole words and first parts: inside a split it would
        make „Dis-kriminierung“ or „Mög-lichkeit“ look like compounds."""
        best = self.base_zipf(word)
        if match := re.fullmatch(r"(\w{4,})(keit|heit|ung)(en)?", word.lower()):
            stem = match.group(1)
            best = max(best, self.base_zipf(stem), self.zipf(stem + "en"), self.zipf(stem + "n"))
        return best

    def stem_zipf(self, stem: str) -> float:
        """A first part may be a verb stem: „Förder-geld“ (fördern), „Anmelde-bogen“ (anmelden)."""
        return max(self.base_zipf(stem), self.zipf(stem + "en"), self.zipf(stem + "n"))

    def split(self, word: str, depth: int = 0, particles: bool = True) -> tuple[str, str] | None:
        """The best split of a compound into a common first part and a common (or itself split) rest, or None."""
        if not 7 <= len(word) <= MAX_WORD or depth > 2 or not re.fullmatch(r"[A-Za-zÄÖÜäöüß]+", word):
            return None
        for suffix in ("innen", "in"):  # Mitarbeiter-in: split the masculine form, never „Mitarbeite-rin“
            if word.lower().endswith("er" + suffix):
                base = self.split(word[: -len(suffix)], depth, particles)
                return (base[0], base[1] + suffix) if base else None
        key = (word, depth, particles)
        if key not in self._split:
            self._split[key] = self._best_split(word, depth, particles)
        return self._split[key]

    def _best_split(self, word: str, depth: int, particles: bool) -> tuple[str, str] | None:
        # The last joint wins (longest common first part): „Antidiskriminierungs-Beratung“, and a rest that is
        # a word itself beats one that is a compound again („Landes-Inklusionsgesetz“ only when nothing else).
        best, best_rank = None, None
        for cut in range(3, len(word) - 2):
            head, tail = word[:cut], word[cut:]
            if tail.lower() in SUFFIXES:
                continue
            direct = self.base_zipf(tail) >= self.minimum_part
            if not direct and (len(tail) < 7 or self.split(tail.lower(), depth + 1) is None):
                continue
            for link in LINKS:
                if link and not head.lower().endswith(link):
                    continue
                stem = head[: len(head) - len(link)] if link else head
                if (
                    len(stem) < 3
                    or not re.search("[aeiouäöüy]", stem.lower())
                    or stem.lower() in PREFIXES
                    or (not particles and stem.lower() in PARTICLES)
                ):
                    continue
                if not link:
                    known = self.stem_zipf(stem.lower())
                elif link == "s" and re.search("(keit|heit|ung)$", stem.lower()):
                    known = self.derived_zipf(stem)  # Gemeinnützigkeit-s-nachweis
                else:
                    known = self.base_zipf(stem.lower())
                if known < self.minimum_part:  # a verb stem only without linking letters: Förder-geld
                    continue
                rank = (direct, cut)
                if best_rank is None or rank > best_rank:
                    best, best_rank = (head, tail), rank
        return best

    def is_known(self, word: str, threshold: float) -> bool:
        """Common enough as written, as a base form, or as a compound of common parts."""
        if self.derived_zipf(word) >= threshold:
            return True
        parts = re.split(r"[-·/]", word)
        if len(parts) > 1:
            return all(not part or self.is_known(part, threshold) for part in parts)
        return self.split(word) is not None


def base_forms(word: str) -> list[str]:
    """The word and the forms it may be inflected from (rough German morphology, never a wrong reading
    that matters: only used to decide that a word is common)."""
    forms = [word]
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            forms.append(word[: -len(ending)])
    if match := re.fullmatch(r"(\w{3,})in(nen)?", word):  # Patin, Kolleginnen: from Pate, Kollege
        forms.append(match.group(1) + "e")
    if word.endswith("t") and len(word) > 5:  # verb forms and participles: ausweitet, untertitelt, gedolmetscht
        unprefixed = re.sub(r"^(ab|an|auf|aus|ein|mit|nach|vor|zu|um|unter|über)?ge", r"\1", word)
        for form in {word, unprefixed}:
            forms += [form[:-1] + "en", form[:-1] + "n"] + ([form[:-2] + "en"] if form.endswith("et") else [])
    if match := re.fullmatch(r"(\w{4,})end(e|en|er|es|em)?", word):  # anfragenden → anfragen
        forms.append(match.group(1) + "en")
    if match := re.fullmatch(r"(\w{3,})isch(e|en|er|es|em)?", word):  # ruandischen → ruanda, pantomimisch
        forms += [match.group(1), match.group(1) + "a", match.group(1) + "e", match.group(1) + "ien"]
    if re.search("[äöü]", word):  # plurals with an umlaut: Herkünfte (Herkunft), Bäuerinnen (Bauer)
        forms += [form.replace("äu", "au").translate(UMLAUTS) for form in forms if re.search("[äöü]", form)]
    return forms
