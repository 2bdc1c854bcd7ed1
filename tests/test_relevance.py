"""The relevance evaluation of bench/ runs, and the plugin beats its baselines on the corpus."""

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from relevance import (
    chance_precision,
    load_corpus,
    plain_tfidf_choices,
    plugin_choices,
    precision,
    tags_only_choices,
)


def test_plugin_beats_plain_tfidf_tags_only_and_chance():
    records = load_corpus()
    assert len(records) >= 60
    topics = {r["id"]: r["topic"] for r in records}
    ours = precision(plugin_choices(records), topics)
    assert ours > precision(plain_tfidf_choices(records), topics)
    assert ours > precision(tags_only_choices(records), topics)
    assert ours > 2 * chance_precision(records)


def test_the_topic_label_never_reaches_the_plugin():
    from relevance import as_doc

    for record in load_corpus():
        doc = as_doc(record)
        assert record["topic"] not in doc.key + doc.slug
        assert record["id"] not in repr(doc)
