"""The „Auch interessant“ block and project cross-links in built sites (fixture and demo content)."""

import pytest

from conftest import FIXTURES, read_html, run_pelican
from content_index import content_items

FIXTURE = FIXTURES / "auch_interessant_site"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("auch_interessant")
    result = run_pelican(FIXTURE, "pelicanconf.py", output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output, result.stdout + result.stderr


def related_links(page):
    """(href, text) of the cards in the block; None when the page has no block."""
    block = read_html(page).select_one("aside[data-related]")
    if block is None:
        return None
    return [(a["href"], a.get_text(strip=True)) for a in block.select("a")]


def test_every_article_and_page_has_its_block_with_links_to_real_pages(fixture_site):
    output, _ = fixture_site
    for address in (
        "aktuelles/2024/sprachcafe-oeffnet",
        "aktuelles/2024/sprachtandem-paare",
        "aktuelles/2024/fairer-kaffee",
        "aktuelles/2024/weltladen-jubilaeum",
        "sprachtandem",
        "projekte",
    ):
        page = output / address / "index.html"
        links = related_links(page)
        assert links, address
        for href, _ in links:
            assert (page.parent / href / "index.html").resolve().is_file(), (address, href)


def test_each_card_has_one_link_a_heading_a_date_and_an_excerpt(fixture_site):
    output, _ = fixture_site
    block = read_html(output / "aktuelles/2024/sprachtandem-paare/index.html").select_one("aside[data-related]")
    assert block["aria-labelledby"] == "auch-interessant-title"
    assert block.h2.get_text(strip=True) == "Auch interessant"
    for card in block.select(".auch-interessant__card"):
        assert len(card.select("a")) == 1
        assert card.h3.a
    cards = {card.a.get_text(strip=True): card for card in block.select(".auch-interessant__card")}
    assert "Sprachtandem" in cards, "the project page of the same topic"
    cafe = cards["Sprachcafé in der Stadtbibliothek öffnet"]
    assert cafe.select_one("time")["datetime"] == "2024-01-10"
    assert cafe.select_one(".auch-interessant__excerpt").get_text(strip=True).startswith("Jeden Donnerstag")


def test_explicit_related_comes_first_and_works_both_ways(fixture_site):
    output, _ = fixture_site
    kaffee = [text for _, text in related_links(output / "aktuelles/2024/fairer-kaffee/index.html")]
    assert kaffee[:2] == ["Der Weltladen feiert Jubiläum", "Sprachcafé in der Stadtbibliothek öffnet"]
    sprachcafe = [text for _, text in related_links(output / "aktuelles/2024/sprachcafe-oeffnet/index.html")]
    assert "Fairer Kaffee im Rathaus" in sprachcafe


def test_unknown_related_reference_is_named_with_file_and_value(fixture_site, tmp_path):
    _, messages = fixture_site
    assert "artikel/2024-07-01-unbekannter-bezug.md" in messages and "„gibt-es-nicht“" in messages
    strict = run_pelican(FIXTURE, "publishconf.py", tmp_path)
    assert strict.returncode == 1
    assert "gibt-es-nicht" in strict.stdout + strict.stderr


def test_legal_and_opted_out_pages_neither_show_nor_get_teasers(fixture_site):
    output, _ = fixture_site
    assert related_links(output / "impressum" / "index.html") is None
    assert related_links(output / "leichte-sprache" / "index.html") is None
    for page in output.rglob("index.html"):
        for _, text in related_links(page) or []:
            assert text not in ("Impressum", "Leichte Sprache")


def test_project_page_lists_its_tagged_articles_and_articles_link_back(fixture_site):
    output, _ = fixture_site
    project = read_html(output / "sprachtandem" / "index.html")
    news = project.select_one(".topic-news")
    assert news.h2.get_text(strip=True) == "Aktuelles zu diesem Projekt"
    assert [a.get_text(strip=True) for a in news.select(".teaser__title a")] == [
        "Neue Sprachtandem-Paare gesucht",
        "Sprachcafé in der Stadtbibliothek öffnet",
    ]
    article = read_html(output / "aktuelles/2024/sprachcafe-oeffnet/index.html")
    link = article.select_one(".topic-link a")
    assert link.get_text(strip=True) == "Sprachtandem" and link["href"].endswith("sprachtandem/")
    assert "Mehr zum Projekt" in article.select_one(".topic-link").get_text()


def test_foreign_content_folder_gets_teasers(tmp_path):
    result = run_pelican(FIXTURES / "foreign_site", "pelicanconf.py", tmp_path)
    assert result.returncode == 0
    pages = [p for p in tmp_path.rglob("index.html") if "aktuelles/20" in p.as_posix()]
    assert pages and all(related_links(p) for p in pages)


# The German articles: translations get teasers in their own language (tests/test_auch_interessant_languages.py).
ARTICLES = [
    i
    for i in content_items()
    if i.kind == "article" and i.status == "published" and i.metadata.get("lang", "de") == "de"
]


@pytest.mark.parametrize("item", ARTICLES, ids=lambda item: item.path.name)
def test_every_demo_article_shows_three_teasers(published_site, item):
    links = related_links(published_site / item.url / "index.html")
    assert links is not None and len(links) == 3


def teaser_titles(published_site, address):
    return [text for _, text in related_links(published_site / address / "index.html")]


def test_demo_teasers_make_sense_to_a_reader(published_site):
    by_tag = {}
    for item in ARTICLES:
        for tag in item.metadata["tags"].split(","):
            by_tag.setdefault(tag.strip(), set()).add(item.title)
    sprachtandem = by_tag["Sprachtandem"] | {"Sprachtandem"}
    for item in ARTICLES:
        if "Sprachtandem" in item.metadata["tags"]:
            assert teaser_titles(published_site, item.url)[0] in sprachtandem, item.title
    fairtrade = by_tag["Fairtrade-Stadt"] | {"Fairtrade-Stadt"}
    for item in ARTICLES:
        if "Fairtrade-Stadt" in item.metadata["tags"]:
            assert teaser_titles(published_site, item.url)[0] in fairtrade, item.title
    assert teaser_titles(published_site, "aktuelles/2023/kepol-fachtag-migration-und-entwicklung/")[0] in (
        by_tag["Kepol"] | {"Kepol – kommunale Entwicklungspolitik"}
    )


def test_project_pages_do_not_repeat_their_news_as_teasers(published_site):
    for slug in ("sprachtandem", "fairtrade-stadt", "kepol", "beirat"):
        page = read_html(published_site / slug / "index.html")
        news = {a["href"] for a in page.select(".topic-news .teaser__title a")}
        teasers = {a["href"] for a in page.select("aside[data-related] a")}
        assert news and len(teasers) == 3
        assert not news & teasers, slug


def test_demo_projects_and_articles_are_cross_linked(published_site):
    for slug, tag in (("sprachtandem", "Sprachtandem"), ("fairtrade-stadt", "Fairtrade-Stadt"), ("kepol", "Kepol")):
        project = read_html(published_site / slug / "index.html")
        listed = {a.get_text(strip=True) for a in project.select(".topic-news .teaser__title a")}
        tagged = {i.title for i in ARTICLES if tag in [t.strip() for t in i.metadata["tags"].split(",")]}
        assert listed and listed <= tagged
        for item in ARTICLES:
            if item.title in tagged:
                back = read_html(published_site / item.url / "index.html").select(".topic-link a")
                assert any(a["href"].endswith(f"{slug}/") for a in back), item.title


def test_team_page_lists_news_of_its_working_areas(published_site):
    team = read_html(published_site / "wer-wir-sind" / "index.html")
    news = team.select_one(".topic-news")
    assert news.h2.get_text(strip=True) == "Aktuelles zu diesem Thema"
    listed = [a.get_text(strip=True) for a in news.select(".teaser__title a")]
    area_tags = {"Asyl", "Migrantenorganisationen", "Diversity", "Gleichstellung", "Inklusion", "Antirassismus"}
    newest = sorted(
        (i for i in ARTICLES if area_tags & {t.strip() for t in i.metadata["tags"].split(",")}),
        key=lambda i: i.metadata["date"],
        reverse=True,
    )
    assert listed == [i.title for i in newest[:5]]


def test_a_teaser_for_an_event_gives_the_date_it_takes_place(published_site):
    """Not the date its page was written: that is what a reader deciding whether to go needs."""
    events = {item.url: item for item in content_items() if "event_start" in item.metadata and item.lang == "de"}
    checked = 0
    for html in published_site.rglob("index.html"):
        for card in read_html(html).select(".auch-interessant__card"):
            link = card.select_one(".auch-interessant__link")
            target = (html.parent / link["href"]).resolve().relative_to(published_site.resolve()).as_posix() + "/"
            if target not in events:
                continue
            shown = card.select_one(".auch-interessant__meta time")["datetime"][:10]
            start = events[target].metadata["event_start"][:10]
            # A series shows its next date, on or after its first.
            recurring = "event_recurrence" in events[target].metadata
            assert shown >= start if recurring else shown == start, (html, target)
            checked += 1
    assert checked >= 3


def test_events_and_sessions_are_no_topic_pages(published_site):
    """Their Tags feed the teasers only: no „Aktuelles zu diesem Thema“ on them, no topic link to them."""
    events = {item.url for item in content_items() if "event_start" in item.metadata}
    assert len(events) >= 10
    for url in events:
        assert read_html(published_site / url / "index.html").select_one(".topic-news") is None, url
    for html in (published_site / "aktuelles").rglob("index.html"):
        for link in read_html(html).select(".topic-link__link"):
            target = (html.parent / link["href"]).resolve().relative_to(published_site.resolve()).as_posix() + "/"
            assert target not in events, (html, target)
