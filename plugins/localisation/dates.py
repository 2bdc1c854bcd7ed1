"""Dates formatted from CLDR data (Babel), independent of installed system locales."""

import calendar
import re
from datetime import date, datetime

from babel.dates import format_date, format_datetime, get_month_names


def long_date(value: date | datetime, lang: str = "de") -> str:
    """Format a date the way readers of `lang` write it: "26. März 2025" in German."""
    return format_date(value, format="long", locale=lang)


def long_datetime(value: datetime, lang: str = "de") -> str:
    """Format a date with time: "26. März 2025, 10:00 Uhr" in German."""
    if lang == "de":
        # CLDR's German "long" datetime says "um 10:00:00 MEZ"; offices write "10:00 Uhr".
        return f"{long_date(value, lang)}, {value:%H:%M} Uhr"
    return format_datetime(value, format="medium", locale=lang)


def iso_date(value: date | datetime) -> str:
    """Machine-readable date for `<time datetime>`: 2025-03-26."""
    return value.strftime("%Y-%m-%d")


# The ways office staff write a date in `Date:` and `Modified:`; anything else is refused
# instead of guessed (dateutil would read "05.03.2025" as 3 May).
_ISO_DATE = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
_GERMAN_DATE = re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})")
_TIME = re.compile(r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:\s*Uhr)?")
_DATE_TIME = re.compile(
    rf"(?:{_ISO_DATE.pattern}|{_GERMAN_DATE.pattern.replace('?P<', '?P<de_')})"
    rf"(?:(?:[ T]|,\s*)(?:{_TIME.pattern}))?"
)
ACCEPTED_DATE_FORMATS = "2025-03-26, 2025-03-26 10:00 oder 26.03.2025 (auch 26.03.2025 10:00)"


class AuthorDateError(ValueError):
    """A `Date:` value that is not a date; the message says why, in German."""


def parse_author_date(text: str) -> datetime:
    """Read a date as authors write it: ISO (2025-03-26 10:00) or German (26.03.2025 10:00)."""
    value = " ".join(str(text).split())
    match = _DATE_TIME.fullmatch(value)
    if not match:
        raise AuthorDateError(f"„{value}“ ist kein Datum in einer erlaubten Schreibweise ({ACCEPTED_DATE_FORMATS})")
    parts = match.groupdict()
    year = int(parts["year"] or parts["de_year"])
    month = int(parts["month"] or parts["de_month"])
    day = int(parts["day"] or parts["de_day"])
    hour, minute, second = (int(parts[name] or 0) for name in ("hour", "minute", "second"))
    if not 1 <= month <= 12:
        raise AuthorDateError(f"„{value}“: einen Monat {month} gibt es nicht (1 bis 12)")
    days_in_month = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days_in_month:
        month_name = get_month_names("wide", locale="de")[month]
        raise AuthorDateError(
            f"„{value}“: den {day}. {month_name} {year} gibt es nicht, der {month_name} {year} hat {days_in_month} Tage"
        )
    if hour > 23 or minute > 59 or second > 59:
        raise AuthorDateError(f"„{value}“: die Uhrzeit {hour}:{minute:02d} gibt es nicht (00:00 bis 23:59)")
    return datetime(year, month, day, hour, minute, second)
