"""Publish safety by fault injection: a killed `invoke publish` leaves the complete old or new site, never less."""

import hashlib
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from test_tasks import COPIED, invoke, write_small_content

from conftest import ROOT
from publishing import PREVIOUS_NAME, STAGING_PREFIX, clean_leftovers, swap_into_place

BUILD_LINE = "1/3"
CHECKS_LINE = "2/3"
SWAP_LINE = "3/3"
BUSY = re.compile(
    r"Es läuft bereits eine Veröffentlichung \(seit \d\d:\d\d Uhr\)\. "
    r"Bitte warten Sie, bis sie fertig ist, und starten Sie dann erneut\."
)


def small_site(folder: Path) -> Path:
    """A copy of the repository with a small content folder that passes the strict publish in a few seconds."""
    for name in COPIED:
        source = ROOT / name
        if source.is_dir() and name != "content":
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, folder / name)
    (folder / "node_modules").symlink_to(ROOT / "node_modules")
    write_small_content(folder / "content")
    return folder


def tree_signature(folder: Path) -> dict[str, str]:
    """Relative path → SHA-256 of every file (builds are reproducible: the same content gives the same bytes)."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


class Publish:
    """`invoke publish` started as an editor starts it, its output lines read as they come."""

    def __init__(self, site: Path):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "invoke", "publish"],
            cwd=site,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self.lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def wait_for_line(self, marker: str, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while True:
            line = self.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            assert line is not None, f"publish ended before „{marker}“"
            if line.startswith("Veröffentlichung " + marker):
                return

    def kill(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)


def new_staging_has_files(site: Path, earlier: set[Path]) -> bool:
    """A staging folder not among `earlier` holds a file (folders may vanish while we look)."""
    try:
        return any(
            path.is_file() for staging in set(site.glob(STAGING_PREFIX + "*")) - earlier for path in staging.rglob("*")
        )
    except FileNotFoundError:
        return False


def test_a_killed_publish_leaves_the_old_or_the_new_site_and_a_second_publish_stops(tmp_path):
    site = small_site(tmp_path / "site")
    output = site / "output"
    first = invoke(site, "publish")
    assert first.returncode == 0, first.stdout + first.stderr
    old = tree_signature(output)
    saved_old = shutil.copytree(output, tmp_path / "alt", symlinks=True)
    article = site / "content" / "artikel" / "2024-03-01-beitrag-3.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nEin neuer Absatz nach der Korrektur.\n", "utf-8")

    after_kills = {}

    def restore_old_site():
        if tree_signature(output) != old:
            shutil.rmtree(output)
            shutil.copytree(saved_old, output, symlinks=True)

    # A second publish while one builds: one German sentence, exit code 1, output/ untouched.
    # The first is frozen (SIGSTOP, it keeps its lock) so it cannot finish before the second asks.
    running = Publish(site)
    running.wait_for_line(BUILD_LINE)
    os.killpg(running.process.pid, signal.SIGSTOP)
    second = invoke(site, "publish")
    assert second.returncode == 1
    assert BUSY.fullmatch((second.stdout + second.stderr).strip()), second.stdout + second.stderr
    assert tree_signature(output) == old
    running.kill()
    after_kills["build line, frozen during the second publish"] = tree_signature(output)

    running = Publish(site)
    running.wait_for_line(BUILD_LINE)
    running.kill()
    after_kills["build line"] = tree_signature(output)

    earlier = set(site.glob(STAGING_PREFIX + "*"))
    running = Publish(site)
    deadline = time.monotonic() + 60
    while not new_staging_has_files(site, earlier) and time.monotonic() < deadline:
        time.sleep(0.005)
    assert new_staging_has_files(site, earlier), "the build writes into a new staging folder"
    running.kill()
    after_kills["first files in staging"] = tree_signature(output)

    running = Publish(site)
    running.wait_for_line(CHECKS_LINE)
    running.kill()
    after_kills["checks line"] = tree_signature(output)

    # The kills left staging folders; git ignores them and the lock file.
    leftovers = sorted(path.name for path in site.glob(".output-*"))
    assert leftovers, "the kills during the build left a staging folder behind"
    subprocess.run(["git", "init", "-q"], cwd=site, check=True)
    status = subprocess.run(
        ["git", "status", "--porcelain", "--ignored"], cwd=site, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    for name in [*leftovers, ".veroeffentlichung.lock"]:
        assert f"!! {name}/" in status or f"!! {name}" in status, f"{name} not ignored by git: {status}"

    for delay in (0, 0.005, 0.05):
        restore_old_site()
        running = Publish(site)
        running.wait_for_line(SWAP_LINE)
        time.sleep(delay)  # where the kill lands, not a timing assertion
        running.kill()
        after_kills[f"swap line + {delay} s"] = tree_signature(output)

    final = invoke(site, "publish")
    assert final.returncode == 0, final.stdout + final.stderr
    assert not list(site.glob(".output-*")), "the next publish removes every leftover"
    assert output.stat().st_mode & 0o777 == 0o755, "readable by the web server"
    new = tree_signature(output)
    assert new != old
    for point, signature in after_kills.items():
        assert signature in (old, new), f"killed at {point}: output/ is neither the old nor the new site"
        if not point.startswith("swap"):
            assert signature == old, f"killed at {point}, before the swap: output/ must be the old site"
        print(f"killed at {point}: {'old' if signature == old else 'new'} site")


def test_fallback_swap_interrupted_between_its_renames_is_repaired_by_the_next_run(tmp_path):
    output, staging = tmp_path / "output", tmp_path / (STAGING_PREFIX + "x")
    for folder, text in ((output, "alt"), (staging, "neu")):
        folder.mkdir()
        (folder / "index.html").write_text(text, encoding="utf-8")
    # What a kill between the two renames of the fallback leaves: no output/, the old site aside.
    os.rename(output, tmp_path / PREVIOUS_NAME)
    clean_leftovers(tmp_path, output)
    assert (output / "index.html").read_text(encoding="utf-8") == "alt"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["output"]


def test_both_swaps_replace_the_site_and_leave_nothing_behind(tmp_path):
    for atomic in (True, False):
        output, staging = tmp_path / "output", tmp_path / (STAGING_PREFIX + str(atomic))
        output.mkdir(exist_ok=True)
        (output / "index.html").write_text("alt", encoding="utf-8")
        staging.mkdir()
        (staging / "index.html").write_text(f"neu {atomic}", encoding="utf-8")
        swap_into_place(staging, output, atomic=atomic)
        assert (output / "index.html").read_text(encoding="utf-8") == f"neu {atomic}"
        assert sorted(path.name for path in tmp_path.iterdir()) == ["output"]
