"""Pelican glue: build the Pagefind search index into the output after every build.

The site is static, so the search runs in the reader's browser on an index that
Pagefind (pinned in requirements.txt; `pagefind[bin]` brings the binary as a
wheel) writes into OUTPUT_PATH/pagefind/. Building it on Pelican's `finalized`
signal means every build has a current index and there is no separate step to
forget. Pagefind indexes only the elements marked `data-pagefind-body` (the
templates mark published items only), so navigation, footer, listing pages,
drafts, hidden and embargoed items never reach the index. Pagefind keeps one index per
`<html lang>` (its multilingual mode), and its UI searches the index of the page it runs
on, so each language's search page (/suche/, /en/suche/ …) finds the pages in its language.

The index is rewritten in a fixed order (canonical.py), so the same content gives the same
bytes. SEARCH_INDEX_ENABLED = False (pelicanconf.py) builds no index, e.g. for a quick local build. The
preview turns it off for its builds and runs Pagefind itself after the browsers have reloaded
(`pagefind_command` with a bundle folder beside output/, then `finish_bundle`), so no save waits for it.
"""

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from pelican import signals

from .canonical import PagefindFormatChanged, canonicalise

logger = logging.getLogger(__name__)

# The folder below the output that holds the index and Pagefind's UI (pagefind-ui.js/.css).
OUTPUT_SUBDIR = "pagefind"


def pagefind_command(output_path: str, bundle: str | None = None) -> list[str]:
    """The command that indexes the built site in `output_path` into its pagefind/ folder (or into `bundle`),
    reporting errors only."""
    target = ["--output-subdir", OUTPUT_SUBDIR] if bundle is None else ["--output-path", str(bundle)]
    return [sys.executable, "-m", "pagefind", "--site", str(output_path), *target, "--silent"]


def failure_message(output_path: str, returncode: int, stdout: str, stderr: str) -> str:
    details = (stderr or stdout).strip() or f"Exit-Code {returncode}"
    return (
        f"Suchindex: Pagefind ist beim Indexieren von {output_path} gescheitert, die Suche bleibt leer. "
        f"Ist `pagefind[bin]` aus requirements.txt installiert? Meldung von Pagefind:\n{details}"
    )


def finish_bundle(bundle: Path) -> str | None:
    """Put the bundle's files in a fixed order; a German message if Pagefind wrote them differently."""
    try:
        canonicalise(bundle)
    except PagefindFormatChanged as error:
        return (
            f"Suchindex: Pagefind schreibt seine Dateien anders als erwartet ({error}). Installieren Sie die Version "
            "aus requirements.txt neu (`./dev`) oder passen Sie plugins/search_index/canonical.py an die neue "
            "Version an."
        )
    return None


def build_search_index(pelican_object):
    """Run Pagefind over the output; log a German error naming what failed (strict builds then fail)."""
    settings = pelican_object.settings
    if not settings.get("SEARCH_INDEX_ENABLED", True):
        return
    output_path = pelican_object.output_path
    # Pagefind adds files but never removes any; in an output folder kept between builds the
    # bundle would collect fragments of earlier versions.
    shutil.rmtree(Path(output_path) / OUTPUT_SUBDIR, ignore_errors=True)
    try:
        result = subprocess.run(pagefind_command(output_path), capture_output=True, text=True, check=False)
    except OSError as error:
        logger.error("Suchindex: Pagefind konnte nicht gestartet werden (%s). Die Suche bleibt leer.", error)
        return
    if result.returncode != 0:
        logger.error("%s", failure_message(output_path, result.returncode, result.stdout, result.stderr))
        return
    problem = finish_bundle(Path(output_path) / OUTPUT_SUBDIR)
    if problem:
        logger.error("%s", problem)


def register():
    """Connect the signals."""
    signals.finalized.connect(build_search_index)
