"""Pelican glue: a preview build that names changed sources writes only their pages.

The preview shows the page an editor saved long before a whole site is written: it first runs a
build with `QUICK_PREVIEW_SOURCES` set to the saved files, in which this writer writes the pages of
those items and the listings that show them (home page and its further pages, archive, the tag and
category pages, overviews), and nothing else: no other item's page, no feed. Everything else of the
build runs as always (every item is read, teasers are chosen over the whole site), so each page it
writes is the one the full build writes next. Other items' pages wait for the full build: their
teaser boxes may change too, and their problem banners need checks the quick build leaves out.
After a file is deleted, the preview sets `QUICK_PREVIEW_ALL_LISTINGS`: which listings showed it is
not known any more, so every listing is written.

With `QUICK_PREVIEW_MANIFEST`, every preview build also notes which file each source became
(`{source path: path below output/}`), so the preview can take a deleted file's page away at once.
Without either setting, this plugin does nothing.
"""

import json
import os
from pathlib import Path

from pelican import signals
from pelican.contents import Content
from pelican.writers import Writer

from common.settings import setting

DEFAULTS = {
    "QUICK_PREVIEW_SOURCES": (),
    "QUICK_PREVIEW_ALL_LISTINGS": False,
    "QUICK_PREVIEW_READY": None,
    "QUICK_PREVIEW_MANIFEST": None,
}


def shows_selected(selected, kwargs, every_listing: bool = False) -> bool:
    """Whether the page Pelican is about to write (the keyword arguments of `Writer.write_file`) is a
    selected item's own page, or a listing (`articles` or `dates`) with a selected item in it (with
    `every_listing`: any listing). `all_articles`, which Pelican hands to every tag and category page,
    is not what the page lists."""
    item = kwargs.get("article") or kwargs.get("page")
    if item is not None:
        return item.source_path in selected
    lists = [kwargs[name] for name in ("articles", "dates") if kwargs.get(name) is not None]
    if every_listing:
        return bool(lists)
    return any(getattr(entry, "source_path", None) in selected for entries in lists for entry in entries)


class SelectedPagesWriter(Writer):
    """Writes the selected items' own pages and the listings that show them; nothing else.

    Pelican writes an item's page before the listings. Once every selected item's own page is written,
    the writer says so in the file `QUICK_PREVIEW_READY` (a JSON list of those pages, below the output
    folder), so the preview can show them while the listings are still being written."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read once per build, not on each of the thousands of pages Pelican offers the writer.
        self._selected = frozenset(setting(self.settings, "QUICK_PREVIEW_SOURCES", DEFAULTS))
        self._every_listing = setting(self.settings, "QUICK_PREVIEW_ALL_LISTINGS", DEFAULTS)
        self._ready = setting(self.settings, "QUICK_PREVIEW_READY", DEFAULTS)
        self._own_pages: dict[str, str] = {}  # selected source → its page, once written

    def write_file(self, name, template, context, *args, **kwargs):
        if not shows_selected(self._selected, kwargs, self._every_listing):
            return None
        written = super().write_file(name, template, context, *args, **kwargs)
        item = kwargs.get("article") or kwargs.get("page")
        if item is not None and item.source_path in self._selected and item.source_path not in self._own_pages:
            self._own_pages[item.source_path] = name
            if self._ready and self._own_pages.keys() >= self._selected:
                write_json(Path(self._ready), sorted(self._own_pages.values()))
        return written

    def write_feed(self, *args, **kwargs):
        return None


def choose_writer(pelican):
    if setting(pelican.settings, "QUICK_PREVIEW_SOURCES", DEFAULTS) or setting(
        pelican.settings, "QUICK_PREVIEW_ALL_LISTINGS", DEFAULTS
    ):
        return SelectedPagesWriter
    return None


def pages_by_source(generated_content) -> dict[str, str]:
    """Each read item's source path and the file it is written to (items written nowhere left out)."""
    return {
        item.source_path: item.save_as
        for item in generated_content.values()
        if isinstance(item, Content) and item.save_as
    }


def write_manifest(generators) -> None:
    target = setting(generators[0].settings, "QUICK_PREVIEW_MANIFEST", DEFAULTS)
    if not target:
        return
    write_json(Path(target), pages_by_source(generators[0].context["generated_content"]))


def write_json(target: Path, data) -> None:
    """`data` as JSON in `target`, whole or not at all: the preview may read it at any moment."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    partial.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    os.replace(partial, target)


def register():
    signals.get_writer.connect(choose_writer)
    signals.all_generators_finalized.connect(write_manifest)
