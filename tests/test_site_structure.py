"""Parent pages and lookup by slug (plugins/site_structure)."""

from types import SimpleNamespace

from site_structure.structure import ancestors, index_by_slug


def page(slug, parent=None):
    return SimpleNamespace(slug=slug, parent=parent)


def test_ancestors_from_the_top_down():
    pages = [page("projekte"), page("sprachtandem", "projekte"), page("termine", "sprachtandem")]
    chain, unknown = ancestors(pages[2], index_by_slug(pages))
    assert [p.slug for p in chain] == ["projekte", "sprachtandem"]
    assert unknown is None


def test_unknown_parent_is_reported():
    pages = [page("kepol", "projeckte")]
    chain, unknown = ancestors(pages[0], index_by_slug(pages))
    assert chain == []
    assert unknown == "projeckte"


def test_parent_loop_ends():
    pages = [page("a", "b"), page("b", "a")]
    chain, unknown = ancestors(pages[0], index_by_slug(pages))
    assert [p.slug for p in chain] == ["b"]
    assert unknown is None


def test_first_page_wins_on_duplicate_slugs():
    first, second = page("x"), page("x")
    assert index_by_slug([first, second])["x"] is first
