"""Pelican glue: German dates in metadata; dates and UI strings for the theme's templates."""

import re
from pathlib import Path

from pelican import signals
from pelican.readers import MarkdownReader

from .dates import AuthorDateError, iso_date, long_date, long_datetime, parse_author_date
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


class AuthorDateMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, reading `Date:` and `Modified:` as authors write them.

    Pelican's own parser (dateutil) guesses: it reads "05.03.2025" as 3 May and
    accepts "gestern Nachmittag" as today's date. This one accepts ISO and German
    dates only and refuses the rest with a German reason.
    """

    def process_metadata(self, name, value):
        if isinstance(value, list):
            # A field written twice (content_checks reports it): the first line counts, as Pelican does
            # for Date or Slug; a list as Title, Lang or Template breaks sorting, templates and the build.
            value = value[0]
        if name in ("date", "modified") and isinstance(value, str):
            try:
                return parse_author_date(value, self.settings.get("TIMEZONE"))
            except AuthorDateError as error:
                line = header_line(Path(self._source_path or ""), name)
                if line is None:
                    raise
                raise AuthorDateError(f"{error.what} (Zeile {line})", error.fix) from None
        return super().process_metadata(name, value)


def header_line(path: Path, name: str) -> int | None:
    """Line number of the header field `name` in `path`: Markdown's meta data carries none."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeError):
        return None
    field = re.compile(rf"[ ]{{0,3}}{re.escape(name)}\s*:", re.IGNORECASE)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            return None  # the header ends at the first blank line
        if field.match(line):
            return number
    return None


def use_author_date_reader(readers):
    """Read Markdown files with `AuthorDateMarkdownReader`."""
    for extension in MarkdownReader.file_extensions:
        if readers.reader_classes.get(extension) is MarkdownReader:
            readers.reader_classes[extension] = AuthorDateMarkdownReader


def register():
    """Connect the signals."""
    signals.readers_init.connect(use_author_date_reader)
    signals.generator_init.connect(add_template_helpers)
