"""Tasks for building, previewing, checking and publishing the site (`invoke --list`)."""

import contextlib
import json
import os
import shlex
import shutil
import signal
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from invoke import task

ROOT = Path(__file__).resolve().parent
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

import site_record  # noqa: E402
from localisation.slugs import german_slug_substitutions  # noqa: E402
from publishing import (  # noqa: E402
    PREVIEW_QUICK_PREFIX,
    PREVIEW_STAGING_PREFIX,
    PublishBusy,
    clean_leftovers,
    new_staging_folder,
    publish_lock,
    remove_staging_folders,
    swap_into_place,
)

CONTENT = ROOT / "content"
OUTPUT = ROOT / "output"
ARTICLES = CONTENT / "artikel"
PREVIEW_HOST = "127.0.0.1"
PELICAN = [sys.executable, "-m", "pelican"]
# What the last build or publish put into output/ (site_record.py): a rebuild of unchanged sources skips.
SITE_RECORD = ROOT / "cache" / "stand.json"


def pelican_command(settings_file: str, output: Path, *extra: str) -> str:
    """The pelican command line for one build."""
    parts = [*PELICAN, str(CONTENT), "-s", str(ROOT / settings_file), "-o", str(output), *extra]
    return shlex.join(parts)


def site_inputs(settings_file: str) -> str:
    """The fingerprint of what a build with `settings_file` makes the site from (site_record.py)."""
    return site_record.inputs_fingerprint(ROOT, CONTENT, [*PELICAN[1:], settings_file])


def output_is_current(inputs: str) -> bool:
    """output/ holds the last build of exactly these inputs, and nothing has come due since."""
    return site_record.is_current(SITE_RECORD, inputs, OUTPUT, datetime.now(UTC))


def progress(line: str) -> None:
    """One short progress line, at once (tests and impatient editors watch for them)."""
    print(line, flush=True)


def strict_build(c, output: Path, *extra: str) -> None:
    """Production build into `output`, then the gates: content checks (in the build), links, Nu HTML Checker."""
    progress("Veröffentlichung 1/3: Die Website wird gebaut …")
    c.run(pelican_command("publishconf.py", output, *extra), pty=False)
    sys.path.insert(0, str(ROOT))
    from quality.links import broken_internal_links
    from quality.nu_checker import nu_checker_errors

    progress("Veröffentlichung 2/3: Prüfungen – interne Links …")
    problems = broken_internal_links(output, site_url=_published_site_url())
    if problems:
        raise SystemExit("Defekte interne Links:\n" + "\n".join(problems))
    progress("Veröffentlichung 2/3: Prüfungen – HTML (Nu HTML Checker) …")
    invalid = nu_checker_errors(output)
    if invalid:
        raise SystemExit("Ungültiges HTML (Nu HTML Checker):\n" + "\n".join(invalid))


def _published_site_url() -> str:
    """SITEURL of publishconf.py, read without running Pelican."""
    sys.path.insert(0, str(ROOT))
    import publishconf

    return publishconf.SITEURL


@task(help={"force": "build even if nothing changed since the last build"})
def build(c, force=False):
    """Development build (drafts visible) into output/; skipped while nothing changed since the last one."""
    inputs = site_inputs("pelicanconf.py")
    if not force and output_is_current(inputs):
        print(
            "Seit dem letzten Bau hat sich nichts geändert: output/ ist aktuell. (Trotzdem bauen: invoke build --force)"
        )
        return
    # Built beside output/ and swapped in whole, like the preview: a publish swapping output/
    # meanwhile never receives half of a development build (drafts) into the published site.
    staging = new_staging_folder(ROOT, PREVIEW_STAGING_PREFIX)
    with site_record.recording(SITE_RECORD, inputs) as (time_bound, record):
        try:
            c.run(pelican_command("pelicanconf.py", staging, "-e", time_bound))
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        staging.chmod(0o755)
        record(staging)
        swap_into_place(staging, OUTPUT)


