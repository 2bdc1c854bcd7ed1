"""Pelican glue: a preview build that names changed sources writes only their pages.

The preview shows the page an editor saved long before a whole site is written: it first runs a
build with `QUICK_PREVIEW_SOURCES` set to the saved files, in which this writer writes the pages of
those items only (translations included) and nothing else, no listing, no feed. Everything else of
the build runs as always (every item is read, teasers are chosen over the whole site), so the page
is the one the full build writes next.

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

DEFAULTS = {"QUICK_PREVIEW_SOURCES": (), "QUICK_PREVIEW_MANIFEST": None}


class SelectedPagesWriter(Writer):
    """Writes an item's own page only when the item's source is one of the selected files."""

    def write_file(self, name, template, context, *args, **kwargs):
        item = kwargs.get("article") or kwargs.get("page")
        if item is None or item.source_path not in setting(self.settings, "QUICK_PREVIEW_SOURCES", DEFAULTS):
            return None
        return super().write_file(name, template, context, *args, **kwargs)

    def write_feed(self, *args, **kwargs):
        return None


def choose_writer(pelican):
    if setting(pelican.settings, "QUICK_PREVIEW_SOURCES", DEFAULTS):
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
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    text = json.dumps(pages_by_source(generators[0].context["generated_content"]), ensure_ascii=False, sort_keys=True)
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, target)


def register():
    signals.get_writer.connect(choose_writer)
    signals.all_generators_finalized.connect(write_manifest)
