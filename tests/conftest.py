"""Shared fixtures: one development and one publish build of content/, made once per test run."""

import contextlib
import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "plugins"))

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# The system Chromium from Debian, never a browser downloaded by Playwright;
# the flags keep it from calling home (the machine has no network) and let it run as root.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def run_pelican(content: Path, settings: str, output: Path, *extra: str) -> subprocess.CompletedProcess:
    """Build `content` with a settings file of the repository into `output`."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            str(content),
            "-s",
            str(ROOT / settings),
            "-o",
            str(output),
            "--log-handler",
            "plain",
            *extra,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def build_site(content: Path, settings: str, output: Path, *extra: str) -> Path:
    """Build `content` into `output` and insist that the build succeeded."""
    result = run_pelican(content, settings, output, *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Path:
    """content/ built strictly with publishconf.py, as `invoke publish` does."""
    return build_site(ROOT / "content", "publishconf.py", tmp_path_factory.mktemp("veroeffentlicht"))


@pytest.fixture(scope="session")
def preview_site(tmp_path_factory) -> Path:
    """content/ built with pelicanconf.py, as the local preview does; any warning fails it."""
    output = tmp_path_factory.mktemp("vorschau")
    return build_site(ROOT / "content", "pelicanconf.py", output, "-e", "BUILD_MESSAGES_STRICT=true")


def read_html(path: Path):
    """Parse a built HTML file with BeautifulSoup."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve_folder(folder: Path):
    """Serve `folder` on 127.0.0.1 (a free port) in a thread; yields the base address, stops at the end."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def browser():
    """The system Chromium, headless, for one test module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def site_server(published_site):
    """Serve the published build (with its search index) on 127.0.0.1, a free port, for one test module."""
    with serve_folder(published_site) as address:
        yield address


def open_page(browser, url, width=1280):
    """A fresh page at the given viewport width whose requests are recorded in `page.requests`."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(url, wait_until="load")
    return page


# The slowest test files, slowest first. `invoke test` runs whole files on each core (pytest-xdist
# --dist loadfile) in collection order: a slow file that starts last keeps one core busy while the
# other has nothing left to do.
SLOW_FILES_FIRST = (
    "test_tasks.py",
    "test_accessibility.py",
    "test_publish_safety.py",
    "test_fuzz.py",
    "test_image_privacy.py",
    "test_responsive_images.py",
    "test_languages_switcher.py",
    "test_languages.py",
    "test_site_record.py",
)


def pytest_collection_modifyitems(items):
    """Collect the slowest files first (each file's tests stay together and in their order)."""
    rank = {name: position for position, name in enumerate(SLOW_FILES_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))
