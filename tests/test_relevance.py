"""The relevance evaluation of bench/ runs, and the plugin beats its baselines on the project's own corpus."""

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import baselines
from relevance import (
    as_items,
    chance_precision,
    load_corpus,
    news_corpora,
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
    assert ours > precision(baselines.plain_tfidf_choices(as_items(records)), topics)
    assert ours > precision(plain_tfidf_choices(records), topics)
    assert ours > precision(tags_only_choices(records), topics)
    assert ours > 2 * chance_precision(records)


def test_the_topic_label_never_reaches_the_plugin():
    from relevance import as_doc

    for record in load_corpus():
        doc = as_doc(record)
        assert record["topic"] not in doc.key + doc.slug
        assert record["id"] not in repr(doc)
        assert record["topic"] not in as_items([record])[0].values()


def test_a_missing_news_corpus_is_named_in_one_line(tmp_path, capsys):
    news_corpora(tmp_path / "shared" / "bench")
    output = capsys.readouterr().out.strip().splitlines()
    assert len(output) == 1
    assert str(tmp_path / "shared" / "bench") in output[0] and "fehlt" in output[0]


def test_the_plain_tfidf_baseline_prefers_shared_rare_stems():
    items = [
        {
            "id": "a",
            "title": "Sprachkurse im Rathaus",
            "text": "Die Sprachkurse beginnen.",
            "tags": [],
            "date": "2026-01-01",
        },
        {"id": "b", "title": "Neuer Sprachkurs", "text": "Ein Sprachkurs beginnt.", "tags": [], "date": "2026-01-02"},
        {"id": "c", "title": "Radweg gesperrt", "text": "Der Radweg ist gesperrt.", "tags": [], "date": "2026-01-03"},
        {"id": "d", "title": "Radweg wieder frei", "text": "Der Radweg ist frei.", "tags": [], "date": "2026-01-04"},
    ]
    chosen = baselines.plain_tfidf_choices(items, count=1)
    assert chosen == {"a": ["b"], "b": ["a"], "c": ["d"], "d": ["c"]}
