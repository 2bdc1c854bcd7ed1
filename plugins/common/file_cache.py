"""Values kept between builds, one file per key: the preview's caches (language reports, converted Markdown).

A value is stored under the hash of its key text and a salt that names everything else it
depends on (the code and settings that made it), so an entry of other code or settings is never
found. Entries are written whole and renamed into place, so a build stopped halfway leaves none
half-written; one nobody read for `max_age_days` is removed by `prune()`.
"""

import hashlib
import os
import pickle
import time
from pathlib import Path


class FileCache:
    """The entries stored in one folder for one salt."""

    def __init__(self, folder: Path, salt: bytes, suffix: str, max_age_days: int = 30):
        self.folder = Path(folder)
        self.salt = salt
        self.suffix = suffix
        self.max_age_days = max_age_days

    def _file(self, key: str) -> Path:
        return self.folder / (hashlib.sha256(self.salt + key.encode()).hexdigest() + self.suffix)

    def get(self, key: str):
        """The value stored for `key`, or None (also when the entry cannot be read)."""
        path = self._file(key)
        try:
            with path.open("rb") as stored:
                value = pickle.load(stored)
            os.utime(path)  # used: kept for another max_age_days
        except Exception:  # missing, damaged, or from another Python: made again
            return None
        return value

    def put(self, key: str, value) -> None:
        """Store `value` (silently not, if the folder cannot be written: the caller has the value anyway)."""
        path = self._file(key)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(pickle.dumps(value))
            os.replace(partial, path)
        except OSError:
            partial.unlink(missing_ok=True)

    def prune(self, now: float | None = None) -> None:
        """Remove entries (and partial ones) unused for longer than `max_age_days`."""
        limit = (time.time() if now is None else now) - self.max_age_days * 86400
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


def code_fingerprint(*folders: Path, packages: tuple[str, ...] = (), recursive: bool = False) -> str:
    """A hash of the Python files in `folders` (and below them if `recursive`) and the versions of `packages`."""
    import importlib.metadata

    digest = hashlib.sha256()
    for folder in folders:
        folder = Path(folder)
        for path in sorted(folder.rglob("*.py") if recursive else folder.glob("*.py")):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    for package in packages:
        digest.update(package.encode() + b"\0" + importlib.metadata.version(package).encode())
    return digest.hexdigest()
