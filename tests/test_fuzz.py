"""Fuzzing what an author controls: `invoke check` and a development build never crash or drop a file silently.

Hypothesis writes small content folders shaped like ours (content/artikel/, content/seiten/) with odd
file names, header lines and bodies, then runs `invoke check` (its task function) and a development
build with pelicanconf.py, both in this process. Property: no traceback or exception name in any
output, and every Markdown file is either written (or read, for the check) or named in a German
`path:line: what — fix` message. Profiles: "ci" (fixed seed and count, under a minute) and "long"
(`invoke fuzz`, FUZZ_EXAMPLES examples from a random seed).
"""

import contextlib
import io
import logging
import os
import re
import subprocess
import sys
import tempfile
from fnmatch import fnmatch
from pathlib import Path

import jinja2
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from invoke import Context
from pelican import Pelican, signals
from pelican.log import LimitFilter
from pelican.settings import read_settings

import tasks
from common.items import items_of
from conftest import ROOT

settings.register_profile(
    "ci",
    max_examples=35,  # about 0.8 s each: the suite must stay under 10 minutes; `invoke fuzz` runs 2000
    derandomize=True,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "2000")),
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = os.environ.get("FUZZ_PROFILE", "ci")

DEVELOPMENT = read_settings(str(ROOT / "pelicanconf.py"))
IGNORE_FILES, JINJA_ENVIRONMENT = DEVELOPMENT["IGNORE_FILES"], DEVELOPMENT["JINJA_ENVIRONMENT"]

# --- Strategies: what an author can type ---------------------------------------------------------

ODD = ["\u200f", "\u202e", "\u200b", "\u0301", "\u00ad", "\ufeff", "\x00", "\t", "\r", "😀", "👩🏽‍🔧", "ß", "ä", "Ü"]
ODD += list("{}<>&\"'%|*_#[]()!:\\`~=-.,;/ ")
odd_char = st.one_of(st.sampled_from(ODD), st.characters(codec="utf-8", exclude_categories=("Cs",)))
long_char = odd_char.filter(lambda char: char != "[")
words = st.sampled_from(["Integration", "Beirat", "Fest", "Straße", "Übung", "Ärger", "Öl", "Sprachtandem", "und"])
fuzz_text = st.one_of(
    st.lists(odd_char, max_size=30).map("".join),
    st.lists(words, min_size=1, max_size=8).map(" ".join),
    # Long lines (pasted data); without "[": Python-Markdown's link search is quadratic in unclosed "["
    # (17,000 of them on a line take minutes), a known limit we leave to the line-length check.
    st.builds(
        lambda text, size: text * size,
        st.lists(long_char, min_size=1, max_size=3).map("".join),
        st.integers(1000, 8_000),
    ),
)

KNOWN_KEYS = ["Title", "Date", "Category", "Tags", "Summary", "Slug", "Status", "Lang", "Translation", "Modified"]
KNOWN_KEYS += ["Template", "Save_as", "Url", "Author", "Image", "Image_alt", "Parent", "Related", "Auch_interessant"]
GOOD_VALUES = {
    "Date": ["2024-03-05", "2024-03-05 10:00", "05.03.2024", "2026-03-29 02:30", "2999-01-01", "gestern", "0000-00-00"],
    "Modified": ["2024-03-06", "31.02.2024", "2024-13-01"],
    "Category": ["Meldungen", "Pressemitteilungen", "Meldung", ""],
    "Tags": ["Integration, Beirat", "Integration,,", ",", "Inklusion; Sport"],
    "Status": ["published", "draft", "hidden", "entwurf", ""],
    "Lang": ["de", "en", "fr", "xx", "DE", ""],
    "Translation": ["true", "false", "ja"],
    "Slug": ["startseite", "eins", "ä", "../../x", "/", ".", ""],
    "Save_as": ["", "../../draussen.html", "/etc/x.html", "x.html"],
    "Url": ["", "x/", "../y"],
    "Template": ["page", "article", "index", "base", "gibtsnicht", "../base"],
    "Parent": ["projekte", "gibtsnicht", ""],
    "Related": ["eins, zwei", "{filename}x.md", ""],
    "Image": ["bild.jpg", "{static}/images/nix.jpg", "../x.png"],
    "Auch_interessant": ["nein", "ja", ""],
}
key = st.one_of(
    st.sampled_from(KNOWN_KEYS),
    st.sampled_from(KNOWN_KEYS).map(str.lower),
    st.sampled_from(KNOWN_KEYS).map(str.upper),
    st.sampled_from(["Titel", "Datum", "Kategorie", "Zusammenfassung", "Schlagworte", "Title ", " Title"]),
    st.lists(odd_char, min_size=1, max_size=12).map("".join),
)


