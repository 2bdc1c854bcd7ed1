"""Reports of earlier builds, by file text: the preview checks only the files that changed.

At 1,000 articles the language checks took as long as the rest of a preview build (37 s against
19 s with them off), and every save checked every file again. A report depends only on the
file's text, the options and the rules' code with its language data, so those make the key;
a report of other rules or settings is never shown. Entries are single files written whole and
renamed into place; one nobody used for `MAX_AGE_DAYS` is removed.
"""

import hashlib
import importlib.metadata
import json
import os
import pickle
import time
from dataclasses import fields
from pathlib import Path

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
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for package in ("HanTa", "wordfreq"):
        digest.update(package.encode() + importlib.metadata.version(package).encode())
    return digest.hexdigest()


class ReportCache:
    """The reports stored in one folder for one set of options and rules."""

    def __init__(self, folder: Path, options: Options):
        self.folder = folder
        self.salt = (rules_version() + options_text(options)).encode()

    def _file(self, text: str) -> Path:
        return self.folder / (hashlib.sha256(self.salt + text.encode()).hexdigest() + SUFFIX)

    def get(self, text: str) -> PageReport | None:
        """The stored report of this text, or None (also when the entry cannot be read)."""
        path = self._file(text)
        try:
            with path.open("rb") as stored:
                report = pickle.load(stored)
            os.utime(path)  # used: kept for another MAX_AGE_DAYS
        except Exception:  # missing, half-written by a killed build, or from another Python: check again
            return None
        return report if isinstance(report, PageReport) else None

    def put(self, text: str, report: PageReport) -> None:
        """Store the report (silently not, if the folder cannot be written: the hints are shown anyway)."""
        path = self._file(text)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(pickle.dumps(report))
            os.replace(partial, path)
        except OSError:
            partial.unlink(missing_ok=True)

    def prune(self, now: float | None = None) -> None:
        """Remove entries (and partial ones) unused for longer than MAX_AGE_DAYS."""
        limit = (time.time() if now is None else now) - MAX_AGE_DAYS * 86400
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return
        for entry in entries:
            try:
                if entry.stat().st_mtime < limit:
                    entry.unlink()
            except OSError:
                continue
