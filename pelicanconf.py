"""Settings for development builds and the local preview: every site setting lives here.

`publishconf.py` imports this file and overrides only what differs for the
published site. Settings of our own plugins carry the plugin's name as prefix.
"""

import sys
from pathlib import Path

SITE_ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(SITE_ROOT / "plugins"))

from jinja2 import FileSystemBytecodeCache  # noqa: E402

from localisation.slugs import german_slug_substitutions, heading_id  # noqa: E402

# --- Site identity ---------------------------------------------------------
SITENAME = "Stabsstelle für Vielfalt und Chancengleichheit"
SITE_OWNER = "Stadt Musterstadt"  # shown in header, footer and the Impressum
SITE_OWNER_ADDRESS = "Rathausplatz 1, 55555 Musterstadt"
SITEURL = ""  # empty in development: links are relative to the preview server
# The public address, for what must be absolute: canonical links, Open Graph, JSON-LD,
# robots.txt. Empty in development; publishconf.py sets it.
SITE_PUBLIC_URL = ""
# The path the site lives under on its host ("/" at a domain's root, "/repo/" for a
# GitHub project page). The 404 page, which servers show at any address, links from it.
SITE_BASE_PATH = "/"
FEEDBACK_EMAIL = "barrierefreiheit@example.org"  # accessibility feedback, linked on every page
CONTACT_EMAIL = "vielfalt@example.org"
SITE_DESCRIPTION = (
    "Die Stabsstelle für Vielfalt und Chancengleichheit der Stadt Musterstadt: "
    "Integration, Antidiskriminierung, Gleichstellung, Inklusion und Projekte wie Sprachtandem."
)
# Content Security Policy (meta tag on every page). Empty in the preview: the
# live-reload server injects an inline script that a strict policy would block.
# publishconf.py sets the strict policy for the published site.
SITE_CONTENT_SECURITY_POLICY = ""
AUTHOR = "Stabsstelle für Vielfalt und Chancengleichheit"

# --- Language, time and dates ---------------------------------------------
# Dates are written by the `long_date` filter (Babel/CLDR), so no system
# locale has to be installed: "26. März 2025".
DEFAULT_LANG = "de"
TIMEZONE = "Europe/Berlin"
LOCALE = ("C.UTF-8",)  # Pelican's own strftime dates are not shown anywhere

# --- Languages (the one list; content checks, JSON-LD and the theme read it) ---
# German first: the original of every translation, at the site root as always. Every
# other language lives under /<code>/ (pages /en/<slug>/, articles /en/aktuelles/<year>/<slug>/,
# its start page /en/, its search /en/suche/). Per language:
#   name       its name in itself (language switcher; no flags: languages are not countries)
#   direction  "ltr" or "rtl" (<html dir>, the mirrored layout)
#   locale     the CLDR locale for dates and digits (Babel). Arabic: ar_SY — Levantine month
#              names (آذار) and Arabic-Indic digits, as Syrian and Iraqi readers, the largest
#              Arabic-reading groups here, write them; Persian: fa_IR with Persian digits.
#   og_locale  Open Graph's og:locale, from the list Open Graph consumers know (Facebook's):
#              it has one Arabic, ar_AR, and no ar_SY, which would be ignored.
#   quotes     opening and closing quotation mark: Markdown writes German „…“ for "…", a
#              translation gets its language's (German keeps the smarty settings below).
# The key is the HTML lang code, the hreflang and Pagefind's language (one index per language).
SITE_LANGUAGES = {
    "de": {"name": "Deutsch", "direction": "ltr", "locale": "de_DE", "og_locale": "de_DE"},
    "en": {"name": "English", "direction": "ltr", "locale": "en_GB", "og_locale": "en_GB", "quotes": "“”"},
    "ar": {"name": "العربية", "direction": "rtl", "locale": "ar_SY", "og_locale": "ar_AR", "quotes": "«»"},
    "tr": {"name": "Türkçe", "direction": "ltr", "locale": "tr_TR", "og_locale": "tr_TR", "quotes": "“”"},
    "uk": {"name": "Українська", "direction": "ltr", "locale": "uk_UA", "og_locale": "uk_UA", "quotes": "«»"},
    "fa": {"name": "فارسی", "direction": "rtl", "locale": "fa_IR", "og_locale": "fa_IR", "quotes": "«»"},
}


