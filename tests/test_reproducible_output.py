"""The same content and settings give the same bytes: no build time, no hash-map order in the output.

That is what lets a deployment upload only what changed and the preview skip unchanged files.
"""

import gzip
import json
import logging
from pathlib import Path

import cbor2
import pytest
from search_index import plugin as search_index
from search_index.canonical import SIGNATURE, PagefindFormatChanged, canonicalise
from sitemap_languages.lastmod import settle_build_times
from test_tasks import SUMMARY, write_small_content

from conftest import build_site


def write_mixed_content(content: Path) -> None:
    """The small site plus a press release and English translations: two languages, each with several
    search filter values ("Rubrik": Meldungen, Pressemitteilungen, Seiten), whose order Pagefind varies."""
    write_small_content(content)
    (content / "artikel" / "2024-05-01-mitteilung.md").write_text(
        f"Title: Mitteilung\nDate: 2024-05-01 10:00\nCategory: Pressemitteilungen\nTags: Integration\n"
        f"Summary: {SUMMARY}\n\nDer Text der Mitteilung.\n",
        encoding="utf-8",
    )
    (content / "artikel" / "en").mkdir()
    (content / "artikel" / "en" / "2024-02-01-beitrag-2.md").write_text(
        "Title: Post 2\nLang: en\nDate: 2024-02-01 10:00\nCategory: Meldungen\nTags: Integration\n"
        "Summary: What the post is about, in one sentence.\n\nThe text of post 2.\n",
        encoding="utf-8",
    )
    (content / "seiten" / "en").mkdir()
    (content / "seiten" / "en" / "beratung.md").write_text(
        "Title: Advice\nLang: en\nSlug: beratung\nSummary: Where to get advice, in one sentence.\n\nText.\n",
        encoding="utf-8",
    )


def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_two_publish_builds_of_the_same_content_are_byte_identical(tmp_path):
    write_mixed_content(tmp_path / "content")
    first = tree(build_site(tmp_path / "content", "publishconf.py", tmp_path / "eins"))
    second = tree(build_site(tmp_path / "content", "publishconf.py", tmp_path / "zwei"))
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    # What the two builds would otherwise disagree on is there: both languages' search filters and
    # overview pages in the sitemap.
    entry = json.loads(first["pagefind/pagefind-entry.json"])
    assert list(entry["languages"]) == ["de", "en"]
    filters = {}
    for name, data in first.items():
        if name.startswith("pagefind/filter/"):
            _filter, values = cbor2.loads(gzip.decompress(data)[len(SIGNATURE) :])
            filters[name.split("/")[-1][:2]] = [value for value, _pages in values]
    assert filters == {"de": ["Meldungen", "Pressemitteilungen", "Seiten"], "en": ["Meldungen", "Pages"]}
    assert b"-00:00</lastmod>" not in first["sitemap.xml"]


def test_build_time_lastmod_becomes_the_newest_date_of_the_sitemap():
    xml = (
        b"<urlset><url><loc>/</loc><lastmod>2026-11-30T18:56:30-00:00</lastmod></url>"
        b"<url><loc>/a/</loc><lastmod>2025-03-01T10:00:00+01:00</lastmod></url>"
        b"<url><loc>/b/</loc><lastmod>2025-06-01T10:00:00+02:00</lastmod></url></urlset>"
    )
    settled = settle_build_times(xml)
    assert settled.count(b"2025-06-01T10:00:00+02:00") == 2
    assert b"2025-03-01T10:00:00+01:00" in settled
    assert b"2026-11-30" not in settled
    # Nothing dated: nothing better to say than the build time.
    undated = b"<urlset><url><loc>/</loc><lastmod>2026-11-30T18:56:30-00:00</lastmod></url></urlset>"
    assert settle_build_times(undated) == undated


def test_an_unexpected_pagefind_format_is_reported_in_german_and_names_the_file(tmp_path, caplog, monkeypatch):
    bundle = tmp_path / "pagefind"
    bundle.mkdir()
    (bundle / "pagefind-entry.json").write_text('{"languages": {"de": {"hash": "de_0000000000"}}}', encoding="utf-8")
    (bundle / "pagefind.de_0000000000.pf_meta").write_bytes(gzip.compress(SIGNATURE + cbor2.dumps({"neu": 1})))
    with pytest.raises(PagefindFormatChanged, match="pagefind.de_0000000000.pf_meta"):
        canonicalise(bundle)

    # In the build: one German error (a strict build fails on it) that says what to do.
    class Finished:
        returncode = 0

    monkeypatch.setattr(search_index.subprocess, "run", lambda *args, **kwargs: Finished())
    monkeypatch.setattr(search_index.shutil, "rmtree", lambda *args, **kwargs: None)

    class Build:
        settings = {}
        output_path = str(tmp_path)

    with caplog.at_level(logging.ERROR):
        search_index.build_search_index(Build())
    assert "Suchindex: Pagefind schreibt seine Dateien anders als erwartet" in caplog.text
    assert "requirements.txt" in caplog.text
