"""The preview's quick build (plugins/quick_preview, preview.py) and its Markdown cache (localisation/reading.py).

A save is answered first by a build that writes only the saved files' pages; they must be the pages
the full build writes. Markdown is converted once per text in the preview; what the reader returns
with the cache must be what Pelican's reader returns without it.
"""

import threading
from pathlib import Path

import pytest
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

import preview
from conftest import ROOT, build_site
from localisation.plugin import AuthorDateMarkdownReader
from localisation.reading import conversion_cache
from tasks import quick_build_settings

WAIT = 30

ARTICLE = """Title: Sprachcafé im Rathaus
Date: 12.03.2025 18:00
Category: Meldungen
Tags: Integration, Ehrenamt
Summary: Jeden Mittwoch üben Menschen aus vielen Ländern gemeinsam *Deutsch* im "Rathaus".
Contact: Stabsstelle
    Rathausplatz 1

## Wann und wo

Das Sprachcafé ist **kostenlos**. Bringen Sie gern Fragen mit[^1].

| Tag | Zeit |
| --- | --- |
| Mittwoch | 18 Uhr |

[^1]: Auch zu Formularen.
"""


def small_content(folder: Path) -> Path:
    (folder / "artikel").mkdir(parents=True)
    for number in (1, 2, 3):
        (folder / "artikel" / f"2025-0{number}-01-meldung-{number}.md").write_text(
            f"Title: Meldung {number}\nDate: 2025-0{number}-01 10:00\nCategory: Meldungen\nTags: Integration\n"
            f"Summary: Eine kurze Meldung mit der Nummer {number} über das Sprachcafé im Rathaus.\n\n"
            f"Der Text der Meldung {number} über Sprache und Nachbarschaft.\n",
            encoding="utf-8",
        )
    return folder


