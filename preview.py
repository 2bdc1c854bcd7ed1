"""The preview's loop: notice saves at once, show the saved page first, then build the whole site, then reload.

livereload's own watcher looks for changes every 0.8 s, runs the build inside its web server's
event loop (so no page is served while a build runs: two minutes at 10,000 articles) and tells
browsers nothing within 3 s of its previous reload. Here a watcher thread (watchfiles, which
Pelican itself uses: inotify on Linux) hears a save within milliseconds and a builder thread
answers it in four steps:

0. the instant pages: the process of the last full build stays once it succeeded, with the site it read
   (plugins/quick_preview/resident.py); it re-reads the saved files and writes just their own pages, in
   a fraction of a second, and the browsers reload; after an edit of text, title or summary it then
   writes the listings, feeds and teaser cards that show the item, and the browsers reload again;
1. the quick build: every item is read as always, but only the saved files' own pages and the listings
   that show them are written (plugins/quick_preview); the pages replace their old versions in output/
   as soon as they are written, the listings when the build ends, and the browsers reload each time;
2. the full build, beside output/, swapped in whole when it succeeded; the browsers reload again
   and every listing, tag page and teaser is right;
3. the search index (Pagefind) of the new site, made beside it and swapped in; until then the
   search uses the previous index.

A save during a full build stops it: the next round starts with the newer save's quick build, so
an editor who saves every few seconds never waits for a whole site. Only builds that succeeded
reload the browsers; the web server keeps serving the last good site throughout. One exception: the
saved pages of step 1 are shown once written, so a quick build that fails later, while writing its
listings, has already replaced them (with pages of the current text, which the full build would
write the same way).
"""

import contextlib
import filecmp
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import watchfiles
from livereload.handlers import StaticFileHandler
from tornado.web import HTTPError

# How long the watcher waits for a burst of saves (an editor writing several files) to end.
QUIET_MS = 30


class Rebuilds:
    """Builds on request, one at a time, each with the paths saved since the one before.

    Requests that arrive during a build make exactly one more; `cancel()` (if given) is called for
    them, so that a long build can stop early when a newer save makes it outdated. `after()` runs
    once the browsers were told (the search index): a request stops it the same way.
    """

    def __init__(
        self,
        build: Callable[[frozenset[Path]], bool],
        built: Callable[[], None],
        cancel: Callable[[], None] | None = None,
        after: Callable[[], None] | None = None,
    ):
        self._build = build
        self._built = built
        self._cancel = cancel
        self._after = after
        self._wanted = threading.Condition()
        self._pending = False
        self._paths: set[Path] = set()
        self._building = False
        self._stopped = False

    def request(self, paths: Iterable[Path] = ()) -> None:
        """Ask for a build (after the running one, if any) that knows `paths` changed."""
        with self._wanted:
            self._pending = True
            self._paths.update(Path(path) for path in paths)
            self._wanted.notify()
            building = self._building
        if building and self._cancel:
            self._cancel()

    def stop(self) -> None:
        with self._wanted:
            self._stopped = True
            self._wanted.notify()
        if self._cancel:
            self._cancel()

    def run(self) -> None:
        """Build whenever asked until stopped; `built()` after each build that succeeded."""
        while True:
            with self._wanted:
                self._wanted.wait_for(lambda: self._pending or self._stopped)
                if self._stopped:
                    return
                self._pending = False
                paths, self._paths = frozenset(self._paths), set()
                self._building = True
            try:
                if self._build(paths):
                    self._built()
                    if self._after:
                        self._after()
            except Exception as error:  # the preview goes on with the next save; the editor learns why
                print(
                    f"Die Vorschau konnte nach dem Speichern nicht neu bauen ({type(error).__name__}: {error}); "
                    "sie zeigt den letzten Stand und baut beim nächsten Speichern wieder.",
                    flush=True,
                )
            finally:
                with self._wanted:
                    self._building = False


