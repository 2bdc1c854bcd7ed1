"""Beirat sessions (plugins/sessions): agenda, documents, minutes, the Beirat page's lists, German messages."""

import json
import shutil
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfWriter
from sessions.agenda import agenda_part, render_agenda
from sessions.fields import document_role, in_session_order, read_session, session_state
from sessions.overview import local_digits, sessions_overview
from sessions.plugin import DEFAULTS, agenda_hints

from conftest import FIXTURES, ROOT, read_html, run_pelican

BERLIN = ZoneInfo("Europe/Berlin")
NAMES = DEFAULTS["SESSIONS_AGENDA_HEADINGS"]
BODIES = {"Beirat für Migration und Integration": "session_body_beirat", "Arbeitsgruppe Bildung und Sprache": "x"}
NOW = "2027-01-15 12:00"  # the fixture's sessions of 2025 and 2026 are past, the one of 2028 is upcoming
AGENDA = """<p>Einleitung</p>
<h2>Tagesordnung</h2>
<h3>Öffentlicher Teil</h3>
<ul><li>Begrüßung</li><li>Bericht <strong>des Vorsitzes</strong></li></ul>
<h3>Nichtöffentlicher Teil</h3>
<ul><li>Vergabe von Zuschüssen<ul><li>Antrag des Vereins Musterverein</li></ul></li><li>Personalangelegenheiten</li></ul>
"""


def top(number: int) -> str:
    return f"TOP {number}"


# --- the agenda --------------------------------------------------------------


def test_agenda_items_are_numbered_across_both_parts():
    agenda = render_agenda(AGENDA, NAMES, top, "Nicht öffentlich")
    soup = BeautifulSoup(agenda.html, "html.parser")
    numbers = [span.get_text() for span in soup.select("ol.session-agenda__list .session-agenda__number")]
    assert numbers == ["TOP 1", "TOP 2", "TOP 3", "TOP 4"]
    assert agenda.parts == ["public", "non_public"]
    public = soup.select_one("ol.session-agenda__list--public")
    assert " ".join(public.find_all("li")[1].get_text(" ").split()) == "TOP 2 Bericht des Vorsitzes"


def test_non_public_part_is_labelled_and_shows_titles_only():
    agenda = render_agenda(AGENDA, NAMES, top, "Nicht öffentlich: nur die Titel")
    soup = BeautifulSoup(agenda.html, "html.parser")
    heading = soup.find("h3", class_="session-agenda__heading--non-public")
    note = heading.find_next_sibling()
    assert note.name == "p" and note["class"] == ["session-agenda__note"]
    assert note.get_text() == "Nicht öffentlich: nur die Titel"
    items = soup.select("ol.session-agenda__list--non-public > li")
    assert [item.get_text() for item in items] == ["TOP 3 Vergabe von Zuschüssen", "TOP 4 Personalangelegenheiten"]
    assert "Musterverein" not in agenda.html
    assert agenda.trimmed == ["Vergabe von Zuschüssen"]


def test_agenda_headings_are_recognised_as_authors_write_them():
    assert agenda_part("Nicht-öffentlicher Teil:", NAMES) == "non_public"
    assert agenda_part("nichtöffentlicher teil", NAMES) == "non_public"
    assert agenda_part("Öffentlicher  Teil", NAMES) == "public"
    assert agenda_part("Tagesordnung", NAMES) is None
    arabic = {"public": ["الجزء العلني"], "non_public": ["الجزء غير العلني"]}
    assert agenda_part("الجزء غير العلني", arabic) == "non_public"
    assert agenda_part("الجزء العلني", arabic) == "public"


def test_a_body_without_agenda_is_left_alone_and_gets_a_hint():
    html = "<p>Die Tagesordnung folgt.</p>"
    agenda = render_agenda(html, NAMES, top, "")
    assert agenda.html == html and agenda.parts == []
    source = "Title: X\nSession_body: Beirat für Migration und Integration\nEvent_start: 2028-01-01 17:00\n\nText\n"
    ((line, what, fix),) = agenda_hints(agenda, source, NAMES)
    assert line == 2
    assert "Keine Tagesordnung" in what and "„## Öffentlicher Teil“" in fix


