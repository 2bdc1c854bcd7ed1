"""Pelican glue: German dates in metadata; the page's language, its dates, UI strings and translations
for the theme's templates."""

import logging
import os
import re
from pathlib import Path

from jinja2 import pass_context
from markupsafe import Markup, escape
from pelican import signals
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

from common.dates import AuthorDateError, iso_date, long_date, long_datetime, parse_author_date
from common.languages import home_url, search_url
from common.ui_strings import make_lookup, ui_strings_of

from .bidi import isolate_latin_runs
from .languages import (
    alternate_links,
    item_versions,
    localise_quotes,
    localised_link,
    switcher_links,
)
from .prefetch import CHUNK, Prefetch
from .reading import Converted, ConvertedFields, conversion_cache, convert

logger = logging.getLogger(__name__)

# Fields whose value may span several indented lines (the publisher block shows each line).
MULTI_LINE_FIELDS = {"contact"}
# Context key where a plugin that writes its own page in every language (the events plugin's Termine
# page) announces the addresses: {German address: {lang: address}}; the navigation links to them.
LOCALISED_ADDRESSES = "localised_addresses"
# Where this build's cache of converted Markdown waits: a key of the build's own settings (never module state).
CONVERSIONS_KEY = "_LOCALISATION_CONVERSIONS"
DEFAULT_LANGUAGES = {"de": {"name": "Deutsch", "direction": "ltr", "locale": "de_DE", "og_locale": "de_DE"}}


def current_lang(context, default_lang: str) -> str:
    """The language of the page being rendered: `page_lang` if a generator set it, else its item's."""
    if context.get("page_lang"):
        return context["page_lang"]
    for name in ("article", "page"):
        item = context.get(name)
        if item is not None and getattr(item, "lang", None):
            return item.lang
    return default_lang


def page_translations(context, settings) -> dict:
    """This page's address in every language it exists in (relative to the site root)."""
    if context.get("page_translations"):
        return context["page_translations"]
    default_lang = settings["DEFAULT_LANG"]
    for name in ("article", "page"):
        item = context.get(name)
        if item is not None and getattr(item, "lang", None):
            return {lang: version.url for lang, version in item_versions(item).items()}
    output_file = str(context.get("output_file") or "")
    languages = settings.get("SITE_LANGUAGES", DEFAULT_LANGUAGES)
    if output_file == "index.html":  # the German home page; its translations are the start pages
        return {lang: home_url(lang, default_lang) for lang in languages}
    search = settings.get("SEARCH_SAVE_AS", "")
    if search and output_file == search:
        return {lang: search_url(lang, default_lang, search) for lang in languages}
    return {default_lang: output_file.removesuffix("index.html")}


