"""`invoke check`: read all content as Pelican would and run the checks, without writing the site.

Pelican has no "read only" mode, so this runs `Pelican.run()` and stops it where it asks for a
writer (the public `get_writer` signal): by then every generator has read its files, the plugins
have done their work on `all_generators_finalized`, and nothing has been written. Before stopping,
each published item's text is rendered as writing would, so Pelican's own warnings about it (a link
to a missing file) are reported too.
"""

import logging
import tempfile
from pathlib import Path

from pelican import Pelican, signals
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.settings import read_settings

from common.problems import ProblemCounter

from .plugin import CONTEXT_KEY, CONTEXT_KEY_HINTS, CONTEXT_KEY_UNPUBLISHED
from .problems import Problem

# Plugins that only shape the written pages and report nothing (tests/test_plugin_boundaries.py keeps
# them silent): left out of the check, so it does not load numpy and scipy for teasers nobody sees.
OUTPUT_ONLY_PLUGINS = ("auch_interessant",)


def published_items(generators) -> list:
    """The articles and pages a build writes as pages of their own, translations included."""
    return [
        item
        for generator in generators
        if isinstance(generator, ArticlesGenerator | PagesGenerator)
        for name in ("articles", "pages", "translations")
        for item in getattr(generator, name, [])
    ]


class ContentRead(Exception):
    """Raised when Pelican asks for a writer: all content is read, the rest of `run()` would write."""


def read_site(settings_file: Path, content: Path) -> tuple[list[Problem], list[Problem], list[Problem], int]:
    """One read of `content`: the problems, those in drafts and hidden items, the hints, and the count of all warnings."""
    root = logging.getLogger()
    if not root.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        root.addHandler(handler)
    counter = ProblemCounter()  # every warning and error, not only our checks'
    root.addHandler(counter)
    read = []

    def keep_generators(generators):
        read.append(generators)

    def stop_before_writing(_pelican):
        for item in published_items(read[-1]):
            item.content  # noqa: B018 (renders the text, with Pelican's warnings, as writing would)
        raise ContentRead

    try:
        with tempfile.TemporaryDirectory(prefix="pruefung-") as output:
            settings = read_settings(str(settings_file), override={"PATH": str(content), "OUTPUT_PATH": output})
            settings["PLUGINS"] = [name for name in settings["PLUGINS"] if name not in OUTPUT_ONLY_PLUGINS]
            pelican = Pelican(settings)
            signals.all_generators_finalized.connect(keep_generators)
            signals.get_writer.connect(stop_before_writing)
            try:
                pelican.run()
            except ContentRead:
                pass
            else:
                raise RuntimeError("Pelican.run() endete, ohne nach einem Writer zu fragen (Signal get_writer)")
            context = read[-1][0].context
            return (
                context.get(CONTEXT_KEY, []),
                context.get(CONTEXT_KEY_UNPUBLISHED, []),
                context.get(CONTEXT_KEY_HINTS, []),
                counter.count,
            )
    finally:
        signals.all_generators_finalized.disconnect(keep_generators)
        signals.get_writer.disconnect(stop_before_writing)
        root.removeHandler(counter)
