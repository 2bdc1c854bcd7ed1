"""The sessions of one language for the Beirat page: upcoming in date order, past by year, newest first."""

import unicodedata
from dataclasses import dataclass, field
from itertools import groupby

from babel import Locale

# Unicode names of the zero of each numbering system CLDR gives as a locale's default (ar_SY, fa_IR).
ZERO_DIGITS = {"arab": "ARABIC-INDIC DIGIT ZERO", "arabext": "EXTENDED ARABIC-INDIC DIGIT ZERO"}


@dataclass
class Entry:
    """One session as the page of `lang` lists it: its version in that language, else the German one."""

    item: object
    other_lang: bool  # the German original stands in for a missing translation


@dataclass
class Year:
    year: int
    year_text: str  # in the page's digits
    entries: list[Entry] = field(default_factory=list)


@dataclass
class Overview:
    upcoming: list[Entry]
    past: list[Year]


def local_digits(text: str, locale: str) -> str:
    """`text` with its Latin digits in the locale's own digits (٢٠٢٦ for ar_SY, ۲۰۲۶ for fa_IR)."""
    zero_name = ZERO_DIGITS.get(Locale.parse(locale).default_numbering_system)
    if zero_name is None:
        return text
    zero = ord(unicodedata.lookup(zero_name))
    return text.translate({ord("0") + digit: zero + digit for digit in range(10)})


def version_in(item, lang: str) -> Entry:
    """The item's translation into `lang` if it has one, else the item itself marked as in another language."""
    if getattr(item, "lang", None) == lang:
        return Entry(item, False)
    for translation in getattr(item, "translations", None) or []:
        if translation.lang == lang:
            return Entry(translation, False)
    return Entry(item, True)


def sessions_overview(originals, lang: str, locale: str) -> Overview:
    """Sessions (original items with `session` and `event`) for the page in `lang`.

    Upcoming ones (not yet ended, `event.upcoming`) from the next on; past ones grouped by the
    year of their start, the latest year and within it the latest session first.
    """
    sessions = [item for item in originals if getattr(item, "session", None) and getattr(item, "event", None)]
    sessions.sort(key=lambda item: item.event.start)
    upcoming = [version_in(item, lang) for item in sessions if item.event.upcoming]
    past = [item for item in reversed(sessions) if not item.event.upcoming]
    years = [
        Year(year, local_digits(str(year), locale), [version_in(item, lang) for item in items])
        for year, items in groupby(past, key=lambda item: item.event.start.year)
    ]
    return Overview(upcoming, years)
