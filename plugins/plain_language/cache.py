"""Reports of earlier builds, by file text: the preview checks only the files that changed.

At 1,000 articles the language checks took as long as the rest of a preview build (37 s against
19 s with them off), and every save checked every file again. A report depends only on the
file's text, the options and the rules' code with its language data, so those make the key;
a report of other rules or settings is never shown. Entries are single files written whole and
renamed into place; one nobody used for `MAX_AGE_DAYS` is removed.
"""

import json
from dataclasses import fields
from pathlib import Path

from common.file_cache import FileCache, code_fingerprint

from .hints import PageReport
from .options import Options

MAX_AGE_DAYS = 30
SUFFIX = ".bericht"


def options_text(options: Options) -> str:
    """The options as stable text (sets sorted: their order changes from process to process)."""
    values = {}
    for field in fields(options):
        value = getattr(options, field.name)
        values[field.name] = sorted(value) if isinstance(value, set | frozenset) else value
    return json.dumps(values, sort_keys=True, ensure_ascii=False)


def rules_version() -> str:
    """A fingerprint of the rules' code and of the language data packages they read."""
    return code_fingerprint(Path(__file__).parent, packages=("HanTa", "wordfreq"))


class ReportCache:
    """The reports stored in one folder for one set of options and rules."""

    def __init__(self, folder: Path, options: Options):
        self.folder = folder
        self._store = FileCache(folder, (rules_version() + options_text(options)).encode(), SUFFIX, MAX_AGE_DAYS)

    def get(self, text: str) -> PageReport | None:
        """The stored report of this text, or None (also when the entry cannot be read)."""
        report = self._store.get(text)
        return report if isinstance(report, PageReport) else None

    def put(self, text: str, report: PageReport) -> None:
        """Store the report (silently not, if the folder cannot be written: the hints are shown anyway)."""
        self._store.put(text, report)

    def prune(self, now: float | None = None) -> None:
        """Remove entries (and partial ones) unused for longer than MAX_AGE_DAYS."""
        self._store.prune(now)
