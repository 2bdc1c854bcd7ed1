"""Rank related items by text similarity, shared tags, same category and recency.

Every item becomes a sparse, L2-normalised TF-IDF vector over stems and
compound parts. Two similarities are blended: the lexical cosine over each
item's strongest terms (with shared tags as extra dimensions), and the cosine
in a latent semantic space (truncated SVD of all terms, about √N dimensions),
which connects items on one subject that share few words. Rows are scored in
blocks: the lexical product is sparse, the latent one a dense N × √N product in
single precision that only picks candidates; their scores are computed exactly.
"""

import math
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.linalg import eigh
from scipy.sparse.linalg import svds

from .text import MIN_PART, compound_parts, spelling_weight, stem, stopwords, written_counts

# Rows scored at once: at 10,000 items a block's arrays stay under 32 MiB, so the allocator reuses
# their memory instead of mapping (and faulting in) fresh pages for every block.
BLOCK_ROWS = 256
# Candidates beyond the kept ones taken from the single-precision scores, for their exact re-scoring.
SPARE = 10
# Languages whose compound words are split into known parts ("Sprachtandem" → Sprache, Tandem).
COMPOUND_LANGUAGES = frozenset({"de"})
SECONDS_PER_YEAR = 365.25 * 24 * 3600
UNMATCHED = -1.5  # below any similarity: a pair that must not be suggested
NOISE = 1e-9  # a singular value this small against the largest, or a latent row this short, is rounding noise


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

    title: float = 1.0  # the title's words count once more, as in the body
    summary: float = 2.0
    # German: a word written in lower case (verb, adjective) counts this much, a capitalised one (a noun,
    # a name) 1. On real news this lifted precision@3 by 0.01–0.02 on every site size (bench/RESULTS.md).
    lower_case: float = 0.5
    compound_part: float = 0.5  # parts of a compound count half
    max_terms: int = 40  # strongest terms per item in the lexical cosine (all of them go into the latent one)
    # A term in more than this share of all items says little about any of them, and it
    # would connect nearly every pair: the matrix product would become quadratic.
    max_document_share: float = 0.5
    max_body_words: int = 600  # the start of a long text says what it is about
    tag: float = 0.05  # per shared tag, scaled by how rare the tag is; text decides, tags tip the balance
    category: float = 0.03
    recency: float = 0.05  # at most 5 % more for the newest item
    recency_half_life_years: float = 2.0
    candidates: int = 30  # best blended matches per item that get the category and recency terms
    # Share of the latent-space cosine in the text similarity (the rest is the lexical cosine).
    latent: float = 0.5
    # The latent cosine is the mean of those at round(r × √N) dimensions for each r: few topics on a
    # small site, more on a large one.
    latent_ranks: tuple[float, ...] = (0.5, 1.0, 2.0)


DEFAULT_WEIGHTS = Weights()


@dataclass
class Ranking:
    """For each source index, candidate (pool index, score) pairs, best first."""

    candidates: list[list[tuple[int, float]]] = field(default_factory=list)


def _fields(doc: Doc, weights: Weights):
    """(text, weight) of title, summary and body."""
    return ((doc.title, weights.title), (doc.summary, weights.summary), (doc.body, 1.0))


class _Columns(dict):
    """Word → column, a new word getting the next column."""

    def __missing__(self, word: str) -> int:
        self[word] = column = len(self)
        return column


def _word_matrix(docs: list[Doc], weights: Weights) -> tuple[sparse.csr_matrix, dict[str, list[str]]]:
    """Weighted word counts (title, summary, start of the body) as one row per doc, and per language its
    words as written, in column order: each distinct spelling gets one column, so it is looked at once
    per ranking."""
    vocabularies: dict[str, _Columns] = {}  # per language: spelling → column among that language's words
    rows, columns, counts, factors = [], [], [], []
    for row, doc in enumerate(docs):
        vocabulary = vocabularies.setdefault(doc.lang, _Columns())
        for text, factor in _fields(doc, weights):
            found = written_counts(text, weights.max_body_words, doc.lang)
            columns += map(vocabulary.__getitem__, found)
            counts += found.values()
            factors += [factor] * len(found)
            rows += [row] * len(found)
    offsets, start = {}, 0
    for lang, vocabulary in vocabularies.items():
        offsets[lang] = start
        start += len(vocabulary)
    rows = np.array(rows, dtype=np.int64)
    columns = np.array(columns, dtype=np.int64) + np.array([offsets[doc.lang] for doc in docs], dtype=np.int64)[rows]
    weighted = np.array(counts, dtype=float) * np.array(factors, dtype=float)
    matrix = sparse.csr_matrix((weighted, (rows, columns)), shape=(len(docs), start))
    return matrix, {lang: list(vocabulary) for lang, vocabulary in vocabularies.items()}


