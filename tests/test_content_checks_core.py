"""The pure parts of the content checks, with tiny inputs: dates, reading a source, body scanning."""

from datetime import datetime

import pytest
from content_checks.body import blank_out_code, check_body
from content_checks.metadata import check_metadata, suggestion
from content_checks.rules import DEFAULTS, Rules
from content_checks.source import read_source

from common.dates import parse_author_date

RULES = Rules.from_settings(
    {**DEFAULTS, "CONTENT_CHECKS_TAGS": ["Sprachtandem", "Ehrenamt"], "CONTENT_CHECKS_CATEGORIES": ["Meldungen"]}
)
GOOD_HEADER = "Title: T\nDate: 2025-03-26\nCategory: Meldungen\nSummary: " + "Ein Satz. " * 5 + "\n\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-26", datetime(2025, 3, 26)),
        ("2025-03-26 10:00", datetime(2025, 3, 26, 10, 0)),
        ("26.03.2025", datetime(2025, 3, 26)),
        ("05.03.2025", datetime(2025, 3, 5)),
        ("5.3.2025 9:30", datetime(2025, 3, 5, 9, 30)),
        ("26.03.2025, 10:00 Uhr", datetime(2025, 3, 26, 10, 0)),
        ("2024-02-29", datetime(2024, 2, 29)),
    ],
)
def test_accepted_date_formats(text, expected):
    assert parse_author_date(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31.02.2025", "den 31. Februar 2025 gibt es nicht, der Februar 2025 hat 28 Tage"),
        ("29.02.2025", "den 29. Februar 2025 gibt es nicht"),
        ("2025-13-01", "einen Monat 13 gibt es nicht"),
        ("2025-03-26 24:00", "die Uhrzeit 24:00 gibt es nicht"),
        ("gestern", "kein Datum in einer erlaubten Schreibweise"),
        ("03/26/2025", "kein Datum in einer erlaubten Schreibweise"),
    ],
)
def test_impossible_or_unknown_dates_are_refused_with_a_reason(text, reason):
    with pytest.raises(ValueError, match=reason):
        parse_author_date(text)


def test_byte_order_mark_and_windows_line_endings_are_accepted():
    source = read_source("a.md", ("\ufeff" + GOOD_HEADER + "Text.\n").replace("\n", "\r\n").encode("utf-8"))
    assert source.problems == []
    assert [field.name for field in source.fields] == ["Title", "Date", "Category", "Summary"]
    assert source.body_line == 6


def test_latin_1_file_is_named_with_the_line_of_the_first_odd_letter():
    source = read_source("a.md", "Title: T\nSummary: Größe\n".encode("latin-1"))
    assert source.problems[0].line == 2
    assert "nicht in UTF-8" in source.problems[0].what and "„Größe“" in source.problems[0].what


def test_continuation_lines_belong_to_their_field():
    source = read_source("a.md", b"Title: T\nContact: Stelle\n    Rathaus\n\nText.\n")
    assert source.first("contact").value == "Stelle\nRathaus"
    assert source.problems == []


def test_a_header_line_without_colon_is_reported_and_the_fields_after_it_still_count():
    source = read_source("a.md", b"Title: T\nDate 2025-03-26\nSummary: S\n\nText.\n")
    assert [(problem.line, "keinen Doppelpunkt" in problem.what) for problem in source.problems] == [(2, True)]
    assert source.first("summary").value == "S"


def test_code_is_blanked_out_but_lines_stay():
    body = "a\n```\n<script>\n```\nb `<iframe>` c"
    blanked = blank_out_code(body)
    assert blanked.count("\n") == body.count("\n")
    assert "<script>" not in blanked and "<iframe>" not in blanked and blanked.startswith("a\n")


def test_setext_headings_count_but_table_rules_and_list_rules_do_not():
    source = read_source("a.md", (GOOD_HEADER + "Titel\n=====\n\n| a |\n| --- |\n\n- Punkt\n---\n").encode())
    check_body(source, RULES)
    assert [problem.line for problem in source.problems] == [6]


def test_a_list_item_swallowed_by_the_indented_paragraph_above_is_reported():
    body = (
        "- Erster Punkt.\n\n    Mehr zum ersten.\n- Zweiter Punkt.\n\n    Mehr zum zweiten.\n\n- Dritter Punkt.\n"
        "\n```\n    eingerückt\n- im Code\n```\n"
    )
    source = read_source("a.md", (GOOD_HEADER + body).encode())
    check_body(source, RULES)
    header_lines = GOOD_HEADER.count("\n")
    assert [(problem.line - header_lines, "Leerzeile" in problem.fix) for problem in source.problems] == [(4, True)]


def test_linked_image_is_found_with_its_link():
    source = read_source("a.md", (GOOD_HEADER + "[![Logo](/images/x.png)](https://example.org)\n").encode())
    links = check_body(source, RULES)
    assert {(link.target, link.is_image) for link in links} == {("/images/x.png", True), ("https://example.org", False)}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Sprachtandm", "Meinten Sie „Sprachtandem“?"),
        ("sprachtandem", "Meinten Sie „Sprachtandem“?"),
        ("Kochen", "Erlaubt sind: Sprachtandem, Ehrenamt"),
    ],
)
def test_suggestion_for_near_misses(value, expected):
    assert suggestion(value, ("Sprachtandem", "Ehrenamt")) == expected


def test_date_from_the_file_name_is_enough():
    source = read_source("a.md", b"Title: T\nCategory: Meldungen\nSummary: " + b"Ein Satz. " * 5 + b"\n\nText.\n")
    check_metadata(source, RULES, "article", frozenset({"date"}))
    assert source.problems == []
    check_metadata(source, RULES, "article")
    assert [problem.what for problem in source.problems] == ["Die Angabe „Date“ fehlt"]
