"""The pure language helpers (plugins/localisation/languages.py, bidi.py) with tiny fakes."""

from datetime import date
from types import SimpleNamespace

from common.dates import long_date
from common.languages import localise_digits
from localisation.bidi import isolate_latin_runs, latin_runs
from localisation.languages import (
    NavigationLink,
    alternate_links,
    localise_quotes,
    localised_link,
    switcher_links,
)

LANGUAGES = {
    "de": {"name": "Deutsch", "direction": "ltr"},
    "en": {"name": "English", "direction": "ltr"},
    "ar": {"name": "العربية", "direction": "rtl"},
}


def item(lang, url, title, translations=()):
    return SimpleNamespace(lang=lang, url=url, title=title, translations=list(translations))


def test_dates_use_the_digits_of_the_locale():
    assert localise_digits("26.03.2025", "arab") == "٢٦.٠٣.٢٠٢٥"
    assert localise_digits("2025", "arabext") == "۲۰۲۵"
    assert localise_digits("2025", "latn") == "2025"
    assert long_date(date(2025, 3, 26), "ar_SY") == "٢٦ آذار ٢٠٢٥"
    assert long_date(date(2025, 3, 26), "fa_IR") == "۲۶ مارس ۲۰۲۵"
    assert long_date(date(2025, 3, 26), "de_DE") == "26. März 2025"


def test_switcher_goes_to_the_translation_or_the_start_page():
    links = switcher_links(LANGUAGES, "en", {"de": "beratung/", "en": "en/beratung/"}, "de")
    assert [(link.code, link.url, link.current, link.translated) for link in links] == [
        ("de", "beratung/", False, True),
        ("en", "en/beratung/", True, True),
        ("ar", "ar/", False, False),
    ]


def test_alternates_list_every_version_and_x_default_german():
    assert alternate_links({"en": "en/a/", "de": "a/"}, "de") == [("de", "a/"), ("en", "en/a/"), ("x-default", "a/")]
    assert alternate_links({"de": "a/"}, "de") == []  # a page in one language has no alternates


def test_navigation_takes_the_translation_or_marks_the_german_page():
    english = item("en", "en/beratung/", "Advice")
    german = item("de", "beratung/", "Beratung", [english])
    texts = {"news_page_title": "Aktuelles"}

    def lookup(key, lang):
        return {("news_page_title", "en"): "News"}[(key, lang)]

    def link(label, url, lang, page):
        return localised_link(label, url, lang, "de", page, texts, lookup)

    assert link("Beratung", "beratung/", "en", german) == NavigationLink("Advice", "en/beratung/", "en", "en")
    assert link("Beratung", "beratung/", "ar", german) == NavigationLink("Beratung", "beratung/", "de", "de")
    assert link("Aktuelles", "aktuelles/", "en", None) == NavigationLink("News", "aktuelles/", "de", "en")
    assert link("Beratung", "beratung/", "de", german) == NavigationLink("Beratung", "beratung/", "de", "de")


def test_latin_runs_in_right_to_left_text_are_isolated():
    html = (
        "<p>اكتبوا إلى vielfalt@example.org أو إلى (Rathausplatz 1, 55555 Musterstadt).</p><p>هاتف +49 6131 12-345</p>"
    )
    assert isolate_latin_runs(html) == (
        "<p>اكتبوا إلى <bdi>vielfalt@example.org</bdi> أو إلى (<bdi>Rathausplatz 1, 55555 Musterstadt</bdi>).</p>"
        "<p>هاتف <bdi>+49 6131 12-345</bdi></p>"
    )


def test_code_and_marked_text_stay_as_they_are():
    html = '<p>الأمر <code>invoke check</code> و<span dir="ltr">Leichte Sprache</span> و<bdi>x</bdi> ٢٠٢٥</p>'
    assert isolate_latin_runs(html) == html
    assert latin_runs("سنة 2025") == []  # a bare number needs no isolation


def test_quotation_marks_follow_the_language():
    assert localise_quotes("er sagt &bdquo;ja&ldquo; und „nein“", ("“", "”")) == "er sagt “ja” und “nein”"
    assert localise_quotes("„Sprachtandem“", ("«", "»")) == "«Sprachtandem»"
