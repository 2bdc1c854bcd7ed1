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
"""

from urllib.parse import unquote, urlsplit

from pelican import signals

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


def register():
    """Connect the signal."""
    signals.feed_generated.connect(clean_entries)
