"""Dates, slugs and UI strings (plugins/localisation)."""

import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pelican.utils import slugify

from common.dates import (
    AuthorDateError,
    iso_date,
    long_date,
    long_datetime,
    parse_author_date,
    repeated_wall_time,
)
from common.ui_strings import load_ui_strings, make_lookup
from localisation.slugs import german_slug_substitutions, heading_id

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2025, 3, 26), "26. März 2025"),
        (date(2024, 12, 1), "1. Dezember 2024"),
        (datetime(2019, 5, 3, 8, 15), "3. Mai 2019"),
    ],
)
def test_long_date_is_german_without_a_system_locale(value, expected):
    assert long_date(value, "de") == expected


def test_long_datetime_says_uhr():
    assert long_datetime(datetime(2025, 3, 26, 10, 0), "de") == "26. März 2025, 10:00 Uhr"


def test_long_date_follows_the_language():
    assert long_date(date(2025, 3, 26), "tr") == "26 Mart 2025"


def test_iso_date_for_time_elements():
    assert iso_date(datetime(2025, 3, 6, 23, 59)) == "2025-03-06"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Förderung für Frauen", "foerderung-fuer-frauen"),
        ("Straße der Vielfalt", "strasse-der-vielfalt"),
        ("ÄRGER über Öl", "aerger-ueber-oel"),
        ("Café & Begegnung: 2025!", "cafe-begegnung-2025"),
        ("Şehir Kültür Günü", "sehir-kueltuer-guenue"),
        ("Kepol – kommunale Entwicklungspolitik", "kepol-kommunale-entwicklungspolitik"),
        ("Njord und Dzeko", "njord-und-dzeko"),
    ],
)
def test_german_slugs(title, slug):
    assert slugify(title, regex_subs=german_slug_substitutions(), use_unicode=True) == slug


def test_non_latin_scripts_keep_their_letters_for_later_translations():
    assert slugify("مرحبا بكم", regex_subs=german_slug_substitutions(), use_unicode=True) == "مرحبا-بكم"


def test_ui_strings_fall_back_to_german_and_fill_placeholders():
    ui = make_lookup(
        {"de": {"page_of": "Seite {number} von {total}", "home": "Startseite"}, "en": {"home": "Home"}}, "de"
    )
    assert ui("home", "en") == "Home"
    assert ui("page_of", "en", number=2, total=5) == "Seite 2 von 5"


def test_unknown_ui_string_fails_loudly():
    ui = make_lookup({"de": {"home": "Startseite"}}, "de")
    with pytest.raises(KeyError):
        ui("hoem")


def test_every_template_key_exists_in_the_ui_table():
    import re

    strings = load_ui_strings(ROOT / "theme" / "ui_strings.toml")["de"]
    used = set()
    for template in (ROOT / "theme" / "templates").rglob("*.html"):
        used |= set(re.findall(r"ui\(\s*['\"]([a-z_]+)['\"]\s*[,)]", template.read_text(encoding="utf-8")))
    assert used, "templates use no UI strings at all"
    assert used - set(strings) == set()


@pytest.mark.parametrize(
    ("text", "zone", "night", "clocks", "instead"),
    [
        ("2026-03-29 02:30", "Europe/Berlin", "29. März 2026", "von 2:00 auf 3:00", "01:30 oder 03:30"),
        ("29.03.2026 2:00", "Europe/Berlin", "29. März 2026", "von 2:00 auf 3:00", "01:00 oder 03:00"),
        ("2027-03-28 02:59", "Europe/Berlin", "28. März 2027", "von 2:00 auf 3:00", "01:59 oder 03:59"),
        ("2026-03-08 02:15", "America/New_York", "8. März 2026", "von 2:00 auf 3:00", "01:15 oder 03:15"),
    ],
)
def test_a_time_the_clocks_skip_is_refused_with_the_times_around_it(text, zone, night, clocks, instead):
    with pytest.raises(AuthorDateError) as refused:
        parse_author_date(text, zone)
    place = zone.rsplit("/")[-1].replace("_", " ")
    assert refused.value.what == (
        f"„{text}“ gibt es in {place} nicht: in der Nacht zum {night} werden die Uhren {clocks} vorgestellt"
    )
    assert refused.value.fix == f"Schreiben Sie {instead}"


@pytest.mark.parametrize("text", ["2026-03-29 01:59", "2026-03-29 03:00", "2026-10-25 02:30", "2026-07-01 02:30"])
def test_times_that_exist_are_read_unchanged(text):
    assert parse_author_date(text, "Europe/Berlin") == datetime.fromisoformat(text)


