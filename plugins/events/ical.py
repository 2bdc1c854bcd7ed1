"""Pure functions: iCalendar files (RFC 5545) of events, made with the `icalendar` library."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Timezone, vRecur
from icalendar import Event as VEvent

from .fields import Event

PRODID = "-//Stabsstelle fuer Vielfalt und Chancengleichheit//Termine//DE"


@dataclass(frozen=True)
class CalendarEntry:
    """One event with what the calendar file says about it besides its `Event`."""

    event: Event
    uid: str
    title: str
    description: str
    url: str
    stamp: datetime
    language: str


def event_uid(original_slug: str, domain: str) -> str:
    """The same UID in every build and every language: the German original's slug at the site's domain."""
    return f"{original_slug}@{domain}"


def _vevent(entry: CalendarEntry) -> VEvent:
    event = entry.event
    vevent = VEvent()
    vevent.add("uid", entry.uid)
    vevent.add("dtstamp", entry.stamp.astimezone(UTC))
    vevent.add("summary", entry.title, parameters={"LANGUAGE": entry.language})
    if event.all_day:
        vevent.add("dtstart", event.start.date())
        last_day = (event.end or event.start).date()
        vevent.add("dtend", last_day + timedelta(days=1))  # exclusive: the day after the last
    else:
        vevent.add("dtstart", event.start)
        if event.end is not None:
            vevent.add("dtend", event.end)
    if event.recurrence:
        vevent.add("rrule", vRecur.from_ical(event.recurrence))
    if entry.description:
        vevent.add("description", entry.description, parameters={"LANGUAGE": entry.language})
    location = event.location or event.online
    if location:
        vevent.add("location", location)
    if entry.url:
        vevent.add("url", entry.url)
    vevent.add("status", "CANCELLED" if event.status == "abgesagt" else "CONFIRMED")
    # Calendars replace their copy when the sequence grows: a cancelled or moved event counts once more.
    vevent.add("sequence", 1 if event.status else 0)
    return vevent


def calendar_file(entries: list[CalendarEntry], name: str, timezone: str) -> bytes:
    """A calendar of `entries` with one VTIMEZONE for `timezone`, as bytes (CRLF lines, folded)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone)
    timed = [entry.event.start for entry in entries if not entry.event.all_day]
    if timed:
        first = min(timed).date().replace(month=1, day=1)
        calendar.add_component(Timezone.from_tzid(timezone, first_date=first, last_date=date(2038, 1, 1)))
    for entry in sorted(entries, key=lambda entry: (entry.event.start, entry.uid)):
        calendar.add_component(_vevent(entry))
    return calendar.to_ical()