# --- Content folders -------------------------------------------------------
PATH = "content"
PAGE_PATHS = ["seiten", "pages"]  # "pages" so content folders of other Pelican sites build too
ARTICLE_PATHS = [""]
ARTICLE_EXCLUDES = PAGE_PATHS + ["images", "dokumente"]
STATIC_PATHS = ["images", "dokumente", "videos"]  # videos: sign-language videos (sign_videos)
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "Meldungen"
# Every file name that starts with a date gives the date, as in stock Pelican, so content
# from other sites ("2018-03-02_evoting.md", "2019-05-01.md") is never dropped for lacking
# a Date line. Our own names, "2025-03-26-kurzer-titel.md" (invoke new), also give the
# address, so it stays the same when the title is later edited.
FILENAME_METADATA = r"(?P<date>\d{4}-\d{2}-\d{2})(?:-(?P<slug>.+))?"
IGNORE_FILES = [".#*", "*~", "*.swp", "README.md"]

# --- Web addresses (German, "ä" → "ae") --------------------------------------
SLUGIFY_USE_UNICODE = True  # the substitutions below fold letters to ASCII themselves
SLUG_REGEX_SUBSTITUTIONS = german_slug_substitutions()
ARTICLE_URL = "aktuelles/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
ARTICLE_LANG_URL = "{lang}/aktuelles/{date:%Y}/{slug}/"
ARTICLE_LANG_SAVE_AS = ARTICLE_LANG_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = PAGE_LANG_URL + "index.html"
DRAFT_URL = "entwuerfe/{slug}/"
DRAFT_SAVE_AS = DRAFT_URL + "index.html"
DRAFT_LANG_URL = "entwuerfe/{lang}/{slug}/"
DRAFT_LANG_SAVE_AS = DRAFT_LANG_URL + "index.html"
DRAFT_PAGE_URL = "entwuerfe/seiten/{slug}/"
DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_URL + "index.html"
DRAFT_PAGE_LANG_URL = "entwuerfe/seiten/{lang}/{slug}/"
DRAFT_PAGE_LANG_SAVE_AS = DRAFT_PAGE_LANG_URL + "index.html"
CATEGORY_URL = "aktuelles/{slug}/"
CATEGORY_SAVE_AS = CATEGORY_URL + "index.html"
TAG_URL = "themen/{slug}/"
TAG_SAVE_AS = TAG_URL + "index.html"
TAGS_URL = "themen/"
TAGS_SAVE_AS = TAGS_URL + "index.html"
ARCHIVES_URL = "aktuelles/"
ARCHIVES_SAVE_AS = ARCHIVES_URL + "index.html"
# Pages nobody links to: the theme has no author or category overview.
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""

# The page a web server shows for unknown addresses (GitHub Pages uses 404.html).
DIRECT_TEMPLATES = ["index", "tags", "archives", "not_found", "site_index", "robots", "search"]
NOT_FOUND_SAVE_AS = "404.html"
# The Inhaltsübersicht: every section and page, for people (sitemap.xml is for machines).
SITE_INDEX_URL = "inhaltsuebersicht/"
SITE_INDEX_SAVE_AS = SITE_INDEX_URL + "index.html"
ROBOTS_SAVE_AS = "robots.txt"
# The search page (Pagefind, see search_index below).
SEARCH_SAVE_AS = "suche/index.html"

# --- Listings and pagination ----------------------------------------------
DEFAULT_PAGINATION = 8
PAGINATED_TEMPLATES = {"index": 6, "category": None, "tag": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/seite/{number}/", "{base_name}/seite/{number}/index.html"),
)
NEWEST_FIRST_ARCHIVES = True

