"""Every article and page a generator holds, whatever its status."""

# The lists Pelican's article and page generators keep their items in: published, translations,
# drafts and hidden ones. A plugin that must see every item (not only the published ones) goes
# through all of them; an item stands in one list only.
ITEM_LISTS = (
    "articles",
    "translations",
    "drafts",
    "drafts_translations",
    "hidden_articles",
    "hidden_translations",
    "pages",
    "hidden_pages",
    "draft_pages",
    "draft_translations",
)


def items_of(generator) -> list:
    """The generator's items of every status, each once (an empty list for generators without items)."""
    items, seen = [], set()
    for name in ITEM_LISTS:
        for item in getattr(generator, name, None) or ():
            if id(item) not in seen:
                seen.add(id(item))
                items.append(item)
    return items
