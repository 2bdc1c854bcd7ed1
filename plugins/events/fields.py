"""Pure functions: the Event_* metadata of one item read into an `Event`, or German problems."""

import re
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from dateutil.rrule import rrulestr
from icalendar import vRecur

from common.dates import AuthorDateError, parse_author_date

STATUSES = ("abgesagt", "verschoben")
EXAMPLE_START = "2026-12-03 18:00"
EXAMPLE_RRULE = "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630T000000Z"
_TIME_ONLY = re.compile(r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?:\s*Uhr)?")


@dataclass
class Event:
    """An event as the theme, the listing and the calendar files see it (contract 1 of issue 12)."""

    start: datetime
    end: datetime | None = None
    all_day: bool = False
    location: str = ""
    online: str = ""
    registration: str = ""
    languages: list[str] = field(default_factory=list)
    accessibility: str = ""
    status: str = ""
    previous_start: datetime | None = None
    recurrence: str = ""
    upcoming: bool = True  # set from the build's "now" once all content is read
    occurrences: list[datetime] = field(default_factory=list)
    # The first moment after the build's "now" at which the listing would show it otherwise (None: never).
    changes_at: datetime | None = None
    ics_url: str = ""

    @property
    def last_moment(self) -> datetime:
        """When a single event is over: its end, else the end of its start's day (all-day) or its start."""
        if self.end is not None:
            return self.end + (timedelta(days=1) if self.all_day else timedelta(0))
        return self.start + (timedelta(days=1) if self.all_day else timedelta(0))


class EventFieldError(ValueError):
    """One bad Event_* value: the field (lower case), what is wrong and how to fix it, in German."""

    def __init__(self, name: str, what: str, fix: str):
        super().__init__(f"{name}: {what} — {fix}")
        self.name = name
        self.what = what
        self.fix = fix


def _text(metadata: dict, name: str) -> str:
    value = metadata.get(name)
    if value is None:
        return ""
    if isinstance(value, list):  # a field written twice: the first counts, as elsewhere
        value = value[0] if value else ""
    return " ".join(str(value).split())


def _is_all_day(text: str) -> bool:
    return ":" not in text


def parse_moment(name: str, text: str, timezone: str) -> tuple[datetime, bool]:
    """A date or date with time in Berlin time, and whether it had no time (all day)."""
    field_name = name.replace("event_", "Event_")
    try:
        moment = parse_author_date(text, timezone)
    except AuthorDateError as error:
        fix = error.fix or f"Schreiben Sie Datum und Uhrzeit so: „{EXAMPLE_START}“ (ohne Uhrzeit: ganztägig)"
        raise EventFieldError(name, f"{field_name}: {error.what}", fix) from None
    return moment.replace(tzinfo=ZoneInfo(timezone)), _is_all_day(text)


def _parse_end(text: str, start: datetime, all_day: bool, timezone: str) -> datetime:
    """Event_end: a full date (and time), or only a time on the start's day („20:00“)."""
    only_time = _TIME_ONLY.fullmatch(text)
    if only_time and not all_day:
        hour, minute = int(only_time["hour"]), int(only_time["minute"])
        if hour > 23 or minute > 59:
            raise EventFieldError(
                "event_end", f"Event_end: die Uhrzeit „{text}“ gibt es nicht", "Schreiben Sie z. B. „20:00“"
            )
        naive = datetime.combine(start.date(), time(hour, minute))
        return parse_moment("event_end", naive.strftime("%Y-%m-%d %H:%M"), timezone)[0]
    end, end_all_day = parse_moment("event_end", text, timezone)
    if end_all_day != all_day:
        if all_day:
            raise EventFieldError(
                "event_end",
                f"Event_end „{text}“ hat eine Uhrzeit, Event_start aber nicht (ganztägig)",
                "Schreiben Sie bei beiden eine Uhrzeit oder bei beiden nur das Datum",
            )
        raise EventFieldError(
            "event_end",
            f"Event_end „{text}“ hat keine Uhrzeit, Event_start aber schon",
            f"Schreiben Sie das Ende mit Uhrzeit, z. B. „{start:%Y-%m-%d} 20:00“ oder nur „20:00“",
        )
    return end


def check_rrule(text: str, start: datetime) -> str:
    """The RRULE as written, if the iCalendar library and dateutil can read it."""
    problem = EventFieldError(
        "event_recurrence",
        f"Event_recurrence „{text}“ ist keine Wiederholungsregel nach RFC 5545",
        f"Schreiben Sie z. B. „{EXAMPLE_RRULE}“ (jeden Dienstag bis 30. Juni 2027)",
    )
    rule = text.removeprefix("RRULE:").strip()
    try:
        parsed = vRecur.from_ical(rule)
        if not parsed.get("FREQ"):
            raise problem
        rrulestr(rule, dtstart=start)
    except (ValueError, TypeError, KeyError):
        raise problem from None
    return rule


