"""The events plugin in a small site built twice (two fixed "now"s): messages with file and line,
the Termine pages, event pages, .ics files and JSON-LD."""

import json
from pathlib import Path

import icalendar
import pytest

from conftest import read_html, run_pelican

DOMAIN = "vielfalt.example.org"
PUBLIC = "https://www.musterstadt.example.org"
SUMMARY = "Ein Termin der Stabsstelle für Vielfalt und Chancengleichheit in Musterstadt, mit allen Angaben."
BEFORE_FACHTAG = "2028-09-20 12:00"
AFTER_FACHTAG = "2028-11-22 16:01"  # one minute after the Fachtag ended

GOOD = {
    "termine/fachtag.md": (
        "Title: Fachtag Vielfalt\nSlug: fachtag\nDate: 2026-11-20 10:00\nSummary: {summary}\n"
        "Event_start: 2028-11-22 09:30\nEvent_end: 16:00\n"
        "Event_location: Bürgersaal im Rathaus, Rathausplatz 1, 55555 Musterstadt\n"
        "Event_online: https://konferenz.example.org/fachtag\nEvent_languages: de, ar\n\nText.\n"
    ),
    "termine/kochabend.md": (
        "Title: Kochabend\nSlug: kochabend\nDate: 2026-11-20 10:00\nSummary: {summary}\n"
        "Event_start: 2028-09-27 18:00\nEvent_end: 21:30\nEvent_status: abgesagt\n"
        "Event_location: Haus der Begegnung, Lindenstraße 12, 55555 Musterstadt\n\nText.\n"
    ),
    "ar/termine/kochabend.md": (
        "Title: أمسية طبخ\nSlug: kochabend\nLang: ar\nDate: 2026-11-20 10:00\nSummary: {summary}\n"
        "Event_start: 2028-09-27 18:00\nEvent_end: 21:30\nEvent_status: abgesagt\n\nنص.\n"
    ),
    "termine/sprechstunde.md": (
        "Title: Sprechstunde\nSlug: sprechstunde\nDate: 2026-11-20 10:00\nSummary: {summary}\n"
        "Event_start: 2028-09-05 18:00\nEvent_end: 20:00\n"
        "Event_recurrence: FREQ=WEEKLY;BYDAY=TU;UNTIL=20291231T230000Z\n\nText.\n"
    ),
    "termine/fest.md": (
        "Title: Fest im Park\nSlug: fest\nDate: 2025-08-20 10:00\nSummary: {summary}\n"
        "Event_start: 2025-09-27\nEvent_location: Stadtpark, 55555 Musterstadt\n\nText.\n"
    ),
}
# Each bad file: its name, the line of the bad field, and words of the message.
BAD = [
    ("kaputt-beginn.md", "Event_start: 3.12.2026 abends\n", 3, "kein Datum"),
    ("kaputt-ende.md", "Event_start: 2028-12-03 18:00\nEvent_end: 2028-12-03 17:00\n", 4, "liegt vor dem Beginn"),
    ("kaputt-status.md", "Event_start: 2028-12-03 18:00\nEvent_status: fällt aus\n", 4, "„fällt aus“ kennt"),
    ("kaputt-regel.md", "Event_start: 2028-12-03 18:00\nEvent_recurrence: FREQ=MANCHMAL\n", 4, "RFC 5545"),
    ("kaputt-sprache.md", "Event_start: 2028-12-03 18:00\nEvent_languages: de, xx\n", 4, "„xx“"),
    ("kaputt-online.md", "Event_start: 2028-12-03 18:00\nEvent_online: http://example.org\n", 4, "https://"),
    ("kaputt-verschoben.md", "Event_start: 2028-12-03 18:00\nEvent_status: verschoben\n", 4, "ohne den alten"),
    ("kaputt-sommerzeit.md", "Event_start: 2027-03-28 02:30\n", 3, "gibt es in Berlin nicht"),
]


def write_site(content: Path) -> None:
    for name, text in GOOD.items():
        path = content / "seiten" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.format(summary=SUMMARY), encoding="utf-8")
    for name, fields, _, _ in BAD:
        title = name.removesuffix(".md").replace("-", " ").title()
        (content / "seiten" / "termine" / name).write_text(
            f"Title: {title}\nSummary: {SUMMARY}\n{fields}\nText.\n", encoding="utf-8"
        )


