"""Image benchmark: 50 phone-sized photos (4000×3000), cold and warm builds, bytes a phone loads."""

import functools
import http.server
import sys
import tempfile
import threading
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from build_speed import ROOT, build

PHOTOS = 50
SIZE = (4000, 3000)


def photo(seed: int) -> Image.Image:
    """A photo-like picture: smooth light and colour, plus fine grain (no flat areas that compress for free)."""
    rng = np.random.default_rng(seed)
    coarse = rng.random((12, 16, 3))
    smooth = np.array(Image.fromarray((coarse * 255).astype(np.uint8)).resize(SIZE, Image.Resampling.BICUBIC), float)
    grain = rng.normal(0, 9, (SIZE[1], SIZE[0], 1))
    return Image.fromarray(np.clip(smooth + grain, 0, 255).astype(np.uint8))


def write_corpus(content: Path) -> None:
    (content / "artikel").mkdir(parents=True)
    (content / "images").mkdir()
    for number in range(1, PHOTOS + 1):
        photo(number).save(content / "images" / f"foto-{number}.jpg", quality=92)
        (content / "artikel" / f"2024-01-{1 + number % 28:02d}-bericht-{number}.md").write_text(
            f"Title: Bericht {number}\nDate: 2024-01-{1 + number % 28:02d} 10:{number % 60:02d}\nCategory: Meldungen\n"
            f"Summary: Ein Bericht mit Foto für den Bildbenchmark.\nImage: images/foto-{number}.jpg\n"
            f"Image_alt: Farbverlauf Nummer {number}\nImage_credit: Foto: Benchmark\n\nText zum Bild.\n",
            encoding="utf-8",
        )


def phone_bytes(output: Path, page: str, image_stem: str, width: int, scale: float) -> int:
    """Bytes Chromium loads for the lead image `image_stem` of `page` on a phone `width` CSS pixels wide."""
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM, CHROMIUM_ARGS

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    loaded = 0
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": width, "height": 800}, device_scale_factor=scale)
            tab = context.new_page()
            sizes = []
            tab.on("response", lambda r: sizes.append(len(r.body())) if f"/{image_stem}-" in r.url else None)
            tab.goto(f"http://127.0.0.1:{server.server_port}/{page}", wait_until="networkidle")
            loaded = sum(sizes)
            browser.close()
    finally:
        server.shutdown()
    return loaded


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-bilder-") as folder:
        folder = Path(folder)
        content = folder / "content"
        write_corpus(content)
        settings = ["-s", str(ROOT / "pelicanconf.py"), "-e", f'RESPONSIVE_IMAGES_CACHE="{folder / "cache"}"']
        cold = build(content, folder / "kalt", *settings)
        warm = build(content, folder / "warm", *settings)
        original = (content / "images" / "foto-1.jpg").stat().st_size
        page = "aktuelles/2024/bericht-1/"
        print(
            f"Bilder: {PHOTOS} Fotos à {SIZE[0]}×{SIZE[1]} (JPEG, zusammen {sum(p.stat().st_size for p in (content / 'images').iterdir()) / 2**20:.0f} MiB)"
        )
        print(f"  kalter Build  {cold['seconds']:6.2f} s, davon Bilder {cold['image_seconds']:6.2f} s")
        print(f"  warmer Build  {warm['seconds']:6.2f} s, davon Bilder {warm['image_seconds']:6.2f} s")
        for scale in (1, 2):
            loaded = phone_bytes(folder / "warm", page, "foto-1", 400, scale)
            print(
                f"  Titelbild auf 400 px breitem Handy (Pixeldichte {scale}): {loaded / 1024:5.1f} KB statt {original / 1024:6.0f} KB"
            )


if __name__ == "__main__":
    main()