# --- Navigation ------------------------------------------------------------
# Main navigation: (label, address relative to the site root).
SITE_NAVIGATION = [
    ("Aktuelles", "aktuelles/"),
    ("Termine", "termine/"),  # written by the events plugin, per language /en/termine/ …
    ("Wer wir sind", "wer-wir-sind/"),
    ("Beratung", "beratung/"),
    ("Projekte", "projekte/"),
    ("Beirat", "beirat/"),
    ("Grundlagen", "grundlagen/"),
]
# Footer links every page carries: (label, page slug). Leichte Sprache and Gebärdensprache are in
# the header (site_header.html), where readers who need them look first.
SITE_FOOTER_PAGES = [
    ("Impressum", "impressum"),
    ("Datenschutz", "datenschutz"),
    ("Erklärung zur Barrierefreiheit", "barrierefreiheit"),
    ("Dokumente", "dokumente"),  # every document by topic (documents plugin)
]

# --- Markdown ----------------------------------------------------------------
# The full list: when MARKDOWN is set, Pelican uses exactly this and would
# silently drop "extra" if it were missing.
MARKDOWN = {
    "extensions": [
        "markdown.extensions.extra",  # tables, footnotes, attribute lists, abbreviations …
        "markdown.extensions.sane_lists",
        "markdown.extensions.smarty",
        "markdown.extensions.toc",
    ],
    "extension_configs": {
        # German quotation marks „…“ and the apostrophe ’; never English “…”.
        "markdown.extensions.smarty": {
            "substitutions": {
                "left-double-quote": "&bdquo;",
                "right-double-quote": "&ldquo;",
                "left-single-quote": "&sbquo;",
                "right-single-quote": "&rsquo;",
            },
        },
        # Heading ids: ASCII as before for Latin script, the letters themselves for Arabic, Persian, Cyrillic.
        "markdown.extensions.toc": {"permalink": False, "slugify": heading_id},
    },
    "output_format": "html5",
}
TYPOGRIFY = False  # smarty above does the typography; Typogrify would add English quotes

# --- Theme and plugins -------------------------------------------------------
THEME = str(SITE_ROOT / "theme")
THEME_STATIC_DIR = "theme"
PLUGIN_PATHS = [str(SITE_ROOT / "plugins")]
PLUGINS = [
    "parallel_writing",  # first: its `finalized` receiver brings the other writing processes' part back
    "build_messages",
    "localisation",
    "content_checks",
    "structured_data",
    "pelican.plugins.sitemap",
    "sitemap_languages",  # after the sitemap: adds each address's language versions to sitemap.xml
    "publication_guard",
    "fast_listings",  # tag, category and author pages without Pelican’s quadratic look-ups
    "site_structure",
    "events",  # before sessions, documents, contacts: they read `item.event`
    "sessions",
    "documents",
    "contacts",
    "plain_language",  # preview: each German page's plain-language hints (`invoke sprache` lists them all)
    "sign_videos",  # `[[video: name]]` lines become the sign_video player with captions and transcript
    "auch_interessant",
    "responsive_images",
    "theme_assets",
    "feed_entries",
    "search_index",
    "quick_preview",  # preview: a first build that writes only the saved files’ pages
    "time_bound",  # after events: when time alone changes the site (for `invoke build`'s skip)
]

# parallel_writing: how many processes write the article and page generators' files (None: one per core;
# 1: this process alone), and from how many articles and pages on (below, forking costs more than it saves).
# The output is the same either way.
PARALLEL_WRITING_PROCESSES = None
PARALLEL_WRITING_MIN_ITEMS = 100

# fast_listings: once every generator has finished, each item keeps its address (Pelican would work it out
# again from the URL pattern on every use). The preview's staying build sets it to False for itself.
FAST_LISTINGS_FREEZE_URLS = True

