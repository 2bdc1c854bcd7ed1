"""The preview's loop: notice saves at once, build one at a time in the background, then reload browsers.

livereload's own watcher looks for changes every 0.8 s, runs the build inside its web server's
event loop (so no page is served while a build runs: two minutes at 10,000 articles) and tells
browsers nothing within 3 s of its previous reload. Here a watcher thread (watchfiles, which
Pelican itself uses: inotify on Linux) hears a save within milliseconds, a builder thread runs the
builds one after another — saves during a build are gathered into one more build — and only a
build that succeeded reloads the browsers. The web server keeps serving the last good site.
"""

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import watchfiles

# How long the watcher waits for a burst of saves (an editor writing several files) to end.
QUIET_MS = 30


class Rebuilds:
    """Builds on request, one at a time; requests that arrive during a build make exactly one more."""

    def __init__(self, build: Callable[[], bool], built: Callable[[], None]):
        self._build = build
        self._built = built
        self._wanted = threading.Condition()
        self._pending = False
        self._stopped = False

    def request(self) -> None:
        """Ask for a build (after the running one, if any)."""
        with self._wanted:
            self._pending = True
            self._wanted.notify()

    def stop(self) -> None:
        with self._wanted:
            self._stopped = True
            self._wanted.notify()

    def run(self) -> None:
        """Build whenever asked until stopped; `built()` after each build that succeeded."""
        while True:
            with self._wanted:
                self._wanted.wait_for(lambda: self._pending or self._stopped)
                if self._stopped:
                    return
                self._pending = False
            if self._build():
                self._built()


def watch(paths: Iterable[Path], changed: Callable[[], None], stop: threading.Event) -> None:
    """Call `changed()` after every burst of saves below `paths` (editor swap files and byte code ignored)."""
    for _changes in watchfiles.watch(
        *paths, watch_filter=watchfiles.DefaultFilter(), debounce=1000, step=QUIET_MS, stop_event=stop
    ):
        changed()


def start(paths: Iterable[Path], build: Callable[[], bool], built: Callable[[], None]) -> Callable[[], None]:
    """Watch `paths` and rebuild in background threads; returns the function that stops both."""
    rebuilds = Rebuilds(build, built)
    stop = threading.Event()
    threads = [
        threading.Thread(target=rebuilds.run, name="vorschau-bau", daemon=True),
        threading.Thread(target=watch, args=(list(paths), rebuilds.request, stop), name="vorschau-wache", daemon=True),
    ]
    for thread in threads:
        thread.start()

    def stopping() -> None:
        stop.set()
        rebuilds.stop()

    return stopping
