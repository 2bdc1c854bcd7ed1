"""Feeds, JSON-LD, sitemap, robots.txt, canonical and sharing metadata, manifest and the Inhaltsübersicht."""

import json
import xml.etree.ElementTree as ET
from datetime import datetime
from zoneinfo import ZoneInfo

import feedparser
import pytest
from PIL import Image

from conftest import read_html
from content_index import content_items
from pelicanconf import SITE_LANGUAGES

PUBLIC = "https://vielfalt.example.org"
BERLIN = ZoneInfo("Europe/Berlin")
PUBLISHED = [item for item in content_items() if item.status == "published" and item.slug != "startseite"]
ARTICLES = [item for item in PUBLISHED if item.kind == "article"]
PAGES = [item for item in PUBLISHED if item.kind == "page"]
RELEASES = [item for item in ARTICLES if item.metadata.get("category") == "Pressemitteilungen"]


def published_date(item) -> datetime:
    return datetime.strptime(item.metadata["date"], "%Y-%m-%d %H:%M").replace(tzinfo=BERLIN)


def html_pages(site):
    return [path for path in sorted(site.rglob("*.html")) if path.relative_to(site).parts[0] != "theme"]


@pytest.mark.parametrize(
    ("feed", "expected"), [("alle", ARTICLES), ("pressemitteilungen", RELEASES)], ids=["alle", "pressemitteilungen"]
)
@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_feed_parses_and_lists_every_item_with_title_link_and_date(published_site, feed, expected, kind):
    parsed = feedparser.parse((published_site / "feeds" / f"{feed}.{kind}.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version.startswith(kind)
    by_link = {entry.link: entry for entry in parsed.entries}
    assert len(parsed.entries) == len(expected) > 0
    for item in expected:
        entry = by_link[f"{PUBLIC}/{item.url}"]
        assert entry.title == item.title
        assert datetime(*entry.published_parsed[:6]) == published_date(item).astimezone(ZoneInfo("UTC")).replace(
            tzinfo=None
        )


def test_atom_entries_carry_summary_and_full_text(published_site):
    parsed = feedparser.parse((published_site / "feeds" / "alle.atom.xml").read_bytes())
    for entry in parsed.entries:
        assert entry.summary.strip()
        assert len(entry.content[0].value) > len(entry.summary)
        # Links inside the text are absolute, so they work in a feed reader.
        for link in read_html_fragment(entry.content[0].value).select("a[href], img[src]"):
            target = link.get("href") or link.get("src")
            assert target.startswith(("https://", "mailto:", "#")), target


def read_html_fragment(text):
    from bs4 import BeautifulSoup

    return BeautifulSoup(text, "html.parser")


def test_every_page_announces_the_feeds(published_site):
    # German pages; a translation announces its language's feeds (test_languages.py).
    other = tuple(f"{code}/" for code in SITE_LANGUAGES if code != "de")
    for path in html_pages(published_site):
        if path.relative_to(published_site).as_posix().startswith(other):
            continue
        links = read_html(path).select('link[rel=alternate][type="application/atom+xml"]')
        assert f"{PUBLIC}/feeds/alle.atom.xml" in [link["href"] for link in links], path
        assert f"{PUBLIC}/feeds/pressemitteilungen.atom.xml" in [link["href"] for link in links], path


def json_ld_blocks(path):
    return [json.loads(script.string) for script in read_html(path).select('script[type="application/ld+json"]')]


def test_home_describes_the_office_as_government_organization(published_site):
    (office,) = [block for block in json_ld_blocks(published_site / "index.html") if block["@type"] != "BreadcrumbList"]
    assert office["@type"] == "GovernmentOrganization"
    assert office["name"] == "Stabsstelle für Vielfalt und Chancengleichheit"
    assert office["parentOrganization"] == {"@type": "GovernmentOrganization", "name": "Stadt Musterstadt"}
    contact = office["contactPoint"]
    assert contact["@type"] == "ContactPoint" and contact["email"]
    assert "de" in contact["availableLanguage"] and len(contact["availableLanguage"]) > 1
    assert office["address"]["@type"] == "PostalAddress"


@pytest.mark.parametrize("item", ARTICLES, ids=lambda item: item.slug)
def test_article_is_a_news_article_with_the_required_fields(published_site, item):
    (article,) = [
        block for block in json_ld_blocks(published_site / item.url / "index.html") if block["@type"] == "NewsArticle"
    ]
    assert article["headline"] == item.title
    assert datetime.fromisoformat(article["datePublished"]) == published_date(item)
    assert datetime.fromisoformat(article["dateModified"]) >= published_date(item)
    assert article["publisher"]["name"] == "Stabsstelle für Vielfalt und Chancengleichheit"
    assert article["inLanguage"] == "de"
    assert article["mainEntityOfPage"] == f"{PUBLIC}/{item.url}"
    if "image" in item.metadata and not item.metadata["image"].endswith(".svg"):
        (image,) = article["image"]
        assert (published_site / image.removeprefix(f"{PUBLIC}/")).is_file()


def test_every_page_with_a_breadcrumb_has_a_breadcrumb_list(published_site):
    checked = 0
    for path in html_pages(published_site):
        nav = read_html(path).select_one("nav.breadcrumb")
        if nav is None:
            continue
        visible = [li.get_text(" ", strip=True) for li in nav.select(".breadcrumb__item")]
        (trail,) = [block for block in json_ld_blocks(path) if block["@type"] == "BreadcrumbList"]
        elements = trail["itemListElement"]
        assert [element["name"] for element in elements] == visible, path
        assert [element["position"] for element in elements] == list(range(1, len(visible) + 1))
        assert all(element["item"].startswith(PUBLIC + "/") for element in elements[:-1])
        checked += 1
    assert checked >= 30


def test_sitemap_lists_every_published_page_with_lastmod(published_site):
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(published_site / "sitemap.xml").getroot()
    entries = {
        url.findtext("s:loc", namespaces=namespace): url.findtext("s:lastmod", namespaces=namespace) for url in root
    }
    for item in PUBLISHED:
        assert f"{PUBLIC}/{item.url}" in entries, item.url
    for item in ARTICLES:
        assert datetime.fromisoformat(entries[f"{PUBLIC}/{item.url}"]) == published_date(item)
    assert all(lastmod for lastmod in entries.values())
    assert f"{PUBLIC}/inhaltsuebersicht/" in entries
    assert not [loc for loc in entries if "404" in loc or "entwuerfe" in loc or loc.endswith(".txt")]


def test_robots_txt_allows_all_and_names_the_sitemap(published_site):
    lines = [
        line.strip()
        for line in (published_site / "robots.txt").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert lines == ["User-agent: *", "Allow: /", f"Sitemap: {PUBLIC}/sitemap.xml"]


def test_every_page_has_canonical_and_open_graph_metadata(published_site):
    for path in html_pages(published_site):
        page = read_html(path)
        address = path.relative_to(published_site).as_posix().removesuffix("index.html")
        if address == "404.html":
            assert page.select_one("meta[name=robots]")["content"] == "noindex"
            continue
        assert page.select_one("link[rel=canonical]")["href"] == f"{PUBLIC}/{address}", path
        assert page.select_one('meta[property="og:url"]')["content"] == f"{PUBLIC}/{address}"
        assert page.select_one('meta[property="og:title"]')["content"].strip()
        assert page.select_one('meta[property="og:description"]')["content"].strip()
        assert page.select_one('meta[name="twitter:card"]')["content"] in ("summary", "summary_large_image")


def test_articles_with_a_lead_image_share_the_1200_by_630_cut(published_site):
    shared = 0
    for item in ARTICLES:
        if "image" not in item.metadata or item.metadata["image"].endswith(".svg"):
            continue
        page = read_html(published_site / item.url / "index.html")
        image = page.select_one('meta[property="og:image"]')["content"]
        with Image.open(published_site / image.removeprefix(f"{PUBLIC}/")) as picture:
            assert picture.size == (1200, 630)
        assert page.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"
        assert page.select_one('meta[property="og:image:alt"]')["content"] == item.metadata["image_alt"]
        shared += 1
    assert shared >= 3


def test_manifest_and_icons_are_local_and_match(published_site):
    page = read_html(published_site / "index.html")
    manifest_path = published_site / page.select_one("link[rel=manifest]")["href"]
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    assert manifest["lang"] == "de" and manifest["start_url"] == "../"
    for icon in manifest["icons"]:
        assert not icon["src"].startswith(("http:", "https:", "//"))
        path = manifest_path.parent / icon["src"]
        if icon["sizes"] != "any":
            with Image.open(path) as picture:
                assert f"{picture.width}x{picture.height}" == icon["sizes"]
        assert path.is_file()
    assert (published_site / page.select_one("link[rel=apple-touch-icon]")["href"]).is_file()


def test_site_index_lists_every_page_and_is_linked_from_every_footer(published_site):
    index = read_html(published_site / "inhaltsuebersicht" / "index.html")
    assert index.h1.get_text(strip=True) == "Inhaltsübersicht"
    linked = {a["href"].removeprefix("../") for a in index.select("main a[href]")}
    for item in PAGES:
        assert item.url in linked, item.url
    assert "aktuelles/" in linked and "aktuelles/pressemitteilungen/" in linked and "themen/" in linked
    for path in html_pages(published_site):
        footer = read_html(path).select_one("footer")
        assert any(a["href"].endswith("inhaltsuebersicht/") for a in footer.select("a[href]")), path
