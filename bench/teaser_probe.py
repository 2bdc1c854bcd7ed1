"""Time the „Auch interessant“ receiver inside a real build of N synthetic articles, without writing the site.

`python bench/teaser_probe.py N [--repeats R] [--profile] [-e KEY=VALUE …]`: writes the synthetic corpus of
`bench/build_speed.py` once into a temporary folder, then builds it R times with `pelicanconf.py`,
each in a fresh process that stops right after the receiver (the pages are not written, so a run
at 10,000 takes a fraction of a whole build). Prints each run's receiver time, its CPU time (all
threads: BLAS threads waiting for work add to it), the load average and the best run; with
--profile, the receiver's cProfile (cumulative) of the last run. `-e` is handed to Pelican (e.g.
`-e PLAIN_LANGUAGE_SHOW_ON_PAGE=false` for a build without the preview's second process that checks
every file's language while Pelican reads).
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def child(content: str, output: str, profile: bool, extra: list[str]) -> None:
    """In the fresh process: build until the receiver has run, report its time, stop."""
    import cProfile
    import io
    import pstats
    import time

    import auch_interessant.plugin as teaser_plugin
    from pelican import main as pelican_main

    receiver = teaser_plugin.attach_teasers

    def timed(generators):
        profiler = cProfile.Profile() if profile else None
        started, cpu_started = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        receiver(generators)
        if profiler:
            profiler.disable()
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
        if profiler:
            text = io.StringIO()
            pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(35)
            print(text.getvalue(), file=sys.stderr)
        print("PROBE " + json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds}), file=sys.stderr, flush=True)
        os._exit(0)  # the pages are not needed: stop before writing them

    teaser_plugin.attach_teasers = timed
    pelican_main([content, "-o", output, "-q", "-s", str(ROOT / "pelicanconf.py"), *extra])


def main(size: int, repeats: int, profile: bool, extra: list[str]) -> None:
    from synthetic_corpus import write_corpus

    with tempfile.TemporaryDirectory(prefix=f"teaser-probe-{size}-") as folder:
        content = write_corpus(Path(folder) / "content", size)
        best = None
        for run in range(repeats):
            result = subprocess.run(
                [sys.executable, __file__, "--child", str(content), str(Path(folder) / "output")]
                + (["--profile"] if profile and run == repeats - 1 else [])
                + extra,
                capture_output=True,
                text=True,
                check=False,
            )
            line = next((row for row in result.stderr.splitlines() if row.startswith("PROBE ")), None)
            if line is None:
                raise SystemExit(f"Build fehlgeschlagen: {result.stderr[-2000:]}")
            report = json.loads(line[6:])
            seconds = report["seconds"]
            best = seconds if best is None else min(best, seconds)
            load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
            print(
                f"N={size} Lauf {run + 1}: Teaser {seconds:.2f} s, CPU {report['cpu_seconds']:.2f} s (Last {load})",
                flush=True,
            )
            if profile and run == repeats - 1:
                print(result.stderr.split("PROBE ")[0][-12000:])
        print(f"N={size} bester Lauf: {best:.2f} s")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    extra = [part for index, value in enumerate(arguments) if value == "-e" for part in arguments[index : index + 2]]
    if arguments[0] == "--child":
        child(arguments[1], arguments[2], "--profile" in arguments, extra)
    else:
        repeats = int(arguments[arguments.index("--repeats") + 1]) if "--repeats" in arguments else 3
        main(int(arguments[0]), repeats, "--profile" in arguments, extra)
