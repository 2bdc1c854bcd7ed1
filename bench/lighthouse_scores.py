"""Lighthouse scores of home, an article and a project page of the published build, phone and desktop."""

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from page_weight import CHROMIUM, ROOT, build_site, pick_pages, serve

BENCH = ROOT / "bench"
LIGHTHOUSE = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PRESETS = {"Handy": [], "Desktop": ["--preset=desktop"]}
TARGET = 0.95
METRICS = {
    "FCP": "first-contentful-paint",
    "LCP": "largest-contentful-paint",
    "TBT": "total-blocking-time",
    "CLS": "cumulative-layout-shift",
}
# Performance varies from run to run on a small machine: up to three runs, the median counts.
RUNS = 3


def install_lighthouse() -> None:
    """Install the pinned Lighthouse from bench/package-lock.json on a fresh clone."""
    if not LIGHTHOUSE.exists():
        print("Lighthouse fehlt: npm ci --prefix bench")
        subprocess.run(["npm", "ci", "--prefix", "bench", "--no-fund", "--no-audit"], cwd=ROOT, check=True)


def lighthouse(url: str, preset: list[str], report: Path) -> dict:
    """One Lighthouse run against the system Chromium; returns the report (LHR)."""
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
        *preset,
    ]
    report.unlink(missing_ok=True)  # a report left from an earlier run must not pass for this one
    result = subprocess.run(
        command, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, check=False
    )
    if result.returncode != 0 or not report.exists():
        raise SystemExit(f"Lighthouse fehlgeschlagen für {url} ({result.returncode}):\n{result.stderr[-3000:]}")
    lhr = json.loads(report.read_text(encoding="utf-8"))
    if lhr.get("runtimeError"):
        raise SystemExit(f"Lighthouse-Fehler für {url}: {lhr['runtimeError']}")
    return lhr


def scores(lhr: dict) -> dict[str, float]:
    """Category → score (0–1); a category Lighthouse could not score counts as 0."""
    return {category: lhr["categories"][category]["score"] or 0.0 for category in CATEGORIES}


def median_run(url: str, preset: list[str], folder: Path) -> tuple[dict[str, float], list[dict], int]:
    """Median score per category over up to RUNS runs (one is enough when every category passes)."""
    reports = []
    for run in range(RUNS):
        reports.append(lighthouse(url, preset, folder / f"lighthouse-{run}.json"))
        if run == 0 and min(scores(reports[0]).values()) >= TARGET:
            break
    per_run = [scores(lhr) for lhr in reports]
    median = {category: statistics.median(run[category] for run in per_run) for category in CATEGORIES}
    return median, reports, len(reports)


def failing_audits(lhr: dict, category: str) -> list[str]:
    """The audits that cost a category points: id, title, score (and the measured value for metrics)."""
    lines = []
    for ref in lhr["categories"][category]["auditRefs"]:
        audit = lhr["audits"][ref["id"]]
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
            value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            lines.append(f"{audit['id']}: {audit['title']} — {audit['score']:.2f}{value}")
    return lines


def closest(reports: list[dict], category: str, median: float) -> dict:
    """The run whose score in `category` is closest to the median: it shows what to fix."""
    return min(reports, key=lambda lhr: abs(scores(lhr)[category] - median))


def metrics(lhr: dict) -> str:
    """The timings behind the performance score, as Lighthouse displays them."""
    return "  ".join(f"{label} {lhr['audits'][audit]['displayValue']}" for label, audit in METRICS.items())


def main() -> None:
    install_lighthouse()
    version = json.loads((LIGHTHOUSE.parent.parent / "package.json").read_text(encoding="utf-8"))["version"]
    failures = []
    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as folder:
        folder = Path(folder)
        site = folder / "site"
        build_site(site)
        pages = pick_pages(site, with_search=False)
        print(f"Lighthouse {version} (Median aus bis zu {RUNS} Läufen, Ziel je Kategorie ≥ {TARGET})")
        for name, address in pages.items():
            print(f"  {name}: /{address}")
        print(
            f"  {'Seite':<13} {'Ansicht':<8} {'Läufe':>5} " + " ".join(f"{c:>14}" for c in CATEGORIES) + "   Messwerte"
        )
        with serve(site) as base:
            for name, address in pages.items():
                for preset_name, preset in PRESETS.items():
                    median, reports, runs = median_run(base + address, preset, folder)
                    cells = " ".join(
                        f"{median[c]:>9.2f} {'ok' if median[c] >= TARGET else 'MISS':>4}" for c in CATEGORIES
                    )
                    timings = metrics(closest(reports, "performance", median["performance"]))
                    print(f"  {name:<13} {preset_name:<8} {runs:>5} {cells}   {timings}")
                    for category in CATEGORIES:
                        if median[category] < TARGET:
                            lhr = closest(reports, category, median[category])
                            failures.append((f"{name} ({preset_name}), {category}", failing_audits(lhr, category)))
    for heading, audits in failures:
        print(f"\nPunkte verloren: {heading}")
        for line in audits:
            print(f"  {line}")
    print(f"\nZiel alle Kategorien ≥ {TARGET}: {'MISSED' if failures else 'met'}")
    if failures:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