def corpus_terms(docs: list[Doc], weights: Weights) -> tuple[sparse.csr_matrix, list[str]]:
    """Per doc (row), weighted counts of stems and, in German, of the stems of compound parts the corpus
    knows; and the terms, sorted, one per column. A word's occurrences weigh by their spelling
    (`spelling_weight`)."""
    words_per_doc, vocabularies = _word_matrix(docs, weights)
    terms: dict[str, int] = {}
    rows, columns, values = [], [], []
    row = 0
    for lang, vocabulary in vocabularies.items():
        stop = stopwords(lang)
        compounds = lang in COMPOUND_LANGUAGES
        lower_words = {spelling: spelling.lower() for spelling in vocabulary}
        known_words = (
            frozenset(w for w in lower_words.values() if len(w) >= MIN_PART and w not in stop)
            if compounds
            else frozenset()
        )
        word_terms: dict[str, list[tuple[int, float]]] = {}  # lower-case word → (term column, factor)
        for spelling, word in lower_words.items():
            if word not in word_terms:
                found = [] if word in stop else [(terms.setdefault(stem(word, lang), len(terms)), 1.0)]
                if found and compounds and len(word) >= 2 * MIN_PART:
                    found += [
                        (terms.setdefault(part, len(terms)), weights.compound_part)
                        for part in compound_parts(word, known_words)
                    ]
                word_terms[word] = found
            weight = spelling_weight(spelling, lang, weights.lower_case)
            for column, factor in word_terms[word]:
                rows.append(row)
                columns.append(column)
                values.append(weight * factor)
            row += 1
    # Columns in the terms' sorted order, so that ties between terms fall the same way on every build.
    ordered = sorted(terms)
    position = np.empty(len(terms), dtype=np.int64)
    position[[terms[term] for term in ordered]] = np.arange(len(terms))
    spelling_terms = sparse.csr_matrix(
        (np.array(values), (np.array(rows, dtype=np.int64), position[np.array(columns, dtype=np.int64)])),
        shape=(row, len(terms)),
    )
    return (words_per_doc @ spelling_terms).tocsr(), ordered


def _tfidf_rows(term_counts: sparse.csr_matrix, terms: list[str], max_terms: int, max_document_share: float):
    """L2-normalised TF-IDF weights (sublinear term frequency) as sparse triplets: all terms, and each
    row's `max_terms` strongest (ties by term)."""
    n = term_counts.shape[0]
    term_counts = term_counts.tocoo()
    document_frequency = np.bincount(term_counts.col, minlength=len(terms))
    # A term only one item has cannot connect two items; one in most items connects all.
    most = max(2, int(max_document_share * n))
    kept = (document_frequency > 1) & (document_frequency <= most)
    column_of = np.cumsum(kept) - 1
    idf = np.array([math.log((n + 1) / (df + 1)) + 1.0 for df in document_frequency[kept].tolist()])
    used = kept[term_counts.col]
    rows = term_counts.row[used].astype(np.int64)
    cols = column_of[term_counts.col[used]]
    counts = term_counts.data[used]
    weights = np.where(counts >= 1, 1.0 + np.log(np.maximum(counts, 1.0)), counts) * idf[cols]
    # Strongest first within each row; columns follow the terms' order, so ties fall by term.
    order = np.lexsort((cols, -weights, rows))
    rows, cols, weights = rows[order], cols[order], weights[order]
    starts = np.searchsorted(rows, np.arange(n))
    strongest = (np.arange(len(rows)) - starts[rows]) < max_terms

    def normalised(mask):
        norms = np.sqrt(np.bincount(rows[mask], weights=weights[mask] ** 2, minlength=n))
        return rows[mask], cols[mask], weights[mask] / np.where(norms > 0, norms, 1.0)[rows[mask]]

    return normalised(np.ones(len(rows), bool)), normalised(strongest), int(kept.sum())


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


def _csr(triplets, shape) -> sparse.csr_matrix:
    rows, cols, values = (np.asarray(part) for part in triplets)
    return sparse.csr_matrix((values.astype(float), (rows.astype(np.int64), cols.astype(np.int64))), shape=shape)


def feature_matrices(docs: list[Doc], weights: Weights) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """(lexical, all terms): one row per doc; the lexical one has each doc's strongest terms, then tag
    dimensions; the other every kept term, for the latent space."""
    term_counts, terms = corpus_terms(docs, weights)
    full, pruned, text_width = _tfidf_rows(term_counts, terms, weights.max_terms, weights.max_document_share)
    tag_rows, tag_cols, tag_values, tag_width = _tag_rows(docs, weights.tag, text_width)
    lexical = _csr(
        (
            np.concatenate([pruned[0], tag_rows]),
            np.concatenate([pruned[1], tag_cols]),
            np.concatenate([pruned[2], tag_values]),
        ),
        (len(docs), text_width + tag_width),
    )
    return lexical, _csr(full, (len(docs), text_width))


