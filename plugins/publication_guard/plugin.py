"""Pelican glue: in publish builds, hidden items are not written at all.

Drafts and future-dated items (Sperrfrist) are kept out by publishconf.py:
WITH_FUTURE_DATES = False makes them drafts, and drafts have no save path.
Pelican still writes hidden items (it only leaves them out of listings), so
this plugin drops them when PUBLICATION_GUARD_PUBLISH is set.
"""

from datetime import UTC, datetime

from pelican import signals


def mark_embargo(generator):
    """Give future-dated articles `embargo_until`, for the preview's "Sperrfrist bis …" banner.

    Pelican makes the dates timezone-aware in TIMEZONE (Europe/Berlin), so the
    comparison with the current time is right whatever the machine's clock zone.
    """
    now = datetime.now(UTC)
    for article in [*generator.articles, *generator.translations, *generator.drafts, *generator.hidden_articles]:
        date = getattr(article, "date", None)
        if date is not None and date.tzinfo is not None and date > now:
            article.embargo_until = date


def drop_hidden_articles(generator):
    """Forget hidden articles so the writer never sees them."""
    if generator.settings.get("PUBLICATION_GUARD_PUBLISH"):
        generator.hidden_articles.clear()
        generator.hidden_translations.clear()


def drop_hidden_pages(generator):
    """Forget hidden pages so the writer never sees them."""
    if generator.settings.get("PUBLICATION_GUARD_PUBLISH"):
        generator.hidden_pages.clear()
        generator.hidden_translations.clear()


def register():
    """Connect the signals."""
    signals.article_generator_finalized.connect(mark_embargo)
    signals.article_generator_finalized.connect(drop_hidden_articles)
    signals.page_generator_finalized.connect(drop_hidden_pages)
