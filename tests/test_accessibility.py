"""axe-core in headless Chromium on every published page, and what readers need at 320 px and 200 % text size."""

import asyncio
import threading

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import FIXTURES, build_site, open_page, read_html, serve_folder
from content_index import content_items
from pelicanconf import SITE_LANGUAGES

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

FIRST_ARTICLE = next(
    i for i in content_items() if i.kind == "article" and i.status == "published" and "image" in i.metadata
)
RELEASE = next(
    i for i in content_items() if i.metadata.get("category") == "Pressemitteilungen" and "publisher" in i.metadata
)
TEMPLATE_PAGES = {
    "home": "",
    "home, page 2": "seite/2/",
    "article with image": FIRST_ARTICLE.url,
    "press release": RELEASE.url,
    "news overview": "aktuelles/",
    "category": "aktuelles/pressemitteilungen/",
    "topics": "themen/",
    "tag": "themen/integration/",
    "page": "wer-wir-sind/",
    "projects overview": "projekte/",
    "project Sprachtandem": "sprachtandem/",
    "project Fairtrade-Stadt": "fairtrade-stadt/",
    "project Kepol": "kepol/",
    "Beirat": "beirat/",
    "Grundlagen": "grundlagen/",
    "Impressum": "impressum/",
    "Datenschutz": "datenschutz/",
    "Barrierefreiheit": "barrierefreiheit/",
    "Leichte Sprache": "leichte-sprache/",
    "not found": "404.html",
    "search": "suche/",
    # The office's everyday business (issue 12), in German and in a right-to-left language.
    "Termine": "termine/",
    "event (weekly series)": "sprechstunde-integrationsberatung/",
    "cancelled event": "interkulturelle-woche-2028-kochabend/",
    "session with minutes": "beirat-sitzung-2026-03-12/",
    "documents": "dokumente/",
    "Termine, Arabic": "ar/termine/",
    "event, Arabic": "ar/sprechstunde-integrationsberatung/",
    "cancelled event, Arabic": "ar/interkulturelle-woche-2028-kochabend/",
    "session, Arabic": "ar/ag-bildung-sprache-sitzung-2028-02-17/",
    "documents, Arabic": "ar/dokumente/",
}


def test_every_template_is_among_the_published_pages(published_site):
    for name, address in TEMPLATE_PAGES.items():
        target = published_site / address
        assert (target / "index.html" if address.endswith("/") or not address else target).is_file(), name


# Options of every axe run: WCAG 2.0/2.1 A and AA rules; details only for violations (passes are
# still listed, one node each), which makes a run about a fifth faster.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]}
# Pages checked at the same time: Chromium renders each in its own process, so two keep both cores busy.
AXE_WORKERS = 2


PHONE = {"width": 320, "height": 800}
DESKTOP = {"width": 1280, "height": 800}
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def axe_every_page(site, base: str, addresses: list[str]) -> tuple[dict, dict, list[str], list, dict]:
    """axe-core on each address at 1280 px, then the same page narrowed to 320 px, in a fresh asyncio loop
    of its own thread (the sync `browser` fixture owns this thread's loop): {address: violations},
    {address: number of rules passed}, every request, cookies, {address: px of horizontal scrolling at 320}."""
    from playwright.async_api import async_playwright

    from conftest import CHROMIUM, CHROMIUM_ARGS

    outcome = {}

    async def run() -> None:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = await browser.new_context(viewport=DESKTOP)
            await context.add_init_script(Axe().axe_script)
            requests, violations, passed, overflowing = [], {}, {}, {}
            context.on("request", lambda request: requests.append(request.url))
            queue = list(addresses)

            async def worker() -> None:
                page = await context.new_page()
                while queue:
                    address = queue.pop(0)
                    await page.goto(base + address, wait_until="load")
                    response = await page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
                    passed[address] = len(response["passes"])
                    if response["violations"]:
                        violations[address] = [
                            (rule["id"], [node["target"] for node in rule["nodes"]]) for rule in response["violations"]
                        ]
                    # Narrowing the window lays the page out again as on a phone, without loading it again.
                    await page.set_viewport_size(PHONE)
                    if (overflow := await page.evaluate(OVERFLOW)) > 0:
                        overflowing[address] = overflow
                    await page.set_viewport_size(DESKTOP)

            await asyncio.gather(*(worker() for _ in range(AXE_WORKERS)))
            outcome.update(
                violations=violations,
                passed=passed,
                requests=requests,
                cookies=await context.cookies(),
                overflowing=overflowing,
            )
            await browser.close()

    thread = threading.Thread(target=lambda: asyncio.run(run()))
    thread.start()
    thread.join()
    return outcome["violations"], outcome["passed"], outcome["requests"], outcome["cookies"], outcome["overflowing"]


