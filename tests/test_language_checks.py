"""Language checks: unknown Lang, translations without or older than their original, complete UI texts per language."""

import json
import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from content_checks.languages import (
    Version,
    check_language_folder,
    stale_translations,
    translation_age_problems,
    ui_strings_problems,
)
from content_checks.rules import Rules
from content_checks.source import read_source

from conftest import FIXTURES, ROOT, run_pelican

BERLIN = ZoneInfo("Europe/Berlin")
FIXTURE_PATH = "tests/fixtures/content_checks"


def version(source, lang, changed, *, kind="article", slug="meldung", field="Date", line=2):
    moment = datetime.fromisoformat(changed).replace(tzinfo=BERLIN) if changed else None
    return Version(source, kind, slug, lang, moment, field, line)


def test_translation_older_than_its_changed_original_is_stale():
    original = version("artikel/meldung.md", "de", "2025-04-02 09:30", field="Modified", line=3)
    older = version("artikel/en/meldung.md", "en", "2025-03-19 10:00")
    same = version("artikel/ar/meldung.md", "ar", "2025-04-02 09:30")
    newer = version("artikel/uk/meldung.md", "uk", "2025-04-03 08:00", field="Modified")
    assert stale_translations([older, original, same, newer], "de") == [(older, original)]


def test_dates_with_and_without_time_zone_are_compared():
    original = Version("a.md", "article", "a", "de", datetime(2025, 4, 2, 12, 0), "Modified", 3)
    older = version("en/a.md", "en", "2025-04-01 10:00", slug="a")
    assert stale_translations([original, older], "de") == [(older, original)]


def test_items_without_dates_or_original_are_not_compared():
    versions = [
        version("seiten/impressum.md", "de", None, kind="page", slug="impressum"),
        version("seiten/en/impressum.md", "en", "2025-01-01 00:00", kind="page", slug="impressum"),
        version("artikel/en/waise.md", "en", "2020-01-01 00:00", slug="waise"),
        # same slug, but a page is no original of an article
        version("seiten/meldung.md", "de", "2030-01-01 00:00", kind="page"),
        version("artikel/tr/meldung.md", "tr", "2025-01-01 00:00"),
    ]
    assert stale_translations(versions, "de") == []


def test_stale_translation_message_names_translation_line_original_and_fix():
    original = version("artikel/meldung.md", "de", "2025-04-02 09:30", field="Modified", line=3)
    older = version("artikel/en/meldung.md", "en", "2025-03-19 10:00", line=2)
    display = {
        "artikel/en/meldung.md": "content/artikel/en/meldung.md",
        "artikel/meldung.md": "content/artikel/meldung.md",
    }
    [problem] = translation_age_problems([original, older], "de", display)
    assert (problem.path, problem.line) == ("content/artikel/en/meldung.md", 2)
    assert problem.what.startswith("Übersetzung ist älter als das Original: content/artikel/meldung.md")
    assert "02.04.2025 um 09:30" in problem.what and "19.03.2025" in problem.what
    assert "Modified: …" in problem.fix


UI_TABLE = """\
# texts
[de]
skip_link = "Zum Inhalt springen"
page_of = "Seite {number} von {total}"
in_german = "auf Deutsch"

[en]
skip_link = "Skip to content"
page_of = "Page {number} of {count}"

[tr]
skip_link = "İçeriğe geç"
page_of = "Sayfa {number} / {total}"
in_german = "Almanca"
"""


def test_incomplete_language_is_named_with_its_missing_keys_and_section_line():
    problems = ui_strings_problems("theme/ui_strings.toml", UI_TABLE, ("de", "en", "tr", "ar"), "de", False)
    missing = [problem for problem in problems if "der Website:" in problem.what]
    assert [(p.path, p.line) for p in missing] == [("theme/ui_strings.toml", 7)]
    assert "„en“ fehlt 1 Text der Website: in_german" in missing[0].what
    assert "[en]" in missing[0].fix


