"""Gates on the published build: internal links, other origins, valid HTML (Nu HTML Checker)."""

from publishconf import SITEURL
from quality.links import broken_internal_links, foreign_resources
from quality.nu_checker import nu_checker_errors


def test_no_broken_internal_link_or_missing_asset(published_site):
    assert broken_internal_links(published_site, site_url=SITEURL) == []


def test_nothing_is_loaded_from_another_origin(published_site):
    assert foreign_resources(published_site, site_url=SITEURL) == []


def test_nu_html_checker_finds_no_error(published_site):
    assert nu_checker_errors(published_site) == []


def test_link_checker_finds_a_broken_link_and_anchor(tmp_path):
    (tmp_path / "index.html").write_text(
        '<a href="fehlt/">x</a><a href="#da">y</a><a href="#weg">z</a><p id="da"></p>'
        '<img src="https://vielfalt.example.org/bild.png" alt="">'
        '<a href="https://example.com/extern">extern ist erlaubt</a>',
        encoding="utf-8",
    )
    problems = broken_internal_links(tmp_path, site_url="https://vielfalt.example.org")
    assert len(problems) == 3
    assert any("fehlt/" in p for p in problems)
    assert any("#weg" in p and "Sprungmarke" in p for p in problems)
    assert any("bild.png" in p for p in problems)


def test_origin_checker_finds_fonts_scripts_and_frames_from_elsewhere(tmp_path):
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="https://fonts.example.net/css">'
        '<script src="//cdn.example.net/x.js"></script>'
        '<iframe src="https://video.example.net/embed"></iframe>'
        '<img srcset="/a.png 1x, https://img.example.net/b.png 2x" alt="">'
        '<a href="https://example.com">Links auf andere Websites sind erlaubt</a>',
        encoding="utf-8",
    )
    (tmp_path / "site.css").write_text("@font-face { src: url(https://fonts.example.net/f.woff2); }", encoding="utf-8")
    problems = foreign_resources(tmp_path, site_url="https://vielfalt.example.org")
    assert len(problems) == 5, problems


def test_nu_html_checker_reports_invalid_html(tmp_path):
    (tmp_path / "kaputt.html").write_text(
        "<!DOCTYPE html><html lang=de><head><title>x</title></head><body><p><div></span></body></html>",
        encoding="utf-8",
    )
    assert nu_checker_errors(tmp_path)


def test_link_checker_finds_a_missing_sharing_image_and_manifest_icon(tmp_path):
    (tmp_path / "theme" / "icons").mkdir(parents=True)
    (tmp_path / "theme" / "icons" / "icon-192.png").write_bytes(b"png")
    (tmp_path / "bilder").mkdir()
    (tmp_path / "bilder" / "da-og.jpg").write_bytes(b"jpg")
    (tmp_path / "theme" / "manifest.webmanifest").write_text(
        '{"icons": [{"src": "icons/icon-192.png"}, {"src": "icons/icon-512.png"}]}', encoding="utf-8"
    )
    head = '<link rel="manifest" href="theme/manifest.webmanifest">'
    (tmp_path / "index.html").write_text(
        head + '<meta property="og:image" content="https://vielfalt.example.org/bilder/da-og.jpg">', encoding="utf-8"
    )
    (tmp_path / "artikel.html").write_text(
        head + '<meta property="og:image" content="https://vielfalt.example.org/bilder/fehlt-og.jpg">'
        '<meta property="og:image" content="https://anderswo.example.net/bild.jpg">',
        encoding="utf-8",
    )
    problems = broken_internal_links(tmp_path, site_url="https://vielfalt.example.org")
    assert problems == [
        'artikel.html: <meta property="og:image" content="https://vielfalt.example.org/bilder/fehlt-og.jpg"> – Ziel fehlt',
        'theme/manifest.webmanifest: icons[1].src "icons/icon-512.png" – Ziel fehlt',
    ]


def test_the_demo_site_names_sharing_images_and_manifest_icons_the_check_looks_at(published_site):
    """The link check above covers them: the demo build has og:image tags and a manifest with icons."""
    import json

    from conftest import read_html

    home = read_html(published_site / "index.html")
    manifest = published_site / home.select_one('link[rel="manifest"]')["href"].lstrip("/")
    assert len(json.loads(manifest.read_text(encoding="utf-8"))["icons"]) >= 3
    sharing = [
        tag["content"]
        for page in published_site.rglob("index.html")
        for tag in read_html(page).select('meta[property="og:image"]')
    ]
    assert sharing and all(url.startswith(SITEURL) for url in sharing)