@st.composite
def header_line(draw):
    """One line of the header, usually `Key: value`, sometimes mangled."""
    name = draw(key)
    canonical = name.strip().capitalize()
    value = draw(st.one_of(st.sampled_from(GOOD_VALUES.get(canonical, ["x"])), fuzz_text))
    return draw(
        st.sampled_from(
            [f"{name}: {value}", f"{name}:{value}", f"{name} : {value}", f"\t{name}: {value}", f"{name} {value}"]
        )
    )


def valid_header(kind: str, title: str) -> list[str]:
    """The header lines a correct article or page of this kind has."""
    lines = [f"Title: {title}"]
    if kind == "artikel":
        lines += ["Date: 2024-03-05 10:00", "Category: Meldungen"]
        lines += ["Summary: Eine Zusammenfassung, die lang genug ist, um die Prüfung zu bestehen."]
    return lines


LINKS = [
    "[Link]({filename}/artikel/nix.md)",
    "[Link]({filename}nix.md)",
    "[Link]({filename})",
    "[Link]({filename}/)",
    "[Link]({filename}../../../etc/passwd)",
    "[Link]({static}/images/nix.jpg)",
    "[Link]({static})",
    "[Link]({attach}x.pdf)",
    "[Link]({tag}Integration)",
    "[Link]({category}Meldungen)",
    "[Link]({index})",
    "[Link]({author}x)",
    "[Link]({filename}/seiten/gut.md)",
    "[Link]({filename}%20x.md)",
    "[hier](http://example.org)",
    "[Link](../seiten/gut.md)",
    "![](bild.jpg)",
    '![Alt]({static}/images/nix.png "Foto: x")',
    "<a href='{filename}/artikel/nix.md'>x</a>",
    '<img src="{static}/images/nix.jpg">',
]
HTML = [
    "<div>",
    "</div>",
    '<div markdown="1">',
    "<script>alert(1)</script>",
    "<iframe src=x>",
    "<span style='color:red' onclick=x>x</span>",
    "<!--",
    "-->",
    "<table><tr><td>x",
    "<p>",
    "&#0;",
    "&#x110000;",
    "&#9999999999;",
    "&bogus;",
    "<?php ?>",
    "<![CDATA[x",
]
MARKDOWN = [
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "| a |\n|---|---|---|\n|",
    "Text[^1]\n\n[^1]: Fußnote",
    "Text[^fehlt]",
    "[^1]:",
    "Absatz\n{: .klasse #id }",
    '{: style="color:red" onclick="x" }',
    "# Überschrift {: #x }",
    "#### Tief",
    "Titel\n=====",
    "```\ncode\n",
    "~~~",
    "*[HTML]: Hypertext",
    "Begriff\n: Erklärung",
    "> Zitat\n> > tiefer",
    "    eingerückt",
    "- [ ] x",
    "1. eins\n1. eins",
    "[x]: <>",
    "[^]",
    "***",
]


def nested_list(depth: int) -> st.SearchStrategy[str]:
    """A Markdown list, nested up to `depth` levels, with odd markers and indents."""
    item = st.tuples(st.sampled_from(["-", "*", "+", "1.", "1)"]), fuzz_text)
    if depth == 0:
        return st.lists(item, min_size=1, max_size=3).map(lambda items: "\n".join(f"{m} {t}" for m, t in items))
    return st.lists(st.tuples(item, nested_list(depth - 1), st.sampled_from([2, 4, 1])), min_size=1, max_size=2).map(
        lambda items: "\n".join(
            f"{m} {t}\n" + "\n".join(" " * indent + line for line in inner.splitlines())
            for (m, t), inner, indent in items
        )
    )


body_block = st.one_of(
    fuzz_text, st.sampled_from(LINKS), st.sampled_from(HTML), st.sampled_from(MARKDOWN), nested_list(2)
)
body = st.lists(body_block, max_size=6).map("\n\n".join)

