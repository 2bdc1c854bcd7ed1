"""The pure core of "Auch interessant": text, ranking, selection and excerpts, with tiny fakes."""

import random

import numpy as np
import pytest
from auch_interessant.excerpt import cut_at_word, excerpt
from auch_interessant.scoring import Doc, Weights, corpus_terms, feature_matrices, latent_vectors, rank
from auch_interessant.selection import (
    explicit_relations,
    resolve_reference,
    select_related,
    split_references,
)
from auch_interessant.text import compound_parts, spelling_weight, stem, words, written_counts

DAY = 24 * 3600


def doc(key, title="", body="", tags=(), day=0, lang="de", category="Meldungen", group=""):
    return Doc(
        key=key,
        slug=key,
        title=title,
        body=body,
        tags=frozenset(tags),
        category=category,
        timestamp=1_700_000_000 + day * DAY,
        lang=lang,
        group=group,
    )


def chosen_keys(docs, count=3, explicit=None, default_lang="de"):
    result = select_related(docs, explicit or {}, count, default_lang)
    return {key: [choice.key for choice in choices] for key, choices in result.items()}


CORPUS = [
    doc("tandem-1", "Sprachtandem sucht Paare", "Im Sprachtandem lernen zwei Menschen Deutsch und Arabisch."),
    doc("tandem-2", "Tandempaare treffen sich", "Die Sprachtandems treffen sich zum Deutschlernen in der Bibliothek."),
    doc("kaffee-1", "Fairer Kaffee im Rathaus", "Kaffee und Kakao aus fairem Handel für das Rathaus."),
    doc("kaffee-2", "Weltladen feiert", "Der Weltladen verkauft fairen Kaffee und Schokolade."),
    doc("wohnen-1", "Wohnraum gesucht", "Vermieter bieten Wohnungen für geflüchtete Familien an."),
]


def test_no_items_and_one_item():
    assert select_related([], {}, 3, "de") == {}
    assert chosen_keys([doc("allein", "Ein Beitrag", "Text über Kaffee.")]) == {"allein": []}


def test_items_without_text_do_not_break_anything():
    result = chosen_keys([doc("a"), doc("b"), doc("c", "Kaffee")])
    assert set(result) == {"a", "b", "c"}
    assert all(len(keys) <= 3 and key not in keys for key, keys in result.items())


def test_never_the_item_itself_and_at_most_count():
    result = chosen_keys(CORPUS, count=2)
    for key, keys in result.items():
        assert key not in keys
        assert len(keys) <= 2


def test_same_topic_comes_first():
    result = chosen_keys(CORPUS)
    assert result["tandem-1"][0] == "tandem-2"
    assert result["kaffee-1"][0] == "kaffee-2"


def test_german_compounds_and_stems_connect_texts():
    docs = [
        doc("konzept", "Integrationskonzept beschlossen", "Der Rat beschließt das neue Integrationskonzept."),
        doc("integration", "Ein Konzept für Integration", "Wie gelingt Integration? Ein Konzept gibt Antworten."),
        doc("andere", "Radweg wird gebaut", "Ein neuer Radweg verbindet zwei Ortsteile."),
    ]
    assert chosen_keys(docs, count=1)["konzept"] == ["integration"]


def test_shared_tags_count_when_text_is_silent():
    docs = [doc("a", "Eins", tags={"kepol"}), doc("b", "Zwei", tags={"kepol"}), doc("c", "Drei", tags={"sport"})]
    docs.append(doc("d", "Vier", tags={"sport"}))
    assert chosen_keys(docs, count=1)["a"] == ["b"]


def test_ties_are_broken_by_newer_date_then_slug():
    docs = [
        doc("quelle", "Kaffee"),
        doc("b-alt", "Kaffee", day=1),
        doc("a-neu", "Kaffee", day=5),
        doc("c-neu", "Kaffee", day=5),
    ]
    # Unrelated items, so that "Kaffee" is not in more than half of all items.
    docs += [doc(f"anderes-{n}", "Radweg Brücke Stadtpark") for n in range(4)]
    ranking = rank(docs)
    ordered = [docs[i].key for i, _ in ranking.candidates[0]]
    assert ordered == ["a-neu", "c-neu", "b-alt"]


