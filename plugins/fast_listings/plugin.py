"""Pelican glue: the article lists of tags, categories and authors answer `in` at once (listing.py),
and each item's address is worked out once.

The lists are replaced on `article_generator_finalized`, when Pelican has made them. The generator and
the shared context then hold the same new lists (as they held the same old ones), so a change made
through either is seen by both; for every other plugin and template they are lists as before.

Pelican works out an item's address (`url`) from its settings pattern again on every access, and
listings, teasers, feeds, the sitemap and the checks ask for it many times per item: 8 % of a
published build at 1,000 articles. Once every generator has finished (`all_generators_finalized`),
nothing changes an address any more, so each item keeps the one it has then, as Pelican's own
`override_url` (which wins over the pattern). The preview's full build leaves them as they are
(FAST_LISTINGS_FREEZE_URLS = False): its process stays and re-reads saved files, and an address taken
over from the old item would hide a changed slug.
"""

from pelican import signals

from common.items import items_of

from .listing import MembershipList


def speed_up_listings(generator) -> None:
    for tag, articles in list(generator.tags.items()):
        generator.tags[tag] = MembershipList(articles)
    generator.categories = [(category, MembershipList(articles)) for category, articles in generator.categories]
    generator.authors = [(author, MembershipList(articles)) for author, articles in generator.authors]
    # As Pelican's _update_context puts them there: dicts as lists of pairs, lists as they are.
    generator.context["tags"] = list(generator.tags.items())
    generator.context["categories"] = generator.categories
    generator.context["authors"] = generator.authors


def freeze_urls(generators) -> None:
    """Give every item the address it has now as `override_url`, unless it has one."""
    if not generators or not generators[0].settings.get("FAST_LISTINGS_FREEZE_URLS", True):
        return
    for generator in generators:
        for item in items_of(generator):
            if not hasattr(item, "override_url"):
                item.override_url = item.url


def register():
    signals.article_generator_finalized.connect(speed_up_listings)
    signals.all_generators_finalized.connect(freeze_urls)
