"""Pelican glue: choose teasers once all articles and pages exist, before anything is written.

Results are attached to the content objects, so templates only test
`{% if article.related %}`: `related` (list of Teaser), and for cross-links
`topic_articles` on pages with tags and `topic_pages` on articles.
"""

import gc
import logging
from contextlib import contextmanager
from dataclasses import dataclass, field

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator

from .excerpt import excerpt
from .scoring import Doc
from .selection import explicit_relations, resolve_reference, select_related, split_references
from .text import plain_text

logger = logging.getLogger(__name__)

DEFAULTS = {
    "AUCH_INTERESSANT_COUNT": 3,
    "AUCH_INTERESSANT_EXCERPT_CHARS": 200,
    "AUCH_INTERESSANT_OPT_OUT_SLUGS": ["impressum", "datenschutz", "barrierefreiheit"],
    "AUCH_INTERESSANT_TOPIC_ARTICLES": 5,
}
OPT_OUT_VALUES = {"nein", "no", "false", "aus", "0"}


class Excerpts:
    """The card text of items, made once per text: from the item's summary and body as they are when asked.

    Asked at render time, not fixed when the teasers are chosen: the preview's resident build gives an edited
    item its new text in place (plugins/quick_preview/resident.py), and the cards that show it follow.
    """

    def __init__(self, limit: int):
        self._limit = limit
        self._made: dict[tuple, str] = {}

    def of(self, item) -> str:
        key = (item.metadata.get("summary"), item.content)
        if key not in self._made:
            self._made[key] = excerpt(key[0], key[1], self._limit)
        return self._made[key]


@dataclass(frozen=True)
class Teaser:
    """One card of the „Auch interessant“ block.

    `other_lang` is True when the item is not in the page's language (then always the default language,
    German): the template gives the card `lang="{{ teaser.item.lang }}"` and shows „(auf Deutsch)“.
    """

    item: object
    excerpts: Excerpts = field(repr=False, compare=False)
    other_lang: bool = False

    @property
    def excerpt(self) -> str:
        return self.excerpts.of(self.item)


def setting(settings, name):
    """A setting of this plugin, with its default."""
    return settings.get(name, DEFAULTS[name])


def source_key(item) -> str:
    """The item's path below content/, with forward slashes: unique and stable."""
    return item.relative_source_path.replace("\\", "/")


def opted_out(item, settings, slugs=None) -> bool:
    """Legal pages (by slug) and items with `Auch_interessant: nein` neither show nor are teasers."""
    value = str(item.metadata.get("auch_interessant", "")).strip().lower()
    return value in OPT_OUT_VALUES or item.slug in (slugs or setting(settings, "AUCH_INTERESSANT_OPT_OUT_SLUGS"))


def to_doc(item, is_article: bool) -> Doc:
    """What the pure ranking core needs to know of a Pelican article or page."""
    date = getattr(item, "date", None) if is_article else None
    category = getattr(item, "category", None) if is_article else None
    return Doc(
        key=source_key(item),
        slug=item.slug,
        title=plain_text(str(getattr(item, "title", ""))),
        summary=plain_text(str(item.metadata.get("summary", ""))),
        body=plain_text(item.content),
        tags=frozenset(tag.name.lower() for tag in getattr(item, "tags", None) or []),
        category=category.name if category else None,
        timestamp=date.timestamp() if date else None,
        lang=getattr(item, "lang", "de"),
        group=f"{'article' if is_article else 'page'}:{item.slug}",
    )


def published_items(generators):
    """(articles, pages) that are published: no drafts, hidden or skipped items."""
    articles, pages = [], []
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            articles = list(generator.articles) + list(generator.translations)
        elif isinstance(generator, PagesGenerator):
            pages = list(generator.pages) + list(generator.translations)
    return articles, pages


