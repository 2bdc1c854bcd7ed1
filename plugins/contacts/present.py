"""Pure functions: a contact as the contact box shows it in one language (weekdays, times, languages via Babel)."""

from dataclasses import dataclass
from datetime import time

from babel import Locale
from babel.dates import format_time, get_day_names
from babel.lists import format_list

from common.languages import localise_digits

from .data import Contact, LocalText


@dataclass(frozen=True)
class HoursRow:
    """One line of Sprechzeiten: the days as text, the times for `<time datetime>` and as shown."""

    days: str
    opens: str
    closes: str
    opens_text: str
    closes_text: str


@dataclass(frozen=True)
class ContactView:
    """Everything the contact box shows, in the page's language (texts fall back to German)."""

    key: str
    role: LocalText
    email: str
    phone: str
    tel_uri: str
    street: str
    town: str
    room: LocalText
    hours: tuple[HoursRow, ...]
    hours_note: LocalText
    languages: str
    accessibility: LocalText
    interpreter: LocalText
    vcard_url: str


def _capitalised(text: str) -> str:
    """A label's first letter upper case (Ukrainian weekdays are written in lower case)."""
    return text[:1].upper() + text[1:]


def days_text(days: tuple[int, ...], locale: str, range_pattern: str) -> str:
    """Weekdays (0 = Monday) in `locale`: three or more in a row as a span ("Montag bis Freitag"), others listed."""
    names = get_day_names("wide", locale=locale)
    runs, run = [], []
    for day in sorted(days):
        if run and day != run[-1] + 1:
            runs.append(run)
            run = []
        run.append(day)
    if run:
        runs.append(run)
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(range_pattern.format(first=names[run[0]], last=names[run[-1]]))
        else:
            parts += [names[day] for day in run]
    return _capitalised(format_list(parts, locale=locale)) if parts else ""


def time_text(value: time, locale: str) -> str:
    """A time of day as readers of `locale` write it, in their digits: 09:00, ٩:٠٠ ص, ۹:۰۰."""
    return localise_digits(format_time(value, "short", locale=locale), Locale.parse(locale).default_numbering_system)


def language_names(codes, locale: str) -> str:
    """Language codes as names in `locale`, as a list: „Deutsch und Englisch“, "الألمانية والإنجليزية"."""
    names = [Locale.parse(code).get_display_name(locale) or code for code in codes]
    return format_list(names, locale=locale) if names else ""


def contact_view(contact: Contact, lang: str, locale: str, range_pattern: str) -> ContactView:
    """`contact` prepared for a page in `lang` (CLDR locale `locale`); `range_pattern` like "{first} bis {last}"."""
    address = contact.address
    town = " ".join(part for part in (address.postal_code, address.locality) if part) if address else ""
    return ContactView(
        key=contact.key,
        role=contact.text("role", lang),
        email=contact.email,
        phone=contact.phone,
        tel_uri=contact.tel_uri if contact.phone else "",
        street=address.street if address else "",
        town=town,
        room=contact.text("room", lang),
        hours=tuple(
            HoursRow(
                days=days_text(row.days, locale, range_pattern),
                opens=f"{row.opens:%H:%M}",
                closes=f"{row.closes:%H:%M}",
                opens_text=time_text(row.opens, locale),
                closes_text=time_text(row.closes, locale),
            )
            for row in contact.hours
        ),
        hours_note=contact.text("hours_note", lang),
        languages=language_names(contact.languages, locale),
        accessibility=contact.text("accessibility", lang),
        interpreter=contact.text("interpreter", lang),
        vcard_url=contact.vcard_url,
    )