def watch(paths: Iterable[Path], changed: Callable[[set[Path]], None], stop: threading.Event) -> None:
    """Call `changed(paths)` after every burst of saves below `paths` (editor swap files and byte code ignored)."""
    for changes in watchfiles.watch(
        *paths, watch_filter=watchfiles.DefaultFilter(), debounce=1000, step=QUIET_MS, stop_event=stop
    ):
        changed({Path(path) for _change, path in changes})


def start(
    paths: Iterable[Path],
    build: Callable[[frozenset[Path]], bool],
    built: Callable[[], None],
    cancel: Callable[[], None] | None = None,
    after: Callable[[], None] | None = None,
) -> Callable[[], None]:
    """Watch `paths` and rebuild in background threads; returns the function that stops both."""
    rebuilds = Rebuilds(build, built, cancel, after)
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


@dataclass(frozen=True)
class QuickPlan:
    """What the preview can do before the full build: write these sources' pages, take these pages away."""

    sources: list[Path]
    removed: list[str]  # paths below output/ of the files written from deleted sources


def quick_plan(
    changes: Iterable[Path], content: Path, markdown_extensions: Iterable[str], manifest: dict[str, str]
) -> QuickPlan | None:
    """The quick step for these saves, or None when only a full build will do.

    Anything outside `content` (templates, CSS, settings, plugins) can change every page, and a deleted
    static file is only removed by the full build. A deleted Markdown file's page is looked up in
    `manifest` (source path → path below output/, written by the last build). Static files need no
    step of their own: the quick build copies them.
    """
    suffixes = {f".{extension.lower()}" for extension in markdown_extensions}  # Pelican's, without the dot
    sources, removed = [], []
    for path in changes:
        if not path.is_relative_to(content):
            return None
        is_markdown = path.suffix.lower() in suffixes
        if path.exists():
            if is_markdown:
                sources.append(path)
        elif is_markdown and str(path) in manifest:
            removed.append(manifest[str(path)])
        elif is_markdown:
            continue  # never built (an editor's temporary file): nothing to take away
        else:
            return None
    if not sources and not removed:
        return None
    return QuickPlan(sorted(sources), sorted(removed))


def read_manifest(path: Path) -> dict[str, str]:
    """The last build's {source path: path below output/}; empty if there is none (or it cannot be read)."""
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def take_away(output: Path, removed: Iterable[str]) -> None:
    """Remove the pages of deleted sources from `output` (only files inside it)."""
    for relative in removed:
        target = (output / relative).resolve()
        if target.is_relative_to(output.resolve()) and target.is_file():
            target.unlink()


def merge_into(built: Path, output: Path) -> int:
    """Bring the quick build's pages (its HTML files) and files new to `output` (an image just added, its
    sizes) into `output`, each by an atomic rename, so a browser never reads half a page; returns how many.

    Other files of the quick build (sitemap.xml, calendars) were made while it wrote pages of the saved
    files only; the full build right after brings them. `built` is removed.
    """
    changed = 0
    for folder, _folders, files in os.walk(built):
        for name in files:
            changed += bring((Path(folder) / name).relative_to(built), built, output)
    shutil.rmtree(built, ignore_errors=True)
    return changed


def bring(relative: Path, built: Path, output: Path) -> bool:
    """Copy one file of the quick build into `output` by an atomic rename, unless `output` has it already
    (the same bytes, for a page; any version, for another file); whether it was copied."""
    source, target = built / relative, output / relative
    if target.exists() and (source.suffix != ".html" or filecmp.cmp(source, target, shallow=False)):
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.neu")
    shutil.copyfile(source, partial)
    os.replace(partial, target)
    return True


def ready_pages(marker: Path) -> list[Path] | None:
    """The pages a running quick build has finished (its QUICK_PREVIEW_READY file), or None before then."""
    try:
        pages = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return [Path(page) for page in pages] if isinstance(pages, list) else None


class Command:
    """A program run the way `Running` runs a multiprocessing.Process (start, join, exitcode, terminate)."""

    def __init__(self, arguments: list[str]):
        self.arguments = arguments
        self.errors = ""  # what the program wrote to stderr
        self._process = None

    def start(self) -> None:
        self._process = subprocess.Popen(
            self.arguments, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True
        )

    @property
    def pid(self) -> int:
        return self._process.pid

    def join(self) -> None:
        self.errors = self._process.communicate()[1]

    @property
    def exitcode(self) -> int | None:
        return self._process.poll()

    def terminate(self) -> None:
        self._process.terminate()


