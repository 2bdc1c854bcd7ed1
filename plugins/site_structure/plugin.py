"""Pelican glue: attach parent pages and the home intro once all pages are read."""

import logging

from pelican import signals

from .structure import ancestors, children_by_parent, index_by_slug

logger = logging.getLogger(__name__)


def attach_structure(generator):
    """Set `page.ancestors` and `page.children` on every page, `pages_by_slug` and `home_intro` in the context."""
    context = generator.context
    intro_slug = generator.settings.get("SITE_STRUCTURE_HOME_INTRO_SLUG", "startseite")
    # The intro page is shown on the home page only: it gets no address of its own.
    for page in list(generator.pages):
        if page.slug == intro_slug:
            generator.pages.remove(page)
            context["home_intro"] = page

    by_slug = index_by_slug(generator.pages + generator.hidden_pages)
    context["pages_by_slug"] = by_slug
    for page in generator.pages + generator.hidden_pages + generator.draft_pages:
        page.ancestors, unknown = ancestors(page, by_slug)
        if unknown:
            logger.warning(
                "%s: Die übergeordnete Seite „%s“ (Parent) gibt es nicht. "
                "Tragen Sie bei Parent den Slug einer vorhandenen Seite ein, z. B. „projekte“.",
                page.relative_source_path,
                unknown,
            )
    children = children_by_parent(generator.pages)
    for page in generator.pages + generator.hidden_pages + generator.draft_pages:
        page.children = children.get(page.slug, [])


def register():
    """Connect the signals."""
    signals.page_generator_finalized.connect(attach_structure)
