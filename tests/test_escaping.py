"""Text from metadata is escaped everywhere: a Title with `<script>` shows as text in pages, feeds, teasers and JSON.

The same build also shows that feeds carry no code from raw HTML in an article, and that a file
skipped for a duplicate address leaves no trace in any written file.
"""

import gzip
import html
import json
import xml.etree.ElementTree as ET

import feedparser
import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, read_html, run_pelican

CONTENT = FIXTURES / "escaping_site"
TITLE = 'Vielfalt <script>alert("x")</script> & „Zusammenhalt“'
SLUG = "vielfalt-und-zusammenhalt"
ARTICLE = f"aktuelles/2024/{SLUG}/index.html"
TAG = "<b>Vielfalt</b>"
ATOM = "{http://www.w3.org/2005/Atom}"
# The feeds that list the article: all news, and its category (Pressemitteilungen).
FEEDS_WITH_ARTICLE = [
    "feeds/alle.atom.xml",
    "feeds/alle.rss.xml",
    "feeds/pressemitteilungen.atom.xml",
    "feeds/pressemitteilungen.rss.xml",
]


# An article whose body is raw HTML that would run code or lead elsewhere in a feed reader.
RAW_HTML_ARTICLE = "aktuelles/2024/neue-oeffnungszeiten/index.html"
FEEDS_WITH_RAW_HTML = [
    "feeds/alle.atom.xml",
    "feeds/alle.rss.xml",
    "feeds/meldungen.atom.xml",
    "feeds/meldungen.rss.xml",
]
# Left in the HTML if any part of the raw HTML's payload reached a feed entry.
PAYLOAD_MARKERS = ["alert", "angreifer", "javascript", "data:", "formaction", "onclick", "srcdoc", "xlink"]
PAYLOAD_ELEMENTS = ["script", "style", "svg", "meta", "base", "form", "button", "iframe"]
# A second file with the address of 2024-05-15-nachbarschaftsfest.md, and a second child page with the
# address of seiten/gemeinschaftsgarten.md: both skipped, so they must be nowhere (the page not in the
# Inhaltsübersicht's list of child pages either).
SKIPPED_FILE = "artikel/2024-07-01-sommerfest-sued.md"
SKIPPED_PAGE = "seiten/zwillingsseite.md"
SKIPPED_WORDS = [b"Zwillingsmeldung", b"Zweitautorin", b"Sommerfest S", b"Zwillingsseite"]


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    """The fixture built for publishing: (output, messages); not strict, since the content checks
    rightly report the <script>, the raw HTML and the duplicate address."""
    output = tmp_path_factory.mktemp("escaping")
    result = run_pelican(CONTENT, "publishconf.py", output, "-e", "BUILD_MESSAGES_STRICT=false")
    assert result.returncode == 0, result.stdout + result.stderr
    return output, result.stdout + result.stderr


@pytest.fixture(scope="module")
def site(build):
    return build[0]


@pytest.fixture(scope="module")
def html_files(site):
    """Every built HTML file, parsed."""
    return {path.relative_to(site).as_posix(): read_html(path) for path in sorted(site.rglob("*.html"))}


def links_to_article(soup, css_class=None):
    """The links to the article on a page, optionally only those with a class."""
    links = soup.find_all("a", class_=css_class) if css_class else soup.find_all("a")
    return [a for a in links if a.get("href", "").rstrip("/").endswith(SLUG)]


def feed_entries(path):
    """(link, title element) of each entry of an Atom or RSS feed; parsing fails on malformed XML."""
    root = ET.parse(path).getroot()
    if root.tag == f"{ATOM}feed":
        return [
            (entry.find(f"{ATOM}link").get("href"), entry.find(f"{ATOM}title")) for entry in root.iter(f"{ATOM}entry")
        ]
    return [(item.findtext("link"), item.find("title")) for item in root.iter("item")]


def test_no_page_runs_the_script_or_an_event_handler(html_files):
    """No built page has a <script> with the payload or any on… attribute (the raw-HTML article's own
    page keeps its body as written: there the Content Security Policy and the content checks stand guard)."""
    assert html_files
    for path, soup in html_files.items():
        if path == RAW_HTML_ARTICLE:
            continue
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                # Data, never run: the title is inside, but every "<" is escaped as \u003c.
                assert "<" not in script.get_text(), path
                continue
            assert "alert" not in script.get_text(), path
        for element in soup.find_all(True):
            handlers = [name for name in element.attrs if name.lower().startswith("on")]
            assert not handlers, (path, element.name, handlers)