def _site_timezone() -> ZoneInfo:
    """TIMEZONE of pelicanconf.py: the time editors read on the wall."""
    sys.path.insert(0, str(ROOT))
    import pelicanconf

    return ZoneInfo(pelicanconf.TIMEZONE)


@contextlib.contextmanager
def only_publish():
    """Hold the publish lock; if another publish holds it, stop with one German sentence."""
    with contextlib.ExitStack() as held:
        try:
            held.enter_context(publish_lock(ROOT))
        except PublishBusy as busy:
            since = f" (seit {busy.started.astimezone(_site_timezone()):%H:%M} Uhr)" if busy.started else ""
            raise SystemExit(
                f"Es läuft bereits eine Veröffentlichung{since}. Bitte warten Sie, bis sie fertig ist, "
                "und starten Sie dann erneut."
            ) from None
        yield


def publish_locked(c, force: bool = False) -> None:
    """Build, check and swap into output/; the caller holds the publish lock. Skipped while output/
    is the last publish of unchanged sources (built, checked and swapped in: it would come out the same)."""
    clean_leftovers(ROOT, OUTPUT)
    inputs = site_inputs("publishconf.py")
    if not force and output_is_current(inputs):
        progress(
            "Seit der letzten Veröffentlichung hat sich nichts geändert: output/ ist aktuell und geprüft. "
            "(Trotzdem neu bauen: invoke publish --force)"
        )
        return
    staging = new_staging_folder(ROOT)
    with site_record.recording(SITE_RECORD, inputs) as (time_bound, record):
        try:
            strict_build(c, staging, "-e", time_bound)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            print("Veröffentlichung abgebrochen: output/ bleibt unverändert.", file=sys.stderr)
            raise
        # mkdtemp makes the folder private (0700); a web server or GitHub Pages must read it.
        staging.chmod(0o755)
        progress("Veröffentlichung 3/3: Die neue Website wird eingesetzt …")
        record(staging)
        swap_into_place(staging, OUTPUT)


@task(help={"force": "build and check even if nothing changed since the last publish"})
def publish(c, force=False):
    """Production build with publishconf.py into output/, strict: any warning fails it."""
    with only_publish():
        publish_locked(c, force)
    print(f"Veröffentlichungsfertige Website in {OUTPUT}")


# Below this many Markdown files `check` counts the language hints in its own process (see `check`).
CHECK_HINTS_IN_PROCESS_BELOW = 40


