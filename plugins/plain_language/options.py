"""The PLAIN_LANGUAGE_* settings with their defaults (pelicanconf.py explains each)."""

from dataclasses import dataclass, field

from common.settings import settings_reader

DEFAULTS = {
    "PLAIN_LANGUAGE_SHOW_ON_PAGE": False,
    "PLAIN_LANGUAGE_SENTENCE_WORDS": 20,
    "PLAIN_LANGUAGE_WORD_LETTERS": 20,
    "PLAIN_LANGUAGE_NOMINAL_NOUNS": 3,
    "PLAIN_LANGUAGE_RARE_ZIPF": 2.5,
    "PLAIN_LANGUAGE_ALLOWLIST": [],
    "PLAIN_LANGUAGE_ABBREVIATIONS": {},
    "PLAIN_LANGUAGE_KNOWN_ABBREVIATIONS": ["EU", "PDF", "USA", "WC", "WLAN", "TV", "IT"],
    "PLAIN_LANGUAGE_READABILITY_TARGET": 60,
    "PLAIN_LANGUAGE_LS_FIELD": "leichte_sprache",
    "PLAIN_LANGUAGE_LS_SENTENCE_WORDS": 12,
    "PLAIN_LANGUAGE_LS_COMPOUND_LETTERS": 10,
    "PLAIN_LANGUAGE_CACHE": None,
    "PLAIN_LANGUAGE_ONLY_SOURCES": None,
}
setting = settings_reader(DEFAULTS)


@dataclass(frozen=True)
class Options:
    """What the rules need to know; built from Pelican settings or a test's keywords."""

    sentence_words: int = DEFAULTS["PLAIN_LANGUAGE_SENTENCE_WORDS"]
    word_letters: int = DEFAULTS["PLAIN_LANGUAGE_WORD_LETTERS"]
    nominal_nouns: int = DEFAULTS["PLAIN_LANGUAGE_NOMINAL_NOUNS"]
    rare_zipf: float = DEFAULTS["PLAIN_LANGUAGE_RARE_ZIPF"]
    allowlist: tuple[str, ...] = ()
    abbreviations: dict[str, str] = field(default_factory=dict)
    known_abbreviations: frozenset[str] = frozenset(DEFAULTS["PLAIN_LANGUAGE_KNOWN_ABBREVIATIONS"])
    readability_target: int = DEFAULTS["PLAIN_LANGUAGE_READABILITY_TARGET"]
    ls_field: str = DEFAULTS["PLAIN_LANGUAGE_LS_FIELD"]
    ls_sentence_words: int = DEFAULTS["PLAIN_LANGUAGE_LS_SENTENCE_WORDS"]
    ls_compound_letters: int = DEFAULTS["PLAIN_LANGUAGE_LS_COMPOUND_LETTERS"]

    @classmethod
    def from_settings(cls, settings) -> "Options":
        """The options of a Pelican settings dict (missing ones: defaults)."""

        return cls(
            sentence_words=int(setting(settings, "PLAIN_LANGUAGE_SENTENCE_WORDS")),
            word_letters=int(setting(settings, "PLAIN_LANGUAGE_WORD_LETTERS")),
            nominal_nouns=int(setting(settings, "PLAIN_LANGUAGE_NOMINAL_NOUNS")),
            rare_zipf=float(setting(settings, "PLAIN_LANGUAGE_RARE_ZIPF")),
            allowlist=tuple(setting(settings, "PLAIN_LANGUAGE_ALLOWLIST")),
            abbreviations=dict(setting(settings, "PLAIN_LANGUAGE_ABBREVIATIONS")),
            known_abbreviations=frozenset(setting(settings, "PLAIN_LANGUAGE_KNOWN_ABBREVIATIONS")),
            readability_target=int(setting(settings, "PLAIN_LANGUAGE_READABILITY_TARGET")),
            ls_field=str(setting(settings, "PLAIN_LANGUAGE_LS_FIELD")).lower(),
            ls_sentence_words=int(setting(settings, "PLAIN_LANGUAGE_LS_SENTENCE_WORDS")),
            ls_compound_letters=int(setting(settings, "PLAIN_LANGUAGE_LS_COMPOUND_LETTERS")),
        )

    @property
    def allowed_words(self) -> frozenset[str]:
        """Every single word of the allowlist, lower case (its names are never rare, long or nominal)."""
        return frozenset(word.lower() for entry in self.allowlist for word in entry.split())
