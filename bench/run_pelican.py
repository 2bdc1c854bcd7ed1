"""Run one Pelican build in this process; print its time, peak memory and plugin times (for the benchmarks).

The teaser and image times come from wrapping the plugins' receivers before
Pelican registers them, so the plugins themselves carry no benchmark code.

`--record FILE` (first): after a successful build, record it as `invoke build` does (site_record.py);
with `--skip-if-current` after it, first check that record as `invoke build` does and skip the build
while it holds. Pelican's own arguments follow: CONTENT -o OUTPUT [-s SETTINGS] [-e …] [flags].
"""

import contextlib
import json
import resource
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import auch_interessant.plugin as teaser_plugin
import responsive_images.plugin as image_plugin
from pelican import main as pelican_main

import site_record

ROOT = Path(__file__).resolve().parent.parent
spent = {"teaser": [], "images": []}


def timed(step: str, receiver):
    """The receiver, adding its run time to `spent[step]`."""

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        receiver(*args, **kwargs)
        spent[step].append(time.perf_counter() - started)

    return wrapper


teaser_plugin.attach_teasers = timed("teaser", teaser_plugin.attach_teasers)
image_plugin.rewrite_page = timed("images", image_plugin.rewrite_page)
image_plugin.encode_missing = timed("images", image_plugin.encode_missing)


def build_settings(arguments: list[str]) -> list[str]:
    """What makes two builds the same build: the arguments without the output folder and the flags."""
    kept, skip = [], False
    for index, argument in enumerate(arguments):
        if skip:
            skip = False
        elif argument == "-o":
            skip = True
        elif index > 0 and not argument.startswith("--") and argument != "-q":
            kept.append(argument)
    return kept


arguments = sys.argv[1:]
record_file = skip_if_current = None
if arguments[:1] == ["--record"]:
    record_file, arguments = Path(arguments[1]), arguments[2:]
    skip_if_current = arguments[:1] == ["--skip-if-current"]
    arguments = arguments[1:] if skip_if_current else arguments

started = time.perf_counter()
status = 0
skipped = False
with contextlib.ExitStack() as recorded:
    if record_file is not None:  # as `invoke build` does (tasks.py)
        content, output = Path(arguments[0]), Path(arguments[arguments.index("-o") + 1])
        inputs = site_record.inputs_fingerprint(ROOT, content, build_settings(arguments))
        skipped = bool(skip_if_current) and site_record.is_current(record_file, inputs, output, datetime.now(UTC))
        time_bound, record = recorded.enter_context(site_record.recording(record_file, inputs))
        # Pelican keeps only the last `-e` group: the setting joins the one given, if any.
        at = arguments.index("-e") + 1 if "-e" in arguments else len(arguments)
        arguments[at:at] = [time_bound] if "-e" in arguments else ["-e", time_bound]
    if not skipped:
        try:
            pelican_main(arguments)
        except SystemExit as stop:
            status = stop.code or 0
        if record_file is not None and status == 0:
            record(output)
report = {
    "seconds": time.perf_counter() - started,
    # The larger of this process and the largest process it started (Pagefind runs as one).
    "peak_mib": max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    / 1024,
    "teaser_seconds": sum(spent["teaser"]) if spent["teaser"] else None,
    "image_seconds": sum(spent["images"]) if spent["images"] else None,
    "status": status,
    "skipped": skipped,
}
print("BENCH " + json.dumps(report), file=sys.stderr)
sys.exit(status)
