"""Content from elsewhere builds in development; problems are named with file and reason; the Pelican behaviour the
German messages rely on is pinned."""

import ast
import importlib
import inspect
import logging
from datetime import datetime
from types import SimpleNamespace

import pytest
from pelican.plugins import signals

import build_messages.plugin as messages
from build_messages.plugin import FailureReasonFilter, install_filter
from build_messages.reasons import describe_failure
from common.problems import ProblemCounter
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


def _string_constants(module_name: str) -> set[str]:
    """Every string literal in a Pelican module's source (adjacent literals joined, as Python does)."""
    tree = ast.parse(inspect.getsource(importlib.import_module(module_name)))
    return {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}


# (Pelican module whose logger build_messages filters, our copy of the message template it logs)
PELICAN_TEMPLATES = [
    ("pelican.generators", messages.FAILED_FILE_MESSAGE),
    ("pelican.contents", messages.MISSING_LINK_TARGET_MESSAGE),
    ("pelican.contents", messages.MISSING_PROPERTY_MESSAGE),
    ("pelican.contents", messages.UNKNOWN_STATUS_MESSAGE),
    ("pelican.contents", messages.OUTSIDE_OUTPUT_MESSAGE),
    ("pelican.contents", messages.ATTACH_MESSAGE),
    ("pelican.urlwrappers", messages.INVALID_SLUG_MESSAGE),
    ("pelican.readers", messages.EMPTY_ALT_MESSAGE),
    ("pelican.readers", messages.DUPLICATE_FIELD_MESSAGE),
]
GROUP_TEMPLATES = {
    "Other resources were not found and their urls not replaced": "pelican.contents",
    "More {attach} warnings silenced.": "pelican.contents",
    "Other invalid slugs.": "pelican.urlwrappers",
    "Other images have empty alt attributes": "pelican.readers",
}
# SiteMessageFilter recognises these by their beginning.
PELICAN_PREFIXES = [
    ("pelican.utils", "There are %s items"),
    ("pelican.utils", "There are %s original"),
    ("pelican.utils", 'All items ("%s")'),
    ("pelican.cache", "Cannot get modification stamp"),
]


@pytest.mark.parametrize(("module", "template"), PELICAN_TEMPLATES)
def test_pelican_still_logs_each_message_build_messages_translates(module, template):
    assert importlib.import_module(module).logger.name == module, (
        f"{module} logs under another logger name now; build_messages attaches its filter to the logger {module!r}"
    )
    assert template in _string_constants(module), (
        f"{module} no longer logs the template {template!r}: Pelican reworded it, so build_messages would pass "
        "it on in English. Copy the new wording into plugins/build_messages/plugin.py."
    )


def test_pelican_still_summarises_repeated_messages_as_build_messages_expects():
    assert set(GROUP_TEMPLATES) == set(messages.GROUP_MESSAGES)
    for text, module in GROUP_TEMPLATES.items():
        assert text in _string_constants(module), (
            f"{module} no longer writes the summary {text!r} (extra limit_msg): update GROUP_MESSAGES in "
            "plugins/build_messages/plugin.py."
        )


@pytest.mark.parametrize(("module", "prefix"), PELICAN_PREFIXES)
def test_pelican_still_begins_the_site_wide_messages_as_build_messages_expects(module, prefix):
    assert any(text.startswith(prefix) for text in _string_constants(module)), (
        f"{module} no longer logs a message beginning {prefix!r}: update SiteMessageFilter in "
        "plugins/build_messages/plugin.py."
    )


def test_the_missing_link_warning_names_the_file_found_on_pelicans_call_stack(caplog):
    """Pelican logs "Unable to find" inside a method of the content object; build_messages finds it there."""
    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    settings = {**DEFAULT_CONFIG, "PATH": "/inhalt"}
    context = {**settings, "generated_content": {}, "static_content": {}, "localsiteurl": ""}
    # Muted: plugins registered by earlier tests in this process must not see this bare article.
    with signals.content_object_init.muted():
        article = Article(
            '<a href="{filename}fehlt.md">kaputt</a>',
            metadata={"title": "Test", "date": datetime(2025, 3, 26)},
            settings=settings,
            source_path="/inhalt/artikel/a.md",
            context=context,
        )
    named = logging.getLogger("pelican.contents")
    content_filter = messages.ContentMessageFilter()
    named.addFilter(content_filter)
    try:
        with caplog.at_level(logging.WARNING, logger="pelican.contents"):
            article.content  # noqa: B018 (Pelican replaces the links when the content is read)
    finally:
        named.removeFilter(content_filter)
    logged = [record.getMessage() for record in caplog.records if record.name == "pelican.contents"]
    assert any("Der Link auf „fehlt.md“ führt ins Leere" in text for text in logged), (
        f"Pelican no longer logs its missing-link warning as expected: {logged}"
    )
    assert any(text.startswith("artikel/a.md: Der Link") for text in logged), (
        "build_messages looks for the content object as `self` in the frames that call Pelican's "
        f"missing-link warning (Content._link_replacer); Pelican changed that, the file is not named: {logged}"
    )


def test_pelican_calls_signal_receivers_in_the_order_they_were_connected():
    """build_messages connects fail_strict_build last so that it counts every other `finalized` receiver's messages."""
    import blinker

    assert isinstance(signals.finalized, blinker.Signal)
    signal = blinker.Signal()
    called = []
    receivers = [lambda _sender, number=number: called.append(number) for number in range(40)]
    for receiver in receivers:
        signal.connect(receiver)
    signal.send(object())
    assert called == list(range(40)), (
        "Pelican no longer makes blinker call receivers in the order they were connected (pelican.plugins.signals "
        "sets Signal.set_class); build_messages' fail_strict_build may then run before other `finalized` receivers."
    )


# Run in a fresh process: plugins registered by earlier tests in this process would receive its signals.
COULD_NOT_PROCESS_SCRIPT = """
import logging, sys
from pathlib import Path
from pelican import Pelican
from pelican.generators import ArticlesGenerator
from pelican.settings import read_settings
from build_messages.plugin import FailureReasonFilter
content, output = Path(sys.argv[1]), sys.argv[2]
settings = read_settings(override={"PATH": str(content), "OUTPUT_PATH": output, "PLUGINS": [], "TIMEZONE": "UTC"})
pelican = Pelican(settings)
logging.getLogger("pelican.generators").addFilter(FailureReasonFilter())
logging.basicConfig(format="%(message)s", stream=sys.stdout)
context = {**settings, "generated_content": {}, "static_links": set(), "static_content": {}}
ArticlesGenerator(
    context=context, settings=settings, path=pelican.path, theme=pelican.theme, output_path=output
).generate_context()
"""


def test_pelican_logs_could_not_process_inside_its_except_block(tmp_path):
    """FailureReasonFilter reads the exception with sys.exc_info(): Pelican must log while handling it."""
    import subprocess
    import sys

    from conftest import ROOT

    content = tmp_path / "inhalt"
    content.mkdir()
    (content / "kaputt.md").write_text("Title: Kaputt\nDate: gestern Nachmittag\n\nText.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", COULD_NOT_PROCESS_SCRIPT, str(content), str(tmp_path / "aus")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "plugins")},
        check=False,
    )
    logged = result.stdout
    assert result.returncode == 0, result.stderr
    assert "kaputt.md konnte nicht verarbeitet werden: ValueError: " in logged, logged
    assert "unbekannter Fehler" not in logged, (
        "Pelican no longer logs 'Could not process' while handling the exception (inside its except block), so "
        f"build_messages cannot read the reason with sys.exc_info(): {logged}"
    )