def test_changed_placeholder_is_reported_at_its_line():
    problems = ui_strings_problems("ui.toml", UI_TABLE, ("de", "en", "tr"), "de", False)
    [placeholder] = [problem for problem in problems if "Platzhalter" in problem.what]
    assert placeholder.line == 9 and "page_of" in placeholder.what
    assert "{number}, {total}" in placeholder.fix


def test_language_without_section_counts_only_when_every_language_is_required():
    complete = UI_TABLE.split("[en]")[0]
    assert ui_strings_problems("ui.toml", complete, ("de", "ar"), "de", False) == []
    [problem] = ui_strings_problems("ui.toml", complete, ("de", "ar"), "de", True)
    assert "„ar“ fehlen alle Texte" in problem.what


def test_unreadable_table_is_reported_with_its_line():
    [problem] = ui_strings_problems("ui.toml", '[de]\nskip_link = "offen\n', ("de",), "de", False)
    assert problem.line == 2 and "nicht lesen" in problem.what


@pytest.fixture(scope="module")
def check_output():
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--content", str(FIXTURES / "content_checks")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    return result.stdout + result.stderr


@pytest.mark.parametrize(
    ("file", "line", "expected"),
    [
        ("artikel/2024-03-09-artikel-mit-unbekannter-sprache.md", 4, "Die Sprache (Lang) „xx“ gibt es nicht"),
        ("artikel/2024-03-10-uebersetzung-ohne-original.md", 4, "hat kein Original in der Sprache „de“"),
        ("artikel/en/2024-03-20-uebersetzung-ohne-lang.md", 4, "liegt im Ordner „en/“, hat aber keine Zeile „Lang:“"),
        (
            "artikel/en/2024-03-19-original-nach-uebersetzung-geaendert.md",
            2,
            "Übersetzung ist älter als das Original: "
            f"{FIXTURE_PATH}/artikel/2024-03-19-original-nach-uebersetzung-geaendert.md wurde am 02.04.2024",
        ),
    ],
)
def test_check_reports_language_mistakes_with_file_and_line(check_output, file, line, expected):
    lines = [text for text in check_output.splitlines() if text.startswith(f"{FIXTURE_PATH}/{file}:{line}: ")]
    assert any(expected in text and " — " in text for text in lines), check_output


def test_the_changed_original_itself_gets_no_message(check_output):
    assert f"{FIXTURE_PATH}/artikel/2024-03-19-original-nach-uebersetzung-geaendert.md:" not in check_output


def test_build_stops_at_start_when_a_language_lacks_ui_texts(tmp_path):
    table = tmp_path / "ui_strings.toml"
    table.write_text(UI_TABLE, encoding="utf-8")
    (tmp_path / "content").mkdir()
    result = run_pelican(
        tmp_path / "content",
        "pelicanconf.py",
        tmp_path / "output",
        "-e",
        f"LOCALISATION_UI_STRINGS_FILE={json.dumps(str(table))}",
    )
    messages = result.stdout + result.stderr
    assert result.returncode == 1
    assert "ui_strings.toml:7: Der Sprache „en“ fehlt 1 Text der Website: in_german" in messages
    assert "Traceback" not in messages
    assert not (tmp_path / "output" / "index.html").exists()


def test_file_in_a_language_folder_must_say_that_language():
    rules = Rules.from_settings({"CONTENT_CHECKS_LANGUAGES": ["de", "en", "ar"], "DEFAULT_LANG": "de"})

    def problems(relative, header):
        source = read_source(relative, f"{header}\n\nText.\n".encode())
        check_language_folder(source, relative, rules)
        return [(problem.line, problem.what) for problem in source.problems]

    assert problems("artikel/en/a.md", "Title: A\nLang: en") == []
    assert problems("artikel/a.md", "Title: A") == []
    assert problems("seiten/ar/a.md", "Title: A\nLang: xx") == []  # the unknown code is reported elsewhere
    [(line, what)] = problems("seiten/ar/a.md", "Title: A\nLang: en")
    assert line == 2 and "„ar/“, hat aber „Lang: en“" in what
