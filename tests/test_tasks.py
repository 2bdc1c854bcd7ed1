"""The invoke tasks, each run as an editor runs it, in a copy of the repository."""

import contextlib
import datetime
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import sync_playwright

from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, read_html

COPIED = [
    "content",
    "theme",
    "plugins",
    "quality",
    "pelicanconf.py",
    "publishconf.py",
    "tasks.py",
    "publishing.py",
    "site_record.py",
    "preview.py",
    ".gitignore",
]


SUMMARY = "Eine kurze Zusammenfassung mit genug Zeichen, damit die Inhaltsprüfung zufrieden ist."
# Every page the navigation and the footer link to, so the small site passes the strict publish.
PAGES = {
    "startseite": "Willkommen",
    "impressum": "Impressum",
    "datenschutz": "Datenschutz",
    "barrierefreiheit": "Erklärung zur Barrierefreiheit",
    "leichte-sprache": "Leichte Sprache",
    "wer-wir-sind": "Wer wir sind",
    "beratung": "Beratung",
    "projekte": "Projekte",
    "beirat": "Beirat",
    "grundlagen": "Grundlagen",
    "dokumente": "Dokumente",
}


def write_small_content(content: Path) -> None:
    """A content folder of ten pages (every one the navigation and footer link to) and three articles that passes the strict publish in a few seconds."""
    (content / "seiten").mkdir(parents=True)
    (content / "artikel").mkdir()
    for slug, title in PAGES.items():
        (content / "seiten" / f"{slug}.md").write_text(
            f"Title: {title}\nSlug: {slug}\nSummary: {SUMMARY}\n\nText der Seite {title}.\n", encoding="utf-8"
        )
    for month in (2, 3, 4):
        (content / "artikel" / f"2024-0{month}-01-beitrag-{month}.md").write_text(
            f"Title: Beitrag {month}\nDate: 2024-0{month}-01 10:00\nCategory: Meldungen\nTags: Integration\n"
            f"Summary: {SUMMARY}\n\nDer Text von Beitrag {month}.\n",
            encoding="utf-8",
        )


@pytest.fixture
def site_copy(tmp_path) -> Path:
    """A copy of the site's sources, so tasks can write output/ and branches freely."""
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, tmp_path / name)
    # The Nu HTML Checker, which publish runs, is installed once for the repository.
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    return tmp_path


@pytest.fixture
def small_site_copy(site_copy) -> Path:
    """The site's sources with the small content folder: for what publish and gh-pages do with any content
    (the demo content's strict publish is tested on its own, in conftest's `published_site`)."""
    shutil.rmtree(site_copy / "content")
    write_small_content(site_copy / "content")
    return site_copy


def invoke(folder: Path, *args: str, timeout: int = 180) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_every_task_has_a_one_line_docstring():
    result = invoke(ROOT, "--list")
    for name in ("build", "publish", "livereload", "check", "test", "lint", "gh-pages", "new"):
        line = next((row for row in result.stdout.splitlines() if row.strip().startswith(name + " ")), "")
        assert len(line.split(maxsplit=1)) == 2, f"task {name} without docstring: {result.stdout}"


def test_new_creates_a_dated_draft_with_a_german_file_name(small_site_copy):
    site_copy = small_site_copy
    folder = site_copy / "content" / "artikel"
    result = invoke(site_copy, "new", "Förderung für Frauen", "--folder", str(folder))
    assert result.returncode == 0, result.stderr
    today = datetime.datetime.now(ZoneInfo("Europe/Berlin")).date().isoformat()
    created = folder / f"{today}-foerderung-fuer-frauen.md"
    text = created.read_text(encoding="utf-8")
    for field in ("Title: Förderung für Frauen", "Date: ", "Category: ", "Tags: ", "Summary: ", "Status: draft"):
        assert field in text
    again = invoke(site_copy, "new", "Förderung für Frauen", "--folder", str(folder))
    assert again.returncode != 0 and "gibt es schon" in again.stderr + again.stdout
    build = invoke(site_copy, "build")
    assert build.returncode == 0, build.stderr
    draft = site_copy / "output" / "entwuerfe" / "foerderung-fuer-frauen" / "index.html"
    assert read_html(draft).h1.get_text(strip=True) == "Förderung für Frauen"
    assert not list(site_copy.glob(".output-*")), "the build's staging folder became output/"


@pytest.mark.parametrize("machine_zone", ["Pacific/Kiritimati", "America/New_York"])
def test_new_writes_berlin_time_whatever_the_machine_zone(tmp_path, machine_zone):
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "new", "Zeitzone", "--folder", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "TZ": machine_zone},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    berlin = ZoneInfo("Europe/Berlin")
    (created,) = tmp_path.glob("*-zeitzone.md")
    date_line = next(line for line in created.read_text(encoding="utf-8").splitlines() if line.startswith("Date: "))
    written = datetime.datetime.strptime(date_line.removeprefix("Date: "), "%Y-%m-%d %H:%M").replace(tzinfo=berlin)
    # Kiritimati is 13 or 12 hours ahead of Berlin, New York 6: the machine's clock would be far off.
    assert abs(datetime.datetime.now(berlin) - written) < datetime.timedelta(minutes=2)
    assert created.name == f"{written:%Y-%m-%d}-zeitzone.md"