def build(content: Path, output: Path, now: str, cache: Path):
    settings = {
        "EVENTS_NOW": now,
        "SITE_PUBLIC_URL": PUBLIC,
        "SEARCH_INDEX_ENABLED": False,
        "RESPONSIVE_IMAGES_CACHE": str(cache),
    }
    # One -e with every pair: Pelican keeps only the last -e when there are several.
    extra = ["-e", *(f"{name}={json.dumps(value)}" for name, value in settings.items())]
    result = run_pelican(content, "pelicanconf.py", output, *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The small site built before and after the Fachtag: (output before, output after, log before)."""
    root = tmp_path_factory.mktemp("events")
    content = root / "content"
    write_site(content)
    log = build(content, root / "vorher", BEFORE_FACHTAG, root / "cache")
    build(content, root / "nachher", AFTER_FACHTAG, root / "cache")
    return root / "vorher", root / "nachher", log


@pytest.mark.parametrize(("name", "line", "words"), [(name, line, words) for name, _, line, words in BAD])
def test_each_bad_value_is_reported_with_file_and_line(site, name, line, words):
    log = site[2]
    lines = [text for text in log.splitlines() if f"termine/{name}:" in text]
    assert lines, log
    assert any(f"termine/{name}:{line}: " in text and words in text and " — " in text for text in lines), lines
    assert "Traceback" not in log


def test_a_bad_event_is_neither_listed_nor_given_a_calendar_file(site):
    before = site[0]
    page = (before / "termine" / "index.html").read_text(encoding="utf-8")
    assert "Kaputt" not in page
    assert not (before / "kaputt-ende" / "termin.ics").exists()
    assert (before / "kaputt-ende" / "index.html").exists()  # still a page, only not an event


def main_of(path: Path):
    return read_html(path).find("main")


def section_titles(main, heading_id: str) -> list[str]:
    section = main.find(id=heading_id).find_parent("section")
    return [link.get_text(strip=True) for link in section.select(".event-list__link")]


def test_termine_page_lists_upcoming_dates_by_month_and_the_archive_by_year(site):
    main = main_of(site[0] / "termine" / "index.html")
    months = [heading.get_text(strip=True) for heading in main.select(".event-list__heading")]
    assert months[:4] == ["September 2028", "Oktober 2028", "November 2028", "Dezember 2028"]
    assert months[-1] == "2025"  # the archive's year
    upcoming = section_titles(main, "termine-kommend")
    assert upcoming[:3] == ["Sprechstunde", "Kochabend", "Sprechstunde"]  # 26 Sep, 27 Sep, 3 Oct
    assert "Fachtag Vielfalt" in upcoming
    assert section_titles(main, "termine-archiv") == ["Fest im Park"]
    cancelled = main.select_one(".event-list__item--cancelled")
    assert "Kochabend" in cancelled.get_text() and "Abgesagt" in cancelled.get_text()
    rule = main.select_one(".event-list__rule").get_text(strip=True)
    assert rule == "jeden Dienstag, 18:00 Uhr"


def test_an_event_moves_to_the_archive_once_now_passes_its_end(site):
    main = main_of(site[1] / "termine" / "index.html")
    assert "Fachtag Vielfalt" not in section_titles(main, "termine-kommend")
    assert section_titles(main, "termine-archiv") == ["Fachtag Vielfalt", "Kochabend", "Fest im Park"]


def test_series_dates_keep_their_local_time_across_the_clock_change(site):
    main = main_of(site[0] / "termine" / "index.html")
    times = [
        time["datetime"]
        for item in main.select(".event-list__item")
        if item.select_one(".event-list__link").get_text(strip=True) == "Sprechstunde"
        for time in item.select("time")
    ]
    assert "2028-10-24T18:00:00+02:00" in times and "2028-10-31T18:00:00+01:00" in times


def test_arabic_termine_page_shows_translations_and_marks_german_events(site):
    main = main_of(site[0] / "ar" / "termine" / "index.html")
    links = {link.get_text(strip=True): link for link in main.select(".event-list__link")}
    assert "lang" not in links["أمسية طبخ"].attrs
    assert links["Fachtag Vielfalt"]["lang"] == "de"
    assert "(بالألمانية)" in links["Fachtag Vielfalt"].parent.get_text()
    assert "٢٠٢٨" in main.select_one("time").get_text()  # dates in Arabic-Indic digits (ar_SY)
    assert main.select_one(".event-list__heading").get_text(strip=True) == "أيلول ٢٠٢٨"


def test_event_page_details_and_json_ld(site):
    soup = read_html(site[0] / "fachtag" / "index.html")
    details = soup.select_one(".event-details")
    assert details.select_one("time")["datetime"] == "2028-11-22T09:30:00+01:00"
    assert "Deutsch und Arabisch" in details.get_text()
    assert details.select_one('a[href="https://konferenz.example.org/fachtag"]') is not None
    assert details.select_one(".event-details__calendar-link")["href"].endswith("fachtag/termin.ics")
    data = json.loads(details.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "Event" and data["name"] == "Fachtag Vielfalt"
    assert data["startDate"] == "2028-11-22T09:30:00+01:00" and data["endDate"] == "2028-11-22T16:00:00+01:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["url"] == f"{PUBLIC}/fachtag/"
    assert data["organizer"]["url"] == f"{PUBLIC}/"
    assert {location["@type"] for location in data["location"]} == {"Place", "VirtualLocation"}


def test_a_cancelled_event_page_says_so_in_words(site):
    details = read_html(site[0] / "kochabend" / "index.html").select_one(".event-details")
    assert "Abgesagt: Dieser Termin findet nicht statt." in details.get_text()
    data = json.loads(details.select_one('script[type="application/ld+json"]').string)
    assert data["eventStatus"] == "https://schema.org/EventCancelled"


def test_home_page_shows_the_next_three_events_and_links_to_all(site):
    home = read_html(site[0] / "index.html").select_one(".home-events")
    titles = [link.get_text(strip=True) for link in home.select(".event-list__link")]
    assert titles == ["Sprechstunde", "Kochabend", "Fachtag Vielfalt"]  # each series once
    assert home.find("a", href=lambda href: href and href.endswith("termine/")) is not None


def ics_files(output: Path) -> dict[str, bytes]:
    return {path.relative_to(output).as_posix(): path.read_bytes() for path in output.rglob("*.ics")}


def test_calendar_files_parse_and_carry_the_fields(site):
    output = site[0]
    files = ics_files(output)
    assert {"fachtag/termin.ics", "kochabend/termin.ics", "ar/kochabend/termin.ics", "termine/termine.ics"} <= set(
        files
    )
    collection = icalendar.Calendar.from_ical(files["termine/termine.ics"])
    assert str(collection["X-WR-CALNAME"]) == "Stabsstelle für Vielfalt und Chancengleichheit – Termine"
    arabic_calendar = icalendar.Calendar.from_ical(files["ar/termine/termine.ics"])
    assert str(arabic_calendar["X-WR-CALNAME"]) == "مكتب التنوع وتكافؤ الفرص – المواعيد"
    assert [str(zone["TZID"]) for zone in collection.walk("VTIMEZONE")] == ["Europe/Berlin"]
    events = {str(vevent["UID"]): vevent for vevent in collection.walk("VEVENT")}
    assert set(events) == {f"{slug}@{DOMAIN}" for slug in ("fachtag", "kochabend", "sprechstunde", "fest")}
    assert str(events[f"kochabend@{DOMAIN}"]["STATUS"]) == "CANCELLED"
    assert events[f"sprechstunde@{DOMAIN}"]["RRULE"]["BYDAY"] == ["TU"]
    assert str(events[f"fachtag@{DOMAIN}"]["URL"]) == f"{PUBLIC}/fachtag/"
    assert events[f"fachtag@{DOMAIN}"]["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert events[f"fachtag@{DOMAIN}"]["DTSTAMP"].dt.isoformat() == "2026-11-20T09:00:00+00:00"
    arabic = icalendar.Calendar.from_ical(files["ar/kochabend/termin.ics"]).walk("VEVENT")[0]
    assert str(arabic["UID"]) == f"kochabend@{DOMAIN}" and str(arabic["SUMMARY"]) == "أمسية طبخ"
    assert str(arabic["URL"]) == f"{PUBLIC}/ar/kochabend/"


def test_calendar_files_are_byte_identical_in_builds_at_other_times(site):
    before, after = ics_files(site[0]), ics_files(site[1])
    assert before.keys() == after.keys()
    assert before == after


def test_termine_pages_pass_the_nu_checker(site, tmp_path):
    from quality.nu_checker import nu_checker_errors

    for address in ("termine", "ar/termine", "fachtag", "kochabend"):
        target = tmp_path / address
        target.mkdir(parents=True)
        (target / "index.html").write_bytes((site[0] / address / "index.html").read_bytes())
    assert nu_checker_errors(tmp_path) == []
