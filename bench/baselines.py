"""Baseline rankers for the relevance benchmark; none of them ever sees a topic label.

Each takes items as dicts with "id", "title", "text" (summary and body), "tags" and "date"
(ISO), and returns {id: [ids of the three teasers]}.
"""

import math
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np
from scipy import sparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from auch_interessant.text import stem, words

COUNT = 3


def plain_tfidf_choices(items: list[dict], count: int = COUNT) -> dict[str, list[str]]:
    """Plain TF-IDF cosine as the benchmark README defines it: Snowball stems, the short stop-word
    list, sublinear tf, the title counted twice, terms of one item only dropped, idf = log(N / df)."""
    counts = []
    for item in items:
        terms = Counter()
        for word in words(item["title"]):
            terms[stem(word)] += 2
        for word in words(item["text"]):
            terms[stem(word)] += 1
        counts.append(terms)
    n = len(items)
    document_frequency = Counter(term for terms in counts for term in terms)
    columns = {t: i for i, t in enumerate(sorted(t for t, df in document_frequency.items() if df > 1))}
    rows, cols, values = [], [], []
    for row, terms in enumerate(counts):
        for term, tf in terms.items():
            if term in columns:
                rows.append(row)
                cols.append(columns[term])
                values.append((1.0 + math.log(tf)) * math.log(n / document_frequency[term]))
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=(n, len(columns)))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    matrix = sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ matrix
    similarity = (matrix @ matrix.T).toarray()
    np.fill_diagonal(similarity, -np.inf)
    ids = np.array([item["id"] for item in items])
    chosen = {}
    for row, item in enumerate(items):
        # Best first; ties by id, so the baseline is deterministic.
        order = np.lexsort((ids, -similarity[row]))
        chosen[item["id"]] = [ids[j] for j in order[:count] if j != row]
    return chosen


def tags_only_choices(items: list[dict], count: int = COUNT) -> dict[str, list[str]]:
    """Most shared tags (Jaccard), ties by newer date then id; like the related-posts plugin."""
    chosen = {}
    for item in items:
        mine = set(item["tags"])
        scored = []
        for other in items:
            if other["id"] == item["id"]:
                continue
            union = mine | set(other["tags"])
            jaccard = len(mine & set(other["tags"])) / len(union) if union else 0.0
            scored.append((-jaccard, -date.fromisoformat(other["date"][:10]).toordinal(), other["id"]))
        chosen[item["id"]] = [key for _, _, key in sorted(scored)[:count]]
    return chosen


def chance_precision(topics: dict[str, str]) -> float:
    """Expected precision of teasers drawn at random from the other items."""
    sizes = Counter(topics.values())
    return sum((sizes[topic] - 1) / (len(topics) - 1) for topic in topics.values()) / len(topics)


def precision(chosen: dict[str, list[str]], topics: dict[str, str], count: int = COUNT) -> float:
    """Share of shown teasers whose topic matches the item's; missing teasers count as wrong."""
    hits = sum(topics[key] == topics[other] for key, others in chosen.items() for other in others)
    return hits / (count * len(chosen))
