"""Pelican glue: a preview build that names changed sources writes only their pages.

The preview shows the page an editor saved long before a whole site is written: it first runs a
build with `QUICK_PREVIEW_SOURCES` set to the saved files, in which this writer writes the pages of
those items only (translations included) and nothing else, no listing, no feed. Everything else of
the build runs as always (every item is read, teasers are chosen over the whole site), so the page
is the one the full build writes next. Without the setting, this plugin does nothing.
"""

from pelican import signals
from pelican.writers import Writer

from common.settings import setting

DEFAULTS = {"QUICK_PREVIEW_SOURCES": ()}


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


def register():
    signals.get_writer.connect(choose_writer)