def test_axe_finds_no_wcag_aa_violation_on_any_published_page(site_server, published_site):
    """Every HTML file of the build: axe-core rules for WCAG 2.0/2.1 A and AA, requests and cookies; and
    no page scrolls sideways in a 320 px window (WCAG 1.4.10 Reflow)."""
    pages = sorted(published_site.rglob("*.html"))
    addresses = [html.relative_to(published_site).as_posix().removesuffix("index.html") for html in pages]
    violations, passed, requests, cookies, overflowing = axe_every_page(published_site, site_server, addresses)
    assert len(pages) >= 40
    assert sorted(passed) == sorted(addresses), "axe ran on every page"
    assert [address for address, count in passed.items() if count == 0] == [], "axe ran no rule there"
    assert violations == {}
    assert overflowing == {}
    assert [url for url in requests if not url.startswith(site_server)] == []
    assert cookies == []


# Loaded at 320 px from the start (the axe run above narrows every page after loading it at 1280 px).
@pytest.mark.parametrize("name", ["home", "article with image", "Beirat", "search", "Termine, Arabic"])
def test_usable_at_320_px_without_horizontal_scrolling(browser, site_server, name):
    page = open_page(browser, site_server + TEMPLATE_PAGES[name], width=320)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    page.context.close()


def test_no_page_scrolls_sideways_at_320_px_with_200_percent_text(browser, site_server):
    """Beyond WCAG's reflow (320 px at normal text): a phone whose reader doubled the text size. Long German
    words, dates, e-mail addresses and file types wrap instead of pushing the page sideways."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_server, wait_until="load")
    context.new_cdp_session(page).send(
        "Page.setFontSizes", {"fontSizes": {"standard": 2 * DEFAULT_FONT_SIZE, "fixed": 2 * 13}}
    )
    overflowing = {}
    for name, address in TEMPLATE_PAGES.items():
        page.goto(site_server + address, wait_until="load")
        size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        assert size == 2 * DEFAULT_FONT_SIZE * 1.0625, f"{name}: the text is not at 200 %"
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            overflowing[name] = overflow
    assert overflowing == {}
    context.close()


def test_skip_link_is_the_first_focus_stop_and_moves_to_main(browser, site_server):
    page = open_page(browser, site_server + TEMPLATE_PAGES["page"])
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.textContent.trim(), document.activeElement.getAttribute('href')]")
    assert focused == ["Zum Inhalt springen", "#inhalt"]
    assert page.evaluate("getComputedStyle(document.activeElement).transform") == "none", "visible when focused"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#inhalt"
    page.context.close()


def test_focus_is_visible(browser, site_server):
    page = open_page(browser, site_server + TEMPLATE_PAGES["page"])
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; })()"
    )
    assert style[0] != "none" and style[1] != "0px"
    page.context.close()


def test_print_style_hides_navigation_and_keeps_the_content(browser, site_server):
    page = open_page(browser, site_server + TEMPLATE_PAGES["article with image"])
    page.emulate_media(media="print")
    assert not page.locator(".site-header__nav").is_visible()
    assert not page.locator(".breadcrumb").is_visible()
    assert page.locator(".article__body").is_visible()
    page.context.close()


def test_pages_read_without_javascript(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server + FIRST_ARTICLE.url)
    assert page.locator("h1").inner_text() == FIRST_ARTICLE.title
    assert page.locator(".article__body p").first.is_visible()
    context.close()


def test_published_pages_carry_a_strict_content_security_policy(published_site):
    for html in [published_site / "index.html", published_site / "sprachtandem" / "index.html"]:
        policy = read_html(html).find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy
        assert "unsafe-inline" not in policy


# Pages that may load JavaScript: only the search page (Pagefind). JSON-LD blocks are data, not code.
# The search page of every language (German at /suche/, the others at /en/suche/ …).
PAGES_WITH_SCRIPT = {"suche/index.html"} | {f"{code}/suche/index.html" for code in SITE_LANGUAGES if code != "de"}


def test_no_script_is_shipped_outside_the_search_page(published_site):
    for html in published_site.rglob("*.html"):
        scripts = read_html(html).find_all("script")
        code = [script for script in scripts if script.get("type") != "application/ld+json"]
        if html.relative_to(published_site).as_posix() not in PAGES_WITH_SCRIPT:
            assert code == [], html


# Text zoom: the browser's own default font size (Chromium's "font size" setting) doubled from 16 to 32 px,
# at a 1280 px window; text set in rem or em must follow it, text in px would not.
DEFAULT_FONT_SIZE = 16
TEXT_ZOOM_PAGES = {
    "home": "",
    "article with image": FIRST_ARTICLE.url,
    "press release": RELEASE.url,
    "news overview": "aktuelles/",
    "page": "wer-wir-sind/",
    "Beirat": "beirat/",
    "not found": "404.html",
    "search with results": "suche/?q=Integration",
    "event": "sprechstunde-integrationsberatung/",
    "Termine, Arabic": "ar/termine/",
}
# Body text, navigation and (on the search page) Pagefind's results: each must reach twice its size.
BODY_TEXT = ["body", "main p", ".site-header__nav a", ".breadcrumb a", ".pagefind-ui__result-excerpt"]
FONT_SIZES = "(selectors) => selectors.map(s => document.querySelector(s)).map(e => e && parseFloat(getComputedStyle(e).fontSize))"
# Visible elements whose text is cut off: overflow hidden/clip with more content than room, an ellipsis,
# or headings, links, paragraphs and controls reaching past the window's edges.
CLIPPED_TEXT = """() => {
  const found = [];
  const name = (el) => el.tagName.toLowerCase() + (typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\\s+/).join(".") : "");
  const hides = (value) => value === "hidden" || value === "clip";
  const width = document.documentElement.clientWidth;
  for (const el of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (style.display === "none" || style.visibility === "hidden" || (box.width <= 1 && box.height <= 1)) continue;
    if (hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1) found.push("cut off at the side: " + name(el));
    if (hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1) found.push("cut off below: " + name(el));
    if (style.textOverflow === "ellipsis" && el.scrollWidth > el.clientWidth) found.push("ellipsis: " + name(el));
    if (el.matches("h1, h2, h3, h4, p, li, a, label, button, input, figcaption, th, td")
        && box.width > 0 && (box.left < -1 || box.right > width + 1)) found.push("outside the window: " + name(el));
  }
  return found;
}"""


def zoomed_page(browser, site_server, address):
    """The page at 1280 px with normal text, its body text sizes, then the same page at 200 % text size."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    results = "?q=" in address

    def load():
        page.goto(site_server + address, wait_until="load")
        if results:
            page.wait_for_selector(".pagefind-ui__result-excerpt")

    load()
    normal = page.evaluate(FONT_SIZES, BODY_TEXT)
    context.new_cdp_session(page).send(
        "Page.setFontSizes", {"fontSizes": {"standard": 2 * DEFAULT_FONT_SIZE, "fixed": 2 * 13}}
    )
    load()
    return page, normal


