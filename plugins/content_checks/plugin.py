"""Pelican glue: check every Markdown source once all content is read, report, and keep the result.

The checks run on `all_generators_finalized`, when Pelican knows every item's
address, so links and `Related:` can be checked against the whole site. Files
Pelican could not read at all are checked too: they are listed from the
generators' own file lists, not from what Pelican managed to read.

A file whose address another file already has is dropped as soon as the
clash is known, before anything is derived from the lists: duplicate articles
before Pelican builds dates, categories, tags and authors from them
(`article_generator_pretaxonomy`), duplicate pages when the pages are read. The
message about it comes with all the others; both steps decide by the same rule
(`references.address_clashes`) from the same items.
"""

import logging
import os
import re
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from pelican import signals
from pelican.contents import Article, Page
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.readers import MarkdownReader
from pelican.utils import slugify

from common.problems import HINT  # a log record with it is a hint: shown, never counted

from .body import check_body, check_header_html
from .languages import Version, check_language_folder, translation_age_problems, ui_strings_problems
from .metadata import check_metadata
from .problems import Problem, summary
from .references import (
    Item,
    SiteIndex,
    address_clashes,
    check_links,
    check_related,
    check_title_address,
    check_translation,
    duplicate_addresses,
    overlong,
    overlong_addresses,
)
from .rules import Rules, setting
from .source import SourceLimits, read_source

logger = logging.getLogger(__name__)

# Where `invoke check` finds the results in Pelican's shared context.
CONTEXT_KEY = "content_checks_problems"
CONTEXT_KEY_UNPUBLISHED = "content_checks_unpublished_problems"
CONTEXT_KEY_HINTS = "content_checks_hints"
CONTEXT_KEY_FILE_HINTS = "content_checks_file_hints"
# Drafts and hidden items never reach the published site, so their problems must not stop
# a publish: one colleague's half-written draft would otherwise hold back everyone's news.
# An embargoed item is not among them: it goes out by itself later and must be right now.
UNPUBLISHED_STATUSES = ("draft", "hidden")


def display_path(path: Path) -> str:
    """The path an author can open: relative to the current folder when inside it."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def _is_published(item, now: datetime) -> bool:
    date = getattr(item, "date", None)
    embargoed = date is not None and date.tzinfo is not None and date > now
    return item.status == "published" and not embargoed


def source_key(item) -> str:
    """The item's path below content/, with "/": the key of Pelican's generated_content."""
    return Path(item.get_relative_source_path()).as_posix()


def item_of(key: str, item, settings, now: datetime) -> Item:
    """What the checks need to know of one article or page Pelican has read."""
    return Item(
        source=key,
        kind="article" if isinstance(item, Article) else "page",
        slug=item.slug or "",
        lang=getattr(item, "lang", settings["DEFAULT_LANG"]),
        url=item.url or "",
        save_as=item.save_as or "",
        published=_is_published(item, now),
        overviews=_overviews_of(item),
    )


def _overviews_of(item) -> tuple[tuple[str, str], ...]:
    """The outputs of an article's category and tag pages, by the field that names them."""
    category = getattr(item, "category", None) if isinstance(item, Article) else None
    named = [("category", category)] if category is not None else []
    named += [("tags", tag) for tag in getattr(item, "tags", None) or []]
    return tuple((name, wrapper.save_as or "") for name, wrapper in named)


def read_items(context, settings) -> dict[str, Item]:
    """Every article and page Pelican has read so far, skipped duplicates included, by source."""
    now = datetime.now(UTC)
    return {
        Path(key).as_posix(): item_of(Path(key).as_posix(), item, settings, now)
        for key, item in context["generated_content"].items()
        if isinstance(item, Article | Page)
    }


def overview_outputs(settings, articles) -> dict[str, str]:
    """The files Pelican writes for overviews, with a German name: home, archive, topics, error page,
    and a page per category and tag of the published `articles` (originals and translations)."""
    overviews = {
        "index.html": "die Startseite",
        settings.get("ARCHIVES_SAVE_AS", ""): "die Übersicht aller Beiträge",
        settings.get("TAGS_SAVE_AS", ""): "die Themenübersicht",
        settings.get("NOT_FOUND_SAVE_AS", ""): "die Fehlerseite",
    }
    for article in articles:
        if article.status != "published":
            continue
        category = getattr(article, "category", None)
        if category is not None:
            overviews.setdefault(category.save_as, f"die Rubrik „{category}“")
        for tag in getattr(article, "tags", None) or []:
            overviews.setdefault(tag.save_as, f"das Thema „{tag}“")
    return {save_as: name for save_as, name in overviews.items() if save_as}


