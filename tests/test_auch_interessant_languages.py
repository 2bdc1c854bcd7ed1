"""„Auch interessant“ per language: teasers in the reader's language, German ones to fill, text processing per language."""

import tomllib
from types import SimpleNamespace

import pytest
from auch_interessant.plugin import in_reader_language
from auch_interessant.scoring import Doc
from auch_interessant.selection import select_related
from auch_interessant.text import stem, words

from conftest import FIXTURES, ROOT, read_html, run_pelican

UI = tomllib.loads((ROOT / "theme" / "ui_strings.toml").read_text(encoding="utf-8"))


def doc(key, lang, text, group, timestamp=0.0):
    return Doc(key=key, slug=group, title=text, body=text, lang=lang, group=f"article:{group}", timestamp=timestamp)


GERMAN = [
    doc("de/tandem", "de", "Sprachtandem sucht Paare für Gespräche auf Deutsch", "tandem", 5),
    doc("de/cafe", "de", "Sprachcafé für Gespräche auf Deutsch in der Bibliothek", "cafe", 4),
    doc("de/wohnen", "de", "Wohnungen für Familien gesucht, Vermieter helfen", "wohnen", 3),
    doc("de/beirat", "de", "Beirat wählt Vorstand in der Sitzung", "beirat", 2),
]
ENGLISH = [
    doc("en/tandem", "en", "Language tandem looks for pairs for conversations in German", "tandem", 5),
    doc("en/cafe", "en", "Language café for conversations in German at the library", "cafe", 4),
]
UKRAINIAN = [doc("uk/wohnen", "uk", "Шукаємо квартири для сімей, орендодавці допомагають", "wohnen", 3)]


def chosen(docs, explicit=None, count=3):
    return {
        key: [(choice.key, choice.other_lang) for choice in choices]
        for key, choices in select_related(docs, explicit or {}, count, "de").items()
    }


def test_translation_gets_teasers_in_its_language_first_then_marked_german_ones():
    result = chosen(GERMAN + ENGLISH)
    assert result["en/tandem"][0] == ("en/cafe", False)
    assert all(other == (not key.startswith("en/")) for key, other in result["en/tandem"])
    assert [key for key, _ in result["en/tandem"][1:]] and all(
        key.startswith("de/") for key, _ in result["en/tandem"][1:]
    )


def test_german_fill_never_repeats_an_item_the_reader_has_in_their_language():
    result = chosen(GERMAN + ENGLISH)
    assert "de/cafe" not in [key for key, _ in result["en/tandem"]]
    assert "de/tandem" not in [key for key, _ in result["en/tandem"]]  # its own original


def test_german_items_never_get_teasers_in_other_languages():
    result = chosen(GERMAN + ENGLISH + UKRAINIAN, explicit={"de/beirat": ["en/cafe", "uk/wohnen"]})
    for key in (d.key for d in GERMAN):
        assert all(other is False and teaser.startswith("de/") for teaser, other in result[key]), result[key]
    # a Related: naming a translation leads a German reader to its original
    assert [teaser for teaser, _ in result["de/beirat"][:2]] == ["de/cafe", "de/wohnen"]


def test_related_naming_a_german_item_leads_to_its_translation():
    result = chosen(GERMAN + ENGLISH, explicit={"en/tandem": ["de/cafe"]})
    assert result["en/tandem"][0] == ("en/cafe", False)


def test_language_without_other_items_takes_its_originals_teasers_in_german():
    result = chosen(GERMAN + ENGLISH + UKRAINIAN)
    german_original = [key for key, _ in chosen(GERMAN)["de/wohnen"]]
    assert [key for key, _ in result["uk/wohnen"]] == german_original
    assert all(other for _, other in result["uk/wohnen"])


@pytest.mark.parametrize(
    ("lang", "first", "second"),
    [
        ("en", "Counselling", "counsellings"),
        ("ar", "المدينة", "مدينة"),
        ("tr", "DANIŞMANLIK", "danışmanlığı"),
        ("fa", "مشاوره‌های", "مشاوره"),
        ("uk", "консультації", "консультація"),
        ("uk", "міста", "місто"),
    ],
)
def test_inflected_forms_share_a_term(lang, first, second):
    [a] = words(first, lang)
    [b] = words(second, lang)
    assert stem(a, lang) == stem(b, lang)


