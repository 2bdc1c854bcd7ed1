"""Run one Pelican build in this process; print its time, peak memory and plugin times (for the benchmarks).

The teaser and image times come from wrapping the plugins' receivers before
Pelican registers them, so the plugins themselves carry no benchmark code.
"""

import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

import auch_interessant.plugin as teaser_plugin
import responsive_images.plugin as image_plugin
from pelican import main as pelican_main

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

started = time.perf_counter()
status = 0
try:
    pelican_main(sys.argv[1:])
except SystemExit as stop:
    status = stop.code or 0
report = {
    "seconds": time.perf_counter() - started,
    # The larger of this process and the largest process it started (Pagefind runs as one).
    "peak_mib": max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    / 1024,
    "teaser_seconds": sum(spent["teaser"]) if spent["teaser"] else None,
    "image_seconds": sum(spent["images"]) if spent["images"] else None,
    "status": status,
}
print("BENCH " + json.dumps(report), file=sys.stderr)
sys.exit(status)
