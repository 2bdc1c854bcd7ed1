"""The site in its readers' languages: German addresses unchanged, lang/dir, UI texts, hreflang, feeds, search."""

import json
import re
import tomllib
from pathlib import Path

from bs4 import BeautifulSoup

import pelicanconf
from conftest import FIXTURES, ROOT, read_html

LANGUAGES = pelicanconf.SITE_LANGUAGES
OTHER_LANGUAGES = [code for code in LANGUAGES if code != pelicanconf.DEFAULT_LANG]
LANG_PREFIX = re.compile(rf"^({'|'.join(OTHER_LANGUAGES)})/")


def html_files(site: Path) -> list[str]:
    """Every written HTML file, relative to the site root, sorted."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def page_language(relative: str) -> str:
    """The language a file belongs to by its address: /<code>/… or German."""
    match = LANG_PREFIX.match(relative)
    return match.group(1) if match else pelicanconf.DEFAULT_LANG


def test_german_addresses_are_those_from_before_the_translations(published_site):
    recorded = (FIXTURES / "german_urls.txt").read_text(encoding="utf-8").split()
    german = [path for path in html_files(published_site) if page_language(path) == "de"]
    assert german == recorded


def test_one_language_list_feeds_content_checks_and_structured_data():
    assert list(LANGUAGES)[0] == pelicanconf.DEFAULT_LANG
    assert list(LANGUAGES) == pelicanconf.CONTENT_CHECKS_LANGUAGES
    assert list(LANGUAGES) == pelicanconf.STRUCTURED_DATA_LANGUAGES
    assert {code for code, language in LANGUAGES.items() if language["direction"] == "rtl"} == {"ar", "fa"}


def test_every_page_says_its_language_and_direction(published_site):
    for relative in html_files(published_site):
        html = read_html(published_site / relative).html
        lang = page_language(relative)
        assert html["lang"] == lang, relative
        assert html["dir"] == LANGUAGES[lang]["direction"], relative


def test_every_language_has_a_start_page_and_a_search_page(published_site):
    for lang in OTHER_LANGUAGES:
        for relative in (f"{lang}/index.html", f"{lang}/suche/index.html"):
            html = read_html(published_site / relative).html
            assert html["lang"] == lang


PUBLIC = "https://vielfalt.example.org"  # publishconf.py's SITE_PUBLIC_URL
UI = tomllib.loads((ROOT / "theme" / "ui_strings.toml").read_text(encoding="utf-8"))


def alternates(soup) -> dict:
    return {link["hreflang"]: link["href"] for link in soup.select("link[rel=alternate][hreflang]:not([type])")}


def file_of(address: str, site: Path) -> Path:
    """The written file behind a public address of the site."""
    assert address.startswith(PUBLIC + "/"), address
    path = address.removeprefix(PUBLIC + "/")
    return site / path / "index.html" if path.endswith("/") or not path else site / path


def test_hreflang_alternates_are_reciprocal_over_the_whole_site(published_site):
    clusters = 0
    for page in html_files(published_site):
        soup = read_html(published_site / page)
        links = alternates(soup)
        if not links:
            continue
        clusters += 1
        lang = soup.html["lang"]
        assert file_of(links[lang], published_site) == published_site / page, page  # names itself
        assert links["x-default"] == links["de"], page
        for code, address in links.items():
            target = file_of(address, published_site)
            assert target.is_file(), (page, address)
            if code != "x-default":
                back = read_html(target)
                assert back.html["lang"] == code, (page, address)
                assert alternates(back) == links, (page, address)  # the same set, from every member
    assert clusters >= 5 * 8 + 6 * 2  # translated pages, their originals, start and search pages


def test_open_graph_locale_and_alternates(published_site):
    soup = read_html(published_site / "ar" / "beratung" / "index.html")
    assert soup.select_one('meta[property="og:locale"]')["content"] == "ar_AR"
    alternate = {meta["content"] for meta in soup.select('meta[property="og:locale:alternate"]')}
    assert alternate == {language["og_locale"] for code, language in LANGUAGES.items() if code != "ar"}
    german = read_html(published_site / "grundlagen" / "index.html")
    assert german.select_one('meta[property="og:locale"]')["content"] == "de_DE"
    assert not german.select('meta[property="og:locale:alternate"]')


def json_ld(soup) -> list[dict]:
    return [json.loads(script.string) for script in soup.select('script[type="application/ld+json"]')]


def test_structured_data_names_the_language(published_site):
    for lang in OTHER_LANGUAGES:
        page = read_html(published_site / lang / "beratung" / "index.html")
        (web_page,) = [block for block in json_ld(page) if block["@type"] == "WebPage"]
        assert web_page["inLanguage"] == lang
        assert web_page["url"] == f"{PUBLIC}/{lang}/beratung/"
    article = read_html(
        published_site / "en" / "aktuelles" / "2022" / "wohnraum-fuer-gefluechtete-gesucht" / "index.html"
    )
    (news,) = [block for block in json_ld(article) if block["@type"] == "NewsArticle"]
    assert news["inLanguage"] == "en"
    (trail,) = [block for block in json_ld(article) if block["@type"] == "BreadcrumbList"]
    assert trail["itemListElement"][0] == {
        "@type": "ListItem",
        "position": 1,
        "name": UI["en"]["home"],
        "item": f"{PUBLIC}/en/",
    }


def test_pages_announce_the_feeds_of_their_language(published_site):
    announced = set()
    for page in html_files(published_site):
        soup = read_html(published_site / page)
        lang = soup.html["lang"]
        feeds = soup.select('link[rel=alternate][type$="+xml"]')
        for feed in feeds:
            assert file_of(feed["href"], published_site).is_file(), (page, feed["href"])
        if lang == "de":
            assert feeds and all("hreflang" not in feed.attrs for feed in feeds), page
            continue
        # A language's feeds exist once it has an article; its pages announce them, and no German ones.
        has_feed = (published_site / "feeds" / f"{lang}.atom.xml").is_file()
        assert len(feeds) == (2 if has_feed else 0), page
        for feed in feeds:
            assert feed["hreflang"] == lang and f"/feeds/{lang}." in feed["href"], (page, feed["href"])
            announced.add(lang)
    assert {"en", "ar", "uk"} <= announced


def test_dates_are_written_in_the_pages_language(published_site):
    expected = {
        "en": "15 March 2022",
        "ar": "١٥ آذار ٢٠٢٢",
        "uk": "15 березня 2022\u202fр.",  # CLDR: a narrow no-break space before "р." (рік)
    }
    for lang, text in expected.items():
        page = published_site / lang / "aktuelles" / "2022" / "wohnraum-fuer-gefluechtete-gesucht" / "index.html"
        time = read_html(page).select_one(".article__meta time")
        assert time["datetime"] == "2022-03-15"
        assert time.get_text(strip=True) == text


# Names, which translations may quote in German: the office, the town, the Sprachtandem project.
NAMES = {"site_name", "town_name", "document_topic_sprachtandem"}


def ui_patterns(lang: str) -> list[re.Pattern]:
    """The German UI texts that differ from `lang`'s, as patterns for whole texts (placeholders: anything)."""
    patterns = []
    for key, german in UI["de"].items():
        if UI[lang].get(key) == german or key in NAMES:
            continue  # the same in both, or a name (the office's name is also its Publisher line)
        parts = re.split(r"\{\w+\}", german)
        if not any(char.isalpha() for part in parts for char in part):
            continue  # "{date}, {time}": only punctuation, which says nothing about the language
        patterns.append(re.compile(".*".join(re.escape(part.strip()) for part in parts).strip()))
    return patterns


