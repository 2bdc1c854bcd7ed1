"""Draw the fictional demo documents into content/dokumente/ (and small test fixtures with --fixtures DIR).

Most are tagged PDF/UA-1 written by WeasyPrint from HTML (with /Lang, a /Title shown as window title);
one is a legacy "scan" drawn with Pillow (an image of text: no tags, no language, no title, no text), one
names a person as /Author (a clearly invented one) to show that warning, one is an ODT made with odfpy.
Every date and metadata field is fixed, so running it again writes the same bytes.
"""

import argparse
import io
import zipfile
from datetime import datetime
from html import escape
from pathlib import Path

from odf.dc import Date as DcDate
from odf.dc import Language, Title
from odf.meta import CreationDate, InitialCreator
from odf.opendocument import OpenDocumentText
from odf.style import ParagraphProperties, Style, TextProperties
from odf.text import H, P
from PIL import Image, ImageDraw, ImageFont
from weasyprint import HTML

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "content" / "dokumente"
OFFICE = "Stabsstelle für Vielfalt und Chancengleichheit"
BEIRAT = "Beirat für Migration und Integration"
# A name nobody has: the classic German placeholder, to show the /Author warning.
INVENTED_PERSON = "Max Mustermann"
ZIP_DATE = (2026, 1, 1, 12, 0, 0)

CSS = """
@page {
  size: A4;
  margin: 22mm 20mm 25mm;
  @top-left { content: "Stadt Musterstadt"; font: bold 10pt "DejaVu Sans"; }
  @bottom-left { content: string(footer); font: 8.5pt "DejaVu Sans"; }
  @bottom-right { content: "Seite " counter(page) " von " counter(pages); font: 8.5pt "DejaVu Sans"; }
}
html { font: 11pt/1.5 "DejaVu Sans", sans-serif; color: #111; }
.footer { string-set: footer content(); display: none; }
h1 { font-size: 18pt; line-height: 1.25; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; }
.subtitle { font-size: 11.5pt; margin: 0 0 8mm; }
li { margin-block-end: 1.5mm; }
ol.paragraphs { list-style: none; padding-inline-start: 0; }
ol.paragraphs li span.number { display: inline-block; min-width: 9mm; }
table { border-collapse: collapse; width: 100%; margin-block: 3mm; }
th, td { border: 0.5pt solid #555; padding: 1.5mm 2mm; text-align: start; vertical-align: top; }
"""


def pdf_date(moment: datetime) -> str:
    """A date for WeasyPrint's dcterms meta (ISO 8601 with offset)."""
    return moment.isoformat()


def blocks_html(blocks) -> str:
    """HTML for the blocks: ("title", t), ("subtitle", t), ("h", t), ("p", t), ("li", marker, t), ("html", raw)."""
    out, list_kind = [], None
    for block in blocks:
        kind = block[0]
        if kind != "li" and list_kind:
            out.append(f"</{list_kind}>")
            list_kind = None
        if kind == "title":
            out.append(f"<h1>{escape(block[1])}</h1>")
        elif kind == "subtitle":
            out.append(f'<p class="subtitle">{escape(block[1])}</p>')
        elif kind == "h":
            out.append(f"<h2>{escape(block[1])}</h2>")
        elif kind == "p":
            out.append(f"<p>{escape(block[1])}</p>")
        elif kind == "html":
            out.append(block[1])
        elif kind == "li":
            marker, text = block[1], block[2]
            wanted = "ul" if marker == "•" else "ol"
            if list_kind != wanted:
                if list_kind:
                    out.append(f"</{list_kind}>")
                out.append("<ul>" if wanted == "ul" else '<ol class="paragraphs">')
                list_kind = wanted
            number = "" if wanted == "ul" else f'<span class="number">{escape(marker)}</span> '
            out.append(f"<li>{number}{escape(text)}</li>")
    if list_kind:
        out.append(f"</{list_kind}>")
    return "\n".join(out)


def write_tagged_pdf(path: Path, title: str, footer: str, blocks, created: datetime, author: str = OFFICE) -> int:
    """A tagged PDF/UA-1 document in German with title, language and fixed dates; returns its page count."""
    html = f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{escape(title)}</title>
