"""plugins/fast_listings: the article lists of tags, categories and authors answer `in` as lists do, at once."""

from dataclasses import dataclass

from fast_listings.listing import MembershipList


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
