"""Precision@3 of "Auch interessant" on German corpora with known topics, against baselines, and its speed.

Three corpora: our own (bench/relevanz/*.jsonl, written for this benchmark), and real German
news from ../shared/bench (gnad-dev, and gnad-dev-small as four small sites; see
news_corpus.py), which the licence keeps out of the repository. Each corpus has a topic label
per article, kept away from every ranker: a teaser counts as relevant when it has the same
topic as the article it is shown on.

    python bench/relevance.py [--gnad DIR] [--no-speed]
"""

import argparse
import hashlib
import json
import math
import random
import re
import sys
import time
from collections import Counter
from datetime import date, datetime
from datetime import time as day_time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from auch_interessant.scoring import DEFAULT_WEIGHTS, Doc, Weights  # noqa: E402
from auch_interessant.selection import select_related  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
import baselines  # noqa: E402
import news_corpus  # noqa: E402
from synthetic_corpus import article  # noqa: E402

CORPUS = ROOT / "bench" / "relevanz"
COUNT = 3


def load_corpus(folder: Path = CORPUS) -> list[dict]:
    """Every article of every .jsonl file in the folder."""
    records = []
    for path in sorted(folder.glob("*.jsonl")):
        records += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return records


def neutral_key(record: dict) -> str:
    """An id that does not spell the topic (the corpus ids do: "a-sprache-01")."""
    return "artikel-" + hashlib.sha1(record["id"].encode()).hexdigest()[:10]


def as_doc(record: dict, with_tags: bool = True) -> Doc:
    """What the plugin sees: text, tags and date, never the topic."""
    day = date.fromisoformat(record["date"])
    return Doc(
        key=neutral_key(record),
        slug=neutral_key(record),
        title=record["title"],
        summary=record["summary"],
        body=record["text"],
        tags=frozenset(t.lower() for t in record["tags"]) if with_tags else frozenset(),
        category="Meldungen",
        timestamp=datetime.combine(day, day_time(10)).timestamp(),
        lang="de",
    )


def precision(chosen: dict[str, list[str]], topics: dict[str, str]) -> float:
    """Share of shown teasers whose topic matches the article's; missing teasers count as wrong."""
    hits = sum(topics[key] == topics[other] for key, others in chosen.items() for other in others)
    return hits / (COUNT * len(chosen))


def plugin_choices(records, with_tags=True, weights: Weights = DEFAULT_WEIGHTS) -> dict[str, list[str]]:
    """The plugin's teasers, keyed by corpus id."""
    docs = [as_doc(r, with_tags) for r in records]
    ids = {neutral_key(r): r["id"] for r in records}
    chosen = select_related(docs, {}, COUNT, "de", weights)
    return {ids[key]: [ids[c.key] for c in choices] for key, choices in chosen.items()}


def tags_only_choices(records) -> dict[str, list[str]]:
    """Baseline: most shared tags (Jaccard), ties by newer date then id; like related-posts."""
    chosen = {}
    for record in records:
        mine = set(record["tags"])
        scored = [
            (
                -len(mine & set(o["tags"])) / len(mine | set(o["tags"])),
                -date.fromisoformat(o["date"]).toordinal(),
                o["id"],
            )
            for o in records
            if o["id"] != record["id"]
        ]
        chosen[record["id"]] = [key for _, _, key in sorted(scored)[:COUNT]]
    return chosen


