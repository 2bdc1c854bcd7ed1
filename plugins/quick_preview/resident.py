"""The preview's resident build: a full build whose process stays, with the site it read, to re-render saved pages.

A preview build reads every item, runs every plugin and writes the whole site; at 1,000 articles that
takes seconds even when only one page is asked for. The process of the last full build still holds all
of it in memory, though. So it does not end: it waits for the preview to name saved sources, re-reads
just those files and writes just their own pages, within a fraction of a second, into a folder the
preview gives it. The preview shows those pages at once. When an edit leaves the item where it stands
(its text, title or summary changed, every other line of the file's head did not), the edit is taken
into the item this process holds, and in a second step the listings and feeds that show it and the pages
whose teasers show it are written too (of a paginated listing only the pages it stands on). The quick
build and the next full build follow and bring the exact pages and every listing, as before. This is
what Hugo calls "fast render".

What reading a file gives (title, text, tags, summary, date, ...) comes from the saved file. What the
finished build added to an item or changed on it after reading (its teasers, translations, problem
banner, the template a plugin chose) is carried over from the item of the last full build, except where
the edit changed what reading gave: then reading's new value stands, and the quick build that follows
brings the rest. A saved file the last build did not know (a new file) gets its page as it reads, without
what the build would add and in no listing yet; one whose status or language changed is not rendered
here. The quick build makes what is left out.

This runs in the build process (a child of the preview) and is Pelican glue; the preview's side is
`preview.ResidentBuild`.
"""

import fnmatch
import logging
import os
from collections.abc import Iterable, Mapping
from functools import partial
from itertools import chain
from pathlib import Path, PurePosixPath

from pelican import LOG_HANDLERS, get_instance, parse_arguments, signals
from pelican.contents import Article, Page
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.log import init as init_logging
from pelican.writers import Writer

from .plugin import shows_selected

logger = logging.getLogger(__name__)

# The messages between the preview and this process (a multiprocessing Pipe).
BUILT = "gebaut"  # ("gebaut", exit code): the full build is done; the process stays if it is 0
RENDER = "zeigen"  # ("zeigen", [source paths], folder): write these sources' pages into folder
DEPENDENTS = "abhängige"  # ("abhängige", folder): write what shows the items the last RENDER changed
STOP = "ende"  # ("ende",): leave


def carried_over(built: Mapping, read_before: Mapping, read_now: Mapping) -> dict:
    """Attributes of the finished old item (`built`) that the re-read item (`read_now`) takes over.

    `read_before` is what reading gave the old item. An attribute the build added after reading is taken
    if reading does not give it now; one the build changed after reading is taken if reading gives the
    same as before (so the build would change it the same way again).
    """
    taken = {}
    for name, value in built.items():
        if name not in read_before:
            if name not in read_now:
                taken[name] = value
        elif value is not read_before[name] and name in read_now and same(read_now[name], read_before[name]):
            taken[name] = value
    return taken


def same(one, other) -> bool:
    """Whether two attribute values are equal; values that cannot be compared count as different."""
    try:
        return bool(one == other)
    except Exception:  # any __eq__ of any plugin's value
        return False


def written_items(generator) -> Iterable:
    """The items a generator writes a page for, in the lists Pelican writes them from."""
    names = (
        "translations",
        "articles",
        "hidden_translations",
        "hidden_articles",
        "drafts_translations",
        "drafts",
        "pages",
        "draft_translations",
        "draft_pages",
        "hidden_pages",
    )
    return chain.from_iterable(getattr(generator, name, ()) for name in names)


def same_place(read_before: Mapping, read_now: Mapping) -> bool:
    """Whether an edit left every line of the file's head but title and summary as it was, so the item stands
    in the same listings, in the same order (date, category, tags, status, slug, embargo, ... unchanged)."""
    kept = {"title", "summary"}
    before = {key: value for key, value in read_before.get("metadata", {}).items() if key not in kept}
    now = {key: value for key, value in read_now.get("metadata", {}).items() if key not in kept}
    return before.keys() == now.keys() and all(same(before[key], now[key]) for key in before)


