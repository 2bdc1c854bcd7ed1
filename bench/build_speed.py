"""Full build time (issue 15, targets 2–4): our published build against stock Pelican, in the same run.

Stock Pelican: Pelican 4.12, default theme, no plugins, no settings file. Ours: `publishconf.py`
with every feature on (teasers, content checks, images from a warm cache, search index, feeds,
sitemap): what `invoke publish` builds before its link and Nu HTML checks. Strictness is switched
off (BUILD_MESSAGES_STRICT=false) because synthetic tags are outside the site's vocabulary and
would stop a strict build; it changes no work done. Every 20th article has a lead image (10
different photos); one untimed build fills the image cache first.
  cold   a fresh output folder, a fresh process (the fastest of three at 1,000, one at 10,000)
  warm   the same build again into the same output folder, nothing changed: as `invoke build` and
         `invoke publish` do, it checks the last build's record (site_record.py) and skips the build
  edit   then one article's text changed: the record no longer holds, so a whole build runs again
  memory peak resident memory of the build process or of a process it started (Pagefind)
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from synthetic_corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent
RUNNER = Path(__file__).resolve().parent / "run_pelican.py"
SIZES = (1000, 10000)
IMAGE_EVERY = 20  # one article in 20 has a lead image
IMAGE_COUNT = 10


def build(content: Path, output: Path, *settings: str, fresh: bool = True, record: Path | None = None) -> dict:
    """One Pelican build in a fresh process, started in the corpus folder so that stock
    Pelican finds no pelicanconf.py; returns the runner's figures. `fresh`: empty the output first.
    `record`: keep the build's record there (site_record.py); unless `fresh`, skip while it holds."""
    emptying = ["--delete-output-directory"] if fresh else []
    recording = [] if record is None else ["--record", str(record), *([] if fresh else ["--skip-if-current"])]
    result = subprocess.run(
        [sys.executable, str(RUNNER), *recording, str(content), "-o", str(output), "-q", *emptying, *settings],
        capture_output=True,
        text=True,
        cwd=content.parent,
        check=False,
    )
    line = next((row for row in result.stderr.splitlines() if row.startswith("BENCH ")), None)
    if line is None or json.loads(line[6:])["status"] != 0:
        raise SystemExit(f"Build fehlgeschlagen: {result.stderr[-2000:]}")
    return json.loads(line[6:])


def fastest(content: Path, output: Path, repeats: int, *settings: str, record: Path | None = None) -> dict:
    """The fastest of `repeats` builds: the least disturbed by other work on the machine."""
    runs = (build(content, output, *settings, record=record) for _ in range(repeats))
    return min(runs, key=lambda run: run["seconds"])


def change_one_text(content: Path) -> None:
    """Add a sentence to the first article's text: an editor's smallest real change."""
    first = sorted((content / "artikel").glob("*.md"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nEin Satz kam dazu.\n", encoding="utf-8")


def add_lead_images(content: Path) -> None:
    """Give every IMAGE_EVERY-th article one of IMAGE_COUNT photo-like 1600×1200 images as its lead image."""
    from PIL import Image, ImageFilter

    images = content / "images"
    images.mkdir(exist_ok=True)
    for number in range(IMAGE_COUNT):
        noise = Image.effect_noise((1600, 1200), 40 + number).convert("RGB")
        noise.filter(ImageFilter.GaussianBlur(3)).save(images / f"foto-{number}.jpg", quality=88)
    for index, source in enumerate(sorted((content / "artikel").glob("*.md"))):
        if index % IMAGE_EVERY == 0:
            text = source.read_text(encoding="utf-8")
            lead = f"Image: images/foto-{index // IMAGE_EVERY % IMAGE_COUNT}.jpg\nImage_alt: Ein Testfoto\n"
            source.write_text(text.replace("Tags:", lead + "Tags:", 1), encoding="utf-8")


def measure(size: int, repeats: int) -> dict:
    with tempfile.TemporaryDirectory(prefix=f"bench-{size}-") as folder:
        folder = Path(folder)
        content = write_corpus(folder / "content", size)
        add_lead_images(content)
        ours = [
            "-s",
            str(ROOT / "publishconf.py"),
            "-e",
            "BUILD_MESSAGES_STRICT=false",
            f'RESPONSIVE_IMAGES_CACHE="{folder / "bildcache"}"',
        ]
        build(content, folder / "vorab", *ours)  # fills the image cache
        record = folder / "stand.json"
        cold = fastest(content, folder / "ours", repeats, *ours, record=record)
        # PLUGINS=[]: stock Pelican would otherwise load every installed namespace plugin (sitemap).
        stock = fastest(content, folder / "stock", repeats, "-e", "PLUGINS=[]")
        warm = build(content, folder / "ours", *ours, fresh=False, record=record)
        change_one_text(content)
        edit = build(content, folder / "ours", *ours, fresh=False, record=record)
        return {"stock": stock, "cold": cold, "warm": warm, "edit": edit}


def main(sizes=SIZES) -> None:
    print("Volle Build-Zeit (synthetische Artikel, je ein frischer Prozess; Ziele: kalt ≤ 1,0× und")
    print("warm ≤ 0,3× Pelican pur kalt, Spitze RAM bei 10.000 ≤ 1 GB). „warm“: nichts geändert, der Bau")
    print("erkennt das an seinem Stand und entfällt; „1 Text“: danach ein Artikeltext geändert, ganzer Bau.")
    print(
        f"  {'N':>6} {'Pelican pur':>12} {'unser kalt':>11} {'Verh.':>6} {'unser warm':>11} {'Verh.':>6} "
        f"{'1 Text':>8} {'Verh.':>6} {'Teaser':>8} {'Spitze RAM':>11}"
    )
    for size in sizes:
        runs = measure(size, repeats=3 if size <= 2000 else 1)
        stock, cold, warm, edit = runs["stock"], runs["cold"], runs["warm"], runs["edit"]
        skipped = "" if warm["skipped"] and not edit["skipped"] else "  (FEHLER: Stand falsch erkannt)"
        print(
            f"  {size:>6} {stock['seconds']:>11.2f}s {cold['seconds']:>10.2f}s {cold['seconds'] / stock['seconds']:>5.2f}x "
            f"{warm['seconds']:>10.2f}s {warm['seconds'] / stock['seconds']:>5.2f}x "
            f"{edit['seconds']:>7.2f}s {edit['seconds'] / stock['seconds']:>5.2f}x "
            f"{cold['teaser_seconds']:>7.2f}s {max(cold['peak_mib'], warm['peak_mib'], edit['peak_mib']):>8.0f} MiB{skipped}"
        )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or SIZES)
