"""A rebuild of unchanged sources is skipped (site_record.py), and only then: the fingerprint of the
sources, the record of output/, the moments at which time alone changes the site (events, embargoes),
and the editor's workflow around it (build, preview, publish into the same output/)."""

import json
import os
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from events.fields import parse_event
from events.listing import LOOK_PAST_HORIZON_MONTHS, next_change, refresh
from events.recurrence import add_months
from test_publish_safety import small_site
from test_tasks import SUMMARY, invoke, preview_server, tree_bytes, wait_for
from time_bound.plugin import moments_of

import site_record

BERLIN = ZoneInfo("Europe/Berlin")
SKIPPED_BUILD = "Seit dem letzten Bau hat sich nichts geändert"
SKIPPED_PUBLISH = "Seit der letzten Veröffentlichung hat sich nichts geändert"


# --- The fingerprint and the record ----------------------------------------------------------------


@pytest.fixture
def sources(tmp_path) -> Path:
    """A project folder with a content file, a theme file and a plugin with byte code."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("Title: A\n\nText.\n", "utf-8")
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "base.html").write_text("<html></html>", "utf-8")
    (tmp_path / "plugins" / "x" / "__pycache__").mkdir(parents=True)
    (tmp_path / "plugins" / "x" / "plugin.py").write_text("X = 1\n", "utf-8")
    (tmp_path / "pelicanconf.py").write_text("SITENAME = 'A'\n", "utf-8")
    return tmp_path


def fingerprint(root: Path, command=("pelicanconf.py",)) -> str:
    return site_record.inputs_fingerprint(root, root / "content", list(command))


def test_the_fingerprint_follows_bytes_and_the_command_not_times_or_byte_code(sources):
    first = fingerprint(sources)
    os.utime(sources / "content" / "a.md", (1, 1))  # saved again unchanged
    (sources / "plugins" / "x" / "__pycache__" / "plugin.cpython-311.pyc").write_bytes(b"\0")
    assert fingerprint(sources) == first
    assert fingerprint(sources, ("publishconf.py",)) != first
    for changed in ("content/a.md", "theme/base.html", "plugins/x/plugin.py", "pelicanconf.py"):
        path = sources / changed
        kept = path.read_bytes()
        path.write_bytes(kept + b"\n")
        assert fingerprint(sources) != first, changed
        path.write_bytes(kept)
    (sources / "content" / "b.md").write_text("", "utf-8")  # an empty new file, too
    assert fingerprint(sources) != first


def test_the_record_holds_only_for_the_same_inputs_the_same_files_and_before_its_moment(tmp_path):
    output = tmp_path / "output"
    (output / "a").mkdir(parents=True)
    (output / "index.html").write_text("<p>Start</p>", "utf-8")
    (output / "a" / "index.html").write_text("<p>A</p>", "utf-8")
    record = tmp_path / "stand.json"
    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    site_record.save(
        record, inputs="abc", files=site_record.files_of(output), until=(now + timedelta(hours=1)).isoformat()
    )
    assert site_record.is_current(record, "abc", output, now)
    assert not site_record.is_current(record, "abd", output, now)
    assert not site_record.is_current(record, "abc", output, now + timedelta(hours=1))
    assert not site_record.is_current(record, "abc", tmp_path / "fehlt", now)

    page = output / "a" / "index.html"

    def only_the_time():
        moment = page.stat().st_mtime_ns
        os.utime(page, ns=(moment, moment + 1))

    for change in (
        lambda: page.write_text("<p>B</p>", "utf-8"),  # same size, new time
        only_the_time,
        lambda: (output / "neu.html").write_text("", "utf-8"),
        lambda: (output / "index.html").unlink(),
    ):
        change()
        assert not site_record.is_current(record, "abc", output, now)
        site_record.save(record, inputs="abc", files=site_record.files_of(output), until=None)
        assert site_record.is_current(record, "abc", output, now + timedelta(days=9999))

    record.write_text("{kaputt", "utf-8")
    assert not site_record.is_current(record, "abc", output, now)


def test_the_first_moment_after_the_start_of_the_build():
    moments = ["2026-12-01T10:00:00+00:00", "2026-12-01T12:00:00+00:00", "2026-12-02T08:00:00+00:00"]
    assert site_record.first_moment_after(moments, datetime(2026, 12, 1, 11, tzinfo=UTC)) == "2026-12-01T12:00:00+00:00"
    assert site_record.first_moment_after(moments, datetime(2026, 12, 3, tzinfo=UTC)) is None


# --- When time alone changes the site ----------------------------------------------------------------


def event_of(**fields):
    event, problems = parse_event(
        {f"event_{name}": value for name, value in fields.items()}, "Europe/Berlin", {"de": {}}
    )
    assert problems == [], problems
    return event


def listed_at(event, moment: datetime, months: int):
    """What the listing shows of `event` at `moment`."""
    seen = replace(event)
    refresh(seen, moment, months)
    return seen.upcoming, seen.occurrences


def test_a_single_event_changes_the_site_when_it_is_over():
    event = event_of(start="2028-10-17 18:00", end="20:00")
    assert next_change(event, datetime(2028, 10, 1, tzinfo=BERLIN), 12) == datetime(2028, 10, 17, 20, tzinfo=BERLIN)
    assert next_change(event, datetime(2028, 10, 18, tzinfo=BERLIN), 12) is None
    all_day = event_of(start="27.09.2028")
    assert next_change(all_day, datetime(2028, 9, 1, tzinfo=BERLIN), 12) == datetime(2028, 9, 28, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("fields", "months"),
    [
        ({"start": "2028-09-05 16:00", "end": "18:00", "recurrence": "FREQ=WEEKLY;BYDAY=TU"}, 1),
        ({"start": "2028-09-05 16:00", "recurrence": "FREQ=MONTHLY;BYMONTHDAY=31"}, 2),
        ({"start": "2029-03-01 09:00", "end": "10:00", "recurrence": "FREQ=DAILY"}, 3),
        ({"start": "2028-09-05 16:00", "end": "18:00", "recurrence": "FREQ=WEEKLY;BYDAY=TU;COUNT=3"}, 6),
    ],
)
def test_a_series_listing_stays_the_same_until_its_next_change(fields, months):
    """Up to a minute before `next_change` the listing is what it was; within a few days after it, it
    differs (a month's last day can put the change up to three days early, never late). With no date
    in sight, the answer is a year on (LOOK_PAST_HORIZON_MONTHS)."""
    event = event_of(**fields)
    now = datetime(2028, 11, 20, 11, 30, tzinfo=BERLIN)
    for _ in range(8):
        change = next_change(event, now, months)
        assert change is not None and change > now
        before = listed_at(event, now, months)
        for moment in (now + (change - now) / 2, change - timedelta(minutes=1)):
            assert listed_at(event, moment, months) == before, moment
        if change == add_months(now, LOOK_PAST_HORIZON_MONTHS):
            assert listed_at(event, now + timedelta(days=3000), months) == before
            break
        soon_after = [change + timedelta(minutes=1)] + [change + timedelta(days=days) for days in (1, 2, 3, 4)]
        assert [moment for moment in soon_after if listed_at(event, moment, months) != before], change
        now = change + timedelta(minutes=1)


def test_the_moments_are_article_dates_and_event_changes_after_the_start():
    since = datetime(2026, 12, 1, 12, tzinfo=UTC)
    embargo = datetime(2026, 12, 24, 10, tzinfo=BERLIN)
    event = SimpleNamespace(changes_at=datetime(2026, 12, 3, 20, tzinfo=BERLIN))
    items = [
        SimpleNamespace(date=datetime(2026, 11, 30, tzinfo=BERLIN)),  # already out
        SimpleNamespace(date=embargo),
        SimpleNamespace(date=embargo),
        SimpleNamespace(date=datetime(2025, 1, 1, tzinfo=BERLIN), event=event),
        SimpleNamespace(),  # a page without a date
    ]
    assert moments_of(items, since) == [event.changes_at.astimezone(UTC), embargo.astimezone(UTC)]


# --- The workflow: build, preview, publish into the same output/ ---------------------------------------


@pytest.fixture
def site(tmp_path) -> Path:
    """The small site with a draft and an embargoed article (neither may reach the published site)."""
    small_site(tmp_path)
    articles = tmp_path / "content" / "artikel"
    (articles / "2024-05-01-entwurf.md").write_text(
        f"Title: Geheimer Entwurf\nDate: 2024-05-01 10:00\nCategory: Meldungen\nTags: Integration\n"
        f"Status: draft\nSummary: {SUMMARY}\n\nNoch nicht freigegeben.\n",
        "utf-8",
    )
    (articles / "2030-01-15-sperrfrist.md").write_text(
        f"Title: Mit Sperrfrist\nDate: 2030-01-15 09:30\nCategory: Meldungen\nTags: Integration\n"
        f"Summary: {SUMMARY}\n\nErst ab Januar 2030.\n",
        "utf-8",
    )
    return tmp_path


def unreleased_in(output: Path) -> bool:
    """A page of the draft or the embargoed article is in `output`."""
    return any(
        "Geheimer Entwurf" in path.read_text("utf-8") or "Erst ab Januar 2030" in path.read_text("utf-8")
        for path in output.rglob("*.html")
    )


def times(folder: Path) -> dict[str, int]:
    return {
        path.relative_to(folder).as_posix(): path.stat().st_mtime_ns for path in folder.rglob("*") if path.is_file()
    }


def succeeded(result) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def test_build_skips_only_while_sources_output_and_time_are_unchanged(site):
    output = site / "output"
    assert SKIPPED_BUILD not in succeeded(invoke(site, "build"))
    record = json.loads((site / "cache" / "stand.json").read_text("utf-8"))
    # The embargoed article's date is the moment time alone changes the site.
    assert datetime.fromisoformat(record["until"]) == datetime(2030, 1, 15, 9, 30, tzinfo=BERLIN)
    built = times(output)

    assert SKIPPED_BUILD in succeeded(invoke(site, "build"))
    source = site / "content" / "artikel" / "2024-03-01-beitrag-3.md"
    os.utime(source)  # saved again, unchanged
    assert SKIPPED_BUILD in succeeded(invoke(site, "build"))
    assert times(output) == built, "a skipped build does not touch output/"

    source.write_text(source.read_text("utf-8") + "\nEin neuer Satz.\n", "utf-8")
    assert SKIPPED_BUILD not in succeeded(invoke(site, "build"))
    assert "Ein neuer Satz." in (output / "aktuelles" / "2024" / "beitrag-3" / "index.html").read_text("utf-8")

    page = output / "wer-wir-sind" / "index.html"
    page.write_text("von Hand geändert", "utf-8")
    assert SKIPPED_BUILD not in succeeded(invoke(site, "build"))
    assert "von Hand geändert" not in page.read_text("utf-8")

    # Time passes the recorded moment (here: the record says it has).
    stand = site / "cache" / "stand.json"
    record = json.loads(stand.read_text("utf-8"))
    stand.write_text(json.dumps({**record, "until": "2026-01-01T00:00:00+00:00"}), "utf-8")
    assert SKIPPED_BUILD not in succeeded(invoke(site, "build"))
    assert SKIPPED_BUILD not in succeeded(invoke(site, "build", "--force"))


def test_publish_after_a_build_and_a_preview_in_the_same_output_is_the_clean_published_site(site):
    output = site / "output"
    assert SKIPPED_PUBLISH not in succeeded(invoke(site, "publish"))
    published = tree_bytes(output)
    assert not unreleased_in(output)
    assert SKIPPED_PUBLISH in succeeded(invoke(site, "publish"))
    assert tree_bytes(output) == published

    succeeded(invoke(site, "build"))  # drafts visible
    assert unreleased_in(output)
    assert SKIPPED_PUBLISH not in succeeded(invoke(site, "publish"))
    assert tree_bytes(output) == published

    with preview_server(site):
        assert wait_for(lambda: unreleased_in(output), 90)
        assert wait_for(lambda: not any(site.glob(".output-vorschau-*")), 90)
    assert SKIPPED_PUBLISH not in succeeded(invoke(site, "publish"))
    assert tree_bytes(output) == published, "the preview's drafts are gone from the published site"