def visible_ui_texts(soup, lang: str):
    """Text nodes and labels of a page that are in the page's language (not inside an element marked otherwise).

    Not the author's own text (the body): a translation may quote a German name or term in it, „(Leichte Sprache)“.
    """
    for node in soup.find_all(string=True):
        if node.parent.name in ("script", "style") or not node.strip():
            continue
        if node.find_parent(class_=["article__body", "page__body", "home-intro__text"]) is not None:
            continue
        marked = node.find_parent(attrs={"lang": True})
        if marked is not None and marked["lang"] != lang:
            continue
        yield node.strip()
    for element in soup.select("[aria-label], [title], [placeholder]"):
        marked = element if element.has_attr("lang") else element.find_parent(attrs={"lang": True})
        if marked is not None and marked["lang"] != lang:
            continue
        for name in ("aria-label", "title", "placeholder"):
            if element.has_attr(name):
                yield element[name]


def test_no_german_ui_text_on_a_page_in_another_language(published_site):
    checked = 0
    for page in html_files(published_site):
        lang = page_language(page)
        if lang == "de":
            continue
        patterns = ui_patterns(lang)
        for text in visible_ui_texts(read_html(published_site / page), lang):
            for pattern in patterns:
                assert not pattern.fullmatch(text.strip(" ()·:")), (page, text)
        checked += 1
    assert checked >= len(OTHER_LANGUAGES) * 10


def test_the_test_finds_german_ui_text():
    soup = BeautifulSoup(
        '<html lang="en"><nav aria-label="Hauptnavigation"><a>Nach oben</a></nav></html>', "html.parser"
    )
    found = [text for text in visible_ui_texts(soup, "en") if any(p.fullmatch(text) for p in ui_patterns("en"))]
    assert found == ["Nach oben", "Hauptnavigation"]


