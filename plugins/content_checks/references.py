"""Checks across files: links, images and `Related:` lead somewhere; translations have an original; no URL twice."""

import difflib
import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlsplit

from common.references import split_references

from .body import Link
from .problems import Problem
from .rules import Rules
from .source import Source

# Pelican's link markers that name a file below content/; `Related:` takes only the first kind.
FILENAME_MARKERS = ("{filename}", "|filename|")
FILE_MARKERS = (*FILENAME_MARKERS, "{static}", "|static|", "{attach}", "|attach|")
OTHER_MARKERS = re.compile(r"^[{|](index|tag|category|author|author_index|tag_index|category_index)[}|]")
MARKDOWN_SOURCE = re.compile(r"\.(md|markdown|mkd|mdown)$", re.IGNORECASE)
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


@dataclass(frozen=True)
class Item:
    """What the checks need to know of one article or page Pelican has read."""

    source: str  # path below content/, with "/"
    kind: str  # "article" or "page"
    slug: str
    lang: str
    url: str
    save_as: str
    published: bool  # reaches the published site: status published and no embargo
    # Outputs of the item's category and tags, by the field that names them ("category", "tags").
    overviews: tuple[tuple[str, str], ...] = ()


@dataclass
class SiteIndex:
    """Every file below content/, every item Pelican read, and every address the site will have."""

    files: set[str] = field(default_factory=set)
    items: dict[str, Item] = field(default_factory=dict)  # by source
    site_paths: set[str] = field(default_factory=set)
    # Addresses Pelican itself writes (overviews), with a German name for messages.
    reserved_outputs: dict[str, str] = field(default_factory=dict)

    def items_with_slug(self, slug: str) -> list[Item]:
        return [item for item in self.items.values() if item.slug == slug]


def resolve_file(reference: str, source: str) -> str:
    """A path below content/ for `reference`, relative to the source file's folder or, with "/", to content/."""
    path = unquote(urlsplit(reference).path)
    folder = posixpath.dirname(source)
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(folder, path)
    return posixpath.normpath(joined) if joined else ""


def _close_file(path: str, files: set[str]) -> str:
    close = difflib.get_close_matches(path, sorted(files), n=1, cutoff=0.7)
    return f"Meinten Sie „{close[0]}“? " if close else ""


def _unpublished(target: Item, own: Item | None) -> bool:
    return own is not None and own.published and not target.published


def _check_file_link(source: Source, link: Link, marker: str, own: Item | None, index: SiteIndex, where: str) -> None:
    reference = link.target[len(marker) :]
    path = resolve_file(reference, where)
    kind = "Das Bild" if link.is_image else "Der Link"
    if path.startswith("..") or not path:
        source.report(
            link.line,
            f"{kind} „{link.target}“ zeigt aus dem Ordner content/ hinaus",
            "Legen Sie die Datei in content/ ab (Bilder in content/images/, Dokumente in content/dokumente/)",
        )
    elif path not in index.files:
        source.report(
            link.line,
            f"{kind} „{link.target}“ führt ins Leere: die Datei content/{path} gibt es nicht",
            _close_file(path, index.files)
            + "Prüfen Sie Schreibweise und Pfad: relativ zu dieser Datei oder mit / ab dem Ordner content/",
        )
    elif path in index.items and _unpublished(index.items[path], own):
        source.report(
            link.line,
            f"Der Link „{link.target}“ zeigt auf einen Entwurf, eine verborgene Seite oder eine Sperrfrist; "
            "auf der veröffentlichten Website führt er ins Leere",
            "Veröffentlichen Sie das Ziel zuerst, oder entfernen Sie den Link bis dahin",
        )