name_char = st.one_of(
    st.sampled_from(list("äöüßÄ -_.,'()&+~#") + ["\u200f", "\u202e", "\u0301", "😀"]),
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters="/\\:"),
)
file_stem = (
    st.tuples(
        st.sampled_from(["", "2024-03-05-", "2024-03-05_", "2024-03-05", "-", "--", ".", "2024-3-5-", " "]),
        st.text(name_char, min_size=0, max_size=25),
    )
    .map("".join)
    .filter(lambda stem: stem.strip("."))
)  # ".md", "..md": no name, so no extension to Python


@st.composite
def content_file(draw, kind: str):
    """One Markdown file's bytes: a header (valid, mangled or none), a blank line, a body."""
    mode = draw(st.sampled_from(["valid", "valid+fuzz", "fuzz", "none"]))
    lines = []
    if mode.startswith("valid"):
        lines = valid_header(kind, draw(st.one_of(words, fuzz_text)))
    if mode != "valid":
        lines += draw(st.lists(header_line(), max_size=5))
    if mode.startswith("valid"):
        lines = draw(st.permutations(lines))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = newline.join(lines) + newline + draw(st.sampled_from(["", "\n", " \n", "\t\n"])) + draw(body)
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "latin-1"]))
    return text.encode(encoding, errors="replace")


# Sub-folders as other sites have them: by year and month, by topic, with umlauts, hidden.
folder = st.sampled_from(["", "", "", "2024/03/", "projekte/", "Ärger und Öl/", "-x/", ".versteckt/"])


def files_of(kind: str):
    names = st.lists(st.tuples(folder, file_stem).map("".join), max_size=3, unique_by=lambda stem: stem.casefold())
    return names.flatmap(lambda stems: st.tuples(*[st.tuples(st.just(stem), content_file(kind)) for stem in stems]))


site = st.fixed_dictionaries({"artikel": files_of("artikel"), "seiten": files_of("seiten")})

GOOD_ARTICLE = "\n".join(
    [*valid_header("artikel", "Gute Meldung"), "", "Text mit [der guten Seite]({filename}/seiten/gut.md)."]
)
GOOD_PAGE = "Title: Gute Seite\n\nText.\n"

# --- Running check and build in this process -------------------------------------------------------


class TemplateCache(jinja2.BytecodeCache):
    """Compiled theme templates shared by the builds of one test run (compiling was half of each build).

    Jinja keys each entry by the template's source, so a changed template is compiled afresh.
    """

    def __init__(self):
        self.compiled = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket):
        self.compiled[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_CACHE = TemplateCache()


class Recorder(logging.Handler):
    """Keeps every log record of one run."""

    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@contextlib.contextmanager
def captured():
    """Log records and stdout/stderr of one run; Pelican's message deduplication reset (it is global)."""
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    recorder = Recorder()
    root.handlers[:] = [recorder]  # pytest's own capture would keep every record of every example
    root.setLevel(logging.INFO)
    stream = io.StringIO()
    try:
        with contextlib.redirect_stdout(stream), contextlib.redirect_stderr(stream):
            yield recorder, stream
    finally:
        root.handlers[:] = handlers  # also drops the counter a strict settings file leaves behind
        root.setLevel(level)


@contextlib.contextmanager
def connected(signal, receiver):
    signal.connect(receiver, weak=False)
    try:
        yield
    finally:
        signal.disconnect(receiver)


def run_check(content: Path):
    """`invoke check --content …`: exit code, what it printed and logged, and the sources it read."""
    read = set()

    def remember(generators):
        for generator in generators:
            read.update(item.relative_source_path for item in items_of(generator))
            intro = generator.context.get("home_intro")
            if intro is not None:
                read.add(intro.relative_source_path)

    code = 0
    generators = []
    # the lists are final only after every receiver (content_checks skips duplicates), so read them later
    with captured() as (recorder, stream), connected(signals.all_generators_finalized, generators.extend):
        try:
            tasks.check(Context(), content=str(content))
        except SystemExit as stop:
            code = stop.code
    remember(generators)
    return code, recorder.records, stream.getvalue(), read


def run_build(content: Path, output: Path):
    """A development build with pelicanconf.py: what it printed and logged, and the sources it wrote."""
    written = set()

    def record(path, context):
        item = context.get("article") or context.get("page")
        if item is not None:
            written.add(item.relative_source_path)

    generators = []
    overrides = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(output.parent / "cache"),
        "RESPONSIVE_IMAGES_CACHE": str(output.parent / "cache" / "bilder"),
        "JINJA_ENVIRONMENT": {**JINJA_ENVIRONMENT, "bytecode_cache": TEMPLATE_CACHE},
        "SEARCH_INDEX_ENABLED": False,  # Pagefind reads no author input we do not fuzz elsewhere; 1 s per build
    }
    with (
        captured() as (recorder, stream),
        connected(signals.content_written, record),
        connected(signals.all_generators_finalized, generators.extend),
    ):
        Pelican(read_settings(str(ROOT / "pelicanconf.py"), override=overrides)).run()
    for generator in generators:
        intro = generator.context.get("home_intro")
        if intro is not None:
            written.add(intro.relative_source_path)
    return recorder.records, stream.getvalue(), written