# content_checks: what content must look like; every problem names file, line and fix.
# The Tags vocabulary is the list in docs/redaktionsleitfaden.md (a test keeps both equal).
CONTENT_CHECKS_TAGS = [
    "Beirat",
    "Integration",
    "Integrationskonzept",
    "Migrantenorganisationen",
    "Sprachtandem",
    "Fairtrade-Stadt",
    "Kepol",
    "Asyl",
    "Wohnen",
    "Einsamkeit",
    "Sport",
    "Ehrenamt",
    "Verwaltung",
    "Antirassismus",
    "Diversity",
    "Gleichstellung",
    "Inklusion",
]
CONTENT_CHECKS_CATEGORIES = ["Pressemitteilungen", "Meldungen"]  # the Category an article may have
CONTENT_CHECKS_REQUIRED_FIELDS = {"article": ["title", "date", "category", "summary"], "page": ["title"]}
CONTENT_CHECKS_SUMMARY_LENGTH = (40, 300)  # characters: teaser text and search engine snippet
# Languages the site is prepared for (Lang:); German is the original of every translation.
CONTENT_CHECKS_LANGUAGES = list(SITE_LANGUAGES)
CONTENT_CHECKS_FIELDS = [
    "title",
    "date",
    "modified",
    "category",
    "tags",
    "summary",
    "slug",
    "status",
    "lang",
    "translation",
    "template",
    "save_as",
    "url",
    "author",
    "authors",
    "publisher",
    "contact",
    "image",
    "image_alt",
    "image_credit",
    "image_focus",
    "parent",
    "related",
    "auch_interessant",
    # events (Termine); the value rules are in the events plugin
    "event_start",
    "event_end",
    "event_location",
    "event_online",
    "event_registration",
    "event_languages",
    "event_accessibility",
    "event_status",
    "event_previous_start",
    "event_recurrence",
    # sessions (Sitzungen des Beirats)
    "session_body",
    "session_documents",
    # contacts
    "contact_box",
    # Leichte Sprache: `Leichte_Sprache: ja` gives a page the layout for it (page.html, leichte-sprache.css)
    "leichte_sprache",
]
CONTENT_CHECKS_VAGUE_LINK_TEXTS = ["hier", "hier klicken", "klicken sie hier", "mehr", "link", "weiter"]
CONTENT_CHECKS_AS_ERRORS = False  # publishconf.py: True
CONTENT_CHECKS_SHOW_ON_PAGE = True  # the preview shows a page's problems on it; publishconf.py: False
# The source files whose problems are wanted; None: all. Only the preview's quick build sets it (to the
# saved files, the only item pages it writes); the site-wide checks still run, their findings are kept for these.
CONTENT_CHECKS_ONLY_SOURCES = None
# At build start, every site language with a section in LOCALISATION_UI_STRINGS_FILE must have every
# key (and the same {placeholders}) of [de], else the build stops naming language and keys. True: a site
# language without any section stops it too (on since every language's texts are in the table).
CONTENT_CHECKS_UI_STRINGS_EVERY_LANGUAGE = True

# structured_data: JSON-LD for the office (GovernmentOrganization), articles (NewsArticle)
# and breadcrumbs; the office's contact point and the languages it advises in.
STRUCTURED_DATA_CONTACT_TYPE = "Beratung und Anfragen"
STRUCTURED_DATA_LANGUAGES = list(SITE_LANGUAGES)
STRUCTURED_DATA_ADDRESS = {
    "streetAddress": "Rathausplatz 1",
    "postalCode": "55555",
    "addressLocality": "Musterstadt",
    "addressCountry": "DE",
}

# sitemap (pelican-sitemap): every published page with its last change, for search engines.
# Not listed: the error page, drafts (only in the preview) and text files such as robots.txt.
SITEMAP = {
    "format": "xml",
    "exclude": [r"^404\.html$", r"^entwuerfe/", r"\.txt$"],
}
# sitemap_languages: each address lists all its language versions as xhtml:link (itself included)
# and x-default (German), from Pelican's translations and "<lang>/…" twins of German addresses.

# theme_assets: one style sheet from theme/css/; minified only when publishing, so the
# preview's site.css stays readable (each part headed by its file name).
THEME_ASSETS_MINIFY = False

