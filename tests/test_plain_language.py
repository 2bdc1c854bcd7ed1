"""Plain-language hints: the labelled set (precision per kind), the strict Leichte-Sprache rules, the
Markdown reading, the readability figure, `invoke sprache`/`invoke check` and the preview panel."""

import json
import shutil
import subprocess
import sys
import tomllib
from collections import Counter

import pytest
from plain_language.hints import STRICT_KINDS
from plain_language.options import Options
from plain_language.readability import flesch_amstad
from plain_language.report import Tools, analyse, german_files
from plain_language.rules import passive_in
from plain_language.source import read_markdown
from plain_language.text import split_sentences

from conftest import FIXTURES, ROOT, build_site, read_html

SET = FIXTURES / "plain_language" / "labelled.toml"
EXAMPLE = FIXTURES / "plain_language" / "leichte_sprache_beispiel.md"
SITE = FIXTURES / "plain_language" / "site"
GENERAL_KINDS = ("long_sentence", "long_word", "passive", "nominal_style", "rare_word", "abbreviation")
MIN_PRECISION = 0.9
MIN_RECALL = 0.6  # not the goal (precision is), but a kind that stops finding anything must fail


def project_options() -> Options:
    """The options of pelicanconf.py: what authors get."""
    import pelicanconf

    return Options.from_settings({name: getattr(pelicanconf, name) for name in dir(pelicanconf) if name.isupper()})


@pytest.fixture(scope="module")
def tools():
    """One word list and tagger for the module, as one build has."""
    return Tools.new()


@pytest.fixture(scope="module")
def labelled():
    """The labelled set."""
    return tomllib.loads(SET.read_text(encoding="utf-8"))


def found_kinds(text: str, leichte_sprache: bool, tools) -> set[str]:
    """The kinds of hint a sentence gets when it is a page of its own."""
    page = f"Title: Satz\n\n{text}\n"
    return {hint.kind for hint in analyse(page, project_options(), tools, leichte_sprache).hints}


def figures(entries, kinds, leichte_sprache, tools) -> dict[str, Counter]:
    """True and false positives and misses per kind over the labelled entries."""
    counts = {kind: Counter() for kind in kinds}
    for entry in entries:
        found = found_kinds(entry["text"], leichte_sprache, tools)
        for kind in kinds:
            if kind in entry.get("unsure", []):
                continue
            expected, got = kind in entry["hints"], kind in found
            counts[kind]["tp" if expected and got else "fp" if got else "fn" if expected else "tn"] += 1
    return counts


def report_table(title: str, counts: dict[str, Counter], size: int) -> str:
    """Precision and recall per kind as a Markdown table."""
    lines = [
        f"{title} ({size} Sätze)",
        "",
        "| kind | labelled | found | precision | recall |",
        "| --- | --- | --- | --- | --- |",
    ]
    for kind, count in counts.items():
        found, labelled = count["tp"] + count["fp"], count["tp"] + count["fn"]
        precision = f"{count['tp'] / found:.2f}" if found else "–"
        recall = f"{count['tp'] / labelled:.2f}" if labelled else "–"
        lines.append(f"| {kind} | {labelled} | {found} | {precision} | {recall} |")
    return "\n".join(lines)


def assert_figures(counts: dict[str, Counter]) -> None:
    for kind, count in counts.items():
        found, labelled = count["tp"] + count["fp"], count["tp"] + count["fn"]
        assert labelled >= 3, f"{kind}: too few labelled examples ({labelled})"
        assert found and count["tp"] / found >= MIN_PRECISION, f"{kind}: precision {count['tp']}/{found}"
        assert count["tp"] / labelled >= MIN_RECALL, f"{kind}: recall {count['tp']}/{labelled}"


def test_labelled_set_is_large_enough(labelled):
    assert len(labelled["sentence"]) >= 150
    assert len(labelled["leicht"]) >= 40
    kinds = {kind for entry in labelled["sentence"] + labelled["leicht"] for kind in entry["hints"]}
    assert kinds == set(GENERAL_KINDS) | (STRICT_KINDS - {"ls_italics"}) | {"ls_italics"}


def test_general_hints_precision_per_kind(labelled, tools):
    counts = figures(labelled["sentence"], GENERAL_KINDS, False, tools)
    print("\n" + report_table("Sprachhinweise, allgemeine Regeln", counts, len(labelled["sentence"])))
    assert_figures(counts)


