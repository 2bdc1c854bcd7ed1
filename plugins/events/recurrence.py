"""Pure functions: the dates of a recurring event within the horizon, and its rule in words."""

import calendar as month_calendar
from dataclasses import dataclass
from datetime import datetime, timedelta

import recurring_ical_events
from babel.dates import get_day_names
from babel.lists import format_list
from icalendar import Calendar, vRecur
from icalendar import Event as VEvent

# RFC 5545 weekday codes in Python's order (Monday = 0), as Babel numbers its day names.
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def add_months(moment: datetime, months: int) -> datetime:
    """The same day and time `months` later (the month's last day where it is shorter)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, month_calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def earliest_reaching(moment: datetime, months: int) -> datetime:
    """The earliest moment whose `add_months(…, months)` is not before `moment`: when a date
    `months` ahead comes into a horizon of that length. Where going back lands on a shorter month's
    last day (31 January back to 30 November), that whole day still reaches only the 30th: the
    moment is the following midnight."""
    back = add_months(moment, -months)
    if add_months(back, months) >= moment:
        return back
    return datetime.combine(back.date() + timedelta(days=1), datetime.min.time(), tzinfo=moment.tzinfo)


def occurrences(start: datetime, end: datetime | None, rule: str, now: datetime, months: int) -> list[datetime]:
    """Start times of the series that have not ended at `now` and begin within `months` of it.

    Expanded by recurring-ical-events in the event's own time zone, so a weekly 18:00 stays 18:00
    on both sides of a clock change.
    """
    vevent = VEvent()
    vevent.add("uid", "expansion")
    vevent.add("dtstart", start)
    if end is not None:
        vevent.add("dtend", end)
    vevent.add("rrule", vRecur.from_ical(rule))
    wrapper = Calendar()
    wrapper.add_component(vevent)
    duration = (end - start) if end is not None else None
    found = recurring_ical_events.of(wrapper).between(now - (duration or timedelta(0)), add_months(now, months))
    starts = sorted(component["DTSTART"].dt for component in found)
    return [moment for moment in starts if (moment + duration if duration else moment) > now]


@dataclass(frozen=True)
class RuleWords:
    """What a rule says in simple words: "weekly" (days, every `interval` weeks), "monthly" (day of month),
    "daily", or "other" for anything a short sentence would get wrong."""

    kind: str
    days: tuple[int, ...] = ()
    interval: int = 1
    month_day: int = 0


def rule_words(rule: str) -> RuleWords:
    """Read FREQ, INTERVAL, BYDAY and BYMONTHDAY; rules with other parts are "other"."""
    parsed = vRecur.from_ical(rule)
    frequency = (parsed.get("FREQ") or [""])[0]
    interval = int((parsed.get("INTERVAL") or [1])[0])
    extra = set(parsed) - {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "UNTIL", "COUNT", "WKST"}
    by_day = [str(day) for day in parsed.get("BYDAY") or []]
    if extra:
        return RuleWords("other")
    if frequency == "WEEKLY" and by_day and all(day in WEEKDAYS for day in by_day) and interval <= 4:
        return RuleWords("weekly", tuple(sorted(WEEKDAYS.index(day) for day in by_day)), interval)
    if frequency == "DAILY" and not by_day and interval == 1 and not parsed.get("BYMONTHDAY"):
        return RuleWords("daily")
    month_days = [int(day) for day in parsed.get("BYMONTHDAY") or []]
    if frequency == "MONTHLY" and not by_day and len(month_days) == 1 and month_days[0] > 0 and interval == 1:
        return RuleWords("monthly", month_day=month_days[0])
    return RuleWords("other")


def day_list(days: tuple[int, ...], locale: str) -> str:
    """Weekday names in `locale`, joined as the language joins a list („Dienstag und Donnerstag“)."""
    names = get_day_names("wide", locale=locale)
    return format_list([names[day] for day in days], locale=locale)
