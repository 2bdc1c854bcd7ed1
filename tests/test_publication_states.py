"""Drafts, hidden items and embargoed (future-dated) items: in the preview, never in the published site."""

import pytest

from conftest import FIXTURES, build_site

CONTENT = FIXTURES / "publication_states"
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
    return build_site(CONTENT, "publishconf.py", tmp_path_factory.mktemp("veroeffentlicht"))


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
