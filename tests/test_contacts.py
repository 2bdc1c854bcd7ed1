"""Contact boxes: content/kontakte.toml checked with German messages, the vCards, JSON-LD ContactPoint and
the box on a German and an Arabic page of a small fixture site (one build for the module)."""

import json
import logging
import re
import shutil
from datetime import time
from types import SimpleNamespace

import pytest
import vobject
from contacts.data import parse_contacts, parse_days
from contacts.plugin import attach_contacts, load_registry
from contacts.present import contact_view
from contacts.schema import contact_point
from contacts.vcard import vcard

from conftest import ROOT, read_html, run_pelican
from pelicanconf import SITE_LANGUAGES

DEMO = ROOT / "content" / "kontakte.toml"
PAGES = {
    "seiten/beratung.md": "Title: Beratung\nSlug: beratung\nSummary: Wir beraten.\nContact_box: beratung\n\nText.\n",
    "seiten/ar/beratung.md": (
        "Title: الاستشارة\nSlug: beratung\nLang: ar\nSummary: نقدّم الاستشارة.\nContact_box: beratung\n\nنص.\n"
    ),
    "seiten/kepol.md": "Title: Kepol\nSlug: kepol\nSummary: Kepol.\nContact_box: kepoll\n\nText.\n",
}
VALID = """[buero]
role = "Beratung"
email = "buero@example.org"
phone = "+49 30 23125-101"
languages = ["de"]
"""


@pytest.fixture(scope="module")
def demo():
    contacts, problems = parse_contacts(DEMO.read_text(encoding="utf-8"), SITE_LANGUAGES)
    assert problems == []
    return contacts


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    """The fixture site (demo contacts, a German and an Arabic page, a page with a mistyped key): (output, log)."""
    content = tmp_path_factory.mktemp("kontakte-inhalt")
    shutil.copy(DEMO, content / "kontakte.toml")
    for name, text in PAGES.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    output = tmp_path_factory.mktemp("kontakte-ausgabe")
    result = run_pelican(content, "pelicanconf.py", output, "-e", 'SITE_PUBLIC_URL="https://vielfalt.example.org"')
    assert result.returncode == 0, result.stdout + result.stderr
    return output, result.stdout + result.stderr


def load_with(tmp_path, caplog, text: str) -> list[str]:
    """The messages the plugin logs for a contacts file with `text`."""
    (tmp_path / "kontakte.toml").write_text(text, encoding="utf-8")
    settings = {"PATH": str(tmp_path), "DEFAULT_LANG": "de", "SITE_LANGUAGES": SITE_LANGUAGES}
    with caplog.at_level(logging.WARNING, logger="contacts.plugin"):
        load_registry(settings)
    return [record.getMessage() for record in caplog.records]


def test_demo_file_has_the_six_contacts_with_fictional_addresses_and_numbers(demo):
    assert set(demo) == {"beratung", "sprachtandem", "fairtrade", "kepol", "beirat-geschaeftsstelle", "stabsstelle"}
    assert all(contact.email.endswith("@example.org") for contact in demo.values())
    # The block the Bundesnetzagentur keeps free for film and television: nobody answers there.
    assert all(re.fullmatch(r"\+49 30 23125-\d{3}", contact.phone) for contact in demo.values())


def fake_generator(tmp_path, key: str):
    """A generator with one page naming `key`, reading contacts from `tmp_path`."""
    page = SimpleNamespace(metadata={"contact_box": key})
    settings = {"PATH": str(tmp_path), "DEFAULT_LANG": "de", "SITE_LANGUAGES": SITE_LANGUAGES}
    return SimpleNamespace(context={}, settings=settings, pages=[page]), page


def test_a_broken_file_is_reported_once_not_on_every_page(tmp_path, caplog):
    (tmp_path / "kontakte.toml").write_text('[beratung]\nrole = "x\n', encoding="utf-8")
    generator, page = fake_generator(tmp_path, "beratung")
    with caplog.at_level(logging.WARNING, logger="contacts.plugin"):
        attach_contacts(generator)
    assert page.contact_box is None and not hasattr(page, "field_problems")
    assert len(caplog.records) == 1 and "kein gültiges TOML" in caplog.records[0].getMessage()


def test_a_missing_file_is_a_problem_of_the_page_naming_a_contact(tmp_path):
    generator, page = fake_generator(tmp_path, "beratung")
    attach_contacts(generator)
    ((field, what, fix),) = page.field_problems
    assert field == "contact_box" and "kontakte.toml gibt es nicht" in what and "Legen Sie die Datei an" in fix


