"""Pure functions: a contact as a vCard 3.0 (made with vobject), for the address book of any phone or mail program."""

import vobject

from .data import Contact
from .present import days_text


def hours_note(contact: Contact) -> str:
    """The Sprechzeiten and the other notes in German, one line each, for the vCard's NOTE."""
    rows = []
    for row in contact.hours:
        days = days_text(row.days, "de_DE", "{first} bis {last}")
        rows.append(f"{days} {row.opens:%H:%M}–{row.closes:%H:%M} Uhr")
    parts = []
    if rows or contact.hours_note:
        parts.append("Sprechzeiten: " + "; ".join([*rows, *([contact.hours_note] if contact.hours_note else [])]))
    if contact.accessibility:
        parts.append(f"Barrierefreiheit: {contact.accessibility}")
    if contact.interpreter:
        parts.append(f"Dolmetschen: {contact.interpreter}")
    return "\n".join(parts)


def vcard(contact: Contact, office: str, organisation: str, country: str, url: str = "") -> str:
    """The vCard text: the role and office as name (FN, ORG, TITLE), never a person; e-mail, phone, address, hours."""
    card = vobject.vCard()
    # vCard 3.0 requires N; it stays empty because the contact is a role, not a person.
    card.add("n").value = vobject.vcard.Name()
    card.add("fn").value = contact.role if office in contact.role else f"{contact.role} – {office}"
    card.add("org").value = [organisation, office]
    card.add("title").value = contact.role
    if contact.email:
        email = card.add("email")
        email.value = contact.email
        email.type_param = ["INTERNET", "WORK"]
    if contact.phone:
        phone = card.add("tel")
        phone.value = contact.phone
        phone.type_param = ["WORK", "VOICE"]
    if contact.address:
        address = card.add("adr")
        address.value = vobject.vcard.Address(
            extended=contact.address.room,
            street=contact.address.street,
            city=contact.address.locality,
            code=contact.address.postal_code,
            country=country,
        )
        address.type_param = ["WORK"]
    note = hours_note(contact)
    if note:
        card.add("note").value = note
    if url:
        card.add("url").value = url
    return card.serialize()
