"""Dates, slugs and UI strings (plugins/localisation)."""

from datetime import date, datetime
from pathlib import Path

import pytest
from pelican.utils import slugify

from localisation.dates import iso_date, long_date, long_datetime
from localisation.slugs import german_slug_substitutions
from localisation.ui_strings import load_ui_strings, make_lookup

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