def test_the_same_content_always_gives_the_same_teasers():
    expected = chosen_keys(CORPUS)
    for seed in range(5):
        shuffled = CORPUS[:]
        random.Random(seed).shuffle(shuffled)
        assert chosen_keys(shuffled) == expected


def test_translations_never_suggest_each_other():
    docs = [
        doc("kaffee-de", "Fairer Kaffee", "Kaffee aus fairem Handel.", group="kaffee"),
        doc("kaffee-en", "Fairer Kaffee", "Kaffee aus fairem Handel.", lang="en", group="kaffee"),
        doc("weltladen", "Weltladen", "Fairer Kaffee im Weltladen."),
    ]
    assert "kaffee-en" not in chosen_keys(docs)["kaffee-de"]


def test_same_language_first_then_default_language_marked():
    docs = [
        doc("en-1", "Fair coffee", "Fair trade coffee in the town hall.", lang="en"),
        doc("en-2", "Fair trade week", "Fair trade coffee and cocoa.", lang="en"),
        doc("de-1", "Kaffee", "Fairer Kaffee im Rathaus."),
        doc("de-2", "Kakao", "Fairer Kakao im Weltladen."),
    ]
    result = select_related(docs, {}, 3, "de")["en-1"]
    assert result[0].key == "en-2" and result[0].other_lang is False
    assert all(choice.other_lang for choice in result[1:])
    assert {choice.key for choice in select_related(docs, {}, 3, "de")["de-1"]} <= {"de-2", "en-1", "en-2"}


def test_explicit_relations_come_first_in_the_authors_order():
    explicit = explicit_relations({"wohnen-1": ["kaffee-2", "tandem-1"]}, 3)
    assert chosen_keys(CORPUS, explicit=explicit)["wohnen-1"][:2] == ["kaffee-2", "tandem-1"]


def test_explicit_relations_are_symmetric_unless_the_other_list_is_full():
    own = {"a": ["b"], "c": ["b"], "b": ["x", "y"]}
    result = explicit_relations(own, 3)
    assert result["b"] == ["x", "y", "a"], "b had room for one more"
    own_full = {"a": ["b"], "b": ["x", "y", "z"]}
    assert explicit_relations(own_full, 3)["b"] == ["x", "y", "z"]


def test_explicit_relation_to_itself_is_ignored():
    assert explicit_relations({"a": ["a", "b", "b"]}, 3)["a"] == ["b"]


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        ("sprachtandem", "seiten/projekte/sprachtandem.md"),
        ("{filename}../seiten/projekte/sprachtandem.md", "seiten/projekte/sprachtandem.md"),
        ("{filename}/seiten/projekte/sprachtandem.md", "seiten/projekte/sprachtandem.md"),
        ("{filename}2024-01-01-b.md", "artikel/2024-01-01-b.md"),
        ("gibt-es-nicht", None),
        ("{filename}gibt-es-nicht.md", None),
    ],
)
def test_references_by_slug_or_filename(reference, expected):
    paths = {p: p for p in ("seiten/projekte/sprachtandem.md", "artikel/2024-01-01-b.md")}
    slugs = {"sprachtandem": "seiten/projekte/sprachtandem.md"}
    assert resolve_reference(reference, "artikel/2024-01-01-a.md", slugs, paths) == expected


def test_related_metadata_as_text_or_list():
    assert split_references("a, {filename}b.md ,") == ["a", "{filename}b.md"]
    assert split_references(["a", " b "]) == ["a", "b"]


def test_german_text_handling():
    assert words("Integration und Teilhabe") == ["integration", "teilhabe"]
    # Umlauts fold to their base letter and ß to "ss", so both spellings share one stem.
    assert stem("ausländerbehörde") == "auslanderbehord"
    assert stem("auslaenderbehoerde") == "auslanderbehord"
    assert stem("straße") == "strass"
    assert stem("strasse") == "strass"
    assert stem("straßenfest") == stem("strassenfest") == "strassenf"
    known = frozenset(("ausländer", "behörde", "sprache", "tandem"))
    assert compound_parts("ausländerbehörde", known) == ["ausland", "behord"]
    assert compound_parts("sprachtandem", known) == ["sprach", "tand"]
    assert compound_parts("veranstaltung", known) == []