def test_an_agenda_heading_without_list_and_trimmed_details_get_hints_at_their_lines():
    agenda = render_agenda(
        AGENDA.replace("<ul><li>Begrüßung</li><li>Bericht <strong>des Vorsitzes</strong></li></ul>", ""), NAMES, top, ""
    )
    assert agenda.empty_parts == ["public"]
    source = "Title: X\n\n## Öffentlicher Teil\n\n## Nichtöffentlicher Teil\n\n- Vergabe\n    - Antrag\n"
    hints = agenda_hints(agenda, source, NAMES)
    assert [line for line, _, _ in hints] == [3, 5]
    assert "keine Liste" in hints[0][1]
    assert "„Vergabe von Zuschüssen“" in hints[1][1] and "nicht auf der Website" in hints[1][1]


# --- session fields and their German messages --------------------------------


def session_of(tmp_path, **metadata):
    return read_session(metadata, "beirat-sitzung-2026-03-12", tmp_path, "sitzungen", BODIES)


def test_session_documents_and_minutes_are_read_from_its_folder(tmp_path):
    folder = tmp_path / "sitzungen" / "beirat-sitzung-2026-03-12"
    folder.mkdir(parents=True)
    for name in ("vorlage-01-haushalt.pdf", "einladung.pdf"):
        (folder / name).write_bytes(b"%PDF-1.7")
    session, problems = session_of(tmp_path, session_body="Beirat für Migration und Integration", event_start="x")
    assert problems == []
    assert session.documents_folder == "sitzungen/beirat-sitzung-2026-03-12"
    assert session.files == ("einladung.pdf", "vorlage-01-haushalt.pdf") and not session.has_minutes
    (folder / "niederschrift.pdf").write_bytes(b"%PDF-1.7")
    session, _ = session_of(tmp_path, session_body="Beirat für Migration und Integration", event_start="x")
    assert session.has_minutes
    assert session.files == ("einladung.pdf", "vorlage-01-haushalt.pdf", "niederschrift.pdf")
    assert session.body_key == "session_body_beirat"


def test_documents_are_ordered_as_a_session_uses_them():
    docs = [
        SimpleNamespace(filename=name)
        for name in ("niederschrift.pdf", "anlage.pdf", "vorlage-02-b.pdf", "einladung.pdf", "vorlage-01-a.pdf")
    ]
    names = [doc.filename for doc in in_session_order(docs)]
    assert names == ["einladung.pdf", "vorlage-01-a.pdf", "vorlage-02-b.pdf", "niederschrift.pdf", "anlage.pdf"]
    assert document_role("Niederschrift.PDF") == "minutes" and document_role("anlage.pdf") == ""