def plain_tfidf_choices(records) -> dict[str, list[str]]:
    """Reference: plain TF-IDF cosine over lower-case words, no stemming, stop words or tags."""
    token = re.compile(r"\w+")
    counts = [Counter(token.findall(f"{r['title']} {r['summary']} {r['text']}".lower())) for r in records]
    df = Counter(term for c in counts for term in c)
    n = len(records)
    vectors = []
    for c in counts:
        v = {t: tf * math.log(n / df[t]) for t, tf in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({t: x / norm for t, x in v.items()})
    chosen = {}
    for i, record in enumerate(records):
        scored = sorted(
            (-sum(w * vectors[j].get(t, 0.0) for t, w in vectors[i].items()), records[j]["id"])
            for j in range(n)
            if j != i
        )
        chosen[record["id"]] = [key for _, key in scored[:COUNT]]
    return chosen


def chance_precision(records) -> float:
    """Expected precision of teasers drawn at random from the other articles."""
    sizes = Counter(r["topic"] for r in records)
    return sum((sizes[r["topic"]] - 1) / (len(records) - 1) for r in records) / len(records)


def as_items(records) -> list[dict]:
    """The corpus in the baselines' form: title, summary and text, tags, date; no topic."""
    return [
        {
            "id": r["id"],
            "title": r["title"],
            "text": f"{r['summary']} {r['text']}",
            "tags": r["tags"],
            "date": r["date"],
        }
        for r in records
    ]


def row(label: str, value: float) -> None:
    print(f"  {label:40s} {value:.3f}")


def own_corpus() -> None:
    records = load_corpus()
    if not records:
        raise SystemExit(f"Kein Korpus in {CORPUS}")
    topics = {r["id"]: r["topic"] for r in records}
    print(
        f"Eigenes Korpus bench/relevanz/: {len(records)} Artikel in {len(set(topics.values()))} Themen, Präzision@{COUNT}"
    )
    row("Auch interessant (Text + Tags)", precision(plugin_choices(records), topics))
    row("Auch interessant (nur Text)", precision(plugin_choices(records, with_tags=False), topics))
    row("Einfaches TF-IDF (Snowball, Kosinus)", precision(baselines.plain_tfidf_choices(as_items(records)), topics))
    row("TF-IDF ohne Stammformen (bisher)", precision(plain_tfidf_choices(records), topics))
    row("Nur Tags (wie related-posts)", precision(tags_only_choices(records), topics))
    row("Zufall (erwartet)", chance_precision(records))


def news_site(folder: Path) -> dict[str, float]:
    """Our ranker (real Pelican build), plain TF-IDF, tags only and chance on one site."""
    items = news_corpus.read_items(folder)
    topics = news_corpus.topics(folder)
    return {
        "ours": baselines.precision(news_corpus.built_teasers(folder), topics),
        "tfidf": baselines.precision(baselines.plain_tfidf_choices(items), topics),
        "tags": baselines.precision(baselines.tags_only_choices(items), topics),
        "chance": baselines.chance_precision(topics),
    }


def news_corpora(root: Path) -> None:
    absent = [root] if not root.is_dir() else [root / name for name in news_corpus.missing(root)]
    if absent:
        print(f"Nachrichtenkorpus übersprungen: {', '.join(map(str, absent))} fehlt (anderer Ort: --gnad ORDNER).")
        return
    labels = {"ours": "Auch interessant (Pelican-Build)", "tfidf": "Einfaches TF-IDF (Snowball, Kosinus)"}
    labels |= {"tags": "Nur Tags (Quelle hat keine)", "chance": "Zufall (erwartet)"}
    dev = news_site(root / "gnad-dev")
    print(f"Nachrichten {root / 'gnad-dev'}: Präzision@{COUNT}")
    for key, label in labels.items():
        row(label, dev[key])
    parts = [news_site(root / name) for name in news_corpus.SITES[1:]]
    print(f"Nachrichten {root / 'gnad-dev-small'}: Mittel der vier Teile als eigene Sites (Teil 1–4)")
    for key, label in labels.items():
        values = [part[key] for part in parts]
        print(f"  {label:40s} {sum(values) / len(values):.3f}  ({' '.join(f'{v:.3f}' for v in values)})")
    print(
        f"  Vorsprung vor TF-IDF: {dev['ours'] - dev['tfidf']:+.3f} (gnad-dev), "
        f"{sum(p['ours'] - p['tfidf'] for p in parts) / len(parts):+.3f} (gnad-dev-small)"
    )


def synthetic_docs(count: int) -> list[Doc]:
    """`count` articles of the synthetic build corpus, as the plugin sees them."""
    rng = random.Random(2026)
    docs = []
    for number in range(1, count + 1):
        name, text = article(rng, number, datetime(2015, 1, 1, 8))
        head, _, body = text.partition("\n\n")
        meta = dict(line.split(": ", 1) for line in head.splitlines())
        docs.append(
            Doc(
                key=name,
                slug=name,
                title=meta["Title"],
                summary=meta["Summary"],
                body=body,
                tags=frozenset(tag.strip().lower() for tag in meta["Tags"].split(",")),
                category=meta["Category"],
                timestamp=datetime.fromisoformat(meta["Date"]).timestamp(),
                group=f"article:{name}",
            )
        )
    return docs


def teaser_speed(sizes=(1000, 10000)) -> None:
    """The teaser computation alone (select_related), fastest of three runs: others may share the CPU."""
    print("Teaser-Berechnung (synthetische Artikel, schnellster von drei Läufen; Ziel ≤ 0,5 s / ≤ 5 s)")
    for size in sizes:
        docs = synthetic_docs(size)
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            select_related(docs, {}, COUNT, "de")
            best = min(best, time.perf_counter() - started)
        print(f"  {size:>6} Artikel {best:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--gnad", type=Path, default=news_corpus.DEFAULT_ROOT, help="Ordner mit gnad-dev/ und gnad-dev-small/"
    )
    parser.add_argument("--no-speed", action="store_true", help="ohne Zeitmessung")
    arguments = parser.parse_args()
    own_corpus()
    news_corpora(arguments.gnad)
    if not arguments.no_speed:
        teaser_speed()


if __name__ == "__main__":
    main()
