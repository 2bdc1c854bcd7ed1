"""Preview latency (issue 15, target 1): from saving a Markdown file to the preview serving the change.

The preview (`invoke livereload --content DIR --port N`) runs on a synthetic corpus in a copy of
the site's sources (so the real output/ is left alone), as an editor runs it. Each edit is
written to disk, then three times are taken from that moment:
  page     the changed page (or the new or removed address) is served as edited,
  reload   the live-reload socket tells the browser to reload (a client as livereload.js is),
  related  the pages that depend on the change are right too (listings, the tag page).
The edits are of the kinds editors make: body text, title, tags, summary, a new file, a deleted
file, an image added. Between edits the preview is left idle for a few seconds, as an editor
reads the page: livereload ignores saves within 3 s of its previous reload.

    python bench/preview_speed.py [N ...]      (default: 1000 10000)
"""

import asyncio
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from synthetic_corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    "theme",
    "plugins",
    "quality",
    "pelicanconf.py",
    "publishconf.py",
    "tasks.py",
    "publishing.py",
    "site_record.py",
    "preview.py",
]
SIZES = (1000, 10000)
POLL = 0.02  # seconds between two requests while waiting for a change
IDLE = 3.5  # seconds between edits: livereload sends no reload within 3 s of the previous one


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (OSError, http.client.HTTPException):  # a response cut short (the server stopping): asked again
        return 0, ""


class ReloadListener:
    """A live-reload client (the protocol livereload.js speaks) that records when each reload arrives."""

    def __init__(self, port: int):
        self.url = f"ws://127.0.0.1:{port}/livereload"
        self.times: list[float] = []
        self.ready = threading.Event()
        threading.Thread(target=lambda: asyncio.run(self._listen()), daemon=True).start()

    async def _listen(self) -> None:
        from tornado.websocket import websocket_connect

        connection = await websocket_connect(self.url)
        await connection.write_message(json.dumps({"command": "hello", "protocols": []}))
        await connection.read_message()
        await connection.write_message(json.dumps({"command": "info", "url": "http://127.0.0.1/", "plugins": {}}))
        self.ready.set()
        while (message := await connection.read_message()) is not None:
            if json.loads(message).get("command") == "reload":
                self.times.append(time.perf_counter())

    def first_after(self, moment: float, timeout: float) -> float | None:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            later = [when for when in self.times if when > moment]
            if later:
                return later[0] - moment
            time.sleep(POLL)
        return None


@dataclass
class Edit:
    kind: str
    apply: callable  # writes the change
    page: tuple[str, callable]  # (address, test of (status, text))
    related: list[tuple[str, callable]] = field(default_factory=list)


def article_file(content: Path, number: int) -> Path:
    return next((content / "artikel").glob(f"*-artikel-{number}.md"))


def article_address(source: Path) -> str:
    """The address of a synthetic article (ARTICLE_URL = aktuelles/{year}/{slug}/, slug from the file name)."""
    return f"aktuelles/{source.name[:4]}/{source.stem[11:]}/"


def category_address(source: Path) -> str:
    """The first listing page of the article's category (CATEGORY_URL = aktuelles/{slug}/), which shows summaries."""
    category = next(line for line in source.read_text(encoding="utf-8").split("\n") if line.startswith("Category:"))
    return f"aktuelles/{category[9:].strip().lower()}/"


def replace_line(source: Path, prefix: str, new_line: str) -> None:
    lines = source.read_text(encoding="utf-8").split("\n")
    lines = [new_line if line.startswith(prefix) else line for line in lines]
    source.write_text("\n".join(lines), encoding="utf-8")


def contains(text: str):
    return lambda status, body: status == 200 and text in body


def lacks(text: str):
    return lambda status, body: status == 200 and text not in body