def check_online(text: str) -> str:
    """Event_online must be an https address with a host."""
    parts = urlsplit(text)
    if parts.scheme != "https" or not parts.netloc or " " in text:
        raise EventFieldError(
            "event_online",
            f"Event_online „{text}“ ist keine sichere Web-Adresse (https://…)",
            "Schreiben Sie die vollständige Adresse mit https://, z. B. „https://konferenz.example.org/raum“",
        )
    return text


def known_language(code: str, site_languages) -> bool:
    """A site language or a language Babel (CLDR) knows by this code."""
    if code in site_languages:
        return True
    if not re.fullmatch(r"[a-z]{2,3}", code):
        return False
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return False
    return True


def check_languages(text: str, site_languages) -> list[str]:
    """Event_languages: comma-separated language codes („de, ar, uk“)."""
    codes = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [code for code in codes if not known_language(code, site_languages)]
    if unknown:
        raise EventFieldError(
            "event_languages",
            f"Event_languages: unbekannte Sprachkürzel {', '.join(f'„{code}“' for code in unknown)}",
            "Schreiben Sie Sprachkürzel nach ISO 639 in Kleinbuchstaben mit Komma, z. B. „de, ar, uk“",
        )
    return codes


def _check_status(metadata: dict, status: str, timezone: str) -> datetime | None:
    previous_text = _text(metadata, "event_previous_start")
    if status and status not in STATUSES:
        raise EventFieldError(
            "event_status",
            f"Event_status „{status}“ kennt die Website nicht",
            "Schreiben Sie „abgesagt“ oder „verschoben“, oder lassen Sie die Zeile weg",
        )
    if status == "verschoben" and not previous_text:
        raise EventFieldError(
            "event_status",
            "Event_status „verschoben“ ohne den alten Termin",
            f"Ergänzen Sie „Event_previous_start: {EXAMPLE_START}“ mit dem ursprünglichen Beginn",
        )
    if previous_text and status != "verschoben":
        raise EventFieldError(
            "event_previous_start",
            "Event_previous_start steht da, aber der Termin ist nicht als verschoben markiert",
            "Ergänzen Sie „Event_status: verschoben“ oder löschen Sie die Zeile Event_previous_start",
        )
    if not previous_text:
        return None
    return parse_moment("event_previous_start", previous_text, timezone)[0]


def parse_event(metadata: dict, timezone: str, site_languages) -> tuple[Event | None, list[tuple[str, str, str]]]:
    """The event of an item's metadata, or None and every problem found as (field, what, fix)."""
    start_text = _text(metadata, "event_start")
    if not start_text:
        stray = [name for name in metadata if name.startswith("event_") and name != "event_start"]
        if stray:
            name = sorted(stray)[0]
            return None, [
                (
                    name,
                    f"{name.replace('event_', 'Event_')} steht da, aber Event_start fehlt",
                    f"Ergänzen Sie den Beginn, z. B. „Event_start: {EXAMPLE_START}“",
                )
            ]
        return None, []
    problems = []

    def attempt(function, *args):
        try:
            return function(*args)
        except EventFieldError as error:
            problems.append((error.name, error.what, error.fix))
            return None

    parsed = attempt(parse_moment, "event_start", start_text, timezone)
    if parsed is None:
        return None, problems
    start, all_day = parsed
    end = None
    end_text = _text(metadata, "event_end")
    if end_text:
        end = attempt(_parse_end, end_text, start, all_day, timezone)
        if end is not None and end < start:
            problems.append(
                (
                    "event_end",
                    f"Event_end „{end_text}“ liegt vor dem Beginn „{start_text}“",
                    "Schreiben Sie ein Ende nach dem Beginn oder lassen Sie Event_end weg",
                )
            )
    status = _text(metadata, "event_status").lower()
    previous_start = attempt(_check_status, metadata, status, timezone)
    recurrence_text = _text(metadata, "event_recurrence")
    recurrence = attempt(check_rrule, recurrence_text, start) if recurrence_text else ""
    online_text = _text(metadata, "event_online")
    online = attempt(check_online, online_text) if online_text else ""
    languages_text = _text(metadata, "event_languages")
    languages = attempt(check_languages, languages_text, site_languages) if languages_text else []
    if problems:
        return None, problems
    return (
        Event(
            start=start,
            end=end,
            all_day=all_day,
            location=_text(metadata, "event_location"),
            online=online,
            registration=_text(metadata, "event_registration"),
            languages=languages,
            accessibility=_text(metadata, "event_accessibility"),
            status=status,
            previous_start=previous_start,
            recurrence=recurrence,
        ),
        [],
    )