def add_template_helpers(generator):
    """Register the filters `long_date`, `long_datetime`, `iso_date` and the globals `ui`, `current_lang`,
    `language_info`, `language_switcher`, `alternates`, `localised_navigation`, `lang_home_url`, `lang_search_url`."""
    settings = generator.settings
    default_lang = settings["DEFAULT_LANG"]
    languages = settings.get("SITE_LANGUAGES", DEFAULT_LANGUAGES)
    strings = ui_strings_of(settings)
    lookup = make_lookup(strings, default_lang)
    german_texts = strings.get(default_lang, {})

    def locale_of(lang: str) -> str:
        # An unknown Lang (content_checks reports it) is shown with German dates rather than crashing.
        return languages.get(lang, languages.get(default_lang, {})).get("locale", default_lang)

    @pass_context
    def page_lang(context) -> str:
        return current_lang(context, default_lang)

    @pass_context
    def ui(context, key: str, lang: str | None = None, **values: str) -> str:
        return lookup(key, lang or current_lang(context, default_lang), **values)

    # Each date is written once per locale: the same article's date stands on many listings (formatting
    # it with Babel took a second per listing of 10,000 articles).
    long_dates: dict[tuple, str] = {}

    @pass_context
    def date_filter(context, value, lang=None):
        key = (value.year, value.month, value.day, locale_of(lang or current_lang(context, default_lang)))
        if key not in long_dates:
            long_dates[key] = long_date(value, key[3])
        return long_dates[key]

    @pass_context
    def datetime_filter(context, value, lang=None):
        return long_datetime(value, locale_of(lang or current_lang(context, default_lang)))

    def language_info(lang: str) -> dict:
        return {"code": lang, **languages.get(lang, languages[default_lang])}

    @pass_context
    def language_switcher(context):
        translations = page_translations(context, settings)
        return switcher_links(languages, current_lang(context, default_lang), translations, default_lang)

    @pass_context
    def alternates(context):
        return alternate_links(page_translations(context, settings), default_lang)

    @pass_context
    def localised_navigation(context, entries, by_slug=True):
        """(label, address or slug) entries of SITE_NAVIGATION/SITE_FOOTER_PAGES as links in the page's language."""
        lang = current_lang(context, default_lang)
        pages = context.get("pages_by_slug") or {}
        links = []
        for label, target in entries:
            slug = target if by_slug else target.strip("/")
            page = pages.get(slug)
            url = page.url if by_slug and page is not None else target
            if by_slug and page is None:
                continue
            versions = (context.get(LOCALISED_ADDRESSES) or {}).get(url)
            links.append(localised_link(label, url, lang, default_lang, page, german_texts, lookup, versions))
        return links

    @pass_context
    def site_setting(context, name: str, key: str) -> str:
        """A German setting (SITENAME, SITE_OWNER) on German pages, its UI text `key` on the others."""
        lang = current_lang(context, default_lang)
        return settings[name] if lang == default_lang else lookup(key, lang)

    @pass_context
    def isolate_ltr(context, text):
        """Plain text (metadata) for a page: on a right-to-left page with its Latin-script runs in <bdi>."""
        lang = current_lang(context, default_lang)
        if languages.get(lang, {}).get("direction") != "rtl":
            return text
        return Markup(isolate_latin_runs(str(escape(text))))

    generator.env.filters.update(
        long_date=date_filter, long_datetime=datetime_filter, iso_date=iso_date, isolate_ltr=isolate_ltr
    )
    generator.env.globals.update(
        ui=ui,
        site_setting=site_setting,
        current_lang=page_lang,
        language_info=language_info,
        site_languages=languages,
        language_switcher=language_switcher,
        alternates=alternates,
        localised_navigation=localised_navigation,
        lang_home_url=lambda lang: home_url(lang, default_lang),
        lang_search_url=lambda lang: search_url(lang, default_lang, settings.get("SEARCH_SAVE_AS", "suche/index.html")),
    )


class AuthorDateMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, reading `Date:` and `Modified:` as authors write them.

    Pelican's own parser (dateutil) guesses: it reads "05.03.2025" as 3 May and
    accepts "gestern Nachmittag" as today's date. This one accepts ISO and German
    dates only and refuses the rest with a German reason.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        folder = self.settings.get("LOCALISATION_MARKDOWN_CACHE")
        self._conversions = None
        if folder:
            # One cache per build, not per reader: Pelican makes a reader per extension and generator,
            # and the cache's key hashes the code of every plugin (4 % of a quick preview build).
            made = self.settings.get(CONVERSIONS_KEY)
            if made is None or made[0] != folder:
                made = self.settings[CONVERSIONS_KEY] = (folder, conversion_cache(folder, self.settings))
            self._conversions = made[1]
        self._prefetched = None  # a Prefetch once the generator has named its files (prefetch_markdown)

    def read(self, source_path):
        """As Pelican reads, but taking the conversion from the worker processes that made it ahead
        (prefetch.py) or, in the preview, for an unchanged text from the cache."""
        if self._conversions is None and self._prefetched is None:
            return super().read(source_path)
        self._source_path = source_path
        with pelican_open(source_path) as text:
            converted = self._prefetched.take(source_path, text) if self._prefetched else None
            if converted is None and self._conversions is not None:
                converted = self._conversions.get(text)
            if not isinstance(converted, Converted):
                converted = convert(text, self.settings["MARKDOWN"], self.settings["FORMATTED_FIELDS"])
                if self._conversions is not None:
                    self._conversions.put(text, converted)
        if converted.meta is None:
            return converted.content, {}
        self._md = ConvertedFields(converted.formatted)
        return converted.content, self._parse_metadata(converted.meta)

    def process_metadata(self, name, value):
        if isinstance(value, list) and name not in MULTI_LINE_FIELDS:
            # A field written twice (content_checks reports it): the first line counts, as Pelican does
            # for Date or Slug; a list as Title, Lang or Template breaks sorting, templates and the build.
            # Contact spans several lines on purpose (Markdown hands them over as a list).
            value = value[0]
        if name in ("date", "modified") and isinstance(value, str):
            try:
                return parse_author_date(value, self.settings.get("TIMEZONE"))
            except AuthorDateError as error:
                line = header_line(Path(self._source_path or ""), name)
                if line is None:
                    raise
                raise AuthorDateError(f"{error.what} (Zeile {line})", error.fix) from None
        return super().process_metadata(name, value)