def feature_matrix(docs: list[Doc], weights: Weights) -> sparse.csr_matrix:
    """One row per doc: each doc's strongest text dimensions, then tag dimensions."""
    return feature_matrices(docs, weights)[0]


def latent_vectors(
    matrix: sparse.csr_matrix, ranks: tuple[float, ...] = DEFAULT_WEIGHTS.latent_ranks, exact_side: int = 2000
) -> np.ndarray | None:
    """Rows whose dot products are latent semantic cosines, or None when the site is too small for a
    latent space: the truncated SVD of the TF-IDF matrix, rows scaled by the singular values.

    With several `ranks` (multiples of √N dimensions) the dot product is the mean of the cosines at
    each rank: each rank's leading part of a row, normalised, and all of them side by side. No single
    rank suits every site (a few broad subjects or many narrow ones); on real news the mean of ½√N, √N
    and 2√N beat every single rank on every site size (bench/RESULTS.md).

    When items or terms number at most `exact_side`, from the dense Gram matrix of the smaller side
    (exact, and faster than iterating); otherwise by ARPACK (svds) from a fixed start vector.
    """
    most = min(matrix.shape) - 1
    root = math.sqrt(matrix.shape[0])
    widths = sorted({min(max(round(rank * root), 2), most) for rank in ranks})
    dimensions = widths[-1]
    if dimensions < 2 or matrix.nnz == 0:
        return None
    if min(matrix.shape) <= exact_side:
        by_items = matrix.shape[0] <= matrix.shape[1]
        gram = (matrix @ matrix.T if by_items else matrix.T @ matrix).toarray()
        side = gram.shape[0]
        values, bases = eigh(gram, subset_by_index=[side - dimensions, side - 1])
        singular = np.sqrt(np.maximum(values, 0.0))
        vectors = bases * singular if by_items else matrix @ bases
    else:
        start = np.full(min(matrix.shape), 1.0 / math.sqrt(min(matrix.shape)))
        left, singular, _ = svds(matrix, k=dimensions, v0=start)
        vectors = left * singular
    # Strongest dimension first, so that each rank is a leading part of the row; dimensions whose
    # singular value is rounding noise are left out: normalised, they would make noise a cosine.
    order = np.argsort(-singular, kind="stable")
    order = order[singular[order] > NOISE * singular.max()]
    vectors = vectors[:, order]
    parts = []
    for width in sorted({min(width, len(order)) for width in widths}):
        part = vectors[:, :width]
        norms = np.linalg.norm(part, axis=1, keepdims=True)
        # A row with nothing in these dimensions has no cosine with any other at this rank.
        parts.append(np.where(norms > NOISE, part, 0.0) / np.where(norms > NOISE, norms, 1.0))
    return np.hstack(parts) / math.sqrt(len(parts))


def _freshness(timestamp: float | None, newest: float, half_life_years: float) -> float:
    if timestamp is None:
        return 0.0
    age_years = max(newest - timestamp, 0.0) / SECONDS_PER_YEAR
    return 0.5 ** (age_years / half_life_years)


def _group_ids(docs: list[Doc]) -> np.ndarray:
    """A number per translation group; -1 for items without one, which never match each other by group."""
    numbers: dict[str, int] = {}
    return np.array([numbers.setdefault(doc.group, len(numbers)) if doc.group else -1 for doc in docs])


def _flushed(values: np.ndarray) -> np.ndarray:
    return np.where(np.abs(values) < 1e-12, 0.0, values)


