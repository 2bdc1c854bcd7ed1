"""Run one Pelican build in this process; print its time, peak memory and teaser time (for build_speed.py).

The teaser time comes from wrapping the auch_interessant receiver before
Pelican registers it, so the plugin itself carries no benchmark code.
"""

import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

import auch_interessant.plugin as teaser_plugin
from pelican import main as pelican_main

teaser_seconds = []
original = teaser_plugin.attach_teasers


def timed_attach_teasers(generators):
    started = time.perf_counter()
    original(generators)
    teaser_seconds.append(time.perf_counter() - started)


teaser_plugin.attach_teasers = timed_attach_teasers

started = time.perf_counter()
status = 0
try:
    pelican_main(sys.argv[1:])
except SystemExit as stop:
    status = stop.code or 0
report = {
    "seconds": time.perf_counter() - started,
    "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "teaser_seconds": sum(teaser_seconds) if teaser_seconds else None,
    "status": status,
}
print("BENCH " + json.dumps(report), file=sys.stderr)
sys.exit(status)