def test_german_words_in_lower_case_count_less_than_nouns():
    text = "Die Beratung berät. Beratung hilft, wir beraten gern. UND beratung"
    assert written_counts(text) == {
        "Beratung": 2,
        "berät": 1,
        "hilft": 1,
        "beraten": 1,
        "gern": 1,
        "UND": 1,
        "beratung": 1,
    }
    # The first `max_words` words that are not stop words, whatever their spelling.
    assert written_counts("Die Beratung berät gern Familien", max_words=2) == {"Beratung": 1, "berät": 1}
    assert spelling_weight("Beratung", "de", 0.5) == 1.0
    assert spelling_weight("berät", "de", 0.5) == 0.5
    # Case means nothing for this in other languages.
    assert written_counts("Advice helps. advice", lang="en") == {"advice": 2, "helps": 1}
    assert spelling_weight("advice", "en", 0.5) == 1.0
    # Per corpus: the spellings of one word add up, lower case at its weight; a stop word in capitals
    # is still a stop word.
    counts, terms = corpus_terms([Doc(key="a", slug="a", body=text)], Weights(lower_case=0.5))
    weighted = dict(zip(terms, counts.toarray()[0].tolist(), strict=True))
    # Snowball gives "Beratung", "berät" and "beraten" one stem: 2 × 1 + 3 × 0.5.
    assert weighted == {"berat": 3.5, "hilft": 0.5, "gern": 0.5}


def test_nouns_decide_over_shared_verbs():
    # The target shares a noun with one item and more verbs and adjectives with the other.
    docs = [
        Doc(key="ziel", slug="ziel", body="Die Sprachkurse beginnen morgen früh pünktlich"),
        Doc(key="nomen", slug="nomen", body="Sprachkurse für Eltern und Kinder"),
        Doc(key="verben", slug="verben", body="Wir beginnen morgen früh pünktlich mit dem Fest"),
        Doc(key="andere", slug="andere", body="Der Beirat tagt im Rathaus"),
    ]
    plain = rank(docs, Weights(lower_case=1.0, latent=0.0))
    weighted = rank(docs, Weights(latent=0.0))
    assert docs[plain.candidates[0][0][0]].key == "verben"
    assert docs[weighted.candidates[0][0][0]].key == "nomen"


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Kurzer Text.", 200, "Kurzer Text."),
        ("Die Ausländerbehörde öffnet ihre Türen für alle", 30, "Die Ausländerbehörde öffnet…"),
        ("Einwortlangerbegriffohneleerzeichen", 10, "Einwortla…"),
        ("Wir laden ein, zum Fest", 16, "Wir laden ein…"),
    ],
)
def test_cut_at_word_boundary_with_ellipsis(text, limit, expected):
    cut = cut_at_word(text, limit)
    assert cut == expected
    assert len(cut) <= limit


def test_excerpt_prefers_summary_and_strips_markup_and_entities():
    assert excerpt("<p>Kaffee &amp; <em>Kakao</em></p>", "<p>Anderer Text</p>", 200) == "Kaffee & Kakao"


def test_excerpt_falls_back_to_first_paragraph_skipping_images_and_headings():
    content = '<h2>Überschrift</h2><p><img alt="Bildbeschreibung" src="x.png"></p><p>Erster &quot;Absatz&quot; mit Text.</p><p>Zweiter.</p>'
    assert excerpt(None, content, 200) == 'Erster "Absatz" mit Text.'


def test_excerpt_never_cuts_inside_an_entity():
    summary = "<p>" + "Wort " * 30 + "&amp; Ende</p>"
    text = excerpt(summary, "", 154)
    assert "&amp" not in text and text.endswith("…")


def test_excluded_items_are_never_chosen():
    result = select_related(CORPUS, {}, 3, "de", exclude={"tandem-1": {"tandem-2"}})
    assert "tandem-2" not in [choice.key for choice in result["tandem-1"]]
    assert len(result["tandem-1"]) == 3