def build_index(context, settings, content_root: Path) -> SiteIndex:
    """All files, items and addresses of this build."""
    index = SiteIndex()
    index.files = {path.relative_to(content_root).as_posix() for path in content_root.rglob("*") if path.is_file()}
    index.items = read_items(context, settings)
    index.site_paths = {item.url for item in index.items.values() if item.url}
    for static in context.get("static_content", {}).values():
        index.site_paths.add(static.url)
    articles = [item for item in context["generated_content"].values() if isinstance(item, Article)]
    index.reserved_outputs = overview_outputs(settings, articles)
    index.site_paths.update(save_as.removesuffix("index.html") for save_as in index.reserved_outputs)
    return index


def _markdown_files(generator, paths_setting: str, excludes_setting: str) -> list[str]:
    settings = generator.settings
    files = generator.get_files(
        settings[paths_setting], exclude=settings[excludes_setting], extensions=MarkdownReader.file_extensions
    )
    return sorted(Path(path).as_posix() for path in files)


def _fields_in_filename(relative: str, settings) -> frozenset[str]:
    """The fields Pelican reads from this file's name, e.g. the date of "2025-03-26-titel.md"."""
    match = re.match(settings.get("FILENAME_METADATA") or "(?!)", Path(relative).stem)
    return frozenset(key for key, value in match.groupdict().items() if value) if match else frozenset()


def versions_of(context, sources) -> list[Version]:
    """Every article and page with its language and last change (`Modified:`, else `Date:`), for age checks."""
    versions = []
    for key, item in context["generated_content"].items():
        if not isinstance(item, Article | Page):
            continue
        key = Path(key).as_posix()
        source = sources.get(key)
        modified = getattr(item, "modified", None)
        changed = modified or getattr(item, "date", None)
        name = "Modified" if modified else "Date"
        fields = [source.first(name.lower()), source.first("lang")] if source is not None else []
        line = next((field.line for field in fields if field is not None), 1)
        kind = "article" if isinstance(item, Article) else "page"
        versions.append(Version(key, kind, item.slug or "", item.lang, changed, name, line))
    return versions


def _slug_options(settings) -> dict:
    return {
        "regex_subs": settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
        "use_unicode": settings.get("SLUGIFY_USE_UNICODE", False),
    }


def check_all(generators) -> tuple[list[Problem], set[str], set[str]]:
    """Check every Markdown file of the articles and pages generators.

    Returns the problems (sorted), the sources to skip, and the display paths of drafts and hidden items.
    """
    article_generator = next(g for g in generators if isinstance(g, ArticlesGenerator))
    page_generator = next(g for g in generators if isinstance(g, PagesGenerator))
    settings = article_generator.settings
    content_root = Path(settings["PATH"])
    rules = Rules.from_settings(settings)
    index = build_index(article_generator.context, settings, content_root)
    sources, display = {}, {}
    objects = content_objects(generators)
    only = _only_sources(settings, content_root)
    for kind, generator, paths, excludes in (
        ("article", article_generator, "ARTICLE_PATHS", "ARTICLE_EXCLUDES"),
        ("page", page_generator, "PAGE_PATHS", "PAGE_EXCLUDES"),
    ):
        for relative in _markdown_files(generator, paths, excludes):
            display[relative] = display_path(content_root / relative)
            if only is not None and relative not in only:
                continue
            source = read_source(display[relative], (content_root / relative).read_bytes(), SourceLimits())
            sources[relative] = source
            if not source.readable:
                continue
            own = index.items.get(relative)
            from_filename = _fields_in_filename(relative, settings)
            check_metadata(source, rules, kind, from_filename)
            if own is None and "slug" not in from_filename:
                check_title_address(source, partial(slugify, **_slug_options(settings)))
            check_header_html(source)
            links = check_body(source, rules)
            check_links(source, links, own, index, relative)
            check_related(source, own, index, relative)
            check_translation(source, own, index, rules)
            check_language_folder(source, relative, rules)
            report_field_problems(source, objects.get(relative))
    problems = [problem for source in sources.values() for problem in source.problems]
    versions = versions_of(article_generator.context, sources)
    problems += translation_age_problems(versions, settings["DEFAULT_LANG"], display)
    clashes, skipped = duplicate_addresses(index, sources, display)
    too_long, unwritable = overlong_addresses(index, sources, display)
    clashes, skipped = clashes + too_long, skipped | unwritable
    unpublished = {
        display[relative]
        for relative, source in sources.items()
        if (status := source.first("status")) is not None and status.value.strip() in UNPUBLISHED_STATUSES
    }
    found = set(problems + clashes)
    if only is not None:
        # What the site-wide checks found in other files (an address clash, an outdated translation)
        # belongs to those files; the addresses to skip are still the whole site's.
        wanted = {display[relative] for relative in only if relative in display}
        found = {problem for problem in found if problem.path in wanted}
    return sorted(found), skipped, unpublished


