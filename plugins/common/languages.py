"""Language helpers several plugins need: digits of a numbering system, a language's start and search page."""

# The digits of the CLDR numbering systems our languages use by default (Babel knows which
# system a locale uses, but writes dates with Latin digits whatever it is).
DIGITS = {
    "latn": "0123456789",
    "arab": "٠١٢٣٤٥٦٧٨٩",
    "arabext": "۰۱۲۳۴۵۶۷۸۹",
}


def localise_digits(text: str, numbering_system: str) -> str:
    """`text` with Latin digits written in `numbering_system` (unknown systems keep Latin digits)."""
    digits = DIGITS.get(numbering_system)
    if not digits or digits == DIGITS["latn"]:
        return text
    return text.translate(str.maketrans(DIGITS["latn"], digits))


def home_url(lang: str, default_lang: str) -> str:
    """A language's start page, relative to the site root: "" for German, "en/" for English."""
    return "" if lang == default_lang else f"{lang}/"


def search_url(lang: str, default_lang: str, search_save_as: str) -> str:
    """A language's search page, relative to the site root: "suche/" or "en/suche/"."""
    return home_url(lang, default_lang) + search_save_as.removesuffix("index.html")