@task(help={"content": "folder to check (default content/)"})
def check(c, content=str(CONTENT)):
    """Check all content without writing the site: every problem at once, as `path:line: what — fix`."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from content_checks.dry_run import read_site
    from content_checks.problems import summary

    # The language hints are counted in a second process meanwhile: on two cores `check` takes no longer.
    # A small folder is counted here, after reading: starting the process would cost more than it saves.
    if sum(1 for _ in Path(content).rglob("*.md")) < CHECK_HINTS_IN_PROCESS_BELOW:
        problems, in_drafts, hints, reported = read_site(ROOT / "publishconf.py", Path(content))
        language_hints = _language_hint_line(lambda: _language_hint_count(str(content)))
    else:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
            counting = pool.submit(_language_hint_count, str(content))
            problems, in_drafts, hints, reported = read_site(ROOT / "publishconf.py", Path(content))
            language_hints = _language_hint_line(counting.result)
    if hints:  # each printed above as "Hinweis: …" when it was found
        print(f"{len(hints)} Hinweis(e) (siehe oben; blockieren das Veröffentlichen nicht).")
    if in_drafts:
        print("Hinweise zu Entwürfen und verborgenen Seiten (blockieren das Veröffentlichen nicht):")
        for problem in in_drafts:
            print(f"  {problem}")
    print(summary(problems))
    print(language_hints)
    others = reported - len(problems)
    if others > 0:
        print(f"Dazu {others} weitere Meldung(en) beim Lesen (siehe oben).")
    if reported:
        raise SystemExit(1)


# Imported once by the preview's fork server. Every preview build is a new process forked from it:
# our plugins, theme and settings are read afresh and nothing of an earlier build survives, while
# Pelican and the heavy libraries are not imported again (about 2 s less per rebuild).
PREVIEW_PRELOAD = [
    "pelican",
    "pelican.generators",
    "pelican.readers",
    "markdown",
    "jinja2",
    "bs4",
    "PIL.Image",
    "babel.dates",
    "markdown.extensions.extra",  # the extensions in MARKDOWN, imported by the first file each build reads
    "markdown.extensions.sane_lists",
    "markdown.extensions.smarty",
    "markdown.extensions.toc",
    "numpy",
    "scipy.sparse",
    "scipy.linalg",  # teasers (auch_interessant.scoring)
    "scipy.sparse.linalg",
    "babel.numbers",  # documents: file sizes
    "dateutil.rrule",  # events: recurrences
    "icalendar",  # events
    "pypdf",  # documents
    "HanTa.HanoverTagger",  # plain-language hints (in the process they start beside the build)
    "wordfreq",
    "recurring_ical_events",  # events: 0.1 s to import
    "mutagen.mp4",  # sign_videos
    "vobject",  # contacts
    "snowballstemmer",  # teasers
    "nh3",  # feed_entries
]


# Where each quick build says that the saved files' own pages are written (plugins/quick_preview), and how
# often the preview looks.
PREVIEW_READY_FOLDER = ROOT / "cache" / "vorschau-fertig"
READY_POLL_SECONDS = 0.02
# Settings of the preview's builds only (Pelican's --extra-settings, values in JSON): never of a publish.
PREVIEW_MANIFEST = ROOT / "cache" / "vorschau-seiten.json"  # which file each source became (plugins/quick_preview)
PREVIEW_SETTINGS = [
    "LOCALISATION_MARKDOWN_CACHE=" + json.dumps(str(ROOT / "cache" / "markdown")),
    "QUICK_PREVIEW_MANIFEST=" + json.dumps(str(PREVIEW_MANIFEST)),
]


def preview_arguments(content: Path, output: Path, *settings: str) -> list[str]:
    """Pelican's command line for a preview build of `content` into `output`: without a search index (the
    preview makes it after the reload), with the preview's settings and `settings` (KEY=JSON)."""
    settings = [*PREVIEW_SETTINGS, "SEARCH_INDEX_ENABLED=false", *settings]
    return [str(content), "-s", str(ROOT / "pelicanconf.py"), "-o", str(output), "-e", *settings]


def preview_build(content: Path, processes, running, resident) -> bool:
    """One development build of `content` in a new process, swapped into output/ only if it succeeded
    (and no newer save stopped it: `running.cancel()`). Without a search index: the last one is carried
    over until `preview_index` has made the new one. The process stays as `resident` (preview.Resident)
    once the site is in place, to render saved pages at once."""
    from quick_preview.resident import build_and_stay
    from search_index.plugin import OUTPUT_SUBDIR

    import preview

    staging = new_staging_folder(ROOT, PREVIEW_STAGING_PREFIX)
    build = preview.ResidentBuild(processes, build_and_stay, preview_arguments(content, staging))
    if not running.run(build):
        build.close()
        shutil.rmtree(staging, ignore_errors=True)
        if not running.stopped:
            print(
                "Die Vorschau wurde nicht neu gebaut (Meldungen oben); sie zeigt weiter den letzten Stand.", flush=True
            )
        return False
    try:
        if (OUTPUT / OUTPUT_SUBDIR).is_dir():  # linked, not copied: the index is replaced whole, never edited
            shutil.copytree(OUTPUT / OUTPUT_SUBDIR, staging / OUTPUT_SUBDIR, copy_function=os.link)
        staging.chmod(0o755)
        old_site = swap_into_place(staging, OUTPUT, remove_old=False)
    except BaseException:  # its site is not shown: its process must not stay
        build.close()
        raise
    if (
        old_site is not None
    ):  # removed meanwhile: browsers reload now (a killed preview's leftover goes at its next start)
        threading.Thread(target=shutil.rmtree, args=(old_site,), kwargs={"ignore_errors": True}, daemon=True).start()
    resident.replace(build)
    return True


