"""Pelican glue: parent pages and the home intro once all pages are read; each language's start and search page."""

import logging

from pelican import signals
from pelican.generators import Generator

from common.languages import home_url, search_url

from .structure import ancestors, children_by_parent, index_by_slug, items_in_language, translated_ancestors

logger = logging.getLogger(__name__)


def attach_structure(generator):
    """Set `page.ancestors` and `page.children` on every page, `pages_by_slug` and `home_intro` in the context."""
    context = generator.context
    intro_slug = generator.settings.get("SITE_STRUCTURE_HOME_INTRO_SLUG", "startseite")
    default_lang = generator.settings["DEFAULT_LANG"]
    # The intro page is shown on the home page only: it gets no address of its own, and
    # its translations open their language's start page (/en/), written by LanguagePagesGenerator.
    for page in list(generator.pages):
        if page.slug == intro_slug:
            generator.pages.remove(page)
            context["home_intro"] = page
    for page in generator.translations + generator.hidden_translations + generator.draft_translations:
        if page.slug == intro_slug:
            page.override_url = f"{page.lang}/"
            page.override_save_as = ""
    context["home_intros"] = {page.lang: page for page in generator.translations if page.slug == intro_slug}
    generator.translations[:] = [page for page in generator.translations if page.slug != intro_slug]

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
    for page in generator.translations + generator.hidden_translations + generator.draft_translations:
        # A translation sits below its original's parents, each in its language where translated.
        original = by_slug.get(page.slug)
        page.ancestors = translated_ancestors(original.ancestors if original else [], page.lang, default_lang)
        page.children = []


class LanguagePagesGenerator(Generator):
    """Writes every other language's start page (/en/) and search page (/en/suche/)."""

    def generate_context(self):
        """Nothing to read; note the languages that have articles (only they have feeds to announce)."""
        articles = self.context.get("articles", [])
        self.context["languages_with_articles"] = {
            version.lang for article in articles for version in [article, *getattr(article, "translations", [])]
        }

    def generate_output(self, writer):
        settings = self.settings
        default_lang = settings["DEFAULT_LANG"]
        languages = [lang for lang in settings.get("SITE_LANGUAGES", {}) if lang != default_lang]
        if not languages:
            return
        every_lang = [default_lang, *languages]
        homes = {lang: home_url(lang, default_lang) for lang in every_lang}
        search = settings.get("SEARCH_SAVE_AS", "")
        searches = {lang: search_url(lang, default_lang, search) for lang in every_lang}
        articles = self.context.get("articles", [])
        pages = self.context.get("pages", [])
        projects_parent = settings.get("AUCH_INTERESSANT_PROJECT_PARENT", "projekte")
        projects = [page for page in pages if getattr(page, "parent", None) == projects_parent]
        intros = self.context.get("home_intros", {})
        for lang in languages:
            writer.write_file(
                f"{lang}/index.html",
                self.get_template("index"),
                self.context,
                relative_urls=settings["RELATIVE_URLS"],
                page_lang=lang,
                page_translations=homes,
                lang_intro=intros.get(lang),
                lang_articles=items_in_language(articles, lang),
                lang_projects=items_in_language(projects, lang),
            )
            if search:
                writer.write_file(
                    f"{lang}/{search}",
                    self.get_template("search"),
                    self.context,
                    relative_urls=settings["RELATIVE_URLS"],
                    page_lang=lang,
                    page_translations=searches,
                )


def language_generators(pelican_object):
    """Add the generator of the language start and search pages."""
    return LanguagePagesGenerator


def register():
    """Connect the signals."""
    signals.page_generator_finalized.connect(attach_structure)
    signals.get_generators.connect(language_generators)