@contextmanager
def collector_paused():
    """The cyclic garbage collector off for a while, as it was after.

    The ranking allocates hundreds of thousands of small objects that survive it; in a build of 10,000
    articles that set off full collections, each walking every object of the build (0.9 s of 6.9 s).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def attach_teasers(generators):
    """Set `related` on every published article and page, and the project cross-links."""
    with collector_paused():
        _attach_teasers(generators)


def _attach_teasers(generators):
    articles, pages = published_items(generators)
    if not articles and not pages:
        return
    settings = (articles or pages)[0].settings
    count = setting(settings, "AUCH_INTERESSANT_COUNT")
    limit = setting(settings, "AUCH_INTERESSANT_EXCERPT_CHARS")

    items = [(item, True) for item in articles] + [(item, False) for item in pages]
    opt_out_slugs = frozenset(setting(settings, "AUCH_INTERESSANT_OPT_OUT_SLUGS"))
    candidates = [(item, is_article) for item, is_article in items if not opted_out(item, settings, opt_out_slugs)]
    by_key = {source_key(item): item for item, _ in candidates}
    by_slug = {}
    for key, item in sorted(by_key.items(), key=lambda pair: (pair[1].lang != settings["DEFAULT_LANG"], pair[0])):
        by_slug.setdefault(item.slug, key)

    own = {}
    for item, _ in candidates:
        if "related" not in item.metadata:
            continue
        own[source_key(item)] = []
        for reference in split_references(item.metadata["related"]):
            key = resolve_reference(reference, source_key(item), by_slug, {k: k for k in by_key})
            # An unknown reference is reported, with its line, by the content_checks plugin.
            if key is not None:
                own[source_key(item)].append(key)

    # Pages list their topic's news themselves; their teasers should lead elsewhere.
    attach_topic_links(articles, pages, settings)
    listed_on_page = {source_key(page): {source_key(article) for article in page.topic_articles} for page in pages}
    chosen = select_related(
        [to_doc(item, is_article) for item, is_article in candidates],
        explicit_relations(own, count),
        count,
        settings["DEFAULT_LANG"],
        exclude=listed_on_page,
    )
    excerpts = Excerpts(limit)
    for item, _ in items:
        choices = chosen.get(source_key(item), [])
        item.related = [Teaser(by_key[c.key], excerpts, c.other_lang) for c in choices]


def in_reader_language(items, lang: str, default_lang: str) -> list:
    """The items in `lang`, then default-language items that have no translation into `lang` among `items`."""
    own = [item for item in items if item.lang == lang]
    translated = {item.slug for item in own}
    if lang == default_lang:
        return own
    return own + [item for item in items if item.lang == default_lang and item.slug not in translated]


def attach_topic_links(articles, pages, settings) -> None:
    """Pages with tags list the articles sharing one (newest first); articles link back to those pages.

    Both in the reader's language: a page lists articles in its language (newest first), then German ones
    not translated into it; a German page lists German articles only. The same for the pages an article links back to.
    """
    limit = setting(settings, "AUCH_INTERESSANT_TOPIC_ARTICLES")
    default_lang = settings["DEFAULT_LANG"]
    for article in articles:
        article.topic_pages = []
    newest_first = sorted(articles, key=lambda a: (-a.date.timestamp(), a.slug))
    tagged_pages = {}
    for page in sorted(pages, key=lambda p: (p.title, p.slug)):
        if getattr(page, "event", None) is not None:
            # An event or session is no topic page: its Tags feed the teasers, but it neither lists the
            # topic's news nor do a dozen Termine become "Mehr zum Thema" links under every article.
            page.topic_articles, page.topic_tags = [], []
            continue
        page_tags = {tag.name.lower() for tag in getattr(page, "tags", None) or []}
        tagged = [a for a in newest_first if page_tags & {t.name.lower() for t in getattr(a, "tags", None) or []}]
        page.topic_articles = in_reader_language(tagged, page.lang, default_lang)[:limit]
        page.topic_tags = list(getattr(page, "tags", None) or [])
        for article in tagged:
            tagged_pages.setdefault(id(article), []).append(page)
    for article in articles:
        article.topic_pages = in_reader_language(tagged_pages.get(id(article), []), article.lang, default_lang)


def register():
    """Connect the signals."""
    signals.all_generators_finalized.connect(attach_teasers)
