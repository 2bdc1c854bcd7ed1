"""A full build of content/: every item at its German address, dates, breadcrumbs, footer, drafts."""

import json
import re
import shutil

import pytest

from conftest import FIXTURES, ROOT, build_site, read_html
from content_index import content_items
from pelicanconf import SITE_LANGUAGES

ITEMS = content_items()
PUBLISHED = [item for item in ITEMS if item.status == "published" and item.slug != "startseite"]
DRAFTS = [item for item in ITEMS if item.status == "draft"]
GERMAN_MONTHS = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"


def test_the_demo_site_has_enough_content():
    articles = [item for item in PUBLISHED if item.kind == "article"]
    assert len(articles) >= 15
    years = {item.metadata["date"][:4] for item in articles}
    assert {str(year) for year in range(2019, 2027)} <= years
    assert DRAFTS, "a draft is needed to show that drafts stay out of the published site"


@pytest.mark.parametrize(
    "slug",
    [
        "wer-wir-sind",
        "projekte",
        "sprachtandem",
        "fairtrade-stadt",
        "kepol",
        "beirat",
        "grundlagen",
        "impressum",
        "datenschutz",
        "barrierefreiheit",
        "leichte-sprache",
    ],
)
def test_required_pages_exist(published_site, slug):
    assert (published_site / slug / "index.html").is_file()


@pytest.mark.parametrize("item", PUBLISHED, ids=lambda item: item.path.name)
def test_every_item_is_at_its_german_address_with_its_title(published_site, item):
    page = published_site / item.url / "index.html"
    assert page.is_file(), f"{item.path.name} fehlt unter /{item.url}"
    soup = read_html(page)
    headings = soup.find_all("h1")
    assert len(headings) == 1
    assert headings[0].get_text(strip=True) == item.title.replace('"', "")


def test_addresses_are_ascii_with_german_letters_folded(published_site):
    addresses = [p.parent.relative_to(published_site).as_posix() for p in published_site.rglob("*/index.html")]
    assert "aktuelles/2024/auslaenderbehoerde-wird-willkommensbehoerde" in addresses
    for address in addresses:
        assert re.fullmatch(r"[a-z0-9/-]+", address), address


@pytest.mark.parametrize("item", [i for i in PUBLISHED if i.kind == "article"], ids=lambda i: i.path.name)
def test_articles_show_german_dates_in_time_elements(published_site, item):
    soup = read_html(published_site / item.url / "index.html")
    time = soup.select_one(".article__meta time")
    assert time["datetime"] == item.metadata["date"][:10]
    assert re.fullmatch(rf"\d{{1,2}}\. ({GERMAN_MONTHS}) \d{{4}}", time.get_text(strip=True))


def test_article_has_category_line_lead_body_publisher_and_tags(published_site):
    release = next(
        i for i in PUBLISHED if i.metadata.get("category") == "Pressemitteilungen" and "publisher" in i.metadata
    )
    soup = read_html(published_site / release.url / "index.html")
    assert soup.select_one(".article__meta a").get_text(strip=True) == "Pressemitteilungen"
    assert soup.select_one(".article__lead").get_text(strip=True) == release.metadata["summary"].replace('"', "")
    assert soup.select_one(".article__body p")
    block = soup.select_one(".publisher-block")
    assert release.metadata["publisher"] in block.get_text(" ", strip=True)
    assert block.select_one("a[href^='mailto:']")
    tags = [a.get_text(strip=True) for a in soup.select(".tag-list a")]
    assert tags == [t.strip() for t in release.metadata["tags"].split(",")]


def test_breadcrumb_of_a_project_page_goes_through_projekte(published_site):
    crumbs = read_html(published_site / "sprachtandem" / "index.html").select(".breadcrumb li")
    assert [c.get_text(strip=True) for c in crumbs] == ["Startseite", "Projekte", "Sprachtandem"]
    assert crumbs[-1]["aria-current"] == "page"
    assert crumbs[-1].find("a") is None


def test_breadcrumb_of_an_article_names_section_and_category(published_site):
    item = next(i for i in PUBLISHED if i.kind == "article")
    crumbs = read_html(published_site / item.url / "index.html").select(".breadcrumb li")
    assert [c.get_text(strip=True) for c in crumbs[:3]] == ["Startseite", "Aktuelles", item.metadata["category"]]


def test_home_page_has_no_breadcrumb_but_intro_and_latest_news(published_site):
    soup = read_html(published_site / "index.html")
    assert soup.select_one(".breadcrumb") is None
    assert soup.select_one(".home-intro__text p")
    newest = max((i for i in PUBLISHED if i.kind == "article"), key=lambda i: i.metadata["date"])
    assert soup.select_one(".home-news .teaser__title").get_text(strip=True) == newest.title
    assert not (published_site / "startseite").exists(), "the intro text gets no page of its own"