# --- The property ---------------------------------------------------------------------------------

LEAK = re.compile(r"Traceback|\bFile \"|\b\w*(Error|Exception)\b(?!“)|\bline \d+, in\b")
GERMAN = re.compile(r"[äöüßÄÖÜ„“]|\b(die|der|das|den|ist|nicht|kein|keine|fehlt|Datei|Zeile|Angabe|gibt|wird|Sie)\b")
ENGLISH = re.compile(r"\b(the|could not|skipping|unable|cannot|is not|does not|failed|invalid|found)\b", re.IGNORECASE)


def message_texts(records) -> list[str]:
    texts = []
    for record in records:
        if record.levelno >= logging.WARNING:
            text = record.getMessage()
            assert not record.exc_info, f"traceback logged with: {text}"
            texts.append(text)
    return texts


def assert_no_leak(texts: list[str], printed: str) -> None:
    for text in [*texts, printed]:
        match = LEAK.search(text)
        assert match is None, f"Python leaks into the output ({match.group(0)!r}):\n{text[:2000]}"
    for text in texts:
        assert GERMAN.search(text) and not ENGLISH.search(text), f"not a German message:\n{text[:2000]}"


def file_message(texts: list[str], relative: str) -> str | None:
    """The first `path:line: what — fix` message about `relative` (a path under the content folder)."""
    pattern = re.compile(r"(?:^|/)" + re.escape(relative) + r":\d+: (.+) — (.+)", re.DOTALL)
    for text in texts:
        match = pattern.search(text)
        if match and GERMAN.search(match.group(1)):
            return text
    return None


def assert_accounted(sources: list[str], done: set[str], texts: list[str], what: str) -> None:
    for relative in sources:
        if relative in done:
            continue
        assert file_message(texts, relative), f"{relative} {what}, with no `path:line:` message:\n" + "\n".join(texts)


def write_site(folder: Path, files) -> tuple[Path, list[str]]:
    content = folder / "content"
    sources = ["artikel/2024-01-01-gute-meldung.md", "seiten/gut.md"]
    (content / "artikel").mkdir(parents=True)
    (content / "seiten").mkdir()
    (content / sources[0]).write_text(GOOD_ARTICLE, encoding="utf-8")
    (content / sources[1]).write_text(GOOD_PAGE, encoding="utf-8")
    for kind, entries in files.items():
        for stem, data in entries:
            relative = f"{kind}/{stem}.md"
            if relative in sources:
                continue
            (content / relative).parent.mkdir(parents=True, exist_ok=True)
            (content / relative).write_bytes(data)
            if not any(fnmatch(Path(relative).name, pattern) for pattern in IGNORE_FILES):
                sources.append(relative)
    return content, sources


def check_site(files) -> None:
    with tempfile.TemporaryDirectory(prefix="fuzz-") as folder:
        content, sources = write_site(Path(folder), files)
        code, records, printed, read = run_check(content)
        texts = message_texts(records)
        assert_no_leak(texts, printed)
        # `invoke check` counts the language hints of every German file: their analysis must not fail either.
        assert "Sprachhinweis(e) zu deutschen Texten" in printed, printed
        assert code in (0, 1), f"invoke check ended with {code!r}"
        if code == 0:
            assert not texts, "invoke check ended with 0 after warnings:\n" + "\n".join(texts)
        # problems in drafts do not stop a publish: the task prints them instead of logging errors
        assert_accounted(sources, read, texts + printed.splitlines(), "was not read by invoke check")

        records, printed, written = run_build(content, Path(folder) / "output")
        texts = message_texts(records)
        assert_no_leak(texts, printed)
        assert_accounted(sources, written, texts, "was not written by the development build")


