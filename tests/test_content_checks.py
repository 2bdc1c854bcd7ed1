"""Content checks: `invoke check` names file, line, problem and fix in German for every mistake at once."""

import re
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT, build_site, read_html, run_pelican

CONTENT = FIXTURES / "content_checks"
FIXTURE_PATH = "tests/fixtures/content_checks"
INVOKE = [sys.executable, "-m", "invoke"]


def invoke_check(content) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*INVOKE, "check", "--content", str(content)], capture_output=True, text=True, cwd=ROOT, check=False
    )


@pytest.fixture(scope="module")
def check_run():
    return invoke_check(CONTENT)


@pytest.fixture(scope="module")
def check_output(check_run):
    return check_run.stdout + check_run.stderr


@pytest.mark.parametrize(
    ("file", "line", "expected"),
    [
        ("artikel/2024-03-03-artikel-ohne-summary.md", 3, "Die Angabe „Summary“ fehlt"),
        ("artikel/2024-03-04-artikel-mit-kurzer-summary.md", 4, "Summary) hat nur 8 Zeichen"),
        ("artikel/2024-03-05-artikel-mit-unbekannter-rubrik.md", 3, "Meinten Sie „Pressemitteilungen“?"),
        ("artikel/2024-03-06-artikel-mit-vertipptem-schlagwort.md", 4, "„Sprachtandm“ steht nicht in der Liste"),
        ("artikel/2024-03-06-artikel-mit-vertipptem-schlagwort.md", 4, "Meinten Sie „Sprachtandem“?"),
        ("artikel/2024-03-07-artikel-mit-unmoeglichem-datum.md", 2, "den 31. Februar 2025 gibt es nicht"),
        ("artikel/2024-03-08-artikel-mit-unbekanntem-status.md", 4, "Den Status „entwurf“ gibt es nicht"),
        ("artikel/2024-03-09-artikel-mit-unbekannter-sprache.md", 4, "Die Sprache (Lang) „xx“ gibt es nicht"),
        ("artikel/2024-03-10-uebersetzung-ohne-original.md", 4, "hat kein Original in der Sprache „de“"),
        ("artikel/2024-03-11-artikel-mit-kaputten-links.md", 4, "Bei „Related“ steht „gibt-es-nicht“"),
        (
            "artikel/2024-03-11-artikel-mit-kaputten-links.md",
            7,
            "die Datei content/artikel/2024-01-01-fehlt.md gibt es nicht",
        ),
        ("artikel/2024-03-11-artikel-mit-kaputten-links.md", 9, "Das Bild „{static}/images/fehlt.png“ führt ins Leere"),
        ("artikel/2024-03-11-artikel-mit-kaputten-links.md", 11, "die Adresse /beirat-gibt-es-nicht/ gibt es nicht"),
        (
            "artikel/2024-03-11-artikel-mit-kaputten-links.md",
            13,
            "Schreiben Sie „{filename}2024-03-01-gute-meldung.md“",
        ),
        ("artikel/2024-03-12-artikel-mit-falschen-ueberschriften.md", 6, "Überschrift der Ebene 1"),
        ("artikel/2024-03-12-artikel-mit-falschen-ueberschriften.md", 12, "springt von Ebene 2 auf Ebene 4"),
        ("artikel/2024-03-13-artikel-mit-schlechten-linktexten.md", 6, "Der Linktext „hier“"),
        ("artikel/2024-03-13-artikel-mit-schlechten-linktexten.md", 8, "Der Linktext „Mehr“"),
        ("artikel/2024-03-13-artikel-mit-schlechten-linktexten.md", 10, "ist unverschlüsselt (http://)"),
        ("artikel/2024-03-14-artikel-mit-verbotenem-html.md", 6, "das Element <script>"),
        ("artikel/2024-03-14-artikel-mit-verbotenem-html.md", 8, "das Element <iframe>"),
        ("artikel/2024-03-14-artikel-mit-verbotenem-html.md", 10, "das Attribut style= in <p>"),
        ("artikel/2024-03-14-artikel-mit-verbotenem-html.md", 10, "das Attribut onclick= in <p>"),
        ("artikel/2024-03-14-artikel-mit-verbotenem-html.md", 13, "das Attribut style= in {: … }"),
        (
            "artikel/2024-03-15-artikel-mit-deutschem-feldnamen.md",
            2,
            "„Datum“ kennt die Website nicht — Meinten Sie „Date“?",
        ),
        (
            "seiten/doppelte-adresse-zwei.md",
            2,
            "Die Adresse /doppelt/ hat schon content/seiten/doppelte-adresse-eins.md",
        ),
        ("seiten/seite-ohne-titel.md", 1, "Die Angabe „Title“ fehlt"),
    ],
)
def test_check_names_file_line_and_problem(check_output, file, line, expected):
    lines = [text for text in check_output.splitlines() if text.startswith(f"{FIXTURE_PATH}/{file}:{line}: ")]
    assert any(expected in text for text in lines), f"{file}:{line} {expected!r} not in:\n{check_output}"


def test_every_problem_says_how_to_fix_it(check_output):
    problems = [text for text in check_output.splitlines() if text.startswith(FIXTURE_PATH)]
    assert len(problems) >= 25
    for text in problems:
        assert re.match(r"^\S+\.md:\d+: .+ — .+$", text), text