def german_pages(site):
    """The German pages of a build (translations live below /en/, /ar/ …: see test_languages.py)."""
    other = tuple(f"{code}/" for code in SITE_LANGUAGES if code != "de")
    return [page for page in sorted(site.rglob("*.html")) if not page.relative_to(site).as_posix().startswith(other)]


def test_every_page_has_skip_link_one_h1_and_the_footer_links(published_site):
    pages = german_pages(published_site)
    assert len(pages) > 30
    for page in pages:
        soup = read_html(page)
        where = page.relative_to(published_site)
        assert soup.html["lang"] == "de", where
        first_link = soup.body.find("a")
        assert first_link["href"] == "#inhalt" and "skip-link" in first_link["class"], where
        assert soup.select_one("main#inhalt"), where
        assert len(soup.find_all("h1")) == 1, where
        footer_links = {a.get_text(strip=True): a["href"] for a in soup.select("footer a")}
        for label in ("Impressum", "Datenschutz", "Erklärung zur Barrierefreiheit", "Dokumente"):
            assert label in footer_links, (where, label)
        offers = {a.get_text(strip=True) for a in soup.select(".site-header__offers a")}
        assert offers == {"Leichte Sprache", "Gebärdensprache"}, where
        assert any(href == "mailto:barrierefreiheit@example.org" for href in footer_links.values()), where


def test_long_pages_have_a_back_to_top_link(published_site):
    soup = read_html(published_site / "wer-wir-sind" / "index.html")
    link = soup.select_one(".back-to-top a")
    assert link["href"] == "#seitenanfang"
    assert soup.body["id"] == "seitenanfang"


def test_listing_pages_are_paginated(published_site):
    first = read_html(published_site / "index.html")
    next_link = first.select_one(".pagination a[rel=next]")
    assert next_link["href"].endswith("/seite/2/")
    assert (published_site / "seite" / "2" / "index.html").is_file()


def test_lead_images_have_alt_text_and_visible_credit(published_site):
    figures = []
    for item in PUBLISHED:
        if "image" in item.metadata:
            soup = read_html(published_site / item.url / "index.html")
            figure = soup.select_one("figure.lead-image")
            assert [source["type"] for source in figure.picture.find_all("source")] == ["image/avif", "image/webp"]
            assert figure.img["width"] and figure.img["height"]
            assert figure.img["alt"] == item.metadata["image_alt"]
            assert item.metadata["image_credit"] in figure.figcaption.get_text()
            figures.append(item)
    assert len(figures) >= 3


def test_drafts_are_absent_from_the_published_site(published_site):
    for draft in DRAFTS:
        for page in published_site.rglob("*"):
            if page.is_file() and page.suffix in {".html", ".xml", ".json", ".txt"}:
                text = page.read_text(encoding="utf-8")
                assert draft.title not in text, page
                assert draft.slug not in text, page


def test_drafts_are_visible_with_a_banner_in_the_preview(preview_site):
    for draft in DRAFTS:
        pages = list((preview_site / "entwuerfe").rglob("index.html"))
        banners = [read_html(p).select_one(".status-banner[data-status=draft]") for p in pages]
        assert any(b and "Entwurf" in b.get_text() for b in banners)
        assert any(draft.title in p.read_text(encoding="utf-8") for p in pages)


def test_german_quotation_marks_and_no_english_ones(published_site):
    body_text = "".join(
        node.get_text() for page in german_pages(published_site) for node in read_html(page).select(".prose")
    )
    assert "„" in body_text
    assert "”" not in body_text


def test_not_found_page_links_from_the_site_root_so_it_works_at_any_depth(published_site):
    soup = read_html(published_site / "404.html")
    assert soup.find("link", rel="stylesheet")["href"] == "/theme/css/site.css"
    assert soup.select_one(".site-header__brand")["href"] == "/"
    assert soup.select_one(".skip-link")["href"] == "#inhalt"


def test_an_edited_template_is_compiled_again_despite_the_kept_bytecode(tmp_path):
    """Development builds keep compiled templates between builds (pelicanconf.py, JINJA_ENVIRONMENT);
    Jinja compares each with its template's text, so an edit shows in the next build."""
    theme = shutil.copytree(ROOT / "theme", tmp_path / "theme")
    content = FIXTURES / "plain_language" / "site"
    options = ["-e", "SEARCH_INDEX_ENABLED=false", f"THEME={json.dumps(str(theme))}"]
    before = build_site(content, "pelicanconf.py", tmp_path / "vorher", *options)
    assert "Geänderte Vorlage" not in (before / "antrag" / "index.html").read_text("utf-8")
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text("utf-8").replace("</body>", "<p>Geänderte Vorlage</p></body>", 1), "utf-8")
    after = build_site(content, "pelicanconf.py", tmp_path / "nachher", *options)
    assert "Geänderte Vorlage" in (after / "antrag" / "index.html").read_text("utf-8")
