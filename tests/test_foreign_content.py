"""Content written for other Pelican sites: our development build publishes every file stock Pelican publishes.

Both builds run on tests/fixtures/foreign_site with a recording plugin
(tests/fixtures/foreign_site_recorder) that notes the source of every article, page
and translation written to its own file; stock Pelican gets no other plugin and its
default theme, ours gets pelicanconf.py unchanged apart from the recorder and the image cache.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

import pelicanconf
from conftest import FIXTURES, ROOT

CONTENT = FIXTURES / "foreign_site"
RECORDER = FIXTURES / "foreign_site_recorder"
# Stock Pelican stops the whole build with a traceback at a Template: its theme does not have;
# ours falls back to the default template (tests/test_build_messages.py). Left out of the stock
# build only, so that stock Pelican finishes and can be compared at all.
STOCK_CANNOT_BUILD = "article_with_unknown_template.md"
# The file-name habits of real sites, each of which stock Pelican publishes.
HABITS = [
    "posts/2018-03-02_evoting.md",  # date and underscore, no Date line
    "posts/2018-03-02_evoting-fr.md",  # its translations, Lang: fr and it
    "posts/2018-03-02_evoting-it.md",
    "posts/2019-05-01.md",  # only a date
    "posts/2019/05/maifest.md",  # YYYY/MM/ folders
    "posts/2019/05/2019-05-20_sprachen.md",
    "posts/2020-06-01 Grüße aus Köln.md",  # spaces and umlauts
    "posts/2020-07-01-Grüße aus Zürich.md",
    "posts/Sommerfest im Grünen.md",
    "posts/fr/2021-03-04-article-original.md",  # originals in languages the site does not offer
    "posts/it/2021-02-03_votazione.md",
    "posts/2022-02-02_entwurf.md",  # a draft
    "pages/a-propos.md",
    "pages/ueber-uns-it.md",
]


def build(tmp_path: Path, name: str, settings: str) -> tuple[set[str], str]:
    """Build the foreign content with `settings` (Python source); the written sources and the messages."""
    written = tmp_path / f"{name}.txt"
    settings_file = tmp_path / f"{name}conf.py"
    settings_file.write_text(settings + f"\nWRITTEN_SOURCES_FILE = {str(written)!r}\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(CONTENT), "-s", str(settings_file), "-o", str(tmp_path / name)]
        + ["--log-handler", "plain"],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # no pelicanconf.py or plugins/ folder of ours in sight
        check=False,
    )
    messages = result.stdout + result.stderr
    assert result.returncode == 0, messages
    assert "Traceback" not in messages, messages
    lines = written.read_text(encoding="utf-8").splitlines()
    return {Path(line).relative_to(CONTENT).as_posix() for line in lines}, messages


STOCK_SETTINGS = f"""
PATH = {str(CONTENT)!r}
# PLUGINS as a list: Pelican then loads no installed namespace plugin (such as pelican-sitemap).
PLUGIN_PATHS = [{str(RECORDER)!r}]
PLUGINS = ["written_sources"]
TIMEZONE = "Europe/Berlin"
IGNORE_FILES = [".#*", {STOCK_CANNOT_BUILD!r}]
"""

OUR_SETTINGS = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from pelicanconf import *
PLUGIN_PATHS = PLUGIN_PATHS + [{str(RECORDER)!r}]
PLUGINS = PLUGINS + ["written_sources"]
"""


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """(stock sources, our sources, our messages)."""
    folder = tmp_path_factory.mktemp("fremde-inhalte")
    stock, _ = build(folder, "stock", STOCK_SETTINGS)
    ours, messages = build(
        folder, "ours", OUR_SETTINGS + f"RESPONSIVE_IMAGES_CACHE = {str(folder / 'bilder-cache')!r}\n"
    )
    return stock, ours, messages


def test_our_build_publishes_every_file_stock_pelican_publishes(builds):
    stock, ours, _ = builds
    assert stock - ours == set()


def test_stock_pelican_publishes_the_file_name_habits(builds):
    """The comparison means something: stock Pelican did publish each habit (and so must we)."""
    stock, ours, _ = builds
    assert set(HABITS) <= stock
    assert set(HABITS) <= ours


def test_languages_outside_ours_are_warnings_not_skips(builds):
    """Lang: fr and it are built and named in a warning with file and line, never skipped."""
    _, ours, messages = builds
    for path, language in [("posts/2018-03-02_evoting-fr.md", "fr"), ("pages/ueber-uns-it.md", "it")]:
        assert path in ours
        assert re.search(rf"{re.escape(path)}:2: Die Sprache \(Lang\) „{language}“ gibt es nicht", messages), path
    assert "übersprungen" not in "\n".join(line for line in messages.splitlines() if "evoting" in line)


# FILENAME_METADATA: (file name without extension, date, slug) as Pelican reads them.
FILE_NAMES = [
    ("2025-03-26-kurzer-titel", "2025-03-26", "kurzer-titel"),  # invoke new: the address comes from the name
    ("2024-05-15-nachbarschaftsfest", "2024-05-15", "nachbarschaftsfest"),
    ("2018-03-02_evoting", "2018-03-02", None),  # the address comes from the title, as in stock Pelican
    ("2019-05-01", "2019-05-01", None),
    ("2020-06-01 Grüße aus Köln", "2020-06-01", None),
    ("sommerfest", None, None),
]


@pytest.mark.parametrize(("name", "date", "slug"), FILE_NAMES)
def test_filename_metadata_reads_any_leading_date_and_our_slugs(name, date, slug):
    match = re.match(pelicanconf.FILENAME_METADATA, name)
    found = match.groupdict() if match else {"date": None, "slug": None}
    assert (found["date"], found["slug"]) == (date, slug)