# build_messages: fail the build when anything was reported (publishconf.py sets it).
BUILD_MESSAGES_STRICT = False
# localisation: the table of all texts the theme shows.
LOCALISATION_UI_STRINGS_FILE = str(SITE_ROOT / "theme" / "ui_strings.toml")
# A folder that keeps what Python-Markdown made of each text, so a rebuild converts only changed files
# (plugins/localisation/reading.py). None here and for publishing: `invoke livereload` sets it
# (cache/markdown/) for its own builds only.
LOCALISATION_MARKDOWN_CACHE = None
# How many worker processes convert the Markdown files ahead of Pelican's reading (plugins/localisation/
# prefetch.py); None: one per core of this machine, 0: Pelican reads alone. Same output either way.
LOCALISATION_READ_WORKERS = None
# site_structure: the page whose text opens the home page (it gets no page of its own).
SITE_STRUCTURE_HOME_INTRO_SLUG = "startseite"
# auch_interessant: the related-content block on every article and page.
AUCH_INTERESSANT_COUNT = 3  # teasers per item
AUCH_INTERESSANT_EXCERPT_CHARS = 200  # longest teaser text, cut at a word boundary
# Pages that neither show teasers nor appear as one (any item can opt out with
# `Auch_interessant: nein`).
AUCH_INTERESSANT_OPT_OUT_SLUGS = ["impressum", "datenschutz", "barrierefreiheit"]
AUCH_INTERESSANT_TOPIC_ARTICLES = 5  # newest articles a page with Tags lists ("Aktuelles zu diesem Projekt")
# Pages below this one are projects: their lists say "Aktuelles zu diesem Projekt".
AUCH_INTERESSANT_PROJECT_PARENT = "projekte"
# responsive_images: every content image as AVIF and WebP at these widths (never
# upscaled) plus a JPEG/PNG fallback, metadata stripped; encoded once into the cache.
RESPONSIVE_IMAGES_WIDTHS = [480, 960, 1440, 1920]
RESPONSIVE_IMAGES_FORMATS = ["avif", "webp"]
# Keyed by file content, these settings and the Pillow and encoder versions; entries are
# checked (size, SHA-256) before use and copied into output/, never linked.
RESPONSIVE_IMAGES_CACHE = str(SITE_ROOT / "cache" / "bilder")
RESPONSIVE_IMAGES_CACHE_MAX_AGE_DAYS = 30  # entries no build used for this long are removed
# events: Termine (`Event_start:` and the other Event_* fields; see docs/redaktionsleitfaden.md).
# Termine pages at /termine/ and /<lang>/termine/ (upcoming by month, past events by year) and the
# calendar of all events there (termine.ics); each event's own file beside its page (termin.ics).
EVENTS_PAGE_URL = "termine/"
EVENTS_CALENDAR_NAME = "termine.ics"
EVENTS_ICS_NAME = "termin.ics"
# The moment the listing is made for: None = the build's real time (an event leaves "upcoming" at the
# first build after its end); tests set a fixed Berlin time such as "2028-10-17 17:00".
EVENTS_NOW = None
EVENTS_HORIZON_MONTHS = 12  # recurring events are listed date by date this far ahead
EVENTS_HOME_COUNT = 3  # next events on the home pages (each series once)
# The calendar UIDs: "<slug of the German original>@<this domain>", the same in every build and
# language, so subscribed calendars update an event instead of adding it twice.
EVENTS_UID_DOMAIN = "vielfalt.example.org"

# sessions: Sitzungen des Beirats and its committees (`Session_body:`).
SESSIONS_PAGE_SLUG = "beirat"  # the page (and its translations) that lists upcoming and past sessions
# The bodies whose sessions the site publishes (Session_body must name one), each with the key of its
# name in theme/ui_strings.toml, so pages in other languages show it translated. Empty: any body.
SESSIONS_BODIES = {
    "Beirat für Migration und Integration": "session_body_beirat",
    "Arbeitsgruppe Bildung und Sprache": "session_body_ag_bildung_sprache",
    "Arbeitsgruppe Arbeit und Wohnen": "session_body_ag_arbeit_wohnen",
    "Arbeitsgruppe Kultur und Begegnung": "session_body_ag_kultur_begegnung",
}
# A session's documents: content/<SESSIONS_DOCUMENTS_PATH>/<SESSIONS_DOCUMENTS_FOLDER>/<its slug>/
# (einladung.pdf, vorlage-01-….pdf, niederschrift.pdf), or the folder `Session_documents:` names.
SESSIONS_DOCUMENTS_PATH = "dokumente"
SESSIONS_DOCUMENTS_FOLDER = "sitzungen"
# The headings above the agenda's two lists, per part, in every language authors and translators
# write (compared without case, spaces, hyphens and punctuation: „Nicht-öffentlicher Teil:“ counts).
SESSIONS_AGENDA_HEADINGS = {
    "public": [
        "Öffentlicher Teil",
        "Öffentliche Sitzung",
        "Public part",
        "الجزء العلني",
        "Açık bölüm",
        "Відкрита частина",
        "بخش علنی",
    ],
    "non_public": [
        "Nichtöffentlicher Teil",
        "Nichtöffentliche Sitzung",
        "Non-public part",
        "الجزء غير العلني",
        "Kapalı bölüm",
        "Закрита частина",
        "بخش غیرعلنی",
    ],
}