def test_leichte_sprache_rules_precision_per_kind(labelled, tools):
    strict = sorted(STRICT_KINDS)
    counts = figures(labelled["leicht"], strict, True, tools)
    print("\n" + report_table("Leichte Sprache, strenge Regeln", counts, len(labelled["leicht"])))
    assert_figures(counts)


def test_leichte_sprache_example_gives_exactly_its_four_findings(tools):
    report = analyse(EXAMPLE.read_text(encoding="utf-8"), project_options(), tools)
    assert report.leichte_sprache
    assert [(hint.line, hint.kind) for hint in report.hints] == [
        (8, "ls_genitive"),
        (10, "ls_konjunktiv"),
        (12, "ls_negation"),
        (14, "ls_sentence"),
    ]
    assert "25 Wörter" in report.hints[3].what
    assert "der Stadt" in report.hints[0].passage


def test_leichte_sprache_pages_have_no_strict_findings(tools):
    pages = [
        ROOT / "content" / "seiten" / "leichte-sprache.md",
        *sorted((ROOT / "content" / "seiten" / "leichte-sprache").glob("*.md")),
    ]
    assert len(pages) >= 7
    findings = []
    for page in pages:
        report = analyse(page.read_text(encoding="utf-8"), project_options(), tools)
        assert report.leichte_sprache, f"{page.name} ist nicht als Leichte Sprache markiert"
        findings += [hint.message(str(page.relative_to(ROOT))) for hint in report.hints if hint.kind in STRICT_KINDS]
    assert findings == []


def test_markdown_lines_code_and_tables():
    source = read_markdown(
        "Title: X\nSummary: lang\n\nErster Satz in Zeile vier\nläuft bis Zeile fünf. Zweiter Satz.\n\n"
        "```\nCode wird nicht gelesen.\n```\n\n| a | b |\n| --- | --- |\n| Tabelle | nein |\n\n"
        "- Ein [Link](https://example.org/x) und `code` im Punkt\n\n## Eine Überschrift\n"
    )
    sentences = [sentence for block in source.blocks for sentence in split_sentences(block)]
    assert [(sentence.line, sentence.text) for sentence in sentences] == [
        (4, "Erster Satz in Zeile vier läuft bis Zeile fünf."),
        (5, "Zweiter Satz."),
        (15, "Ein Link und im Punkt"),
        (17, "Eine Überschrift"),
    ]
    assert source.fields["summary"] == ("lang", 2)


def test_sentences_do_not_end_at_abbreviations_or_ordinals():
    source = read_markdown("Wir treffen uns am 3. März, z. B. im Rathaus. Dann bzw. danach essen wir.\n")
    assert [sentence.text for sentence in split_sentences(source.blocks[0])] == [
        "Wir treffen uns am 3. März, z. B. im Rathaus.",
        "Dann bzw. danach essen wir.",
    ]


def test_passive_needs_werden_and_participle_in_one_clause(tools):
    def passive(text):
        return passive_in(tools.tagger.tags(tuple(text.split())))

    assert passive("Der Antrag wird von der Stabsstelle bearbeitet .") == ("wird … bearbeitet", False)
    assert passive("Die Unterlagen sind bis Freitag einzureichen .") == ("sind … einzureichen", True)
    assert passive("Wir werden den Antrag morgen bearbeiten .") is None
    assert passive("Sie wird Leiterin der Stabsstelle .") is None
    assert passive("Die Bilder sind im Foyer zu sehen .") is None


def test_readability_agrees_with_textstat_on_the_demo_pages(tools):
    import textstat

    textstat.set_lang("de")
    names = ("beratung.md", "beirat.md", "wer-wir-sind.md", "datenschutz.md", "grundlagen.md", "leichte-sprache.md")
    pages = [ROOT / "content" / "seiten" / name for name in names]
    for page in pages:
        source = read_markdown(page.read_text(encoding="utf-8"))
        sentences = [s for block in source.blocks if not block.heading for s in split_sentences(block)]
        ours = flesch_amstad([[token.text for token in sentence.words] for sentence in sentences])
        # each list item and heading-less line a sentence for textstat too (it splits only at . ! ?)
        text = " ".join(sentence.text if sentence.text[-1] in ".!?" else sentence.text + "." for sentence in sentences)
        theirs = textstat.flesch_reading_ease(text)
        assert abs(ours - theirs) <= 5, f"{page.name}: {ours:.1f} / textstat {theirs:.1f}"