def test_failed_publish_leaves_the_previous_output_untouched(small_site_copy):
    site_copy = small_site_copy
    previous = site_copy / "output"
    previous.mkdir()
    (previous / "alt.txt").write_text("letzte gute Version", encoding="utf-8")
    broken = site_copy / "content" / "artikel" / "2025-01-01-kaputt.md"
    broken.write_text("Title: Kaputt\nDate: 31.02.2025\nCategory: Meldungen\n\nText.\n", encoding="utf-8")
    result = invoke(site_copy, "publish")
    assert result.returncode != 0
    assert "2025-01-01-kaputt.md" in result.stdout + result.stderr
    assert (previous / "alt.txt").read_text(encoding="utf-8") == "letzte gute Version"
    assert not list(site_copy.glob(".output-neu-*")), "the staging folder is cleaned up"

    broken.unlink()
    result = invoke(site_copy, "publish")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (previous / "alt.txt").exists()
    assert (previous / "index.html").is_file()
    assert previous.stat().st_mode & 0o777 == 0o755, "readable by the web server"


def test_publish_refuses_invalid_html_and_keeps_the_previous_output(small_site_copy):
    site_copy = small_site_copy
    previous = site_copy / "output"
    previous.mkdir()
    (previous / "alt.txt").write_text("letzte gute Version", encoding="utf-8")
    (site_copy / "content" / "artikel" / "2025-01-01-ungueltig.md").write_text(
        "Title: Ungültiges HTML\nDate: 2025-01-01\nCategory: Meldungen\n"
        "Summary: Ein Block mitten in einem Absatz ist kein gültiges HTML.\n\nText <div>Block</div> Text.\n",
        encoding="utf-8",
    )
    result = invoke(site_copy, "publish")
    assert result.returncode != 0
    assert "Ungültiges HTML (Nu HTML Checker)" in result.stdout + result.stderr
    assert "ungueltig" in result.stdout + result.stderr
    assert (previous / "alt.txt").read_text(encoding="utf-8") == "letzte gute Version"


def test_gh_pages_commits_the_published_site_to_a_local_branch_without_pushing(small_site_copy):
    site_copy = small_site_copy
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=site_copy, check=True)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "start"], cwd=site_copy, check=True)
    env_result = subprocess.run(
        [sys.executable, "-m", "invoke", "gh-pages"],
        cwd=site_copy,
        capture_output=True,
        text=True,
        timeout=180,
        env={
            **os.environ,
            "GIT_AUTHOR_NAME": "Test",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "Test",
            "GIT_COMMITTER_EMAIL": "t@example.org",
        },
        check=False,
    )
    assert env_result.returncode == 0, env_result.stdout + env_result.stderr
    files = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", "gh-pages"], cwd=site_copy, capture_output=True, text=True
    )
    assert "index.html" in files.stdout.split()
    assert ".nojekyll" in files.stdout.split()
    remotes = subprocess.run(["git", "remote"], cwd=site_copy, capture_output=True, text=True)
    assert remotes.stdout.strip() == ""

    # A build that fails its checks leaves the gh-pages branch as it was.
    published = subprocess.run(["git", "rev-parse", "gh-pages"], cwd=site_copy, capture_output=True, text=True)
    (site_copy / "content" / "artikel" / "2025-01-01-kaputt.md").write_text(
        "Title: Kaputt\nDate: gestern\nCategory: Meldungen\n\nText.\n", encoding="utf-8"
    )
    failed = invoke(site_copy, "gh-pages")
    assert failed.returncode != 0
    again = subprocess.run(["git", "rev-parse", "gh-pages"], cwd=site_copy, capture_output=True, text=True)
    assert again.stdout == published.stdout


