"""The events plugin's pure core: Event_* fields, recurrence across the clock change, rule words,
listing order and archive, iCalendar files and JSON-LD — with no Pelican build."""

from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import icalendar
import pytest
from events.fields import parse_event
from events.ical import CalendarEntry, calendar_file, event_uid
from events.listing import by_month, next_distinct, past_by_year, refresh, upcoming
from events.recurrence import day_list, occurrences, rule_words
from events.schema import event_schema, postal_address

BERLIN = ZoneInfo("Europe/Berlin")
LANGUAGES = {"de": {}, "en": {}, "ar": {}}


def event_of(**fields):
    """The Event of metadata written as Event_* fields (keyword names without the prefix)."""
    event, problems = parse_event(
        {f"event_{name}": value for name, value in fields.items()}, "Europe/Berlin", LANGUAGES
    )
    assert problems == [], problems
    return event


def test_a_complete_event_is_read_in_berlin_time():
    event = event_of(
        start="2028-10-17 18:00", end="20:00", languages="de, ar, uk", online="https://konferenz.example.org/raum"
    )
    assert event.start == datetime(2028, 10, 17, 18, 0, tzinfo=BERLIN)
    assert event.end == datetime(2028, 10, 17, 20, 0, tzinfo=BERLIN)
    assert event.start.utcoffset().total_seconds() == 2 * 3600
    assert not event.all_day
    assert event.languages == ["de", "ar", "uk"]


def test_a_start_without_time_is_an_all_day_event():
    event = event_of(start="27.09.2025")
    assert event.all_day
    assert event.start.date().isoformat() == "2025-09-27"


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"start": "3.12.2026 abends"}, "event_start", ["kein Datum", "2026-12-03 18:00"]),
        ({"start": "2026-03-29 02:30"}, "event_start", ["gibt es in Berlin nicht", "01:30 oder 03:30"]),
        ({"start": "2026-12-03 18:00", "end": "2026-12-03 17:00"}, "event_end", ["liegt vor dem Beginn"]),
        ({"start": "2026-12-03 18:00", "end": "17:30"}, "event_end", ["liegt vor dem Beginn"]),
        ({"start": "2026-12-03 18:00", "status": "ausgefallen"}, "event_status", ["„ausgefallen“", "abgesagt"]),
        ({"start": "2026-12-03 18:00", "status": "verschoben"}, "event_status", ["ohne den alten Termin"]),
        (
            {"start": "2026-12-03 18:00", "previous_start": "2026-11-03 18:00"},
            "event_previous_start",
            ["nicht als verschoben markiert"],
        ),
        ({"start": "2026-12-03 18:00", "recurrence": "FREQ=WÖCHENTLICH"}, "event_recurrence", ["RFC 5545"]),
        ({"start": "2026-12-03 18:00", "recurrence": "BYDAY=TU"}, "event_recurrence", ["RFC 5545"]),
        ({"start": "2026-12-03 18:00", "languages": "de, arabisch"}, "event_languages", ["„arabisch“"]),
        ({"start": "2026-12-03 18:00", "online": "http://konferenz.example.org"}, "event_online", ["https://"]),
        ({"location": "Rathaus"}, "event_location", ["Event_start fehlt"]),
    ],
)
def test_each_bad_value_gets_a_german_message_for_its_field(fields, field, words):
    metadata = {f"event_{name}": value for name, value in fields.items()}
    event, problems = parse_event(metadata, "Europe/Berlin", LANGUAGES)
    assert event is None  # an item with a bad value is not an event
    assert [name for name, _, _ in problems] == [field]
    _, what, fix = problems[0]
    for word in words:
        assert word in what + " " + fix
    assert fix.startswith(("Schreiben", "Ergänzen"))


def test_unknown_language_codes_are_refused_but_babel_languages_are_accepted():
    assert event_of(start="2026-12-03 18:00", languages="de, ku, ti").languages == ["de", "ku", "ti"]
    _, problems = parse_event({"event_start": "2026-12-03 18:00", "event_languages": "de, qq"}, "Europe/Berlin", {})
    assert problems and "„qq“" in problems[0][1]


