"""Pure functions: dates, times, months and language names of events in the reader's locale (Babel)."""

from datetime import datetime

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, format_time
from babel.lists import format_list

from common.languages import localise_digits


def _digits(text: str, locale: str) -> str:
    """Babel writes Latin digits; readers of ar_SY and fa_IR get their own."""
    return localise_digits(text, Locale.parse(locale).default_numbering_system)


def event_date(moment: datetime, locale: str) -> str:
    """The day with its weekday: „Dienstag, 17. Oktober 2028“."""
    return _digits(format_date(moment, format="full", locale=locale), locale)


def event_time(moment: datetime, locale: str) -> str:
    """The wall time: „18:00“ (the UI text adds „Uhr“ where the language says it)."""
    return _digits(format_time(moment, format="short", locale=locale), locale)


def day_and_month(moment: datetime, locale: str) -> str:
    """A further date of a series below its month's heading: „8. Dezember“."""
    return _digits(format_skeleton("MMMMd", moment, locale=locale), locale)


def month_label(moment: datetime, locale: str) -> str:
    """A month heading: „Oktober 2028“ in the month name's standalone form."""
    return _digits(format_date(moment, format="LLLL y", locale=locale), locale)


def year_label(year: int, locale: str) -> str:
    """A year in the locale's digits."""
    return _digits(str(year), locale)


def language_name(code: str, locale: str) -> str:
    """A language's name in the reader's language: „Arabisch“ for "ar" on a German page."""
    try:
        return Locale.parse(code).get_display_name(locale) or code
    except (UnknownLocaleError, ValueError):
        return code


def language_names(codes: list[str], locale: str) -> str:
    """Several languages' names joined as the reader's language joins a list: „Deutsch, Arabisch und Ukrainisch“."""
    return format_list([language_name(code, locale) for code in codes], locale=locale) if codes else ""
