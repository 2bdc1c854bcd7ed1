"""Pelican glue: `item.event` from the Event_* fields, the build's "now", Jinja helpers, the Termine
pages per language and the iCalendar files."""

import logging
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from babel.lists import format_list
from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals
from pelican.contents import Article, Page
from pelican.generators import Generator

from common.dates import AuthorDateError, parse_author_date
from common.settings import settings_reader
from common.ui_strings import make_lookup, ui_strings_of

from .display import day_and_month, event_date, event_time, language_names, month_label, year_label
from .fields import parse_event
from .ical import CalendarEntry, calendar_file, event_uid
from .listing import by_month, next_distinct, past_by_year, refresh, upcoming
from .recurrence import day_list, rule_words
from .schema import event_schema

logger = logging.getLogger(__name__)

DEFAULTS = {
    "EVENTS_NOW": None,
    "EVENTS_HORIZON_MONTHS": 12,
    "EVENTS_UID_DOMAIN": "vielfalt.example.org",
    "EVENTS_PAGE_URL": "termine/",
    "EVENTS_ICS_NAME": "termin.ics",
    "EVENTS_CALENDAR_NAME": "termine.ics",
    "EVENTS_HOME_COUNT": 3,
}
CONTEXT_KEY = "events_originals"


setting = settings_reader(DEFAULTS)


def ics_path(url: str, name: str) -> str:
    """The .ics address beside a page: "infoabend/" → "infoabend/termin.ics"."""
    if not url or url.endswith("/"):
        return f"{url}{name}"
    return f"{url.rsplit('/', 1)[0]}/{name}" if "/" in url else name


def read_event(item):
    """Set `item.event` (or None) and report bad Event_* values as `item.field_problems`."""
    if not isinstance(item, Article | Page):
        return
    settings = item.settings
    event, problems = parse_event(
        item.metadata, settings.get("TIMEZONE", "Europe/Berlin"), settings.get("SITE_LANGUAGES", {})
    )
    if event is not None:
        event.ics_url = ics_path(item.url or "", setting(settings, "EVENTS_ICS_NAME"))
    item.event = event
    if problems:
        item.field_problems = [*getattr(item, "field_problems", []), *problems]


def build_now(settings) -> datetime:
    """The moment the build lists events for: EVENTS_NOW (tests, "2028-10-17 17:00" Berlin time) or now."""
    fixed = setting(settings, "EVENTS_NOW")
    if fixed is None:
        return datetime.now(UTC)
    if isinstance(fixed, datetime):
        return fixed if fixed.tzinfo else fixed.replace(tzinfo=UTC)
    try:
        moment = parse_author_date(str(fixed), settings.get("TIMEZONE"))
    except AuthorDateError as error:
        raise SystemExit(f"pelicanconf.py: EVENTS_NOW: {error}") from None
    return moment.replace(tzinfo=ZoneInfo(settings.get("TIMEZONE", "Europe/Berlin")))


def event_originals(context, default_lang: str) -> list:
    """Published articles and pages in the default language that are events (sessions included)."""
    items = [*context.get("articles", []), *context.get("pages", [])]
    return [
        item
        for item in items
        if getattr(item, "event", None) is not None and item.lang == default_lang and item.status == "published"
    ]


def mark_upcoming(generators):
    """Once everything is read: each event's `upcoming` and `occurrences` at the build's "now"."""
    settings = generators[0].settings
    context = generators[0].context
    now = build_now(settings)
    months = setting(settings, "EVENTS_HORIZON_MONTHS")
    objects = []
    for generator in generators:
        for name in ("articles", "translations", "drafts", "drafts_translations", "hidden_articles"):
            objects += getattr(generator, name, None) or []
        for name in ("pages", "hidden_pages", "draft_pages", "hidden_translations", "draft_translations"):
            objects += getattr(generator, name, None) or []
    for item in objects:
        if getattr(item, "event", None) is not None:
            refresh(item.event, now, months)
    context[CONTEXT_KEY] = event_originals(context, settings["DEFAULT_LANG"])
    context["events_now"] = now


def events_page_url(lang: str, default_lang: str, page_url: str) -> str:
    """The Termine page of a language: "termine/" or "en/termine/"."""
    return page_url if lang == default_lang else f"{lang}/{page_url}"


def _plain(value) -> str:
    return Markup(str(value)).striptags() if value else ""


def dates_markup(moments, locale: str) -> Markup:
    """Further dates of a series as the reader's language lists them, each in its own <time>."""
    times = [
        str(Markup('<time datetime="{}">{}</time>').format(moment.isoformat(), day_and_month(moment, locale)))
        for moment in moments
    ]
    return Markup(format_list(times, locale=locale)) if times else Markup("")


