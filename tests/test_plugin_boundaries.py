"""Plugins meet only through plugins/common and Pelican; `invoke check` reads without the teaser maths; the
Pelican behaviour `invoke check` relies on is pinned."""

import ast
import json
import subprocess
import sys

import pytest
from content_checks.dry_run import OUTPUT_ONLY_PLUGINS
from pelican import signals
from pelican.settings import read_settings

from conftest import FIXTURES, ROOT

PLUGINS = ROOT / "plugins"
PACKAGES = sorted(path.name for path in PLUGINS.iterdir() if (path / "__init__.py").is_file())


def imported_packages(package: str) -> set[tuple[str, str]]:
    """(file:line, top-level name) of every absolute import in a plugin package."""
    found = set()
    for path in sorted((PLUGINS / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            found.update((where, name.split(".")[0]) for name in names)
    return found


def test_every_plugin_folder_is_a_package_seen_by_the_boundary_check():
    folders = sorted(path.name for path in PLUGINS.iterdir() if path.is_dir() and path.name != "__pycache__")
    assert folders == PACKAGES
    assert {"common", "content_checks", "localisation", "auch_interessant", "build_messages"} <= set(PACKAGES)


@pytest.mark.parametrize("package", PACKAGES)
def test_no_plugin_imports_another_plugin(package):
    others = set(PACKAGES) - {package, "common"}
    crossing = sorted(f"{where} imports {name}" for where, name in imported_packages(package) if name in others)
    assert not crossing, "Plugins share code only through plugins/common: " + "; ".join(crossing)


def test_common_is_not_a_plugin_and_imports_no_plugin():
    assert "common" not in read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"]
    tree = ast.parse((PLUGINS / "common" / "__init__.py").read_text(encoding="utf-8"))
    assert not any(isinstance(node, ast.FunctionDef) and node.name == "register" for node in ast.walk(tree))
    assert not {name for _, name in imported_packages("common")} & (set(PACKAGES) - {"common"})


def test_the_plugins_left_out_of_invoke_check_report_nothing():
    """`invoke check` leaves these out; it may only because they never warn nor attach problems or hints."""
    reporting = []
    for package in OUTPUT_ONLY_PLUGINS:
        for path in sorted((PLUGINS / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Attribute) and node.attr in {
                    "warning",
                    "error",
                    "critical",
                    "exception",
                    "field_problems",
                    "content_hints",
                }:
                    reporting.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.attr}")
    assert not reporting, (
        "A plugin in content_checks.dry_run.OUTPUT_ONLY_PLUGINS reports something now; take it out of that list "
        "so that invoke check sees it: " + "; ".join(reporting)
    )


def test_reading_for_invoke_check_imports_neither_numpy_nor_scipy():
    script = (
        "import sys\n"
        f"sys.path[:0] = [{str(ROOT)!r}, {str(PLUGINS)!r}]\n"
        "from pathlib import Path\n"
        "from content_checks.dry_run import read_site\n"
        f"problems, _, _, reported = read_site(Path({str(ROOT / 'publishconf.py')!r}), "
        f"Path({str(FIXTURES / 'content_checks')!r}))\n"
        "print(len(problems), reported)\n"
        "print(' '.join(sorted(name for name in sys.modules if name.split('.')[0] in ('numpy', 'scipy'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    counts, heavy = (result.stdout.splitlines() + ["", ""])[:2]
    problems, reported = map(int, counts.split())
    assert problems > 10 and reported >= problems  # the fixture's mistakes were found: the read really ran
    assert heavy == "", f"invoke check imported {heavy.split()[:5]}…"


# Run in a fresh process: plugins registered by earlier tests in this process would receive its signals.
RUN_ORDER_SCRIPT = """
import json, sys
from pathlib import Path
from pelican import Pelican, signals
from pelican.settings import read_settings
content, output = Path(sys.argv[1]), Path(sys.argv[2])
pelican = Pelican(read_settings(override={"PATH": str(content), "OUTPUT_PATH": str(output), "PLUGINS": []}))
events = []
class Stop(Exception):
    pass
def finalized(generators):
    articles = [item for generator in generators for item in getattr(generator, "articles", [])]
    events.append(["all_generators_finalized", len(articles), [str(p) for p in output.rglob("*")]])
def writer(_pelican):
    events.append(["get_writer", None, [str(p) for p in output.rglob("*")]])
    raise Stop
def written(path, **_):
    events.append(["content_written", str(path), None])
signals.all_generators_finalized.connect(finalized)
signals.get_writer.connect(writer)
signals.content_written.connect(written)
try:
    pelican.run()
except Stop:
    events.append(["stopped", None, None])
print(json.dumps(events))
"""


def test_pelican_sends_all_generators_finalized_then_get_writer_before_writing_anything(tmp_path):
    """content_checks.dry_run stops Pelican.run() at `get_writer`: everything must be read and nothing written by then."""
    content = tmp_path / "inhalt"
    content.mkdir()
    (content / "a.md").write_text("Title: A\nDate: 2025-03-26\n\nText.\n", encoding="utf-8")
    output = tmp_path / "ausgabe"
    output.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", RUN_ORDER_SCRIPT, str(content), str(output)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    events = json.loads(result.stdout.strip().splitlines()[-1])
    assert events == [["all_generators_finalized", 1, []], ["get_writer", None, []], ["stopped", None, None]], (
        "Pelican.run() no longer reads all content, sends all_generators_finalized and then asks for a writer "
        f"(get_writer) before writing anything; content_checks/dry_run.py relies on that order: {events}"
    )
    assert not list(output.iterdir())


def test_a_content_object_shows_the_text_plugins_write_into_its_content_attribute():
    """localisation, sessions, documents and sign_videos rewrite `instance._content` at `content_object_init`."""
    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    settings = {**DEFAULT_CONFIG, "PATH": "/inhalt"}
    context = {**settings, "generated_content": {}, "static_content": {}, "localsiteurl": ""}
    # Muted: plugins registered by earlier tests in this process must not see this bare article.
    with signals.content_object_init.muted():
        article = Article(
            "<p>alt</p>", metadata={"title": "T"}, settings=settings, source_path="/inhalt/a.md", context=context
        )
    article._content = article._content.replace("alt", "neu")
    assert article.content == "<p>neu</p>", (
        "Pelican no longer renders `content` from `_content`; the plugins that rewrite `instance._content` at "
        "content_object_init must follow."
    )
