"""plugins/fast_listings: the article lists of tags, categories and authors answer `in` as lists do, at once."""

from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace

from fast_listings.listing import MembershipList
from fast_listings.plugin import freeze_urls
from pelican import signals
from pelican.contents import Article, Page
from pelican.settings import DEFAULT_CONFIG


class Item:  # as Pelican's Content: no __eq__ of its own, so `in` means identity
    pass


@dataclass
class Equal:  # compares by value
    name: str


def test_membership_is_that_of_a_list_through_every_change():
    first, second, third, outsider = Item(), Item(), Item(), Item()
    items = MembershipList([first, second])
    assert first in items and second in items and outsider not in items
    items.append(third)
    assert third in items
    items.remove(first)
    assert first not in items
    items[:] = [outsider]
    assert outsider in items and second not in items
    items += [first]
    assert first in items
    items.pop()
    assert first not in items
    items.insert(0, second)
    items.extend([third])
    assert [item in items for item in (first, second, third, outsider)] == [False, True, True, True]
    del items[0]
    assert second not in items
    items.clear()
    assert outsider not in items
    assert isinstance(items, list) and items == []


def test_items_that_compare_by_value_are_looked_up_as_in_a_plain_list():
    items = MembershipList([Equal("a"), Item()])
    assert Equal("a") in items, "equal, not identical"
    assert Equal("b") not in items
    plain = MembershipList([Item()])
    assert Equal("a") not in plain


def test_it_stays_a_list_for_templates():
    first, second = Item(), Item()
    items = MembershipList([first, second])
    assert items[0] is first and items[-1:] == [second] and len(items) == 2
    assert list(reversed(items)) == [second, first]


def items(freeze: bool):
    settings = {**DEFAULT_CONFIG, "ARTICLE_URL": "aktuelles/{date:%Y}/{slug}/", "FAST_LISTINGS_FREEZE_URLS": freeze}
    with signals.content_object_init.muted():  # other test files' builds may have connected plugins in this process
        article = Article(
            "Text", {"title": "Meldung", "slug": "meldung", "date": datetime(2025, 3, 1)}, settings=settings
        )
        page = Page("Text", {"title": "Start", "slug": "start", "url": "de/"}, settings=settings)
    generator = SimpleNamespace(settings=settings, articles=[], drafts=[article], pages=[page])
    return generator, article, page


def test_each_item_keeps_the_address_it_has_once_every_generator_has_finished():
    generator, article, page = items(freeze=True)
    freeze_urls([generator])
    assert article.url == "aktuelles/2025/meldung/"
    article.slug = "anders"  # nothing changes an address after this point; if it did, it would not show
    assert article.url == "aktuelles/2025/meldung/"
    assert page.url == "de/"  # an address set in the file stays as it was


def test_the_preview_s_staying_build_keeps_working_addresses_out():
    generator, article, _page = items(freeze=False)
    freeze_urls([generator])
    article.slug = "anders"
    assert article.url == "aktuelles/2025/anders/"
