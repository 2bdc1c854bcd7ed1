"""Pelican glue: add the reason to Pelican's "Could not process FILE" errors, and say Pelican's warnings in German.

Pelican 4.12 logs only the file name of a content file it cannot read and
keeps the exception for `--debug`. The error is logged inside the `except`
block, so a logging filter can still see the exception and append its reason.
The filters recognise Pelican's messages by their templates (`record.msg`, before the
values are put in) and read the values from `record.args`; tests/test_build_messages.py
fails, naming the template, when a Pelican release rewords one.
"""

import inspect
import logging
import os
import sys

from pelican import signals
from pelican.generators import PelicanTemplateNotFound

from common.problems import ProblemCounter

from .reasons import describe_failure

logger = logging.getLogger(__name__)

FAILED_FILE_MESSAGE = "Could not process %s"


class FailureReasonFilter(logging.Filter):
    """Rewrite "Could not process FILE" as a German message that also says why."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg == FAILED_FILE_MESSAGE:
            error = sys.exc_info()[1]
            reason = describe_failure(error) if error else "unbekannter Fehler"
            record.msg = "Datei %s konnte nicht verarbeitet werden: %s"
            record.args = (*record.args, reason)
        return True


MISSING_LINK_TARGET_MESSAGE = "Unable to find '%s', skipping url replacement."
MISSING_PROPERTY_MESSAGE = "Skipping %s: could not find information about '%s'"
UNKNOWN_STATUS_MESSAGE = "Unknown status '%s' for file %s, skipping it. (Not in %s)"
OUTSIDE_OUTPUT_MESSAGE = "Skipping %s: file %r would be written outside output path"
ATTACH_MESSAGE = (
    "The {attach} link in %s cannot relocate %s because %s. Falling back to {filename} link behavior instead."
)
ATTACH_REASONS = {
    "another link already referenced its location": "eine andere Datei sie schon verlinkt",
    "its output location was already overridden": "ihr Platz schon festgelegt ist",
}
INVALID_SLUG_MESSAGE = 'Unable to generate valid slug for %s "%s".'
SLUG_OWNERS = {"Author": "Author", "Category": "Category", "Tag": "Tags"}
# Pelican replaces a message by its group's summary from the fifth of a kind on.
GROUP_MESSAGES = {
    "Other resources were not found and their urls not replaced": "Weitere Links führen ins Leere (siehe oben).",
    "More {attach} warnings silenced.": "Weitere Links mit {attach} wie oben.",
    "Other invalid slugs.": "Weitere Angaben, aus denen sich keine Webadresse bilden lässt (siehe oben).",
    "Other images have empty alt attributes": "Weitere Bilder ohne Alternativtext (siehe oben).",
}
EMPTY_ALT_MESSAGE = "Empty alt attribute for image %s in %s"
DUPLICATE_FIELD_MESSAGE = "Duplicate definition of `%s` for %s. Using first one."
# The metadata line an author writes for each property Pelican requires.
METADATA_NAMES = {"title": "Title", "date": "Date", "category": "Category"}


def _content_being_processed():
    """The content object whose links Pelican is replacing right now, found on the call stack.

    Pelican's warning about a missing link target does not say which file holds the link, and no
    signal or log field does; the content object is `self` in one of the calling frames (Pelican's
    `Content._link_replacer`). tests/test_build_messages.py fails loudly if Pelican stops doing so.
    """
    frame = inspect.currentframe().f_back
    while frame is not None:
        candidate = frame.f_locals.get("self")
        if candidate is not None and hasattr(candidate, "relative_source_path") and hasattr(candidate, "_content"):
            return candidate
        frame = frame.f_back
    return None


def _where(content) -> str:
    return getattr(content, "relative_source_path", None) or str(content)


class ContentMessageFilter(logging.Filter):
    """Rewrite Pelican's messages about a content file in German, naming the file and the fix."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg == MISSING_LINK_TARGET_MESSAGE:
            content = _content_being_processed()
            record.msg = (
                "%s: Der Link auf „%s“ führt ins Leere, diese Datei gibt es nicht. Prüfen Sie Schreibweise "
                "und Pfad: relativ zur Datei oder mit / ab dem Ordner content/."
            )
            record.args = (_where(content) if content is not None else "(unbekannte Datei)", *record.args)
        elif record.msg == MISSING_PROPERTY_MESSAGE:
            content, prop = record.args
            name = METADATA_NAMES.get(prop, prop)
            record.msg = "%s: Die Angabe „%s“ fehlt, die Datei wird übersprungen. Ergänzen Sie oben eine Zeile „%s: …“."
            record.args = (_where(content), name, name)
        elif record.msg == UNKNOWN_STATUS_MESSAGE:
            status, content, _ = record.args
            record.msg = (
                "%s: Den Status „%s“ gibt es nicht, die Datei wird übersprungen. "
                "Erlaubt sind published, draft und hidden."
            )
            record.args = (_where(content), status)
        elif record.msg == OUTSIDE_OUTPUT_MESSAGE:
            content, save_as = record.args
            record.msg = (
                "%s: Die Datei wird übersprungen, ihre Adresse „%s“ läge außerhalb der Website. "
                "Meist fehlt „Title“ oder „Slug“."
            )
            record.args = (_where(content), save_as)
        elif record.msg == ATTACH_MESSAGE:
            linking, target, reason = record.args
            record.msg = (
                "%s: Der Link mit {attach} auf „%s“ legt die Datei nicht neben diese Seite, weil %s; "
                "sie bleibt an ihrem Platz. Verlinken Sie sie mit {static} statt {attach}."
            )
            record.args = (linking, target, ATTACH_REASONS.get(reason, reason))
        else:
            _translate_group(record)
        return True