def _only_sources(settings, content_root: Path) -> frozenset[str] | None:
    """CONTENT_CHECKS_ONLY_SOURCES as paths below the content folder, as the generators list them; None: all."""
    sources = setting(settings, "CONTENT_CHECKS_ONLY_SOURCES")
    if sources is None:
        return None
    return frozenset(
        Path(os.path.relpath(Path(source).resolve(), content_root.resolve())).as_posix() for source in sources
    )


# The lists of the articles and pages generators that Pelican writes from.
ARTICLE_LISTS = ("articles", "translations", "drafts", "drafts_translations", "hidden_articles", "hidden_translations")
PAGE_LISTS = ("pages", "translations", "hidden_pages", "hidden_translations", "draft_pages", "draft_translations")


def content_objects(generators) -> dict:
    """Every article and page object Pelican has read (drafts and hidden ones too), by source."""
    objects = {}
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator | PagesGenerator):
            continue
        names = ARTICLE_LISTS if isinstance(generator, ArticlesGenerator) else PAGE_LISTS
        for name in names:
            for item in getattr(generator, name, None) or []:
                objects.setdefault(source_key(item), item)
    return objects


def report_field_problems(source, item) -> None:
    """Problems other plugins found in a field's value (`item.field_problems`), at that field's line.

    The contract between plugins: a plugin that reads its own metadata (events, contacts …) puts
    `(field, what, fix)` tuples on the content object, with `field` in lower case, or the line number
    itself for a problem in the body (a video placeholder); the checks add file and line, and the
    problems count like every other (errors when publishing).
    """
    for field_name, what, fix in getattr(item, "field_problems", None) or []:
        if isinstance(field_name, int):
            source.report(field_name, what, fix)
            continue
        written = source.first(field_name)
        source.report(written.line if written else 1, what, fix)


def hints_of(generators, content_root: Path) -> list[Problem]:
    """Hints other plugins attached (`item.content_hints`: `(line, what, fix)`): shown, never blocking.

    For what an author should know but may not be able to change today (a legacy PDF that is not
    accessible): logged at INFO, listed by `invoke check`, never counted as a problem. Hints about a file
    no page links (a session's PDF) are put in the context (CONTEXT_KEY_FILE_HINTS: `(path below
    content/, what, fix)`) by the time the pages are read.
    """
    hints = set()
    for relative, item in content_objects(generators).items():
        for line, what, fix in getattr(item, "content_hints", None) or []:
            hints.add(Problem(display_path(content_root / relative), line, what, fix))
    for relative, what, fix in generators[0].context.get(CONTEXT_KEY_FILE_HINTS, []):
        hints.add(Problem(display_path(content_root / relative), 0, what, fix))
    return sorted(hints)


def skip_items(generators, skipped: set[str]) -> None:
    """Remove the items whose address another item already has, so Pelican does not stop writing.

    They leave every list of their generator and the `translations` of the items that remain,
    so no listing, feed or language switch leads to them.
    """
    if not skipped:
        return
    for generator in generators:
        names = ARTICLE_LISTS if isinstance(generator, ArticlesGenerator) else PAGE_LISTS
        for name in names:
            items = getattr(generator, name, None)
            if not isinstance(items, list):
                continue
            items[:] = [item for item in items if source_key(item) not in skipped]
            for item in items:
                item.translations = [
                    other for other in getattr(item, "translations", []) if source_key(other) not in skipped
                ]