def header_line(path: Path, name: str) -> int | None:
    """Line number of the header field `name` in `path`: Markdown's meta data carries none."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeError):
        return None
    field = re.compile(rf"[ ]{{0,3}}{re.escape(name)}\s*:", re.IGNORECASE)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            return None  # the header ends at the first blank line
        if field.match(line):
            return number
    return None


def use_author_date_reader(readers):
    """Read Markdown files with `AuthorDateMarkdownReader`."""
    for extension in MarkdownReader.file_extensions:
        if readers.reader_classes.get(extension) is MarkdownReader:
            readers.reader_classes[extension] = AuthorDateMarkdownReader


def read_workers(settings) -> int:
    """How many worker processes convert Markdown ahead of Pelican's reading (LOCALISATION_READ_WORKERS)."""
    workers = settings.get("LOCALISATION_READ_WORKERS")
    return len(os.sched_getaffinity(0)) if workers is None else int(workers)


def prefetch_markdown(generator, paths_setting: str, excludes_setting: str) -> None:
    """Hand the generator's Markdown files to worker processes before it reads them (prefetch.py)."""
    reader = generator.readers.readers.get("md")
    workers = read_workers(generator.settings)
    if not isinstance(reader, AuthorDateMarkdownReader) or workers < 2:
        return
    files = generator.get_files(generator.settings[paths_setting], exclude=generator.settings[excludes_setting])
    # Pelican makes one reader per extension; this one reads the .md files (the others read unhelped).
    paths = [os.path.abspath(os.path.join(generator.path, name)) for name in files if name.endswith(".md")]
    if len(paths) <= CHUNK:
        return  # one task's worth: a worker would not finish it sooner than the reader does
    try:
        reader._prefetched = Prefetch(
            paths, generator.settings["MARKDOWN"], generator.settings["FORMATTED_FIELDS"], reader._conversions, workers
        )
    except (OSError, AssertionError, RuntimeError) as error:  # no worker processes here (e.g. in a daemon process)
        logger.debug("localisation: keine Leseprozesse (%s); Pelican liest allein", error)


def prefetch_articles(generator) -> None:
    prefetch_markdown(generator, "ARTICLE_PATHS", "ARTICLE_EXCLUDES")


def prefetch_pages(generator) -> None:
    prefetch_markdown(generator, "PAGE_PATHS", "PAGE_EXCLUDES")


def stop_prefetch(generator) -> None:
    """After the generator has read its files: no worker is left running (e.g. after a file failed)."""
    reader = generator.readers.readers.get("md")
    prefetched = getattr(reader, "_prefetched", None)
    if prefetched is not None:
        prefetched.close()
        reader._prefetched = None


def localise_body(instance):
    """A translation's body in its language's typography: its quotation marks instead of the German ones
    Markdown writes, and in a right-to-left language every Latin-script run (e-mail, addresses, names)
    wrapped in <bdi>, so translators write them plainly and readers see them in the right order."""
    language = instance.settings.get("SITE_LANGUAGES", DEFAULT_LANGUAGES).get(getattr(instance, "lang", None))
    if not language or not getattr(instance, "_content", None):
        return
    if language.get("quotes"):
        instance._content = localise_quotes(instance._content, tuple(language["quotes"]))
    if language.get("direction") == "rtl":
        instance._content = isolate_latin_runs(instance._content)


def register():
    """Connect the signals."""
    signals.readers_init.connect(use_author_date_reader)
    signals.article_generator_init.connect(prefetch_articles)
    signals.page_generator_init.connect(prefetch_pages)
    signals.article_generator_finalized.connect(stop_prefetch)
    signals.page_generator_finalized.connect(stop_prefetch)
    signals.generator_init.connect(add_template_helpers)
    signals.content_object_init.connect(localise_body)
