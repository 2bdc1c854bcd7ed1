"""Pelican glue: in the preview, attach each German item's language hints and readability for the theme.

Hints are neither logged nor put into `content_hints`: every build would repeat all of them, and they
must never fail a publish. `invoke sprache` lists them, `invoke check` counts them.
"""

import logging
import os
from pathlib import Path

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator

from .options import DEFAULTS, Options
from .report import Tools, analyse

logger = logging.getLogger(__name__)

ITEM_LISTS = (
    "articles",
    "translations",
    "drafts",
    "drafts_translations",
    "hidden_articles",
    "hidden_translations",
    "pages",
    "hidden_pages",
    "draft_pages",
    "draft_translations",
)


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
        for name in ITEM_LISTS:
            for item in getattr(generator, name, None) or []:
                source = getattr(item, "source_path", "") or ""
                if id(item) in seen or not source.endswith((".md", ".markdown")):
                    continue
                seen.add(id(item))
                if getattr(item, "lang", default_lang) == default_lang == "de":
                    items.append(item)
    return items


def attach_hints(generators) -> None:
    """Give every German item `language_hints`, `language_readability` and `language_hints_file` (preview only)."""
    if not generators:
        return
    settings = generators[0].settings
    if not settings.get("PLAIN_LANGUAGE_SHOW_ON_PAGE", DEFAULTS["PLAIN_LANGUAGE_SHOW_ON_PAGE"]):
        return
    options = Options.from_settings(settings)
    tools = Tools.new()
    for item in german_items(generators, settings["DEFAULT_LANG"]):
        path = Path(item.source_path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeError):
            continue  # the content checks report files that cannot be read
        report = analyse(text, options, tools)
        item.language_hints = sorted(report.hints, key=lambda hint: (-hint.weight, hint.line))
        item.language_readability = report.readability
        item.language_hints_file = display_path(path)


def register():
    """Connect the signal."""
    signals.all_generators_finalized.connect(attach_hints)
