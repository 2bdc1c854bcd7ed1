"""German slugs: "Förderung für Frauen" becomes "foerderung-fuer-frauen"."""

import unicodedata

from unidecode import unidecode

GERMAN_LETTERS = [("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("ẞ", "ss")]

# Pelican's own defaults, applied after the letter substitutions.
PELICAN_DEFAULT_SUBSTITUTIONS = [
    (r"[^\w\s-]", ""),
    (r"(?u)\A\s*", ""),
    (r"(?u)\s*\Z", ""),
    (r"[-\s]+", "-"),
]


def latin_letter_substitutions() -> list[tuple[str, str]]:
    """Regex substitutions folding accented Latin letters (é, ç, ş, ł …) to ASCII.

    Pelican runs Unidecode *before* its regex substitutions, which would turn "ä"
    into "a". So the site slugifies with SLUGIFY_USE_UNICODE and does the ASCII
    folding itself, here, after the German letters. Scripts that are not Latin
    (Arabic, Cyrillic) keep their letters for the later translated sections.
    """
    german = {letter for letter, _ in GERMAN_LETTERS}
    by_ascii: dict[str, list[str]] = {}
    for code in range(0x00C0, 0x0250):  # Latin-1 Supplement and Latin Extended-A/B
        letter = chr(code)
        if letter.lower() in german or not unicodedata.category(letter).startswith("L"):
            continue
        # Pelican NFKC-normalises each pattern: a ligature such as "ǌ" would turn
        # into "nj" inside the character class and then match plain n and j.
        if unicodedata.normalize("NFKC", letter) != letter:
            continue
        ascii_form = unidecode(letter).lower()
        if ascii_form.isalpha() and ascii_form.isascii():
            by_ascii.setdefault(ascii_form, []).append(letter)
    return [(f"[{''.join(letters)}]", ascii_form) for ascii_form, letters in sorted(by_ascii.items())]


def german_slug_substitutions() -> list[tuple[str, str]]:
    """The full SLUG_REGEX_SUBSTITUTIONS list for German slugs."""
    return GERMAN_LETTERS + latin_letter_substitutions() + PELICAN_DEFAULT_SUBSTITUTIONS


def heading_id(value: str, separator: str) -> str:
    """The `id` of a Markdown heading: as Python-Markdown makes it, but never empty for non-Latin scripts.

    The toc extension's ASCII slug drops Arabic, Persian and Cyrillic letters, so every such heading
    became "_1", "_2" …; those headings keep their own letters instead. German ids stay as they were.
    """
    from markdown.extensions.toc import slugify, slugify_unicode

    ascii_id = slugify(value, separator)
    if any(character.isalpha() for character in ascii_id):
        return ascii_id
    return slugify_unicode(value, separator)
