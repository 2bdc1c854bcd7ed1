"""The preview's resident build (plugins/quick_preview/resident.py, preview.ResidentBuild): the last full build's
process stays and re-renders saved pages at once; they must be the pages a full build of the saved text writes."""

import multiprocessing
from pathlib import Path, PurePosixPath

import pytest
from PIL import Image
from quick_preview.resident import belongs, build_and_stay, carried_over

import preview
from conftest import ROOT, build_site

WAIT = 60


def test_the_build_s_additions_are_carried_over_unless_the_edit_changed_what_they_came_from():
    teasers, banner = ["b", "c"], "<p>Problem</p>"
    read_before = {"title": "Alt", "template": "article", "_content": "<p>alt</p>"}
    built = {**read_before, "teasers": teasers, "template": "article-lang", "_content": banner + "<p>alt</p>"}
    # Reading gives the same template as before: the plugin would choose the same one again.
    read_now = {"title": "Neu", "template": "article", "_content": "<p>neu</p>"}
    assert carried_over(built, read_before, read_now) == {"teasers": teasers, "template": "article-lang"}
    # The edit changed the template line: reading's new value stands.
    read_now = {"title": "Neu", "template": "page-wide", "_content": "<p>alt</p>"}
    assert carried_over(built, read_before, read_now) == {"teasers": teasers, "_content": banner + "<p>alt</p>"}
    # What reading gives now is never replaced by an addition of the old build.
    assert carried_over(built, read_before, {**read_now, "teasers": []}) == {"_content": banner + "<p>alt</p>"}


def test_a_new_file_belongs_to_the_generator_whose_paths_hold_it_and_whose_excludes_do_not():
    articles = ([""], ["seiten", "images"], [".#*"])
    pages = (["seiten"], [], [".#*"])
    assert belongs(PurePosixPath("artikel/neu.md"), *articles)
    assert not belongs(PurePosixPath("seiten/neu.md"), *articles)
    assert belongs(PurePosixPath("seiten/unter/neu.md"), *pages)
    assert not belongs(PurePosixPath("artikel/neu.md"), *pages)
    assert not belongs(PurePosixPath("seiten/.#neu.md"), *pages), "an editor's lock file"
    assert not belongs(PurePosixPath("seitenweise/neu.md"), *pages), "a folder of a similar name"


class Uncomparable:
    def __eq__(self, other):
        raise TypeError("no")


def test_values_that_cannot_be_compared_count_as_changed():
    before, now = Uncomparable(), Uncomparable()
    assert carried_over({"x": "gebaut"}, {"x": before}, {"x": now}) == {}


def small_site(folder: Path) -> Path:
    (folder / "artikel").mkdir(parents=True)
    for number in (1, 2, 3, 4):
        (folder / "artikel" / f"2025-0{number}-01-meldung-{number}.md").write_text(
            f"Title: Meldung {number}\nDate: 2025-0{number}-01 10:00\nCategory: Meldungen\nTags: Integration\n"
            f"Summary: Eine kurze Meldung mit der Nummer {number} über das Sprachcafé im Rathaus.\n\n"
            f"Der Text der Meldung {number} über Sprache, Nachbarschaft und das Sprachcafé.\n",
            encoding="utf-8",
        )
    # A problem the checks report, so that the page has a banner, and a lead image (its page is rewritten once
    # written: responsive_images).
    second = folder / "artikel" / "2025-02-01-meldung-2.md"
    lead = "Image: images/bild.png\nImage_alt: Ein rotes Bild\nImage_credit: Stadt\nTags:"
    second.write_text(second.read_text(encoding="utf-8").replace("Tags:", lead), encoding="utf-8")
    with second.open("a", encoding="utf-8") as text:
        text.write("\nMehr steht [hier](https://example.org/).\n")
    (folder / "images").mkdir()
    Image.new("RGB", (640, 480), "red").save(folder / "images" / "bild.png")
    return folder


def arguments(content: Path, output: Path) -> list[str]:
    return [str(content), "-s", str(ROOT / "pelicanconf.py"), "-o", str(output), "-e", "SEARCH_INDEX_ENABLED=false"]


@pytest.fixture
def resident(tmp_path):
    content = small_site(tmp_path / "inhalt")
    build = preview.ResidentBuild(
        multiprocessing.get_context("forkserver"), build_and_stay, arguments(content, tmp_path / "output")
    )
    build.start()
    build.join()
    yield build, content
    build.close()


