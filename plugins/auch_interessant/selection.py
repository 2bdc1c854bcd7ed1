"""Choose each item's teasers: explicit `Related:` first (both ways), then the best-scored candidates."""

import itertools
from dataclasses import dataclass
from posixpath import normpath

from common.references import split_references  # noqa: F401 (plugin.py and tests take it from here)

from .scoring import DEFAULT_WEIGHTS, Doc, Weights, rank

FILENAME_MARKERS = ("{filename}", "|filename|")


@dataclass(frozen=True)
class Choice:
    """One teaser: the related item's key, and whether it is in another language than the item."""

    key: str
    other_lang: bool = False


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


def _language_twin(key: str, lang: str, by_key: dict[str, Doc], twins: dict[tuple[str, str], str]) -> str | None:
    """The item of `key`'s translation group in `lang` (`key` itself if it is in `lang`), if there is one."""
    doc = by_key[key]
    if doc.lang == lang:
        return key
    return twins.get((doc.group, lang)) if doc.group else None


def _explicit_in_language(keys: list[str], doc: Doc, default_lang: str, by_key, twins) -> list[str]:
    """`Related:` targets in the doc's language where translated, else in the default language; never a third."""
    result = []
    for key in keys:
        if key not in by_key:
            continue
        mapped = _language_twin(key, doc.lang, by_key, twins) or _language_twin(key, default_lang, by_key, twins)
        if mapped is not None and mapped not in result:
            result.append(mapped)
    return result


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

    A translation first gets its original's teasers in its own language (where translated), then its own
    language's best matches, then its original's teasers in the default language. A default-language doc
    never gets a teaser in another language. `exclude` names, per doc, items it already links to
    elsewhere (a project page's news)."""
    docs = sorted(docs, key=lambda doc: (doc.lang != default_lang, doc.key))
    by_key = {doc.key: doc for doc in docs}
    twins = {(doc.group, doc.lang): doc.key for doc in reversed(docs) if doc.group}
    languages = sorted({doc.lang for doc in docs})
    same_language = {}
    for lang in languages:
        same_language.update(_ranked_keys([d for d in docs if d.lang == lang], weights))
    fill = {}

    def default_language_fill(doc: Doc):
        # Ranked over this language and the default one together; computed only when the rest ran out.
        if doc.lang == default_lang:
            return
        if doc.key not in fill:
            mixed = _ranked_keys([d for d in docs if d.lang in (doc.lang, default_lang)], weights)
            fill.update({key: [k for k in keys if by_key[k].lang == default_lang] for key, keys in mixed.items()})
        yield from fill.get(doc.key, [])

    # When the text finds too little, the reader still gets somewhere: the newest items.
    newest = sorted(docs, key=lambda d: (-(d.timestamp or 0.0), d.slug))
    newest_by_lang = {lang: [d.key for d in newest if d.lang == lang] for lang in languages}

    chosen = {}
    for doc in docs:
        keys = _explicit_in_language(explicit.get(doc.key, []), doc, default_lang, by_key, twins)
        keys = [k for k in keys if k != doc.key and not (doc.group and by_key[k].group == doc.group)]
        original = twins.get((doc.group, default_lang)) if doc.group and doc.lang != default_lang else None
        from_original = [choice.key for choice in chosen.get(original, [])]
        translated = (_language_twin(key, doc.lang, by_key, twins) for key in from_original)
        # Lazily, so an item with enough matches never walks (or copies) the whole list.
        newest_first = itertools.chain(
            newest_by_lang.get(doc.lang, []),
            newest_by_lang.get(default_lang, []) if doc.lang != default_lang else [],
        )
        fallback = (k for k in newest_first if k != doc.key and not (doc.group and by_key[k].group == doc.group))
        skip = (exclude or {}).get(doc.key, set())
        for key in itertools.chain(
            (key for key in translated if key is not None),
            same_language.get(doc.key, []),
            from_original,
            same_language.get(original, []) if original else [],
            default_language_fill(doc),
            fallback,
        ):
            if len(keys) >= count:
                break
            # A default-language item the reader has in their own language counts as that translation.
            key = _language_twin(key, doc.lang, by_key, twins) or key
            own_group = key == doc.key or (doc.group and by_key[key].group == doc.group)
            if key not in keys and key not in skip and not own_group:
                keys.append(key)
        chosen[doc.key] = [Choice(key, by_key[key].lang != doc.lang) for key in keys[:count]]
    return chosen
