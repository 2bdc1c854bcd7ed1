"""The Leichte Sprache section, its layout, the header links to it and to Gebärdensprache, the start page's BITV § 4 offer."""

import re
import tomllib
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

import pelicanconf
from conftest import ROOT, open_page, read_html

SECTION = ROOT / "content" / "seiten" / "leichte-sprache"
SECTION_FILES = [ROOT / "content" / "seiten" / "leichte-sprache.md", *sorted(SECTION.glob("*.md"))]
UI = tomllib.loads((ROOT / "theme" / "ui_strings.toml").read_text(encoding="utf-8"))
LANGUAGES = list(pelicanconf.SITE_LANGUAGES)
HEADER_TARGETS = {"leichte_header_easy_read": "leichte-sprache", "leichte_header_sign_language": "gebaerdensprache"}


def header_fields(path: Path) -> dict:
    """The metadata lines at the top of a Markdown file, keys lower-cased."""
    fields = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            break
        name, _, value = line.partition(":")
        fields[name.strip().lower()] = value.strip()
    return fields


def target(page: Path, link) -> Path:
    """The folder a relative link on a built page leads to."""
    return (page.parent / link["href"]).resolve()


def prefix(lang: str) -> str:
    return "" if lang == pelicanconf.DEFAULT_LANG else f"{lang}/"


def test_every_page_of_the_section_is_marked_leichte_sprache_and_sits_below_it():
    assert len(SECTION_FILES) >= 7
    for path in SECTION_FILES:
        fields = header_fields(path)
        assert fields.get("leichte_sprache") == "ja", path.name
        if path.parent == SECTION:
            assert fields.get("parent") == "leichte-sprache", path.name
            assert fields.get("slug") == f"leichte-sprache/{path.stem}", path.name


def test_section_has_at_least_six_pages_reachable_from_the_header_link(published_site):
    home = published_site / "index.html"
    header_link = read_html(home).select_one('.site-header__offer[href$="leichte-sprache/"]')
    start = target(home, header_link) / "index.html"
    soup = read_html(start)
    assert "leichte-sprache" in soup.select_one("article.page")["class"]
    pages = {
        target(start, link) for link in soup.select(".page__body a[href]") if not link["href"].startswith("mailto:")
    }
    below = {folder for folder in pages if folder.parent == start.parent}
    assert len(below) >= 6
    titles = set()
    for folder in below:
        page = read_html(folder / "index.html")
        assert "leichte-sprache" in page.select_one("article.page")["class"], folder.name
        titles.add(page.select_one("h1").get_text(strip=True))
    assert {"Beratung", "Sprach·tandem", "Kontakt", "Barriere·freiheit", "Über diese Internet·seite"} <= titles


def test_header_links_in_every_language_lead_to_the_german_pages(published_site):
    for lang in LANGUAGES:
        page = published_site / prefix(lang) / "beratung" / "index.html"
        links = read_html(page).select(".site-header__offers a.site-header__offer")
        assert [link.select_one(".site-header__offer-label").get_text(strip=True) for link in links] == [
            UI[lang][key] for key in HEADER_TARGETS
        ], lang
        for link, slug in zip(links, HEADER_TARGETS.values(), strict=True):
            assert target(page, link) == (published_site / slug).resolve(), lang
            assert link.get("hreflang") == (None if lang == "de" else "de"), lang
            assert not link.has_attr("lang"), lang  # the label is in the page's language
            icon = link.select_one(".site-header__offer-icon")
            assert icon["aria-hidden"] == "true" and not icon.get_text(strip=True), lang


def test_start_pages_offer_the_site_in_leichte_sprache_and_sign_language(published_site):
    for lang in LANGUAGES:
        home = published_site / prefix(lang) / "index.html"
        section = read_html(home).select_one("section.accessible-offers")
        assert section.select_one("h2").get_text(strip=True) == UI[lang]["leichte_offers_title"], lang
        links = section.select("a.accessible-offers__link")
        assert [link.get_text(strip=True) for link in links] == [
            UI[lang]["leichte_offers_easy_read_link"],
            UI[lang]["leichte_offers_sign_language_link"],
        ], lang
        assert [target(home, link) for link in links] == [
            (published_site / "leichte-sprache" / "ueber-diese-internet-seite").resolve(),
            (published_site / "gebaerdensprache").resolve(),
        ], lang
        assert all(link.get("hreflang") == (None if lang == "de" else "de") for link in links), lang


def test_about_page_covers_what_bitv_section_4_asks_for(published_site):
    """Contents, navigation, the accessibility statement's essentials and where to find more."""
    page = read_html(published_site / "leichte-sprache" / "ueber-diese-internet-seite" / "index.html")
    headings = [heading.get_text(strip=True) for heading in page.select(".page__body h2")]
    assert headings == [
        "Was steht auf dieser Internet·seite?",
        "So finden Sie sich zurecht",
        "Ist diese Internet·seite barriere·frei?",
        "Wo finden Sie mehr Informationen?",
    ]
    text = page.select_one(".page__body").get_text(" ", strip=True)
    for needed in (
        "Menü",
        "Suche",
        "Sprachen",
        "Gebärden·sprache",
        "Schlichtungs·stelle",
        "barrierefreiheit@example.org",
    ):
        assert needed in text, needed


