"""Pelican glue: after pelican-sitemap has written sitemap.xml (`finalized`), add the language versions
and replace its build-time `lastmod` values (see lastmod.py).

Registered after `pelican.plugins.sitemap` in PLUGINS, so its `finalized` receiver runs after that one's.
"""

import logging
from pathlib import Path

from pelican import signals

from .alternates import add_alternates
from .lastmod import settle_build_times

logger = logging.getLogger(__name__)


def site_languages(settings) -> list[str]:
    """The site's language codes, the default first."""
    languages = list(settings.get("SITE_LANGUAGES") or settings.get("CONTENT_CHECKS_LANGUAGES") or [])
    default = settings["DEFAULT_LANG"]
    return [default] + [lang for lang in languages if lang != default]


def rewrite_sitemap(pelican_object) -> None:
    """Give every address in sitemap.xml its language versions, itself and x-default, and no build time."""
    settings = pelican_object.settings
    sitemap = Path(pelican_object.output_path) / "sitemap.xml"
    if not sitemap.is_file() or (settings.get("SITEMAP") or {}).get("format", "xml") != "xml":
        return
    languages = site_languages(settings)
    site_url = settings.get("SITEURL", "").rstrip("/")
    try:
        xml = settle_build_times(sitemap.read_bytes())
        sitemap.write_bytes(add_alternates(xml, site_url, languages, settings["DEFAULT_LANG"]))
    except Exception as error:
        logger.error("sitemap.xml: Die Sprachversionen ließen sich nicht eintragen (%s) — Prüfen Sie SITEMAP", error)


def register():
    """Connect the signal."""
    signals.finalized.connect(rewrite_sitemap)
