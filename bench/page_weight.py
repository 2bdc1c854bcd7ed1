"""Page weight of the first view per template: HTML, CSS, JS, fonts and images, uncompressed and gzip."""

import contextlib
import functools
import gzip
import http.server
import re
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "content" / "artikel"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
# name: (width, height, device scale factor, mobile)
VIEWPORTS = {"Handy": (400, 800, 2, True), "Desktop": (1280, 800, 1, False)}
KINDS = ("HTML", "CSS", "JS", "Schriften", "Bilder", "Sonstiges")
RESOURCE_KINDS = {"document": "HTML", "stylesheet": "CSS", "script": "JS", "font": "Schriften", "image": "Bilder"}
# Formats that are compressed already: a server sends them as they are (nginx' gzip_types, Apache's mod_deflate).
TEXT_TYPES = re.compile(r"^(text/|application/(javascript|json|xml|manifest\+json|[a-z.+-]*\+xml)|image/svg\+xml)")
ARTICLE_BUDGET = 30 * 1024
SEARCH_MISSING = "(Suchseite fehlt noch)"


def build_site(output: Path) -> None:
    """Production build of content/ with publishconf.py into `output`; it must succeed."""
    command = [sys.executable, "-m", "pelican", "content", "-s", "publishconf.py", "-o", str(output), "-q"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"Build fehlgeschlagen ({result.returncode}):\n{result.stdout[-2000:]}{result.stderr[-2000:]}")


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 at a free port in a thread; yields the base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def metadata(path: Path) -> dict[str, str]:
    """The `Key: value` lines at the top of a Markdown file, keys in lower case."""
    fields = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            break
        key, colon, value = line.partition(":")
        if colon and not key.startswith((" ", "\t")):
            fields[key.strip().lower()] = value.strip()
    return fields


def newest_article_with_image(now: datetime | None = None) -> str:
    """Address of the newest published article with a lead image, as the published site has it."""
    now = now or datetime.now()
    candidates = []
    for path in ARTICLES.glob("*.md"):
        fields = metadata(path)
        if "image" not in fields or fields.get("status", "published").lower() != "published":
            continue
        date = datetime.fromisoformat(fields["date"])
        if date.tzinfo:  # compare with the naive local `now`
            date = date.astimezone().replace(tzinfo=None)
        if date > now:  # Sperrfrist: not on the published site yet
            continue
        slug = fields.get("slug") or re.sub(r"^\d{4}-\d{2}-\d{2}-", "", path.stem)
        candidates.append((date, f"aktuelles/{date.year}/{slug}/"))
    if not candidates:
        raise SystemExit(f"Kein veröffentlichter Artikel mit Titelbild in {ARTICLES}")
    return max(candidates)[1]


def pick_pages(site: Path, with_search: bool = True) -> dict[str, str]:
    """Template name → address of the pages to measure that exist in the build `site`."""
    pages = {"Startseite": "", "Artikel": newest_article_with_image(), "Projektseite": "sprachtandem/"}
    for name, address in pages.items():
        if not (site / address / "index.html").is_file():
            raise SystemExit(f"{name} /{address} fehlt im Build")
    if with_search:
        if (site / "suche" / "index.html").is_file():
            pages["Suchseite"] = "suche/"
        else:
            print(SEARCH_MISSING)
    return pages


def gzip_size(body: bytes, content_type: str) -> int:
    """Bytes a server sends: gzip level 6 for text, images and fonts in their own compression as they are."""
    if TEXT_TYPES.match(content_type.split(";")[0].strip().lower()):
        return len(gzip.compress(body, compresslevel=6))
    return len(body)


