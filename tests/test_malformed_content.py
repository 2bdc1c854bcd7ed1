"""Malformed content files: each gets a German message naming file and line; no traceback, no silent skip."""

import random
import shutil
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT, run_pelican

# file → (line, words of the message)
EXPECTED = {
    "2024-01-02-leere-datei.md": (1, "Die Datei ist leer"),
    "2024-01-03-nur-angaben.md": (4, "Nach den Angaben folgt kein Text"),
    "2024-01-04-latin-1.md": (4, "nicht in UTF-8 gespeichert"),
    "2024-01-05-zeile-ohne-doppelpunkt.md": (2, "hat aber keinen Doppelpunkt"),
    "2024-01-06-doppelte-angabe.md": (2, "Das Feld „Title“ steht zweimal (Zeile 1 und 2)"),
    "2024-01-07-datum-gestern.md": (2, "„gestern“ ist kein Datum"),
    "2024-01-08-tabulatoren.md": (5, "beginnt mit einem Tabulator"),
    "2024-01-09-ohne-angaben.md": (1, "keinen Kopf mit Angaben"),
    "2024-02-01-binaerdaten.md": (1, "enthält Binärdaten"),
    "2024-02-02-zu-gross.md": (1, "Die Datei ist 1,3 MB groß"),
    "2024-02-03-sehr-lange-zeile.md": (6, "Die Zeile hat 300.000 Zeichen"),
}


def make_generated_files(folder):
    """The malformed files too big or too binary to keep in the repository."""
    garbage = random.Random(7).randbytes(4096)
    (folder / "2024-02-01-binaerdaten.md").write_bytes(b"\x00PK\x03\x04" + garbage)
    header = "Title: {}\nDate: 2024-02-0{}\nCategory: Meldungen\nSummary: Eine Meldung, die viel zu groß geraten ist, wie beim Einfügen.\n\n"
    paragraph = "Ein ganz gewöhnlicher Absatz mit Text über die Arbeit der Stabsstelle. " * 10 + "\n\n"
    # Just over the 1 MB limit: a bigger file tests nothing more, and Markdown renders it in the build.
    big = header.format("Zu groß", 2) + paragraph * (1_300_000 // len(paragraph.encode()))
    (folder / "2024-02-02-zu-gross.md").write_text(big, encoding="utf-8")
    (folder / "2024-02-03-sehr-lange-zeile.md").write_text(
        header.format("Sehr lange Zeile", 3) + "x" * 300_000 + "\n", encoding="utf-8"
    )


@pytest.fixture(scope="module")
def malformed_site(tmp_path_factory):
    content = tmp_path_factory.mktemp("kaputt") / "content"
    shutil.copytree(FIXTURES / "malformed_content", content)
    make_generated_files(content / "artikel")
    return content


@pytest.fixture(scope="module")
def check_output(malformed_site):
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--content", str(malformed_site)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 1
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def development_build(malformed_site, tmp_path_factory):
    output = tmp_path_factory.mktemp("vorschau")
    result = run_pelican(malformed_site, "pelicanconf.py", output)
    assert result.returncode == 0, result.stderr
    return output, result.stdout + result.stderr


@pytest.fixture(scope="module")
def development_output(development_build):
    return development_build[1]


@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_check_names_file_line_and_problem(check_output, malformed_site, file):
    line, words = EXPECTED[file]
    prefix = f"{(malformed_site / 'artikel' / file).as_posix()}:{line}: "
    messages = [text for text in check_output.splitlines() if text.startswith(prefix)]
    assert any(words in text for text in messages), f"{prefix}{words!r} not in:\n{check_output[:5000]}"


@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_development_build_names_every_malformed_file(development_output, file):
    assert f"artikel/{file}:" in development_output


def test_no_traceback_anywhere(check_output, development_output):
    for output in (check_output, development_output):
        assert "Traceback" not in output
        assert "Error:" not in output.replace("AuthorDateError", "")


def test_the_correct_article_is_built_next_to_the_broken_ones(development_build):
    output, _ = development_build
    assert (output / "aktuelles" / "2024" / "richtige-meldung" / "index.html").is_file()


def test_publish_build_of_malformed_content_fails_without_traceback(tmp_path):
    result = run_pelican(FIXTURES / "malformed_content", "publishconf.py", tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
