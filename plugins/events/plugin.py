"""Pelican glue: `item.event` from the Event_* fields; problems for content_checks."""

from pelican import signals
from pelican.contents import Article, Page

from .fields import parse_event


def read_event(item):
    """Set `item.event` (or None) and report bad Event_* values as `item.field_problems`."""
    if not isinstance(item, Article | Page):
        return
    settings = item.settings
    event, problems = parse_event(
        item.metadata, settings.get("TIMEZONE", "Europe/Berlin"), settings.get("SITE_LANGUAGES", {})
    )
    item.event = event
    if problems:
        item.field_problems = [*getattr(item, "field_problems", []), *problems]


def register():
    """Connect the signals."""
    signals.content_object_init.connect(read_event)
