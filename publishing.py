"""Lock, staging folder and atomic swap for `invoke publish`: file-system logic only, no Pelican.

A publish builds into a hidden sibling of output/ (`.output-neu-…`, same file system) and, once every
check has passed, exchanges it with output/ in one step (Linux `renameat2(RENAME_EXCHANGE)`), so a
killed publish leaves either the complete old or the complete new site. Where the system cannot
exchange two folders (another OS or file system), two renames are used instead; a kill between them
leaves the old site in `.output-alt`, and the next publish puts it back before doing anything else.
"""

import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

STAGING_PREFIX = ".output-neu-"
# The preview builds beside output/ too, under its own name, so a publish never removes a preview's folder.
PREVIEW_STAGING_PREFIX = ".output-vorschau-"
# The preview's quick build (only the saved pages), merged into output/ file by file.
PREVIEW_QUICK_PREFIX = ".output-schnell-"
PREVIOUS_NAME = ".output-alt"
LOCK_NAME = ".veroeffentlichung.lock"
# Names an older `invoke publish` used; cleaned up the same way.
LEGACY_STAGING_PREFIX = "output-neu-"
LEGACY_PREVIOUS_NAME = "output-alt"

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
# errno values meaning "this kernel or file system cannot exchange", not "something is wrong".
_EXCHANGE_UNSUPPORTED = frozenset({errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP})


class PublishBusy(Exception):
    """Another publish holds the lock; `started` is when it began (None if unknown)."""

    def __init__(self, started: datetime | None):
        super().__init__(started)
        self.started = started


def _read_start(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        return None


@contextmanager
def publish_lock(root: Path) -> Iterator[None]:
    """Hold the publish lock in `root` or raise PublishBusy; the kernel releases it when the process dies."""
    with open(root / LOCK_NAME, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            raise PublishBusy(_read_start(handle.read())) from None
        handle.truncate(0)
        handle.write(datetime.now(UTC).isoformat())
        handle.flush()
        # The file itself stays: deleting it would let a third publish lock a new file beside this one.
        yield


def clean_leftovers(root: Path, output: Path) -> None:
    """Under the lock: put back the old site an interrupted fallback swap left, remove stale staging folders."""
    for name in (PREVIOUS_NAME, LEGACY_PREVIOUS_NAME):
        previous = root / name
        if not previous.is_dir():
            continue
        if output.exists():
            shutil.rmtree(previous)
        else:
            os.rename(previous, output)
    for prefix in (STAGING_PREFIX, LEGACY_STAGING_PREFIX):
        remove_staging_folders(root, prefix)


def remove_staging_folders(root: Path, prefix: str) -> None:
    """Remove the folders named `prefix…` in `root` that a killed run left."""
    for leftover in root.glob(prefix + "*"):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover)


def new_staging_folder(root: Path, prefix: str = STAGING_PREFIX) -> Path:
    """An empty hidden folder beside output/, on the same file system so the swap is a rename."""
    return Path(tempfile.mkdtemp(prefix=prefix, dir=root))


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths atomically (renameat2 RENAME_EXCHANGE); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except AttributeError:  # not Linux, or a C library before glibc 2.28
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _EXCHANGE_UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def swap_into_place(staging: Path, output: Path, *, atomic: bool = True, remove_old: bool = True) -> Path | None:
    """Make the finished `staging` folder the new `output` and remove the old one.

    `atomic=False` forces the two-rename fallback (for tests of the recovery). `remove_old=False`:
    after an exchange, return the folder now holding the old site (named like `staging`) instead of
    removing it, so the preview can reload browsers first (removing thousands of files takes seconds).
    """
    if not output.exists():
        os.rename(staging, output)
        return None
    if atomic and exchange(staging, output):
        if not remove_old:
            return staging
        shutil.rmtree(staging)  # now holds the old site
        return None
    previous = output.parent / PREVIOUS_NAME
    os.rename(output, previous)
    # A kill here leaves no output/; clean_leftovers() of the next publish restores it from `previous`.
    os.rename(staging, output)
    shutil.rmtree(previous)
    return None
