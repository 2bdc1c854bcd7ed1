"""Pelican glue: every document link in a page becomes a document entry, PDFs that are not accessible
become hints on the linking page, and templates get `documents_in()` and `document_topics()`."""

from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import pass_context
from pelican import signals
from pelican.contents import Article, Page

from common.settings import setting
from common.ui_strings import load_ui_strings

from .entries import make_entry
from .files import NO_LANG, NO_TEXT, NO_TITLE, UNTAGGED, DocumentFile, inspect, kind_of, names_person
from .links import annotate_links, entry_markup, source_line
from .topics import group_by_topic

# Where one build keeps what it has read (Pelican's context lives as long as the build, nothing longer).
STATE_KEY = "documents_state"

DEFAULTS = {
    "DOCUMENTS_FOLDER": "dokumente",
    "DOCUMENTS_REQUEST_SUBJECT": "Barrierefreie Fassung anfordern: {title} ({filename})",
    "DOCUMENTS_SESSIONS_FOLDER": "dokumente/sitzungen",
    "DOCUMENTS_SESSIONS_TOPIC": "Beirat",
}

REASONS = {
    UNTAGGED: "keine Tag-Struktur (/MarkInfo /Marked und /StructTreeRoot fehlen)",
    NO_LANG: "keine Dokumentsprache (/Lang)",
    NO_TITLE: "kein Titel, der als Fenstertitel angezeigt wird (/Title mit /DisplayDocTitle)",
    NO_TEXT: "kein auslesbarer Text (eingescannte Seiten?)",
}
FIX_NOT_ACCESSIBLE = (
    "Erzeugen Sie das PDF neu aus der Textvorlage als getaggtes PDF mit Titel und Sprache "
    "(z. B. LibreOffice: Exportieren als PDF, „Universelle Barrierefreiheit (PDF/UA)“); bis dahin zeigt "
    "die Seite „Dieses Dokument ist nicht barrierefrei“ und einen Link zum Anfordern einer barrierefreien Fassung"
)


@dataclass
class BuildState:
    """What one build has read: UI strings, each document once, and which pages link which document."""

    settings: dict
    strings: dict
    files: dict = field(default_factory=dict)  # path below content/ → DocumentFile
    links: dict = field(default_factory=dict)  # path below content/ → [(item, link text)]

    @property
    def root(self) -> Path:
        return Path(self.settings["PATH"])

    def setting(self, name: str):
        return setting(self.settings, name, DEFAULTS)

    def file(self, path: str) -> DocumentFile | None:
        """The document at `path` below content/, read once per build; None if there is no such file."""
        if path not in self.files:
            self.files[path] = inspect(self.root, path) if (self.root / path).is_file() else None
        return self.files[path]

    def texts(self, lang: str) -> dict:
        """The UI strings of `lang`, German ones where a key is missing."""
        default = self.strings.get(self.settings["DEFAULT_LANG"], {})
        return {**default, **self.strings.get(lang, {})}

    def locale(self, lang: str) -> str:
        languages = self.settings.get("SITE_LANGUAGES") or {}
        info = languages.get(lang) or languages.get(self.settings["DEFAULT_LANG"]) or {}
        return info.get("locale", self.settings["DEFAULT_LANG"])

    def entry(self, file: DocumentFile, lang: str, title: str = "", fallback_lang: str | None = None):
        """The entry of `file` on a page in `lang` (`fallback_lang`: the document's if it names none)."""
        return make_entry(
            file,
            title=title,
            url=file.path,
            page_lang=lang,
            locale=self.locale(lang),
            texts=self.texts(lang),
            feedback_email=self.settings.get("FEEDBACK_EMAIL", ""),
            subject_pattern=self.setting("DOCUMENTS_REQUEST_SUBJECT"),
            fallback_lang=fallback_lang,
        )

    def organisations(self) -> tuple[str, ...]:
        return tuple(self.settings.get(name, "") for name in ("SITENAME", "AUTHOR", "SITE_OWNER"))


def state_of(context: dict, settings: dict) -> BuildState:
    """This build's state, made on first use."""
    if STATE_KEY not in context:
        table = Path(settings.get("LOCALISATION_UI_STRINGS_FILE", ""))
        strings = load_ui_strings(table) if table.is_file() else {}
        context[STATE_KEY] = BuildState(settings, strings)
    return context[STATE_KEY]


def hints_for(file: DocumentFile, organisations: tuple[str, ...]) -> list[tuple[str, str]]:
    """What an author should know about a linked document: (what, fix) in German."""
    hints = []
    if file.unreadable:
        hints.append(
            (
                f"Das Dokument „{file.path}“ lässt sich nicht lesen ({file.unreadable})",
                "Öffnen Sie es, speichern Sie es neu und laden Sie es wieder hoch",
            )
        )
    if file.problems:
        reasons = "; ".join(REASONS[reason] for reason in file.problems)
        hints.append((f"Das PDF „{file.path}“ ist nicht barrierefrei: {reasons}", FIX_NOT_ACCESSIBLE))
    if names_person(file.author, organisations):
        hints.append(
            (
                f"Das Dokument „{file.path}“ nennt in seinen Eigenschaften als Autor „{file.author}“",
                "Namen von Beschäftigten gehören nicht versehentlich ins Netz: tragen Sie in den "
                f"Dokumenteigenschaften die Stelle ein (z. B. „{organisations[0]}“) und laden Sie die Datei neu hoch",
            )
        )
    return hints