def _check_site_link(source: Source, link: Link, own: Item | None, index: SiteIndex, where: str) -> None:
    target_path = urlsplit(link.target).path
    if not target_path:
        return  # "#abschnitt" or "?suche" on the same page
    as_file = resolve_file(link.target, where)
    if MARKDOWN_SOURCE.search(target_path):
        exists = as_file in index.files
        source.report(
            link.line,
            f"Der Link „{link.target}“ zeigt auf eine Markdown-Datei; so wird er auf der Website nicht umgewandelt",
            f"Schreiben Sie „{{filename}}{target_path}“"
            if exists
            else "Schreiben Sie {filename} und den Pfad der Datei",
        )
        return
    if own is None or not own.url and not target_path.startswith("/"):
        return  # without an address of our own, a relative link cannot be resolved
    site_path = urlsplit(urljoin(f"https://site.invalid/{own.url}", target_path)).path.lstrip("/")
    site_path = unquote(site_path)
    if site_path in index.site_paths or f"{site_path}/" in index.site_paths:
        return
    if as_file in index.files:
        marker = "{static}" if as_file not in index.items else "{filename}"
        fix = f"Schreiben Sie „{marker}{link.target}“, dann findet die Website die Datei"
    else:
        fix = "Prüfen Sie die Adresse; Links auf eigene Seiten schreiben Sie am sichersten mit {filename} und dem Dateipfad"
    kind = "Das Bild" if link.is_image else "Der Link"
    source.report(link.line, f"{kind} „{link.target}“ führt ins Leere: die Adresse /{site_path} gibt es nicht", fix)


def check_links(source: Source, links: list[Link], own: Item | None, index: SiteIndex, where: str) -> None:
    """Every internal link and image in the body must lead to something the site has."""
    for link in links:
        target = link.target.strip()
        marker = next((marker for marker in FILE_MARKERS if target.startswith(marker)), None)
        if marker:
            _check_file_link(source, link, marker, own, index, where)
        elif OTHER_MARKERS.match(target) or SCHEME.match(target) or target.startswith("//"):
            continue  # Pelican's overviews, other websites, mailto: and tel:
        else:
            _check_site_link(source, link, own, index, where)


def check_related(source: Source, own: Item | None, index: SiteIndex, where: str) -> None:
    """Each `Related:` value names an existing article or page, by slug or `{filename}` path."""
    field = source.first("related")
    if field is None:
        return
    for reference in split_references(field.value.replace("\n", ",")):
        marker = next((marker for marker in FILENAME_MARKERS if reference.startswith(marker)), None)
        if marker:
            path = resolve_file(reference[len(marker) :], where)
            targets = [index.items[path]] if path in index.items else []
        else:
            targets = index.items_with_slug(reference)
        if not targets:
            slugs = sorted({item.slug for item in index.items.values()})
            close = difflib.get_close_matches(reference, slugs, n=1, cutoff=0.75)
            source.report(
                field.line,
                f"Bei „Related“ steht „{reference}“, aber einen Beitrag oder eine Seite dazu gibt es nicht",
                (f"Meinten Sie „{close[0]}“? " if close else "")
                + "Tragen Sie den Slug (zum Beispiel sprachtandem) oder {filename} und den Dateipfad ein",
            )
        elif all(_unpublished(target, own) for target in targets):
            source.report(
                field.line,
                f"„{reference}“ bei „Related“ ist ein Entwurf, verborgen oder hat eine Sperrfrist; "
                "der Verweis erscheint erst, wenn es veröffentlicht ist",
                "Lassen Sie ihn stehen, wenn das so gewollt ist, oder entfernen Sie ihn",
            )


def check_translation(source: Source, own: Item | None, index: SiteIndex, rules: Rules) -> None:
    """An item in another language needs an original in the site's language with the same slug."""
    field = source.first("lang")
    if own is None or field is None or own.lang == rules.default_language or own.lang not in rules.languages:
        return
    originals = [
        item
        for item in index.items_with_slug(own.slug)
        if item.kind == own.kind and item.lang == rules.default_language
    ]
    if not originals:
        source.report(
            field.line,
            f"Diese Übersetzung ({own.lang}) hat kein Original in der Sprache „{rules.default_language}“ "
            f"mit dem Slug „{own.slug}“",
            "Geben Sie der Übersetzung dieselbe Zeile „Slug: …“ wie dem Original",
        )


@dataclass(frozen=True)
class Clash:
    """Items whose address (save_as) an earlier item or an overview page already has."""

    save_as: str
    owner: str  # "content/artikel/….md" or the German name of an overview
    skipped: tuple[Item, ...]


