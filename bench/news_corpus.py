"""Real German news with topic labels (../shared/bench/gnad-dev, gnad-dev-small/part1…4), read at run time.

The licence (CC BY-NC-SA 4.0) keeps these files out of the repository. Our ranker is measured
through the real pipeline: Pelican builds the folder with the project's pelicanconf.py and the
plugin chooses the teasers. Only `topics` reads labels.json, for the scorer.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
DEFAULT_ROOT = BENCH.parent.parent / "shared" / "bench"
SITES = ("gnad-dev", "gnad-dev-small/part1", "gnad-dev-small/part2", "gnad-dev-small/part3", "gnad-dev-small/part4")


def missing(root: Path) -> list[str]:
    """The site folders that are not there."""
    return [name for name in SITES if not (root / name).is_dir()]


def read_items(folder: Path) -> list[dict]:
    """Each Markdown article's metadata and text, as the baselines take them (no tags: the source has none)."""
    items = []
    for path in sorted(folder.glob("*.md")):
        head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        meta = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
        items.append({"id": meta["Slug"], "title": meta["Title"], "text": body, "tags": [], "date": meta["Date"]})
    return items


def topics(folder: Path) -> dict[str, str]:
    """The scorer's labels: slug → topic."""
    return json.loads((folder / "labels.json").read_text(encoding="utf-8"))


def built_teasers(folder: Path) -> dict[str, list[str]]:
    """Build the folder with pelicanconf.py in a fresh process; each article's teasers (slugs)."""
    with tempfile.TemporaryDirectory(prefix="relevanz-") as output:
        result = subprocess.run(
            [sys.executable, str(BENCH / "teasers_of_build.py"), str(folder), output],
            capture_output=True,
            text=True,
            check=False,
        )
    lines = result.stdout.strip().splitlines()
    if result.returncode != 0 or not lines:
        raise SystemExit(f"{folder}: Build fehlgeschlagen — {result.stderr[-1500:]}")
    return json.loads(lines[-1])