def preview_index(running) -> bool:
    """The search index of output/ (Pagefind), made in a folder beside it and swapped in whole."""
    from search_index.plugin import OUTPUT_SUBDIR, finish_bundle, pagefind_command

    import preview

    bundle = new_staging_folder(ROOT, PREVIEW_STAGING_PREFIX)
    indexing = preview.Command(pagefind_command(str(OUTPUT), str(bundle)))
    problem = None
    if not running.run(indexing):
        if not running.stopped:
            problem = f"Suchindex: Pagefind ist gescheitert, die Suche zeigt den letzten Stand. {indexing.errors}"
    else:
        problem = finish_bundle(bundle)
    if problem or running.stopped:
        shutil.rmtree(bundle, ignore_errors=True)
        if problem:
            print(problem, flush=True)
        return False
    bundle.chmod(0o755)
    swap_into_place(bundle, OUTPUT / OUTPUT_SUBDIR)
    return True


def quick_build_settings(sources: list[Path], every_listing: bool = False) -> list[str]:
    """The settings (KEY=JSON) of a quick build of `sources`: only their pages and the listings that show them
    (with `every_listing`: all listings) are written, only the sources are checked and given language hints."""
    paths = json.dumps(list(map(str, sources)))
    listings = json.dumps(every_listing)
    return [
        f"QUICK_PREVIEW_SOURCES={paths}",
        f"QUICK_PREVIEW_ALL_LISTINGS={listings}",
        f"CONTENT_CHECKS_ONLY_SOURCES={paths}",
        f"PLAIN_LANGUAGE_ONLY_SOURCES={paths}",
    ]


# How long the preview waits for the resident build to render saved pages before it leaves them to the quick build.
RESIDENT_SECONDS = 5


def preview_instant(resident, sources: list[Path], shown) -> None:
    """The saved sources' pages from the last full build's process (plugins/quick_preview/resident.py), then
    the pages that show them (for edits of text, title and summary), each step put into output/ where it
    differs; `shown()` after each step that changed it. The rest comes with the quick build."""
    import preview

    for step in (
        lambda folder: resident.render(sources, folder, RESIDENT_SECONDS),
        lambda folder: resident.render_dependents(folder, RESIDENT_SECONDS),
    ):
        staging = new_staging_folder(ROOT, PREVIEW_QUICK_PREFIX)
        try:
            pages = step(staging)
            if pages and OUTPUT.is_dir() and sum(preview.bring(Path(page), staging, OUTPUT) for page in pages):
                shown()
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def preview_quick_build(content: Path, processes, running, sources: list[Path], every_listing: bool, shown) -> None:
    """The quick build: only the pages of `sources` and the listings that show them (plugins/quick_preview), put
    into output/ where they differ, in two steps: the saved files' own pages as soon as they are written,
    the listings when the build is done. `shown()` is called after each step that changed `output/`. A newer
    save (`running.outdated`) stops it: the next round starts at once.

    No search index (the full build right after it makes one); its messages are left to the full build too."""
    from pelican import main as pelican_main

    import preview

    staging = new_staging_folder(ROOT, PREVIEW_QUICK_PREFIX)
    ready = PREVIEW_READY_FOLDER / f"{staging.name}.json"
    # -q: its warnings are not even formatted (thousands on a large site cost seconds); the full build shows them.
    settings = [*quick_build_settings(sources, every_listing), f"QUICK_PREVIEW_READY={json.dumps(str(ready))}"]
    arguments = ["-q", *preview_arguments(content, staging, *settings)]
    build = processes.Process(target=preview.run_in_own_group, args=(pelican_main, arguments, True))
    build.start()
    pages = None
    try:
        while build.exitcode is None:
            build.join(READY_POLL_SECONDS)
            if running.outdated:
                preview.stop_group(build)
                build.join()
                break
            if pages is None and OUTPUT.is_dir():
                pages = preview.ready_pages(ready)  # None until the saved files' own pages are written
                if pages and sum(preview.bring(page, staging, OUTPUT) for page in pages):
                    shown()
    finally:
        ready.unlink(missing_ok=True)
    if build.exitcode != 0 or not OUTPUT.is_dir():
        shutil.rmtree(staging, ignore_errors=True)
        return
    if preview.merge_into(staging, OUTPUT):
        shown()


