"""Rank related items by text similarity, shared tags, same category and recency.

Every item becomes a sparse, L2-normalised TF-IDF vector over stems and
compound parts, pruned to its strongest terms, with shared tags as extra
dimensions. One sparse matrix product per block of items gives all pairwise
dot products that are not zero, so the cost grows with the number of pairs
that share a term, not with the square of the number of items.
"""

import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from .text import MIN_PART, compound_parts, stem, word_counts

BLOCK_ROWS = 1024
# Languages whose compound words are split into known parts ("Sprachtandem" → Sprache, Tandem).
COMPOUND_LANGUAGES = frozenset({"de"})
SECONDS_PER_YEAR = 365.25 * 24 * 3600


@dataclass(frozen=True)
class Doc:
    """What the ranking knows of an item: no Pelican objects, no topic labels."""

    key: str
    slug: str
    title: str = ""
    summary: str = ""
    body: str = ""
    tags: frozenset[str] = frozenset()
    category: str | None = None
    timestamp: float | None = None  # seconds since the epoch; None for pages
    lang: str = "de"
    group: str = ""  # items of one translation group never suggest each other


@dataclass(frozen=True)
class Weights:
    """How much each signal counts; text similarity is a cosine between 0 and 1."""

    title: float = 2.0  # a title word counts like two body words
    summary: float = 2.0
    compound_part: float = 0.5  # parts of a compound count half
    max_terms: int = 40  # strongest terms kept per item
    # A term in more than this share of all items says little about any of them, and it
    # would connect nearly every pair: the matrix product would become quadratic.
    max_document_share: float = 0.5
    max_body_words: int = 600  # the start of a long text says what it is about
    tag: float = 0.05  # per shared tag, scaled by how rare the tag is; text decides, tags tip the balance
    category: float = 0.03
    recency: float = 0.05  # at most 5 % more for the newest item
    recency_half_life_years: float = 2.0
    candidates: int = 30  # best text-and-tag matches re-ranked with neighbours, category and recency
    # Shared neighbours: two items whose closest matches are the same items are about the
    # same thing even when they share few words ("second-order" similarity).
    neighbours: int = 10
    shared_neighbours: float = 2.0


DEFAULT_WEIGHTS = Weights()


@dataclass
class Ranking:
    """For each source index, candidate (pool index, score) pairs, best first."""

    candidates: list[list[tuple[int, float]]] = field(default_factory=list)


def doc_words(doc: Doc, weights: Weights) -> Counter:
    """Weighted word counts of title, summary and the start of the body."""
    counts = Counter()
    for text, factor in ((doc.title, weights.title), (doc.summary, weights.summary), (doc.body, 1.0)):
        for word, count in word_counts(text, weights.max_body_words, doc.lang).items():
            counts[word] += count * factor
    return counts


def corpus_terms(docs: list[Doc], weights: Weights) -> list[Counter]:
    """Per doc, weighted counts of stems and, in German, of the stems of compound parts the corpus knows."""
    word_counts_per_doc = [doc_words(doc, weights) for doc in docs]
    known_words = frozenset(
        word
        for doc, counts in zip(docs, word_counts_per_doc, strict=True)
        if doc.lang in COMPOUND_LANGUAGES
        for word in counts
        if len(word) >= MIN_PART
    )
    parts: dict[str, list[str]] = {}
    terms_per_doc = []
    for doc, counts in zip(docs, word_counts_per_doc, strict=True):
        terms = Counter()
        compounds = doc.lang in COMPOUND_LANGUAGES
        for word, count in counts.items():
            terms[stem(word, doc.lang)] += count
            if compounds and len(word) >= 2 * MIN_PART:
                if word not in parts:
                    parts[word] = compound_parts(word, known_words)
                for part in parts[word]:
                    terms[part] += count * weights.compound_part
        terms_per_doc.append(terms)
    return terms_per_doc


def _tfidf_rows(term_counts: list[Counter], max_terms: int, max_document_share: float):
    """Sparse rows of L2-normalised, pruned TF-IDF weights (sublinear term frequency)."""
    n = len(term_counts)
    document_frequency = Counter(term for counts in term_counts for term in counts)
    # A term only one item has cannot connect two items; one in most items connects all.
    most = max(2, int(max_document_share * n))
    kept = sorted(t for t, df in document_frequency.items() if 1 < df <= most)
    columns = {term: i for i, term in enumerate(kept)}
    idf = {term: math.log((n + 1) / (document_frequency[term] + 1)) + 1.0 for term in columns}
    rows, cols, values = [], [], []
    for row, counts in enumerate(term_counts):
        weighted = [((1.0 + math.log(c)) * idf[t] if c >= 1 else c * idf[t], t) for t, c in counts.items() if t in idf]
        weighted.sort(key=lambda pair: (-pair[0], pair[1]))
        weighted = weighted[:max_terms]
        norm = math.sqrt(sum(w * w for w, _ in weighted)) or 1.0
        for weight, term in weighted:
            rows.append(row)
            cols.append(columns[term])
            values.append(weight / norm)
    return rows, cols, values, len(columns)


def _tag_rows(docs: list[Doc], tag_weight: float, offset: int):
    """Extra dimensions for tags: two items sharing a tag gain tag_weight × its rarity."""
    n = len(docs)
    frequency = Counter(tag for doc in docs for tag in doc.tags)
    columns = {tag: offset + i for i, tag in enumerate(sorted(t for t, f in frequency.items() if f > 1))}
    rows, cols, values = [], [], []
    for row, doc in enumerate(docs):
        for tag in sorted(doc.tags):
            if tag in columns:
                rarity = math.log((n + 1) / (frequency[tag] + 1)) / math.log(n + 1) if n > 1 else 1.0
                rows.append(row)
                cols.append(columns[tag])
                values.append(math.sqrt(tag_weight * max(rarity, 0.0)))
    return rows, cols, values, len(columns)