def test_links_to_german_pages_say_so_on_other_pages(published_site):
    soup = read_html(published_site / "tr" / "beirat" / "index.html")
    nav = {link["href"]: link for link in soup.select(".site-header__nav a")}
    german = [link for link in nav.values() if link.get("hreflang") == "de"]
    assert german, "Projekte and Grundlagen have no Turkish version"
    for link in german:
        assert link.select_one(".in-german").get_text(strip=True) == f"({UI['tr']['in_german']})"
    translated = [link for link in nav.values() if not link.get("hreflang")]
    assert {link.get_text(strip=True) for link in translated} >= {
        read_html(published_site / "tr" / slug / "index.html").h1.get_text(strip=True)
        for slug in ("wer-wir-sind", "beratung", "beirat")
    }
    footer = {link["href"]: link for link in soup.select("footer a.site-footer__link")}
    for slug in ("impressum", "datenschutz", "barrierefreiheit"):
        (link,) = [link for href, link in footer.items() if href == f"../../tr/{slug}/"]
        assert not link.get("hreflang"), slug  # the Turkish version, /tr/<slug>/
    # Leichte Sprache exists only in German: the header link says so in the reader's language.
    (easy,) = soup.select('.site-header__offers a[href="../../leichte-sprache/"]')
    assert easy["hreflang"] == "de" and easy.get_text(strip=True) == UI["tr"]["leichte_header_easy_read"]


def test_search_form_leads_to_the_search_page_of_the_pages_language(published_site):
    for lang in LANGUAGES:
        prefix = "" if lang == "de" else f"{lang}/"
        page = published_site / prefix / "index.html"
        form = read_html(page).select_one("form.site-search")
        assert (page.parent / form["action"]).resolve() == (published_site / prefix / "suche").resolve()
    entry = json.loads((published_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == set(LANGUAGES)  # one index per language, from <html lang>


def test_navigation_leads_to_the_termine_page_of_the_pages_language(published_site):
    """The Termine page is no content page but written by the events plugin in every language."""
    for lang in LANGUAGES:
        prefix = "" if lang == "de" else f"{lang}/"
        page = published_site / prefix / "beratung" / "index.html"
        links = read_html(page).select(".site-header__nav a.site-header__link")
        targets = {(page.parent / link["href"]).resolve(): link for link in links}
        link = targets[(published_site / prefix / "termine").resolve()]
        assert not link.has_attr("hreflang") and not link.has_attr("lang"), lang


def test_latin_data_in_right_to_left_text_is_isolated(published_site):
    for lang in ("ar", "fa"):
        soup = read_html(published_site / lang / "impressum" / "index.html")
        body = soup.select_one(".page__body")
        isolated = [bdi.get_text() for bdi in body.find_all("bdi")]
        assert "vielfalt@example.org" in isolated, lang
        for text in body.find_all(string=re.compile(r"[A-Za-z]")):
            assert text.find_parent(["bdi", "code", "pre"]) is not None, (lang, str(text))
    release = read_html(
        published_site / "ar" / "aktuelles" / "2022" / "wohnraum-fuer-gefluechtete-gesucht" / "index.html"
    )
    block = release.select_one(".publisher-block__list")
    for text in block.find_all(string=re.compile(r"[A-Za-z]")):
        assert text.find_parent("bdi") is not None, str(text)  # Publisher and Contact as written, in German


def test_css_uses_logical_directions_only():
    physical = re.compile(
        r"(margin|padding|border|inset)-(left|right)|\b(left|right)\s*:|text-align:\s*(left|right)|float:\s*(left|right)"
    )
    for css in (ROOT / "theme" / "css").rglob("*.css"):
        for number, line in enumerate(css.read_text(encoding="utf-8").splitlines(), start=1):
            assert not physical.search(line), f"{css.relative_to(ROOT)}:{number}: {line.strip()}"


def translated_items():
    """The translations in content/ (the start page's intro has no page of its own)."""
    from content_index import content_items

    return [item for item in content_items(languages=tuple(OTHER_LANGUAGES)) if item.slug != "startseite"]


def test_every_translation_is_at_its_language_address_with_its_title(published_site):
    items = translated_items()
    assert len(items) >= 5 * 7 + 7  # seven pages in five languages, seven press releases
    for item in items:
        page = published_site / item.url / "index.html"
        assert page.is_file(), item.path
        soup = read_html(page)
        assert soup.html["lang"] == item.lang
        assert soup.h1.get_text(strip=True) == item.title.replace('"', "")
