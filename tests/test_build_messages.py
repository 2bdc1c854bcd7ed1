"""Content from elsewhere builds in development; problems are named with file and reason."""

import logging
from types import SimpleNamespace

import pytest

from build_messages.plugin import FailureReasonFilter, ProblemCounter, install_filter
from build_messages.reasons import describe_failure
from conftest import FIXTURES, run_pelican


@pytest.fixture(scope="module")
def foreign_build(tmp_path_factory):
    """A content folder written for another Pelican site, built with our development settings."""
    output = tmp_path_factory.mktemp("fremd")
    return output, run_pelican(FIXTURES / "foreign_site", "pelicanconf.py", output)


def test_development_build_of_a_foreign_content_folder_succeeds_with_warnings(foreign_build):
    tmp_path, result = foreign_build
    messages = result.stdout + result.stderr
    assert result.returncode == 0, messages
    assert "Traceback" not in messages
    built = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("index.html")}
    assert "aktuelles/2020/ein-beitrag-aus-einer-anderen-pelican-website/index.html" in built
    assert "aktuelles/2019/ein-beitrag-in-restructuredtext/index.html" in built
    assert "aktuelles/2021/beitrag-mit-unbekannter-vorlage/index.html" in built
    assert "ueber-uns/index.html" in built
    assert "index.html" in built


def test_failed_files_are_named_with_their_reason(foreign_build):
    _, result = foreign_build
    messages = result.stdout + result.stderr
    assert (
        "posts/article_with_broken_date.md konnte nicht verarbeitet werden: „gestern Nachmittag“ ist kein Datum"
        in messages
    )
    assert "latin1_encoded_article.md konnte nicht verarbeitet werden: Die Datei ist nicht in UTF-8" in messages
    assert "Die Vorlage „sonderseite“ (Template) gibt es im Theme nicht" in messages
    assert "Die übergeordnete Seite „gibt-es-nicht“ (Parent) gibt es nicht" in messages
    assert (
        "posts/article_with_unknown_parent_and_image.md: Der Link auf „/gibt-es-nicht.md“ führt ins Leere" in messages
    )
    assert "posts/article_without_date.md: Die Angabe „Date“ fehlt" in messages
    assert "pages/page_without_title.md: Die Angabe „Title“ fehlt" in messages


def test_strict_build_reports_every_problem_then_fails_without_traceback(tmp_path):
    result = run_pelican(FIXTURES / "foreign_site", "publishconf.py", tmp_path)
    messages = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in messages
    assert "article_with_broken_date.md" in messages and "gibt-es-nicht" in messages
    assert "Abgebrochen:" in messages


def test_reason_filter_adds_the_exception_text():
    record = logging.LogRecord(
        "pelican.generators", logging.ERROR, __file__, 1, "Could not process %s", ("a.md",), None
    )
    try:
        raise ValueError("kein Datum")
    except ValueError:
        FailureReasonFilter().filter(record)
    assert record.getMessage() == "Datei a.md konnte nicht verarbeitet werden: ValueError: kein Datum"


def test_other_messages_pass_unchanged():
    record = SimpleNamespace(msg="Something else %s", args=("x",))
    assert FailureReasonFilter().filter(record) is True
    assert record.msg == "Something else %s"


def test_reason_for_wrong_encoding_says_how_to_fix():
    error = UnicodeDecodeError("utf-8", b"\xfc", 0, 1, "invalid start byte")
    assert "UTF-8" in describe_failure(error)


def test_a_long_running_process_keeps_one_problem_counter_per_strict_build():
    """A strict build that stopped before `finalized` leaves no counter behind for the next one."""
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        for _ in range(3):  # as the preview or a test process runs build after build
            install_filter(SimpleNamespace(settings={"BUILD_MESSAGES_STRICT": True}))
        assert sum(isinstance(handler, ProblemCounter) for handler in root.handlers) == 1
    finally:
        for handler in [handler for handler in root.handlers if handler not in before]:
            root.removeHandler(handler)