@task(help={"port": "Port of the preview server (default 8000)", "content": "folder to preview (default content/)"})
def livereload(c, port=8000, content=str(CONTENT)):
    """Build, serve on http://127.0.0.1:8000 and rebuild (in a new process) on every save."""
    import multiprocessing

    from livereload import Server
    from livereload.handlers import LiveReloadHandler
    from pelican.readers import MarkdownReader
    from tornado.ioloop import IOLoop

    import preview

    content = Path(content).resolve()
    processes = multiprocessing.get_context("forkserver")
    processes.set_forkserver_preload(PREVIEW_PRELOAD)
    remove_staging_folders(ROOT, PREVIEW_STAGING_PREFIX)
    remove_staging_folders(ROOT, PREVIEW_QUICK_PREFIX)
    running = preview.Running()
    resident = preview.Resident()
    if preview_build(content, processes, running, resident):
        preview_index(running)
    server = Server()
    server.SFH = preview.SnapshotFileHandler  # the page as one read: a build may replace it meanwhile
    # livereload's own watcher stays idle (preview.py watches and builds): one file, never reloading.
    # Without any, it would watch the current folder, output/ included.
    server.watch(str(ROOT / "pelicanconf.py"), delay="forever")
    loop = IOLoop.current()  # the loop server.serve() runs; browsers are told from inside it

    def reload_browsers() -> None:
        loop.add_callback(LiveReloadHandler.reload_waiters)

    def rebuild(changes: frozenset[Path]) -> bool:
        running.begin()
        manifest = preview.read_manifest(PREVIEW_MANIFEST)
        plan = preview.quick_plan(changes, content, MarkdownReader.file_extensions, manifest)
        if plan:  # the saved pages and their listings first; the full build below brings the rest
            if plan.removed:  # a deleted file's page is gone at once, the listings that showed it follow
                preview.take_away(OUTPUT, plan.removed)
                reload_browsers()
            if plan.sources:
                preview_instant(resident, plan.sources, reload_browsers)
            preview_quick_build(content, processes, running, plan.sources, bool(plan.removed), reload_browsers)
        return preview_build(content, processes, running, resident)

    watched = (content, ROOT / "theme", ROOT / "plugins", ROOT / "pelicanconf.py")
    stop = preview.start(watched, rebuild, reload_browsers, running.cancel, lambda: preview_index(running))
    print(f"Vorschau: http://{PREVIEW_HOST}:{port}/  (Beenden mit Strg+C)")
    # Stopped from outside (SIGTERM) as by Ctrl+C: the running build and its processes are stopped too.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        server.serve(host=PREVIEW_HOST, port=int(port), root=str(OUTPUT), open_url_delay=None)
    finally:
        stop()
        resident.close()


@task
def lint(c):
    """Check Python code style and errors with ruff."""
    c.run(f"{sys.executable} -m ruff check .")
    c.run(f"{sys.executable} -m ruff format --check .")


@task
def test(c):
    """Run lint and the whole test suite (build, HTML, axe, Nu HTML Checker)."""
    lint(c)
    # One worker per core, each taking whole test files: a module's fixtures (its site builds) are made
    # once, in one worker; the session's demo builds once per worker. Files in collection order, which
    # puts the slowest first (tests/conftest.py), not xdist's default order by number of tests.
    c.run(f"{sys.executable} -m pytest -n auto --dist loadfile --no-loadscope-reorder", pty=False)