def forget_rendered(item) -> None:
    """Drop what Pelican memoised of the item's text and summary (`Content.get_content`, `get_summary`, kept
    per object), so an item that took new attributes in place is rendered from them."""
    for name in ("get_content", "get_summary"):
        cache = getattr(getattr(type(item), name, None), "cache", None)
        if isinstance(cache, dict):
            for key in [key for key in cache if isinstance(key, tuple) and key and key[0] is item]:
                del cache[key]


def showing_in_teasers(items: Iterable, shown: set[str]) -> set[str]:
    """The source paths of items whose "Auch interessant" box shows one of the `shown` sources (`related`)."""
    return {
        item.source_path
        for item in items
        if any(getattr(getattr(teaser, "item", None), "source_path", None) in shown for teaser in item_related(item))
    }


def item_related(item) -> list:
    related = getattr(item, "related", None)
    return related if isinstance(related, list) else []


def belongs(relative: PurePosixPath, paths: Iterable[str], excludes: Iterable[str], ignores: Iterable[str]) -> bool:
    """Whether a file at `relative` (below the content folder) is read by a generator with these settings
    (ARTICLE_PATHS and ARTICLE_EXCLUDES, or PAGE_*; IGNORE_FILES), as Pelican's `Generator.get_files` walks."""
    if any(fnmatch.fnmatch(relative.name, pattern) for pattern in ignores):
        return False

    def below(folder: str) -> bool:
        return folder in ("", ".") or relative.is_relative_to(PurePosixPath(folder))

    return any(below(folder) for folder in paths) and not any(
        folder not in ("", ".") and below(folder) for folder in excludes
    )


class FolderWriter(Writer):
    """Pelican's writer into another folder than the build's: plugins that work on written pages
    (responsive_images) find them below OUTPUT_PATH, which by now is the build's old staging folder."""

    def write_file(self, name, template, context, *args, **kwargs):
        return super().write_file(name, template, {**context, "OUTPUT_PATH": self.output_path}, *args, **kwargs)


class PagesShowing:
    """A listing's template that renders only the pages (of a paginated listing: Pelican's `articles_page`,
    `dates_page`) that show one of the `selected` sources; the others render as nothing and are noted in
    `skipped` (their file names below the output folder)."""

    def __init__(self, template, selected: frozenset):
        self._template = template
        self._selected = selected
        self.skipped: list[str] = []

    def render(self, context) -> str:
        pages = [context[key] for key in ("articles_page", "dates_page") if context.get(key) is not None]
        shown = (getattr(entry, "source_path", None) for page in pages for entry in page.object_list)
        if pages and not any(source in self._selected for source in shown):
            self.skipped.append(context["output_file"])
            return ""
        return self._template.render(context)


class ListingsWriter(FolderWriter):
    """Writes the listings and feeds that show one of the `selected` sources; no item's own page."""

    def __init__(self, output_path, settings, selected):
        super().__init__(output_path, settings=settings)
        self._selected = frozenset(selected)

    def write_file(self, name, template, context, *args, **kwargs):
        if kwargs.get("article") is not None or kwargs.get("page") is not None:
            return None
        if not shows_selected(self._selected, kwargs):
            return None
        # Of a paginated listing only the pages that show a selected item change (it kept its place): the
        # others are rendered empty and removed, which saves most of the time on a large site.
        showing = PagesShowing(template, self._selected)
        written = super().write_file(name, showing, context, *args, **kwargs)
        for skipped in showing.skipped:
            Path(self.output_path, skipped).unlink(missing_ok=True)
        return written

    def write_feed(self, elements, *args, **kwargs):
        if not any(getattr(element, "source_path", None) in self._selected for element in elements):
            return None
        return super().write_feed(elements, *args, **kwargs)