@pytest.mark.parametrize("name", sorted(TEXT_ZOOM_PAGES))
def test_text_zoom_to_200_percent_enlarges_text_without_scrolling_or_clipping(browser, site_server, name):
    page, normal = zoomed_page(browser, site_server, TEXT_ZOOM_PAGES[name])
    zoomed = page.evaluate(FONT_SIZES, BODY_TEXT)
    assert normal[0] == DEFAULT_FONT_SIZE * 1.0625  # the theme's body size, in rem: 17 px
    sizes = zip(BODY_TEXT, normal, zoomed, strict=True)
    grown = {selector: (before, after) for selector, before, after in sizes if before}
    assert {selector: sizes for selector, sizes in grown.items() if sizes[1] < 2 * sizes[0] - 0.01} == {}
    if name == "search with results":
        assert ".pagefind-ui__result-excerpt" in grown
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    assert page.evaluate(CLIPPED_TEXT) == []
    page.context.close()


def test_clipped_text_is_noticed(browser, site_server):
    """The clipping check sees a heading squeezed into a box too small for it, and text pushed off the window."""
    page, _ = zoomed_page(browser, site_server, TEXT_ZOOM_PAGES["page"])
    page.evaluate(
        "document.querySelector('h1').style.cssText = 'overflow: hidden; white-space: nowrap; inline-size: 5em';"
        "document.querySelector('main p').style.cssText = 'position: relative; inset-inline-start: 2000px'"
    )
    clipped = page.evaluate(CLIPPED_TEXT)
    assert [entry for entry in clipped if entry.startswith("cut off at the side: h1")]
    assert [entry for entry in clipped if entry.startswith("outside the window: p")]
    page.context.close()


def test_reduced_motion_is_respected(browser, site_server):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(site_server)
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    context.close()


PREVIEW_BANNER_PAGES = {
    "content problems": "aktuelles/2024/artikel-mit-schlechten-linktexten/",
    "draft with problems": "entwuerfe/entwurf-mit-problemen/",
    "embargo": "aktuelles/2099/pressemitteilung-mit-sperrfrist/",
}


@pytest.fixture(scope="module")
def preview_with_banners(tmp_path_factory):
    """A development build whose pages carry the preview-only banners, served on 127.0.0.1."""
    output = build_site(FIXTURES / "content_checks", "pelicanconf.py", tmp_path_factory.mktemp("banner"))
    with serve_folder(output) as address:
        yield output, address


@pytest.mark.parametrize("name", sorted(PREVIEW_BANNER_PAGES))
def test_preview_banners_pass_axe_and_the_nu_checker(browser, preview_with_banners, name):
    from quality.nu_checker import nu_checker_errors

    output, server = preview_with_banners
    address = PREVIEW_BANNER_PAGES[name]
    banner = read_html(output / address / "index.html").select_one(".content-problems, .status-banner")
    assert banner is not None, name
    page = open_page(browser, server + address)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    assert results.response["violations"] == [], results.generate_report()
    page.context.close()
    assert nu_checker_errors(output / address) == []