@task(help={"gnad": "folder with gnad-dev/ and gnad-dev-small/ (default: ../shared/bench)"})
def bench(c, gnad=None):
    """Benchmarks: "Auch interessant" relevance, build time against stock Pelican, preview latency, images, invoke check, page weight, Lighthouse."""
    bench_relevanz(c, gnad)
    for script in (
        "build_speed.py",
        "preview_speed.py",
        "languages_speed.py",
        "images_speed.py",
        "check_speed.py",
        "page_weight.py",
        "lighthouse_scores.py",
    ):
        c.run(f'"{sys.executable}" "{ROOT / "bench" / script}"', pty=False)


@task(help={"gnad": "folder with gnad-dev/ and gnad-dev-small/ (default: ../shared/bench)"})
def bench_relevanz(c, gnad=None):
    """Precision@3 of "Auch interessant" on our corpus and real news (built with Pelican), and its speed."""
    option = f' --gnad "{gnad}"' if gnad else ""
    c.run(f'"{sys.executable}" "{ROOT / "bench" / "relevance.py"}"{option}', pty=False)


@task(help={"push": "also push the gh-pages branch to origin (off by default)", "force": "see publish"})
def gh_pages(c, push=False, force=False):
    """Publish, then commit output/ to the gh-pages branch (push only with --push)."""
    push_flag = " -p" if push else ""
    # Under one lock, so no other publish replaces output/ while it is being committed.
    with only_publish():
        publish_locked(c, force)
        c.run(f'{sys.executable} -m ghp_import -n -b gh-pages -m "Website veröffentlichen"{push_flag} "{OUTPUT}"')


ARTICLE_TEMPLATE = """\
Title: {title}
Date: {date}
Category: Meldungen
Tags: Integration
Summary: Ein bis zwei Sätze: worum geht es? Sie stehen als Vorspann über dem Text und in Übersichten.
Status: draft

Der erste Absatz sagt das Wichtigste: wer, was, wann, wo.

## Zwischenüberschrift

Weiterer Text. Überschriften im Text beginnen mit zwei Rauten (##).

<!--
Hinweise zu den Feldern oben (dieser Kommentar erscheint nicht auf der Website):
- Title: die Überschrift.
- Date: Datum und Uhrzeit (JJJJ-MM-TT HH:MM). Ein Datum in der Zukunft ist eine Sperrfrist:
  Der Beitrag erscheint erst danach auf der veröffentlichten Website.
- Category: "Pressemitteilungen" oder "Meldungen".
- Tags: Themen, durch Kommas getrennt, aus der Liste im Redaktionsleitfaden (docs/).
- Summary: kurzer Vorspann, ohne Formatierung.
- Status: "draft" (Entwurf, nur in der Vorschau sichtbar). Zum Veröffentlichen die Zeile löschen.
- Für Pressemitteilungen zusätzlich:
  Publisher: Stadt Musterstadt, Stabsstelle für Vielfalt und Chancengleichheit
  Contact: Stabsstelle für Vielfalt und Chancengleichheit
      vielfalt@example.org
- Für ein Titelbild zusätzlich (alle drei Zeilen):
  Image: images/dateiname.png
  Image_alt: Was auf dem Bild zu sehen ist
  Image_credit: Foto: Name der Quelle
-->
"""


def german_slug(title: str) -> str:
    """The web-address part for a title, as Pelican makes it with our settings."""
    from pelican.utils import slugify

    return slugify(title, regex_subs=german_slug_substitutions(), use_unicode=True)


@task(help={"title": "Title of the new article, in quotes", "folder": "where to create it (default content/artikel)"})
def new(c, title, folder=str(ARTICLES)):
    """Create a new article file, date-prefixed, with every field pre-filled and explained."""
    articles = Path(folder)
    # The office's wall time, whatever zone this machine (or a CI runner in UTC) is set to.
    now = datetime.now(_site_timezone())
    slug = german_slug(title)
    if not slug:
        raise SystemExit("Aus diesem Titel lässt sich kein Dateiname bilden. Bitte Buchstaben verwenden.")
    target = articles / f"{now:%Y-%m-%d}-{slug}.md"
    if target.exists():
        raise SystemExit(f"{target} gibt es schon. Bitte einen anderen Titel wählen.")
    articles.mkdir(parents=True, exist_ok=True)
    safe_title = " ".join(title.split())
    target.write_text(ARTICLE_TEMPLATE.format(title=safe_title, date=f"{now:%Y-%m-%d %H:%M}"), encoding="utf-8")
    print(f"Neuer Beitrag: {target}")
    if os.environ.get("EDITOR"):
        print(f"Öffnen mit: {os.environ['EDITOR']} {target}")


