"""Pure functions: which events are upcoming at the build's "now", in which order, grouped how."""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from itertools import groupby

from .fields import Event
from .recurrence import add_months, earliest_reaching, occurrences

# How far past the horizon `next_change` looks for a series' next date; beyond that it answers
# "one year from now", which only makes a skipped rebuild happen sooner (see `site_record`).
LOOK_PAST_HORIZON_MONTHS = 12


@dataclass(frozen=True)
class Listed:
    """One line of a listing: an item (in the page's language where translated) at one start time."""

    item: object
    start: datetime
    end: datetime | None
    series: bool  # one date of a recurring event
    event: Event  # the original's: a translation may not repeat the Event_* lines
    more: tuple[datetime, ...] = ()  # a series' further starts in the same month (see `by_month`)


def refresh(event: Event, now: datetime, months: int) -> None:
    """Set `occurrences` (recurring events, within `months`) and `upcoming` (not yet ended at `now`)."""
    if event.recurrence:
        event.occurrences = occurrences(event.start, event.end, event.recurrence, now, months)
        # A series that begins after the horizon is upcoming too, with no dates to list yet but its first.
        event.upcoming = bool(event.occurrences) or event.start > now
    else:
        event.occurrences = []
        event.upcoming = event.last_moment > now
    event.changes_at = next_change(event, now, months)


def next_change(event: Event, now: datetime, months: int) -> datetime | None:
    """The first moment after `now` at which `refresh` would answer otherwise: a single event when it is
    over; a series when a listed date ends, when its first date comes, and when the next date beyond
    the horizon moves into it (with none in sight, a year on: earlier than needed, never later). A
    rebuild that trusts an unchanged site up to this moment lists events as a fresh build would."""
    if not event.recurrence:
        return event.last_moment if event.last_moment > now else None
    duration = event.end - event.start if event.end is not None else timedelta(0)
    listed = occurrences(event.start, event.end, event.recurrence, now, months)
    moments = [start + duration for start in listed]
    if event.start > now:
        moments.append(event.start)
    horizon = add_months(now, months)
    later = occurrences(event.start, event.end, event.recurrence, horizon, LOOK_PAST_HORIZON_MONTHS)
    beyond = [start for start in later if start >= horizon and start not in listed]
    if beyond:
        moments.append(earliest_reaching(beyond[0], months))
    else:
        moments.append(add_months(now, LOOK_PAST_HORIZON_MONTHS))
    return min(moments)


def version_in(item, lang: str):
    """The item's translation in `lang`, else the item itself (shown marked as German)."""
    if getattr(item, "lang", None) == lang:
        return item
    translations = getattr(item, "translations", [])
    return next((other for other in translations if other.lang == lang and _published(other)), item)


def _published(item) -> bool:
    """Drafts and hidden translations are never listed: a published page must not link to them."""
    return getattr(item, "status", "published") == "published"


def upcoming(originals: list, lang: str) -> list[Listed]:
    """Every upcoming date of the `originals` (recurring series once per occurrence), earliest first."""
    entries = []
    for original in originals:
        event = original.event
        if event is None or not event.upcoming:
            continue
        shown = version_in(original, lang)
        if event.recurrence:
            duration = event.end - event.start if event.end is not None else None
            for start in event.occurrences or [event.start]:
                entries.append(Listed(shown, start, start + duration if duration else None, True, event))
        else:
            entries.append(Listed(shown, event.start, event.end, False, event))
    return sorted(entries, key=lambda entry: (entry.start, str(entry.item.title)))


def next_distinct(entries: list[Listed], count: int) -> list[Listed]:
    """The first `count` entries, each item once (a weekly series does not fill the home page)."""
    seen, chosen = set(), []
    for entry in entries:
        if entry.item.slug in seen:
            continue
        seen.add(entry.item.slug)
        chosen.append(entry)
        if len(chosen) == count:
            break
    return chosen


def by_month(entries: list[Listed]) -> list[tuple[datetime, list[Listed]]]:
    """Entries grouped by the month they start in, each group keyed by its first start.

    A series appears once per month, at its first date there, with its further dates of that month
    in `more`: a weekly Sprechstunde is four lines a year's listing needs twelve of, not fifty-two.
    """
    groups = groupby(entries, key=lambda entry: (entry.start.year, entry.start.month))
    return [(members[0].start, _one_per_series(members)) for _, group in groups for members in [list(group)]]


def _one_per_series(entries: list[Listed]) -> list[Listed]:
    """The entries of one month, each series' dates gathered in its first entry."""
    firsts: dict[int, int] = {}  # id of the series' event -> position of its first entry in `merged`
    merged: list[Listed] = []
    for entry in entries:
        if not entry.series:
            merged.append(entry)
        elif id(entry.event) in firsts:
            position = firsts[id(entry.event)]
            merged[position] = replace(merged[position], more=(*merged[position].more, entry.start))
        else:
            firsts[id(entry.event)] = len(merged)
            merged.append(entry)
    return merged


def past_by_year(originals: list, lang: str) -> list[tuple[int, list[Listed]]]:
    """Events that have ended, newest first, grouped by the year they started in."""
    past = [
        Listed(
            version_in(original, lang),
            original.event.start,
            original.event.end,
            bool(original.event.recurrence),
            original.event,
        )
        for original in originals
        if original.event is not None and not original.event.upcoming
    ]
    past.sort(key=lambda entry: (entry.start, str(entry.item.title)), reverse=True)
    return [(year, list(group)) for year, group in groupby(past, key=lambda entry: entry.start.year)]
