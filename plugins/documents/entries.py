"""Pure functions: a document as readers see it in one language (type, size, pages, language, date) and the
mail that asks for an accessible version."""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote

from babel import Locale
from babel.numbers import format_decimal
from babel.units import format_unit

from common.dates import long_date
from common.languages import localise_digits

from .files import DocumentFile


@dataclass(frozen=True)
class DocumentEntry:
    """One document as shown on one page: the contract `documents_in()` and `document_entry()` keep."""

    url: str  # relative to the site root ("dokumente/x.pdf")
    title: str
    kind: str  # "PDF", "ODT" …
    kind_text: str  # the type as readers of the page's language name it ("Textdokument (ODT)")
    size: int
    size_text: str  # in the page's locale: "1,2 MB", "١٫٢ م.ب"
    pages: int | None
    lang: str  # the document's language (its own, else the linking page's)
    date: datetime | None
    accessible: bool | None  # None: not a PDF (not checked)
    filename: str
    path: str  # below content/
    meta_text: str  # "PDF, 1,2 MB, 14 Seiten, Deutsch, Stand: 15. Juni 2023" (the type as its short code)
    request_url: str  # mailto: for an accessible version ("" when accessible or not a PDF)


def _numbers(text: str, locale: str) -> str:
    return localise_digits(text, Locale.parse(locale).default_numbering_system)


def format_size(size: int, locale: str) -> str:
    """A file size as readers of `locale` write it: 900 Byte, 25 kB, 1,2 MB (decimal units, as file managers)."""
    if size < 1000:
        text = format_unit(size, "digital-byte", length="short", locale=locale, numbering_system="default")
    elif size < 1_000_000:
        value = max(1, round(size / 1000))
        text = format_unit(value, "digital-kilobyte", length="short", locale=locale, numbering_system="default")
    else:
        value = round(size / 1_000_000, 1)
        text = format_unit(
            value, "digital-megabyte", length="short", locale=locale, format="#,##0.0", numbering_system="default"
        )
    return _numbers(text, locale)


def pages_text(count: int, locale: str, texts: dict) -> str:
    """ "1 Seite", "14 Seiten": the plural form CLDR's rule for `locale` picks, from `texts` (the page language's
    UI strings: document_pages_one, _other and where the language has them _zero, _two, _few, _many)."""
    category = Locale.parse(locale).plural_form(count)
    pattern = texts.get(f"document_pages_{category}") or texts["document_pages_other"]
    number = _numbers(format_decimal(count, locale=locale, numbering_system="default"), locale)
    return pattern.format(count=number)


def language_name(code: str, locale: str) -> str:
    """The name of a document's language in the page's language ("Deutsch", "الألمانية"), "" if unknown."""
    if not code:
        return ""
    primary = code.replace("_", "-").split("-")[0].lower()
    return Locale.parse(locale).languages.get(primary, "")


def request_mailto(address: str, subject_pattern: str, title: str, filename: str) -> str:
    """The mailto: link asking for an accessible version, its subject naming the document (percent-encoded)."""
    subject = subject_pattern.format(title=title, filename=filename)
    return f"mailto:{address}?subject={quote(subject, safe='')}"


def make_entry(
    file: DocumentFile,
    *,
    title: str,
    url: str,
    page_lang: str,
    locale: str,
    texts: dict,
    feedback_email: str,
    subject_pattern: str,
    fallback_lang: str | None = None,
) -> DocumentEntry:
    """The entry of `file` on a page in `page_lang` (CLDR `locale`, UI strings `texts` of that language);
    a document that names no language of its own is taken to be in `fallback_lang` (default: the page's)."""
    lang = file.lang.split("-")[0].lower() if file.lang else (fallback_lang or page_lang)
    kind_text = texts.get(f"document_kind_{file.kind.lower()}", file.kind)
    parts = [file.kind, format_size(file.size, locale)]
    if file.pages:
        parts.append(pages_text(file.pages, locale, texts))
    if name := language_name(lang, locale):
        parts.append(name)
    if file.date is not None:
        parts.append(texts["document_date"].format(date=long_date(file.date, locale)))
    title = title or file.title or file.filename
    request = ""
    if file.accessible is False and feedback_email:
        request = request_mailto(feedback_email, subject_pattern, title, file.filename)
    return DocumentEntry(
        url=url,
        title=title,
        kind=file.kind,
        kind_text=kind_text,
        size=file.size,
        size_text=format_size(file.size, locale),
        pages=file.pages,
        lang=lang,
        date=file.date,
        accessible=file.accessible,
        filename=file.filename,
        path=file.path,
        meta_text=texts["document_separator"].join(parts),
        request_url=request,
    )