def test_weekly_1800_stays_1800_local_across_the_october_clock_change():
    start = datetime(2028, 10, 3, 18, 0, tzinfo=BERLIN)
    now = datetime(2028, 10, 1, 12, 0, tzinfo=BERLIN)
    dates = occurrences(start, start.replace(hour=20), "FREQ=WEEKLY;BYDAY=TU", now, 1)
    assert [moment.day for moment in dates] == [3, 10, 17, 24, 31]
    assert all((moment.hour, moment.minute) == (18, 0) for moment in dates)
    offsets = {moment.day: moment.utcoffset().total_seconds() / 3600 for moment in dates}
    assert offsets[24] == 2 and offsets[31] == 1  # clocks go back on 29 October 2028


def test_occurrences_stop_at_the_horizon_and_at_until():
    start = datetime(2026, 1, 6, 16, 0, tzinfo=BERLIN)
    now = datetime(2028, 1, 1, 0, 0, tzinfo=BERLIN)
    dates = occurrences(start, None, "FREQ=WEEKLY;BYDAY=TU", now, 12)
    assert dates[0] == datetime(2028, 1, 4, 16, 0, tzinfo=BERLIN)
    assert dates[-1] < datetime(2029, 1, 1, tzinfo=BERLIN)
    assert len(dates) == 52
    ended = occurrences(start, None, "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630T000000Z", now, 12)
    assert ended == []


def test_rules_in_words_with_babel_day_names():
    weekly = rule_words("FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20300101T000000Z")
    assert (weekly.kind, weekly.interval) == ("weekly", 1)
    assert day_list(weekly.days, "de_DE") == "Dienstag und Donnerstag"
    assert day_list(weekly.days, "ar_SY") == "الثلاثاء والخميس"
    assert rule_words("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO").interval == 2
    assert rule_words("FREQ=MONTHLY;BYMONTHDAY=15").month_day == 15
    assert rule_words("FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1").kind == "other"
    assert rule_words("FREQ=YEARLY").kind == "other"


def item(slug, lang="de", title=None, translations=(), **fields):
    """A stand-in for a Pelican page: what the listing reads."""
    return SimpleNamespace(
        slug=slug, lang=lang, title=title or slug, translations=list(translations), event=event_of(**fields)
    )


def test_listing_order_month_groups_archive_and_cancelled_events():
    weekly = item("sprechstunde", start="2028-09-05 16:00", end="18:00", recurrence="FREQ=WEEKLY;BYDAY=TU")
    cancelled = item("kochabend", start="2028-09-27 18:00", status="abgesagt")
    fachtag = item("fachtag", start="2028-11-22 09:30", end="16:00")
    past = item("fest", start="2027-09-25")
    items = [fachtag, past, weekly, cancelled]
    now = datetime(2028, 9, 20, 12, 0, tzinfo=BERLIN)
    for one in items:
        refresh(one.event, now, 2)
    entries = upcoming(items, "de")
    assert [entry.start for entry in entries] == sorted(entry.start for entry in entries)
    assert [entry.item.slug for entry in entries][:3] == ["sprechstunde", "kochabend", "sprechstunde"]
    assert any(entry.item is cancelled and entry.event.status == "abgesagt" for entry in entries)
    months = by_month(entries)
    assert [(key.year, key.month) for key, _ in months] == [(2028, 9), (2028, 10), (2028, 11)]
    # Every date is listed once: a series once per month, its further dates of that month beside it.
    assert sum(1 + len(entry.more) for _, members in months for entry in members) == len(entries)
    october = [entry for entry in months[1][1] if entry.item is weekly]
    assert len(october) == 1 and october[0].start.day == 3
    assert [start.day for start in october[0].more] == [10, 17, 24, 31]
    assert [entry.item.slug for entry in next_distinct(entries, 3)] == ["sprechstunde", "kochabend", "fachtag"]
    assert [(year, [entry.item.slug for entry in group]) for year, group in past_by_year(items, "de")] == [
        (2027, ["fest"])
    ]

    later = datetime(2028, 11, 22, 16, 1, tzinfo=BERLIN)  # one minute after the Fachtag ended
    for one in items:
        refresh(one.event, later, 2)
    assert "fachtag" not in [entry.item.slug for entry in upcoming(items, "de")]
    assert [year for year, _ in past_by_year(items, "de")] == [2028, 2027]
    assert {entry.item.slug for _, group in past_by_year(items, "de") for entry in group} >= {"fachtag", "kochabend"}