def test_beratung_hours_match_the_beratung_page(demo):
    page = (ROOT / "content" / "seiten" / "beratung.md").read_text(encoding="utf-8")
    assert "dienstags von 9 bis 12 Uhr und donnerstags von 14 bis 17 Uhr" in page
    hours = [(row.days, row.opens, row.closes) for row in demo["beratung"].hours]
    assert hours == [((1,), time(9), time(12)), ((3,), time(14), time(17))]


def test_days_are_read_as_german_abbreviations_lists_and_spans():
    assert parse_days("Mo-Fr") == ((0, 1, 2, 3, 4), [])
    assert parse_days(["Di", "donnerstag"]) == ((1, 3), [])
    assert parse_days("Fr bis Mo") == ((0, 4, 5, 6), [])
    assert parse_days("Dienstg") == ((), ["Dienstg"])


BAD_VALUES = [
    ('[[buero.hours]]\ndays = "Di"\nopens = "09:00"\ncloses = "25:00"\n', 9, "„25:00“ ist keine Uhrzeit"),
    ('[[buero.hours]]\ndays = "Dienstg"\nopens = "09:00"\ncloses = "12:00"\n', 7, "Meinten Sie „Dienstag“?"),
    ('[[buero.hours]]\ndays = "Di"\nopens = "12:00"\ncloses = "09:00"\n', 9, "endet (09:00) nicht nach ihrem Beginn"),
    ('[buero.address]\npostal_code = "5555"\n', 7, "Postleitzahl „5555“ hat nicht fünf Ziffern"),
    ('[buero.en]\nemail = "x@example.org"\n', 7, "„email“ lässt sich nicht übersetzen"),
]


@pytest.mark.parametrize(("addition", "line", "what"), BAD_VALUES)
def test_each_bad_value_is_named_with_file_line_and_contact(tmp_path, caplog, addition, line, what):
    messages = load_with(tmp_path, caplog, VALID + addition)
    assert len(messages) == 1, messages
    assert messages[0].startswith(f"{(tmp_path / 'kontakte.toml').as_posix()}:{line}: Kontakt „buero“: ")
    assert what in messages[0] and " — " in messages[0]


@pytest.mark.parametrize(
    ("old", "new", "line", "what"),
    [
        ('"buero@example.org"', '"buero(at)example.org"', 3, "„buero(at)example.org“ ist keine E-Mail-Adresse"),
        ('"+49 30 23125-101"', '"030 / ruf an"', 4, "ist keine Telefonnummer"),
        ('["de"]', '["de", "xx-yy-zz"]', 5, "unbekannter Sprachcode „xx-yy-zz“"),
        ('role = "Beratung"', 'rolle = "Beratung"', 2, "unbekannte Angabe „rolle“"),
    ],
)
def test_bad_fields_of_a_contact_are_named_at_their_line(tmp_path, caplog, old, new, line, what):
    messages = load_with(tmp_path, caplog, VALID.replace(old, new))
    assert any(
        message.startswith(f"{(tmp_path / 'kontakte.toml').as_posix()}:{line}: ") and what in message
        for message in messages
    ), messages


def test_unknown_field_gets_a_suggestion(tmp_path, caplog):
    (message,) = load_with(tmp_path, caplog, VALID + 'emial = "x@example.org"\n')
    assert ":6: Kontakt „buero“: unbekannte Angabe „emial“ — Meinten Sie „email“?" in message


def test_broken_toml_is_one_german_message_with_its_line(tmp_path, caplog):
    messages = load_with(tmp_path, caplog, VALID + '[buero.address]\nstreet = "Rathausplatz 1\n')
    assert len(messages) == 1
    assert messages[0].startswith(
        f"{(tmp_path / 'kontakte.toml').as_posix()}:7: Die Kontaktdatei ist kein gültiges TOML"
    )
    assert "Traceback" not in messages[0] and "Illegal" not in messages[0]


def test_vcard_parses_and_carries_role_contact_data_and_hours_without_a_person(demo):
    text = vcard(demo["beratung"], "Stabsstelle für Vielfalt und Chancengleichheit", "Stadt Musterstadt", "Deutschland")
    card = vobject.readOne(text)
    assert card.version.value == "3.0"
    assert card.title.value == "Beratung im Migrations- und Integrationsbüro"
    assert card.fn.value.startswith("Beratung im Migrations- und Integrationsbüro")
    assert card.org.value == ["Stadt Musterstadt", "Stabsstelle für Vielfalt und Chancengleichheit"]
    assert card.email.value == "integration@example.org"
    assert card.tel.value == "+49 30 23125-101"
    address = card.adr.value
    assert (address.street, address.code, address.city) == ("Rathausplatz 1", "55555", "Musterstadt")
    assert "Dienstag 09:00–12:00 Uhr" in card.note.value and "Donnerstag 14:00–17:00 Uhr" in card.note.value
    name = card.n.value
    assert [name.family, name.given, name.additional, name.prefix, name.suffix] == ["", "", "", "", ""]


