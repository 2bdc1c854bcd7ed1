"""Pure functions: what a document file says about itself (type, size, pages, language, date, title, author)
and, for a PDF, why it is not accessible."""

import logging
import re
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree

from pypdf import PdfReader

# File endings that are documents (lower case), with the type name readers know.
KINDS = {"pdf": "PDF", "docx": "DOCX", "odt": "ODT", "xlsx": "XLSX", "ods": "ODS"}

# Reasons a PDF is not accessible, in the order they are reported.
UNTAGGED, NO_LANG, NO_TITLE, NO_TEXT = "untagged", "no_lang", "no_title", "no_text"
# Pages read for text: a scan has none on any page, a text PDF has some on its first pages.
TEXT_PAGES = 3


@dataclass(frozen=True)
class DocumentFile:
    """One document in content/, independent of the page and language it is shown on."""

    path: str  # below content/, with "/"
    kind: str  # "PDF", "ODT" …
    size: int  # bytes
    pages: int | None = None
    lang: str = ""  # the document's own language (PDF /Lang, ODF/OOXML dc:language), "" if unknown
    date: datetime | None = None  # creation date from the file's metadata, None if it has none
    title: str = ""
    author: str = ""
    problems: tuple[str, ...] = ()  # accessibility reasons (PDF only)
    unreadable: str = ""  # why the file could not be read, "" if it could

    @property
    def filename(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def accessible(self) -> bool | None:
        """True or False for a readable PDF, None for other types (not checked)."""
        if self.kind != "PDF" or self.unreadable:
            return None
        return not self.problems


def kind_of(path: str) -> str | None:
    """The document type of a file name ("PDF"), or None for files that are not documents."""
    return KINDS.get(Path(path).suffix.lower().lstrip("."))


def inspect(root: Path, relative: str) -> DocumentFile:
    """Read one document below `root`: PDFs with pypdf, ODF and OOXML files from their metadata XML."""
    file = root / relative
    kind = kind_of(relative) or "?"
    size = file.stat().st_size
    try:
        if kind == "PDF":
            with _quiet_pypdf():
                return _inspect_pdf(file, relative, size)
        return _inspect_zip(file, relative, kind, size)
    except Exception:  # a damaged upload (any parser error) is a hint, never a stopped build
        # The parsers' own messages are English and technical; authors get what they can act on.
        return DocumentFile(relative, kind, size, unreadable=f"beschädigt oder keine gültige {kind}-Datei")


@contextmanager
def _quiet_pypdf():
    """pypdf logs English warnings about damaged files; the German hint says it, and must not fail a strict build."""
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        log.setLevel(level)


def _text(value) -> str:
    return str(value).strip() if value is not None else ""


def _inspect_pdf(file: Path, relative: str, size: int) -> DocumentFile:
    reader = PdfReader(file)
    root = reader.trailer["/Root"]
    info = reader.metadata or {}
    title = _text(info.get("/Title"))
    author = _text(info.get("/Author"))
    lang = _text(root.get("/Lang"))
    date = _pdf_date(info)
    problems = []
    mark_info = root.get("/MarkInfo")
    marked = mark_info is not None and bool(mark_info.get_object().get("/Marked", False))
    if not (marked and "/StructTreeRoot" in root):
        problems.append(UNTAGGED)
    if not lang:
        problems.append(NO_LANG)
    preferences = root.get("/ViewerPreferences")
    shows_title = preferences is not None and bool(preferences.get_object().get("/DisplayDocTitle", False))
    if not (title and shows_title):
        problems.append(NO_TITLE)
    pages = len(reader.pages)
    if not any(_shows_text(reader.pages[number]) for number in range(min(pages, TEXT_PAGES))):
        problems.append(NO_TEXT)
    return DocumentFile(relative, "PDF", size, pages, lang, date, title, author, tuple(problems))


# Text-showing operators of a content stream (Tj, TJ, ' and "), each after an operand.
TEXT_OPERATORS = re.compile(rb"(?:^|[\s\])>])(?:Tj|TJ|'|\")(?=\s|$)")


def _shows_text(page) -> bool:
    """Whether a page draws text with a font (a scan draws only an image).

    Looking for fonts and text operators instead of pypdf's extract_text, which decodes every glyph, reads
    the demo documents three times faster (190 instead of 560 ms); scans and text PDFs come out the same.
    """
    resources = page.get("/Resources")
    fonts = resources.get_object().get("/Font") if resources is not None else None
    if fonts is None or not fonts.get_object():
        return False
    contents = page.get_contents()
    return contents is not None and TEXT_OPERATORS.search(contents.get_data()) is not None


def _pdf_date(info) -> datetime | None:
    for read in (lambda: info.creation_date, lambda: info.modification_date):
        try:
            value = read()
        except (ValueError, AttributeError):
            value = None
        if value is not None:
            return value
    return None


# Metadata of ODF (meta.xml) and OOXML (docProps/core.xml, docProps/app.xml) files.
NAMESPACES = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "dcterms": "http://purl.org/dc/terms/",
    "app": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
}


def _inspect_zip(file: Path, relative: str, kind: str, size: int) -> DocumentFile:
    with zipfile.ZipFile(file) as archive:
        names = set(archive.namelist())
        if "meta.xml" in names:
            meta = ElementTree.fromstring(archive.read("meta.xml"))
            title = _text(meta.findtext(".//dc:title", namespaces=NAMESPACES))
            lang = _text(meta.findtext(".//dc:language", namespaces=NAMESPACES))
            author = _text(meta.findtext(".//meta:initial-creator", namespaces=NAMESPACES))
            created = _text(meta.findtext(".//meta:creation-date", namespaces=NAMESPACES))
            stats = meta.find(".//meta:document-statistic", NAMESPACES)
            pages = stats.get(f"{{{NAMESPACES['meta']}}}page-count") if stats is not None else None
        elif "docProps/core.xml" in names:
            core = ElementTree.fromstring(archive.read("docProps/core.xml"))
            title = _text(core.findtext(".//dc:title", namespaces=NAMESPACES))
            lang = _text(core.findtext(".//dc:language", namespaces=NAMESPACES))
            author = _text(core.findtext(".//dc:creator", namespaces=NAMESPACES))
            created = _text(core.findtext(".//dcterms:created", namespaces=NAMESPACES))
            app = ElementTree.fromstring(archive.read("docProps/app.xml")) if "docProps/app.xml" in names else None
            pages = app.findtext(".//app:Pages", namespaces=NAMESPACES) if app is not None else None
        else:
            title = lang = author = created = ""
            pages = None
    return DocumentFile(
        relative,
        kind,
        size,
        int(pages) if pages and pages.isdigit() and kind in ("ODT", "DOCX") else None,
        lang,
        _iso_datetime(created),
        title,
        author,
    )


def _iso_datetime(value: str) -> datetime | None:
    """An ISO date-time from document metadata ("2024-05-02T10:00:00Z"), or None."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(re.sub(r"\.\d+", "", value))
    except ValueError:
        return None


def names_person(author: str, organisations: tuple[str, ...]) -> bool:
    """Whether /Author names someone other than the office: any non-empty value that is not one of
    `organisations` (SITENAME, AUTHOR, SITE_OWNER) counts, since staff names must not go out by accident."""
    value = " ".join(author.split()).casefold()
    return bool(value) and value not in {" ".join(name.split()).casefold() for name in organisations if name}
