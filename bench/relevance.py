"""Precision@3 of "Auch interessant" on a German corpus with known topics, against baselines.

The corpus (bench/relevanz/*.jsonl) has a topic label per article. The label is
kept away from every ranker: a teaser counts as relevant when it has the same
topic as the article it is shown on.
"""

import hashlib
import json
import math
import re
import sys
from collections import Counter
from datetime import date, datetime, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from auch_interessant.scoring import DEFAULT_WEIGHTS, Doc, Weights  # noqa: E402
from auch_interessant.selection import select_related  # noqa: E402

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
        timestamp=datetime.combine(day, time(10)).timestamp(),
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


def main() -> None:
    records = load_corpus()
    if not records:
        raise SystemExit(f"Kein Korpus in {CORPUS}")
    topics = {r["id"]: r["topic"] for r in records}
    print(f"Relevanz: {len(records)} Artikel in {len(set(topics.values()))} Themen, Präzision@{COUNT}")
    rows = [
        ("Auch interessant (Text + Tags)", precision(plugin_choices(records), topics)),
        ("Auch interessant (nur Text)", precision(plugin_choices(records, with_tags=False), topics)),
        ("Einfaches TF-IDF (Kosinus)", precision(plain_tfidf_choices(records), topics)),
        ("Nur Tags (wie related-posts)", precision(tags_only_choices(records), topics)),
        ("Zufall (erwartet)", chance_precision(records)),
    ]
    for label, value in rows:
        print(f"  {label:34s} {value:.3f}")


if __name__ == "__main__":
    main()