def add_template_helpers(generator):
    """Register the filters `event_date`, `event_time`, `event_month`, `event_year` and the globals
    `event_rule_words`, `event_rule_days`, `event_language_names`, `event_schema`, `events_upcoming`,
    `events_by_month`, `events_next`, `events_archive`, `events_page_url`, `events_calendar_url`."""
    settings = generator.settings
    default_lang = settings["DEFAULT_LANG"]
    page_url = setting(settings, "EVENTS_PAGE_URL")
    base_url = settings.get("SITE_PUBLIC_URL", "")

    def public(path: str) -> str:
        return f"{base_url.rstrip('/')}/{path.lstrip('/')}" if base_url else ""

    def schema(item) -> dict:
        image = getattr(item, "image", None)
        return event_schema(
            item.event,
            name=str(item.title),
            description=_plain(getattr(item, "summary", "")),
            url=public(item.url),
            language=item.lang,
            image=public(image) if image and base_url else None,
            organizer={"name": settings["SITENAME"], **({"url": public("")} if base_url else {})},
            start=item.event.occurrences[0] if item.event.occurrences else None,
        )

    @pass_context
    def upcoming_in(context, lang: str):
        return upcoming(context.get(CONTEXT_KEY, []), lang)

    @pass_context
    def next_in(context, lang: str, count: int | None = None):
        return next_distinct(upcoming_in(context, lang), count or setting(settings, "EVENTS_HOME_COUNT"))

    @pass_context
    def archive_in(context, lang: str):
        return past_by_year(context.get(CONTEXT_KEY, []), lang)

    generator.env.filters.update(
        event_date=event_date,
        event_time=event_time,
        event_month=month_label,
        event_year=year_label,
        event_day_month=day_and_month,
    )
    generator.env.filters["event_dates"] = dates_markup
    generator.env.globals.update(
        event_rule_words=lambda event: rule_words(event.recurrence),
        event_rule_days=lambda words, locale: day_list(words.days, locale),
        event_language_names=language_names,
        event_schema=schema,
        events_upcoming=upcoming_in,
        events_by_month=by_month,
        events_next=next_in,
        events_archive=archive_in,
        events_page_url=lambda lang: events_page_url(lang, default_lang, page_url),
        events_calendar_url=lambda lang: (
            events_page_url(lang, default_lang, page_url) + setting(settings, "EVENTS_CALENDAR_NAME")
        ),
    )


def calendar_entry(item, settings) -> CalendarEntry:
    """What the .ics files say about one item: stable UID, DTSTAMP from its Modified/Date."""
    base_url = settings.get("SITE_PUBLIC_URL", "")
    stamp = getattr(item, "modified", None) or getattr(item, "date", None) or item.event.start
    return CalendarEntry(
        event=item.event,
        uid=event_uid(item.slug, setting(settings, "EVENTS_UID_DOMAIN") or urlsplit(base_url).netloc),
        title=str(item.title),
        description=_plain(getattr(item, "summary", "")),
        url=f"{base_url.rstrip('/')}/{item.url}" if base_url else "",
        stamp=stamp,
        language=item.lang,
    )


class EventsPagesGenerator(Generator):
    """Writes the Termine page of every language, the calendar of all events and one .ics per event."""

    def generate_context(self):
        """Nothing to read (the events come from the articles and pages generators); announce the Termine
        page's address in every language, so the navigation links to the reader's (localisation plugin)."""
        settings = self.settings
        default_lang = settings["DEFAULT_LANG"]
        page_url = setting(settings, "EVENTS_PAGE_URL")
        languages = list(settings.get("SITE_LANGUAGES", {default_lang: {}})) or [default_lang]
        addresses = self.context.setdefault("localised_addresses", {})
        addresses[page_url] = {lang: events_page_url(lang, default_lang, page_url) for lang in languages}

    def generate_output(self, writer):
        settings = self.settings
        default_lang = settings["DEFAULT_LANG"]
        languages = list(settings.get("SITE_LANGUAGES", {default_lang: {}})) or [default_lang]
        page_url = setting(settings, "EVENTS_PAGE_URL")
        urls = {lang: events_page_url(lang, default_lang, page_url) for lang in languages}
        originals = self.context.get(CONTEXT_KEY, [])
        timezone = settings.get("TIMEZONE", "Europe/Berlin")
        output = Path(self.output_path)
        for lang in languages:
            writer.write_file(
                urls[lang] + "index.html",
                self.get_template("termine"),
                self.context,
                relative_urls=settings["RELATIVE_URLS"],
                page_lang=lang,
                page_translations=urls,
            )
            # Each language's calendar: its translations where there are some, the German originals otherwise.
            entries = [calendar_entry(_version_in(original, lang), settings) for original in originals]
            target = output / urls[lang] / setting(settings, "EVENTS_CALENDAR_NAME")
            _write(target, calendar_file(entries, calendar_name(settings, lang), timezone))
        for original in originals:
            for version in _versions(original):
                if version.status != "published" or not version.event.ics_url:
                    continue
                entry = calendar_entry(version, settings)
                _write(output / version.event.ics_url, calendar_file([entry], str(version.title), timezone))


def calendar_name(settings, lang: str) -> str:
    """The name a calendar app shows for a language's calendar: the office and "Termine" in that language."""
    table = settings.get("LOCALISATION_UI_STRINGS_FILE")
    if not table:
        return f"{settings['SITENAME']} – Termine"
    ui = make_lookup(ui_strings_of(settings, table), settings["DEFAULT_LANG"])
    return f"{ui('site_name', lang)} – {ui('event_page_title', lang)}"


def _versions(original) -> list:
    translations = getattr(original, "translations", [])
    return [original, *[item for item in translations if item.event is not None and item.status == "published"]]


def _version_in(original, lang: str):
    return next((item for item in _versions(original) if item.lang == lang), original)


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_bytes() != data:
        target.write_bytes(data)


def events_generator(pelican_object):
    """Add the generator of the Termine pages and calendar files."""
    return EventsPagesGenerator


def register():
    """Connect the signals."""
    signals.content_object_init.connect(read_event)
    signals.generator_init.connect(add_template_helpers)
    signals.all_generators_finalized.connect(mark_upcoming)
    signals.get_generators.connect(events_generator)
