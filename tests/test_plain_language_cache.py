"""The preview's cache of language reports (plugins/plain_language/cache.py): right reports, only changed files checked."""

import os
import time

import pytest
from plain_language import report as report_module
from plain_language.cache import MAX_AGE_DAYS, ReportCache, options_text
from plain_language.options import Options
from plain_language.report import Tools, analyse_files

TEXT = (
    "Title: Ein Beitrag\nDate: 2025-03-26\n\nDer Antrag wurde von der Verwaltung nach einer langen Prüfung "
    "aller eingereichten Unterlagen und vieler Gespräche mit den Beteiligten schließlich doch noch genehmigt.\n"
)


@pytest.fixture
def files(tmp_path):
    first, second = tmp_path / "eins.md", tmp_path / "zwei.md"
    first.write_text(TEXT, encoding="utf-8")
    second.write_text(TEXT.replace("Antrag", "Bauantrag"), encoding="utf-8")
    return [first, second]


def test_a_second_run_reads_every_report_from_the_cache_and_they_are_the_same(files, tmp_path, monkeypatch):
    options = Options()
    tools = Tools.new()
    fresh = analyse_files(files, options, tools, ReportCache(tmp_path / "cache", options))
    assert any(report.hints for report in fresh.values()), "the texts have hints (long sentence, passive)"

    def no_analysis(*args, **kwargs):
        raise AssertionError("analysed again although nothing changed")

    monkeypatch.setattr(report_module, "analyse", no_analysis)
    cached = analyse_files(files, options, tools, ReportCache(tmp_path / "cache", options))
    assert cached == fresh


def test_a_changed_text_or_changed_options_are_checked_again(files, tmp_path, monkeypatch):
    options = Options()
    tools = Tools.new()
    analyse_files(files, options, tools, ReportCache(tmp_path / "cache", options))
    analysed = []
    real = report_module.analyse
    monkeypatch.setattr(report_module, "analyse", lambda text, *rest: analysed.append(text) or real(text, *rest))

    files[0].write_text(TEXT + "\nEin neuer Satz.\n", encoding="utf-8")
    analyse_files(files, options, tools, ReportCache(tmp_path / "cache", options))
    assert analysed == [TEXT + "\nEin neuer Satz.\n"]

    stricter = Options(sentence_words=8)
    analysed.clear()
    reports = analyse_files(files, stricter, tools, ReportCache(tmp_path / "cache", stricter))
    assert len(analysed) == 2
    assert reports == analyse_files(files, stricter, tools)


def test_options_give_the_same_key_whatever_the_order_of_their_sets():
    names = ["EU", "PDF", "USA", "WC", "WLAN", "TV", "IT"]
    assert options_text(Options(known_abbreviations=frozenset(names))) == options_text(
        Options(known_abbreviations=frozenset(reversed(names)))
    )
    assert options_text(Options()) != options_text(Options(sentence_words=8))


def test_a_damaged_entry_is_checked_again_and_old_entries_are_removed(files, tmp_path):
    options = Options()
    cache = ReportCache(tmp_path / "cache", options)
    fresh = analyse_files(files, options, Tools.new(), cache)
    entries = sorted((tmp_path / "cache").iterdir())
    assert len(entries) == 2
    entries[0].write_bytes(entries[0].read_bytes()[:10])  # as a killed build might leave it
    assert analyse_files(files, options, Tools.new(), cache) == fresh

    long_ago = time.time() - (MAX_AGE_DAYS + 1) * 86400
    os.utime(entries[1], (long_ago, long_ago))
    cache.prune()
    assert sorted((tmp_path / "cache").iterdir()) == [entries[0]]
