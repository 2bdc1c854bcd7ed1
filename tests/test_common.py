"""plugins/common: the pieces several plugins share."""

import logging

import pytest

from common.problems import HINT, ProblemCounter
from common.references import split_references
from common.settings import setting, settings_reader

DEFAULTS = {"EXAMPLE_COUNT": 3, "EXAMPLE_NAMES": ["a"]}


def test_a_setting_is_read_from_the_settings_else_from_the_plugins_defaults():
    assert setting({"EXAMPLE_COUNT": 5}, "EXAMPLE_COUNT", DEFAULTS) == 5
    assert setting({}, "EXAMPLE_COUNT", DEFAULTS) == 3
    assert setting({"EXAMPLE_COUNT": None}, "EXAMPLE_COUNT", DEFAULTS) is None  # set to None is set


def test_a_setting_without_a_default_is_a_key_error_even_when_set():
    """A misspelt name in a plugin fails at once instead of reading another setting's value."""
    with pytest.raises(KeyError):
        setting({"EXAMPLE_CUONT": 5}, "EXAMPLE_CUONT", DEFAULTS)


def test_a_plugins_reader_uses_its_own_defaults():
    read = settings_reader(DEFAULTS)
    assert read({}, "EXAMPLE_NAMES") == ["a"]
    assert read({"EXAMPLE_NAMES": ["b"]}, "EXAMPLE_NAMES") == ["b"]
    assert settings_reader({"EXAMPLE_COUNT": 7})({}, "EXAMPLE_COUNT") == 7


def test_references_are_split_at_commas_or_taken_line_by_line():
    assert split_references("a, {filename}b.md ,") == ["a", "{filename}b.md"]
    assert split_references(["a", " b ", ""]) == ["a", "b"]


def test_the_problem_counter_counts_warnings_and_errors_but_not_hints():
    counter = ProblemCounter()
    named = logging.getLogger("test_common.counter")
    named.addHandler(counter)
    try:
        named.info("nur zur Information")
        named.warning("Warnung")
        named.error("Fehler")
        named.warning("Hinweis", extra={HINT: True})
    finally:
        named.removeHandler(counter)
    assert counter.count == 2