def test_an_all_day_event_is_upcoming_until_its_day_ends():
    fest = item("fest", start="2027-09-25")
    refresh(fest.event, datetime(2027, 9, 25, 23, 59, tzinfo=BERLIN), 12)
    assert fest.event.upcoming
    refresh(fest.event, datetime(2027, 9, 26, 0, 0, tzinfo=BERLIN), 12)
    assert not fest.event.upcoming


def test_a_page_in_another_language_lists_its_translation_or_the_german_original():
    translation = SimpleNamespace(slug="infoabend", lang="ar", title="أمسية", translations=[], event=None)
    infoabend = item("infoabend", title="Infoabend", translations=[translation], start="2028-03-09 18:00")
    fachtag = item("fachtag", start="2028-11-22 09:30")
    for one in (infoabend, fachtag):
        refresh(one.event, datetime(2028, 1, 1, tzinfo=BERLIN), 12)
    shown = upcoming([fachtag, infoabend], "ar")
    assert [(entry.item.lang, entry.item.title) for entry in shown] == [("ar", "أمسية"), ("de", "fachtag")]
    assert shown[0].event is infoabend.event  # the original's times, even if a translation left them out


def calendar_of(*entries) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(calendar_file(list(entries), "Termine", "Europe/Berlin"))


def entry_for(event, slug="kochabend", **extra):
    return CalendarEntry(
        event=event,
        uid=event_uid(slug, "vielfalt.musterstadt.example.org"),
        title=extra.get("title", "Kochabend"),
        description="Gemeinsam kochen, gemeinsam essen.",
        url=f"https://vielfalt.musterstadt.example.org/{slug}/",
        stamp=datetime(2026, 11, 20, 10, 0, tzinfo=BERLIN),
        language="de",
    )


def test_calendar_file_fields():
    cancelled = event_of(
        start="2028-09-27 18:00", end="21:30", status="abgesagt", location="Haus der Begegnung, Lindenstraße 12"
    )
    weekly = event_of(start="2028-10-03 18:00", end="20:00", recurrence="FREQ=WEEKLY;BYDAY=TU;UNTIL=20300101T000000Z")
    calendar = calendar_of(entry_for(cancelled), entry_for(weekly, "sprechstunde"))
    assert calendar["X-WR-CALNAME"] == "Termine"
    zones = calendar.walk("VTIMEZONE")
    assert [str(zone["TZID"]) for zone in zones] == ["Europe/Berlin"]
    first, second = calendar.walk("VEVENT")
    assert str(first["UID"]) == "kochabend@vielfalt.musterstadt.example.org"
    assert str(first["STATUS"]) == "CANCELLED"
    assert first["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert first["DTSTART"].dt == datetime(2028, 9, 27, 18, 0, tzinfo=BERLIN)
    assert first["DTSTAMP"].dt == datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("UTC"))
    assert str(first["URL"]) == "https://vielfalt.musterstadt.example.org/kochabend/"
    assert str(first["LOCATION"]) == "Haus der Begegnung, Lindenstraße 12"
    assert str(second["STATUS"]) == "CONFIRMED"
    assert second["RRULE"]["FREQ"] == ["WEEKLY"] and second["RRULE"]["BYDAY"] == ["TU"]


def test_an_all_day_event_ends_the_day_after_in_the_calendar():
    vevent = calendar_of(entry_for(event_of(start="2025-09-27"), "fest")).walk("VEVENT")[0]
    assert vevent["DTSTART"].dt.isoformat() == "2025-09-27"
    assert vevent["DTEND"].dt.isoformat() == "2025-09-28"


