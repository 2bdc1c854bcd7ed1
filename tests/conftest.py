"""Shared fixtures: one development and one publish build of content/, made once per test run."""

import subprocess
import sys
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
