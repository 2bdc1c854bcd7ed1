"""Deterministic synthetic German articles for build benchmarks (N = 1,000, 10,000, …)."""

import random
from datetime import datetime, timedelta
from pathlib import Path

TOPICS = {
    "sprache": "Sprachkurs Sprachcafé Integrationskurs Lesepatenschaft Sprachtandem Deutschkurs Wortschatz Alphabetisierung Gesprächsrunde Sprachförderung",
    "fairhandel": "Fairtrade Weltladen Kaffee Kakao Steuerungsgruppe Beschaffung Produzenten Kooperative Siegel Schokolade",
    "wohnen": "Wohnraum Unterkunft Vermieter Mietvertrag Wohnungssuche Nachbarschaft Gemeinschaftsunterkunft Mietbürgschaft Umzug Hausverwaltung",
    "gesundheit": "Arztbesuch Dolmetscher Impfung Krankenversicherung Pflege Beratungsstelle Therapie Vorsorge Apotheke Gesundheitslotsen",
    "arbeit": "Anerkennung Ausbildung Arbeitgeber Jobmesse Praktikum Berufsabschluss Fachkräfte Bewerbung Arbeitserlaubnis Qualifizierung",
    "sport": "Sportverein Schwimmkurs Fußballturnier Trainerin Mitgliedsbeitrag Turnhalle Sportabzeichen Laufgruppe Übungsleiter Vereinsheim",
    "rassismus": "Antidiskriminierung Rassismus Zivilcourage Beratung Vorfall Meldestelle Workshop Hassrede Betroffene Gleichbehandlung",
    "gleichstellung": "Gleichstellung Frauen Lohnlücke Kommunalpolitik Mentoring Vereinbarkeit Gewaltschutz Mädchen Gleichstellungsbeauftragte Teilzeit",
    "inklusion": "Barrierefreiheit Rollstuhl Gebärdensprache Leichte Sprache Behindertenbeirat Rampe Blindenleitsystem Assistenz Teilhabe Induktionsschleife",
    "entwicklung": "Partnerschaft Solaranlage Brunnen Diaspora Nachhaltigkeitsziele Schulpartnerschaft Entwicklungspolitik Delegation Klimaschutz Spendenlauf",
}
GENERAL = [
    "Stadt",
    "Rathaus",
    "Projekt",
    "Veranstaltung",
    "Bürgerinnen",
    "Bürger",
    "Stabsstelle",
    "Ehrenamtliche",
    "Anmeldung",
    "Termin",
    "Beratung",
    "Angebot",
    "Information",
    "Treffen",
    "Woche",
    "Jahr",
    "Mitarbeit",
    "Unterstützung",
    "Gespräch",
    "Teilnahme",
    "Programm",
    "Saal",
    "Abend",
    "Gruppe",
]
FILLERS = [
    "der",
    "die",
    "das",
    "und",
    "mit",
    "für",
    "im",
    "am",
    "zum",
    "zur",
    "auf",
    "bei",
    "von",
    "ein",
    "eine",
    "den",
    "dem",
    "des",
    "sich",
    "auch",
    "nach",
    "wird",
    "werden",
    "ist",
    "sind",
]
TAGS = ["Integration", "Ehrenamt", "Beratung", "Veranstaltung", "Bildung", "Familie", "Verwaltung", "Kultur"]


def sentence(rng: random.Random, topic_words: list[str], length: int) -> str:
    """A sentence-like string: topic words, general words and function words."""
    words = []
    for _ in range(length):
        pick = rng.random()
        pool = topic_words if pick < 0.3 else GENERAL if pick < 0.6 else FILLERS
        words.append(rng.choice(pool))
    return " ".join(words).capitalize() + "."


def article(rng: random.Random, number: int, start: datetime) -> tuple[str, str]:
    """File name and Markdown text of article `number`."""
    topic = rng.choice(sorted(TOPICS))
    topic_words = TOPICS[topic].split()
    title = " ".join(rng.choice(topic_words + GENERAL) for _ in range(5)) + f" {number}"
    when = start + timedelta(hours=number * 7)
    tags = sorted({topic.capitalize(), *rng.sample(TAGS, rng.randint(0, 2))})
    paragraphs = ["\n".join(sentence(rng, topic_words, rng.randint(8, 16)) for _ in range(4)) for _ in range(5)]
    text = (
        f"Title: {title}\nDate: {when:%Y-%m-%d %H:%M}\nCategory: {rng.choice(['Pressemitteilungen', 'Meldungen'])}\n"
        f"Tags: {', '.join(tags)}\nSummary: {sentence(rng, topic_words, 14)}\n\n"
        + "\n\n## Abschnitt\n\n".join(paragraphs)
        + "\n"
    )
    return f"{when:%Y-%m-%d}-artikel-{number}.md", text


def write_corpus(folder: Path, count: int, seed: int = 2026) -> Path:
    """Write `count` articles into folder/artikel/; the same seed always gives the same files."""
    rng = random.Random(seed)
    target = folder / "artikel"
    target.mkdir(parents=True, exist_ok=True)
    start = datetime(2015, 1, 1, 8, 0)
    for number in range(1, count + 1):
        name, text = article(rng, number, start)
        (target / name).write_text(text, encoding="utf-8")
    return folder
