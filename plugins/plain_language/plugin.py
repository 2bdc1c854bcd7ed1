"""Pelican glue: in the preview, attach each German item's language hints and readability for the theme.

Hints are neither logged nor put into `content_hints`: every build would repeat all of them, and they
must never fail a publish. `invoke sprache` lists them, `invoke check` counts them.

The rules read the Markdown sources, not Pelican's items, so the work starts in a second process when
the build starts (`initialized`) and runs while Pelican reads the content: loading HanTa and the word
list and checking the demo site take about 1.4 s of CPU, which on two cores then costs the build
almost no time. The items get their hints when all content is read (`all_generators_finalized`).
"""

import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator

from common.items import items_of

from .cache import ReportCache
from .options import Options, setting
from .report import MAX_BYTES, Tools, analyse_cached, analyse_folder

logger = logging.getLogger(__name__)

# Below this many Markdown files the hints are made after reading, in the build's own process: starting a
# second one (and loading the tagger there) would cost more than it saves.
IN_PROCESS_BELOW = 40
# Where this build's running analysis waits: a key of the build's own settings dict (never module state).
JOB_KEY = "_PLAIN_LANGUAGE_JOB"


def display_path(path: Path) -> str:
    """The path an author can open: relative to the current folder when inside it."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def german_items(generators, default_lang: str) -> list:
    """Every article and page (drafts and hidden ones too) in German, read from a Markdown file, once each."""
    items, seen = [], set()
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator | PagesGenerator):
            continue
        for item in items_of(generator):
            source = getattr(item, "source_path", "") or ""
            if id(item) in seen or not source.endswith((".md", ".markdown")):
                continue
            seen.add(id(item))
            if getattr(item, "lang", default_lang) == default_lang == "de":
                items.append(item)
    return items


def showing(settings) -> bool:
    """Whether this build shows hints (the preview)."""
    return bool(setting(settings, "PLAIN_LANGUAGE_SHOW_ON_PAGE"))


def only_sources(settings) -> set[Path] | None:
    """The files whose hints this build shows (the preview's quick build: the saved ones), or None: all."""
    only = setting(settings, "PLAIN_LANGUAGE_ONLY_SOURCES")
    return None if only is None else {Path(source).resolve() for source in only}


def start_analysis(pelican_object) -> None:
    """At build start: check every German Markdown file in a second process while Pelican reads."""
    settings = pelican_object.settings
    if not showing(settings) or only_sources(settings) is not None:
        return  # no hints, or those of a few files: checked after reading, in this process (attach_hints)
    if sum(1 for _ in Path(settings["PATH"]).rglob("*.md")) < IN_PROCESS_BELOW:
        return  # a small site: checked after reading, in this process (attach_hints); no process to start
    try:
        worker = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
        job = worker.submit(
            analyse_folder,
            str(settings["PATH"]),
            list(settings.get("IGNORE_FILES", [])),
            settings["DEFAULT_LANG"],
            Options.from_settings(settings),
            setting(settings, "PLAIN_LANGUAGE_CACHE"),
        )
    except (OSError, AssertionError, RuntimeError) as error:  # no second process here (e.g. a daemon process)
        logger.debug("plain_language: kein zweiter Prozess (%s); die Hinweise entstehen nach dem Lesen", error)
        return
    settings[JOB_KEY] = (worker, job)


def finished_reports(settings) -> dict:
    """The reports of the analysis started with the build, by resolved path ({} if none ran or it failed)."""
    started = settings.pop(JOB_KEY, None)
    if started is None:
        return {}
    worker, job = started
    try:
        return job.result()
    except Exception as error:  # the worker died: check in this process instead, never fail the preview
        logger.debug("plain_language: Prüfung im zweiten Prozess fehlgeschlagen (%s), sie läuft hier", error)
        return {}
    finally:
        worker.shutdown()


def attach_hints(generators) -> None:
    """Give every German item `language_hints`, `language_readability` and `language_hints_file` (preview only)."""
    if not generators:
        return
    settings = generators[0].settings
    if not showing(settings):
        return
    reports = finished_reports(settings)
    options = Options.from_settings(settings)
    cache_folder = setting(settings, "PLAIN_LANGUAGE_CACHE")
    cache = ReportCache(Path(cache_folder), options) if cache_folder else None
    tools = None
    only = only_sources(settings)
    for item in german_items(generators, settings["DEFAULT_LANG"]):
        path = Path(item.source_path)
        if only is not None and path.resolve() not in only:
            continue  # its page is not written in this build
        report = reports.get(str(path.resolve()))
        if report is None:  # not among the files the worker found (or no worker): check it here
            if path.stat().st_size > MAX_BYTES:
                continue  # pasted data, not text to improve: the content checks report the file
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeError):
                continue  # the content checks report files that cannot be read
            tools = tools or Tools.new()
            try:
                report = analyse_cached(text, options, tools, cache)
            except Exception as error:  # a fault of these rules must not stop the preview; hints are optional
                logger.info(
                    "%s:1: Sprachhinweise konnten nicht erstellt werden (%s) — bitte der technischen Betreuung melden",
                    display_path(path),
                    type(error).__name__,
                )
                continue
        item.language_hints = sorted(report.hints, key=lambda hint: (-hint.weight, hint.line))
        item.language_readability = report.readability
        item.language_hints_file = display_path(path)


def register():
    """Connect the signals."""
    signals.initialized.connect(start_analysis)
    signals.all_generators_finalized.connect(attach_hints)
