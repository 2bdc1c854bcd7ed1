"""Documents: entries with type, size, pages, language and date; PDF accessibility and /Author hints."""

import logging
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from documents.entries import format_size, pages_text, request_mailto
from documents.files import NO_LANG, NO_TEXT, NO_TITLE, UNTAGGED, inspect, names_person
from documents.links import linked_path, source_line
from documents.plugin import add_template_helpers, hints_for
from documents.topics import group_by_topic
from jinja2 import Environment, pass_context
from pypdf import PdfReader

from common.ui_strings import load_ui_strings
from conftest import FIXTURES, ROOT, read_html, run_pelican

SITE = FIXTURES / "documents_site"
DOCS = SITE / "dokumente"
STRINGS = load_ui_strings(ROOT / "theme" / "ui_strings.toml")
OFFICE = ("Stabsstelle für Vielfalt und Chancengleichheit", "Stadt Musterstadt")
ARABIC_DIGITS = set("٠١٢٣٤٥٦٧٨٩")


def test_size_in_german_and_arabic_notation():
    assert format_size(1_234_567, "de_DE") == "1,2 MB"
    assert format_size(25_400, "de_DE") == "25 kB"
    assert format_size(900, "de_DE") == "900 Byte"
    arabic = format_size(1_234_567, "ar_SY")
    assert "١٫٢" in arabic and not any(char.isascii() and char.isdigit() for char in arabic)
    assert "۱٫۲" in format_size(1_234_567, "fa_IR")


def test_page_count_takes_each_languages_plural_form():
    german, ukrainian = {**STRINGS["de"]}, {**STRINGS["de"], **STRINGS["uk"]}
    assert pages_text(1, "de_DE", german) == "1 Seite"
    assert pages_text(14, "de_DE", german) == "14 Seiten"
    assert pages_text(3, "uk_UA", ukrainian) == "3 сторінки"
    assert pages_text(5, "uk_UA", ukrainian) == "5 сторінок"
    assert pages_text(21, "uk_UA", ukrainian) == "21 сторінка"


def test_fixture_documents_sizes_and_page_counts_are_the_files_own():
    for name in ("getaggt.pdf", "scan.pdf", "mit-autor.pdf"):
        file = inspect(SITE, f"dokumente/{name}")
        assert file.size == (DOCS / name).stat().st_size
        assert file.pages == len(PdfReader(DOCS / name).pages)
    odt = inspect(SITE, "dokumente/formular.odt")
    assert (odt.kind, odt.title, odt.lang, odt.accessible) == ("ODT", "Formular Beispiel", "de-DE", None)


def test_untagged_scan_is_flagged_with_every_reason_and_tagged_pdf_is_not():
    scan = inspect(SITE, "dokumente/scan.pdf")
    assert scan.problems == (UNTAGGED, NO_LANG, NO_TITLE, NO_TEXT)
    assert scan.accessible is False
    (what, _fix), *_ = hints_for(scan, OFFICE)
    for reason in ("Tag-Struktur", "/MarkInfo", "/Lang", "/DisplayDocTitle", "auslesbarer Text"):
        assert reason in what
    tagged = inspect(SITE, "dokumente/getaggt.pdf")
    assert (tagged.problems, tagged.accessible, tagged.lang) == ((), True, "de")
    assert hints_for(tagged, OFFICE) == []


def test_author_naming_a_person_is_a_hint_and_the_office_is_not():
    file = inspect(SITE, "dokumente/mit-autor.pdf")
    (what, fix), *others = hints_for(file, OFFICE)
    assert "Max Mustermann" in what and "mit-autor.pdf" in what and "Dokumenteigenschaften" in fix
    assert others == [] and file.accessible is True
    assert not names_person(" stabsstelle für  Vielfalt und Chancengleichheit", OFFICE)
    assert not names_person("", OFFICE)


def test_demo_documents_only_the_scan_is_not_accessible():
    root = ROOT / "content"
    flagged = {
        path.name: file.problems
        for path in sorted((root / "dokumente").rglob("*.pdf"))
        if (file := inspect(root, path.relative_to(root).as_posix())).problems
    }
    assert flagged == {"merkblatt-sprachmittlung-2009.pdf": (UNTAGGED, NO_LANG, NO_TITLE, NO_TEXT)}


def test_request_mail_subject_names_the_document_percent_encoded():
    url = request_mailto("barrierefreiheit@example.org", "Fassung: {title} ({filename})", "A & B? Ä", "a b.pdf")
    parts = urlsplit(url)
    assert (parts.scheme, parts.path) == ("mailto", "barrierefreiheit@example.org")
    assert parse_qs(parts.query) == {"subject": ["Fassung: A & B? Ä (a b.pdf)"]}
    assert " " not in url and url.count("?") == 1 and "&" not in url


