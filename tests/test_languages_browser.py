"""Right to left in Chromium: an Arabic page at 320 and 1280 px, its skip link, and the search of each language."""

import tomllib

import pytest
from playwright.sync_api import expect

from conftest import ROOT, open_page

UI = tomllib.loads((ROOT / "theme" / "ui_strings.toml").read_text(encoding="utf-8"))
ARABIC_PAGE = "ar/beratung/"


# The right edge of an element and of its container's content box (padding excluded).
EDGES = """(selector) => {
  const element = document.querySelector(selector);
  const inner = document.querySelector('.site-header__inner');
  const box = inner.getBoundingClientRect();
  const style = getComputedStyle(inner);
  const rect = element.getBoundingClientRect();
  return {
    right: rect.right, left: rect.left,
    contentRight: box.right - parseFloat(style.paddingRight),
    contentLeft: box.left + parseFloat(style.paddingLeft),
  };
}"""


@pytest.mark.parametrize("width", [320, 1280])
def test_arabic_page_is_mirrored_without_horizontal_scrolling(browser, site_server, width):
    page = open_page(browser, site_server + ARABIC_PAGE, width=width)
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    for first in (
        ".site-header__inner > :first-child",
        ".language-switcher__item:first-child a",
        ".site-header__brand",
    ):
        edges = page.evaluate(EDGES, first)
        assert abs(edges["right"] - edges["contentRight"]) <= 1, (first, edges)  # starts at the right edge
    for first in (".language-switcher__item:first-child a", ".site-header__brand"):
        edges = page.evaluate(EDGES, first)
        assert edges["left"] > edges["contentLeft"] + 1, (first, edges)  # and does not reach the left one
    assert all(address.startswith(site_server) for address in page.requests), "nothing from another origin"
    page.context.close()


def test_german_page_keeps_its_header_at_the_left_edge(browser, site_server):
    page = open_page(browser, site_server + "beratung/")
    edges = page.evaluate(EDGES, ".site-header__brand")
    assert abs(edges["left"] - edges["contentLeft"]) <= 1, edges
    page.context.close()


def test_arabic_skip_link_is_the_first_stop_shows_and_moves_to_main(browser, site_server):
    page = open_page(browser, site_server + ARABIC_PAGE, width=320)
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.textContent.trim(), document.activeElement.getAttribute('href')]")
    assert focused == [UI["ar"]["skip_link"], "#inhalt"]
    assert page.evaluate("getComputedStyle(document.activeElement).transform") == "none", "visible when focused"
    rect = page.evaluate(
        "(() => { const r = document.activeElement.getBoundingClientRect(); return [r.top, r.right]; })()"
    )
    assert rect[0] >= 0 and abs(rect[1] - 320) <= 1, "at the top right, where an Arabic page starts"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#inhalt"
    assert page.evaluate("document.activeElement.id") == "inhalt"
    page.context.close()


def test_breadcrumb_separator_points_along_the_reading_direction(browser, site_server):
    separator = "getComputedStyle(document.querySelector('.breadcrumb__item + .breadcrumb__item'), '::before').content"
    arabic = open_page(browser, site_server + ARABIC_PAGE)
    german = open_page(browser, site_server + "beratung/")
    assert arabic.evaluate(separator) == '"‹"'
    assert german.evaluate(separator) == '"›"'
    arabic.context.close()
    german.context.close()


def result_addresses(page):
    expect(page.locator(".pagefind-ui__result-link").first).to_be_visible()
    return page.locator(".pagefind-ui__result-link").evaluate_all("links => links.map(link => link.href)")


@pytest.mark.parametrize(("address", "markers"), [(ARABIC_PAGE, "arabic-indic"), ("fa/beratung/", "persian")])
def test_numbered_lists_count_in_the_digits_of_the_text(browser, site_server, address, markers):
    page = open_page(browser, site_server + address)
    styles = page.evaluate(
        """() => ({
            text: getComputedStyle(document.querySelector("main ol")).listStyleType,
            breadcrumb: getComputedStyle(document.querySelector(".breadcrumb__list")).listStyleType,
        })"""
    )
    page.context.close()
    assert styles == {"text": markers, "breadcrumb": "none"}


def test_each_language_searches_its_own_pages(browser, site_server):
    # "تاندم" (tandem) occurs on the Arabic pages only; the German search does not know it.
    arabic = open_page(browser, site_server + "ar/suche/?q=تاندم")
    addresses = result_addresses(arabic)
    assert addresses and all(address.startswith(site_server + "ar/") for address in addresses), addresses
    assert arabic.locator("[data-search-no-script]").is_hidden()
    assert (
        arabic.locator(".pagefind-ui__search-input").get_attribute("placeholder") != "Suche"
    )  # Pagefind speaks Arabic
    arabic.context.close()
    english = open_page(browser, site_server + "en/")
    english.locator("form.site-search input[type=search]").fill("tandem")
    english.locator("form.site-search button").click()
    english.wait_for_url("**/en/suche/?q=tandem")
    addresses = result_addresses(english)
    assert addresses and all(address.startswith(site_server + "en/") for address in addresses), addresses
    english.context.close()
    german = open_page(browser, site_server + "suche/?q=تاندم")
    expect(german.locator(".pagefind-ui__message")).to_be_visible()
    assert german.locator(".pagefind-ui__result-link").count() == 0
    german.context.close()