def first_view(browser, url: str, viewport: tuple[int, int, float, bool]) -> tuple[dict[str, list[int]], list[str]]:
    """Kind → [files, uncompressed bytes, gzip bytes] of everything loaded for the first view of `url`,
    and the requests that failed (status ≥ 400)."""
    width, height, scale, mobile = viewport
    context = browser.new_context(
        viewport={"width": width, "height": height}, device_scale_factor=scale, is_mobile=mobile, has_touch=mobile
    )
    tab = context.new_page()
    responses = []
    tab.on("response", lambda response: responses.append(response))
    # No scrolling: lazy images further down are not part of the first view.
    tab.goto(url, wait_until="load")
    tab.wait_for_load_state("networkidle")
    totals = {kind: [0, 0, 0] for kind in KINDS}
    failed = []
    for response in responses:
        if 300 <= response.status < 400:
            continue  # a redirect has no body; its target is a response of its own
        if response.status >= 400:
            failed.append(f"{urlsplit(response.url).path} ({response.status})")
        body = response.body()
        kind = RESOURCE_KINDS.get(response.request.resource_type, "Sonstiges")
        totals[kind][0] += 1
        totals[kind][1] += len(body)
        totals[kind][2] += gzip_size(body, response.headers.get("content-type", ""))
    context.close()
    return totals, failed


def without_images(totals: dict[str, list[int]], column: int) -> int:
    """Sum of one column over every kind except images."""
    return sum(figures[column] for kind, figures in totals.items() if kind != "Bilder")


def print_table(name: str, address: str, viewport: str, totals: dict[str, list[int]]) -> None:
    width, height, scale, _ = VIEWPORTS[viewport]
    print(f"\n{name} /{address} — {viewport} {width}×{height}, Pixeldichte {scale}")
    print(f"  {'Art':<12} {'Dateien':>7} {'roh KB':>9} {'gzip KB':>9}")
    for kind in KINDS:
        files, raw, packed = totals[kind]
        print(f"  {kind:<12} {files:>7} {raw / 1024:>9.1f} {packed / 1024:>9.1f}")
    files = sum(figures[0] for figures in totals.values())
    raw = sum(figures[1] for figures in totals.values())
    packed = sum(figures[2] for figures in totals.values())
    print(f"  {'Summe':<12} {files:>7} {raw / 1024:>9.1f} {packed / 1024:>9.1f}")
    print(
        f"  {'ohne Bilder':<12} {'':>7} {without_images(totals, 1) / 1024:>9.1f} {without_images(totals, 2) / 1024:>9.1f}"
    )


def budget_lines(measured: dict[tuple[str, str], dict[str, list[int]]]) -> list[tuple[str, bool]]:
    """(line, met) for each budget: the article without images ≤ 30 KB, JavaScript only on the search page."""
    lines = []
    for viewport in VIEWPORTS:
        rest = without_images(measured["Artikel", viewport], 1)
        lines.append((f"Artikel ohne Bilder ≤ 30 KB roh ({viewport}): {rest / 1024:.1f} KB", rest <= ARTICLE_BUDGET))
    for name in ("Startseite", "Artikel", "Projektseite"):
        script = max(measured[name, viewport]["JS"][1] for viewport in VIEWPORTS)
        lines.append((f"kein JavaScript auf {name}: {script / 1024:.1f} KB", script == 0))
    return lines


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-gewicht-") as folder:
        site = Path(folder) / "site"
        build_site(site)
        pages = pick_pages(site)
        measured = {}
        print("Seitengewicht der ersten Ansicht (ohne Scrollen), roh und gzip -6")
        with serve(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                for name, address in pages.items():
                    for viewport, size in VIEWPORTS.items():
                        measured[name, viewport], failed = first_view(browser, base + address, size)
                        print_table(name, address, viewport, measured[name, viewport])
                        for request in failed:
                            print(f"  Fehler beim Laden: {request}")
            finally:
                browser.close()
    print("\nBudget")
    lines = budget_lines(measured)
    for line, met in lines:
        print(f"  {line} — {'met' if met else 'MISSED'}")
    if "Suchseite" in pages:
        script = max(measured["Suchseite", viewport]["JS"][1] for viewport in VIEWPORTS)
        print(f"  Suchseite lädt {script / 1024:.1f} KB JavaScript (der Suchcode nur dort)")
    else:
        print(f"  {SEARCH_MISSING}")
    if not all(met for _, met in lines):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