def feature_matrix(docs: list[Doc], weights: Weights) -> sparse.csr_matrix:
    """One row per doc: text dimensions, then tag dimensions."""
    term_counts = corpus_terms(docs, weights)
    text_rows, text_cols, text_values, text_width = _tfidf_rows(
        term_counts, weights.max_terms, weights.max_document_share
    )
    tag_rows, tag_cols, tag_values, tag_width = _tag_rows(docs, weights.tag, text_width)
    return sparse.csr_matrix(
        (np.array(text_values + tag_values), (np.array(text_rows + tag_rows, dtype=np.int64), text_cols + tag_cols)),
        shape=(len(docs), text_width + tag_width),
    )


def _freshness(timestamp: float | None, newest: float, half_life_years: float) -> float:
    if timestamp is None:
        return 0.0
    age_years = max(newest - timestamp, 0.0) / SECONDS_PER_YEAR
    return 0.5 ** (age_years / half_life_years)


def _group_ids(docs: list[Doc]) -> np.ndarray:
    """A number per translation group; -1 for items without one, which never match each other by group."""
    numbers: dict[str, int] = {}
    return np.array([numbers.setdefault(doc.group, len(numbers)) if doc.group else -1 for doc in docs])


def _first_order(matrix: sparse.csr_matrix, groups: np.ndarray, keep: int):
    """Per row, the `keep` most similar other rows (never the row itself or its translations)."""
    transposed = matrix.T.tocsc()
    rows = []
    for start in range(0, matrix.shape[0], BLOCK_ROWS):
        block = (matrix[start : start + BLOCK_ROWS] @ transposed).tocsr()
        for offset in range(block.shape[0]):
            source = start + offset
            targets = block.indices[block.indptr[offset] : block.indptr[offset + 1]]
            similarities = block.data[block.indptr[offset] : block.indptr[offset + 1]]
            mask = targets != source
            if groups[source] >= 0:
                mask &= groups[targets] != groups[source]
            targets, similarities = targets[mask], similarities[mask]
            if len(targets) > keep:
                strongest = np.argpartition(-similarities, keep - 1)[:keep]
                targets, similarities = targets[strongest], similarities[strongest]
            rows.append((targets, similarities))
    return rows


def _neighbour_matrix(rows, size: int, neighbours: int) -> sparse.csr_matrix:
    """Sparse matrix of each row's `neighbours` strongest similarities."""
    indptr, indices, data = [0], [], []
    for targets, similarities in rows:
        if len(targets) > neighbours:
            strongest = np.argpartition(-similarities, neighbours - 1)[:neighbours]
            targets, similarities = targets[strongest], similarities[strongest]
        indices.append(targets)
        data.append(similarities)
        indptr.append(indptr[-1] + len(targets))
    return sparse.csr_matrix(
        (np.concatenate(data) if data else [], np.concatenate(indices) if indices else [], indptr),
        shape=(size, size),
    )


def _row_values(matrix: sparse.csr_matrix, row: int, columns: np.ndarray) -> np.ndarray:
    """matrix[row, columns] for a CSR matrix with sorted indices, without building a dense row."""
    indices = matrix.indices[matrix.indptr[row] : matrix.indptr[row + 1]]
    data = matrix.data[matrix.indptr[row] : matrix.indptr[row + 1]]
    positions = np.searchsorted(indices, columns)
    positions = np.minimum(positions, max(len(indices) - 1, 0))
    found = (len(indices) > 0) & (indices[positions] == columns) if len(indices) else np.zeros(len(columns), bool)
    return np.where(found, data[positions] if len(indices) else 0.0, 0.0)


def rank(docs: list[Doc], weights: Weights = DEFAULT_WEIGHTS) -> Ranking:
    """Candidates for every doc among all others, best first, ties by newer date then slug."""
    ranking = Ranking(candidates=[[] for _ in docs])
    if len(docs) < 2:
        return ranking
    matrix = feature_matrix(docs, weights)
    rows = _first_order(matrix, _group_ids(docs), weights.candidates)
    neighbours = _neighbour_matrix(rows, len(docs), weights.neighbours)
    second_order = (neighbours @ neighbours.T).tocsr()
    second_order.sort_indices()

    category_numbers: dict[str | None, int] = {}
    categories = np.array([category_numbers.setdefault(doc.category, len(category_numbers)) for doc in docs])
    has_category = np.array([doc.category is not None for doc in docs])
    timestamps = np.array([doc.timestamp or 0.0 for doc in docs])
    dated = [doc.timestamp for doc in docs if doc.timestamp is not None]
    newest = max(dated) if dated else 0.0
    boost = np.array(
        [1.0 + weights.recency * _freshness(doc.timestamp, newest, weights.recency_half_life_years) for doc in docs]
    )
    slug_order = np.argsort(np.argsort(np.array([doc.slug for doc in docs]), kind="stable"), kind="stable")
    for source, (targets, similarities) in enumerate(rows):
        shared = _row_values(second_order, source, targets)
        same_category = (categories[targets] == categories[source]) & has_category[source]
        similarity = similarities + weights.shared_neighbours * shared
        scores = np.round((similarity + weights.category * same_category) * boost[targets], 9)
        # Best score first; on a tie the newer item, then the slug: the same content, the same teasers.
        order = np.lexsort((slug_order[targets], -timestamps[targets], -scores))
        ranking.candidates[source] = list(zip(targets[order].tolist(), scores[order].tolist(), strict=True))
    return ranking
