"""Markdown converted by worker processes ahead of Pelican's reading (plugins/localisation/prefetch.py)."""

from pathlib import Path

from test_reproducible_output import tree, write_mixed_content

from conftest import ROOT, build_site
from localisation.prefetch import CHUNK, Prefetch
from localisation.reading import conversion_cache, convert

MARKDOWN = {"extensions": ["markdown.extensions.meta", "markdown.extensions.toc"], "output_format": "html5"}
FIELDS = ["summary"]


def write_texts(folder: Path, count: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"text-{number}.md"
        path.write_text(f"Title: Text {number}\nSummary: Über *{number}*\n\n## Teil {number}\n\nText „{number}“.\n")
        paths.append(str(path))
    return paths


def test_each_file_comes_back_as_the_reader_would_convert_it(tmp_path):
    paths = write_texts(tmp_path, 2 * CHUNK + 3)  # three tasks, the last one short
    prefetch = Prefetch(paths, MARKDOWN, FIELDS, None, workers=2)
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        taken = prefetch.take(path, text)
        assert taken is not None and taken == convert(text, MARKDOWN, FIELDS)
        assert f"<em>{Path(path).stem.split('-')[1]}</em>" in next(iter(taken.formatted.values()))


def test_the_reader_converts_itself_what_the_workers_could_not_use(tmp_path):
    paths = write_texts(tmp_path / "texte", CHUNK + 2)
    broken = tmp_path / "texte" / "kaputt.md"
    broken.write_bytes(b"Title: \xff\xfe\n\nKein UTF-8.\n")  # the reader raises Pelican's error for it
    prefetch = Prefetch([*paths, str(broken)], MARKDOWN, FIELDS, None, workers=2)
    # The reader reads a text other than the worker did (an editor saved in between).
    saved_meanwhile = Path(paths[0]).read_text(encoding="utf-8") + "\nNeu gespeichert.\n"
    assert prefetch.take(paths[0], saved_meanwhile) is None
    assert prefetch.take(str(tmp_path / "anderswo.md"), "Title: X\n\nText.\n") is None  # not in the list
    assert prefetch.take(str(broken), "") is None  # failed in the worker
    assert prefetch.take(paths[1], Path(paths[1]).read_text(encoding="utf-8")) is not None


def test_workers_use_and_fill_the_preview_cache(tmp_path):
    paths = write_texts(tmp_path / "texte", CHUNK + 1)
    settings = {"MARKDOWN": MARKDOWN, "FORMATTED_FIELDS": FIELDS, "PLUGIN_PATHS": [str(ROOT / "plugins")]}
    cache = conversion_cache(str(tmp_path / "cache"), settings)
    prefetch = Prefetch(paths, MARKDOWN, FIELDS, cache, workers=2)
    for path in paths:
        prefetch.take(path, Path(path).read_text(encoding="utf-8"))
    text = Path(paths[0]).read_text(encoding="utf-8")
    assert cache.get(text) == convert(text, MARKDOWN, FIELDS)  # stored by a worker


def test_a_build_reading_with_workers_writes_the_same_site_as_one_without(tmp_path):
    content = tmp_path / "content"
    write_mixed_content(content)
    for number in range(2 * CHUNK):  # enough articles for the workers to take part
        (content / "artikel" / f"2023-01-{number % 28 + 1:02d}-notiz-{number}.md").write_text(
            f"Title: Notiz {number}\nDate: 2023-01-{number % 28 + 1:02d} 09:00\nCategory: Meldungen\n"
            f"Tags: Integration\nSummary: Worum es in Notiz {number} geht, in einem Satz.\n\n"
            f"## Abschnitt {number}\n\nDer Text der „Notiz“ {number} mit *Betonung*.\n",
            encoding="utf-8",
        )
    alone = tree(build_site(content, "pelicanconf.py", tmp_path / "allein", "-e", "LOCALISATION_READ_WORKERS=0"))
    helped = tree(build_site(content, "pelicanconf.py", tmp_path / "helfer", "-e", "LOCALISATION_READ_WORKERS=2"))
    assert sorted(alone) == sorted(helped)
    assert [name for name in alone if alone[name] != helped[name]] == []
    assert b"<em>Betonung</em>" in helped["aktuelles/2023/notiz-7/index.html"]
