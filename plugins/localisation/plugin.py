"""Pelican glue: makes dates and UI strings available to the theme's templates."""

from pathlib import Path

from pelican import signals

from .dates import iso_date, long_date, long_datetime
from .ui_strings import load_ui_strings, make_lookup


def add_template_helpers(generator):
    """Register the Jinja filters `long_date`, `long_datetime`, `iso_date` and the global `ui`."""
    settings = generator.settings
    strings_file = Path(settings["LOCALISATION_UI_STRINGS_FILE"])
    ui = make_lookup(load_ui_strings(strings_file), settings["DEFAULT_LANG"])
    generator.env.filters.update(
        long_date=lambda value, lang=None: long_date(value, lang or settings["DEFAULT_LANG"]),
        long_datetime=lambda value, lang=None: long_datetime(value, lang or settings["DEFAULT_LANG"]),
        iso_date=iso_date,
    )
    generator.env.globals["ui"] = ui


def register():
    """Connect the signals."""
    signals.generator_init.connect(add_template_helpers)