class Running:
    """The build process of the moment, so that a newer save can stop it.

    A save that comes while no process runs here (during the quick build) stops the next one of the
    round before it starts: the round that follows for that save does all of it again anyway. The quick
    build asks `outdated` as it runs and stops itself.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._process = None
        self._stopped = False
        self._skip = False

    def begin(self) -> None:
        """A new round of builds for the latest saves: nothing of it is stopped yet."""
        with self._lock:
            self._skip = False

    def run(self, process) -> bool:
        """Start `process` (a multiprocessing.Process or a Command), wait for it; True if it succeeded and
        nobody stopped it."""
        with self._lock:
            self._stopped = self._skip
            if self._skip:
                self._skip = False
                return False
            self._process = process
            process.start()
        process.join()
        with self._lock:
            self._process = None
            return process.exitcode == 0 and not self._stopped

    @property
    def outdated(self) -> bool:
        """Whether a newer save came since the round began while no process ran here."""
        with self._lock:
            return self._skip

    @property
    def stopped(self) -> bool:
        """Whether the last process was stopped by `cancel()` (a newer save), not by a failure."""
        return self._stopped

    def cancel(self) -> None:
        """Stop the running process, or the next one if none runs (its output folder is removed by whoever
        started it)."""
        with self._lock:
            if self._process is not None and self._process.exitcode is None:
                self._stopped = True
                stop_group(self._process)
            elif self._process is None:
                self._skip = True


def stop_group(process) -> None:
    """Stop `process` and everything it started: it leads its own process group (run_in_own_group, Command,
    the resident build)."""
    group = getattr(process, "pid", None)
    try:
        os.killpg(group, signal.SIGTERM) if group else process.terminate()
    except (ProcessLookupError, PermissionError):
        process.terminate()


def keep_compiled_code() -> None:
    """Let this build process keep the byte code it compiles, in cache/pycache/ (not beside the sources).

    Every preview build runs in a new process and imports the plugins afresh, so that edits to them take
    effect; Python checks each kept file against its source. Where PYTHONDONTWRITEBYTECODE is set (as on the
    CI machine), every build compiled every plugin again: importing them took 0.17 s instead of 0.08 s."""
    sys.pycache_prefix = str(Path(__file__).resolve().parent / "cache" / "pycache")
    sys.dont_write_bytecode = False


def run_keeping_code(main: Callable, *arguments) -> None:
    """`main(*arguments)` in a build process that keeps its compiled code (keep_compiled_code)."""
    keep_compiled_code()
    main(*arguments)


def run_in_own_group(main: Callable[[list[str]], object], arguments: list[str], quiet: bool = False) -> None:
    """`main(arguments)` as the leader of a new process group, so that stopping the build stops every process
    it started too (the language hints run in a worker process that would otherwise wait forever); with
    `quiet`, its output is discarded (the quick build: the full build reports every problem)."""
    keep_compiled_code()
    os.setpgrp()
    if quiet:
        with open(os.devnull, "w") as nothing:
            os.dup2(nothing.fileno(), 1)
            os.dup2(nothing.fileno(), 2)
    main(arguments)


class SnapshotFileHandler(StaticFileHandler):
    """livereload's file handler, but each response is one read of the file.

    Tornado takes a file's size first and opens it by its path afterwards. When a build replaces the
    file in between (the quick build's pages are renamed into output/, the full build swaps output/
    whole), the browser was promised one length and got another file: a truncated page, or a
    connection cut short. Reading the whole file once, at the start, serves the old page or the new
    one, never a mix. Preview files are small; the one copy per request costs nothing noticeable.
    """

    def validate_absolute_path(self, root: str, absolute_path: str) -> str | None:
        path = super().validate_absolute_path(root, absolute_path)
        if path is not None:
            try:
                self.snapshot = Path(path).read_bytes()
            except OSError as gone:  # removed since the check: as if it had never been there
                raise HTTPError(404) from gone
        return path

    def get_content_size(self) -> int:
        return len(self.snapshot)

    # Tornado declares get_content as a class method (a path in, bytes out) but calls it on the handler;
    # an instance method here serves this request's snapshot. No ETag (livereload never answers 304
    # anyway): tornado would compute it from its class-level cache of file hashes, by path again.
    def get_content(self, abspath: str, start: int | None = None, end: int | None = None) -> bytes:  # type: ignore[override]
        return self.snapshot[start:end]

    def compute_etag(self) -> str | None:
        return None


class ResidentBuild:
    """A full build in a process that stays once it succeeded (plugins/quick_preview/resident.py), run the way
    `Running` runs a multiprocessing.Process: `join()` returns when the build is done, not when the process ends.

    Afterwards `render()` has it write saved sources' pages from the site it holds, in a fraction of a second.
    """

    def __init__(self, processes, target: Callable, arguments: list[str]):
        self._ours, theirs = processes.Pipe()
        self._process = processes.Process(target=run_keeping_code, args=(target, arguments, theirs))
        self._theirs = theirs
        self._code: int | None = None

    def start(self) -> None:
        self._process.start()
        self._theirs.close()  # only the build's end stays open: its end of the pipe closes when it ends

    @property
    def pid(self) -> int:
        return self._process.pid

    def join(self) -> None:
        """Wait until the build says how it ended, or ends without saying (stopped, crashed)."""
        try:
            _built, code = self._ours.recv()
        except (EOFError, OSError):
            self._process.join()
            code = self._process.exitcode
        self._code = code

    @property
    def exitcode(self) -> int | None:
        return self._code if self._code is not None else self._process.exitcode

    def terminate(self) -> None:
        self._process.terminate()

    def render(self, sources: Iterable[Path], folder: Path, timeout: float) -> list[str]:
        """The pages below `folder` the build wrote for `sources`."""
        from quick_preview.resident import RENDER

        return self._ask((RENDER, [str(source) for source in sources], str(folder)), timeout)

    def render_dependents(self, folder: Path, timeout: float) -> list[str]:
        """The files below `folder` the build wrote that show what the last `render` changed (listings, feeds,
        other items' teasers)."""
        from quick_preview.resident import DEPENDENTS

        return self._ask((DEPENDENTS, str(folder)), timeout)

    def _ask(self, message: tuple, timeout: float) -> list[str]:
        """The build's answer to `message`; none if it gives none in time (then it is closed: it must not write
        into the folder later)."""
        try:
            self._ours.send(message)
            if self._ours.poll(timeout):
                return list(self._ours.recv())
        except (EOFError, OSError):
            pass
        self.close()
        return []

    def close(self) -> None:
        """Let the process end (at once if it still builds)."""
        from quick_preview.resident import STOP

        if self._process.pid is None:  # never started (a newer save came first)
            self._ours.close()
            self._theirs.close()
            return
        if self._process.exitcode is None and self._code == 0:
            with contextlib.suppress(OSError):
                self._ours.send((STOP,))
            self._process.join(timeout=2)
        if self._process.exitcode is None:
            stop_group(self._process)
            self._process.join()
        self._ours.close()


class Resident:
    """The resident build of the moment (the last one that succeeded), for the preview's instant pages."""

    def __init__(self):
        self._lock = threading.Lock()
        self._build: ResidentBuild | None = None

    def replace(self, build: ResidentBuild) -> None:
        with self._lock:
            old, self._build = self._build, build
        if old is not None:
            old.close()

    def render(self, sources: Iterable[Path], folder: Path, timeout: float) -> list[str]:
        build = self._current()
        return build.render(sources, folder, timeout) if build is not None else []

    def render_dependents(self, folder: Path, timeout: float) -> list[str]:
        build = self._current()
        return build.render_dependents(folder, timeout) if build is not None else []

    def _current(self) -> ResidentBuild | None:
        with self._lock:
            return self._build

    def close(self) -> None:
        with self._lock:
            old, self._build = self._build, None
        if old is not None:
            old.close()
