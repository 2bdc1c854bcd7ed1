"""Pure function: an event as schema.org `Event` (JSON-LD) with what Google lists as required and recommended."""

import re

from .fields import Event

SCHEMA = "https://schema.org"
_POSTAL = re.compile(r"(?P<code>\d{5})\s+(?P<town>[^,]+)$")


def postal_address(line: str, country: str = "DE") -> dict:
    """One-line location „Haus der Begegnung, Lindenstraße 12, 55555 Musterstadt“ as a PostalAddress.

    The last part with a five-digit code gives postal code and town, the part before it the street;
    anything else is kept whole as the street, so nothing written is lost.
    """
    parts = [part.strip() for part in line.split(",") if part.strip()]
    address = {"@type": "PostalAddress", "addressCountry": country}
    match = _POSTAL.match(parts[-1]) if parts else None
    if match and len(parts) >= 2:
        address.update(postalCode=match["code"], addressLocality=match["town"].strip(), streetAddress=parts[-2])
    else:
        address["streetAddress"] = line
    return address


def place_name(line: str) -> str:
    """The place's name: the first part of the location line."""
    return line.split(",")[0].strip() or line


def _iso(event: Event, moment) -> str:
    return moment.date().isoformat() if event.all_day else moment.isoformat()


def event_schema(
    event: Event,
    *,
    name: str,
    description: str,
    url: str,
    language: str,
    image: str | None,
    organizer: dict,
    start=None,
) -> dict:
    """The `Event` object; `location` is a Place, a VirtualLocation or both (hybrid).

    `start`: the date to announce if not the first (a series' next date); the end moves with it.
    """
    shift = (start - event.start) if start is not None else None
    locations = []
    if event.location:
        locations.append(
            {"@type": "Place", "name": place_name(event.location), "address": postal_address(event.location)}
        )
    if event.online:
        locations.append({"@type": "VirtualLocation", "url": event.online})
    mode = "Mixed" if event.location and event.online else "Online" if event.online else "Offline"
    status = {"abgesagt": "EventCancelled", "verschoben": "EventRescheduled"}.get(event.status, "EventScheduled")
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": name,
        "startDate": _iso(event, start or event.start),
        "eventStatus": f"{SCHEMA}/{status}",
        "eventAttendanceMode": f"{SCHEMA}/{mode}EventAttendanceMode",
        "organizer": {"@type": "GovernmentOrganization", **organizer},
        "inLanguage": language,
    }
    if event.end is not None:
        data["endDate"] = _iso(event, event.end + shift if shift else event.end)
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if description:
        data["description"] = description
    if url:
        data["url"] = url
    if image:
        data["image"] = [image]
    if event.previous_start is not None:
        data["previousStartDate"] = _iso(event, event.previous_start)
    return data
