"""Pelican glue: Jinja helpers for JSON-LD, canonical addresses and Open Graph images.

Everything absolute is built from SITE_PUBLIC_URL (set for the published site
only): the site's own links stay relative (RELATIVE_URLS), but canonical links,
Open Graph, JSON-LD and the sitemap must name the public address.
"""

from markupsafe import Markup
from pelican import signals

from common.settings import settings_reader

from .schema import absolute, breadcrumb_list, json_ld, news_article, open_graph_image_path, organization, web_page

DEFAULTS = {
    "STRUCTURED_DATA_CONTACT_TYPE": "Beratung und Anfragen",
    "STRUCTURED_DATA_LANGUAGES": ["de"],
    "STRUCTURED_DATA_ADDRESS": {},
}
setting = settings_reader(DEFAULTS)


def _plain(value) -> str:
    """Text of a title or summary for JSON: Markdown's HTML removed, entities decoded."""
    return Markup(str(value)).striptags() if value else ""


def _office(settings) -> dict:
    return {
        "name": settings["SITENAME"],
        "parent": settings["SITE_OWNER"],
        "description": settings["SITE_DESCRIPTION"],
        "email": settings["CONTACT_EMAIL"],
        "contact_type": setting(settings, "STRUCTURED_DATA_CONTACT_TYPE"),
        "languages": setting(settings, "STRUCTURED_DATA_LANGUAGES"),
        "address": setting(settings, "STRUCTURED_DATA_ADDRESS"),
    }


def add_template_helpers(generator):
    """Register `json_ld`, `organization_schema`, `news_article_schema`, `web_page_schema`, `breadcrumb_schema`,
    `public_url` and `open_graph_image` for the theme."""
    settings = generator.settings
    base_url = settings.get("SITE_PUBLIC_URL", "")
    office = _office(settings)

    def public_url(path: str = "") -> str:
        return absolute(base_url, path) if base_url else ""

    def organization_schema() -> dict:
        return organization(office, base_url)

    def news_article_schema(article) -> dict:
        image = open_graph_image_path(getattr(article, "image", None))
        org = organization_schema()
        return news_article(
            headline=str(article.title),  # titles are plain text, shown as written
            description=_plain(article.summary),
            url=public_url(article.url),
            published=article.date,
            modified=getattr(article, "modified", None),
            language=article.lang,
            image=public_url(image) if image else None,
            publisher={"@type": org["@type"], "@id": org["@id"], "name": org["name"]},
        )

    def web_page_schema(page, site_name: str) -> dict:
        return web_page(
            name=str(page.title),
            description=_plain(getattr(page, "summary", "")),
            url=public_url(page.url),
            language=page.lang,
            site={"name": site_name, "url": public_url("")},
        )

    def breadcrumb_schema(trail, home: str, home_path: str = "") -> dict:
        return breadcrumb_list([(str(entry[0]), entry[1]) for entry in trail], base_url, home, home_path)

    generator.env.filters["json_ld"] = lambda data: Markup(json_ld(data))
    generator.env.globals.update(
        public_url=public_url,
        organization_schema=organization_schema,
        news_article_schema=news_article_schema,
        web_page_schema=web_page_schema,
        breadcrumb_schema=breadcrumb_schema,
        open_graph_image=open_graph_image_path,
    )


def register():
    """Connect the signal."""
    signals.generator_init.connect(add_template_helpers)