def test_links_resolve_like_pelican_and_find_their_line():
    assert linked_path("{static}/dokumente/a.pdf", "seiten") == "dokumente/a.pdf"
    assert linked_path("{static}../dokumente/a.ODT", "seiten") == "dokumente/a.ODT"
    assert linked_path("{filename}/dokumente/a.pdf#seite=2", "seiten") == "dokumente/a.pdf"
    assert linked_path("{static}/images/a.png", "seiten") is None
    assert linked_path("https://example.org/a.pdf", "seiten") is None
    assert linked_path("{static}../../a.pdf", "seiten") is None
    source = "Title: X\n\nText\n- [A]({static}/dokumente/a.pdf)\n"
    assert source_line(source, "dokumente/a.pdf") == 4


def documents_env(content: Path) -> Environment:
    """A Jinja environment with the plugin's globals for `content`, the page language from `lang`."""
    generator = type("Generator", (), {})()
    generator.env, generator.context = Environment(), {}
    generator.settings = {
        "PATH": str(content),
        "DEFAULT_LANG": "de",
        "SITE_LANGUAGES": {"de": {"locale": "de_DE"}, "ar": {"locale": "ar_SY"}},
        "LOCALISATION_UI_STRINGS_FILE": str(ROOT / "theme" / "ui_strings.toml"),
        "FEEDBACK_EMAIL": "barrierefreiheit@example.org",
    }
    add_template_helpers(generator)
    generator.env.globals["current_lang"] = pass_context(lambda context: context.get("lang", "de"))
    return generator.env


def test_documents_in_lists_a_folder_by_file_name_in_the_pages_language():
    env = documents_env(SITE)
    template = env.from_string(
        "{% for d in documents_in('') %}{{ d.filename }}|{{ d.size_text }}|{{ d.pages }}|{{ d.accessible }};{% endfor %}"
    )
    rows = [row.split("|") for row in template.render(lang="de").strip(";").split(";")]
    assert [row[0] for row in rows] == ["formular.odt", "getaggt.pdf", "mit-autor.pdf", "scan.pdf"]
    for name, size, pages, accessible in rows:
        assert size == format_size((DOCS / name).stat().st_size, "de_DE")
        assert pages == ("None" if name.endswith(".odt") else str(len(PdfReader(DOCS / name).pages)))
        assert accessible == {"formular.odt": "None", "scan.pdf": "False"}.get(name, "True")
    arabic = template.render(lang="ar")
    assert format_size((DOCS / "scan.pdf").stat().st_size, "ar_SY") in arabic