# documents: every linked document with type, size, pages; PDF accessibility hints.
DOCUMENTS_FOLDER = "dokumente"  # below content/: listed on the documents page; documents_in(folder) reads below it
# Subject of the mail asking for an accessible version ({title}: link text, {filename}); German: the office reads it.
DOCUMENTS_REQUEST_SUBJECT = "Barrierefreie Fassung anfordern: {title} ({filename})"
# The sessions' documents (in this folder) are listed under this topic on the documents page; other
# documents under the first Tag of the page linking them.
DOCUMENTS_SESSIONS_FOLDER = "dokumente/sitzungen"
DOCUMENTS_SESSIONS_TOPIC = "Beirat"

# contacts: contact boxes from content/kontakte.toml (`Contact_box:`).
CONTACTS_FILE = "kontakte.toml"  # below PATH; TOML, read once per build, neither a page nor a static file
CONTACTS_VCARD_SAVE_AS = "kontakt/{key}.vcf"  # one vCard per contact, whatever the page's language
CONTACTS_COUNTRY = "Deutschland"  # the country of every address (vCard ADR)
CONTACTS_AREA_SERVED = "Musterstadt"  # JSON-LD ContactPoint areaServed (a City)

# sign_videos: a line `[[video: name]]` in a text shows content/<SIGN_VIDEOS_FOLDER>/name.mp4 with its captions
# name.vtt (WebVTT), poster name.webp/.jpg/.png, download link with size and duration, and the transcript
# (the captions' text). Demo videos from tools/make_sign_videos.py.
SIGN_VIDEOS_FOLDER = "videos"  # below PATH; also in STATIC_PATHS, so the files are copied as they are
SIGN_VIDEOS_LANG = "de"  # the language of titles, captions and transcripts (the caption track's srclang)
SIGN_VIDEOS_COMPONENT = "components/sign_video.html"  # the macro `sign_video(video, base, id)` that shows one