def test_article_heading_and_breadcrumb_show_the_title_as_text(html_files):
    """The article's <h1> and the last breadcrumb entry read exactly as the Title was written."""
    soup = html_files[ARTICLE]
    assert soup.h1.get_text() == TITLE
    assert soup.select_one(".breadcrumb__item[aria-current=page]").get_text() == TITLE


def test_article_browser_title_shows_the_title_as_text(html_files):
    """The <title> element contains the Title as written, <script> included."""
    assert TITLE in html_files[ARTICLE].title.get_text()


@pytest.mark.parametrize("other", ["nachbarschaftsfest-nord", "interkulturelle-woche"])
def test_teaser_on_another_article_shows_the_title_as_text(html_files, other):
    """The „Auch interessant“ card of the article on a related article's page reads as written."""
    block = html_files[f"aktuelles/2024/{other}/index.html"].select_one("aside[data-related]")
    assert block is not None
    links = links_to_article(block, "auch-interessant__link")
    assert [a.get_text() for a in links] == [TITLE]


@pytest.mark.parametrize(
    "listing",
    [
        "index.html",
        "aktuelles/index.html",
        "aktuelles/pressemitteilungen/index.html",
        "themen/diversity/index.html",
        "vielfalt-in-musterstadt/index.html",  # a page with Tags lists the topic's news
    ],
)
def test_listings_show_the_title_as_text(html_files, listing):
    """Home page, news archive, category, topic and a topic page list the article under its title as written."""
    links = links_to_article(html_files[listing])
    assert links, listing
    assert {a.get_text() for a in links} == {TITLE}


def test_tag_with_markup_is_shown_as_text(html_files):
    """A Tag with <b> in it is a topic name in text, not bold markup."""
    article = html_files[ARTICLE]
    assert TAG in [a.get_text() for a in article.select(".tag-list__link")]
    assert not article.select(".tag-list b")
    assert html_files["themen/vielfalt/index.html"].h1.get_text() == f"Thema: {TAG}"


@pytest.mark.parametrize("feed", FEEDS_WITH_ARTICLE)
def test_feed_entry_title_is_the_title_as_text(site, feed):
    """The entry title is the Title as written, as escaped text; Pelican alone would strip the tag out."""
    titles = [title for link, title in feed_entries(site / feed) if link.rstrip("/").endswith(SLUG)]
    assert len(titles) == 1, feed
    # No child elements: the <script> is characters in the title, not XML inside it.
    assert len(titles[0]) == 0
    assert titles[0].text == TITLE


@pytest.mark.parametrize("feed", FEEDS_WITH_ARTICLE)
def test_feed_has_no_raw_script_element(site, feed):
    """In the feed's XML, „<script“ only ever appears escaped."""
    assert "<script" not in (site / feed).read_text(encoding="utf-8").lower()


@pytest.mark.parametrize("feed", FEEDS_WITH_ARTICLE)
def test_feed_entry_html_has_no_script_or_event_handler(site, feed):
    """The HTML a feed reader renders (summary, content, description) has no <script> and no on… attribute."""
    root = ET.parse(site / feed).getroot()
    names = {f"{ATOM}summary", f"{ATOM}content", "description"}
    fragments = [element.text or "" for element in root.iter() if element.tag in names]
    assert fragments
    for fragment in fragments:
        soup = BeautifulSoup(fragment, "html.parser")
        assert not soup.find_all("script")
        for element in soup.find_all(True):
            assert not [name for name in element.attrs if name.lower().startswith("on")], element


def test_every_feed_is_well_formed_xml(site):
    """All feeds parse, including the category feeds without the article."""
    feeds = sorted((site / "feeds").glob("*.xml"))
    # Atom and RSS each: all items, two categories, and the German-language feed (de.*, one per language).
    assert sorted(feed.name for feed in feeds) == sorted(
        f"{name}.{kind}.xml" for name in ("alle", "meldungen", "pressemitteilungen", "de") for kind in ("atom", "rss")
    )
    for feed in feeds:
        assert feed_entries(feed), feed.name