@pytest.fixture(scope="module")
def strict_site(tmp_path_factory) -> Path:
    """The fixture site built as strictly as a publish (warnings and content problems fail it)."""
    output = tmp_path_factory.mktemp("dokumente")
    result = run_pelican(
        SITE, "pelicanconf.py", output, "-e", "BUILD_MESSAGES_STRICT=true", "CONTENT_CHECKS_AS_ERRORS=true"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # … while the hints are shown to whoever publishes, as warnings.
    log = result.stdout + result.stderr
    assert "Hinweis: " in log and "scan.pdf" in log and "Max Mustermann" in log
    return output


def entries_by_href(page: Path) -> dict:
    soup = read_html(page)
    return {entry.a["href"].rsplit("/", 1)[-1]: entry for entry in soup.select(".page__body .document-entry")}


def test_hints_do_not_fail_a_strict_build_and_entries_show_the_files_facts(strict_site):
    entries = entries_by_href(strict_site / "merkblaetter" / "index.html")
    assert set(entries) == {"getaggt.pdf", "scan.pdf", "mit-autor.pdf", "formular.odt"}
    for name, entry in entries.items():
        meta = entry.select_one(".document-entry__meta").get_text()
        assert format_size((DOCS / name).stat().st_size, "de_DE") in meta
        if name.endswith(".pdf"):
            assert f"{len(PdfReader(DOCS / name).pages)} Seite" in meta
    assert entries["getaggt.pdf"].a.get_text() == "Merkblatt Beispiel"
    assert entries["getaggt.pdf"].select_one(".document-entry__note") is None
    note = entries["scan.pdf"].select_one(".document-entry__note")
    assert "Dieses Dokument ist nicht barrierefrei." in note.get_text()
    request = urlsplit(note.select_one("a.document-entry__request")["href"])
    assert parse_qs(request.query)["subject"] == [
        "Barrierefreie Fassung anfordern: Altes Merkblatt Sprachmittlung (scan.pdf)"
    ]


def test_arabic_page_shows_sizes_in_arabic_indic_digits(strict_site):
    entries = entries_by_href(strict_site / "ar" / "merkblaetter" / "index.html")
    meta = entries["getaggt.pdf"].select_one(".document-entry__meta").get_text()
    size = format_size((DOCS / "getaggt.pdf").stat().st_size, "ar_SY")
    assert size in meta and ARABIC_DIGITS & set(size)
    assert not any(char.isascii() and char.isdigit() for char in meta)
    assert entries["getaggt.pdf"].a["hreflang"] == "de"
    assert "هذا المستند" in entries["scan.pdf"].select_one(".document-entry__note").get_text()
    # The scan names no language: it is taken for one of the office's German documents, not for Arabic.
    assert entries["scan.pdf"].a["hreflang"] == "de"
    assert "الألمانية" in entries["scan.pdf"].select_one(".document-entry__meta").get_text()


def test_documents_page_lists_every_document_with_its_state(strict_site):
    soup = read_html(strict_site / "dokumente" / "index.html")
    items = soup.select(".document-list__item")
    names = sorted(item.a["href"].rsplit("/", 1)[-1] for item in items)
    assert names == ["formular.odt", "getaggt.pdf", "mit-autor.pdf", "scan.pdf"]
    states = {item.a["href"].rsplit("/", 1)[-1]: item.get_text(" ", strip=True) for item in items}
    assert "nicht barrierefrei" in states["scan.pdf"] and "Barrierefreies PDF" in states["getaggt.pdf"]
    assert [h.get_text() for h in soup.select(".document-list__kind")] == ["PDF", "Textdokument (ODT)"]


def test_invoke_check_lists_the_hints_and_finds_no_problem(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    # A PDF no page links (as a session's documents): its hint names the file itself, with no line.
    unlinked = site / "dokumente" / "sitzungen" / "s1" / "einladung.pdf"
    unlinked.parent.mkdir(parents=True)
    shutil.copy(DOCS / "scan.pdf", unlinked)
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--content", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = (result.stdout + result.stderr).splitlines()
    assert any("seiten/merkblaetter.md:8:" in line and "scan.pdf" in line and "/Lang" in line for line in lines)
    assert any("seiten/merkblaetter.md:9:" in line and "Max Mustermann" in line for line in lines)
    assert any("seiten/ar/merkblaetter.md:9:" in line and "scan.pdf" in line for line in lines)
    assert any("dokumente/sitzungen/s1/einladung.pdf: " in line and "/Lang" in line for line in lines)
    assert "keine Probleme gefunden" in result.stdout


def fake_entry(file, title, fallback_lang):
    return type("Entry", (), {"path": file.path, "kind_text": file.kind, "lang": fallback_lang})()


def test_topics_sessions_under_the_beirat_tags_for_the_rest_untagged_last():
    item = type("Item", (), {})
    concept, untagged = item(), item()
    concept.lang, concept.relative_source_path, concept.tags = "de", "seiten/grundlagen.md", ["Integrationskonzept"]
    untagged.lang, untagged.relative_source_path, untagged.tags = "de", "seiten/barrierefreiheit.md", []
    files = [
        inspect(SITE, "dokumente/getaggt.pdf"),
        inspect(SITE, "dokumente/scan.pdf"),
        inspect(SITE, "dokumente/formular.odt"),
    ]
    links = {"dokumente/getaggt.pdf": [(concept, "Konzept")], "dokumente/scan.pdf": [(untagged, "Altes Blatt")]}
    texts = {**STRINGS["de"], **STRINGS["ar"]}
    topics = group_by_topic(
        files,
        links,
        lang="ar",
        default_lang="de",
        texts=texts,
        make=fake_entry,
        sessions_folder="dokumente",
        sessions_topic="Beirat",
    )
    assert [(topic.name, topic.name_lang) for topic in topics] == [(texts["document_topic_beirat"], "ar")]
    topics = group_by_topic(
        files,
        links,
        lang="ar",
        default_lang="de",
        texts=texts,
        make=fake_entry,
        sessions_folder="dokumente/sitzungen",
        sessions_topic="Beirat",
    )
    assert [topic.name for topic in topics] == [
        texts["document_topic_integrationskonzept"],
        texts["document_topic_other"],
    ]
    assert [[entry.path for entry, _ in entries] for _, entries in topics[1].groups] == [
        ["dokumente/formular.odt"],
        ["dokumente/scan.pdf"],
    ]
    assert topics[1].groups[1][1][0][1] == "de"  # the scan's title is the German page's link text


def test_damaged_file_becomes_a_hint_not_a_crash(tmp_path, caplog):
    (tmp_path / "dokumente").mkdir()
    (tmp_path / "dokumente" / "kaputt.pdf").write_bytes(b"%PDF-1.4\n\x00\x01 kein PDF")
    (tmp_path / "dokumente" / "kaputt.odt").write_bytes(b"PK\x03\x04 kein ZIP")
    for name in ("kaputt.pdf", "kaputt.odt"):
        file = inspect(tmp_path, f"dokumente/{name}")
        assert (
            file.unreadable and file.accessible is None and file.size == (tmp_path / "dokumente" / name).stat().st_size
        )
        ((what, fix),) = hints_for(file, OFFICE)
        assert f"dokumente/{name}" in what and "lässt sich nicht lesen" in what and fix
    # pypdf's English warnings would fail a strict build; the German hint replaces them.
    assert [record for record in caplog.records if record.levelno >= logging.WARNING] == []


def test_documents_in_stays_inside_the_documents_folder(tmp_path):
    (tmp_path / "dokumente" / "sitzung").mkdir(parents=True)
    (tmp_path / "andere").mkdir()
    for folder in ("dokumente/sitzung", "andere"):
        (tmp_path / folder / "einladung.pdf").write_bytes((DOCS / "getaggt.pdf").read_bytes())
    template = documents_env(tmp_path).from_string(
        "{{ documents_in('sitzung') | length }}|{{ documents_in('../andere') | length }}|{{ documents_in('fehlt') | length }}"
    )
    assert template.render() == "1|0|0"
