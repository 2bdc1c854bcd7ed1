"""Pelican glue: feed entries carry the title as written and HTML that cannot run code.

Pelican 4.12 builds each entry title as `Markup(article.title).striptags()`. For
a Markdown title, which is plain text, that deletes anything that looks like a
tag: "Vielfalt <script>…</script>" becomes "Vielfalt …" in the feed, while every
page shows the title as written (the theme escapes it). The feed generator
XML-escapes titles itself, so putting the title back as written makes feed
readers show "<script>" as text, the same text as the page's heading.

Summary and text are HTML, and raw HTML in Markdown passes through. On the
site a Content Security Policy blocks scripts, and the content checks refuse
them when publishing; a feed reader has no such policy, so entries keep only
what `sanitise.py` allows, whatever the build mode.

Languages: Pelican puts translations into FEED_ALL_*; the all-items feed keeps the default
language's items only, as before translations existed. Each language's TRANSLATION_FEED_*
file gets that language's site name as title, its start page as link and its language code.
"""

from urllib.parse import unquote, urlsplit

from pelican import signals

from common.ui_strings import ui_strings_of

from .languages import feed_path, keep_entries_in, translation_feed_language
from .sanitise import safe_feed_html


def _path(address: str) -> str:
    """The decoded path of an address: the feed's links are percent-encoded, article URLs are not."""
    return unquote(urlsplit(address).path)


def clean_entries(context, feed):
    """Give each feed item the title of the article it links to, and HTML that cannot run code."""
    site_path = _path(context.get("SITEURL", "")).rstrip("/")
    articles = {}
    for article in context.get("articles", []):
        for item in (article, *article.translations):
            articles[f"{site_path}/{item.url}"] = item
    for entry in feed.items:
        # The writer's link is SITEURL joined with the article's url (plus "?ref=feed" if
        # FEED_APPEND_REF is set, which the path leaves out).
        article = articles.get(_path(entry["link"]))
        if article is not None:
            entry["title"] = str(article.title)
        for field in ("description", "content"):
            entry[field] = safe_feed_html(entry.get(field))
    one_language_per_feed(context, feed, articles)


def one_language_per_feed(context, feed, articles) -> None:
    """The all-items feed in the default language only; a translation feed titled and tagged in its language."""
    path = feed_path(feed.feed.get("feed_url") or "")
    default_lang = context.get("DEFAULT_LANG", "de")

    def language_of(entry):
        article = articles.get(_path(entry["link"]))
        return getattr(article, "lang", None) if article is not None else None

    if path and path in {context.get("FEED_ALL_ATOM"), context.get("FEED_ALL_RSS")}:
        feed.items[:] = keep_entries_in(feed.items, language_of, default_lang)
        return
    patterns = [context.get("TRANSLATION_FEED_ATOM"), context.get("TRANSLATION_FEED_RSS")]
    languages = list(context.get("SITE_LANGUAGES") or context.get("CONTENT_CHECKS_LANGUAGES") or [default_lang])
    lang = translation_feed_language(path, patterns, languages)
    if lang is None or lang == default_lang:
        return
    feed.feed["language"] = lang
    feed.feed["link"] = f"{context.get('SITEURL', '')}/{lang}/"
    feed.feed["id"] = feed.feed["link"]  # Atom: every feed its own id, not the site's
    feed.feed["title"] = site_name(context, lang) or feed.feed["title"]


def site_name(context, lang: str) -> str | None:
    """The site's name in `lang` from the table of UI texts, if that language has one."""
    table = context.get("LOCALISATION_UI_STRINGS_FILE")
    if not table:
        return None
    try:
        return ui_strings_of(context, table).get(lang, {}).get("site_name")
    except (OSError, ValueError):
        return None


def register():
    """Connect the signal."""
    signals.feed_generated.connect(clean_entries)