def test_without_a_time_zone_the_clock_change_is_not_checked():
    assert parse_author_date("2026-03-29 02:30") == datetime(2026, 3, 29, 2, 30)


def test_a_time_of_the_repeated_autumn_hour_says_how_it_is_read():
    what, fix = repeated_wall_time(datetime(2026, 10, 25, 2, 30), "2026-10-25 02:30", "Europe/Berlin")
    assert what == (
        "„2026-10-25 02:30“ gibt es in Berlin zweimal: in der Nacht zum 25. Oktober 2026 werden die Uhren "
        "von 3:00 auf 2:00 zurückgestellt; gelesen wird das erste Mal (Sommerzeit, UTC+2)"
    )
    assert fix == "Schreiben Sie eine eindeutige Uhrzeit, etwa 01:30 oder 03:30"
    # Pelican attaches the zone the same way (fold 0), so the page shows the time as read.
    assert datetime(2026, 10, 25, 2, 30, tzinfo=ZoneInfo("Europe/Berlin")).utcoffset() == timedelta(hours=2)


@pytest.mark.parametrize(
    ("moment", "zone"),
    [
        (datetime(2026, 10, 25, 1, 59), "Europe/Berlin"),
        (datetime(2026, 10, 25, 3, 0), "Europe/Berlin"),
        (datetime(2026, 3, 29, 2, 30), "Europe/Berlin"),  # skipped, not repeated
        (datetime(2026, 10, 25, 2, 30), "UTC"),
    ],
)
def test_unambiguous_times_give_no_note(moment, zone):
    assert repeated_wall_time(moment, str(moment), zone) is None


def test_repeated_hour_elsewhere_names_that_place_and_its_offset():
    what, _ = repeated_wall_time(datetime(2026, 11, 1, 1, 30), "01.11.2026 1:30", "America/St_Johns")
    assert "gibt es in St Johns zweimal" in what
    assert "(Sommerzeit, UTC-2:30)" in what


def test_check_names_file_and_line_of_a_skipped_and_a_repeated_time(tmp_path):
    articles = tmp_path / "artikel"
    articles.mkdir()
    summary = "Summary: Eine kurze Zusammenfassung mit genug Zeichen für die Prüfung.\n"
    (articles / "2026-03-29-luecke.md").write_text(
        f"Title: Lücke\nDate: 2026-03-29 02:30\nCategory: Meldungen\n{summary}\nText.\n", encoding="utf-8"
    )
    (articles / "2026-10-25-doppelt.md").write_text(
        f"Title: Doppelt\nCategory: Meldungen\n{summary}Modified: 25.10.2026 02:10\nDate: 2026-10-20\n\nText.\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--content", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = (result.stdout + result.stderr).splitlines()
    assert result.returncode == 1
    assert (
        f"{articles / '2026-03-29-luecke.md'}:2: Das Datum bei „Date“ stimmt nicht: „2026-03-29 02:30“ gibt es in "
        "Berlin nicht: in der Nacht zum 29. März 2026 werden die Uhren von 2:00 auf 3:00 vorgestellt "
        "— Schreiben Sie 01:30 oder 03:30"
    ) in lines
    # Pelican's reader refuses the file too; its message names file and line as well.
    assert any(
        "artikel/2026-03-29-luecke.md konnte nicht verarbeitet werden: „2026-03-29 02:30“ gibt es in Berlin nicht"
        in line
        and "vorgestellt (Zeile 2) — Schreiben Sie 01:30 oder 03:30" in line
        for line in lines
    ), lines
    assert any(
        line.startswith(f"{articles / '2026-10-25-doppelt.md'}:4: Das Datum bei „Modified“ ist nicht eindeutig: ")
        and "„25.10.2026 02:10“ gibt es in Berlin zweimal" in line
        for line in lines
    ), lines


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Unsere Ziele", "unsere-ziele"),  # German ids as Python-Markdown made them before
        ("Über uns", "uber-uns"),
        ("خدماتنا الاستشارية", "خدماتنا-الاستشارية"),
        ("خدمات مشاوره‌ای ما", "خدمات-مشاورهای-ما"),
        ("Наші послуги", "наші-послуги"),
    ],
)
def test_headings_get_ids_in_their_own_script(heading, expected):
    assert heading_id(heading, "-") == expected
