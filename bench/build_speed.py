"""Build time of synthetic corpora with our configuration against stock Pelican, in the same run."""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from synthetic_corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent
RUNNER = Path(__file__).resolve().parent / "run_pelican.py"
SIZES = (1000, 10000)


def build(content: Path, output: Path, *settings: str) -> dict:
    """One Pelican build in a fresh process, started in the corpus folder so that stock
    Pelican finds no pelicanconf.py; returns the runner's figures."""
    result = subprocess.run(
        [sys.executable, str(RUNNER), str(content), "-o", str(output), "-q", "--delete-output-directory", *settings],
        capture_output=True,
        text=True,
        cwd=content.parent,
        check=False,
    )
    line = next((row for row in result.stderr.splitlines() if row.startswith("BENCH ")), None)
    if line is None or json.loads(line[6:])["status"] != 0:
        raise SystemExit(f"Build fehlgeschlagen: {result.stderr[-2000:]}")
    return json.loads(line[6:])


def fastest(content: Path, output: Path, repeats: int, *settings: str) -> dict:
    """The fastest of `repeats` builds: the least disturbed by other work on the machine."""
    return min((build(content, output, *settings) for _ in range(repeats)), key=lambda run: run["seconds"])


def site_plugins() -> list[str]:
    """PLUGINS of pelicanconf.py, read without running Pelican."""
    sys.path.insert(0, str(ROOT))
    import pelicanconf

    return list(pelicanconf.PLUGINS)


def measure(size: int, repeats: int) -> dict:
    with tempfile.TemporaryDirectory(prefix=f"bench-{size}-") as folder:
        folder = Path(folder)
        content = write_corpus(folder / "content", size)
        ours_settings = ["-s", str(ROOT / "pelicanconf.py")]
        # Every plugin of ours but the teasers: the theme needs the others' filters.
        plugins = json.dumps([name for name in site_plugins() if name != "auch_interessant"])
        without_teasers = [*ours_settings, "-e", f"PLUGINS={plugins}"]
        return {
            # PLUGINS=[]: stock Pelican would otherwise load every installed namespace plugin (sitemap).
            "stock": fastest(content, folder / "stock", repeats, "-e", "PLUGINS=[]"),
            "ours": fastest(content, folder / "ours", repeats, *ours_settings),
            "ours_without_teasers": fastest(content, folder / "without", repeats, *without_teasers),
        }


def main(sizes=SIZES) -> None:
    print("Build-Zeit (synthetische Artikel, je ein frischer Prozess)")
    print(
        f"  {'N':>6} {'Pelican pur':>12} {'unser Build':>12} {'Verhältnis':>10} {'Teaser':>8} {'Plugin-Anteil':>14} {'Spitze RAM':>11}"
    )
    for size in sizes:
        runs = measure(size, repeats=3 if size <= 2000 else 1)
        stock, ours, without = runs["stock"], runs["ours"], runs["ours_without_teasers"]
        ratio = ours["seconds"] / stock["seconds"]
        # Measured directly: timing whole builds against each other is noisier than the share itself.
        plugin_share = ours["teaser_seconds"] / without["seconds"]
        print(
            f"  {size:>6} {stock['seconds']:>11.2f}s {ours['seconds']:>11.2f}s {ratio:>9.2f}x "
            f"{ours['teaser_seconds']:>7.2f}s {plugin_share:>13.1%} {ours['peak_mib']:>9.0f} MiB"
        )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or SIZES)
