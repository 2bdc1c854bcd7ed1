"""The preview's cache of converted Markdown: a save converts only the file that changed.

Converting Markdown was half of the preview's quick build at 1,000 articles. What Python-Markdown
makes of a file depends only on the file's text, the `MARKDOWN` and `FORMATTED_FIELDS` settings,
the Markdown and Pelican versions and our plugins' code (the heading ids come from
localisation.slugs; an extension could live in any plugin), so those make the key. What is stored
is plain text (the body's HTML, the header's raw values, each formatted field's HTML), never
Pelican's metadata objects: those carry the settings and are made afresh from the raw values in
every build, by the same code as without the cache.

Only the preview sets `LOCALISATION_MARKDOWN_CACHE`; `invoke build` and `invoke publish` convert every file.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from markdown import Markdown

from common.file_cache import FileCache, code_fingerprint

SUFFIX = ".markdown"


@dataclass(frozen=True)
class Converted:
    """What Python-Markdown made of one file."""

    content: str  # the body's HTML
    meta: dict[str, list[str]] | None  # the header as Markdown's meta extension read it (None: no extension)
    formatted: dict[str, str] = field(default_factory=dict)  # each formatted field's text → its HTML


def convert(text: str, markdown_settings: dict, formatted_fields) -> Converted:
    """Convert `text` as Pelican's MarkdownReader does: the body, then each formatted header field."""
    markdown = Markdown(**markdown_settings)
    content = markdown.convert(text)
    meta = getattr(markdown, "Meta", None)
    formatted = {}
    if meta:
        markdown.preprocessors.deregister("meta")  # as Pelican: no header inside a field
        for name, value in meta.items():
            if name.lower() in formatted_fields:
                joined = "\n".join(value)
                markdown.reset()
                formatted[joined] = markdown.convert(joined)
    return Converted(content, meta, formatted)


class _NoPreprocessors:
    def deregister(self, name: str) -> None:
        pass


class ConvertedFields:
    """Answers for the Markdown instance Pelican's `_parse_metadata` converts formatted fields with.

    That method (Pelican 4.12) deregisters the meta preprocessor, then resets and converts each
    formatted field; here each conversion is looked up among those `convert()` made.
    tests/test_quick_preview.py fails when Pelican starts using anything else of it.
    """

    preprocessors = _NoPreprocessors()

    def __init__(self, formatted: dict[str, str]):
        self._formatted = formatted

    def reset(self) -> None:
        pass

    def convert(self, text: str) -> str:
        return self._formatted[text]


def settings_text(settings) -> str:
    """The settings conversion depends on, as stable text (functions by their qualified name)."""

    def name(value) -> str:
        return f"{value.__module__}.{value.__qualname__}" if callable(value) else repr(value)

    chosen = {"MARKDOWN": settings["MARKDOWN"], "FORMATTED_FIELDS": sorted(settings["FORMATTED_FIELDS"])}
    return json.dumps(chosen, sort_keys=True, default=name, ensure_ascii=False)


def conversion_cache(folder: str, settings) -> FileCache:
    """The cache in `folder` for these settings, Markdown, Pelican and the code of every plugin."""
    plugin_folders = sorted({Path(__file__).parent.parent} | {Path(path) for path in settings.get("PLUGIN_PATHS", [])})
    code = code_fingerprint(*plugin_folders, packages=("markdown", "pelican"), recursive=True)
    return FileCache(Path(folder), (code + settings_text(settings)).encode(), SUFFIX)