def test_contact_point_has_hours_and_languages(demo):
    point = contact_point(demo["stabsstelle"], "de", "Musterstadt")
    assert point["@type"] == "ContactPoint"
    assert point["contactType"] == demo["stabsstelle"].role
    assert point["email"] == "vielfalt@example.org" and point["telephone"] == "+49 30 23125-100"
    assert point["availableLanguage"] == ["de", "en"]
    assert point["areaServed"] == {"@type": "City", "name": "Musterstadt"}
    weekdays = [f"https://schema.org/{day}" for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")]
    assert point["hoursAvailable"] == [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": weekdays, "opens": "09:00", "closes": "12:00"},
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["https://schema.org/Thursday"],
            "opens": "14:00",
            "closes": "17:00",
        },
    ]


def test_view_falls_back_to_german_for_untranslated_texts(demo):
    view = contact_view(demo["kepol"], "en", "en_GB", "{first} to {last}")
    assert (view.role.text, view.role.lang) == ("Koordination für kommunale Entwicklungspolitik (Kepol)", "de")
    assert view.hours[0].days == "Tuesday to Thursday"
    assert view.languages == "German, English and French"


def test_persian_view_writes_persian_days_and_digits(demo):
    view = contact_view(demo["stabsstelle"], "fa", "fa_IR", "{first} تا {last}")
    assert view.hours[0].days == "دوشنبه تا جمعه"
    assert view.hours[0].opens_text == "۹:۰۰" and view.hours[0].opens == "09:00"
    assert view.role.lang == "fa"


def test_each_contact_has_its_vcard_file(build, demo):
    output, _ = build
    for key in demo:
        card = vobject.readOne((output / "kontakt" / f"{key}.vcf").read_text(encoding="utf-8"))
        assert card.email.value == demo[key].email
        assert card.url.value == "https://vielfalt.example.org/"


def test_german_page_shows_the_box_with_json_ld_and_vcard_link(build):
    output, _ = build
    box = read_html(output / "beratung" / "index.html").select_one("section.contact-box")
    assert box.h2.get_text(strip=True) == "Beratung im Migrations- und Integrationsbüro"
    assert box.find("a", href="mailto:integration@example.org") is not None
    assert box.find("a", href="tel:+493023125101")["dir"] == "ltr"
    assert [t["datetime"] for t in box.select("time")] == ["09:00", "12:00", "14:00", "17:00"]
    assert [dt.get_text(strip=True) for dt in box.select(".contact-box__days")] == ["Dienstag", "Donnerstag"]
    link = box.select_one("a.contact-box__download")
    assert link["href"].endswith("kontakt/beratung.vcf") and "vCard" in link.get_text()
    data = json.loads(box.find("script", type="application/ld+json").string)
    assert data["@type"] == "ContactPoint" and data["availableLanguage"] == ["de", "en"]
    assert data["hoursAvailable"][0]["dayOfWeek"] == ["https://schema.org/Tuesday"]


def test_arabic_page_shows_arabic_weekdays_and_a_left_to_right_phone(build):
    output, _ = build
    box = read_html(output / "ar" / "beratung" / "index.html").select_one("section.contact-box")
    assert box.h2.get_text(strip=True) == "الاستشارة في مكتب الهجرة والاندماج"
    assert box.h2.get("lang") is None
    assert [dt.get_text(strip=True) for dt in box.select(".contact-box__days")] == ["الثلاثاء", "الخميس"]
    assert box.select("time")[0].get_text(strip=True) == "٩:٠٠ ص"
    phone = box.find("a", href="tel:+493023125101")
    assert phone["dir"] == "ltr" and phone.get_text(strip=True) == "+49 30 23125-101"
    assert box.find("a", href="mailto:integration@example.org")["dir"] == "ltr"
    assert "الألمانية" in box.get_text()
    street = box.find(string=re.compile("Rathausplatz 1"))
    assert street.parent.name == "bdi" and street.find_parent(lang="de") is not None


def test_mistyped_key_is_reported_with_file_line_and_suggestion(build):
    output, log = build
    assert re.search(
        r"seiten/kepol\.md:4: Den Kontakt „kepoll“ gibt es in \S*kontakte\.toml nicht — Meinten Sie „kepol“\?", log
    )
    assert read_html(output / "kepol" / "index.html").select_one(".contact-box") is None
    assert "Traceback" not in log


def test_contacts_file_is_not_published(build):
    output, _ = build
    assert list(output.rglob("kontakte.toml")) == []