@pytest.mark.parametrize(
    "file",
    [
        "artikel/2024-03-01-gute-meldung.md",
        "artikel/2024-03-02-artikel-mit-deutschem-datum.md",
        "artikel/2024-03-16-artikel-mit-bom.md",
        "artikel/2024-03-17-artikel-mit-windows-zeilenenden.md",
        "seiten/projekt.md",
        "seiten/doppelte-adresse-eins.md",
    ],
)
def test_correct_files_get_no_message(check_output, file):
    assert f"{FIXTURE_PATH}/{file}:" not in check_output


def test_code_examples_are_not_reported(check_output):
    reported = [text for text in check_output.splitlines() if "verbotenem-html.md" in text]
    assert not any(re.search(r"verbotenem-html\.md:(1[6-9]|2\d):", text) for text in reported), reported


def test_check_counts_problems_and_fails(check_run, check_output):
    assert check_run.returncode == 1
    assert re.search(r"Inhaltsprüfung: \d+ Probleme in 1[67] Dateien\.", check_output)
    assert "Traceback" not in check_output


def test_check_of_the_demo_site_passes():
    result = invoke_check(ROOT / "content")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Inhaltsprüfung: keine Probleme gefunden." in result.stdout


def test_problems_in_a_draft_are_shown_but_do_not_block_publishing(tmp_path):
    folder = tmp_path / "inhalt" / "artikel"
    folder.mkdir(parents=True)
    (folder / "2024-01-01-meldung.md").write_text(
        "Title: Meldung\nDate: 2024-01-01\nCategory: Meldungen\n"
        "Summary: Eine fertige Meldung mit genug Zeichen für die Zusammenfassung.\n\nText.\n",
        encoding="utf-8",
    )
    (folder / "2024-01-02-entwurf.md").write_text(
        "Title: Entwurf\nDate: 2024-01-02\nCategory: Meldungen\nStatus: draft\n"
        "Summary: Ein halb fertiger Entwurf, in dem noch ein schlechter Linktext steht.\n\n"
        "Mehr [hier](https://example.org).\n",
        encoding="utf-8",
    )
    result = invoke_check(tmp_path / "inhalt")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "blockieren das Veröffentlichen nicht" in result.stdout
    assert "2024-01-02-entwurf.md:7: Der Linktext „hier“" in result.stdout
    assert build_site(tmp_path / "inhalt", "publishconf.py", tmp_path / "ausgabe").is_dir()


def test_check_writes_nothing(tmp_path):
    copy = tmp_path / "inhalt"
    copy.mkdir()
    (copy / "artikel").mkdir()
    (copy / "artikel" / "2024-01-01-meldung.md").write_text(
        "Title: Meldung\nDate: 2024-01-01\nCategory: Meldungen\n"
        "Summary: Eine kurze Meldung mit genug Zeichen für die Zusammenfassung.\n\nText.\n",
        encoding="utf-8",
    )
    before = sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*"))
    assert invoke_check(copy).returncode == 0
    assert sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*")) == before


@pytest.fixture(scope="module")
def development_build(tmp_path_factory):
    output = tmp_path_factory.mktemp("vorschau")
    result = run_pelican(CONTENT, "pelicanconf.py", output)
    return output, result


def test_development_build_warns_and_still_builds(development_build):
    output, result = development_build
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        f"{FIXTURE_PATH}/artikel/2024-03-13-artikel-mit-schlechten-linktexten.md:6: " in result.stdout + result.stderr
    )
    assert (output / "aktuelles" / "2024" / "gute-meldung" / "index.html").is_file()


def test_preview_shows_a_pages_problems_at_its_top(development_build):
    output, _ = development_build
    page = read_html(output / "aktuelles" / "2024" / "artikel-mit-schlechten-linktexten" / "index.html")
    banner = page.select_one(".content-problems")
    items = [li.get_text(" ", strip=True) for li in banner.select("li")]
    assert items[0].startswith("Zeile 6: Der Linktext „hier“")
    assert any(item.startswith("Zeile 10:") and "https://" in item for item in items)
    assert page.select_one("main").find(class_="content-problems") is not None


def test_preview_shows_no_banner_on_a_correct_page(development_build):
    output, _ = development_build
    assert (
        read_html(output / "aktuelles" / "2024" / "gute-meldung" / "index.html").select_one(".content-problems") is None
    )


def test_german_date_means_day_then_month(development_build):
    output, _ = development_build
    page = read_html(output / "aktuelles" / "2024" / "artikel-mit-deutschem-datum" / "index.html")
    assert page.select_one("time")["datetime"] == "2024-03-05"


def test_two_items_with_one_address_do_not_stop_the_build(development_build):
    output, _ = development_build
    assert "Doppelte Adresse eins" in (output / "doppelt" / "index.html").read_text(encoding="utf-8")


def test_publish_build_treats_problems_as_errors(tmp_path):
    result = run_pelican(CONTENT, "publishconf.py", tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "artikel-mit-schlechten-linktexten.md:6: " in result.stdout + result.stderr


def test_tag_vocabulary_is_the_list_in_the_editors_guide():
    sys.path.insert(0, str(ROOT))
    import pelicanconf

    guide = (ROOT / "docs" / "redaktionsleitfaden.md").read_text(encoding="utf-8")
    listed = guide.split("### Erlaubte Schlagwörter", 1)[1].split("\n\n")[2]
    assert [tag.strip() for tag in listed.split(",")] == pelicanconf.CONTENT_CHECKS_TAGS
