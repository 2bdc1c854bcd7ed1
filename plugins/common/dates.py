"""Dates formatted from CLDR data (Babel), independent of installed system locales."""

import calendar
import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_datetime, get_month_names

from .languages import localise_digits


def _in_locale_digits(text: str, lang: str) -> str:
    """Babel writes dates with Latin digits; readers of ar_SY and fa write ٢٦ and ۲۶."""
    return localise_digits(text, Locale.parse(lang).default_numbering_system)


def long_date(value: date | datetime, lang: str = "de") -> str:
    """Format a date the way readers of `lang` (a CLDR locale) write it: "26. März 2025" in German."""
    return _in_locale_digits(format_date(value, format="long", locale=lang), lang)


def long_datetime(value: datetime, lang: str = "de") -> str:
    """Format a date with time: "26. März 2025, 10:00 Uhr" in German."""
    if Locale.parse(lang).language == "de":
        # CLDR's German "long" datetime says "um 10:00:00 MEZ"; offices write "10:00 Uhr".
        return f"{long_date(value, lang)}, {value:%H:%M} Uhr"
    return _in_locale_digits(format_datetime(value, format="medium", locale=lang), lang)


def iso_date(value: date | datetime) -> str:
    """Machine-readable date for `<time datetime>`: 2025-03-26."""
    # Not strftime: Pelican's dates are SafeDatetime, whose strftime costs 50 µs, a second per listing
    # of 10,000 articles.
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


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
    """A `Date:` value that is not a date; the message says why, in German, `fix` how to write it instead."""

    def __init__(self, what: str, fix: str = ""):
        super().__init__(f"{what} — {fix}" if fix else what)
        self.what = what
        self.fix = fix


def _place(timezone: str) -> str:
    """ "Berlin" for "Europe/Berlin", as editors name the time they read on the wall."""
    return timezone.rsplit("/", 1)[-1].replace("_", " ")


def _offset(moment: datetime, zone: ZoneInfo, fold: int) -> timedelta:
    return moment.replace(tzinfo=zone, fold=fold).utcoffset()


def _exists(moment: datetime, zone: ZoneInfo) -> bool:
    """Whether the clocks in `zone` ever show this wall time (false inside the spring-forward gap)."""
    aware = moment.replace(tzinfo=zone)
    return aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == moment


def _clock_change(moment: datetime, zone: ZoneInfo, *, forward: bool) -> tuple[datetime, timedelta]:
    """The wall time at which the clocks jump next to `moment`, and by how much."""
    jump = abs(_offset(moment, zone, 1) - _offset(moment, zone, 0))
    start = moment.replace(second=0)
    # Walk back minute by minute to the first wall time of the gap (or of the repeated hour).
    if forward:
        while not _exists(start - timedelta(minutes=1), zone):
            start -= timedelta(minutes=1)
    else:
        while _offset(start - timedelta(minutes=1), zone, 0) != _offset(start - timedelta(minutes=1), zone, 1):
            start -= timedelta(minutes=1)
    return start, jump


def _clock_text(moment: datetime) -> str:
    return f"{moment.hour}:{moment.minute:02d}"


def _night(moment: datetime) -> str:
    month = get_month_names("wide", locale="de")[moment.month]
    return f"in der Nacht zum {moment.day}. {month} {moment.year}"


def check_wall_time(moment: datetime, value: str, timezone: str) -> None:
    """Refuse a wall time the clocks of `timezone` skip (spring forward), with the two nearest that exist."""
    zone = ZoneInfo(timezone)
    if _exists(moment, zone):
        return
    start, jump = _clock_change(moment, zone, forward=True)
    before, after = moment - jump, moment + jump
    raise AuthorDateError(
        f"„{value}“ gibt es in {_place(timezone)} nicht: {_night(start)} werden die Uhren "
        f"von {_clock_text(start)} auf {_clock_text(start + jump)} vorgestellt",
        f"Schreiben Sie {before:%H:%M} oder {after:%H:%M}",
    )


def repeated_wall_time(moment: datetime, value: str, timezone: str) -> tuple[str, str] | None:
    """For a wall time the clocks of `timezone` show twice (autumn), what is read and what to write instead."""
    zone = ZoneInfo(timezone)
    first, second = _offset(moment, zone, 0), _offset(moment, zone, 1)
    if first == second or not _exists(moment, zone):
        return None
    start, jump = _clock_change(moment, zone, forward=False)
    hours, minutes = divmod(abs(int(first.total_seconds())) // 60, 60)
    offset = f"UTC{'-' if first < timedelta(0) else '+'}{hours}" + (f":{minutes:02d}" if minutes else "")
    season = "Sommerzeit" if moment.replace(tzinfo=zone).dst() else "Normalzeit"
    return (
        f"„{value}“ gibt es in {_place(timezone)} zweimal: {_night(start)} werden die Uhren "
        f"von {_clock_text(start + jump)} auf {_clock_text(start)} zurückgestellt; "
        f"gelesen wird das erste Mal ({season}, {offset})",
        f"Schreiben Sie eine eindeutige Uhrzeit, etwa {moment - jump:%H:%M} oder {moment + jump:%H:%M}",
    )


def parse_author_date(text: str, timezone: str | None = None) -> datetime:
    """Read a date as authors write it: ISO (2025-03-26 10:00) or German (26.03.2025 10:00).

    With `timezone` (Pelican's TIMEZONE), a wall time the clocks skip there is refused too.
    """
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
    moment = datetime(year, month, day, hour, minute, second)
    if timezone:
        check_wall_time(moment, value, timezone)
    return moment