def annotate(instance) -> None:
    """Each document link of an article or page gets its entry; its problems become the page's hints."""
    if not isinstance(instance, Article | Page) or not getattr(instance, "_content", None):
        return
    context = getattr(instance, "_context", None)
    if context is None:
        return
    state = state_of(context, instance.settings)
    lang = getattr(instance, "lang", None) or instance.settings["DEFAULT_LANG"]
    source_dir = Path(instance.relative_source_path).parent.as_posix()
    source_dir = "" if source_dir == "." else source_dir
    found: dict[str, DocumentFile] = {}

    def describe(path: str, text: str, link: str) -> str | None:
        file = state.file(path)
        if file is None:
            return None  # content_checks names the missing file
        found.setdefault(path, file)
        if getattr(instance, "status", "published") == "published":
            # Drafts and hidden pages give the documents page neither a title nor a topic.
            state.links.setdefault(path, []).append((instance, text))
        # A document that names no language of its own is one of the office's German ones, as on the
        # documents page: a scan linked from an Arabic page is not Arabic because of that.
        entry = state.entry(file, lang, title=text, fallback_lang=instance.settings["DEFAULT_LANG"])
        if entry.lang != lang and "hreflang=" not in link:
            link = link.replace("<a ", f'<a hreflang="{entry.lang}" ', 1)
        if "class=" not in link.split(">", 1)[0]:
            link = link.replace("<a ", '<a class="document-entry__link" ', 1)
        return entry_markup(link, entry, state.texts(lang))

    instance._content = annotate_links(instance._content, source_dir, describe)
    if not found:
        return
    try:
        source = Path(instance.source_path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeError):
        source = ""
    hints = list(getattr(instance, "content_hints", None) or [])
    for path, file in found.items():
        line = source_line(source, path)
        hints += [(line, what, fix) for what, fix in hints_for(file, state.organisations())]
    instance.content_hints = hints


def all_documents(state: BuildState) -> list[DocumentFile]:
    """Every document in the documents folder and every other document a page links, by path."""
    folder = state.root / state.setting("DOCUMENTS_FOLDER")
    paths = set(state.links)
    if folder.is_dir():
        paths |= {p.relative_to(state.root).as_posix() for p in folder.rglob("*") if p.is_file() and kind_of(p.name)}
    return [file for path in sorted(paths) if (file := state.file(path)) is not None]


def add_template_helpers(generator) -> None:
    """Register the globals `documents_in(folder)` and `document_topics()` for the page's language."""
    state = state_of(generator.context, generator.settings)

    def page_language(context) -> str:
        return (
            context.call(context.resolve("current_lang"))
            if "current_lang" in context
            else state.settings["DEFAULT_LANG"]
        )

    @pass_context
    def documents_in(context, folder: str) -> list:
        """The entries of the documents in content/<DOCUMENTS_FOLDER>/<folder>/, sorted by file name."""
        lang = page_language(context)
        documents = (state.root / state.setting("DOCUMENTS_FOLDER")).resolve()
        base = (documents / str(folder).strip("/")).resolve()
        if not base.is_dir() or not base.is_relative_to(documents):
            return []  # a folder outside content/dokumente/ ("../..") lists nothing
        paths = sorted(p for p in base.iterdir() if p.is_file() and kind_of(p.name))
        # Documents without a language of their own are the office's German ones.
        default = state.settings["DEFAULT_LANG"]
        root = state.root.resolve()
        return [state.entry(state.file(p.relative_to(root).as_posix()), lang, fallback_lang=default) for p in paths]

    @pass_context
    def document_topics(context) -> list:
        """Every document grouped by topic and type for the documents page in the page's language."""
        lang = page_language(context)
        return group_by_topic(
            all_documents(state),
            state.links,
            lang=lang,
            default_lang=state.settings["DEFAULT_LANG"],
            texts=state.texts(lang),
            make=lambda file, title, title_lang: state.entry(file, lang, title=title, fallback_lang=title_lang),
            sessions_folder=state.setting("DOCUMENTS_SESSIONS_FOLDER"),
            sessions_topic=state.setting("DOCUMENTS_SESSIONS_TOPIC"),
        )

    generator.env.globals.update(documents_in=documents_in, document_topics=document_topics)


# The context list content_checks reads hints about files from (its CONTEXT_KEY_FILE_HINTS).
FILE_HINTS = "content_checks_file_hints"


def report_unlinked(generator) -> None:
    """PDFs in the documents folder no page links (session documents, forgotten files): their problems
    become hints with the file itself as the place. Once the pages are read (`page_generator_finalized`),
    so every link is known and the content checks, at `all_generators_finalized`, list them."""
    state = state_of(generator.context, generator.settings)
    hints = generator.context.setdefault(FILE_HINTS, [])
    for file in all_documents(state):
        if file.path in state.links:
            continue
        hints += [(file.path, what, fix) for what, fix in hints_for(file, state.organisations())]


def register():
    """Connect the signals."""
    signals.generator_init.connect(add_template_helpers)
    signals.content_object_init.connect(annotate)
    signals.page_generator_finalized.connect(report_unlinked)
