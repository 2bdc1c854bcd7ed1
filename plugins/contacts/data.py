"""Pure functions: read and check content/kontakte.toml, the contacts shown by `Contact_box:`."""

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from datetime import time

from babel import Locale, UnknownLocaleError

# A problem in the file: (line, what, fix), in German; the plugin adds the file's path.
FileProblem = tuple[int, str, str]

TEXT_FIELDS = ("role", "hours_note", "accessibility", "interpreter")
FIELDS = (*TEXT_FIELDS, "email", "phone", "languages", "address", "hours")
ADDRESS_FIELDS = ("room", "street", "postal_code", "locality")
HOURS_FIELDS = ("days", "opens", "closes")
# What a translation table ([beratung.en]) may override: texts, and the room's description.
TRANSLATABLE = (*TEXT_FIELDS, "room")

# Weekdays as office staff write them, Monday = 0 (as Python and Babel count).
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
# schema.org's DayOfWeek names, same order.
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DAY_NAMES = {name.lower(): number for number, name in enumerate(WEEKDAYS)} | {
    name[:2].lower(): number for number, name in enumerate(WEEKDAYS)
}
_DAY_RANGE = re.compile(r"^\s*(\S+?)\s*(?:-|–|bis)\s*(\S+)\s*$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_PHONE = re.compile(r"^\+?\d[\d ()/\-]{4,}\d$")
_HEADER = re.compile(r"^\s*\[(\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)|\(at end of document\)")
# tomllib explains in English; authors read German.
_TOML_REASONS = {
    "Invalid value": 'Der Wert ist ungültig (Text gehört in Anführungszeichen, z. B. "09:00")',
    "Expected '=' after a key in a key/value pair": "Nach dem Namen fehlt „=“",
    "Cannot overwrite a value": "Ein Name steht zweimal",
    "Cannot declare": "Eine Tabelle [ … ] steht zweimal",
    "Unterminated string": "Ein Text endet nicht mit einem Anführungszeichen",
    "Unclosed array": "Eine Liste [ … ] wird nicht geschlossen",
    "Invalid statement": "Die Zeile ist weder „name = wert“ noch eine Tabelle [ … ]",
    "Illegal character": "Die Zeile enthält ein unerlaubtes Zeichen",
    "Expected newline or end of document after a statement": "Nach dem Wert steht noch etwas in derselben Zeile",
}
TOML_FIX = (
    'Schreiben Sie jede Angabe als name = "Text" in eine eigene Zeile, Listen als ["de", "en"] '
    "und jeden Kontakt als Tabelle [schlüssel]; Vorlage: die anderen Kontakte in der Datei"
)


@dataclass(frozen=True)
class LocalText:
    """A text and the language it is written in (German when the page's language has no translation)."""

    text: str
    lang: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Address:
    """Where the office is: street, postal code, town, and the room or floor (translatable)."""

    street: str = ""
    postal_code: str = ""
    locality: str = ""
    room: str = ""


@dataclass(frozen=True)
class OpeningHours:
    """One row of Sprechzeiten: the weekdays (0 = Monday) and the time from and to."""

    days: tuple[int, ...]
    opens: time
    closes: time


@dataclass(frozen=True, eq=False)
class Contact:
    """A contact of `content/kontakte.toml`: a role and its office, never a required personal name."""

    key: str
    role: str
    email: str = ""
    phone: str = ""
    address: Address | None = None
    hours: tuple[OpeningHours, ...] = ()
    hours_note: str = ""
    languages: tuple[str, ...] = ()
    accessibility: str = ""
    interpreter: str = ""
    translations: dict = field(default_factory=dict)  # lang → {field: text}
    vcard_url: str = ""
    default_lang: str = "de"

    def text(self, name: str, lang: str) -> LocalText:
        """The text `name` (role, hours_note, accessibility, interpreter, room) in `lang`, else in German."""
        translated = self.translations.get(lang, {}).get(name)
        if translated:
            return LocalText(translated, lang)
        value = self.address.room if name == "room" and self.address else getattr(self, name, "")
        return LocalText(value or "", self.default_lang)

    @property
    def tel_uri(self) -> str:
        """The phone number for a `tel:` link: digits only, with a leading +."""
        return "tel:" + re.sub(r"(?!^\+)\D", "", self.phone)


def toml_problem(error: tomllib.TOMLDecodeError, text: str) -> FileProblem:
    """A TOML syntax error as one German problem at its line."""
    message = str(error)
    position = _TOML_POSITION.search(message)
    if position and position.group(1):
        line, column = int(position.group(1)), int(position.group(2))
    else:
        line, column = max(1, len(text.splitlines())), None
    reason = message[: position.start()].strip() if position else message
    german = next((value for key, value in _TOML_REASONS.items() if reason.startswith(key)), None)
    where = f" (Spalte {column})" if column else ""
    what = f"Die Kontaktdatei ist kein gültiges TOML{where}: {german or 'die Zeile lässt sich nicht lesen'}"
    return line, what, TOML_FIX


def value_line(text: str, table: tuple[str, ...], name: str | None = None, index: int = 0) -> int:
    """Line of `name = …` in the table `[a.b]` (or the `index`-th `[[a.b]]`), else of the table, else 1."""
    lines = text.splitlines()
    header_line, inside, seen = None, False, -1
    for number, line in enumerate(lines, start=1):
        header = _HEADER.match(line)
        if header:
            parts = tuple(part.strip().strip("\"'") for part in header.group(2).split("."))
            if parts == table:
                seen += 1
                inside = seen == index if header.group(1) else True
                if inside and header_line is None:
                    header_line = number
            else:
                inside = False
            continue
        if inside and name and re.match(rf"\s*[\"']?{re.escape(name)}[\"']?\s*=", line):
            return number
    return header_line or next(
        (number for number, line in enumerate(lines, start=1) if _HEADER.match(line) and table[0] in line), 1
    )


def _suggestion(name: str, known) -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"Meinten Sie „{close[0]}“? " if close else ""


def parse_days(value) -> tuple[tuple[int, ...], list[str]]:
    """Weekdays from "Di", ["Mo", "Mi"] or "Mo-Fr" (German names or their first two letters), and the unknown ones."""
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else [str(value)]
    days, unknown = [], []
    for item in items:
        item = str(item)
        span = _DAY_RANGE.match(item)
        names = [span.group(1), span.group(2)] if span else [item.strip()]
        numbers = [_DAY_NAMES.get(name.strip(".").lower()) for name in names]
        if None in numbers:
            unknown += [name for name, number in zip(names, numbers, strict=True) if number is None]
            continue
        first, last = numbers[0], numbers[-1]
        days += range(first, last + 1) if last >= first else [*range(first, 7), *range(0, last + 1)]
    return tuple(sorted(set(days))), unknown


def parse_time(value) -> time | None:
    """A time of day from "09:00", "9:00" or a TOML time; None when it is no time of day (25:00)."""
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    match = _TIME.match(str(value).strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        return None
    return time(int(match.group(1)), int(match.group(2)))


def is_language_code(code: str) -> bool:
    """Whether Babel knows `code` as a language (de, en, ar, tr, uk, fa, ru, …)."""
    try:
        Locale.parse(code)
    except (ValueError, TypeError, UnknownLocaleError):
        return False
    return True


class _Checker:
    """Collects the problems of one contact, each at the line of its value."""

    def __init__(self, text: str, key: str):
        self.text, self.key, self.problems = text, key, []

    def report(self, what: str, fix: str, table: tuple[str, ...] = (), name: str | None = None, index: int = 0):
        line = value_line(self.text, (self.key, *table), name, index)
        self.problems.append((line, f"Kontakt „{self.key}“: {what}", fix))


def _string(checker: _Checker, data: dict, name: str, table: tuple[str, ...] = ()) -> str:
    value = data.get(name, "")
    if isinstance(value, str):
        return value.strip()
    checker.report(f"„{name}“ ist kein Text", f'Schreiben Sie den Wert in Anführungszeichen: {name} = "…"', table, name)
    return ""


def _address(checker: _Checker, data) -> Address | None:
    if data is None:
        return None
    if not isinstance(data, dict):
        checker.report(
            "„address“ ist keine Tabelle",
            "Schreiben Sie die Anschrift als eigene Tabelle [schlüssel.address] mit street, postal_code, locality, room",
            name="address",
        )
        return None
    for name in data:
        if name not in ADDRESS_FIELDS:
            checker.report(
                f"unbekannte Angabe „{name}“ in der Anschrift",
                f"{_suggestion(name, ADDRESS_FIELDS)}Erlaubt sind {', '.join(ADDRESS_FIELDS)}",
                ("address",),
                name,
            )
    values = {name: _string(checker, data, name, ("address",)) for name in ADDRESS_FIELDS}
    if values["postal_code"] and not re.fullmatch(r"\d{5}", values["postal_code"]):
        checker.report(
            f"Postleitzahl „{values['postal_code']}“ hat nicht fünf Ziffern",
            'Schreiben Sie die Postleitzahl mit fünf Ziffern in Anführungszeichen, z. B. postal_code = "55555"',
            ("address",),
            "postal_code",
        )
    return Address(**values)


def _hours(checker: _Checker, data) -> tuple[OpeningHours, ...]:
    if data is None:
        return ()
    fix_table = 'Schreiben Sie jede Zeile als [[schlüssel.hours]] mit days = "Di", opens = "09:00", closes = "12:00"'
    if not isinstance(data, list) or not all(isinstance(entry, dict) for entry in data):
        checker.report("„hours“ ist keine Liste von Sprechzeiten", fix_table, name="hours")
        return ()
    rows = []
    for index, entry in enumerate(data):
        where = {"table": ("hours",), "index": index}
        for name in entry:
            if name not in HOURS_FIELDS:
                checker.report(
                    f"unbekannte Angabe „{name}“ in den Sprechzeiten",
                    f"{_suggestion(name, HOURS_FIELDS)}Erlaubt sind days, opens und closes",
                    name=name,
                    **where,
                )
        days, unknown = parse_days(entry.get("days", []))
        for name in unknown:
            checker.report(
                f"unbekannter Wochentag „{name}“",
                f"{_suggestion(name, [*WEEKDAYS, *(day[:2] for day in WEEKDAYS)])}Schreiben Sie Mo, Di, Mi, Do, Fr, Sa, So "
                '(oder ausgeschrieben), mehrere als Liste ["Di", "Do"] oder als Spanne "Mo-Fr"',
                name="days",
                **where,
            )
        if not days and not unknown:
            checker.report("Sprechzeit ohne Wochentag", 'Ergänzen Sie z. B. days = "Di"', name="days", **where)
        times = {}
        for name in ("opens", "closes"):
            value = entry.get(name)
            times[name] = parse_time(value) if value is not None else None
            if times[name] is None:
                shown = f"„{value}“ ist keine Uhrzeit" if value is not None else "die Uhrzeit fehlt"
                label = "Beginn" if name == "opens" else "Ende"
                checker.report(
                    f"{label} der Sprechzeit ({name}): {shown}",
                    f'Schreiben Sie die Uhrzeit von 00:00 bis 23:59 in Anführungszeichen, z. B. {name} = "09:00"',
                    name=name,
                    **where,
                )
        opens, closes = times["opens"], times["closes"]
        if opens and closes and closes <= opens:
            checker.report(
                f"die Sprechzeit endet ({closes:%H:%M}) nicht nach ihrem Beginn ({opens:%H:%M})",
                "Vertauschen Sie opens und closes oder korrigieren Sie eine der Uhrzeiten",
                name="closes",
                **where,
            )
        elif days and opens and closes:
            rows.append(OpeningHours(days, opens, closes))
    return tuple(rows)


def _languages(checker: _Checker, data) -> tuple[str, ...]:
    if data is None:
        return ()
    items = [data] if isinstance(data, str) else data if isinstance(data, list) else []
    codes = []
    for code in items:
        if isinstance(code, str) and is_language_code(code.strip()):
            codes.append(code.strip())
        else:
            checker.report(
                f"unbekannter Sprachcode „{code}“",
                'Schreiben Sie die Sprachen als Liste von Sprachcodes, z. B. languages = ["de", "en", "ar"]',
                name="languages",
            )
    return tuple(codes)


def parse_contact(key: str, data, text: str, languages, default_lang: str) -> tuple[Contact | None, list]:
    """One contact table, checked: the contact (None when unusable) and its problems."""
    checker = _Checker(text, key)
    if not isinstance(data, dict):
        checker.report(
            "ist keine Tabelle",
            f'Schreiben Sie den Kontakt als Tabelle: [{key}] und darunter role = "…", email = "…"',
        )
        return None, checker.problems
    translations = {}
    for name, value in data.items():
        if name in FIELDS:
            continue
        if name in languages and name != default_lang:
            translations[name] = _translation(checker, name, value)
            continue
        checker.report(
            f"unbekannte Angabe „{name}“",
            f"{_suggestion(name, [*FIELDS, *languages])}Erlaubt sind {', '.join(FIELDS)} "
            f"und Übersetzungen als [{key}.en] usw. ({', '.join(lang for lang in languages if lang != default_lang)})",
            name=name,
        )
    texts = {name: _string(checker, data, name) for name in TEXT_FIELDS}
    email, phone = _string(checker, data, "email"), _string(checker, data, "phone")
    if email and not _EMAIL.match(email):
        checker.report(
            f"„{email}“ ist keine E-Mail-Adresse",
            'Schreiben Sie die Adresse vollständig, z. B. email = "integration@example.org"',
            name="email",
        )
        email = ""
    if phone and not _PHONE.match(phone):
        checker.report(
            f"„{phone}“ ist keine Telefonnummer",
            'Schreiben Sie nur Ziffern, Leerzeichen, „-“ und „/“, am besten mit Vorwahl: phone = "+49 30 23125-101"',
            name="phone",
        )
        phone = ""
    if not texts["role"]:
        checker.report(
            "die Rolle (role) fehlt",
            'Ergänzen Sie z. B. role = "Beratung im Migrations- und Integrationsbüro" (eine Aufgabe, kein Name)',
        )
    if not email and not phone and "email" not in data and "phone" not in data:
        checker.report("weder E-Mail noch Telefon", 'Ergänzen Sie email = "…@example.org" oder phone = "…"')
    contact = Contact(
        key=key,
        email=email,
        phone=phone,
        address=_address(checker, data.get("address")),
        hours=_hours(checker, data.get("hours")),
        languages=_languages(checker, data.get("languages")),
        translations=translations,
        default_lang=default_lang,
        **texts,
    )
    return (contact if contact.role else None), checker.problems


def _translation(checker: _Checker, lang: str, data) -> dict:
    if not isinstance(data, dict):
        checker.report(
            f"die Übersetzung „{lang}“ ist keine Tabelle",
            f'Schreiben Sie sie als Tabelle [{checker.key}.{lang}] mit role = "…" usw.',
            name=lang,
        )
        return {}
    texts = {}
    for name, value in data.items():
        if name not in TRANSLATABLE:
            checker.report(
                f"„{name}“ lässt sich nicht übersetzen (Übersetzung „{lang}“)",
                f"{_suggestion(name, TRANSLATABLE)}Übersetzt werden nur {', '.join(TRANSLATABLE)}; "
                "E-Mail, Telefon, Zeiten und Sprachen gelten für alle Sprachen",
                (lang,),
                name,
            )
        elif isinstance(value, str) and value.strip():
            texts[name] = value.strip()
        else:
            checker.report(
                f"„{name}“ der Übersetzung „{lang}“ ist kein Text",
                f'Schreiben Sie den Wert in Anführungszeichen: {name} = "…"',
                (lang,),
                name,
            )
    return texts


def parse_contacts(text: str, languages, default_lang: str = "de") -> tuple[dict[str, Contact], list[FileProblem]]:
    """All contacts of the file's text, by key, and every problem found (a broken file: exactly one)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return {}, [toml_problem(error, text)]
    contacts, problems = {}, []
    for key, table in data.items():
        contact, found = parse_contact(key, table, text, list(languages), default_lang)
        problems += found
        if contact is not None:
            contacts[key] = contact
    return contacts, sorted(problems)


def unknown_key_problem(key: str, known, file_name: str) -> tuple[str, str]:
    """What and fix for `Contact_box:` naming a contact the file does not have."""
    suggestion = _suggestion(key, known)
    keys = ", ".join(sorted(known)) or "(noch keine)"
    return (
        f"Den Kontakt „{key}“ gibt es in {file_name} nicht",
        f"{suggestion}Schreiben Sie einen dieser Schlüssel: {keys}",
    )
