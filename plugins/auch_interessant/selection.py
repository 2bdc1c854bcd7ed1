"""Choose each item's teasers: explicit `Related:` first (both ways), then the best-scored candidates."""

import itertools
from dataclasses import dataclass
from posixpath import normpath

from .scoring import DEFAULT_WEIGHTS, Doc, Weights, rank

FILENAME_MARKERS = ("{filename}", "|filename|")


@dataclass(frozen=True)
class Choice:
    """One teaser: the related item's key, and whether it is in another language than the item."""

    key: str
    other_lang: bool = False


def split_references(value) -> list[str]:
    """`Related:` as written: one string with commas, or a list of lines."""
    parts = value if isinstance(value, list | tuple) else str(value).split(",")
    return [part.strip() for part in parts if part and part.strip()]


def resolve_reference(reference: str, source_path: str, by_slug: dict[str, str], by_path: dict[str, str]) -> str | None:
    """The key a reference names: a slug, or a `{filename}` path relative to the file or (with /) to content/."""
    for marker in FILENAME_MARKERS:
        if reference.startswith(marker):
            path = reference[len(marker) :]
            if path.startswith("/"):
                candidate = normpath(path.lstrip("/"))
            else:
                folder = source_path.rsplit("/", 1)[0] if "/" in source_path else ""
                candidate = normpath(f"{folder}/{path}" if folder else path)
            return by_path.get(candidate)
    return by_slug.get(reference)


def explicit_relations(own: dict[str, list[str]], count: int) -> dict[str, list[str]]:
    """Each item's explicit list, made symmetric: if A names B, B shows A too unless B's own list is full."""
    result = {key: list(dict.fromkeys(k for k in keys if k != key)) for key, keys in own.items()}
    for source in sorted(own):
        for target in result.get(source, []):
            target_list = result.setdefault(target, [])
            if source not in target_list and len(target_list) < count:
                target_list.append(source)
    return result


def _ranked_keys(docs: list[Doc], weights: Weights) -> dict[str, list[str]]:
    ranking = rank(docs, weights)
    return {doc.key: [docs[i].key for i, _ in ranking.candidates[n]] for n, doc in enumerate(docs)}


def select_related(
    docs: list[Doc],
    explicit: dict[str, list[str]],
    count: int,
    default_lang: str,
    weights: Weights = DEFAULT_WEIGHTS,
    exclude: dict[str, set[str]] | None = None,
) -> dict[str, list[Choice]]:
    """Up to `count` teasers per doc: explicit relations, then same-language matches, then
    default-language ones, then the newest items, so that every item leads on somewhere.
    `exclude` names, per doc, items it already links to elsewhere (a project page's news)."""
    docs = sorted(docs, key=lambda doc: doc.key)
    by_key = {doc.key: doc for doc in docs}
    languages = sorted({doc.lang for doc in docs})
    same_language = {}
    for lang in languages:
        same_language.update(_ranked_keys([d for d in docs if d.lang == lang], weights))
    fill = {}
    for lang in languages:
        if lang != default_lang:
            mixed = _ranked_keys([d for d in docs if d.lang in (lang, default_lang)], weights)
            fill.update({key: [k for k in keys if by_key[k].lang == default_lang] for key, keys in mixed.items()})

    # When the text finds too little, the reader still gets somewhere: the newest items.
    newest = sorted(docs, key=lambda d: (-(d.timestamp or 0.0), d.slug))
    newest_by_lang = {lang: [d.key for d in newest if d.lang == lang] for lang in languages}

    chosen = {}
    for doc in docs:
        keys = [k for k in explicit.get(doc.key, []) if k in by_key and k != doc.key]
        same_group = {k for k in keys if doc.group and by_key[k].group == doc.group}
        keys = [k for k in keys if k not in same_group]
        # Lazily, so an item with enough matches never walks (or copies) the whole list.
        newest_first = itertools.chain(
            newest_by_lang.get(doc.lang, []),
            newest_by_lang.get(default_lang, []) if doc.lang != default_lang else [],
        )
        fallback = (k for k in newest_first if k != doc.key and not (doc.group and by_key[k].group == doc.group))
        skip = (exclude or {}).get(doc.key, set())
        for key in itertools.chain(same_language.get(doc.key, []), fill.get(doc.key, []), fallback):
            if len(keys) >= count:
                break
            if key not in keys and key not in skip:
                keys.append(key)
        chosen[doc.key] = [Choice(key, by_key[key].lang != doc.lang) for key in keys[:count]]
    return chosen
