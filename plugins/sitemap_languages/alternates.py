"""The language versions of each address in a sitemap, and the sitemap rewritten with them.

Search engines want every version to list every version, itself included, plus `x-default`
(Google: "each language version must list itself as well as all other language versions").
"""

import xml.etree.ElementTree as ET

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"


def language_of(path: str, languages: list[str], default_lang: str) -> str:
    """The language of a site path: its first folder when that is a language code, else the default."""
    first = path.split("/", 1)[0]
    return first if first in languages and first != default_lang else default_lang


def version_groups(paths: set[str], linked: list[set[str]], languages: list[str], default_lang: str) -> list[dict]:
    """Groups {lang: path} of addresses that are one content in several languages.

    `linked` holds sets of paths Pelican knows as translations of each other; besides, a default-language
    path P and "<lang>/P" (a start page, a search page) belong together. Only paths in `paths` count.
    """
    parent = {path: path for path in paths}

    def find(path):
        while parent[path] != path:
            parent[path] = parent[parent[path]]
            path = parent[path]
        return path

    def join(first, second):
        parent[find(first)] = find(second)

    for group in linked:
        present = sorted(path for path in group if path in paths)
        for other in present[1:]:
            join(present[0], other)
    for path in paths:
        if language_of(path, languages, default_lang) != default_lang:
            continue
        for lang in languages:
            prefixed = f"{lang}/{path}"
            if lang != default_lang and prefixed in paths:
                join(path, prefixed)
    members = {}
    for path in sorted(paths):
        members.setdefault(find(path), []).append(path)
    groups = []
    for group in members.values():
        by_lang = {}
        for path in group:
            by_lang.setdefault(language_of(path, languages, default_lang), path)
        if len(by_lang) > 1:
            groups.append(by_lang)
    return groups


def _relative(url: str, site_url: str) -> str:
    return url[len(site_url) :].lstrip("/") if url.startswith(site_url) else url


def add_alternates(xml: bytes, site_url: str, languages: list[str], default_lang: str) -> bytes:
    """The sitemap with one xhtml:link per language version (itself included) and x-default on every version."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    ET.register_namespace("xsi", XSI_NS)
    root = ET.fromstring(xml)
    entries = {}
    linked = []
    for url in root.findall(f"{{{SITEMAP_NS}}}url"):
        loc = url.findtext(f"{{{SITEMAP_NS}}}loc", "").strip()
        path = _relative(loc, site_url)
        entries[path] = url
        links = url.findall(f"{{{XHTML_NS}}}link")
        # pelican-sitemap 1.2.2 writes the translations as ref="…" (not href) and never the page itself.
        targets = {_relative(link.get("href") or link.get("ref") or "", site_url) for link in links}
        linked.append({path} | targets)
        for link in links:
            url.remove(link)
    for group in version_groups(set(entries), linked, languages, default_lang):
        ordered = [lang for lang in languages if lang in group]
        for path in group.values():
            url = entries[path]
            for lang in ordered:
                _link(url, lang, f"{site_url}/{group[lang]}")
            if default_lang in group:
                _link(url, "x-default", f"{site_url}/{group[default_lang]}")
    # In address order: the same sitemap whichever process wrote which page first (parallel_writing).
    root[:] = sorted(root, key=lambda url: _relative(url.findtext(f"{{{SITEMAP_NS}}}loc", "").strip(), site_url))
    ET.indent(root, space="")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _link(url, hreflang: str, href: str) -> None:
    ET.SubElement(url, f"{{{XHTML_NS}}}link", {"rel": "alternate", "hreflang": hreflang, "href": href})