def _clashing(items, reserved) -> set[str]:
    items = list(items)
    clashing = {item.source for clash in address_clashes(items, reserved) for item in clash.skipped}
    unwritable = (item for item in items if overlong(item.save_as) or any(overlong(o) for _, o in item.overviews))
    return clashing | {item.source for item in unwritable}


def skip_duplicate_articles(generator) -> None:
    """Before Pelican builds dates, categories, tags and authors: drop articles whose address is taken."""
    settings = generator.settings
    now = datetime.now(UTC)
    articles = [item for name in ARTICLE_LISTS for item in getattr(generator, name, [])]
    items = [item_of(source_key(article), article, settings, now) for article in articles]
    skip_items([generator], _clashing(items, overview_outputs(settings, articles)))


def skip_duplicate_pages(generator) -> None:
    """Once the pages are read: drop pages whose address an article, an overview or an earlier page has."""
    context, settings = generator.context, generator.settings
    articles = [item for item in context["generated_content"].values() if isinstance(item, Article)]
    skipped = _clashing(read_items(context, settings).values(), overview_outputs(settings, articles))
    skip_items([generator], skipped)


def report_problems(generators) -> None:
    """Log every problem; attach each item's problems for the preview banner."""
    problems, skipped, unpublished = check_all(generators)
    skip_items(generators, skipped)
    settings = generators[0].settings
    as_errors = setting(settings, "CONTENT_CHECKS_AS_ERRORS")
    # One pass each (`problem not in blocking` compared every pair: 40 % of a quick preview build of
    # 10,000 articles with 20,000 warnings).
    in_drafts = [problem for problem in problems if as_errors and problem.path in unpublished]
    blocking = [problem for problem in problems if not (as_errors and problem.path in unpublished)]
    log = logger.error if as_errors else logger.warning
    for problem in blocking:
        log("%s", problem)
    for problem in in_drafts:
        logger.info("(Entwurf, blockiert nicht) %s", problem)
    if blocking:
        logger.info(summary(blocking))
    context = generators[0].context
    hints = hints_of(generators, Path(settings["PATH"]))
    for hint in hints:
        # Shown as a warning in every build, publish included, but never failing it (build_messages).
        logger.warning("Hinweis: %s", hint, extra={HINT: True})
    context[CONTEXT_KEY_HINTS] = hints
    context[CONTEXT_KEY] = blocking
    context[CONTEXT_KEY_UNPUBLISHED] = in_drafts
    if setting(settings, "CONTENT_CHECKS_SHOW_ON_PAGE"):
        content_root = Path(settings["PATH"])
        by_path = {}
        for problem in problems:
            by_path.setdefault(problem.path, []).append(problem)
        for source, item in context["generated_content"].items():
            if isinstance(item, Article | Page):
                item.content_problems = by_path.get(display_path(content_root / source), [])


def check_ui_strings(pelican_object) -> None:
    """At build start: stop the build if a language of the site lacks texts of the UI table (`initialized`)."""
    settings = pelican_object.settings
    table = settings.get("LOCALISATION_UI_STRINGS_FILE")
    if not table or not Path(table).is_file():
        return
    rules = Rules.from_settings(settings)
    every = setting(settings, "CONTENT_CHECKS_UI_STRINGS_EVERY_LANGUAGE")
    text = Path(table).read_text(encoding="utf-8")
    problems = ui_strings_problems(display_path(Path(table)), text, rules.languages, rules.default_language, every)
    for problem in problems:
        logger.error("%s", problem)
    if problems:
        logger.error(summary(problems))
        raise SystemExit(1)


def register():
    """Connect the signals."""
    signals.initialized.connect(check_ui_strings)
    signals.article_generator_pretaxonomy.connect(skip_duplicate_articles)
    signals.page_generator_finalized.connect(skip_duplicate_pages)
    signals.all_generators_finalized.connect(report_problems)
