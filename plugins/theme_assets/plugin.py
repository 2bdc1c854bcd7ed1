"""Pelican glue: write the bundled style sheet into the output after every build.

The theme keeps one small CSS file per concern (tokens, global styles,
compositions, one file per component, utilities, print); readers download
one file, so a page needs one request for its styles.
"""

from pathlib import Path

import rcssmin
from pelican import signals

from .bundle import bundle_css, css_sources

DEFAULT_LAYER_ORDER = [
    "tokens.css",
    "global.css",
    "compositions.css",
    "blocks/*.css",
    "utilities.css",
    "print.css",
]


def write_css_bundle(pelican_object):
    """Write THEME_STATIC_DIR/css/site.css from the theme's css/ folder, minified if THEME_ASSETS_MINIFY."""
    settings = pelican_object.settings
    css_folder = Path(settings["THEME"]) / "css"
    layer_order = settings.get("THEME_ASSETS_CSS_ORDER", DEFAULT_LAYER_ORDER)
    target = Path(pelican_object.output_path) / settings["THEME_STATIC_DIR"] / "css" / "site.css"
    target.parent.mkdir(parents=True, exist_ok=True)
    css = bundle_css(css_sources(css_folder, layer_order), css_folder)
    if settings.get("THEME_ASSETS_MINIFY", False):
        # Readers on slow connections get the style sheet without comments and spaces;
        # the preview keeps it readable, with each part headed by its file name.
        css = rcssmin.cssmin(css)
    target.write_text(css, encoding="utf-8")


def register():
    """Connect the signals."""
    signals.finalized.connect(write_css_bundle)