def address_clashes(items, reserved_outputs: dict[str, str]) -> list[Clash]:
    """Every address taken twice, with the items that must give it up.

    An overview page keeps its address; otherwise articles come before pages (the
    articles' dates, categories and tags are settled first), then the first file by name.
    """
    by_output = defaultdict(list)
    for item in sorted(items, key=lambda item: (item.kind != "article", item.source)):
        if item.save_as:
            # "Slug: ." gives "./index.html": the same file as the home page
            by_output[posixpath.normpath(item.save_as)].append(item)
    clashes = []
    for save_as, same in sorted(by_output.items()):
        overview = reserved_outputs.get(save_as)
        if len(same) < 2 and not overview:
            continue
        owner = overview or f"content/{same[0].source}"
        clashes.append(Clash(save_as, owner, tuple(same if overview else same[1:])))
    return clashes


MAX_NAME_BYTES = 255  # the longest file or folder name Linux, macOS and Windows file systems store


def overlong(save_as: str) -> bool:
    """Whether a folder or file name in this output path is too long to be written."""
    return any(len(part.encode("utf-8")) > MAX_NAME_BYTES for part in save_as.split("/"))


def overlong_addresses(index: SiteIndex, sources: dict[str, Source], display: dict[str, str]):
    """Items whose address has a part too long for a file name: (problems, sources to skip).

    Pelican would stop with a traceback when writing it (a Title of 300 letters and no Slug).
    """
    problems, skipped = [], set()
    for item in sorted(index.items.values(), key=lambda item: item.source):
        source = sources.get(item.source)
        fields = [name for name, save_as in item.overviews if overlong(save_as)]
        if overlong(item.save_as):
            fields.append("title")
        for name in dict.fromkeys(fields):
            skipped.add(item.source)
            keys = ("slug", "title") if name == "title" else (name,)
            line = next((f.line for f in map(source.first, keys) if f), 1) if source else 1
            label, fix = OVERLONG_FIXES[name]
            problems.append(
                Problem(
                    display.get(item.source, item.source),
                    line,
                    f"{label} ergibt eine Webadresse mit einem Teil über {MAX_NAME_BYTES} Zeichen, die sich nicht "
                    "speichern lässt; die Datei wird übersprungen",
                    fix,
                )
            )
    return problems, skipped


OVERLONG_FIXES = {
    "title": ("Der Titel", "Geben Sie ihr eine kurze Zeile „Slug: …“ (das Ende der Webadresse, etwa drei Wörter)"),
    "category": ("Die Rubrik (Category)", "Nennen Sie eine der Rubriken der Website, etwa „Category: Meldungen“"),
    "tags": ("Ein Thema (Tags)", "Trennen Sie die Themen mit Kommas, etwa „Tags: Integration, Beirat“"),
}


def check_title_address(source: Source, slugify) -> None:
    """A Title without letters or digits and no Slug give no web address: Pelican skips the file."""
    title = source.first("title")
    if title is None or not title.value.strip() or source.first("slug") is not None or slugify(title.value):
        return
    source.report(
        title.line,
        f"Aus dem Titel „{title.value.strip()}“ lässt sich keine Webadresse bilden; die Datei wird übersprungen",
        "Ergänzen Sie eine Zeile „Slug: …“ aus Buchstaben, Ziffern und Bindestrichen, etwa „Slug: beratung“",
    )


def duplicate_addresses(index: SiteIndex, sources: dict[str, Source], display: dict[str, str]):
    """Items written to the same address as another item or an overview: (problems, sources to skip).

    Pelican would stop with a traceback when writing the second one; instead the
    first file keeps the address (see `address_clashes`), the others are skipped with a message.
    """
    problems, skipped = [], set()
    for clash in address_clashes(index.items.values(), index.reserved_outputs):
        address = "/" + clash.save_as.removesuffix("index.html")
        for item in clash.skipped:
            skipped.add(item.source)
            source = sources.get(item.source)
            line = next((f.line for f in (source.first("slug"), source.first("title")) if f), 1) if source else 1
            problems.append(
                Problem(
                    display.get(item.source, item.source),
                    line,
                    f"Die Adresse {address} hat schon {clash.owner}; diese Datei wird übersprungen",
                    "Geben Sie ihr eine andere Zeile „Slug: …“ (ein anderes Ende der Webadresse)",
                )
            )
    return problems, skipped
