"""Settings for the published site: `pelicanconf.py` plus the overrides below only."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: F403

# The address the site is served at: feeds (FEED_DOMAIN defaults to it) carry
# absolute URLs built from it.
SITEURL = "https://vielfalt.example.org"
SITE_PUBLIC_URL = SITEURL  # canonical links, Open Graph, JSON-LD, sitemap, robots.txt
# Links between pages and to styles and images stay relative, so the built
# site works unchanged on any host, in a sub-folder (GitHub Pages project
# sites) and when an auditor serves output/ locally: every request goes to
# the origin the page came from.
RELATIVE_URLS = True

# Everything from this site only: no other server, no inline scripts or styles.
# 'wasm-unsafe-eval' lets the search page (Pagefind) compile its WebAssembly; it allows no
# eval() of JavaScript and no inline script. Pagefind does this in a web worker, which this
# meta tag does not cover, but falls back to the page itself when the worker fails.
SITE_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)

# Feeds for readers and journalists.
FEED_ALL_ATOM = "feeds/alle.atom.xml"
FEED_ALL_RSS = "feeds/alle.rss.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/{slug}.rss.xml"
# One feed per language of the site (Atom and RSS), announced on that language's pages: feeds/en.atom.xml.
# The all-items feeds above stay German (plugin feed_entries drops translations from them); feeds/de.*
# repeats them under the language's name.
TRANSLATION_FEED_ATOM = "feeds/{lang}.atom.xml"
TRANSLATION_FEED_RSS = "feeds/{lang}.rss.xml"
# Atom and RSS: the summary and the full text of each item (Atom carries both; RSS has one
# description, which then is the full text).
RSS_FEED_SUMMARY_ONLY = False
# The feeds every page announces (<link rel="alternate">): (title, name in feeds/).
SITE_FEED_LINKS = [
    ("Stabsstelle für Vielfalt und Chancengleichheit – alle Meldungen", "alle"),
    ("Stabsstelle für Vielfalt und Chancengleichheit – Pressemitteilungen", "pressemitteilungen"),
]

# theme_assets: the published style sheet is minified (the preview keeps it readable).
THEME_ASSETS_MINIFY = True

# Start from an empty folder, so nothing of an earlier build survives.
DELETE_OUTPUT_DIRECTORY = True

# Drafts and hidden items are never written; future-dated items (Sperrfrist)
# count as drafts until their date has come.
WITH_FUTURE_DATES = False
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""
PUBLICATION_GUARD_PUBLISH = True

# Any warning or error fails the build, after all of them have been reported.
BUILD_MESSAGES_STRICT = True
CONTENT_CHECKS_AS_ERRORS = True
CONTENT_CHECKS_SHOW_ON_PAGE = False
PLAIN_LANGUAGE_SHOW_ON_PAGE = False  # language hints only in the preview

# Templates compiled afresh: nothing kept from the preview's builds goes into the published site.
JINJA_ENVIRONMENT = {key: value for key, value in JINJA_ENVIRONMENT.items() if key != "bytecode_cache"}  # noqa: F405