def test_a_saved_page_is_rendered_at_once_as_the_full_build_writes_it(resident, tmp_path):
    build, content = resident
    assert build.exitcode == 0, "the build succeeded and its process stays"
    saved = content / "artikel" / "2025-02-01-meldung-2.md"
    before = build_site(content, "pelicanconf.py", tmp_path / "vorher", "-e", "SEARCH_INDEX_ENABLED=false")
    saved.write_text(
        saved.read_text(encoding="utf-8").replace("über Sprache", "über Sprache, Arbeit"), encoding="utf-8"
    )
    rendered = tmp_path / "gerendert"
    pages = build.render([saved], rendered, WAIT)
    assert pages == ["aktuelles/2025/meldung-2/index.html"]
    build.render_dependents(rendered, WAIT)
    after = build_site(content, "pelicanconf.py", tmp_path / "nachher", "-e", "SEARCH_INDEX_ENABLED=false")
    page = (rendered / "aktuelles/2025/meldung-2/index.html").read_bytes()
    assert "über Sprache, Arbeit".encode() in page
    assert b"content-problems__title" in page, "the problem banner (the link was there before), carried over"
    assert b"auch-interessant" in page, "the teasers, carried over"
    assert b"<picture" in page and b"bild-480w" in page, "the lead image, rewritten as in the build"
    assert page != (before / "aktuelles/2025/meldung-2/index.html").read_bytes()
    assert page == (after / "aktuelles/2025/meldung-2/index.html").read_bytes()
    # The listings that show its text: the same as the full build's.
    for name in ("index.html", "aktuelles/index.html", "themen/integration/index.html"):
        assert (rendered / name).read_bytes() == (after / name).read_bytes(), name


def test_a_new_file_gets_its_own_page_and_one_turned_into_a_draft_is_left_to_the_quick_build(resident, tmp_path):
    build, content = resident
    new = content / "artikel" / "2025-05-01-meldung-5.md"
    new.write_text("Title: Meldung 5\nDate: 2025-05-01 10:00\nCategory: Meldungen\n\nGanz neu.\n", encoding="utf-8")
    draft = content / "artikel" / "2025-01-01-meldung-1.md"
    draft.write_text(draft.read_text(encoding="utf-8").replace("Tags:", "Status: draft\nTags:"), encoding="utf-8")
    assert build.render([new, draft], tmp_path / "gerendert", WAIT) == ["aktuelles/2025/meldung-5/index.html"]
    assert b"Ganz neu." in (tmp_path / "gerendert" / "aktuelles/2025/meldung-5/index.html").read_bytes()
    # A new file that is no item (an image folder's) gets nothing.
    (content / "images" / "notiz.md").write_text("Title: Notiz\n\nText.\n", encoding="utf-8")
    assert build.render([content / "images" / "notiz.md"], tmp_path / "nichts", WAIT) == []
    # It still answers afterwards.
    other = content / "artikel" / "2025-03-01-meldung-3.md"
    assert build.render([other], tmp_path / "danach", WAIT) == ["aktuelles/2025/meldung-3/index.html"]


def test_closing_ends_the_process_and_a_failed_build_does_not_stay(resident, tmp_path):
    build, content = resident
    build.close()
    assert build.exitcode == 0 and build._process.exitcode is not None
    (content / "artikel" / "kaputt.md").write_text("Title: Kaputt\nDate: gestern um drei\n\nText.\n", encoding="utf-8")
    failing = preview.ResidentBuild(
        multiprocessing.get_context("forkserver"),
        build_and_stay,
        [*arguments(content, tmp_path / "output"), "CONTENT_CHECKS_AS_ERRORS=true", "--fatal", "errors"],
    )
    failing.start()
    failing.join()
    assert failing.exitcode != 0
    failing._process.join(WAIT)
    assert failing._process.exitcode is not None, "a failed build's process ends"
    assert failing.render([content / "artikel" / "kaputt.md"], tmp_path / "gerendert", 1) == []