def test_stop_words_and_marks_are_removed_per_language():
    assert words("the office and the town", "en") == ["office", "town"]
    assert words("الْمَدِينَة في", "ar") == ["المدينة"]
    assert words("ما در شهرداري هستیم", "fa") == ["شهرداری"]  # Arabic yeh read as Persian yeh
    assert words("İzmir ILIK", "tr") == ["izmir", "ılık"]


def test_german_text_processing_is_unchanged():
    assert stem("ausländerbehörde") == stem("ausländerbehörde", "de") == "auslanderbehord"
    assert words("Die Stadt und der Beirat") == words("Die Stadt und der Beirat", "de") == ["stadt", "beirat"]


@pytest.fixture(scope="module")
def language_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("sprachen")
    result = run_pelican(FIXTURES / "language_site", "pelicanconf.py", output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def cards(site, address):
    """(href, lang of the card) of each card in the „Auch interessant“ block."""
    block = read_html(site / address / "index.html").select_one("aside[data-related]")
    return [(a["href"], a.find_parent("article").get("lang")) for a in block.select("a")]


def test_built_translation_leads_to_its_language_and_marks_german_fill(language_site):
    teasers = cards(language_site, "en/aktuelles/2025/sprachtandem-sucht-paare")
    assert teasers[0] == ("../../../../en/aktuelles/2025/sprachcafe-oeffnet/", None)  # Related:, translated
    assert len(teasers) == 3
    for href, lang in teasers:
        assert href.startswith("../../../../en/") == (lang is None)
        assert lang in (None, "de")


def test_built_ukrainian_article_fills_with_marked_german_items(language_site):
    teasers = cards(language_site, "uk/aktuelles/2025/wohnungen-gesucht")
    assert len(teasers) == 3 and all(lang == "de" for _, lang in teasers)
    assert not any("/en/" in href or "/ar/" in href for href, _ in teasers)


def test_built_german_pages_never_lead_to_translations(language_site):
    for address in ("aktuelles/2025/sprachtandem-sucht-paare", "aktuelles/2025/beirat-waehlt-vorstand", "sprachtandem"):
        page = read_html(language_site / address / "index.html")
        links = [a["href"] for a in page.select("aside[data-related] a, main a")]
        assert links and not any(f"/{lang}/" in href for href in links for lang in ("en", "uk", "ar")), links


def test_built_translated_project_page_lists_news_in_its_language(language_site):
    page = read_html(language_site / "en" / "sprachtandem" / "index.html")
    hrefs = [a["href"] for a in page.select("main a") if "/aktuelles/2025/" in a["href"]]
    assert "../../en/aktuelles/2025/sprachtandem-sucht-paare/" in hrefs
    assert "../../aktuelles/2025/sprachtandem-sucht-paare/" not in hrefs


def test_topic_lists_put_the_readers_language_first():
    items = [
        SimpleNamespace(slug="neu", lang="de"),
        SimpleNamespace(slug="mittel", lang="en"),
        SimpleNamespace(slug="mittel", lang="de"),
        SimpleNamespace(slug="alt", lang="ar"),
        SimpleNamespace(slug="alt", lang="de"),
    ]
    assert [(i.slug, i.lang) for i in in_reader_language(items, "en", "de")] == [
        ("mittel", "en"),
        ("neu", "de"),
        ("alt", "de"),
    ]
    assert [(i.slug, i.lang) for i in in_reader_language(items, "de", "de")] == [
        ("neu", "de"),
        ("mittel", "de"),
        ("alt", "de"),
    ]


def test_built_german_fill_says_so_visibly_in_the_readers_language(language_site):
    block = read_html(language_site / "uk/aktuelles/2025/wohnungen-gesucht/index.html").select_one(
        "aside[data-related]"
    )
    notes = [card.select_one(".in-german") for card in block.select("article[lang=de]")]
    assert notes and all(note is not None and note["lang"] == "uk" for note in notes)
    assert all(note.get_text(strip=True) == f"({UI['uk']['in_german']})" for note in notes)
