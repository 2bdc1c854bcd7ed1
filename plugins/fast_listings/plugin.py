"""Pelican glue: the article lists of tags, categories and authors answer `in` at once (listing.py).

Done on `article_generator_finalized`, when Pelican has made the lists. The generator and the
shared context then hold the same new lists (as they held the same old ones), so a change made
through either is seen by both; for every other plugin and template they are lists as before.
"""

from pelican import signals

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


def register():
    signals.article_generator_finalized.connect(speed_up_listings)
