"""`invoke check` on the demo site against a development build of it, in the same run."""

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INVOKE = [sys.executable, "-m", "invoke"]
REPEATS = 5


def seconds(command: list[str]) -> float:
    """Wall time of one command in a fresh process, as an author runs it; it must succeed."""
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, capture_output=True, check=True)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-check-") as output:
        build = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", output, "-q"]
        seconds(build)  # a first build fills the image cache, as in daily work
        builds = [seconds(build) for _ in range(REPEATS)]
    checks = [seconds([*INVOKE, "check"]) for _ in range(REPEATS)]
    check, full = statistics.median(checks), statistics.median(builds)
    print("invoke check on content/ (median of 5, whole command including Python start)")
    print(f"  invoke check:               {check:.2f} s (target < 2 s: {'met' if check < 2 else 'MISSED'})")
    print(f"  development build (warm):   {full:.2f} s")
    print(f"  ratio check / build:        {check / full:.2f}")


if __name__ == "__main__":
    main()