@task(help={"examples": "how many generated content folders to try (default 2000)"})
def fuzz(c, examples=2000):
    """Fuzz what authors write (Hypothesis, random seed): check and build never crash or drop a file silently."""
    env = {"FUZZ_PROFILE": "long", "FUZZ_EXAMPLES": str(int(examples))}
    tests = ROOT / "tests" / "test_fuzz.py"
    c.run(
        f'"{sys.executable}" -m pytest "{tests}" -q -p no:cacheprovider --hypothesis-show-statistics',
        env=env,
        pty=False,
    )


def _language_reports(content: Path) -> dict:
    """The plain-language report of every German Markdown file below `content` (or of that one file)."""
    sys.path.insert(0, str(ROOT))
    from plain_language.options import Options
    from plain_language.report import analyse_files, german_files

    import pelicanconf

    settings = {name: getattr(pelicanconf, name) for name in dir(pelicanconf) if name.isupper()}
    paths = german_files(content, settings.get("IGNORE_FILES", []), settings.get("DEFAULT_LANG", "de"))
    return analyse_files(paths, Options.from_settings(settings))


def _language_hint_line(count) -> str:
    """The last line of `check` about the language hints; `count()` gives their number."""
    try:
        return f"{count()} Sprachhinweis(e) zu deutschen Texten – `invoke sprache` zeigt sie (blockieren nichts)."
    except Exception as error:  # hints never decide anything: say so and go on
        return (
            f"Sprachhinweise: nicht gezählt ({type(error).__name__}) — `invoke sprache` zeigt den Grund; "
            "sie blockieren nichts."
        )


def _language_hint_count(content: str) -> int:
    """How many plain-language hints the German files below `content` get."""
    return sum(len(report.hints) for report in _language_reports(Path(content)).values())


@task(help={"datei": "one Markdown file: invoke sprache -d content/seiten/beratung.md (default: every German file)"})
def sprache(c, datei=""):
    """Plain-language hints for German texts (and the Leichte-Sprache rules), the weightiest first."""
    from plain_language.hints import KIND_NAMES

    target = Path(datei) if datei else CONTENT
    if not target.exists():
        raise SystemExit(f"{datei}: Datei nicht gefunden — Pfad prüfen, z. B. content/seiten/beratung.md")
    reports = _language_reports(target)
    if datei and not reports:
        print(
            f"{datei}: kein deutscher Markdown-Text (Lang: ist eine andere Sprache) — Hinweise gibt es nur auf Deutsch."
        )
        return

    def shown(path: Path) -> str:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)

    found = [(hint, shown(path)) for path, report in reports.items() for hint in report.hints]
    found.sort(key=lambda pair: (-pair[0].weight, pair[1], pair[0].line))
    for hint, path in found:
        print(hint.message(path))
    scored = sorted(
        (report.readability.score, shown(path), report.readability)
        for path, report in reports.items()
        if report.readability
    )
    if scored:
        print()
        for _, path, readability in scored if datei else scored[:10]:
            print(f"{path}: {readability.explanation}")
    counts = {}
    for hint, _ in found:
        counts[KIND_NAMES[hint.kind]] = counts.get(KIND_NAMES[hint.kind], 0) + 1
    listed = ", ".join(f"{count} {name}" for name, count in sorted(counts.items(), key=lambda item: -item[1]))
    print(f"\n{len(found)} Sprachhinweis(e) in {len(reports)} deutschen Datei(en){': ' + listed if listed else ''}.")
