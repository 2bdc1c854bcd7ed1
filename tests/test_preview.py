"""The preview loop (preview.py): builds one at a time, saves during a build make one more, reloads after success."""

import threading
from pathlib import Path

import preview

WAIT = 30  # seconds: generous upper bounds, never sleeps


def test_saves_during_a_build_make_exactly_one_more_build():
    first_started, release = threading.Event(), threading.Event()
    builds, done = [], threading.Event()

    def build(_changes) -> bool:
        builds.append(len(builds) + 1)
        if len(builds) == 1:
            first_started.set()
            assert release.wait(WAIT)
        else:
            done.set()
        return True

    rebuilds = preview.Rebuilds(build, lambda: None)
    thread = threading.Thread(target=rebuilds.run, daemon=True)
    thread.start()
    rebuilds.request()
    assert first_started.wait(WAIT)
    for _ in range(5):  # an editor saving five times while the first build runs
        rebuilds.request()
    release.set()
    assert done.wait(WAIT)
    rebuilds.stop()
    thread.join(WAIT)
    assert not thread.is_alive()
    assert builds == [1, 2]


def request_twice(rebuilds, first_done: threading.Event, second_done: threading.Event) -> None:
    """Run `rebuilds` in a thread: one request, wait for `first_done`, another, wait for `second_done`, stop."""
    thread = threading.Thread(target=rebuilds.run, daemon=True)
    thread.start()
    rebuilds.request()
    assert first_done.wait(WAIT)
    rebuilds.request()
    assert second_done.wait(WAIT)
    rebuilds.stop()
    thread.join(WAIT)


def test_browsers_reload_only_after_a_build_that_succeeded():
    outcomes = iter([False, True])
    reloads, builds = [], []
    first_done, second_done = threading.Event(), threading.Event()

    def build(_changes) -> bool:
        builds.append(1)
        try:
            return next(outcomes)
        finally:
            first_done.set()

    def built() -> None:
        reloads.append(len(builds))
        second_done.set()

    request_twice(preview.Rebuilds(build, built), first_done, second_done)
    assert reloads == [2], "the failed first build reloaded no browser; the second did"


def test_a_save_below_a_watched_folder_starts_a_build(tmp_path: Path):
    (tmp_path / "artikel").mkdir()
    saved = threading.Event()
    builds = []

    def build(_changes) -> bool:
        builds.append(1)
        return True

    stop = preview.start([tmp_path], build, saved.set)
    try:
        (tmp_path / "artikel" / "neu.md").write_text("Title: Neu\n\nText.\n", encoding="utf-8")
        assert saved.wait(WAIT), "the save was not noticed"
    finally:
        stop()
    assert builds


def test_the_step_after_a_build_runs_once_browsers_were_told_and_only_after_success():
    outcomes = iter([False, True])
    order, first_done, done = [], threading.Event(), threading.Event()

    def build(_changes) -> bool:
        succeeded = next(outcomes)
        order.append(f"build {'ok' if succeeded else 'failed'}")
        first_done.set()
        return succeeded

    def after() -> None:
        order.append("index")
        done.set()

    request_twice(preview.Rebuilds(build, lambda: order.append("reload"), after=after), first_done, done)
    assert order == ["build failed", "build ok", "reload", "index"]


def served_while_replaced(handler_class, root: Path, name: str, replacement: bytes) -> tuple[str, bytes]:
    """GET /name from a server with `handler_class`, the file being replaced (atomically, by rename, as the
    preview's builds do) right after the handler found it: the moment that truncated pages before.
    Returns the Content-Length header and the body received (what arrived, if the response broke off)."""
    import asyncio
    import http.client
    import socket

    from tornado.web import Application

    class Replacing(handler_class):
        def validate_absolute_path(self, root_path, absolute_path):
            found = super().validate_absolute_path(root_path, absolute_path)
            (root / "neu.tmp").write_bytes(replacement)
            (root / "neu.tmp").replace(root / name)
            return found

    ready, stop = threading.Event(), threading.Event()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    def serve():
        async def main():
            server = Application([(r"/(.*)", Replacing, {"path": str(root)})]).listen(port, address="127.0.0.1")
            ready.set()
            while not stop.is_set():
                await asyncio.sleep(0.02)
            server.stop()

        asyncio.run(main())

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    assert ready.wait(10)
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", f"/{name}")
        response = connection.getresponse()
        try:
            body = response.read()
        except http.client.IncompleteRead as broken:
            body = broken.partial
        connection.close()
        return response.getheader("Content-Length"), body
    finally:
        stop.set()
        thread.join(10)


def test_a_page_replaced_while_it_is_served_arrives_whole(tmp_path: Path):
    old, new = b"<p>alte Seite</p>" * 400, b"<p>neu</p>"
    (tmp_path / "index.html").write_bytes(old)
    length, body = served_while_replaced(preview.SnapshotFileHandler, tmp_path, "index.html", new)
    assert body == old and length == str(len(old)), "the page as it was when the request came, complete"


def test_a_build_that_raises_leaves_the_preview_building_on_the_next_save(capsys):
    outcomes = iter([RuntimeError("kaputt"), True])
    reloads, first_done, second_done = [], threading.Event(), threading.Event()

    def build(_changes) -> bool:
        outcome = next(outcomes)
        if isinstance(outcome, Exception):
            first_done.set()
            raise outcome
        second_done.set()
        return outcome

    request_twice(preview.Rebuilds(build, lambda: reloads.append(1)), first_done, second_done)
    assert reloads == [1]
    assert "Die Vorschau konnte nach dem Speichern nicht neu bauen (RuntimeError: kaputt)" in capsys.readouterr().out