def test_a_title_or_summary_edit_brings_the_listings_and_the_teasers_that_show_the_item(resident, tmp_path):
    build, content = resident
    saved = content / "artikel" / "2025-03-01-meldung-3.md"
    text = saved.read_text(encoding="utf-8")
    text = text.replace("Title: Meldung 3", "Title: Sprachcafé zieht um").replace(
        "Summary: Eine kurze Meldung mit der Nummer 3", "Summary: Ganz neu zusammengefasst: die Meldung 3"
    )
    saved.write_text(text, encoding="utf-8")
    rendered = tmp_path / "gerendert"
    pages = build.render([saved], rendered, WAIT)
    assert pages == ["aktuelles/2025/meldung-3/index.html"], "its own page first"
    pages = build.render_dependents(rendered, WAIT)
    full = build_site(content, "pelicanconf.py", tmp_path / "voll", "-e", "SEARCH_INDEX_ENABLED=false")
    listings = {"index.html", "aktuelles/index.html", "aktuelles/meldungen/index.html", "themen/integration/index.html"}
    assert {"aktuelles/2025/meldung-3/index.html", *listings} <= set(pages)
    teaser_pages = {f"aktuelles/2025/meldung-{number}/index.html" for number in (1, 2, 4)} & set(pages)
    assert teaser_pages, "the other items show it among their teasers"
    for name in {"aktuelles/2025/meldung-3/index.html", *listings, *teaser_pages}:
        assert "Sprachcafé zieht um".encode() in (rendered / name).read_bytes(), name
    # The home page, category and tag pages show summaries; so do the teaser cards.
    for name in {"index.html", "aktuelles/meldungen/index.html", "themen/integration/index.html", *teaser_pages}:
        assert b"Ganz neu zusammengefasst" in (rendered / name).read_bytes(), name
    # Every page but the other items' (whose teasers the full build chooses anew) is the full build's.
    for name in set(pages) - teaser_pages:
        assert (rendered / name).read_bytes() == (full / name).read_bytes(), name
    # The next edit starts from this one: the old title is gone from what the process holds.
    saved.write_text(text.replace("über Sprache", "über Sprache, Arbeit"), encoding="utf-8")
    build.render([saved], tmp_path / "wieder", WAIT)
    assert "aktuelles/index.html" in build.render_dependents(tmp_path / "wieder", WAIT)
    assert "Sprachcafé zieht um".encode() in (tmp_path / "wieder" / "aktuelles" / "index.html").read_bytes()


def test_a_changed_tag_brings_only_the_items_own_page(resident, tmp_path):
    build, content = resident
    saved = content / "artikel" / "2025-03-01-meldung-3.md"
    saved.write_text(saved.read_text(encoding="utf-8").replace("Tags: Integration", "Tags: Ehrenamt"), encoding="utf-8")
    assert build.render([saved], tmp_path / "gerendert", WAIT) == ["aktuelles/2025/meldung-3/index.html"]
    assert build.render_dependents(tmp_path / "gerendert", WAIT) == ["aktuelles/2025/meldung-3/index.html"]
    assert b"Ehrenamt" in (tmp_path / "gerendert" / "aktuelles/2025/meldung-3/index.html").read_bytes()


def test_a_changed_slug_gives_the_page_its_new_address(resident, tmp_path):
    # The staying build keeps no address worked out before (fast_listings does in other builds): the
    # re-read item would take it over and link its page, its language versions and its card to the old one.
    build, content = resident
    saved = content / "artikel" / "2025-03-01-meldung-3.md"
    saved.write_text(saved.read_text(encoding="utf-8").replace("Tags:", "Slug: neuer-name\nTags:"), encoding="utf-8")
    assert build.render([saved], tmp_path / "gerendert", WAIT) == ["aktuelles/2025/neuer-name/index.html"]
    page = (tmp_path / "gerendert" / "aktuelles/2025/neuer-name/index.html").read_text(encoding="utf-8")
    assert 'aktuelles/2025/neuer-name/"' in page and "meldung-3/" not in page


def test_of_a_paginated_listing_only_the_page_that_shows_the_edited_item_is_written(tmp_path):
    content = small_site(tmp_path / "inhalt")
    pagination = ["DEFAULT_PAGINATION=2", 'PAGINATED_TEMPLATES={"index": 2, "category": null, "tag": null}']
    build = preview.ResidentBuild(
        multiprocessing.get_context("forkserver"),
        build_and_stay,
        [*arguments(content, tmp_path / "output"), *pagination],
    )
    build.start()
    build.join()
    try:
        oldest = content / "artikel" / "2025-01-01-meldung-1.md"
        oldest.write_text(oldest.read_text(encoding="utf-8").replace("Meldung 1", "Meldung eins"), encoding="utf-8")
        rendered = tmp_path / "gerendert"
        build.render([oldest], rendered, WAIT)
        pages = set(build.render_dependents(rendered, WAIT))
        full = build_site(content, "pelicanconf.py", tmp_path / "voll", "-e", "SEARCH_INDEX_ENABLED=false", *pagination)
        # Four articles, two a page, newest first: the oldest stands on the second page of each listing.
        second_pages = {
            "seite/2/index.html",
            "aktuelles/meldungen/seite/2/index.html",
            "themen/integration/seite/2/index.html",
        }
        assert second_pages <= pages
        assert not pages & {"index.html", "aktuelles/meldungen/index.html", "themen/integration/index.html"}
        for name in second_pages:
            assert b"Meldung eins" in (rendered / name).read_bytes()
            assert (rendered / name).read_bytes() == (full / name).read_bytes(), name
        assert all((rendered / name).stat().st_size > 0 for name in pages), "no empty page left behind"
    finally:
        build.close()
