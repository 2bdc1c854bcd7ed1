"""Dates formatted from CLDR data (Babel), independent of installed system locales."""

from datetime import date, datetime

from babel.dates import format_date, format_datetime


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