def test_calendar_files_are_the_same_bytes_for_the_same_events():
    event = event_of(start="2028-03-09 18:00", end="20:00")
    assert calendar_file([entry_for(event)], "T", "Europe/Berlin") == calendar_file(
        [entry_for(event_of(start="2028-03-09 18:00", end="20:00"))], "T", "Europe/Berlin"
    )


def schema_of(event, **extra):
    return event_schema(
        event,
        name="Fachtag",
        description="Ein Fachtag.",
        url="https://example.org/fachtag/",
        language="de",
        image=extra.get("image"),
        organizer={"name": "Stabsstelle", "url": "https://example.org/"},
        start=extra.get("start"),
    )


def test_json_ld_of_a_hybrid_moved_event():
    event = event_of(
        start="2028-11-22 09:30",
        end="16:00",
        location="Bürgersaal im Rathaus, Rathausplatz 1, 55555 Musterstadt",
        online="https://konferenz.example.org/fachtag",
        status="verschoben",
        previous_start="2028-11-08 09:30",
    )
    data = schema_of(event, image="https://example.org/bild.png")
    assert data["@type"] == "Event"
    assert data["startDate"] == "2028-11-22T09:30:00+01:00"
    assert data["endDate"] == "2028-11-22T16:00:00+01:00"
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert data["previousStartDate"] == "2028-11-08T09:30:00+01:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, virtual = data["location"]
    assert place["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "DE",
        "streetAddress": "Rathausplatz 1",
        "postalCode": "55555",
        "addressLocality": "Musterstadt",
    }
    assert place["name"] == "Bürgersaal im Rathaus"
    assert virtual == {"@type": "VirtualLocation", "url": "https://konferenz.example.org/fachtag"}
    assert data["organizer"]["@type"] == "GovernmentOrganization"
    assert data["image"] == ["https://example.org/bild.png"]
    assert data["inLanguage"] == "de" and data["description"] == "Ein Fachtag."


def test_json_ld_of_a_cancelled_online_event_and_a_series_next_date():
    online = schema_of(event_of(start="2029-02-07 18:00", online="https://konferenz.example.org/a", status="abgesagt"))
    assert online["eventStatus"] == "https://schema.org/EventCancelled"
    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert online["location"]["@type"] == "VirtualLocation"
    series = event_of(start="2026-01-06 16:00", end="18:00", recurrence="FREQ=WEEKLY;BYDAY=TU")
    data = schema_of(series, start=datetime(2028, 10, 31, 16, 0, tzinfo=BERLIN))
    assert (data["startDate"], data["endDate"]) == ("2028-10-31T16:00:00+01:00", "2028-10-31T18:00:00+01:00")


def test_a_location_without_postal_code_is_kept_whole():
    assert postal_address("Stadtpark am Weiher") == {
        "@type": "PostalAddress",
        "addressCountry": "DE",
        "streetAddress": "Stadtpark am Weiher",
    }


def test_a_series_beginning_after_the_horizon_is_upcoming_with_its_first_date():
    later = item("kurs", start="2030-03-05 18:00", recurrence="FREQ=WEEKLY;BYDAY=TU")
    refresh(later.event, datetime(2028, 1, 1, tzinfo=BERLIN), 12)
    assert later.event.upcoming and later.event.occurrences == []
    assert [entry.start.date().isoformat() for entry in upcoming([later], "de")] == ["2030-03-05"]


def test_a_draft_translation_is_not_listed():
    draft = SimpleNamespace(slug="fachtag", lang="ar", title="مسودة", translations=[], event=None, status="draft")
    fachtag = item("fachtag", translations=[draft], start="2028-11-22 09:30")
    refresh(fachtag.event, datetime(2028, 1, 1, tzinfo=BERLIN), 12)
    assert [entry.item.lang for entry in upcoming([fachtag], "ar")] == ["de"]