@pytest.mark.parametrize("name", ["leichte-sprache.svg", "gebaerdensprache.svg"])
def test_symbols_are_self_contained_drawings(name):
    svg = ElementTree.parse(ROOT / "theme" / "static" / "icons" / name).getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    source = (ROOT / "theme" / "static" / "icons" / name).read_text(encoding="utf-8")
    assert not re.search(r"href|<image|<text|@import|url\(", source)  # drawn shapes only, nothing loaded


def computed(page, selector: str) -> dict:
    return page.eval_on_selector(
        selector,
        """element => { const style = getComputedStyle(element);
            return {fontSize: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight),
                    textAlign: style.textAlign, hyphens: style.hyphens || style.webkitHyphens}; }""",
    )


def test_layout_of_a_leichte_sprache_page_in_chromium(browser, site_server):
    normal = open_page(browser, site_server + "beratung/")
    easy = open_page(browser, site_server + "leichte-sprache/beratung/")
    try:
        regular = computed(normal, ".page__body p")
        style = computed(easy, ".page__body p")
        assert style["fontSize"] > regular["fontSize"]
        assert style["lineHeight"] >= 1.5 * style["fontSize"]
        assert style["textAlign"] == "start"
        assert style["hyphens"] == "none"
        assert regular["hyphens"] != "none"  # the rule belongs to these pages only
        # one sentence per paragraph: no paragraph holds two sentences
        paragraphs = easy.eval_on_selector_all("article.page p", "nodes => nodes.map(node => node.textContent)")
        assert paragraphs and not [text for text in paragraphs if re.search(r"[.!?] +[A-ZÄÖÜ]", text)]
        # the picture stands at the start of the line, the sentences it explains beside it
        picture, sentence = easy.evaluate(
            """() => { const figure = document.querySelector('.page__body .content-image');
                const text = document.createRange(); text.selectNodeContents(figure.nextElementSibling);
                return [figure.getBoundingClientRect().toJSON(),
                        text.getBoundingClientRect().toJSON()]; }"""
        )
        assert sentence["left"] >= picture["right"] and sentence["top"] < picture["bottom"]
    finally:
        normal.context.close()
        easy.context.close()


def header_offers_fit(page, width: int) -> None:
    """No horizontal scrolling, both header links inside the window with their labels shown."""
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    boxes = page.eval_on_selector_all(
        ".site-header__offer", "nodes => nodes.map(node => node.getBoundingClientRect().toJSON())"
    )
    assert len(boxes) == 2 and all(box["left"] >= 0 and box["right"] <= width for box in boxes)
    labels = page.eval_on_selector_all(".site-header__offer-label", "nodes => nodes.map(node => node.offsetWidth)")
    assert all(label > 0 for label in labels)


@pytest.mark.parametrize("address", ["ar/", "fa/beratung/", "leichte-sprache/"])
def test_header_links_fit_320_pixels_in_both_directions(browser, site_server, address):
    page = open_page(browser, site_server + address, width=320)
    try:
        header_offers_fit(page, 320)
        # A background image may arrive just after the load event (CI saw none listed once): wait for
        # both, up to 10 s, before judging what came back.
        icons = "performance.getEntriesByType('resource').filter(entry => entry.name.includes('/theme/icons/'))"
        page.wait_for_function(f"{icons}.length >= 2", timeout=10_000)
        loaded = page.evaluate(f"{icons}.map(entry => [entry.name.split('/').pop(), entry.responseStatus])")
        assert sorted(loaded) == [["gebaerdensprache.svg", 200], ["leichte-sprache.svg", 200]]  # the symbols are drawn
    finally:
        page.context.close()


def test_header_links_grow_with_200_percent_text(browser, site_server):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(site_server + "ar/beratung/")
        normal = page.eval_on_selector(".site-header__offer-icon", "node => node.getBoundingClientRect().height")
        context.new_cdp_session(page).send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
        page.goto(site_server + "ar/beratung/")
        zoomed = page.eval_on_selector(".site-header__offer-icon", "node => node.getBoundingClientRect().height")
        assert zoomed >= 2 * normal - 0.5  # the symbol grows with the text
        header_offers_fit(page, 1280)
    finally:
        context.close()


def test_a_site_without_the_two_offers_shows_neither_links_nor_an_empty_section(tmp_path):
    """Content folders without these pages (other sites, small test sites) get no empty list or heading."""
    from conftest import build_site

    pages = tmp_path / "content" / "seiten"
    pages.mkdir(parents=True)
    summary = "Eine kurze Zusammenfassung mit genug Zeichen für die Inhaltsprüfung dieser Seite."
    for slug, title in (("startseite", "Willkommen"), ("beratung", "Beratung")):
        (pages / f"{slug}.md").write_text(
            f"Title: {title}\nSlug: {slug}\nSummary: {summary}\n\nText.\n", encoding="utf-8"
        )
    output = build_site(tmp_path / "content", "pelicanconf.py", tmp_path / "out", "-e", "SEARCH_INDEX_ENABLED=false")
    for page in (output / "index.html", output / "beratung" / "index.html", output / "en" / "index.html"):
        soup = read_html(page)
        assert soup.select_one(".site-header__nav"), page  # the header itself is there
        assert soup.select(".site-header__offers, .accessible-offers") == [], page
