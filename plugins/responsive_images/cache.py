"""The image cache on disk: entries written atomically, verified by size and SHA-256 when read, pruned when unused.

Nothing in output/ may share an inode with the cache: Pelican's static copy
writes into existing files of output/, and through a hard link it would write
the unstripped original into a cache entry that later builds trust. So every
file is placed as a new file renamed onto its target.
"""

import hashlib
import json
import os
import re
import shutil
import tempfile
import time
import uuid
from pathlib import Path

RECORD = "fertig.json"  # written last; an entry without a valid record does not exist
RECORD_FORMAT = 2  # entries of earlier formats (no checksums) are treated as missing
TEMP_PREFIX = ".neu-"  # an entry being written
ASIDE_PREFIX = ".alt-"  # a damaged entry moved aside before its replacement is renamed in
ENTRY_NAME = re.compile(r"[0-9a-f]{24}")  # a cache key; nothing else in the folder is ever removed
DAY = 24 * 60 * 60
PLACED_MODE = 0o644  # readable by the web server, like a file Pelican copies


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_record(folder: Path) -> dict | None:
    """The record of a finished entry, or None when there is none or it is unreadable."""
    try:
        record = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("format") != RECORD_FORMAT:
        return None
    files = record.get("files")
    if not isinstance(files, dict) or not all(
        isinstance(facts, dict) and {"size", "sha256"} <= facts.keys() for facts in files.values()
    ):
        return None
    return record


def read_entry(folder: Path) -> tuple[dict, dict[str, bytes]] | None:
    """The record and every file of an entry, each checked against its recorded size and SHA-256;
    None when anything is missing or damaged, so the entry is made again."""
    record = read_record(folder)
    if record is None:
        return None
    files = {}
    for name, facts in record["files"].items():
        try:
            data = (folder / name).read_bytes()
        except OSError:
            return None
        if len(data) != facts["size"] or _sha256(data) != facts["sha256"]:
            return None
        files[name] = data
    return record, files


def write_entry(folder: Path, files: dict[str, bytes], info: dict | None) -> None:
    """Write an entry as a whole: files and record into a temporary folder, which is then renamed.

    A reader sees either no entry or a complete one; a build killed halfway
    leaves a temporary folder that `prune` removes later.
    """
    folder.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=folder.parent))
    try:
        for name, data in files.items():
            (temp / name).write_bytes(data)
        record = {
            "format": RECORD_FORMAT,
            "files": {name: {"size": len(data), "sha256": _sha256(data)} for name, data in files.items()},
            "info": info,
        }
        (temp / RECORD).write_text(json.dumps(record, sort_keys=True), encoding="utf-8")
        if folder.exists():  # damaged: a folder cannot be renamed onto a full one
            aside = folder.parent / f"{ASIDE_PREFIX}{folder.name}-{uuid.uuid4().hex}"
            folder.rename(aside)
            shutil.rmtree(aside, ignore_errors=True)
        try:
            temp.rename(folder)
        except OSError:
            if read_record(folder) is None:  # not a build running at the same time that was faster
                raise
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def place(data: bytes, target: Path) -> None:
    """Write `data` as a new file renamed onto `target`: never a link, never into an existing file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, PLACED_MODE)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def mark_used(folder: Path, now: float) -> None:
    """Note that a build used this entry; at most once a day, so a rebuild writes nothing."""
    record = folder / RECORD
    try:
        if now - record.stat().st_mtime > DAY:
            os.utime(record, (now, now))
    except OSError:
        pass


def _last_use(folder: Path) -> float:
    record = folder / RECORD
    return (record if record.is_file() else folder).stat().st_mtime


def prune(cache_root: Path, max_age_days: float, now: float | None = None) -> int:
    """Remove entries unused for longer than `max_age_days` and half-written ones older than a day."""
    now = time.time() if now is None else now
    removed = 0
    try:
        children = list(cache_root.iterdir())
    except OSError:
        return 0
    for child in children:
        half_written = child.name.startswith((TEMP_PREFIX, ASIDE_PREFIX))
        if not child.is_dir() or not (half_written or ENTRY_NAME.fullmatch(child.name)):
            continue
        limit = DAY if half_written else max_age_days * DAY
        try:
            unused = now - _last_use(child)
        except OSError:
            continue
        if unused > limit:
            shutil.rmtree(child, ignore_errors=True)
            removed += 1
    return removed
