"""Drafts, hidden items and embargoed (future-dated) items: in the preview, never in the published site."""

import pytest

from conftest import FIXTURES, build_site

CONTENT = FIXTURES / "publication_states"
# The unpublished items have categories and tags of their own, to prove that no overview
# page exists because of them; the content checks would refuse those names.
OWN_NAMES_ALLOWED = ("-e", "CONTENT_CHECKS_TAGS=[]", "CONTENT_CHECKS_CATEGORIES=[]")
SECRETS = [
    "Geheimer Entwurf zur Prüfung",
    "entwurf-zur-pruefung",
    "Entwurfsthema",
    "Verborgene Meldung ohne Liste",
    "verborgene-meldung",
    "Verborgenes",
    "Verborgenthema",
    "Pressemitteilung mit Sperrfrist",
    "sperrfrist-bis-2099",
    "Sperrfristkategorie",
    "Sperrfristthema",
    "Verborgene Seite im Test",
    "verborgene-seite-im-test",
    "Entwurfsseite im Test",
    "entwurfsseite-im-test",
]


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    return build_site(CONTENT, "publishconf.py", tmp_path_factory.mktemp("veroeffentlicht"), *OWN_NAMES_ALLOWED)


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    return build_site(CONTENT, "pelicanconf.py", tmp_path_factory.mktemp("vorschau"))


def all_text(folder):
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in folder.rglob("*")
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".txt", ".css"}
    }


def test_published_site_has_the_published_article(published):
    assert (published / "aktuelles" / "2024" / "veroeffentlichte-meldung" / "index.html").is_file()


@pytest.mark.parametrize("secret", SECRETS)
def test_nothing_unpublished_appears_in_any_published_file_or_path(published, secret):
    for path, text in all_text(published).items():
        assert secret not in text, path
        assert secret.lower() not in path, path


def test_preview_shows_drafts_hidden_and_embargoed_items(preview):
    text = "\n".join(all_text(preview).values())
    for title in ("Geheimer Entwurf zur Prüfung", "Verborgene Meldung ohne Liste", "Pressemitteilung mit Sperrfrist"):
        assert title in text
    assert (preview / "verborgene-seite-im-test" / "index.html").is_file()
    assert (preview / "entwuerfe" / "seiten" / "entwurfsseite-im-test" / "index.html").is_file()


def test_preview_banners_say_draft_and_embargo_with_its_end(preview):
    from conftest import read_html

    draft = read_html(preview / "entwuerfe" / "entwurf-zur-pruefung" / "index.html")
    assert (
        draft.select_one(".status-banner[data-status=draft]").get_text(strip=True) == "Entwurf – nicht veröffentlicht"
    )
    embargo = read_html(preview / "aktuelles" / "2099" / "sperrfrist-bis-2099" / "index.html")
    text = embargo.select_one(".status-banner[data-status=embargo]").get_text(strip=True)
    assert text.startswith("Sperrfrist bis 1. Januar 2099, 10:00 Uhr")


def write_article(folder, name, title, date):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(
        f"Title: {title}\nDate: {date:%Y-%m-%d %H:%M}\nCategory: Pressemitteilungen\n"
        "Summary: Eine Pressemitteilung mit Sperrfrist, die zur angegebenen Zeit erscheint.\n\nText.\n",
        encoding="utf-8",
    )


def test_embargo_ends_at_its_time_in_berlin(tmp_path):
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    # Written as an office in Berlin writes it. If the build compared these wall-clock
    # times as UTC, "two minutes ago" would still be in the future (Berlin is UTC+1/+2).
    berlin_now = datetime.now(ZoneInfo("Europe/Berlin")).replace(tzinfo=None)
    content = tmp_path / "inhalt"
    write_article(
        content / "artikel", "sperrfrist-vorbei.md", "Sperrfrist gerade vorbei", berlin_now - timedelta(minutes=2)
    )
    write_article(
        content / "artikel", "sperrfrist-morgen.md", "Sperrfrist endet morgen", berlin_now + timedelta(days=1)
    )
    output = build_site(content, "publishconf.py", tmp_path / "ausgabe")
    everything = "\n".join(all_text(output).values())
    assert "Sperrfrist gerade vorbei" in everything
    assert "Sperrfrist endet morgen" not in everything
    assert not any("sperrfrist-morgen" in path for path in all_text(output))