def test_json_is_valid_and_escapes_angle_brackets(site, html_files):
    """Every *.json file and JSON-LD block parses, has no raw <script or </script, and keeps the title as text."""
    blocks = {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in site.rglob("*.json")}
    for path, soup in html_files.items():
        for number, script in enumerate(soup.find_all("script", type="application/ld+json")):
            blocks[f"{path} (JSON-LD {number + 1})"] = script.string or ""
    headlines = []
    for where, text in blocks.items():
        data = json.loads(text)
        assert "<script" not in text.lower(), where
        assert "</script" not in text.lower(), where
        headlines.append(data.get("headline"))
    assert TITLE in headlines, "the article's NewsArticle carries its title as written"


def entry_html(feed, slug):
    """Summary and content of the feed entry linking to `slug`, read with feedparser without its own cleaning."""
    parsed = feedparser.parse(str(feed), sanitize_html=False, resolve_relative_uris=False)
    assert not parsed.bozo, parsed.bozo_exception
    entries = [entry for entry in parsed.entries if entry.link.rstrip("/").endswith(slug)]
    assert len(entries) == 1, feed
    entry = entries[0]
    return [entry.get("summary", ""), *(content.value for content in entry.get("content", []))]


@pytest.mark.parametrize("feed", FEEDS_WITH_RAW_HTML)
def test_feed_entry_of_raw_html_article_has_no_payload(site, feed):
    """Links with javascript: and data:, meta refresh, forms, SVG, styles, handlers, srcdoc and base are gone."""
    fragments = entry_html(site / feed, "neue-oeffnungszeiten")
    for fragment in fragments:
        soup = BeautifulSoup(fragment, "html.parser")
        assert not soup.find_all(PAYLOAD_ELEMENTS), fragment
        text = html.unescape(fragment).lower()
        assert not [marker for marker in PAYLOAD_MARKERS if marker in text], fragment
    # The article itself is still there: its words, its safe link, its image's alternative text.
    content = fragments[-1]
    assert "Bitte bringen Sie Ihren Ausweis mit." in content
    assert 'href="https://www.example.org/formulare"' in content
    assert 'alt="Aushang"' in content


def written_text(path):
    """A written file's bytes, unpacked if gzip-compressed (the search index's fragments are)."""
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def test_skipped_duplicate_appears_in_no_written_file(site):
    """Neither listings, topic and category pages, feeds, sitemap, teasers nor the search index know it."""
    files = [path for path in site.rglob("*") if path.is_file()]
    assert any(path.suffix in {".pf_fragment", ".pf_meta"} for path in files)
    leaks = [
        (path.relative_to(site).as_posix(), word.decode())
        for path in files
        for word in SKIPPED_WORDS
        if word in written_text(path)
    ]
    assert leaks == []
    # Its tag "Sport" has no other article, so no topic page for it either.
    assert not (site / "themen" / "sport").exists()


def test_first_file_of_a_duplicate_address_is_published(site, html_files):
    assert html_files["aktuelles/2024/nachbarschaftsfest-nord/index.html"].h1.get_text() == (
        "Nachbarschaftsfest im Stadtteil Nord"
    )
    assert b"Nachbarschaftsfest im Stadtteil Nord" in (site / "feeds" / "meldungen.atom.xml").read_bytes()
    assert html_files["gemeinschaftsgarten/index.html"].h1.get_text() == "Gemeinschaftsgarten am Fluss"
    # The first page is listed below its parent page: the list the skipped one must stay out of.
    site_index = html_files["inhaltsuebersicht/index.html"]
    assert "Gemeinschaftsgarten am Fluss" in [a.get_text(strip=True) for a in site_index.select("main li li a")]


def test_skip_message_names_the_skipped_file_and_line(build):
    _, messages = build
    assert (
        f"{SKIPPED_FILE}:6: Die Adresse /aktuelles/2024/nachbarschaftsfest-nord/ hat schon "
        "content/artikel/2024-05-15-nachbarschaftsfest.md; diese Datei wird übersprungen"
    ) in messages
    assert (
        f"{SKIPPED_PAGE}:2: Die Adresse /gemeinschaftsgarten/ hat schon content/seiten/gemeinschaftsgarten.md; "
        "diese Datei wird übersprungen"
    ) in messages
