"""The language switcher (components/language_switcher.html): on every page, every language, the right target."""

import tomllib
from pathlib import Path

import pelicanconf
from conftest import ROOT, read_html

LANGUAGES = pelicanconf.SITE_LANGUAGES
PUBLIC = "https://vielfalt.example.org"  # publishconf.py's SITE_PUBLIC_URL
UI = tomllib.loads((ROOT / "theme" / "ui_strings.toml").read_text(encoding="utf-8"))


def resolve(page: Path, href: str, site: Path) -> Path:
    """The file a link of `page` leads to (relative, or from the root as on the 404 page)."""
    target = (site / href.lstrip("/") if href.startswith("/") else page.parent / href).resolve()
    assert target.is_relative_to(site.resolve()), href
    return target / "index.html" if href.endswith("/") else target


def site_address(path: Path, site: Path) -> str:
    """The address of a written file, relative to the site root ("" for the German home page)."""
    return path.resolve().relative_to(site.resolve()).as_posix().removesuffix("index.html")


def page_lang(page: Path) -> str:
    return read_html(page).html["lang"]


def alternates(soup) -> dict:
    return {link["hreflang"]: link["href"] for link in soup.select("link[rel=alternate][hreflang]:not([type])")}


def test_every_page_has_the_switcher_with_every_language_in_its_own_name(published_site):
    pages = sorted(published_site.rglob("*.html"))
    for page in pages:
        soup = read_html(page)
        lang = soup.html["lang"]
        nav = soup.select_one("header nav.language-switcher")
        assert nav is not None, page
        assert nav["aria-label"] == UI[lang]["language_navigation"], page
        links = nav.select("a.language-switcher__link")
        assert [link["lang"] for link in links] == list(LANGUAGES), page
        assert [link["hreflang"] for link in links] == list(LANGUAGES), page
        names = [link.find(string=True, recursive=False).strip() for link in links]
        assert names == [language["name"] for language in LANGUAGES.values()], page
        current = [link["lang"] for link in links if link.get("aria-current") in ("true", "page")]
        assert current == [lang], page
        assert not nav.find("img"), "languages are named, not flagged"


def test_switcher_leads_to_the_translation_or_to_the_start_page_with_a_note(published_site):
    translated_links = untranslated_links = 0
    for page in sorted(published_site.rglob("*.html")):
        soup = read_html(page)
        translations = {
            code: href.removeprefix(PUBLIC + "/") for code, href in alternates(soup).items() if code in LANGUAGES
        }
        for link in soup.select("nav.language-switcher a.language-switcher__link"):
            code = link["lang"]
            target = resolve(page, link["href"], published_site)
            assert target.is_file(), (page, link["href"])
            assert page_lang(target) == code, (page, link["href"])
            note = link.select_one(".language-switcher__note")
            if code in translations or link.get("aria-current"):
                # This page in that language: the address its hreflang alternate names, without a note.
                if code in translations:
                    assert site_address(target, published_site) == translations[code], (page, code)
                assert note is None, (page, code)
                translated_links += 1
            else:
                # No translation: that language's start page, with the note written in that language.
                assert site_address(target, published_site) == ("" if code == "de" else f"{code}/"), (page, code)
                assert note is not None and note.get_text(strip=True) == UI[code]["page_not_translated"], (page, code)
                assert link["lang"] == code
                untranslated_links += 1
    assert translated_links > 100 and untranslated_links > 100


def test_a_translated_page_switches_to_each_of_its_translations(published_site):
    page = published_site / "ar" / "beratung" / "index.html"
    links = {link["lang"]: link["href"] for link in read_html(page).select("a.language-switcher__link")}
    for code in LANGUAGES:
        expected = published_site / ("" if code == "de" else code) / "beratung" / "index.html"
        assert resolve(page, links[code], published_site) == expected.resolve()


def test_the_switcher_is_plain_links_without_script(published_site):
    css = (ROOT / "theme" / "css" / "blocks" / "language-switcher.css").read_text(encoding="utf-8")
    assert ".language-switcher__link" in css and ".language-switcher__note" in css
    template = (ROOT / "theme" / "templates" / "components" / "language_switcher.html").read_text(encoding="utf-8")
    assert "<script" not in template and "onclick" not in template
    soup = read_html(published_site / "en" / "index.html")
    assert not soup.select("nav.language-switcher script, nav.language-switcher button")