# Two football items that share no word with each other, linked through a third one that shares
# words with both; two unrelated subjects keep every term below half of the items.
SECOND_ORDER = [
    doc("fussball-stadion", "Fußball Stadion", "Fußball im Stadion, Stadion voll."),
    doc("fussball-liga", "Fußball Stadion Torwart Liga", "Fußball, Stadion, Torwart und Liga."),
    doc("torwart-liga", "Torwart Liga", "Der Torwart der Liga, die Liga jubelt."),
    doc("kaffee-1", "Kaffee Kakao", "Kaffee und Kakao aus fairem Handel."),
    doc("kaffee-2", "Kaffee Kakao Weltladen", "Kaffee, Kakao und Weltladen."),
    doc("radweg-1", "Radweg Brücke", "Radweg über die Brücke."),
    doc("radweg-2", "Radweg Brücke Stadtpark", "Radweg, Brücke und Stadtpark."),
]


def ranked_keys(docs, weights=None):
    ranking = rank(docs, weights) if weights else rank(docs)
    return {docs[n].key: [docs[i].key for i, _ in candidates] for n, candidates in enumerate(ranking.candidates)}


def test_the_latent_space_links_items_on_one_subject_that_share_no_word():
    with_latent = ranked_keys(SECOND_ORDER)
    lexical_only = ranked_keys(SECOND_ORDER, Weights(latent=0.0))
    assert "torwart-liga" not in lexical_only["fussball-stadion"]
    assert with_latent["fussball-stadion"][:2] == ["fussball-liga", "torwart-liga"]
    # and the unrelated subjects stay behind it
    assert not {"kaffee-1", "kaffee-2", "radweg-1", "radweg-2"} & set(with_latent["fussball-stadion"][:2])


def test_sites_too_small_for_a_latent_space_rank_by_words():
    assert latent_vectors(feature_matrices(SECOND_ORDER[:2], Weights())[1]) is None
    assert chosen_keys(SECOND_ORDER[:2]) == {
        "fussball-liga": ["fussball-stadion"],
        "fussball-stadion": ["fussball-liga"],
    }


def test_the_iterative_svd_for_large_sites_gives_the_same_latent_cosines_as_the_exact_one():
    matrix = feature_matrices(SECOND_ORDER, Weights())[1]
    exact, iterative = latent_vectors(matrix), latent_vectors(matrix, exact_side=0)
    assert exact.shape == iterative.shape
    assert exact.shape[0] == len(SECOND_ORDER)
    assert np.allclose(exact @ exact.T, iterative @ iterative.T, atol=1e-6)


def test_the_latent_cosine_of_several_ranks_is_the_mean_of_each_ranks_cosine():
    matrix = feature_matrices(SECOND_ORDER, Weights())[1]
    narrow, wide = latent_vectors(matrix, (0.7,)), latent_vectors(matrix, (1.5,))
    assert narrow.shape[1] == 2 and wide.shape[1] == 4
    both = latent_vectors(matrix, (0.7, 1.5))
    assert not np.allclose(narrow @ narrow.T, wide @ wide.T, atol=1e-3)
    assert np.allclose(both @ both.T, (narrow @ narrow.T + wide @ wide.T) / 2, atol=1e-9)
    assert np.all(np.abs(both @ both.T) <= 1.0 + 1e-9)


def test_candidates_picked_in_single_precision_are_the_exact_best_with_exact_scores():
    rng = random.Random(13)
    vocabulary = [f"wort{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(300)]
    docs = [
        Doc(
            key=f"d{n}",
            slug=f"d{n}",
            title=" ".join(rng.sample(vocabulary, 3)),
            body=" ".join(rng.choices(vocabulary, k=40)),
        )
        for n in range(120)
    ]
    weights = Weights()
    lexical, all_terms = feature_matrices(docs, weights)
    latent = latent_vectors(all_terms, weights.latent_ranks)
    # Brute force in double precision: the blended similarity of every pair.
    blended = (1 - weights.latent) * (lexical @ lexical.T).toarray() + weights.latent * (latent @ latent.T)
    ranking = rank(docs, weights)
    for source, candidates in enumerate(ranking.candidates):
        expected = sorted((s for target, s in enumerate(blended[source]) if target != source), reverse=True)
        assert [score for _, score in candidates] == pytest.approx(expected[: len(candidates)], abs=1e-9)
        assert all(score == pytest.approx(blended[source, target], abs=1e-9) for target, score in candidates)
        assert len(candidates) == weights.candidates


def test_the_garbage_collector_is_paused_only_while_teasers_are_computed():
    import gc

    from auch_interessant.plugin import collector_paused

    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # off before, so off after
    finally:
        gc.enable()
