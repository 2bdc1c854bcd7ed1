"""Site search with Pagefind: the index built inside the build, the search page in Chromium, the gates."""

import gzip
import json
import logging
import subprocess
import sys
from types import SimpleNamespace

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from test_accessibility import WCAG_AA
from test_publication_states import CONTENT as PUBLICATION_STATES
from test_publication_states import OWN_NAMES_ALLOWED, SECRETS

from conftest import ROOT, build_site, read_html
from content_index import CONTENT

# A word from the body (not the title) of one demo article; the first test keeps that true.
UNIQUE_WORD = "Trommelensembles"
UNIQUE_ARTICLE = "aktuelles/2022/kepol-solarprojekt-partnergemeinde-ruanda/"
SEARCH_PAGE = "suche/"
# One link per result page (sub-results, the sections of a page, have links of their own).
RESULT_LINK = ".pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link"

# Records Content Security Policy violations from the first moment of every page.
RECORD_CSP_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def pagefind_files(site):
    """Every file of the search bundle as text; the index files are gzip-compressed ("pagefind_dcd" + data)."""
    texts = {}
    for path in sorted((site / "pagefind").rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        texts[path.relative_to(site).as_posix()] = data.decode("utf-8", errors="replace")
    return texts


def indexed_pages(site):
    """The record Pagefind keeps of each indexed page (URL, title, filters, text), by URL."""
    fragments = {}
    for name, text in pagefind_files(site).items():
        if name.endswith(".pf_fragment"):
            assert text.startswith("pagefind_dcd{"), name  # the format read here, as Pagefind 1.5 writes it
            fragment = json.loads(text.removeprefix("pagefind_dcd"))
            fragments[fragment["url"]] = fragment
    return fragments


def watched_page(browser, width=1280):
    """A fresh page that records requests, console errors and CSP violations."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    page.requests, page.console_errors = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    return page


def result_addresses(page, server):
    page.wait_for_selector(RESULT_LINK)
    return [
        server + href.lstrip("/")
        for href in page.locator(RESULT_LINK).evaluate_all("l => l.map(a => a.getAttribute('href'))")
    ]


def assert_clean(page, server):
    """Nothing from another origin, no CSP violation, no script error, no cookies."""
    assert [url for url in page.requests if not url.startswith(server)] == []
    assert page.evaluate("window.cspViolations") == []
    assert page.console_errors == []
    assert page.context.cookies() == []


def test_the_search_word_occurs_in_one_demo_file_only():
    files = [path for path in CONTENT.rglob("*.md") if UNIQUE_WORD.lower() in path.read_text(encoding="utf-8").lower()]
    assert [path.relative_to(CONTENT).as_posix() for path in files] == [
        "artikel/2022-11-08-kepol-solarprojekt-partnergemeinde-ruanda.md"
    ]


def test_typing_a_word_finds_the_one_article_that_contains_it(browser, site_server):
    page = watched_page(browser)
    page.goto(site_server + SEARCH_PAGE, wait_until="load")
    field = page.locator(".pagefind-ui__search-input")
    assert field.get_attribute("placeholder") == "Suche"  # Pagefind's German texts, from <html lang="de">
    field.press_sequentially(UNIQUE_WORD)
    expect(page.locator(".pagefind-ui__message")).to_have_text(f"1 Ergebnis für {UNIQUE_WORD}")
    assert result_addresses(page, site_server) == [site_server + UNIQUE_ARTICLE]
    assert "Rubrik" in page.locator(".pagefind-ui__filter-name").all_inner_texts()
    assert page.locator("[data-search-no-script]").is_hidden()
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    assert results.response["violations"] == [], results.generate_report()
    assert_clean(page, site_server)
    page.context.close()


def test_header_search_field_leads_to_the_results_at_320_px(browser, site_server):
    page = watched_page(browser, width=320)
    page.goto(site_server + "aktuelles/", wait_until="load")
    page.get_by_role("searchbox", name="Website durchsuchen").fill("trommelensembles")
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_url(f"**/{SEARCH_PAGE}?q=trommelensembles")
    assert site_server + UNIQUE_ARTICLE in result_addresses(page, site_server)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    assert_clean(page, site_server)
    page.context.close()


def test_header_search_field_is_not_printed(browser, site_server):
    page = watched_page(browser)
    page.goto(site_server + UNIQUE_ARTICLE, wait_until="load")
    assert page.locator(".site-search").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".site-search").is_visible()
    page.context.close()


def test_search_page_without_javascript_says_so_and_links_the_site_index(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server + SEARCH_PAGE)
    note = page.locator("[data-search-no-script]")
    assert note.is_visible()
    assert note.inner_text().startswith("Die Suche braucht JavaScript")
    link = note.get_by_role("link", name="Inhaltsübersicht")
    assert link.evaluate("a => a.href") == site_server + "inhaltsuebersicht/"
    assert page.locator(".pagefind-ui").count() == 0
    context.close()


def test_search_page_passes_the_nu_html_checker(published_site):
    from quality.nu_checker import nu_checker_errors

    assert nu_checker_errors(published_site / "suche") == []


def test_scripts_load_on_the_search_page_only(published_site):
    search_page = read_html(published_site / "suche" / "index.html")
    sources = [s.get("src") for s in search_page.find_all("script") if s.get("type") != "application/ld+json"]
    assert sources == ["../pagefind/pagefind-ui.js", "../theme/js/suche.js"]
    article = read_html(published_site / UNIQUE_ARTICLE / "index.html")
    assert [s for s in article.find_all("script") if s.get("type") != "application/ld+json"] == []
    assert article.find("link", href=lambda href: href and "pagefind" in href) is None


def test_only_articles_and_pages_are_indexed_with_their_main_content(published_site):
    pages = indexed_pages(published_site)
    marked = {
        "/" + html.relative_to(published_site).as_posix().removesuffix("index.html")
        for html in published_site.rglob("*.html")
        if read_html(html).find(attrs={"data-pagefind-body": True})
    }
    assert set(pages) == marked
    assert len(pages) >= 30
    assert not {"/", "/aktuelles/", "/themen/", "/suche/", "/inhaltsuebersicht/", "/404.html"} & set(pages)
    article = pages["/" + UNIQUE_ARTICLE]
    assert article["meta"]["title"] == "Kommunale Entwicklungspolitik: Solarstrom für die Partnerschule in Ruanda"
    assert article["filters"] == {"Rubrik": ["Meldungen"]}
    assert pages["/beirat/"]["filters"] == {"Rubrik": ["Seiten"]}
    for fragment in pages.values():
        assert "Hauptnavigation" not in fragment["content"] and "Barriere melden" not in fragment["content"]


def test_teasers_are_not_indexed(published_site):
    """„Auch interessant“, the topic news on pages and the topic links on articles: not the item's own text."""
    checked = 0
    for url, fragment in indexed_pages(published_site).items():
        html = read_html(published_site / url.lstrip("/") / "index.html")
        body = html.select_one(".article__body, .page__body").get_text(" ")
        for link in html.select(".auch-interessant__link, .topic-news a, .topic-link__link"):
            title = link.get_text(strip=True)
            if title not in body and title not in fragment["meta"]["title"]:
                assert title not in fragment["content"], (url, title)
                checked += 1
    assert checked >= 20


@pytest.mark.parametrize("settings", ["publishconf.py", "pelicanconf.py"])
def test_drafts_hidden_and_embargoed_items_are_never_indexed(tmp_path, settings):
    """The preview writes them (with banners), the published build does not; neither indexes them."""
    site = build_site(PUBLICATION_STATES, settings, tmp_path / "site", *OWN_NAMES_ALLOWED)
    assert set(indexed_pages(site)) == {"/aktuelles/2024/veroeffentlichte-meldung/"}
    files = pagefind_files(site)
    assert any("Veröffentlichte Meldung" in text for text in files.values())  # the decompression works
    for secret in SECRETS:
        for name, text in files.items():
            assert secret not in text and secret.lower() not in text.lower(), (secret, name)


def test_a_failing_pagefind_is_reported_in_german(monkeypatch, caplog, tmp_path):
    from search_index import plugin

    def fail(command, **kwargs):
        return subprocess.CompletedProcess(command, 1, stdout="", stderr="Error: kein HTML gefunden")

    monkeypatch.setattr(plugin.subprocess, "run", fail)
    site = SimpleNamespace(settings={}, output_path=str(tmp_path))
    with caplog.at_level(logging.ERROR):
        plugin.build_search_index(site)
    assert "Suchindex: Pagefind ist beim Indexieren von" in caplog.text
    assert "kein HTML gefunden" in caplog.text


def test_the_index_can_be_switched_off(monkeypatch, tmp_path):
    from search_index import plugin

    monkeypatch.setattr(plugin.subprocess, "run", lambda *args, **kwargs: pytest.fail("Pagefind ran"))
    plugin.build_search_index(SimpleNamespace(settings={"SEARCH_INDEX_ENABLED": False}, output_path=str(tmp_path)))


def test_a_failing_pagefind_fails_the_strict_build(tmp_path):
    """The strict check of build_messages runs after the search index, so it counts its error."""
    failing_build = (
        "import sys; sys.path.insert(0, 'plugins'); from search_index import plugin; "
        "plugin.pagefind_command = lambda output: [sys.executable, '-c', 'raise SystemExit(\"Error: kaputt\")']; "
        "from pelican import main; main(sys.argv[1:])"
    )
    result = subprocess.run(
        [sys.executable, "-c", failing_build, str(PUBLICATION_STATES), "-s", "publishconf.py", "-o", str(tmp_path)]
        + ["--log-handler", "plain", *OWN_NAMES_ALLOWED],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    messages = result.stdout + result.stderr
    assert result.returncode == 1, messages
    assert "Suchindex: Pagefind ist beim Indexieren" in messages and "Error: kaputt" in messages
    assert "Abgebrochen: 1 Warnung(en) oder Fehler" in messages