def _blended_blocks(lexical: sparse.csr_matrix, latent: np.ndarray | None, groups: np.ndarray, weights: Weights):
    """Per block of rows: (first row, targets, similarities, found), each a rows × `candidates` array, the
    best other rows (never the row itself or its translations) by (1 − latent) × lexical cosine +
    latent × latent cosine; `found` marks real matches among them."""
    transposed = lexical.T.tocsc()
    size, keep = lexical.shape[0], weights.candidates
    share = weights.latent if latent is not None else 0.0
    # Translations of one item: never each other's match.
    members: dict[int, list[int]] = {}
    for index, group in enumerate(groups.tolist()):
        if group >= 0:
            members.setdefault(group, []).append(index)
    translated = [index for index, group in enumerate(groups.tolist()) if group >= 0 and len(members[group]) > 1]
    # The dense scores are computed in single precision (half the memory traffic) for a few more
    # candidates than kept; those few are then scored again in double precision, so the kept ones and
    # their scores are those of an exact computation (unless more than SPARE items tie within 1e-6).
    wide = min(size, keep + SPARE) if share else min(size, keep)
    if share:
        scaled = share * latent
        # Components too small to matter become 0: in single precision they (and their products) would be
        # subnormal numbers, which make the matrix product several times slower. One more dimension adds
        # −1e-6 × column / N to every score: where items have nothing in common the scores would all be
        # exactly 0, and a block of equal values makes the partition below ten times slower.
        ramp = -1e-6 * np.arange(size) / size
        latent_single = np.hstack([_flushed(latent), np.ones((size, 1))]).astype(np.float32)
        scaled_single = np.hstack([_flushed(scaled), ramp[:, None]]).astype(np.float32)
        buffer = np.empty((min(BLOCK_ROWS, size), size), dtype=np.float32)
    else:
        # Pairs that share no term get distinct scores below any cosine: a block full of equal values
        # would make the partition below several times slower.
        unmatched = -2.0 - np.arange(size) / size
    blocks = []
    for start in range(0, size, BLOCK_ROWS):
        block = (lexical[start : start + BLOCK_ROWS] @ transposed).tocsr()
        height = block.shape[0]
        # Flat positions of the lexical pairs in the block: take/put on them beat 2-D fancy indexing.
        pairs = np.repeat(np.arange(height) * size, np.diff(block.indptr)) + block.indices
        if share:
            # Into one buffer for all blocks: a fresh block of this size each time costs page faults.
            scores = np.matmul(latent_single[start : start + height], scaled_single.T, out=buffer[:height])
            np.put(scores, pairs, np.take(scores, pairs) + (1.0 - share) * block.data)
        else:
            scores = np.tile(unmatched, (height, 1))
            np.put(scores, pairs, block.data)
        scores[np.arange(height), np.arange(start, start + height)] = UNMATCHED
        for source in translated[bisect_left(translated, start) : bisect_left(translated, start + height)]:
            scores[source - start, members[groups[source]]] = UNMATCHED
        if size > wide:
            # Partitioning the scores as they are (not negated) spares a copy of the block.
            targets = np.argpartition(scores, size - wide, axis=1)[:, size - wide :]
        else:
            targets = np.broadcast_to(np.arange(size), (height, size))
        excluded = np.take_along_axis(scores, targets, axis=1) == UNMATCHED
        # The candidates' lexical cosines again, pair by pair: cheaper than looking them up in the block.
        sources = np.repeat(np.arange(start, start + height), targets.shape[1])
        pair_products = lexical[sources].multiply(lexical[targets.ravel()])
        lexical_values = (1.0 - share) * np.asarray(pair_products.sum(axis=1)).reshape(targets.shape)
        if share:
            latent_values = np.einsum("ij,ikj->ik", latent[start : start + height], scaled[targets])
            similarities = np.where(excluded, UNMATCHED, latent_values + lexical_values)
            if wide > keep:
                best = np.argpartition(similarities, wide - keep, axis=1)[:, wide - keep :]
                targets, similarities = (np.take_along_axis(part, best, axis=1) for part in (targets, similarities))
                lexical_values = np.take_along_axis(lexical_values, best, axis=1)
        else:
            similarities = np.where(excluded, UNMATCHED, lexical_values)
        # A match shares a term, or has a latent cosine above the SVD's last bits, which vary from run
        # to run (the same content must give the same teasers).
        found = (similarities > UNMATCHED) & ((lexical_values != 0) | (similarities > share * 1e-9))
        blocks.append((start, targets, similarities, found))
    return blocks


def rank(docs: list[Doc], weights: Weights = DEFAULT_WEIGHTS) -> Ranking:
    """Candidates for every doc among all others, best first, ties by newer date then slug."""
    ranking = Ranking(candidates=[[] for _ in docs])
    if len(docs) < 2:
        return ranking
    lexical, all_terms = feature_matrices(docs, weights)
    latent = latent_vectors(all_terms, weights.latent_ranks) if weights.latent else None

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
    for start, targets, similarities, found in _blended_blocks(lexical, latent, _group_ids(docs), weights):
        sources = np.arange(start, start + len(targets))[:, None]
        same_category = (categories[targets] == categories[sources]) & has_category[sources]
        scores = np.round((similarities + weights.category * same_category) * boost[targets], 9)
        # Best score first, real matches before the rest; on a tie the newer item, then the slug: the same
        # content, the same teasers.
        order = np.lexsort((slug_order[targets], -timestamps[targets], -scores, ~found), axis=1)
        targets, scores = np.take_along_axis(targets, order, axis=1), np.take_along_axis(scores, order, axis=1)
        for row, (count, row_targets, row_scores) in enumerate(
            zip(found.sum(axis=1).tolist(), targets.tolist(), scores.tolist(), strict=True)
        ):
            ranking.candidates[start + row] = list(zip(row_targets[:count], row_scores[:count], strict=True))
    return ranking
