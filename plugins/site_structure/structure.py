"""Pure functions: page lookup by slug and the chain of parent pages."""


def index_by_slug(pages) -> dict:
    """Map each page's slug to the page; the first one wins on duplicates."""
    by_slug = {}
    for page in pages:
        by_slug.setdefault(page.slug, page)
    return by_slug


def ancestors(page, by_slug: dict) -> tuple[list, str | None]:
    """Return the parent pages from the top down, and the first unknown parent slug.

    A page names its parent with `Parent: slug`. Loops (A → B → A) stop at the
    first repetition, so a typo cannot hang the build.
    """
    chain = []
    seen = {page.slug}
    parent_slug = getattr(page, "parent", None)
    while parent_slug:
        parent_slug = str(parent_slug).strip()
        parent = by_slug.get(parent_slug)
        if parent is None:
            return list(reversed(chain)), parent_slug
        if parent.slug in seen:
            break
        seen.add(parent.slug)
        chain.append(parent)
        parent_slug = getattr(parent, "parent", None)
    return list(reversed(chain)), None


def children_by_parent(pages) -> dict:
    """Map each page's slug to its child pages (those whose nearest ancestor it is), sorted by title.

    Expects `page.ancestors` to be set; one pass over the pages.
    """
    children = {}
    for page in pages:
        if page.ancestors:
            children.setdefault(page.ancestors[-1].slug, []).append(page)
    return {slug: sorted(items, key=lambda page: str(page.title).casefold()) for slug, items in children.items()}


def version_in(item, lang: str):
    """The item in `lang` (itself or one of its translations), or None."""
    if item.lang == lang:
        return item
    return next((version for version in getattr(item, "translations", []) if version.lang == lang), None)


def translated_ancestors(chain: list, lang: str, default_lang: str) -> list:
    """The parent pages of an original, each replaced by its translation into `lang` where one exists."""
    return [version_in(parent, lang) or parent for parent in chain] if lang != default_lang else list(chain)


def items_in_language(items, lang: str) -> list:
    """The versions in `lang` of `items` (originals with their translations), newest first where dated."""
    found = [version for version in (version_in(item, lang) for item in items) if version is not None]
    if all(getattr(item, "date", None) for item in found):
        found.sort(key=lambda item: item.date, reverse=True)
    return found