def files_of(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


# The listings of small_content that show its articles: the home page, the archive, their category and tag.
LISTINGS = {"index.html", "aktuelles/index.html", "aktuelles/meldungen/index.html", "themen/integration/index.html"}


def development_build(content: Path, output: Path, *settings: str) -> Path:
    """A development build without search index (as the preview's builds), with extra `settings` (KEY=JSON)."""
    return build_site(content, "pelicanconf.py", output, "-e", "SEARCH_INDEX_ENABLED=false", *settings)


def test_a_quick_build_writes_only_the_saved_files_pages_and_they_equal_the_full_builds(tmp_path):
    content = small_content(tmp_path / "inhalt")
    saved = content / "artikel" / "2025-02-01-meldung-2.md"
    # Problems in the saved file (its banner must be the full build's) and in another one, which takes
    # the address of the first: the quick build checks only the saved file, but must skip the same files.
    saved.write_text(saved.read_text(encoding="utf-8") + "Mehr steht [hier](https://example.org/).\n", encoding="utf-8")
    clash = content / "artikel" / "2025-03-01-meldung-3.md"
    clash.write_text(clash.read_text(encoding="utf-8").replace("Tags:", "Slug: meldung-1\nTags:"), encoding="utf-8")
    full = development_build(content, tmp_path / "voll")
    ready = tmp_path / "fertig" / "seiten.json"
    quick = development_build(
        content, tmp_path / "schnell", *quick_build_settings([saved]), f'QUICK_PREVIEW_READY="{ready}"'
    )
    # The saved file's own page was announced as soon as it was written, before the listings.
    assert preview.ready_pages(ready) == [Path("aktuelles/2025/meldung-2/index.html")]
    pages = {name: text for name, text in files_of(quick).items() if name.endswith(".html")}
    assert b"content-problems__title" in pages["aktuelles/2025/meldung-2/index.html"]
    assert set(pages) >= LISTINGS
    assert not any(name.startswith(("aktuelles/2025/meldung-1/", "aktuelles/2025/meldung-3/")) for name in pages)
    assert len([name for name in files_of(full) if name.endswith(".html")]) > len(pages) + 3
    for name, text in pages.items():
        assert text == files_of(full)[name], name


def test_the_saved_pages_are_brought_first_and_the_rest_after_the_build(tmp_path):
    built, output = tmp_path / "schnell", tmp_path / "output"
    for folder in (built, output):
        (folder / "a").mkdir(parents=True)
        (folder / "index.html").write_text("<p>alt</p>", encoding="utf-8")
    (built / "a" / "index.html").write_text("<p>gespeichert</p>", encoding="utf-8")
    (built / "index.html").write_text("<p>Liste</p>", encoding="utf-8")
    assert preview.ready_pages(tmp_path / "fehlt.json") is None
    assert preview.bring(Path("a/index.html"), built, output)
    assert not preview.bring(Path("a/index.html"), built, output), "the same bytes: nothing to do"
    assert (output / "a" / "index.html").read_text(encoding="utf-8") == "<p>gespeichert</p>"
    assert (output / "index.html").read_text(encoding="utf-8") == "<p>alt</p>", "the listing waits for the build"
    assert preview.merge_into(built, output) == 1
    assert (output / "index.html").read_text(encoding="utf-8") == "<p>Liste</p>"


def test_after_a_deletion_the_quick_build_writes_every_listing_and_no_item_page(tmp_path):
    content = small_content(tmp_path / "inhalt")
    (content / "artikel" / "2025-02-01-meldung-2.md").unlink()
    full = development_build(content, tmp_path / "voll")
    quick = development_build(content, tmp_path / "schnell", *quick_build_settings([], True))
    pages = {name: text for name, text in files_of(quick).items() if name.endswith(".html")}
    assert set(pages) >= LISTINGS
    assert not any(name.startswith("aktuelles/2025/") for name in pages), "item pages wait for the full build"
    for name, text in pages.items():
        assert text == files_of(full)[name], name
    assert b"Meldung 2" not in pages["aktuelles/index.html"] and b"Meldung 3" in pages["aktuelles/index.html"]


def test_the_preview_brings_the_quick_builds_pages_and_new_files_but_leaves_the_rest_to_the_full_build(tmp_path):
    output, built = tmp_path / "output", tmp_path / "schnell"
    for folder in (output, built):
        (folder / "aktuelles" / "a").mkdir(parents=True)
    (output / "aktuelles" / "a" / "index.html").write_text("alt", encoding="utf-8")
    (built / "aktuelles" / "a" / "index.html").write_text("neu", encoding="utf-8")
    (output / "sitemap.xml").write_text("alle Adressen", encoding="utf-8")
    (built / "sitemap.xml").write_text("nur eine", encoding="utf-8")
    (output / "index.html").write_text("Startseite", encoding="utf-8")
    (built / "bilder").mkdir()
    (built / "bilder" / "neu.webp").write_bytes(b"RIFF")
    assert preview.merge_into(built, output) == 2
    assert (output / "aktuelles" / "a" / "index.html").read_text(encoding="utf-8") == "neu"
    assert (output / "bilder" / "neu.webp").read_bytes() == b"RIFF"
    assert (output / "sitemap.xml").read_text(encoding="utf-8") == "alle Adressen"
    assert (output / "index.html").read_text(encoding="utf-8") == "Startseite", "not in the quick build: kept"
    assert not built.exists()
    assert not [path.name for path in output.rglob(".*")], "no partial file left"


def test_only_saves_of_content_get_a_quick_step_and_a_deleted_files_page_is_found_in_the_manifest(tmp_path):
    content = small_content(tmp_path / "inhalt")
    article = content / "artikel" / "2025-01-01-meldung-1.md"
    deleted = content / "artikel" / "2025-02-01-meldung-2.md"
    manifest = {str(deleted): "aktuelles/2025/meldung-2/index.html"}
    deleted.unlink()
    image = content / "bild.png"
    image.write_bytes(b"png")

    def plan(*paths):
        return preview.quick_plan(set(paths), content, MarkdownReader.file_extensions, manifest)

    assert plan(article) == preview.QuickPlan([article], [])
    assert plan(article, image) == preview.QuickPlan([article], []), "the image is copied anyway"
    assert plan(image) is None, "no page of its own"
    assert plan(article, ROOT / "theme" / "css" / "base.css") is None, "a theme change: the full build only"
    assert plan(deleted) == preview.QuickPlan([], ["aktuelles/2025/meldung-2/index.html"])
    assert plan(content / "artikel" / "nie-gebaut.md") is None
    assert plan(content / "geloeschtes-bild.png") is None


def test_a_preview_build_notes_each_sources_page_and_a_deleted_ones_page_is_taken_away(tmp_path):
    content = small_content(tmp_path / "inhalt")
    manifest = tmp_path / "cache" / "seiten.json"
    output = build_site(
        content,
        "pelicanconf.py",
        tmp_path / "output",
        "-e",
        "SEARCH_INDEX_ENABLED=false",
        f'QUICK_PREVIEW_MANIFEST="{manifest}"',
    )
    pages = preview.read_manifest(manifest)
    source = str(content / "artikel" / "2025-02-01-meldung-2.md")
    assert pages[source] == "aktuelles/2025/meldung-2/index.html"
    assert all((output / page).is_file() for page in pages.values()) and len(pages) == 3
    preview.take_away(output, [pages[source], "../ausserhalb.html"])
    assert not (output / pages[source]).exists()
    assert (output / "aktuelles" / "2025" / "meldung-1" / "index.html").is_file()
    assert preview.read_manifest(tmp_path / "fehlt.json") == {}


def test_a_save_during_a_build_stops_it_and_the_next_build_knows_every_saved_path():
    started, stopped = threading.Event(), threading.Event()
    builds = []

    def build(paths) -> bool:
        builds.append(sorted(paths))
        if len(builds) == 1:
            started.set()
            assert stopped.wait(WAIT), "the build was not stopped"
            return False
        return True

    done = threading.Event()
    rebuilds = preview.Rebuilds(build, done.set, cancel=stopped.set)
    thread = threading.Thread(target=rebuilds.run, daemon=True)
    thread.start()
    rebuilds.request([Path("a.md")])
    assert started.wait(WAIT)
    rebuilds.request([Path("b.md")])
    rebuilds.request([Path("c.md")])
    assert done.wait(WAIT)
    rebuilds.stop()
    thread.join(WAIT)
    assert builds == [[Path("a.md")], [Path("b.md"), Path("c.md")]]


@pytest.fixture(scope="module")
def settings():
    return read_settings(str(ROOT / "pelicanconf.py"))


def read_with(settings, path: Path, cache_folder: Path | None):
    folder = str(cache_folder) if cache_folder else None
    reader = AuthorDateMarkdownReader({**settings, "LOCALISATION_MARKDOWN_CACHE": folder})
    return reader.read(str(path))


@pytest.mark.parametrize("name", ["artikel.md", "ohne-kopf.md"])
def test_the_markdown_cache_returns_what_pelicans_reader_returns(settings, tmp_path, name):
    source = tmp_path / name
    source.write_text(ARTICLE if name == "artikel.md" else "Nur Text, **kein** Kopf.\n", encoding="utf-8")
    expected = read_with(settings, source, None)
    cache = tmp_path / "cache"
    first = read_with(settings, source, cache)  # converted and stored
    assert len(list(cache.iterdir())) == 1
    again = read_with(settings, source, cache)  # from the cache
    for content, metadata in (first, again):
        assert content == expected[0]
        assert metadata == expected[1]
        assert {key: type(value) for key, value in metadata.items()} == {
            key: type(value) for key, value in expected[1].items()
        }
    if name == "artikel.md":
        assert "<em>Deutsch</em>" in again[1]["summary"] and "&bdquo;" in again[1]["summary"]
        assert again[1]["date"].year == 2025 and again[1]["date"].day == 12


def test_the_markdown_cache_serves_an_entry_only_for_the_same_text_and_settings(settings, tmp_path):
    source = tmp_path / "artikel.md"
    source.write_text(ARTICLE, encoding="utf-8")
    cache = tmp_path / "cache"
    read_with(settings, source, cache)
    source.write_text(ARTICLE.replace("kostenlos", "umsonst"), encoding="utf-8")
    assert "umsonst" in read_with(settings, source, cache)[0]
    other = {**settings, "MARKDOWN": {**settings["MARKDOWN"], "output_format": "xhtml"}}
    assert conversion_cache(str(cache), other).salt != conversion_cache(str(cache), settings).salt
    assert len(list(cache.iterdir())) == 2


def test_publishing_and_development_builds_do_not_use_the_markdown_cache():
    published = read_settings(str(ROOT / "publishconf.py"))
    development = read_settings(str(ROOT / "pelicanconf.py"))
    assert published["LOCALISATION_MARKDOWN_CACHE"] is None
    assert development["LOCALISATION_MARKDOWN_CACHE"] is None
    # Nor the quick build's settings: every page written, every file checked.
    for settings in (published, development):
        assert not settings["QUICK_PREVIEW_SOURCES"] and not settings["QUICK_PREVIEW_ALL_LISTINGS"]
        assert settings["QUICK_PREVIEW_READY"] is None and settings["CONTENT_CHECKS_ONLY_SOURCES"] is None


class Sleeper:
    """A stand-in build process: runs until terminated or released."""

    def __init__(self):
        self.started, self.released, self.exitcode = threading.Event(), threading.Event(), None

    def start(self):
        self.started.set()

    def join(self):
        self.released.wait(WAIT)
        self.exitcode = -15 if self.exitcode is None else self.exitcode

    def terminate(self):
        self.released.set()


def test_a_newer_save_stops_the_running_process_or_the_next_one_of_the_round():
    running = preview.Running()
    process = Sleeper()
    outcome = []
    thread = threading.Thread(target=lambda: outcome.append(running.run(process)))
    thread.start()
    assert process.started.wait(WAIT)
    running.cancel()
    thread.join(WAIT)
    assert outcome == [False] and running.stopped
    # During the quick build no process runs here: the quick build sees it is outdated and stops itself, and
    # the round's full build is then not started at all.
    running.begin()
    assert not running.outdated
    running.cancel()
    assert running.outdated
    later = Sleeper()
    assert running.run(later) is False and running.stopped and not later.started.is_set()
    # A new round starts clean: a stop meant for the old one does not reach it.
    running.cancel()
    running.begin()
    finished = Sleeper()
    finished.exitcode = 0
    finished.released.set()
    assert running.run(finished) is True and not running.stopped


def build_with_a_worker(arguments: list[str]) -> None:
    """Stands in for a Pelican build that started a worker process (as the language hints do)."""
    import subprocess
    import time

    worker = subprocess.Popen(["sleep", "60"])
    Path(arguments[0]).write_text(str(worker.pid), encoding="utf-8")
    time.sleep(60)


def test_stopping_a_build_stops_the_processes_it_started(tmp_path):
    import multiprocessing
    import os
    import time

    noted = tmp_path / "worker.pid"
    running = preview.Running()
    process = multiprocessing.get_context("fork").Process(
        target=preview.run_in_own_group, args=(build_with_a_worker, [str(noted)])
    )
    outcome = []
    thread = threading.Thread(target=lambda: outcome.append(running.run(process)))
    thread.start()
    deadline = time.monotonic() + WAIT
    while not (noted.is_file() and noted.read_text(encoding="utf-8")) and time.monotonic() < deadline:
        time.sleep(0.05)
    worker = int(noted.read_text(encoding="utf-8"))
    running.cancel()
    thread.join(WAIT)
    assert outcome == [False] and running.stopped

    def alive(pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
        return state != "Z"  # a zombie has stopped; its parent is gone, init reaps it

    while alive(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(worker), "the worker of the stopped build still runs"


def test_the_checks_cover_every_file_by_default_and_only_the_named_ones_when_told(tmp_path):
    content = small_content(tmp_path / "inhalt")
    faulty = content / "artikel" / "2025-02-01-meldung-2.md"
    faulty.write_text(
        faulty.read_text(encoding="utf-8") + "Mehr steht [hier](https://example.org/).\n", encoding="utf-8"
    )
    page = "aktuelles/2025/meldung-2/index.html"
    banner = b"content-problems__title"
    assert banner in files_of(development_build(content, tmp_path / "alle"))[page]
    named = development_build(content, tmp_path / "genannt", f'CONTENT_CHECKS_ONLY_SOURCES=["{faulty}"]')
    assert banner in files_of(named)[page]
    assert (
        banner not in files_of(development_build(content, tmp_path / "keine", "CONTENT_CHECKS_ONLY_SOURCES=[]"))[page]
    )