def test_check_reports_problems_and_does_not_touch_output(site_copy):
    (site_copy / "content" / "seiten" / "kaputt.md").write_text(
        "Title: Kaputt\nParent: gibtsnicht\n\nText.\n", encoding="utf-8"
    )
    result = invoke(site_copy, "check")
    assert result.returncode != 0
    assert "gibtsnicht" in result.stdout + result.stderr
    assert not (site_copy / "output").exists()


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(condition, seconds: float = 60.0, interval: float = 0.3):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(interval)
    return False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def preview_server(site: Path, *options: str):
    """`invoke livereload` started in `site` on a free port, as an editor starts it (its output in
    vorschau.log); yields the preview's address and stops the server and its builds afterwards."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "invoke", "livereload", "--port", str(port), *options],
        cwd=site,
        stdout=(site / "vorschau.log").open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


def test_livereload_serves_on_127_0_0_1_and_rebuilds_on_save(small_site_copy):
    site_copy = small_site_copy  # the default content folder, with ten pages instead of the demo's 162
    with preview_server(site_copy) as home:
        url = home + "wer-wir-sind/"
        assert wait_for(lambda: "Wer wir sind" in fetch(url)), "preview server did not answer"
        assert "livereload.js" in fetch(url), "the page loads the live-reload script"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(url)
            log = site_copy / "vorschau.log"
            assert wait_for(lambda: "Browser Connected" in log.read_text(encoding="utf-8"))
            source = site_copy / "content" / "seiten" / "wer-wir-sind.md"
            source.write_text(source.read_text(encoding="utf-8") + "\nNeu gespeicherter Absatz.\n", encoding="utf-8")
            # The open page reloads by itself: nobody calls goto() again.
            page.get_by_text("Neu gespeicherter Absatz.").wait_for(timeout=30_000)
            browser.close()
        # The saved page comes first (the quick build) and is served while the full build still runs
        # (its staging folder exists); the rest of the site is the last good one meanwhile.
        source.write_text(source.read_text(encoding="utf-8") + "\nZweiter Absatz.\n", encoding="utf-8")

        def saved_page_during_the_full_build() -> bool:
            return "Zweiter Absatz." in fetch(url) and any(site_copy.glob(".output-vorschau-*"))

        assert wait_for(saved_page_during_the_full_build, 30, interval=0.02), "the page came with the full build only"
        assert "Neu gespeicherter Absatz." in fetch(url)
        assert wait_for(lambda: not list(site_copy.glob(".output-schnell-*")), 10), (
            "the quick build’s folder is removed"
        )


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_after_a_series_of_saves_the_preview_equals_a_clean_development_build(small_site_copy, tmp_path):
    site = small_site_copy
    with preview_server(site) as home:
        assert wait_for(lambda: "Beitrag 4" in fetch(home)), "preview server did not answer"
        articles = site / "content" / "artikel"
        # Saves in quick succession, as an editor makes them: text, a title, a new file, a deleted file.
        edited = articles / "2024-02-01-beitrag-2.md"
        edited.write_text(edited.read_text(encoding="utf-8") + "\nEin ergänzter Satz.\n", encoding="utf-8")
        titled = articles / "2024-03-01-beitrag-3.md"
        titled.write_text(titled.read_text(encoding="utf-8").replace("Beitrag 3", "Beitrag drei"), encoding="utf-8")
        (articles / "2024-05-01-beitrag-5.md").write_text(
            f"Title: Beitrag 5\nDate: 2024-05-01 10:00\nCategory: Meldungen\nTags: Integration\n"
            f"Summary: {SUMMARY}\n\nDer Text von Beitrag 5.\n",
            encoding="utf-8",
        )
        (articles / "2024-04-01-beitrag-4.md").unlink()
        assert wait_for(lambda: "Beitrag 5" in fetch(home) and "Beitrag 4" not in fetch(home), 90)

        def settled() -> bool:
            """No build running and no old site being removed, and still none a second later (a build
            the last saves queued would have started by then)."""
            if any(site.glob(".output-vorschau-*")):
                return False
            time.sleep(1.0)
            return not any(site.glob(".output-vorschau-*"))

        assert wait_for(settled, 90)
        preview = tree_bytes(site / "output")
    clean = tmp_path / "sauber"
    subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", str(clean), "-q"],
        cwd=site,
        check=True,
        capture_output=True,
    )
    expected = tree_bytes(clean)
    assert sorted(preview) == sorted(expected)
    assert [name for name in preview if preview[name] != expected[name]] == []
    assert "Ein ergänzter Satz." in preview["aktuelles/2024/beitrag-2/index.html"].decode()


def test_livereload_rebuilds_with_the_edited_plugin_code(site_copy):
    small = site_copy / "kleiner-inhalt"
    write_small_content(small)
    with preview_server(site_copy, "--content", str(small)) as home:
        assert wait_for(lambda: "Beitrag 4" in fetch(home)), "preview server did not answer"
        assert "Neu geladen:" not in fetch(home)
        # The date filter lives in plugins/common, which the first build has already imported.
        dates = site_copy / "plugins" / "common" / "dates.py"
        code = dates.read_text(encoding="utf-8")
        original = 'return _in_locale_digits(format_date(value, format="long", locale=lang), lang)'
        assert original in code
        dates.write_text(code.replace(original, f'return "Neu geladen: " + {original[7:]}'), encoding="utf-8")
        assert wait_for(lambda: "Neu geladen: 1. April 2024" in fetch(home), 90), (
            site_copy / "vorschau.log"
        ).read_text(encoding="utf-8")[-3000:]
        # A plugin that no longer imports fails the rebuild; the last good build stays served.
        dates.write_text(code + "\ndef kaputt(:\n", encoding="utf-8")
        log = site_copy / "vorschau.log"
        assert wait_for(lambda: "Die Vorschau wurde nicht neu gebaut" in log.read_text(encoding="utf-8"), 90)
        assert "Neu geladen: 1. April 2024" in fetch(home)
        assert not list(site_copy.glob(".output-vorschau-*")), "the failed build's folder is removed"