def only(kind: str, *files: tuple[str, str]) -> dict:
    """A site of the given files of one kind (what the fuzzer found, written out)."""
    return {"artikel": (), "seiten": (), kind: tuple((stem, text.encode("utf-8")) for stem, text in files)}


ARTICLE_HEAD = "\n".join(valid_header("artikel", "Meldung")) + "\n"


@settings(settings.get_profile(PROFILE))
@given(site)
# Found by the fuzzer: a Title of 300 letters and no Slug crashed the build (file name too long).
@example(only("seiten", ("lang", "Title: " + "ä" * 300 + "\n\nText.\n")))
@example(
    only("artikel", ("2024-03-05-lang", ARTICLE_HEAD.replace("Meldung", "ä" * 300) + "Slug: " + "a" * 300 + "\n\nx"))
)
@example(only("artikel", ("2024-03-05-thema", ARTICLE_HEAD + "Tags: Beirat, " + "a" * 300 + "\n\nText.")))
@example(only("artikel", ("2024-03-05-rubrik", ARTICLE_HEAD.replace("Meldungen", "b" * 300) + "\nText.")))
# Found: Pelican's English warnings about {attach}, an Author without letters, an empty alt text,
# a field twice (and `invoke check` ending with 0 once the strict build's counter replaced its own).
@example(
    only(
        "artikel",
        ("a", ARTICLE_HEAD + "\n[Anmeldung]({attach}x.pdf)"),
        ("b", ARTICLE_HEAD + "\n[Anmeldung]({attach}x.pdf)"),
    )
)
@example(only("artikel", ("2024-03-05-autor", ARTICLE_HEAD + "Author: ,\n\nText.")))
@example(only("seiten", ("bild", "Title: Bild\n\n![](bild.jpg)\n")))
@example(only("seiten", ("doppelt", "Title: A\nTitle: B\n\nText.\n")))
# Found: a Title without letters or digits (and no Slug) skipped the page without a `path:line:` message.
@example(only("seiten", ("2024-03-05_zeichen", "Title: ;;\n\nText.\n")))
# Found: Pelican's English warning when every file with an address says `Translation: true`.
@example(only("seiten", ("1", "Title: x\nTranslation: true\n")))
# Found: `Slug: .` on a page overwrote the home page (a traceback: Pelican refuses to write index.html twice).
@example(only("seiten", ("punkt", "Title: Punkt\nSlug: .\n\nText.\n")))
@example(only("seiten", ("0", "Status: draft\n")))
# Found: `Template: page` on an article (or a listing's template) stopped the build ('page' is undefined).
@example(only("artikel", ("2024-03-05-vorlage", ARTICLE_HEAD + "Template: page\n\nText.")))
@example(only("seiten", ("vorlage", "Title: Vorlage\nTemplate: index\n\nText.\n")))
def test_check_and_build_never_crash_or_drop_a_file_silently(files):
    check_site(files)


HARNESS_SITE = only(
    "artikel",
    ("2024-03-05-gut", ARTICLE_HEAD + "\nText mit [Anmeldung]({attach}x.pdf)."),
    ("2024-03-06_ohne", "Title: Ohne Datum\n\nText."),
    ("2024-03-07-kaputt", ARTICLE_HEAD + "Author: ,\n\n![](bild.jpg)"),
)


def test_in_process_runs_repeat_and_match_the_command_line(tmp_path):
    """The fuzzer's shortcut is honest: a second run in one process and `invoke check` in its own process agree."""
    content, _ = write_site(tmp_path, HARNESS_SITE)
    runs = [run_build(content, tmp_path / f"output-{number}") for number in (1, 2)]
    assert runs[0][2] == runs[1][2] and "artikel/2024-03-05-gut.md" in runs[0][2]
    first, second = (sorted(message_texts(records)) for records, _, _ in runs)
    assert first == second and len(first) >= 4  # Pelican's deduplication of messages is global: reset per run

    code, records, _, _ = run_check(content)
    process = subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--content", str(content)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert (code, process.returncode) == (1, 1)
    printed = process.stdout + process.stderr
    for text in message_texts(records):
        assert text in printed