def test_only_german_files_are_checked():
    files = german_files(SITE, ["README.md"])
    assert [path.relative_to(SITE).as_posix() for path in files] == ["seiten/antrag.md"]


def test_invoke_sprache_and_check_on_a_fixture(tmp_path):
    page = (SITE / "seiten" / "antrag.md").relative_to(ROOT)
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "sprache", "-d", str(page)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # the heavier hint first: an unexplained abbreviation (3) before a passive (1.5)
    assert lines[0] == (
        f"{page}:16: Abkürzung „BMI“ beim ersten Vorkommen nicht erklärt — Schreiben Sie beim ersten Mal "
        "„Bundesministerium des Innern (BMI)“"
    )
    assert lines[1].startswith(f"{page}:6: Passiv „wird … bearbeitet“")
    assert "Lesbarkeit (Flesch-Amstad)" in result.stdout
    assert lines[-1] == "2 Sprachhinweis(e) in 1 deutschen Datei(en): 1 Abkürzung, 1 Passiv."
    english = subprocess.run(
        [
            sys.executable,
            "-m",
            "invoke",
            "sprache",
            "-d",
            str((SITE / "seiten" / "en" / "antrag.md").relative_to(ROOT)),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert english.returncode == 0 and "kein deutscher Markdown-Text" in english.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "invoke", "sprache", "-d", "content/gibtsnicht.md"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert missing.returncode == 1 and "content/gibtsnicht.md: Datei nicht gefunden — " in missing.stderr
    assert "Traceback" not in missing.stderr
    check = subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--content", str(SITE)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert "2 Sprachhinweis(e) zu deutschen Texten" in check.stdout
    assert "Traceback" not in check.stderr


def test_preview_shows_the_hints_collapsed_and_publish_does_not(tmp_path):
    preview = build_site(SITE, "pelicanconf.py", tmp_path / "vorschau", "-e", "SEARCH_INDEX_ENABLED=false")
    panel = read_html(preview / "antrag" / "index.html").select_one("details.language-hints")
    assert panel is not None and panel.has_attr("data-pagefind-ignore")
    assert "2 Sprachhinweis(e)" in panel.summary.get_text()
    items = [item.get_text(" ", strip=True) for item in panel.select(".language-hints__item")]
    assert items[0].startswith("Zeile 16: Abkürzung „BMI“") and items[1].startswith("Zeile 6: Passiv")
    assert "Codeblock" not in panel.get_text() and "Antidiskriminierungsberatungsstelle" not in panel.get_text()
    assert read_html(preview / "en" / "antrag" / "index.html").select_one(".language-hints") is None
    published = build_site(
        SITE,
        "pelicanconf.py",
        tmp_path / "ohne",
        "-e",
        "SEARCH_INDEX_ENABLED=false",
        "PLAIN_LANGUAGE_SHOW_ON_PAGE=false",
    )
    assert read_html(published / "antrag" / "index.html").select_one(".language-hints") is None
    from quality.nu_checker import nu_checker_errors

    assert nu_checker_errors(preview) == []


def test_a_quick_build_gives_hints_to_the_saved_files_only(tmp_path):
    """The preview's quick build writes only the saved files' pages: only they get hints (and no second
    process checks the whole folder meanwhile)."""
    content = tmp_path / "inhalt"
    shutil.copytree(SITE, content)
    antrag = content / "seiten" / "antrag.md"
    saved = content / "seiten" / "zweiter-antrag.md"
    saved.write_text(antrag.read_text("utf-8").replace("Slug: antrag", "Slug: zweiter-antrag"), "utf-8")
    output = build_site(
        content,
        "pelicanconf.py",
        tmp_path / "schnell",
        "-e",
        "SEARCH_INDEX_ENABLED=false",
        f"PLAIN_LANGUAGE_ONLY_SOURCES={json.dumps([str(saved)])}",
    )
    panel = read_html(output / "zweiter-antrag" / "index.html").select_one("details.language-hints")
    assert panel is not None and "2 Sprachhinweis(e)" in panel.summary.get_text()
    assert read_html(output / "antrag" / "index.html").select_one(".language-hints") is None
