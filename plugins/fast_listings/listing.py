"""A list of items whose `in` is a set look-up.

Pelican writes each tag, category and author page with
`dates = [article for article in self.dates if article in articles]`: for every article of the
site, a search through the list of that page's articles. That is quadratic: at 10,000 articles
with eight tags it took about 80 of the 100 seconds of the preview's quick build. Pelican's
items have no `__eq__` of their own, so `in` on them means identity, which a set of ids answers
at once, giving the same result.
"""


def compares_by_identity(item) -> bool:
    return type(item).__eq__ is object.__eq__


class MembershipList(list):
    """A list (templates iterate, sort and slice it as any list) that answers `in` from a set of ids.

    The set is made on the first `in` after a change; every method that changes the list drops it.
    Items with an `__eq__` of their own are looked up as in a plain list.
    """

    def __init__(self, items=()):
        super().__init__(items)
        self._ids = None

    def __contains__(self, item) -> bool:
        if not compares_by_identity(item):
            return super().__contains__(item)
        if self._ids is None:
            if not all(compares_by_identity(member) for member in self):
                return super().__contains__(item)
            self._ids = {id(member) for member in self}
        return id(item) in self._ids


def _dropping_ids(name: str):
    method = getattr(list, name)

    def changed(self, *args, **kwargs):
        self._ids = None
        return method(self, *args, **kwargs)

    changed.__name__ = name
    return changed


for _name in ("append", "extend", "insert", "remove", "pop", "clear", "__setitem__", "__delitem__", "__iadd__"):
    setattr(MembershipList, _name, _dropping_ids(_name))
