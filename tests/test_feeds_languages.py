"""Feeds per language and sitemap.xml alternates, in a strict publish build of a small site with translations."""

import xml.etree.ElementTree as ET

import feedparser
import pytest
from sitemap_languages.alternates import version_groups

from conftest import FIXTURES, build_site

PUBLIC = "https://vielfalt.example.org"
LANGUAGES = ["de", "en", "ar", "tr", "uk", "fa"]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
GERMAN_ARTICLES = {
    f"{PUBLIC}/aktuelles/2025/{slug}/"
    for slug in ("sprachcafe-oeffnet", "sprachtandem-sucht-paare", "beirat-waehlt-vorstand", "wohnungen-gesucht")
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(FIXTURES / "language_site", "publishconf.py", tmp_path_factory.mktemp("sprachen_publish"))


def feed(site, name):
    return feedparser.parse((site / "feeds" / name).read_bytes())


@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_german_feeds_stay_german_at_their_addresses(site, kind):
    parsed = feed(site, f"alle.{kind}.xml")
    assert not parsed.bozo
    assert {entry.link for entry in parsed.entries} == GERMAN_ARTICLES
    releases = {entry.link for entry in feed(site, f"pressemitteilungen.{kind}.xml").entries}
    assert releases == {
        f"{PUBLIC}/aktuelles/2025/sprachtandem-sucht-paare/",
        f"{PUBLIC}/aktuelles/2025/beirat-waehlt-vorstand/",
    }


@pytest.mark.parametrize("kind", ["atom", "rss"])
@pytest.mark.parametrize(
    ("lang", "slugs"),
    [
        ("en", {"sprachcafe-oeffnet", "sprachtandem-sucht-paare"}),
        ("ar", {"beirat-waehlt-vorstand"}),
        ("uk", {"wohnungen-gesucht"}),
    ],
)
def test_each_language_has_its_feed_with_its_entries_only(site, kind, lang, slugs):
    parsed = feed(site, f"{lang}.{kind}.xml")
    assert not parsed.bozo
    assert {entry.link for entry in parsed.entries} == {f"{PUBLIC}/{lang}/aktuelles/2025/{slug}/" for slug in slugs}
    assert parsed.feed.language == lang
    assert parsed.feed.link == f"{PUBLIC}/{lang}/"
    assert parsed.feed.title != "Stabsstelle für Vielfalt und Chancengleichheit"  # the site's name in that language


def test_english_feed_entries_carry_the_english_titles(site):
    titles = {entry.title for entry in feed(site, "en.atom.xml").entries}
    assert titles == {"Language café opens in the town library", "Language tandem is looking for new pairs"}


def test_no_feed_for_a_language_without_articles(site):
    assert not (site / "feeds" / "tr.atom.xml").exists()


def sitemap_alternates(site):
    root = ET.parse(site / "sitemap.xml").getroot()
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href")
            for link in url.findall(f"{XHTML}link")
            if link.get("rel") == "alternate"
        }
        for url in root.findall(f"{SITEMAP}url")
    }


def test_sitemap_lists_every_language_version_reciprocally_with_x_default(site):
    alternates = sitemap_alternates(site)
    tandem = {
        "de": f"{PUBLIC}/aktuelles/2025/sprachtandem-sucht-paare/",
        "en": f"{PUBLIC}/en/aktuelles/2025/sprachtandem-sucht-paare/",
        "x-default": f"{PUBLIC}/aktuelles/2025/sprachtandem-sucht-paare/",
    }
    assert alternates[tandem["de"]] == tandem
    assert alternates[tandem["en"]] == tandem
    page = {"de": f"{PUBLIC}/sprachtandem/", "en": f"{PUBLIC}/en/sprachtandem/", "x-default": f"{PUBLIC}/sprachtandem/"}
    assert alternates[page["en"]] == page
    for loc, links in alternates.items():
        for lang, href in links.items():
            assert href in alternates, f"{loc}: {lang} → {href} is not in the sitemap"
            assert alternates[href] == links, f"{loc} and {href} do not list the same versions"
        if links:
            assert links["x-default"] == links["de"]


def test_sitemap_alternates_only_where_a_translation_exists(site):
    alternates = sitemap_alternates(site)
    assert alternates[f"{PUBLIC}/aktuelles/2025/wohnungen-gesucht/"].keys() == {"de", "uk", "x-default"}
    assert alternates[f"{PUBLIC}/aktuelles/"] == {}


def test_version_groups_join_pelican_translations_and_language_twins():
    paths = {"", "en/", "aktuelles/2024/a/", "en/aktuelles/2025/a/", "seite/", "ar/seite/", "uk/andere/"}
    linked = [{"aktuelles/2024/a/", "en/aktuelles/2025/a/", "fa/aktuelles/2024/a/"}]
    groups = version_groups(paths, linked, LANGUAGES, "de")
    assert {frozenset(group.items()) for group in groups} == {
        frozenset({"de": "", "en": "en/"}.items()),
        frozenset({"de": "aktuelles/2024/a/", "en": "en/aktuelles/2025/a/"}.items()),
        frozenset({"de": "seite/", "ar": "ar/seite/"}.items()),
    }


def test_demo_sitemap_alternates_are_reciprocal_and_resolve(published_site):
    alternates = sitemap_alternates(published_site)
    translated = [loc for loc, links in alternates.items() if len(links) > 2]
    assert f"{PUBLIC}/beratung/" in translated and f"{PUBLIC}/" in translated
    for loc in translated:
        links = alternates[loc]
        assert loc in links.values() and links["x-default"] == links["de"]
        for href in links.values():
            assert alternates.get(href) == links, f"{loc} → {href}"
            path = href.removeprefix(PUBLIC + "/")
            assert (published_site / path / "index.html").is_file(), href


def test_demo_language_feeds_hold_their_translations(published_site):
    english = feed(published_site, "en.atom.xml")
    assert english.entries and all(entry.link.startswith(f"{PUBLIC}/en/aktuelles/") for entry in english.entries)
    german = feed(published_site, "alle.atom.xml")
    others = tuple(f"{PUBLIC}/{lang}/" for lang in LANGUAGES if lang != "de")
    assert german.entries and not any(entry.link.startswith(others) for entry in german.entries)
