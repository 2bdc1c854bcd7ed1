"""Pelican glue: read content/kontakte.toml once per build, attach `item.contact_box`, write the vCards,
and give the theme `contact_view` and `contact_point_schema`."""

import dataclasses
import logging
import os
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from common.items import items_of
from common.settings import settings_reader

from .data import parse_contacts, unknown_key_problem
from .present import contact_view
from .schema import contact_point
from .vcard import vcard

logger = logging.getLogger(__name__)

DEFAULTS = {
    "CONTACTS_FILE": "kontakte.toml",
    "CONTACTS_VCARD_SAVE_AS": "kontakt/{key}.vcf",
    "CONTACTS_COUNTRY": "Deutschland",
    "CONTACTS_AREA_SERVED": "",
}
# Where this build's contacts wait in Pelican's shared context (one dict per build, never module state).
CONTEXT_KEY = "contacts"


setting = settings_reader(DEFAULTS)


def display_path(path: Path) -> str:
    """The path an author can open: relative to the current folder when inside it."""
    relative = os.path.relpath(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


@dataclasses.dataclass(frozen=True)
class Registry:
    """This build's contacts: by key, the file they come from, whether it exists and could be read."""

    contacts: dict
    path: Path
    exists: bool
    readable: bool


def load_registry(settings) -> Registry:
    """Read and check the contacts file; every problem is logged once as `path:line: what — fix`."""
    path = Path(settings["PATH"]) / setting(settings, "CONTACTS_FILE")
    if not path.is_file():
        return Registry({}, path, exists=False, readable=False)
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeError):
        logger.warning(
            "%s:1: Die Kontaktdatei ist keine UTF-8-Textdatei — Speichern Sie sie im Editor als UTF-8", shown
        )
        return Registry({}, path, exists=True, readable=False)
    languages = settings.get("SITE_LANGUAGES") or {settings["DEFAULT_LANG"]: {}}
    contacts, problems = parse_contacts(text, languages, settings["DEFAULT_LANG"])
    for line, what, fix in problems:
        logger.warning("%s:%d: %s — %s", shown, line, what, fix)
    broken = len(problems) == 1 and not contacts and "kein gültiges TOML" in problems[0][1]
    save_as = setting(settings, "CONTACTS_VCARD_SAVE_AS")
    contacts = {
        key: dataclasses.replace(contact, vcard_url=save_as.format(key=key)) for key, contact in contacts.items()
    }
    return Registry(contacts, path, exists=True, readable=not broken)


def registry_of(context, settings) -> Registry:
    """This build's registry, read on first use."""
    if CONTEXT_KEY not in context:
        context[CONTEXT_KEY] = load_registry(settings)
    return context[CONTEXT_KEY]


def attach_contacts(generator):
    """`item.contact_box` on every article and page (None without `Contact_box:`); a wrong key is a field problem."""
    registry = registry_of(generator.context, generator.settings)
    for item in items_of(generator):
        item.contact_box = None
        key = str(item.metadata.get("contact_box") or "").strip()
        if not key:
            continue
        if key in registry.contacts:
            item.contact_box = registry.contacts[key]
        elif not registry.readable and registry.exists:
            continue  # the broken file is reported once, not on every page that names a contact
        else:
            what, fix = unknown_key_problem(key, registry.contacts, display_path(registry.path))
            if not registry.exists:
                what = f"Die Kontaktdatei {display_path(registry.path)} gibt es nicht, also auch nicht „{key}“"
                fix = (
                    "Legen Sie die Datei an (Vorlage: content/kontakte.toml der Stabsstelle) oder löschen Sie die Zeile"
                )
            item.field_problems = [*(getattr(item, "field_problems", None) or []), ("contact_box", what, fix)]


class ContactCardsGenerator(Generator):
    """Reads the contacts before any content (it is created with the other generators) and writes one vCard each."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        registry_of(self.context, self.settings)

    def generate_output(self, writer):
        settings = self.settings
        public = settings.get("SITE_PUBLIC_URL", "")
        for contact in registry_of(self.context, settings).contacts.values():
            target = Path(self.output_path) / contact.vcard_url
            target.parent.mkdir(parents=True, exist_ok=True)
            text = vcard(
                contact,
                office=settings["SITENAME"],
                organisation=settings.get("SITE_OWNER", ""),
                country=setting(settings, "CONTACTS_COUNTRY"),
                url=public.rstrip("/") + "/" if public else "",
            )
            target.write_text(text, encoding="utf-8", newline="")


def contact_generators(pelican):
    """Add the generator that reads the contacts and writes the vCards."""
    return ContactCardsGenerator


def add_template_helpers(generator):
    """Register `contact_view(contact, lang, range_pattern)` and `contact_point_schema(contact, lang)`."""
    settings = generator.settings
    default_lang = settings["DEFAULT_LANG"]
    languages = settings.get("SITE_LANGUAGES") or {}
    area = setting(settings, "CONTACTS_AREA_SERVED")

    def view(contact, lang: str, range_pattern: str):
        locale = languages.get(lang, languages.get(default_lang, {})).get("locale", default_lang)
        return contact_view(contact, lang, locale, range_pattern)

    def schema(contact, lang: str):
        return contact_point(contact, lang, area)

    generator.env.globals.update(contact_view=view, contact_point_schema=schema)


def register():
    """Connect the signals."""
    signals.get_generators.connect(contact_generators)
    signals.generator_init.connect(add_template_helpers)
    signals.article_generator_finalized.connect(attach_contacts)
    signals.page_generator_finalized.connect(attach_contacts)
