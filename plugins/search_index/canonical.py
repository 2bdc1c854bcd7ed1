"""Pagefind's index made byte-for-byte reproducible.

Pagefind 1.5.2 writes its fragments and word chunks reproducibly, but it lists the values of
a filter ("Rubrik": Meldungen, Pressemitteilungen, Seiten) and the languages of
pagefind-entry.json in hash-map order, which changes from run to run; the filter file's name
carries a hash of its content, the language's meta file names that file, and the entry file
names the meta file. So two builds of the same content differed in six files, and a preview
could never tell "nothing changed" from "changed".

This module rewrites those files in one fixed order: filter values sorted by name, filters
sorted by name in each meta file, languages sorted in the entry file; new names from a hash
of the new content. Pagefind's browser code reads the same data (CBOR maps' order carries
no meaning to it). Anything not shaped as described raises `PagefindFormatChanged`, so a
Pagefind upgrade that changes the format fails loudly instead of writing a broken index.
"""

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

# Every .pf_meta and .pf_filter file is gzip of this signature followed by one CBOR value.
SIGNATURE = b"pagefind_dcd"


class PagefindFormatChanged(Exception):
    """Pagefind's files are not shaped as this module expects (a new Pagefind version?)."""


def canonicalise(bundle: Path) -> None:
    """Rewrite the filter, meta and entry files of the Pagefind bundle in `bundle` in a fixed order."""
    entry_file = bundle / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    languages = entry.get("languages")
    if not isinstance(languages, dict):
        raise PagefindFormatChanged(f"{entry_file}: kein Objekt „languages“")
    for language in languages.values():
        language["hash"] = _canonical_meta(bundle, language["hash"])
    entry["languages"] = dict(sorted(languages.items()))
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _canonical_meta(bundle: Path, meta_hash: str) -> str:
    """Rewrite one language's meta file (and its filter files); return its new hash."""
    meta_file = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = _read(meta_file)
    if not (isinstance(meta, list) and len(meta) > 3 and isinstance(meta[3], list)):
        raise PagefindFormatChanged(f"{meta_file}: unerwarteter Aufbau")
    filters = []
    for pair in meta[3]:
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(part, str) for part in pair)):
            raise PagefindFormatChanged(f"{meta_file}: unerwarteter Filtereintrag {pair!r}")
        name, filter_hash = pair
        filters.append([name, _canonical_filter(bundle, filter_hash)])
    meta[3] = sorted(filters)
    new_hash = _rewrite(meta_file, meta, lambda digest: f"pagefind.{_language(meta_hash)}_{digest[:10]}.pf_meta")
    return new_hash.removeprefix("pagefind.").removesuffix(".pf_meta")


def _canonical_filter(bundle: Path, filter_hash: str) -> str:
    """Rewrite one filter file with its values sorted by name; return its new hash."""
    filter_file = bundle / "filter" / f"{filter_hash}.pf_filter"
    data = _read(filter_file)
    if not (isinstance(data, list) and len(data) == 2 and isinstance(data[1], list)):
        raise PagefindFormatChanged(f"{filter_file}: unerwarteter Aufbau")
    data[1] = sorted(data[1], key=lambda value: str(value[0]))
    new_name = _rewrite(filter_file, data, lambda digest: f"{_language(filter_hash)}_{digest[:7]}.pf_filter")
    return new_name.removesuffix(".pf_filter")


def _language(file_hash: str) -> str:
    """The language part of a Pagefind hash ("de" of "de_9134483")."""
    return file_hash.rsplit("_", 1)[0]


def _read(path: Path):
    """The CBOR value in one Pagefind file."""
    try:
        raw = gzip.decompress(path.read_bytes())
    except (OSError, EOFError) as error:
        raise PagefindFormatChanged(f"{path}: {error}") from error
    if not raw.startswith(SIGNATURE):
        raise PagefindFormatChanged(f"{path}: ohne die Kennung {SIGNATURE.decode()}")
    return cbor2.loads(raw[len(SIGNATURE) :])


def _rewrite(path: Path, value, name_for) -> str:
    """Write `value` under the name `name_for(sha256 hex of the content)` beside `path`, remove `path`."""
    raw = SIGNATURE + cbor2.dumps(value)
    name = name_for(hashlib.sha256(raw).hexdigest())
    path.unlink()
    path.with_name(name).write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    return name
