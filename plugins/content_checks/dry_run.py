"""`invoke check`: read all content as Pelican would and run the checks, without writing the site.

Pelican has no "read only" mode, so this does the first half of `Pelican.run()`:
create the generators and let them read, then send `all_generators_finalized`,
on which the plugins (ours included) do their work. Nothing is written.
"""

import logging
import tempfile
from pathlib import Path

from pelican import Pelican, signals
from pelican.settings import read_settings

from build_messages.plugin import ProblemCounter

from .plugin import CONTEXT_KEY, CONTEXT_KEY_HINTS, CONTEXT_KEY_UNPUBLISHED
from .problems import Problem


def read_site(settings_file: Path, content: Path) -> tuple[list[Problem], list[Problem], list[Problem], int]:
    """One read of `content`: the problems, those in drafts and hidden items, the hints, and the count of all warnings."""
    root = logging.getLogger()
    if not root.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        root.addHandler(handler)
    counter = ProblemCounter()  # every warning and error, not only our checks'
    root.addHandler(counter)
    try:
        with tempfile.TemporaryDirectory(prefix="pruefung-") as output:
            settings = read_settings(str(settings_file), override={"PATH": str(content), "OUTPUT_PATH": output})
            pelican = Pelican(settings)
            context = settings.copy()
            context.update(
                generated_content={}, static_links=set(), static_content={}, localsiteurl=settings["SITEURL"]
            )
            generators = [
                cls(context=context, settings=settings, path=pelican.path, theme=pelican.theme, output_path=output)
                for cls in pelican._get_generator_classes()
            ]
            for generator in generators:
                if hasattr(generator, "generate_context"):
                    generator.generate_context()
            signals.all_generators_finalized.send(generators)
            return (
                context.get(CONTEXT_KEY, []),
                context.get(CONTEXT_KEY_UNPUBLISHED, []),
                context.get(CONTEXT_KEY_HINTS, []),
                counter.count,
            )
    finally:
        root.removeHandler(counter)