@pytest.mark.parametrize(
    ("metadata", "field", "what", "fix"),
    [
        (
            {"session_body": "Beirat für Migration und Integration"},
            "session_body",
            "„Event_start“ fehlt",
            "Event_start: 2026-03-12 17:00",
        ),
        (
            {"session_body": "Beirat fur Migration und Integration", "event_start": "x"},
            "session_body",
            "Unbekanntes Gremium „Beirat fur Migration und Integration“",
            "Meinten Sie „Beirat für Migration und Integration“?",
        ),
        (
            {"session_body": "  ", "event_start": "x"},
            "session_body",
            "„Session_body“ ist leer",
            "Session_body: Beirat für Migration und Integration",
        ),
        (
            {"session_documents": "sitzungen/x", "event_start": "x"},
            "session_documents",
            "ohne „Session_body“",
            "löschen Sie die Zeile",
        ),
        (
            {
                "session_body": "Beirat für Migration und Integration",
                "event_start": "x",
                "session_documents": "sitzungen/gibt-es-nicht",
            },
            "session_documents",
            "Den Ordner „content/dokumente/sitzungen/gibt-es-nicht“ (Session_documents) gibt es nicht",
            "Legen Sie den Ordner",
        ),
        (
            {
                "session_body": "Beirat für Migration und Integration",
                "event_start": "x",
                "session_documents": "../../etc",
            },
            "session_documents",
            "kein Ordner unterhalb von content/dokumente/",
            "relativ zu content/dokumente/",
        ),
        (
            {
                "session_body": "Beirat für Migration und Integration",
                "event_start": "x",
                "session_documents": "x" * 5000,
            },
            "session_documents",
            "Den Ordner „content/dokumente/xxx",
            "Legen Sie den Ordner",
        ),
    ],
    ids=[
        "ohne-termin",
        "unbekanntes-gremium",
        "leeres-gremium",
        "unterlagen-ohne-sitzung",
        "ordner-fehlt",
        "ordner-ausserhalb",
        "ordnername-zu-lang",
    ],
)
def test_each_bad_value_gets_its_german_message(tmp_path, metadata, field, what, fix):
    _, problems = session_of(tmp_path, **metadata)
    ((problem_field, problem_what, problem_fix),) = problems
    assert problem_field == field
    assert what in problem_what
    assert fix in problem_fix


def test_session_state_follows_the_event():
    assert session_state(SimpleNamespace(status="", upcoming=True)) == "planned"
    assert session_state(SimpleNamespace(status="", upcoming=False)) == "held"
    assert session_state(SimpleNamespace(status="abgesagt", upcoming=True)) == "cancelled"
    assert session_state(SimpleNamespace(status="verschoben", upcoming=True)) == "moved"
    assert session_state(None) == ""


# --- the per-language list ---------------------------------------------------


def fake_session(day: str, upcoming: bool, translations=()):
    start = datetime.fromisoformat(day).replace(tzinfo=BERLIN)
    event = SimpleNamespace(start=start, upcoming=upcoming, status="")
    return SimpleNamespace(lang="de", slug=day, session=object(), event=event, translations=list(translations))


def test_overview_lists_upcoming_in_date_order_and_past_by_year_newest_first():
    arabic = SimpleNamespace(lang="ar", slug="2026-06-18")
    sessions = [
        fake_session("2026-03-12T17:00", False),
        fake_session("2028-05-04T17:00", True),
        fake_session("2025-11-27T17:00", False),
        fake_session("2028-02-17T17:30", True),
        fake_session("2026-06-18T17:00", False, [arabic]),
        SimpleNamespace(lang="de", slug="no-session", session=None, event=None),
    ]
    overview = sessions_overview(sessions, "de", "de_DE")
    assert [entry.item.slug for entry in overview.upcoming] == ["2028-02-17T17:30", "2028-05-04T17:00"]
    assert [(year.year_text, [entry.item.slug for entry in year.entries]) for year in overview.past] == [
        ("2026", ["2026-06-18T17:00", "2026-03-12T17:00"]),
        ("2025", ["2025-11-27T17:00"]),
    ]
    arabic_overview = sessions_overview(sessions, "ar", "ar_SY")
    assert [year.year_text for year in arabic_overview.past] == ["٢٠٢٦", "٢٠٢٥"]
    first_2026 = arabic_overview.past[0].entries
    assert (first_2026[0].item, first_2026[0].other_lang) == (arabic, False)
    assert first_2026[1].other_lang  # not translated: the German version, marked


def test_digits_follow_the_locale():
    assert local_digits("TOP 12", "fa_IR") == "TOP ۱۲"
    assert local_digits("2026", "de_DE") == "2026"


# --- a small site, built before and after its minutes are added ----------------