def _translate_group(record: logging.LogRecord) -> None:
    if isinstance(record.msg, str) and record.msg in GROUP_MESSAGES:
        record.msg, record.args = GROUP_MESSAGES[record.msg], ()


class SlugMessageFilter(logging.Filter):
    """Rewrite Pelican's "Unable to generate valid slug" for an author, category or tag in German."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg == INVALID_SLUG_MESSAGE:
            kind, name = record.args
            content = _content_being_processed()
            record.msg = (
                "%s: Aus „%s“ (%s) lässt sich keine Webadresse bilden. "
                "Schreiben Sie den Namen mit Buchstaben oder Ziffern oder löschen Sie die Angabe."
            )
            where = _where(content) if content is not None else "(unbekannte Datei)"
            record.args = (where, name, SLUG_OWNERS.get(kind, kind))
        else:
            _translate_group(record)
        return True


class ReaderMessageFilter(logging.Filter):
    """Rewrite Pelican's messages about one Markdown file's text in German."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg == EMPTY_ALT_MESSAGE:
            image, path = record.args
            record.msg = (
                "%s: Das Bild „%s“ hat einen leeren Alternativtext. Schreiben Sie in die eckigen Klammern "
                "von ![…](…), was zu sehen ist, oder „dekorativ“ bei reinem Schmuck."
            )
            record.args = (path, image)
        elif record.msg == DUPLICATE_FIELD_MESSAGE:
            name, path = record.args
            record.msg = "%s: Das Feld „%s“ steht mehrmals im Kopf; es gilt das erste. Löschen Sie die weiteren."
            record.args = (path, name)
        else:
            _translate_group(record)
        return True


class SiteMessageFilter(logging.Filter):
    """Rewrite Pelican's messages about several files or a missing static file in German."""

    def filter(self, record: logging.LogRecord) -> bool:
        text = str(record.msg)
        if text.startswith("There are %s items") or text.startswith("There are %s original"):
            count, *rest = record.args
            paths = [arg for arg in rest if isinstance(arg, str) and os.path.sep in arg]
            record.msg = "%s Dateien haben dieselbe Adresse (Slug und Sprache), nur eine wird veröffentlicht:%s"
            record.args = (count, "".join(f"\n  {path}" for path in paths))
        elif text.startswith('All items ("%s")'):
            count, _, *rest = record.args
            paths = [arg for arg in rest if isinstance(arg, str) and os.path.sep in arg]
            record.msg = (
                "%s Datei(en) mit derselben Adresse sind alle als Übersetzung markiert (Translation: true), "
                "keine ist das Original; gebaut werden sie trotzdem. Löschen Sie im Original die Zeile "
                "„Translation: true“:%s"
            )
            record.args = (count, "".join(f"\n  {path}" for path in paths))
        elif text.startswith("Cannot get modification stamp"):
            record.msg = "Die Datei %s gibt es nicht, sie wird aber verlinkt (meist mit {static})."
            record.args = record.args[:1]
        return True