# plain_language: hints for German texts (long sentences and words, passive, nominal style, rare words,
# abbreviations) and the strict rules for pages with `Leichte_Sprache: ja`. Hints never block: `invoke sprache
# [DATEI]` lists them, `invoke check` counts them, the preview shows a page's own collapsed at its top.
PLAIN_LANGUAGE_SHOW_ON_PAGE = True  # publishconf.py: False (the published site shows no hints)
PLAIN_LANGUAGE_SENTENCE_WORDS = 20  # a sentence with more words gets a hint
PLAIN_LANGUAGE_WORD_LETTERS = 20  # a word (or hyphenated part) with this many letters gets a hint
PLAIN_LANGUAGE_NOMINAL_NOUNS = 3  # this many nouns on -ung/-heit/-keit/-ion in one sentence: nominal style
PLAIN_LANGUAGE_RARE_ZIPF = 2.5  # rarer than this on wordfreq's Zipf scale (3 ≈ once in a million words) = rare
# Fixed names of the office and laws: never rare, long, nominal or a compound to split (every word of an entry).
PLAIN_LANGUAGE_ALLOWLIST = [
    "Stabsstelle für Vielfalt und Chancengleichheit",
    "Beirat für Migration und Integration",
    "Musterstadt",
    "Rathausplatz",
    "Sprachtandem",
    "Allgemeines Gleichbehandlungsgesetz",
    "Landesgleichstellungsgesetz",
    "Landesinklusionsgesetz",
    "Landesdatenschutzgesetz",
    "Tigrinya",
]
# The office's abbreviations and what they stand for (the hint suggests "Ausgeschrieben (ABK)").
PLAIN_LANGUAGE_ABBREVIATIONS = {
    "AG": "Arbeitsgruppe",
    "BMI": "Bundesministerium des Innern",
    "Kepol": "Kommunale Entwicklungspolitik",
    "TOP": "Tagesordnungspunkt",
    "DGS": "Deutsche Gebärdensprache",
    "AGG": "Allgemeines Gleichbehandlungsgesetz",
    "DSGVO": "Datenschutz-Grundverordnung",
    "BITV": "Barrierefreie-Informationstechnik-Verordnung",
    "WCAG": "Web Content Accessibility Guidelines",
}
PLAIN_LANGUAGE_KNOWN_ABBREVIATIONS = ["EU", "PDF", "USA", "WC", "WLAN", "TV", "IT"]  # known to every reader
PLAIN_LANGUAGE_READABILITY_TARGET = 60  # Flesch-Amstad score named as the aim in the readability line
PLAIN_LANGUAGE_LS_SENTENCE_WORDS = 12  # Leichte Sprache: longest sentence (one statement each)
PLAIN_LANGUAGE_LS_COMPOUND_LETTERS = 10  # Leichte Sprache: compounds this long must be split (Bürger·meister)
# Reports of earlier preview builds by file text (a save re-checks only what changed); None: no cache.
PLAIN_LANGUAGE_CACHE = str(SITE_ROOT / "cache" / "sprachhinweise")
# Only these files' hints (paths); None: every German file's. The preview's quick build sets it to the
# saved files, the only pages it writes.
PLAIN_LANGUAGE_ONLY_SOURCES = None

# publication_guard: whether drafts, hidden and future-dated items may be written.
PUBLICATION_GUARD_PUBLISH = False

# quick_preview: the source files whose pages the preview's quick build writes (it writes nothing
# else). Empty: a normal build. Only `invoke livereload` sets it, for its quick builds.
QUICK_PREVIEW_SOURCES = []
# True: the quick build also writes every listing (after a deletion: which ones showed the file is unknown).
QUICK_PREVIEW_ALL_LISTINGS = False
# A file the quick build writes (a JSON list) once the saved files' own pages are written, before the
# listings: the preview shows those pages at once. None: no such file.
QUICK_PREVIEW_READY = None

# time_bound: a file the build writes (a JSON list) with every moment from a day before the build on at
# which time alone changes the site (article dates, events ending, a series' next date coming into the
# listing). `invoke build` and `invoke publish` set it and skip a rebuild of unchanged sources only until
# the first of them (site_record.py). None: no such file.
TIME_BOUND_FILE = None

# --- Feeds (off in development; publishconf.py turns them on) ---------------
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None  # publishconf.py: feeds/{lang}.atom.xml and .rss.xml, one per language
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# --- Templates ---------------------------------------------------------------
# autoescape: text from metadata (titles, summaries) is always shown as text.
template_cache = SITE_ROOT / "cache" / "vorlagen"
template_cache.mkdir(parents=True, exist_ok=True)  # Jinja writes into it but does not make it
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    # Compiled templates are kept between builds in cache/vorlagen/ (Jinja checks each against its
    # template's text): a preview build compiled every template anew, 14 % of a quick build at 1,000
    # articles. Only for the preview and `invoke build`: publishconf.py compiles afresh.
    "bytecode_cache": FileSystemBytecodeCache(str(template_cache)),
}

# --- Development conveniences ---------------------------------------------
RELATIVE_URLS = True
LOAD_CONTENT_CACHE = False
DELETE_OUTPUT_DIRECTORY = False

# search_index: the Pagefind index (output/pagefind/) is built after every build; only
# published items are indexed (templates mark them data-pagefind-body). False: no index.
SEARCH_INDEX_ENABLED = True
