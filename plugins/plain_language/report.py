"""One German Markdown file → its hints and readability; and the same for a whole content folder."""

import fnmatch
from dataclasses import dataclass
from pathlib import Path

from .cache import ReportCache
from .hints import PageReport
from .lexicon import Lexicon
from .options import Options
from .readability import readability
from .rules import abbreviations, long_sentences, long_words, nominal_style, passives, rare_words
from .source import read_markdown
from .strict import strict_hints
from .tagging import Tagger
from .text import split_sentences

MAX_BYTES = 1_000_000  # as the content checks' limit: bigger Markdown files are pasted data
LEICHTE_SPRACHE_YES = ("ja", "yes", "true", "1")


@dataclass
class Tools:
    """The word list and tagger of one build or one task run (loaded on first use, never module state)."""

    lexicon: Lexicon
    tagger: Tagger

    @classmethod
    def new(cls) -> "Tools":
        """Fresh, empty caches."""
        return cls(Lexicon(), Tagger())


def is_leichte_sprache(value: str | None) -> bool:
    """Whether a `Leichte_Sprache:` value switches the strict rules on."""
    return (value or "").strip().lower() in LEICHTE_SPRACHE_YES


def analyse(text: str, options: Options, tools: Tools, leichte_sprache: bool | None = None) -> PageReport:
    """The hints of one Markdown file's body (header fields are not checked) and its readability."""
    source = read_markdown(text)
    if leichte_sprache is None:
        leichte_sprache = is_leichte_sprache(source.fields.get(options.ls_field, ("", 0))[0])
    sentences = [sentence for block in source.blocks for sentence in split_sentences(block)]
    prose = [sentence for sentence in sentences if not sentence.heading]
    hints = [*rare_words(sentences, options, tools.lexicon), *nominal_style(prose, options)]
    if leichte_sprache:
        hints += strict_hints(sentences, options, tools.lexicon, tools.tagger, source.italics)
    else:
        hints += [
            *long_sentences(prose, options.sentence_words),
            *long_words(sentences, options, tools.lexicon),
            *passives(prose, tools.tagger),
            *abbreviations(sentences, options, tools.lexicon, source.abbreviations),
        ]
    score = readability([[token.text for token in sentence.words] for sentence in prose], options.readability_target)
    hints.sort(key=lambda hint: (hint.line, -hint.weight, hint.kind))
    return PageReport(tuple(hints), score, leichte_sprache)


def language_of(text: str, default: str) -> str:
    """The `Lang:` of a Markdown file, else the site's default language."""
    fields = read_markdown(text).fields if text.lstrip("\ufeff").split("\n", 1)[0].strip() else {}
    return (fields.get("lang", (default, 0))[0] or default).strip()


def german_files(content: Path, ignore: list[str], default_lang: str = "de") -> list[Path]:
    """The Markdown files of a content folder (or the one file given) whose language is German."""
    files = [content] if content.is_file() else sorted(content.rglob("*.md"))
    chosen = []
    for path in files:
        if any(fnmatch.fnmatch(path.name, pattern) for pattern in ignore):
            continue
        if path.stat().st_size > MAX_BYTES:
            continue  # the content checks report a file this big as a mistake
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeError):
            continue  # the content checks report unreadable files
        if language_of(text, default_lang) == "de":
            chosen.append(path)
    return chosen


def analyse_cached(text: str, options: Options, tools: Tools, cache: ReportCache | None) -> PageReport:
    """The report of one text: from `cache` if it holds one, else analysed (and stored there)."""
    report = cache.get(text) if cache else None
    if report is None:
        report = analyse(text, options, tools)
        if cache:
            cache.put(text, report)
    return report


def analyse_files(
    paths: list[Path], options: Options, tools: Tools | None = None, cache: ReportCache | None = None
) -> dict[Path, PageReport]:
    """The report of each file (from `cache` where it holds one for the file's text)."""
    tools = tools or Tools.new()
    reports = {path: analyse_cached(path.read_text(encoding="utf-8-sig"), options, tools, cache) for path in paths}
    if cache:
        cache.prune()
    return reports


def analyse_folder(
    content: str, ignore: list[str], default_lang: str, options: Options, cache_folder: str | None = None
) -> dict[str, PageReport]:
    """The report of every German Markdown file below `content`, by resolved path (run in a worker process)."""
    paths = german_files(Path(content), ignore, default_lang)
    cache = ReportCache(Path(cache_folder), options) if cache_folder else None
    return {str(path.resolve()): report for path, report in analyse_files(paths, options, cache=cache).items()}