class StrictBuildCounter(ProblemCounter):
    """The counter of one strict build; `invoke check` keeps its own ProblemCounter next to it."""


def install_filter(pelican_object):
    """Attach the message filters, and the problem counter for strict builds."""
    for logger_name, filter_class in (
        ("pelican.generators", FailureReasonFilter),
        ("pelican.contents", ContentMessageFilter),
        ("pelican.urlwrappers", SlugMessageFilter),
        ("pelican.readers", ReaderMessageFilter),
        ("pelican.utils", SiteMessageFilter),
        ("pelican.cache", SiteMessageFilter),
    ):
        named_logger = logging.getLogger(logger_name)
        if not any(isinstance(f, filter_class) for f in named_logger.filters):
            named_logger.addFilter(filter_class())
    if pelican_object.settings.get("BUILD_MESSAGES_STRICT"):
        counter = StrictBuildCounter()
        root = logging.getLogger()
        for stale in [handler for handler in root.handlers if isinstance(handler, StrictBuildCounter)]:
            root.removeHandler(stale)  # left by a strict build in this process that stopped before `finalized`
        if not root.handlers:
            # `pelican --log-handler plain` installs no handler and relies on Python's
            # last-resort output, which stops once any handler (ours) exists.
            root.addHandler(logging.StreamHandler())
        root.addHandler(counter)
        pelican_object.build_messages_counter = counter
        # Connected now, after every plugin's register(), not in register(): Pelican calls the
        # receivers of a signal in the order they were connected, so the check runs after every
        # other `finalized` receiver (CSS bundle, search index) and counts their messages too.
        signals.finalized.connect(fail_strict_build)


def fail_strict_build(pelican_object):
    """In strict builds (publish), end with exit code 1 if anything was reported.

    Unlike Pelican's `--fatal warnings`, which stops at the first warning with a
    traceback, this lets the build report every problem first.
    """
    counter = getattr(pelican_object, "build_messages_counter", None)
    if counter is None:
        return
    logging.getLogger().removeHandler(counter)
    if counter.count:
        print(
            f"Abgebrochen: {counter.count} Warnung(en) oder Fehler (siehe oben). "
            "Im strengen Modus (Veröffentlichen) muss jede Meldung behoben sein.",
            file=sys.stderr,
        )
        raise SystemExit(1)


LISTING_TEMPLATES = ("base", "category", "tag", "author", "categories", "authors", "period_archives")


def fall_back_to_default_template(generator):
    """Give items whose `Template:` the theme lacks, or is not made for them, the default template, with a warning.

    Without this, Pelican stops the whole build with a traceback at write time.
    """
    default = "article" if hasattr(generator, "articles") else "page"
    items = [
        item
        for name in ("articles", "translations", "hidden_articles", "drafts", "pages", "hidden_pages", "draft_pages")
        for item in getattr(generator, name, [])
    ]
    # Templates for lists or for the other kind of item: an article rendered with page.html stops the build.
    other_kinds = {"page" if default == "article" else "article", *LISTING_TEMPLATES}
    other_kinds.update(generator.settings.get("DIRECT_TEMPLATES", []))
    for item in items:
        if item.template == default:
            continue
        if item.template in other_kinds:
            logger.warning(
                "%s: Die Vorlage „%s“ (Template) ist nicht für diese Art von Seite gemacht; sie wird mit der "
                "Standardvorlage „%s“ gebaut. Löschen Sie die Zeile „Template:“.",
                item.relative_source_path,
                item.template,
                default,
            )
            item.template = default
            continue
        try:
            generator.get_template(item.template)
        except PelicanTemplateNotFound:
            logger.warning(
                "%s: Die Vorlage „%s“ (Template) gibt es im Theme nicht; die Seite wird mit der "
                "Standardvorlage „%s“ gebaut. Löschen Sie die Zeile „Template:“ oder nennen Sie "
                "eine Vorlage aus theme/templates/.",
                item.relative_source_path,
                item.template,
                default,
            )
            item.template = default


def register():
    """Connect the signals."""
    signals.initialized.connect(install_filter)  # also connects fail_strict_build, see there
    signals.article_generator_finalized.connect(fall_back_to_default_template)
    signals.page_generator_finalized.connect(fall_back_to_default_template)