def edits(content: Path, size: int, image: Path) -> list[Edit]:
    """Eleven edits of seven kinds, each on another article; the newest articles stand on the first listing page."""
    newest = size
    result = []
    for number, words in ((7, "Erster"), (size // 2, "Zweiter"), (newest - 3, "Dritter")):
        source = article_file(content, number)
        marker = f"{words} geänderter Absatz {number}"
        result.append(
            Edit(
                "Text",
                lambda s=source, m=marker: s.write_text(s.read_text(encoding="utf-8") + f"\n{m}.\n", encoding="utf-8"),
                (article_address(source), contains(marker)),
            )
        )
    for number, title in ((newest - 1, "Neuer Titel Eins"), (newest - 2, "Neuer Titel Zwei")):
        source = article_file(content, number)
        result.append(
            Edit(
                "Titel",
                lambda s=source, t=title: replace_line(s, "Title:", f"Title: {t}"),
                (article_address(source), contains(title)),
                [("aktuelles/", contains(title)), ("", contains(title))],
            )
        )
    source = article_file(content, newest - 4)
    result.append(
        Edit(
            "Schlagwort",
            lambda s=source: replace_line(s, "Tags:", "Tags: Integration, Nachbarschaftsgarten"),
            (article_address(source), contains("Nachbarschaftsgarten")),
            [("themen/nachbarschaftsgarten/", contains(article_address(source)))],
        )
    )
    source = article_file(content, newest - 5)
    summary = "Ein ganz neu geschriebener Vorspann"
    result.append(
        Edit(
            "Zusammenfassung",
            lambda s=source: replace_line(s, "Summary:", f"Summary: {summary}."),
            (article_address(source), contains(summary)),
            [(category_address(source), contains(summary))],
        )
    )
    new = content / "artikel" / "2025-01-01-ganz-neuer-beitrag.md"
    result.append(
        Edit(
            "neue Datei",
            lambda: new.write_text(
                "Title: Ganz neuer Beitrag\nDate: 2025-01-01 10:00\nCategory: Meldungen\nTags: Integration\n"
                "Summary: Ein neuer Beitrag.\n\nDer Text des neuen Beitrags.\n",
                encoding="utf-8",
            ),
            ("aktuelles/2025/ganz-neuer-beitrag/", contains("Der Text des neuen Beitrags")),
            [("aktuelles/", contains("Ganz neuer Beitrag")), ("", contains("Ganz neuer Beitrag"))],
        )
    )
    source = article_file(content, newest - 6)
    gone = article_address(source)
    result.append(
        Edit(
            "Datei gelöscht",
            source.unlink,
            (gone, lambda status, body: status == 404),
            [("aktuelles/", lacks(gone))],
        )
    )
    source = article_file(content, newest - 7)

    def add_image(s=source):
        shutil.copy2(image, content / "images" / "neues-bild.png")
        replace_line(s, "Tags:", "Tags: Integration\nImage: images/neues-bild.png\nImage_alt: Ein Testbild")

    result.append(Edit("Bild", add_image, (article_address(source), contains("neues-bild"))))
    source = article_file(content, 3)
    result.append(
        Edit(
            "Text",
            lambda s=source: s.write_text(s.read_text(encoding="utf-8") + "\nLetzter Absatz.\n", encoding="utf-8"),
            (article_address(source), contains("Letzter Absatz")),
        )
    )
    return result


def wait(address: str, test, port: int, started: float, timeout: float) -> float | None:
    deadline = started + timeout
    while time.perf_counter() < deadline:
        if test(*fetch(f"http://127.0.0.1:{port}/{address}")):
            return time.perf_counter() - started
        time.sleep(POLL)
    return None


def draw_image(path: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (1200, 800), (40, 90, 160)).save(path)
    return path


def measure(size: int) -> list[dict]:
    timeout = 60 + size * 0.03  # a full rebuild per save takes about 10 s at 1,000 articles today
    # ignore_cleanup_errors: a build the stopped preview had started may still write its caches.
    with tempfile.TemporaryDirectory(prefix=f"vorschau-{size}-", ignore_cleanup_errors=True) as folder:
        folder = Path(folder)
        for name in SOURCES:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(source, folder / name)
        content = write_corpus(folder / "inhalt", size)
        (content / "images").mkdir()
        image = draw_image(folder / "bild.png")
        port = free_port()
        log = (folder / "vorschau.log").open("w")
        server = subprocess.Popen(
            [sys.executable, "-m", "invoke", "livereload", "--content", str(content), "--port", str(port)],
            cwd=folder,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            started = time.perf_counter()
            if wait("aktuelles/", contains("artikel"), port, started, timeout * 3) is None:
                raise SystemExit("Die Vorschau antwortete nicht: " + (folder / "vorschau.log").read_text()[-2000:])
            listener = ReloadListener(port)
            listener.ready.wait(30)
            results = []
            for edit in edits(content, size, image):
                time.sleep(IDLE)
                saved = time.perf_counter()
                edit.apply()
                page = wait(*edit.page, port, saved, timeout)
                reload = listener.first_after(saved, timeout)
                related = [wait(address, test, port, saved, timeout) for address, test in edit.related]
                results.append(
                    {
                        "kind": edit.kind,
                        "page": page,
                        "reload": reload,
                        "related": None if None in related else max(related, default=page),
                    }
                )
                print(f"    ({edit.kind}: {seconds(page)})", flush=True)  # as it comes, for long runs
            return results
        finally:
            os.killpg(server.pid, signal.SIGTERM)  # the preview and the builds it started
            server.wait(timeout=30)
            log.close()


def seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}s"


def main(sizes=SIZES) -> None:
    print("Vorschau: vom Speichern bis zur geänderten Seite (Ziel: Median ≤ 0,5 s bei 1.000, ≤ 1 s bei 10.000;")
    print("abhängige Seiten ≤ 3 s); „—“ = nicht innerhalb der Wartezeit")
    for size in sizes:
        results = measure(size)
        print(f"  N = {size}")
        for row in results:
            print(
                f"    {row['kind']:<16} Seite {seconds(row['page']):>7}  Neu laden {seconds(row['reload']):>7}  "
                f"abhängige Seiten {seconds(row['related']):>7}"
            )
        pages = [row["page"] for row in results if row["page"] is not None]
        reloads = [row["reload"] for row in results if row["reload"] is not None]
        related = [row["related"] for row in results]
        print(
            f"    Median Seite {seconds(statistics.median(pages) if pages else None)}, "
            f"Median Neu laden {seconds(statistics.median(reloads) if reloads else None)}, "
            f"längste abhängige {seconds(None if None in related else max(related))} "
            f"({len(pages)} von {len(results)} Änderungen gesehen)"
        )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or SIZES)
