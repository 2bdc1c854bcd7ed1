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
