"""Pure function: a contact as a schema.org `ContactPoint` (JSON-LD) with its hours and languages."""

from .data import WEEKDAYS_EN, Contact


def contact_point(contact: Contact, lang: str, area: str) -> dict:
    """The `ContactPoint` of `contact` for a page in `lang`: type (the role), e-mail, phone, area, languages, hours."""
    point = {
        "@context": "https://schema.org",
        "@type": "ContactPoint",
        "contactType": contact.text("role", lang).text,
    }
    if contact.email:
        point["email"] = contact.email
    if contact.phone:
        point["telephone"] = contact.phone
    if area:
        point["areaServed"] = {"@type": "City", "name": area}
    if contact.languages:
        point["availableLanguage"] = list(contact.languages)
    if contact.hours:
        point["hoursAvailable"] = [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": [f"https://schema.org/{WEEKDAYS_EN[day]}" for day in row.days],
                "opens": f"{row.opens:%H:%M}",
                "closes": f"{row.closes:%H:%M}",
            }
            for row in contact.hours
        ]
    return point