def files_below(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


class Site:
    """The finished build's items by source path, with what reading gave each, able to re-render one."""

    def __init__(self, generators, read: Mapping[int, dict]):
        self._generators = list(generators)
        self._items = {}
        for generator in self._generators:
            if isinstance(generator, (ArticlesGenerator, PagesGenerator)):
                for item in written_items(generator):
                    self._items.setdefault(item.source_path, (generator, item))
        self._read = read  # id(item) → a copy of its attributes when it was read
        self._adopted: set[str] = set()  # sources whose edits the last `render` took into their items

    def render(self, sources: Iterable[str], folder: Path) -> list[str]:
        """Write the pages of `sources` into `folder`; the files written, below it (sources it cannot render are
        left out). An edit that leaves an item in its place (text, title, summary) is taken into the item the
        site holds, for `render_dependents` to write what shows it."""
        self._adopted = set()
        for source in sources:
            known = self._items.get(source)
            if known is None:
                self._render_new(source, folder)
                continue
            generator, old = known
            reread = self._reread(generator, old)
            if reread is None:
                continue
            new, read_now = reread
            item = new
            if same_place(self._read[id(old)], read_now):
                # The old item takes the new attributes, so every listing, feed and teaser that holds it
                # shows them; this process keeps the edit for the next one.
                attributes = dict(vars(new))
                vars(old).clear()
                vars(old).update(attributes)
                forget_rendered(old)
                self._read[id(old)] = read_now
                item = old
                self._adopted.add(source)
            write_page(generator, FolderWriter(str(folder), settings=generator.settings), item)
        return files_below(folder)

    def render_dependents(self, folder: Path) -> list[str]:
        """Write into `folder` the listings and feeds that show the items the last `render` took edits into, and
        the pages whose teasers show them; the files written, below it."""
        adopted, self._adopted = self._adopted, set()
        if adopted:
            others = showing_in_teasers((item for _generator, item in self._items.values()), adopted) - adopted
            for source in sorted(others):
                generator, item = self._items[source]
                write_page(generator, FolderWriter(str(folder), settings=generator.settings), item)
            for generator in self._generators:
                if isinstance(generator, ArticlesGenerator):
                    write_listings(generator, ListingsWriter(str(folder), generator.settings, adopted))
        return files_below(folder)

    def _render_new(self, source: str, folder: Path) -> None:
        """Write the page of a file the build did not read (a new one) as it reads now: without what the
        build adds (teasers, translations, problem banner) and in no listing; the quick build brings those."""
        for generator in self._generators:
            articles = isinstance(generator, ArticlesGenerator)
            if not articles and not isinstance(generator, PagesGenerator):
                continue
            prefix = "ARTICLE" if articles else "PAGE"
            settings = generator.settings
            path = Path(source)
            if path.suffix.lstrip(".") not in generator.readers.extensions or not path.is_relative_to(generator.path):
                continue
            relative = PurePosixPath(path.relative_to(generator.path).as_posix())
            paths, excludes = settings[f"{prefix}_PATHS"], settings[f"{prefix}_EXCLUDES"]
            if not belongs(relative, paths, excludes, settings["IGNORE_FILES"]):
                continue
            new = read(generator, source, Article if articles else Page)
            if new is not None and getattr(new, "status", None) == "published" and new.save_as:
                write_page(generator, FolderWriter(str(folder), settings=settings), new)
            return

    def _reread(self, generator, old) -> tuple | None:
        """The item as read from its saved file now, with what the build added (`carried_over`), and what
        reading gave it; None if it is not to be rendered here."""
        new = read(generator, old.source_path, type(old))
        if new is None or getattr(new, "status", None) != getattr(old, "status", None):
            return None
        if getattr(new, "lang", None) != getattr(old, "lang", None) or not new.save_as:
            return None
        before = self._read.get(id(old))
        if before is None:
            return None
        read_now = dict(vars(new))
        vars(new).update(carried_over(vars(old), before, read_now))
        return new, read_now


def write_listings(generator: ArticlesGenerator, writer: Writer) -> None:
    """The feeds and listings of `generator.generate_output` (its `generate_pages` without the articles' and
    drafts' own pages: at 10,000 articles, handing each to the writer only to be passed over took a third of
    a second)."""
    generator.generate_feeds(writer)
    write = partial(writer.write_file, relative_urls=generator.settings["RELATIVE_URLS"])
    generator.generate_period_archives(write)
    generator.generate_direct_templates(write)
    generator.generate_tags(write)
    generator.generate_categories(write)
    generator.generate_authors(write)


def read(generator, source: str, content_class):
    """The item of a source file, read as its generator reads it (ArticlesGenerator and PagesGenerator's
    generate_context: the same signals)."""
    articles = isinstance(generator, ArticlesGenerator)
    return generator.readers.read_file(
        base_path=generator.path,
        path=source,
        content_class=content_class,
        context=generator.context,
        preread_signal=signals.article_generator_preread if articles else signals.page_generator_preread,
        preread_sender=generator,
        context_signal=signals.article_generator_context if articles else signals.page_generator_context,
        context_sender=generator,
    )


def write_page(generator, writer: Writer, item) -> None:
    """Write one item's page as Pelican's generators write it (ArticlesGenerator.generate_articles through its
    `write` with relative URLs as set, PagesGenerator.generate_output)."""
    if isinstance(generator, ArticlesGenerator):
        kind = {"article": item, "category": getattr(item, "category", None), "blog": True}
    else:
        kind = {"page": item}
    writer.write_file(
        item.save_as,
        generator.get_template(item.template),
        generator.context,
        relative_urls=generator.settings["RELATIVE_URLS"],
        override_output=hasattr(item, "override_save_as"),
        url=item.url,
        **kind,
    )


def build_and_stay(arguments: list[str], connection) -> None:
    """Run Pelican's command line `arguments` as its `main` does, tell the preview how it ended, and, if it
    succeeded, render saved pages on request until told to stop (or the preview is gone).

    It leads a new process group, as every preview build does: stopping it stops what it started too."""
    os.setpgrp()
    site, code = build(arguments)
    connection.send((BUILT, code))
    if code != 0 or site is None:
        raise SystemExit(code)
    # Its messages were shown at the build; re-reading a file would only repeat them (the full build
    # that follows reports what is new).
    logging.disable(logging.CRITICAL)
    serve(site, connection)


def build(arguments: list[str]) -> tuple[Site | None, int]:
    """The build, as `pelican.main` runs it; the site it read (None if it failed) and its exit code."""
    options = parse_arguments(arguments)
    init_logging(
        level=options.verbosity,
        fatal=options.fatal,
        name="pelican",
        handler=LOG_HANDLERS[options.log_handler],
        logs_dedup_min_level=getattr(logging, options.logs_dedup_min_level),
    )
    read: dict[int, dict] = {}
    finished = []

    def remember_reading(item) -> None:
        read[id(item)] = dict(vars(item))

    def remember_site(generators) -> None:
        finished.append(generators)

    # Addresses stay worked out from each item's fields (fast_listings would keep each as an override):
    # an override set after reading would be carried over to a re-read item and hide a changed slug.
    options.overrides = {**(options.overrides or {}), "FAST_LISTINGS_FREEZE_URLS": False}
    try:
        pelican, _settings = get_instance(options)
        # Connected after the plugins (get_instance registers them): what reading gave, their part included.
        signals.content_object_init.connect(remember_reading)
        signals.all_generators_finalized.connect(remember_site)
        pelican.run()
    except KeyboardInterrupt:
        return None, 1
    except Exception as problem:  # as pelican.main: logged, the build's own exit code
        logger.critical("%s: %s", problem.__class__.__name__, problem, exc_info=True)
        return None, getattr(problem, "exitcode", 1)
    finally:
        signals.content_object_init.disconnect(remember_reading)
        signals.all_generators_finalized.disconnect(remember_site)
    if not finished:
        return None, 0
    return Site(finished[-1], read), 0


def serve(site: Site, connection) -> None:
    """Answer the preview's messages with the files written (none for a message it cannot answer) until it
    says STOP or is gone."""
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):  # the preview is gone
            return
        try:
            if message[0] == RENDER:
                written = site.render(message[1], Path(message[2]))
            elif message[0] == DEPENDENTS:
                written = site.render_dependents(Path(message[1]))
            else:
                return
        except Exception:  # a page it cannot render: the quick build that follows makes it
            written = []
        connection.send(written)
