"""Whether output/ already holds what a build of the current sources would make, so a rebuild can skip.

After a successful build the tasks keep a record (`cache/stand.json`) of three things:

- **inputs**: a fingerprint of everything the site is made from and checked with: the content folder,
  theme, plugins, settings files, the build command, `tasks.py` and this module, the publish's checks
  (`quality/`), the pinned and the installed packages (Pagefind's and the Nu HTML Checker's versions
  through package-lock.json), Python's version. File bytes, not modification times: saving
  a file unchanged changes nothing.
- **files**: every file the build put into output/, with size and modification time. A preview, a
  hand edit or a half-finished swap into output/ changes them, and then output/ is no longer the
  recorded build.
- **until**: the first moment after the build began at which time alone changes the site (an embargo
  lifts, an event ends; `plugins/time_bound`). None: never.

A build is skipped only while all three hold. Builds are reproducible (tests/test_reproducible_output.py):
a rebuild of the same inputs before `until` would write the same bytes, which is why skipping it is safe.
"""

import contextlib
import hashlib
import importlib.metadata
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

# Raised when what the record holds changes meaning: an older record then never matches.
RECORD_VERSION = 1
# Folders whose contents never change what a build makes (Python's byte code of the plugins).
IGNORED_FOLDERS = frozenset({"__pycache__"})
# Besides the content folder: what the site is made from, relative to the project folder.
SITE_SOURCES = (
    "theme",
    "plugins",
    "pelicanconf.py",
    "publishconf.py",
    "tasks.py",
    "site_record.py",
    "quality",  # the publish's link and HTML checks: a changed check must check the site again
    "requirements.txt",
    "package-lock.json",
)


def _files_below(path: Path) -> Iterable[Path]:
    """`path` itself if it is a file, else every file below it, in a fixed order."""
    if path.is_file():
        yield path
        return
    for folder, folders, names in os.walk(path):
        folders[:] = sorted(name for name in folders if name not in IGNORED_FOLDERS)
        for name in sorted(names):
            yield Path(folder) / name


def inputs_fingerprint(root: Path, content: Path, command: Iterable[str]) -> str:
    """One hash over every source of the site and the way it is built (see the module text)."""
    digest = hashlib.sha256(f"{RECORD_VERSION}\0{sys.version}\0".encode())
    digest.update("\0".join(command).encode() + b"\0\0")
    installed = sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions())
    digest.update("\0".join(installed).encode() + b"\0\0")
    for base, label in [(content, "content"), *((root / name, name) for name in SITE_SOURCES)]:
        for path in _files_below(base):
            name = f"{label}/{path.relative_to(base).as_posix()}" if path != base else label
            data = path.read_bytes()
            digest.update(f"{name}\0{len(data)}\0".encode() + data)
    return digest.hexdigest()


def files_of(folder: Path) -> dict[str, list[int]]:
    """Every file below `folder`: its path there, size and modification time (ns)."""
    found = {}
    for directory, _folders, names in os.walk(folder):
        for name in names:
            path = os.path.join(directory, name)
            status = os.stat(path, follow_symlinks=False)
            found[Path(path).relative_to(folder).as_posix()] = [status.st_size, status.st_mtime_ns]
    return found


def first_moment_after(moments: Iterable[str], since: datetime) -> str | None:
    """The earliest of `moments` (ISO texts) after `since`, as ISO text; None if there is none."""
    later = [moment for moment in (datetime.fromisoformat(text) for text in moments) if moment > since]
    return min(later).isoformat() if later else None


def save(record_file: Path, *, inputs: str, files: dict, until: str | None) -> None:
    """Write the record in one step (a half-written record would never match, but still)."""
    record_file.parent.mkdir(parents=True, exist_ok=True)
    partial = record_file.with_name(record_file.name + ".neu")
    partial.write_text(
        json.dumps({"version": RECORD_VERSION, "inputs": inputs, "until": until, "files": files}), "utf-8"
    )
    partial.replace(record_file)


def is_current(record_file: Path, inputs: str, output: Path, now: datetime) -> bool:
    """True if output/ is the recorded build of exactly these inputs and no recorded moment has come."""
    try:
        record = json.loads(record_file.read_text("utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(record, dict) or record.get("version") != RECORD_VERSION or record.get("inputs") != inputs:
        return False
    until = record.get("until")
    if until is not None and datetime.fromisoformat(until) <= now:
        return False
    return output.is_dir() and files_of(output) == record.get("files")


@contextlib.contextmanager
def recording(record_file: Path, inputs: str):
    """Around one build: yields the Pelican setting (KEY=JSON) that has the build write its time-bound
    moments (plugins/time_bound) and a function that records a finished build's folder as the build of
    `inputs`. Call it before the folder becomes output/ (the swap): anything written there afterwards
    then shows as a change."""
    started = datetime.now(UTC)
    handle, name = tempfile.mkstemp(prefix="zeitpunkte-", suffix=".json")
    os.close(handle)
    moments_file = Path(name)

    def record(folder: Path) -> None:
        moments = json.loads(moments_file.read_text("utf-8") or "[]")
        save(record_file, inputs=inputs, files=files_of(folder), until=first_moment_after(moments, started))

    try:
        yield f"TIME_BOUND_FILE={json.dumps(str(moments_file))}", record
    finally:
        moments_file.unlink(missing_ok=True)