<meta name="author" content="{escape(author)}">
<meta name="description" content="Beispieldokument der Demo-Website (fiktive Inhalte)">
<meta name="dcterms.created" content="{pdf_date(created)}">
<meta name="dcterms.modified" content="{pdf_date(created)}">
<style>{CSS}</style></head>
<body><p class="footer">{escape(footer)}</p>
{blocks_html(blocks)}
</body></html>"""
    document = HTML(string=html).render()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(document.write_pdf(pdf_variant="pdf/ua-1"))
    return len(document.pages)


def write_scan_pdf(path: Path, lines: list[str], created: datetime) -> int:
    """A legacy "scan": one page that is only a picture of text (no tags, language, title or text)."""
    width, height = 1240, 1754  # A4 at 150 dpi
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    font_file = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
    try:
        body, heading = ImageFont.truetype(font_file, 26), ImageFont.truetype(font_file, 38)
    except OSError:
        body = heading = ImageFont.load_default()
    y = 180
    for number, line in enumerate(lines):
        font = heading if number == 0 else body
        draw.text((160, y), line, font=font, fill=0)
        y += 70 if number == 0 else 44
    # A slightly skewed page, as from a copier.
    page = page.rotate(0.6, fillcolor=255, resample=Image.Resampling.BICUBIC)
    page = page.convert("1", dither=Image.Dither.NONE)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.save(path, "PDF", resolution=150, creationDate=created.timetuple(), modDate=created.timetuple())
    return 1


def write_odt(path: Path, title: str, blocks, created: datetime) -> None:
    """An OpenDocument text with title, language and creation date, written byte for byte the same each run."""
    document = OpenDocumentText()
    document.meta.addElement(Title(text=title))
    document.meta.addElement(Language(text="de-DE"))
    document.meta.addElement(InitialCreator(text=OFFICE))
    document.meta.addElement(CreationDate(text=created.strftime("%Y-%m-%dT%H:%M:%S")))
    document.meta.addElement(DcDate(text=created.strftime("%Y-%m-%dT%H:%M:%S")))
    heading = Style(name="Heading 1", family="paragraph")
    heading.addElement(TextProperties(fontsize="16pt", fontweight="bold"))
    heading.addElement(ParagraphProperties(margintop="0.4cm", marginbottom="0.2cm"))
    document.styles.addElement(heading)
    for block in blocks:
        kind, text = block[0], block[-1]
        if kind in ("title", "h"):
            document.text.addElement(H(outlinelevel=1 if kind == "title" else 2, stylename=heading, text=text))
        else:
            document.text.addElement(P(text=(f"{block[1]} {text}" if kind == "li" else text)))
    buffer = io.BytesIO()
    document.write(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_fixed_zip(buffer.getvalue()))


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with fixed timestamps and the generator's run-dependent lines removed."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            fixed = zipfile.ZipInfo(info.filename, ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(fixed, content)
    return out.getvalue()


CONCEPT_TITLE = "Integrationskonzept der Stadt Musterstadt – Fortschreibung 2023"
CONCEPT_FOOTER = "Stabsstelle für Vielfalt und Chancengleichheit · Integrationskonzept 2023"

CONCEPT_PAGES = [
    [
        ("title", CONCEPT_TITLE),
        ("subtitle", "Beschlossen vom Stadtrat am 15. Juni 2023 · Beispieldokument mit fiktiven Inhalten"),
        ("h", "Worum es geht"),
        (
            "p",
            "Musterstadt ist eine Stadt der Vielfalt. Etwa jede dritte Person, die hier lebt, hat eine "
            "familiäre Einwanderungsgeschichte, und in unseren Kitas und Schulen werden mehr als vierzig "
            "Sprachen gesprochen. Das erste Integrationskonzept hat der Stadtrat 2015 beschlossen. Die "
            "Fortschreibung 2023 nimmt die Erfahrungen der vergangenen Jahre auf und setzt neue Schwerpunkte.",
        ),
        (
            "p",
            "Entstanden ist sie in einem offenen Beteiligungsprozess: In sechs Werkstätten haben "
            "Bürgerinnen und Bürger, Migrantenorganisationen, der Beirat für Migration und Integration, "
            "freie Träger und Fachleute der Verwaltung gemeinsam Ziele und Maßnahmen erarbeitet. Das "
            "Konzept beschreibt sechs Handlungsfelder und nennt für jedes Feld Ziele, erste Schritte "
            "und die Stellen, die dafür verantwortlich sind.",
        ),
        ("h", "Unser Leitbild"),
        (
            "p",
            "Integration ist eine Aufgabe der ganzen Stadtgesellschaft, nicht nur der Menschen, die neu "
            "hinzukommen. Alle, die in Musterstadt leben, sollen gleichberechtigt am gesellschaftlichen, "
            "wirtschaftlichen und kulturellen Leben teilhaben können – unabhängig von Herkunft, Sprache, "
            "Religion oder Aufenthaltsstatus.",
        ),
        ("h", "1. Sprache und Bildung"),
        (
            "p",
            "Sprache öffnet Türen. Die Stadt baut das Angebot an Sprachkursen aus und verbindet es mit "
            "Kinderbetreuung, damit auch Eltern kleiner Kinder teilnehmen können. Das Projekt Sprachtandem "
            "bringt Menschen zusammen, die voneinander eine Sprache lernen möchten; bis 2025 soll es in "
            "allen Stadtteilen Tandemtreffen geben.",
        ),
    ],
    [
        (
            "p",
            "In Kitas und Schulen gilt Mehrsprachigkeit als Stärke. Elternbegleiterinnen und "
            "Elternbegleiter unterstützen Familien bei den Übergängen von der Kita in die Grundschule "
            "und von der Grundschule in die weiterführende Schule.",
        ),
        ("h", "2. Arbeit"),
        (
            "p",
            "Gute Arbeit sichert den Lebensunterhalt und schafft Kontakte. Gemeinsam mit dem Jobcenter, "
            "der Agentur für Arbeit und den Kammern will die Stadt die Anerkennung ausländischer "
            "Berufsabschlüsse beschleunigen. Eine Lotsenstelle im Bürgerbüro berät zu Anerkennung, "
            "Weiterbildung und Existenzgründung.",
        ),
        (
            "p",
            "Als Arbeitgeberin geht die Stadtverwaltung mit gutem Beispiel voran: Sie wirbt gezielt um "
            "Auszubildende mit Einwanderungsgeschichte und bildet ihre Führungskräfte in interkultureller "
            "Kompetenz fort.",
        ),
        ("h", "3. Wohnen"),
        (
            "p",
            "Bezahlbarer Wohnraum ist knapp, und wer einen ausländisch klingenden Namen trägt, hat es bei "
            "der Wohnungssuche oft besonders schwer. Die Stadt fördert gemischte Quartiere, entwickelt mit "
            "den Wohnungsbaugesellschaften faire und nachvollziehbare Vergabeverfahren und begleitet "
            "Geflüchtete beim Umzug aus Gemeinschaftsunterkünften in eigene Wohnungen.",
        ),
        (
            "p",
            "Quartiersbüros in drei Stadtteilen bieten offene Sprechstunden an und vermitteln bei "
            "Konflikten in der Nachbarschaft, bevor sie sich verhärten.",
        ),
        ("h", "4. Gesundheit"),
        (
            "p",
            "Gesundheitsinformationen sollen alle erreichen. Die Stadt lässt wichtige Merkblätter in die "
            "häufigsten Sprachen übersetzen und baut einen Pool von Sprachmittlerinnen und Sprachmittlern "
            "für Arztbesuche und Beratungsgespräche auf.",
        ),
        (
            "p",
            "Gesundheitslotsinnen und Gesundheitslotsen aus den Communities informieren in vertrauter "
            "Umgebung über Vorsorge, Impfungen und Hilfen für die seelische Gesundheit. Besonders "
            "geflüchtete Menschen mit belastenden Erfahrungen sollen schneller passende Unterstützung finden.",
        ),
    ],
    [
        ("h", "5. Teilhabe und Engagement"),
        (
            "p",
            "Wer mitentscheiden kann, fühlt sich zugehörig. Der Beirat für Migration und Integration berät "
            "den Stadtrat und wird künftig früher an Entscheidungen beteiligt, die ihn betreffen. "
            "Migrantenorganisationen erhalten Unterstützung bei der Vereinsarbeit und können städtische "
            "Räume kostenlos nutzen.",
        ),
        (
            "p",
            "Ehrenamtliche Projekte – vom Sportverein bis zum Nachbarschaftscafé – werden mit einem eigenen "
            "Fördertopf gestärkt. Ein jährlicher Tag des Ehrenamts macht sichtbar, was Engagierte in "
            "Musterstadt leisten.",
        ),
        ("h", "6. Antidiskriminierung"),
        (
            "p",
            "Diskriminierung verletzt Menschen und schwächt den Zusammenhalt. Die Stadt richtet eine "
            "unabhängige Anlaufstelle ein, an die sich Betroffene vertraulich wenden können. Beschäftigte "
            "der Verwaltung werden regelmäßig geschult, Formulare und Verfahren werden auf versteckte "
            "Benachteiligungen geprüft.",
        ),
        (
            "p",
            "Mit den Aktionswochen gegen Rassismus setzt Musterstadt jedes Jahr gemeinsam mit Schulen, "
            "Vereinen und Religionsgemeinschaften ein sichtbares Zeichen für Respekt und Vielfalt.",
        ),
        ("h", "Umsetzung und Überprüfung"),
        (
            "p",
            "Die Stabsstelle für Vielfalt und Chancengleichheit koordiniert die Umsetzung. Sie legt dem "
            "Stadtrat alle zwei Jahre einen Bericht vor, der anhand von Kennzahlen zeigt, was erreicht "
            "wurde und wo nachgesteuert werden muss. Die nächste Fortschreibung ist für 2028 geplant.",
        ),
        (
            "p",
            "Fragen und Anregungen nimmt die Stabsstelle gern entgegen: vielfalt@example.org",
        ),
    ],
]

SUMMARY_PAGES = [
    [
        ("title", "Integrationskonzept 2023 – Kurzfassung"),
        ("subtitle", "Die Fortschreibung auf einer Seite · Beispieldokument mit fiktiven Inhalten"),
        (
            "p",
            "Das Integrationskonzept beschreibt, wie Musterstadt das Zusammenleben in Vielfalt stärken "
            "will. Die Fortschreibung 2023 wurde mit vielen Beteiligten erarbeitet und vom Stadtrat "
            "beschlossen. Sie umfasst sechs Handlungsfelder:",
        ),
        ("li", "•", "Sprache und Bildung: mehr Sprachkurse mit Kinderbetreuung, Sprachtandems in allen Stadtteilen."),
        ("li", "•", "Arbeit: schnellere Anerkennung von Berufsabschlüssen, eine Lotsenstelle im Bürgerbüro."),
        ("li", "•", "Wohnen: gemischte Quartiere, faire Vergabe von Wohnungen, Hilfe beim Auszug aus Unterkünften."),
        ("li", "•", "Gesundheit: übersetzte Merkblätter, Sprachmittlung und Gesundheitslotsinnen und -lotsen."),
        ("li", "•", "Teilhabe und Engagement: ein gestärkter Beirat, Räume für Vereine, Förderung des Ehrenamts."),
        ("li", "•", "Antidiskriminierung: eine unabhängige Anlaufstelle, Schulungen und Aktionswochen."),
        ("h", "Wie es weitergeht"),
        (
            "p",
            "Die Stabsstelle für Vielfalt und Chancengleichheit koordiniert die Umsetzung und berichtet dem "
            "Stadtrat alle zwei Jahre. Das vollständige Konzept mit allen Zielen und Maßnahmen finden Sie "
            "auf der Internetseite der Stabsstelle.",
        ),
        ("p", "Kontakt: vielfalt@example.org"),
    ]
]

RULES_PAGES = [
    [
        ("title", "Geschäftsordnung des Beirats für Migration und Integration"),
        ("subtitle", "der Stadt Musterstadt · Beispieldokument mit fiktiven Inhalten"),
        ("h", "§ 1 Aufgaben"),
        (
            "li",
            "(1)",
            "Der Beirat vertritt die Interessen der Einwohnerinnen und Einwohner mit Einwanderungsgeschichte "
            "und berät den Stadtrat und seine Ausschüsse in allen Fragen der Integration.",
        ),
        (
            "li",
            "(2)",
            "Er kann zu Angelegenheiten, die Migration und Integration betreffen, Stellungnahmen abgeben "
            "und Anträge an den Stadtrat richten.",
        ),
        (
            "li",
            "(3)",
            "Der Beirat arbeitet mit der Stabsstelle für Vielfalt und Chancengleichheit, mit "
            "Migrantenorganisationen und mit anderen Beiräten der Stadt zusammen.",
        ),
        ("h", "§ 2 Sitzungen"),
        (
            "li",
            "(1)",
            "Der Beirat tritt mindestens viermal im Jahr zusammen. Auf Antrag eines Viertels seiner "
            "Mitglieder muss eine Sitzung einberufen werden.",
        ),
        (
            "li",
            "(2)",
            "Der oder die Vorsitzende lädt mindestens zehn Tage vor der Sitzung schriftlich oder "
            "elektronisch ein und fügt die Tagesordnung bei.",
        ),
        (
            "li",
            "(3)",
            "Der Beirat ist beschlussfähig, wenn mehr als die Hälfte seiner stimmberechtigten Mitglieder "
            "anwesend ist. Beschlüsse werden mit einfacher Mehrheit gefasst.",
        ),
        ("h", "§ 3 Öffentlichkeit"),
        (
            "li",
            "(1)",
            "Die Sitzungen sind öffentlich. Gäste können zu Beginn jeder Sitzung Fragen an den Beirat stellen.",
        ),
        (
            "li",
            "(2)",
            "Über persönliche Angelegenheiten einzelner Menschen wird in nichtöffentlicher Sitzung beraten.",
        ),
        (
            "li",
            "(3)",
            "Termine, Tagesordnungen und Protokolle werden auf der Internetseite der Stadt veröffentlicht.",
        ),
        ("p", "Beschlossen in der Sitzung des Beirats am 7. März 2023."),
    ]
]


SESSIONS = {
    "beirat-sitzung-2026-03-12": {
        "body": BEIRAT,
        "date": "12. März 2026",
        "invited": datetime.fromisoformat("2026-02-26T10:00:00+01:00"),
        "minutes": datetime.fromisoformat("2026-04-02T10:00:00+02:00"),
        "place": "Rathaus, Sitzungssaal 1 (Erdgeschoss, stufenlos), Rathausplatz 1, 55555 Musterstadt",
        "agenda": [
            "Eröffnung, Feststellung der Beschlussfähigkeit und der Tagesordnung",
            "Einwohnerfragestunde",
            "Haushalt 2026: Mittel des Integrationsfonds (Vorlage 01)",
            "Bericht der Stabsstelle für Vielfalt und Chancengleichheit",
            "Verschiedenes",
        ],
        "documents": {
            "vorlage-01-haushalt-integrationsfonds.pdf": (
                "Vorlage 01: Haushalt 2026 – Mittel des Integrationsfonds",
                [
                    ("h", "Beschlussvorschlag"),
                    (
                        "p",
                        "Der Beirat empfiehlt dem Stadtrat, den Integrationsfonds im Haushalt 2026 mit 60.000 Euro "
                        "auszustatten und die Mittel zu gleichen Teilen für Sprachangebote, die Arbeit von "
                        "Migrantenorganisationen und Projekte gegen Diskriminierung vorzusehen.",
                    ),
                    ("h", "Begründung"),
                    (
                        "p",
                        "Der Fonds fördert seit 2019 kleine Vorhaben von Vereinen und Initiativen. 2025 gingen "
                        "41 Anträge ein, 29 wurden bewilligt. Die Nachfrage nach Sprachcafés und Elternabenden "
                        "mit Sprachmittlung übersteigt die bisherigen Mittel deutlich.",
                    ),
                    ("li", "•", "Sprachangebote: 20.000 Euro"),
                    ("li", "•", "Arbeit von Migrantenorganisationen: 20.000 Euro"),
                    ("li", "•", "Projekte gegen Diskriminierung: 20.000 Euro"),
                    (
                        "p",
                        "Anträge stellen Vereine und Initiativen formlos bei der Stabsstelle; über die Vergabe "
                        "entscheidet ein Ausschuss, in dem der Beirat mit zwei Mitgliedern vertreten ist.",
                    ),
                ],
            ),
        },
        "minutes_text": [
            (
                "p",
                "Anwesend: 11 von 15 stimmberechtigten Mitgliedern, die Stabsstelle für Vielfalt und "
                "Chancengleichheit und vier Gäste. Der Beirat ist beschlussfähig.",
            ),
            ("h", "TOP 2: Einwohnerfragestunde"),
            (
                "p",
                "Ein Gast fragt nach Sprachkursen mit Kinderbetreuung am Abend. Die Stabsstelle sagt eine "
                "Übersicht der Angebote in der nächsten Sitzung zu.",
            ),
            ("h", "TOP 3: Haushalt 2026 – Mittel des Integrationsfonds"),
            (
                "p",
                "Der Beirat empfiehlt dem Stadtrat einstimmig, den Integrationsfonds mit 60.000 Euro "
                "auszustatten (Vorlage 01).",
            ),
            ("h", "TOP 4: Bericht der Stabsstelle"),
            (
                "p",
                "Die Stabsstelle berichtet über das Sprachtandem (83 Paare) und die Planung der "
                "Interkulturellen Woche im September.",
            ),
        ],
    },
    "beirat-sitzung-2026-06-18": {
        "body": BEIRAT,
        "date": "18. Juni 2026",
        "invited": datetime.fromisoformat("2026-06-04T10:00:00+02:00"),
        "minutes": datetime.fromisoformat("2026-07-09T10:00:00+02:00"),
        "place": "Rathaus, Sitzungssaal 1 (Erdgeschoss, stufenlos), Rathausplatz 1, 55555 Musterstadt",
        "agenda": [
            "Eröffnung, Feststellung der Beschlussfähigkeit und der Tagesordnung",
            "Einwohnerfragestunde",
            "Interkulturelle Woche 2026: Programm und Beteiligung des Beirats (Vorlage 01)",
            "Sprachkurse mit Kinderbetreuung: Übersicht der Stabsstelle",
            "Verschiedenes",
        ],
        "documents": {
            "vorlage-01-interkulturelle-woche.pdf": (
                "Vorlage 01: Interkulturelle Woche 2026",
                [
                    ("h", "Beschlussvorschlag"),
                    (
                        "p",
                        "Der Beirat beteiligt sich an der Interkulturellen Woche vom 20. bis 27. September 2026 "
                        "mit einem Fest der Vereine auf dem Rathausplatz und einer offenen Sitzung im Stadtteil "
                        "Nord.",
                    ),
                    ("h", "Begründung"),
                    (
                        "p",
                        "Die Interkulturelle Woche ist bundesweit die größte Aktion zu Vielfalt und Teilhabe. In "
                        "Musterstadt gestalten sie seit Jahren Vereine, Kirchen- und Moscheegemeinden, Schulen und "
                        "die Stadtverwaltung gemeinsam. Eine offene Sitzung vor Ort macht die Arbeit des Beirats "
                        "dort bekannt, wo er bisher wenig gesehen wird.",
                    ),
                    ("li", "•", "Fest der Vereine: Samstag, 26. September 2026, 14 bis 19 Uhr"),
                    ("li", "•", "Offene Sitzung: Mittwoch, 23. September 2026, 18 Uhr, Stadtteilzentrum Nord"),
                ],
            ),
        },
        "minutes_text": [
            (
                "p",
                "Anwesend: 12 von 15 stimmberechtigten Mitgliedern, die Stabsstelle für Vielfalt und "
                "Chancengleichheit und sechs Gäste. Der Beirat ist beschlussfähig.",
            ),
            ("h", "TOP 3: Interkulturelle Woche 2026"),
            (
                "p",
                "Der Beirat beschließt die Beteiligung wie vorgeschlagen (10 Ja-Stimmen, 2 Enthaltungen). "
                "Eine Arbeitsgruppe aus drei Mitgliedern bereitet das Fest der Vereine vor.",
            ),
            ("h", "TOP 4: Sprachkurse mit Kinderbetreuung"),
            (
                "p",
                "Die Stabsstelle stellt sieben Kurse mit Kinderbetreuung vor, davon zwei am Abend. Der Beirat "
                "bittet darum, die Übersicht auch in Arabisch, Türkisch, Ukrainisch und Persisch zu veröffentlichen.",
            ),
        ],
    },
    "beirat-sitzung-2026-10-15": {
        "body": BEIRAT,
        "date": "15. Oktober 2026",
        "invited": datetime.fromisoformat("2026-10-01T10:00:00+02:00"),
        "place": "Rathaus, Sitzungssaal 1 (Erdgeschoss, stufenlos), Rathausplatz 1, 55555 Musterstadt",
        "agenda": [
            "Eröffnung, Feststellung der Beschlussfähigkeit und der Tagesordnung",
            "Einwohnerfragestunde",
            "Rückblick auf die Interkulturelle Woche 2026",
            "Zwischenbericht zum Integrationskonzept",
            "Sitzungstermine 2027",
            "Verschiedenes",
        ],
        "documents": {},
    },
    "ag-bildung-sprache-sitzung-2028-02-17": {
        "body": "Arbeitsgruppe Bildung und Sprache des Beirats für Migration und Integration",
        "date": "17. Februar 2028",
        "invited": datetime.fromisoformat("2026-11-16T10:00:00+01:00"),
        "place": "Stadtbibliothek, Gruppenraum 2 (Aufzug vorhanden), Marktstraße 5, 55555 Musterstadt",
        "agenda": [
            "Begrüßung und Tagesordnung",
            "Sprachcafés an Schulen: Vorschlag für ein Pilotjahr (Vorlage 01)",
            "Berichte aus den Schulen und Kitas",
            "Verschiedenes",
        ],
        "documents": {
            "vorlage-01-sprachcafe-schulen.pdf": (
                "Vorlage 01: Sprachcafés an Schulen",
                [
                    ("h", "Vorschlag"),
                    (
                        "p",
                        "Die Arbeitsgruppe schlägt dem Beirat vor, an drei Grundschulen ein Jahr lang wöchentliche "
                        "Sprachcafés für Eltern einzurichten. Ehrenamtliche aus dem Sprachtandem begleiten die "
                        "Treffen, die Schulen stellen einen Raum zur Verfügung.",
                    ),
                    ("h", "Ziele"),
                    ("li", "•", "Eltern üben Deutsch im Alltag ihrer Kinder: Elternbrief, Elternabend, Zeugnis."),
                    ("li", "•", "Schulen erreichen Familien, die bisher selten zu Elternabenden kommen."),
                    ("li", "•", "Nach einem Jahr berichtet die Arbeitsgruppe dem Beirat, was sich bewährt hat."),
                    ("h", "Kosten"),
                    (
                        "p",
                        "Für Material, Getränke und Fahrkosten der Ehrenamtlichen werden 4.500 Euro aus dem "
                        "Integrationsfonds beantragt.",
                    ),
                ],
            ),
        },
    },
}


def session_documents(folder: Path) -> list[tuple[Path, int]]:
    """Invitation, proposals and minutes of the four demo sessions (contract with the sessions plugin)."""
    written = []
    for slug, session in SESSIONS.items():
        target = folder / "sitzungen" / slug
        body, date = session["body"], session["date"]
        title = f"Einladung zur Sitzung am {date} – {body}"
        agenda = [("li", f"{number}.", item) for number, item in enumerate(session["agenda"], start=1)]
        blocks = [
            ("title", f"Einladung zur öffentlichen Sitzung am {date}"),
            ("subtitle", f"{body} · Beispieldokument mit fiktiven Inhalten"),
            (
                "p",
                f"Sehr geehrte Mitglieder, sehr geehrte Gäste, hiermit lade ich Sie im Auftrag des Vorsitzes zur "
                f"Sitzung am {date} um 18:00 Uhr ein.",
            ),
            ("p", f"Ort: {session['place']}"),
            ("h", "Tagesordnung (öffentlicher Teil)"),
            *agenda,
            ("h", "Hinweise"),
            (
                "p",
                "Die Sitzung ist öffentlich. Wer Sprachmittlung oder Gebärdensprachdolmetschen braucht, meldet "
                "sich bitte bis eine Woche vorher bei der Stabsstelle: vielfalt@example.org.",
            ),
            ("p", "Mit freundlichen Grüßen, die Geschäftsführung des Beirats"),
        ]
        path = target / "einladung.pdf"
        written.append((path, write_tagged_pdf(path, title, f"{body} · Einladung", blocks, session["invited"])))
        for name, (doc_title, doc_blocks) in session["documents"].items():
            path = target / name
            blocks = [("title", doc_title), ("subtitle", f"{body} · Sitzung am {date} · fiktive Inhalte"), *doc_blocks]
            written.append(
                (path, write_tagged_pdf(path, doc_title, f"{body} · {doc_title}", blocks, session["invited"]))
            )
        if "minutes_text" in session:
            path = target / "niederschrift.pdf"
            doc_title = f"Niederschrift der Sitzung am {date} – {body}"
            blocks = [
                ("title", f"Niederschrift der öffentlichen Sitzung am {date}"),
                ("subtitle", f"{body} · Beispieldokument mit fiktiven Inhalten"),
                *session["minutes_text"],
                ("p", "Die Niederschrift wurde in der folgenden Sitzung ohne Änderungen genehmigt."),
            ]
            written.append(
                (path, write_tagged_pdf(path, doc_title, f"{body} · Niederschrift", blocks, session["minutes"]))
            )
    return written


REPORT_TITLE = "Zwischenbericht 2025 zum Integrationskonzept"
REPORT_BLOCKS = [
    ("title", REPORT_TITLE),
    ("subtitle", "Was seit der Fortschreibung 2023 erreicht wurde · Beispieldokument mit fiktiven Inhalten"),
    ("h", "Auf einen Blick"),
    ("li", "•", "Sprachtandem: 83 Paare in allen sechs Stadtteilen (2023: 41)."),
    ("li", "•", "Anerkennungslotsen im Bürgerbüro: 212 Beratungen, im Schnitt 9 Tage bis zum ersten Termin."),
    ("li", "•", "Sprachmittlungspool: 38 geschulte Sprachmittlerinnen und Sprachmittler in 17 Sprachen."),
    ("li", "•", "Antidiskriminierungsstelle: 64 Anfragen, die meisten zu Wohnungssuche und Behörden."),
    ("h", "Wo nachgesteuert wird"),
    (
        "p",
        "Sprachkurse mit Kinderbetreuung reichen noch nicht aus, vor allem am Abend. Die Stabsstelle schlägt "
        "vor, Kurse in Kitas anzubieten, während die Kinder betreut werden. Bei der Wohnungsvergabe fehlen "
        "weiterhin verlässliche Zahlen; mit den Wohnungsbaugesellschaften wird ein gemeinsames Monitoring "
        "vereinbart.",
    ),
    ("h", "Wie es weitergeht"),
    (
        "p",
        "Der nächste Bericht folgt 2027. Die Fortschreibung des Konzepts beginnt 2028 wieder mit einer "
        "offenen Befragung und Werkstätten in den Stadtteilen.",
    ),
]

ACCESSIBILITY_TITLE = "Prüfbericht Barrierefreiheit der Website 2026"
ACCESSIBILITY_BLOCKS = [
    ("title", ACCESSIBILITY_TITLE),
    ("subtitle", "Zusammenfassung der Prüfung nach WCAG 2.1 AA · Beispieldokument mit fiktiven Inhalten"),
    ("h", "Ergebnis"),
    (
        "p",
        "Die Website erfüllt die Anforderungen der WCAG 2.1 auf Stufe AA weitgehend. Geprüft wurden 24 Seiten "
        "in Deutsch und Arabisch, automatisch und von Hand, mit Tastatur und mit einem Screenreader.",
    ),
    ("h", "Noch nicht barrierefrei"),
    (
        "p",
        "Einige ältere PDF-Dokumente sind eingescannt und enthalten keinen auslesbaren Text. Sie sind auf den "
        "Seiten gekennzeichnet; eine barrierefreie Fassung kann per E-Mail angefordert werden.",
    ),
    ("h", "Nächste Schritte"),
    ("li", "•", "Ältere Merkblätter werden bis Ende 2027 neu als getaggte PDF-Dateien erstellt."),
    ("li", "•", "Neue Dokumente werden nur noch als getaggtes PDF mit Titel und Sprache veröffentlicht."),
]

SCAN_LINES = [
    "Merkblatt Sprachmittlung",
    "Stadt Musterstadt – Ausländerbeirat (Stand 2009)",
    "",
    "Wer beim Arzt, in der Schule oder im Amt nicht gut",
    "Deutsch spricht, kann eine Sprachmittlerin oder einen",
    "Sprachmittler bestellen. Die Stadt vermittelt",
    "ehrenamtliche Helferinnen und Helfer in vielen Sprachen.",
    "",
    "Bitte melden Sie sich mindestens drei Tage vorher.",
    "Die Sprachmittlung ist kostenlos.",
    "",
    "(Beispieldokument mit fiktiven Inhalten)",
]

TANDEM_FORM_TITLE = "Anmeldebogen Sprachtandem"
TANDEM_FORM_BLOCKS = [
    ("title", TANDEM_FORM_TITLE),
    ("p", "Stabsstelle für Vielfalt und Chancengleichheit · Beispieldokument mit fiktiven Inhalten"),
    ("h", "Angaben zu Ihnen"),
    ("p", "Vorname (freiwillig): ____________________"),
    ("p", "E-Mail oder Telefon: ____________________"),
    ("h", "Sprachen"),
    ("p", "Ich spreche gut: ____________________"),
    ("p", "Ich möchte lernen: ____________________"),
    ("h", "Wann haben Sie Zeit?"),
    ("p", "☐ vormittags   ☐ nachmittags   ☐ abends   ☐ am Wochenende"),
    ("p", "Bitte schicken Sie den Bogen an vielfalt@example.org oder geben Sie ihn im Rathaus, Zimmer 104, ab."),
]


def main_documents(folder: Path) -> list[tuple[Path, int]]:
    """The documents outside the sessions, linked from the pages."""
    created_2023 = datetime.fromisoformat("2023-06-15T12:00:00+02:00")
    written = [
        (
            folder / "integrationskonzept-2023.pdf",
            write_tagged_pdf(
                folder / "integrationskonzept-2023.pdf",
                CONCEPT_TITLE,
                CONCEPT_FOOTER,
                [block for page in CONCEPT_PAGES for block in page],
                created_2023,
            ),
        ),
        (
            folder / "integrationskonzept-kurzfassung-2023.pdf",
            write_tagged_pdf(
                folder / "integrationskonzept-kurzfassung-2023.pdf",
                "Integrationskonzept 2023 – Kurzfassung",
                CONCEPT_FOOTER,
                SUMMARY_PAGES[0],
                created_2023,
            ),
        ),
        (
            folder / "beirat-geschaeftsordnung.pdf",
            write_tagged_pdf(
                folder / "beirat-geschaeftsordnung.pdf",
                "Geschäftsordnung des Beirats für Migration und Integration",
                "Beirat für Migration und Integration · Geschäftsordnung",
                RULES_PAGES[0],
                datetime.fromisoformat("2023-03-07T12:00:00+01:00"),
            ),
        ),
        (
            folder / "zwischenbericht-integrationskonzept-2025.pdf",
            write_tagged_pdf(
                folder / "zwischenbericht-integrationskonzept-2025.pdf",
                REPORT_TITLE,
                CONCEPT_FOOTER,
                REPORT_BLOCKS,
                datetime.fromisoformat("2025-11-20T12:00:00+01:00"),
                author=INVENTED_PERSON,
            ),
        ),
        (
            folder / "pruefbericht-barrierefreiheit-2026.pdf",
            write_tagged_pdf(
                folder / "pruefbericht-barrierefreiheit-2026.pdf",
                ACCESSIBILITY_TITLE,
                "Stabsstelle für Vielfalt und Chancengleichheit · Barrierefreiheit",
                ACCESSIBILITY_BLOCKS,
                datetime.fromisoformat("2026-05-04T12:00:00+02:00"),
            ),
        ),
        (
            folder / "merkblatt-sprachmittlung-2009.pdf",
            write_scan_pdf(
                folder / "merkblatt-sprachmittlung-2009.pdf",
                SCAN_LINES,
                datetime.fromisoformat("2009-04-01T09:00:00+02:00"),
            ),
        ),
    ]
    write_odt(
        folder / "sprachtandem-anmeldebogen.odt",
        TANDEM_FORM_TITLE,
        TANDEM_FORM_BLOCKS,
        datetime.fromisoformat("2026-02-10T09:00:00+01:00"),
    )
    written.append((folder / "sprachtandem-anmeldebogen.odt", 0))
    return written


def fixture_documents(folder: Path) -> list[tuple[Path, int]]:
    """Small files for tests/fixtures/documents_site: a tagged PDF, the scan, one naming a person, an ODT."""
    created = datetime.fromisoformat("2026-03-02T10:00:00+01:00")
    tagged = [("title", "Merkblatt Beispiel"), ("p", "Ein kurzes getaggtes Beispieldokument mit fiktiven Inhalten.")]
    written = [
        (
            folder / "getaggt.pdf",
            write_tagged_pdf(folder / "getaggt.pdf", "Merkblatt Beispiel", "Test", tagged, created),
        ),
        (folder / "scan.pdf", write_scan_pdf(folder / "scan.pdf", SCAN_LINES[:4], created)),
        (
            folder / "mit-autor.pdf",
            write_tagged_pdf(folder / "mit-autor.pdf", "Bericht Beispiel", "Test", tagged, created, INVENTED_PERSON),
        ),
    ]
    write_odt(folder / "formular.odt", "Formular Beispiel", TANDEM_FORM_BLOCKS[:3], created)
    written.append((folder / "formular.odt", 0))
    return written


def main():
    """Write the demo documents (or the test fixtures) and print their sizes and page counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, help="write the small test documents into this folder instead")
    arguments = parser.parse_args()
    if arguments.fixtures:
        written = fixture_documents(arguments.fixtures)
    else:
        written = main_documents(OUT_DIR) + session_documents(OUT_DIR)
    for path, pages in written:
        print(
            f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {pages} Seite(n), {path.stat().st_size} Bytes"
        )


if __name__ == "__main__":
    main()