def write_pdf(path: Path, title: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_metadata({"/Title": title})
    with path.open("wb") as file:
        writer.write(file)


def build(content: Path, output: Path, cache: Path) -> str:
    settings = {"EVENTS_NOW": NOW, "SEARCH_INDEX_ENABLED": False, "RESPONSIVE_IMAGES_CACHE": str(cache)}
    extra = [item for name, value in settings.items() for item in ("-e", f"{name}={json.dumps(value)}")]
    result = run_pelican(content, "pelicanconf.py", output, *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fixture built as is (before) and again after only niederschrift.pdf was added (after)."""
    root = tmp_path_factory.mktemp("sitzungen")
    content = root / "content"
    shutil.copytree(FIXTURES / "sessions_site", content)
    folder = content / "dokumente" / "sitzungen"
    write_pdf(folder / "beirat-sitzung-2026-03-12" / "einladung.pdf", "Einladung zur Sitzung am 12. März 2026")
    write_pdf(folder / "beirat-sitzung-2026-03-12" / "vorlage-01-haushalt.pdf", "Vorlage 01: Haushalt 2026")
    write_pdf(folder / "beirat-sitzung-2025-11-27" / "niederschrift.pdf", "Niederschrift vom 27. November 2025")
    write_pdf(folder / "ag-bildung-sprache-sitzung-2028-02-17" / "einladung.pdf", "Einladung AG")
    before_sources = sorted(path.relative_to(content) for path in content.rglob("*.md"))
    log = build(content, root / "vorher", root / "cache")
    write_pdf(folder / "beirat-sitzung-2026-03-12" / "niederschrift.pdf", "Niederschrift vom 12. März 2026")
    assert sorted(path.relative_to(content) for path in content.rglob("*.md")) == before_sources
    build(content, root / "nachher", root / "cache")
    return SimpleNamespace(before=root / "vorher", after=root / "nachher", log=log)


def section_of(soup, heading_id):
    return soup.find(id=heading_id).find_parent("section")


def test_beirat_page_lists_upcoming_sessions_and_past_ones_by_year(site):
    soup = read_html(site.before / "beirat" / "index.html")
    upcoming = section_of(soup, "sitzungen-kommend")
    assert [a["href"] for a in upcoming.select(".session-entry__name a")] == [
        "../ag-bildung-sprache-sitzung-2028-02-17/"
    ]
    past = section_of(soup, "sitzungen-frueher")
    assert [h3.get_text() for h3 in past.select("h3.session-list__year")] == ["2026", "2025"]
    assert [a["href"] for a in past.select(".session-entry__name a")] == [
        "../beirat-sitzung-2026-10-15/",
        "../beirat-sitzung-2026-03-12/",
        "../beirat-sitzung-2025-11-27/",
    ]
    cancelled = past.select_one(".session-entry--cancelled")
    assert cancelled.select_one(".session-entry__status").get_text() == "abgesagt"
    assert cancelled.select_one(".session-documents__note--minutes") is None  # no minutes for a cancelled session
    with_minutes = past.select(".session-entry")[2]
    assert with_minutes.select_one(".session-entry__minutes").get_text() == "Niederschrift veröffentlicht"
    (minutes,) = with_minutes.select('.session-documents__item--minutes a[href$=".pdf"]')
    assert minutes["href"].endswith("dokumente/sitzungen/beirat-sitzung-2025-11-27/niederschrift.pdf")


def test_adding_the_minutes_file_shows_them_on_the_session_and_the_beirat_page(site):
    for output, has_minutes in ((site.before, False), (site.after, True)):
        page = read_html(output / "beirat-sitzung-2026-03-12" / "index.html")
        details = page.select_one(".session-details")
        links = [a["href"].rsplit("/", 1)[-1] for a in details.select('.session-documents__item a[href$=".pdf"]')]
        pending = details.select_one(".session-documents__note--minutes")
        beirat = read_html(output / "beirat" / "index.html")
        (entry,) = [li for li in beirat.select(".session-entry") if li.find("a", href="../beirat-sitzung-2026-03-12/")]
        if has_minutes:
            assert links == ["einladung.pdf", "vorlage-01-haushalt.pdf", "niederschrift.pdf"]
            assert (
                details.select_one(".session-documents__item--minutes .session-documents__role").get_text()
                == "Niederschrift"
            )
            assert pending is None
            assert entry.select_one('.session-documents__item--minutes a[href$=".pdf"]')["href"].endswith(
                "niederschrift.pdf"
            )
            assert entry.select_one(".session-entry__minutes") is not None
        else:
            assert links == ["einladung.pdf", "vorlage-01-haushalt.pdf"]
            assert "nach ihrer Genehmigung" in pending.get_text()
            assert entry.select_one(".session-documents__item--minutes") is None
            assert entry.select_one(".session-entry__minutes") is None


def test_session_page_labels_the_non_public_part_and_keeps_its_details_off_the_page(site):
    html = (site.before / "beirat-sitzung-2026-03-12" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    note = soup.select_one(".session-agenda__heading--non-public + .session-agenda__note")
    assert note.get_text().startswith("Nicht öffentlich")
    items = [li.get_text() for li in soup.select(".session-agenda__list--non-public > li")]
    assert items == ["TOP 5 Vergabe von Zuschüssen aus dem Integrationsfonds", "TOP 6 Personalangelegenheiten"]
    assert "Musterverein" not in html
    assert soup.select_one(".session-details__status").get_text() == "hat stattgefunden"


def test_arabic_beirat_page_lists_the_german_sessions_marked_and_in_arabic_digits(site):
    soup = read_html(site.before / "ar" / "beirat" / "index.html")
    years = [h3.get_text() for h3 in soup.select("h3.session-list__year")]
    assert years == ["٢٠٢٦", "٢٠٢٥"]
    link = soup.select_one(".session-entry__name a")
    assert (link["lang"], link["dir"], link["hreflang"]) == ("de", "ltr", "de")
    assert link.find_next_sibling("span", class_="in-german").get_text() == "(بالألمانية)"
    assert soup.select_one(".session-entry__meta").get_text().count("مجموعة عمل التعليم واللغة") == 1


def test_bad_sessions_are_reported_with_file_and_line(tmp_path):
    from content_checks.dry_run import read_site

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "sessions_site", content)
    (content / "seiten" / "sitzungen" / "falsch.md").write_text(
        "Title: Falsche Sitzung\nSession_body: Arbeitsgruppe Sport\nSession_documents: sitzungen/fehlt\n\nText\n",
        encoding="utf-8",
    )
    problems, _, hints, _ = read_site(ROOT / "publishconf.py", content)
    mine = sorted(str(problem) for problem in problems if "falsch.md" in str(problem))
    (unknown,) = [text for text in mine if ":2: Unbekanntes Gremium „Arbeitsgruppe Sport“" in text]
    assert "Meinten Sie" not in unknown and "„Arbeitsgruppe Kultur und Begegnung“" in unknown
    assert any(":2: Die Sitzung hat keinen Termin" in text for text in mine), mine
    assert any(":3: Den Ordner „content/dokumente/sitzungen/fehlt“" in text for text in mine), mine
    assert any("falsch.md:2: Keine Tagesordnung gefunden" in str(hint) for hint in hints)
    (trimmed,) = [str(hint) for hint in hints if "beirat-sitzung-2026-03-12.md" in str(hint)]
    assert ":20: Vom nichtöffentlichen Teil erscheinen nur die Titel" in trimmed
    assert "„Vergabe von Zuschüssen aus dem Integrationsfonds“" in trimmed and "Musterverein" not in trimmed


def test_session_and_beirat_pages_are_valid_html(site, tmp_path):
    from quality.nu_checker import nu_checker_errors

    for page in ("beirat", "ar/beirat", "beirat-sitzung-2026-03-12"):
        target = tmp_path / page / "index.html"
        target.parent.mkdir(parents=True)
        shutil.copy(site.after / page / "index.html", target)
    assert nu_checker_errors(tmp_path) == []
