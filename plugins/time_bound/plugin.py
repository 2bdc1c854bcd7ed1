"""Pelican glue: when time alone would change this site, for a rebuild that skips an unchanged site.

A site built from unchanged sources is the same site only until some moment in it passes: an
article's date (an embargo lifts, Pelican publishes a future-dated article), an event ending, a
series' next date moving into the listing (`item.event.changes_at`, set by the events plugin). With
TIME_BOUND_FILE set, the build writes those moments (from a day before the build on) to that file as
JSON; `site_record` (the build tasks) keeps the site only until the first of them after the build began.
"""

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pelican import signals

from common.settings import settings_reader

DEFAULTS = {"TIME_BOUND_FILE": None}
setting = settings_reader(DEFAULTS)

# Moments this long before the build are left out: a build takes minutes, never a day.
LOOK_BACK = timedelta(days=1)


def moments_of(items, since: datetime) -> list[datetime]:
    """Every moment after `since` at which an item's output may change by time alone, sorted, once each."""
    found = set()
    for item in items:
        date = getattr(item, "date", None)
        if isinstance(date, datetime) and date.tzinfo is not None:
            found.add(date)
        event = getattr(item, "event", None)
        changes_at = getattr(event, "changes_at", None)
        if changes_at is not None:
            found.add(changes_at)
    return sorted(moment.astimezone(UTC) for moment in found if moment > since)


def write_moments(generators) -> None:
    """Once every item is read and the events know their dates: the moments, to TIME_BOUND_FILE."""
    target = setting(generators[0].settings, "TIME_BOUND_FILE")
    if not target:
        return
    items = generators[0].context["generated_content"].values()
    since = datetime.now(UTC) - LOOK_BACK
    Path(target).write_text(json.dumps([moment.isoformat() for moment in moments_of(items, since)]), "utf-8")


def register():
    # After the events plugin on the same signal (PLUGINS order): its `changes_at` must be set.
    signals.all_generators_finalized.connect(write_moments)
