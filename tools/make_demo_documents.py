"""Render the three fictional demo PDF documents into content/dokumente/ with Pillow."""

import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

DPI = 150
PAGE_SIZE = (1240, 1754)  # A4 at 150 dpi
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 150, 170, 190
MAX_BYTES = 300_000
OUT_DIR = Path(__file__).resolve().parent.parent / "content" / "dokumente"
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
)
# Pages are black and white: bi-level images compress with CCITT G4 to ~25 KB a page,
# greyscale or colour pages would be stored as JPEG and exceed the size limit.
INK, PAPER = 0, 255
CREATED = time.strptime("2023-06-15 12:00", "%Y-%m-%d %H:%M")

# Each style: font file, size in px, line height factor, space before, space after.
STYLES = {
    "title": ("DejaVuSans-Bold.ttf", 44, 1.25, 0, 18),
    "subtitle": ("DejaVuSans.ttf", 27, 1.35, 0, 40),
    "h": ("DejaVuSans-Bold.ttf", 30, 1.3, 26, 12),
    "p": ("DejaVuSans.ttf", 24, 1.5, 0, 18),
    "li": ("DejaVuSans.ttf", 24, 1.5, 0, 10),
    "small": ("DejaVuSans.ttf", 19, 1.4, 0, 0),
}


def load_font(file_name, size):
    """Return DejaVu at the given size, or Pillow's built-in font when it is missing."""
    for folder in FONT_DIRS:
        path = folder / file_name
        if path.is_file():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


def wrap(text, font, width):
    """Split text into lines that fit into width pixels."""
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and font.getlength(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return lines + [current] if current else lines


def draw_block(draw, y, block, fonts):
    """Draw one block (heading, paragraph or list item) at y and return the next y."""
    kind, text = block[0], block[-1]
    _, size, leading, before, after = STYLES[kind]
    font = fonts[kind]
    indent = 0
    y += before
    if kind == "li":
        marker = block[1]
        indent = 60
        draw.text((MARGIN_X, y), marker, font=font, fill=INK)
    for line in wrap(text, font, PAGE_SIZE[0] - 2 * MARGIN_X - indent):
        draw.text((MARGIN_X + indent, y), line, font=font, fill=INK)
        y += round(size * leading)
    return y + after


def draw_frame(draw, fonts, footer, number, total):
    """Draw the accent bar, the header line and the footer with page numbers."""
    width, height = PAGE_SIZE
    draw.rectangle((0, 0, width, 8), fill=INK)
    draw.text((MARGIN_X, 70), "Stadt Musterstadt", font=fonts["h"], fill=INK)
    foot_y = height - MARGIN_BOTTOM + 70
    draw.line((MARGIN_X, foot_y - 20, width - MARGIN_X, foot_y - 20), fill=INK, width=2)
    draw.text((MARGIN_X, foot_y), footer, font=fonts["small"], fill=INK)
    page_label = f"Seite {number} von {total}"
    label_x = width - MARGIN_X - fonts["small"].getlength(page_label)
    draw.text((label_x, foot_y), page_label, font=fonts["small"], fill=INK)


def render_page(blocks, fonts, footer, number, total):
    """Render one A4 page and fail loudly if its text does not fit."""
    page = Image.new("L", PAGE_SIZE, PAPER)
    draw = ImageDraw.Draw(page)
    draw.fontmode = "1"  # crisp hinted glyphs without grey edges
    draw_frame(draw, fonts, footer, number, total)
    y = MARGIN_TOP
    for block in blocks:
        y = draw_block(draw, y, block, fonts)
    if y > PAGE_SIZE[1] - MARGIN_BOTTOM:
        raise SystemExit(f"Seite {number} ({footer}) ist zu voll: Text kürzen.")
    return page.convert("1", dither=Image.Dither.NONE)


def save_pdf(name, title, footer, pages):
    """Render all pages of one document and save them as a single PDF."""
    fonts = {kind: load_font(style[0], style[1]) for kind, style in STYLES.items()}
    images = [render_page(blocks, fonts, footer, i + 1, len(pages)) for i, blocks in enumerate(pages)]
    path = OUT_DIR / name
    images[0].save(
        path,
        "PDF",
        save_all=True,
        append_images=images[1:],
        resolution=DPI,
        title=title,
        author="Stadt Musterstadt",
        subject="Beispieldokument der Demo-Website (fiktive Inhalte)",
        creationDate=CREATED,
        modDate=CREATED,
    )
    if path.stat().st_size > MAX_BYTES:
        raise SystemExit(f"{name} ist größer als {MAX_BYTES} Bytes.")
    return path, len(images)


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


def main():
    """Write the three demo documents and print their sizes and page counts."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    documents = [
        ("integrationskonzept-2023.pdf", CONCEPT_TITLE, CONCEPT_FOOTER, CONCEPT_PAGES),
        (
            "integrationskonzept-kurzfassung-2023.pdf",
            "Integrationskonzept 2023 – Kurzfassung",
            CONCEPT_FOOTER,
            SUMMARY_PAGES,
        ),
        (
            "beirat-geschaeftsordnung.pdf",
            "Geschäftsordnung des Beirats für Migration und Integration",
            "Beirat für Migration und Integration · Geschäftsordnung",
            RULES_PAGES,
        ),
    ]
    for name, title, footer, pages in documents:
        path, count = save_pdf(name, title, footer, pages)
        print(f"{path.name}: {count} Seite(n), {path.stat().st_size} Bytes")


if __name__ == "__main__":
    main()
