"""Broken internal links and resources from other origins, found in a built site."""

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

# Attributes that make the browser fetch something (not <a href>, which the reader follows).
RESOURCE_ATTRIBUTES = [
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "srcset"),
    ("source", "src"),
    ("iframe", "src"),
    ("frame", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("track", "src"),
    ("link", "href"),
    ("use", "href"),
    ("image", "href"),
]
LINK_ATTRIBUTES = [("a", "href"), ("area", "href")]


def html_files(root: Path) -> list[Path]:
    """Every HTML file below `root`, sorted."""
    return sorted(root.rglob("*.html"))


def _urls(tag, attribute: str) -> list[str]:
    value = tag.get(attribute)
    if not value:
        return []
    if attribute == "srcset":
        return [candidate.strip().split(" ")[0] for candidate in value.split(",") if candidate.strip()]
    return [value.strip()]


def page_url(root: Path, html_file: Path, site_url: str) -> str:
    """The address a built file is served at, e.g. https://site/aktuelles/ for aktuelles/index.html."""
    relative = html_file.relative_to(root).as_posix()
    return f"{site_url.rstrip('/')}/{relative}"


@cache
def _ids(html_file: Path) -> frozenset[str]:
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    return frozenset(tag["id"] for tag in soup.find_all(id=True))


def _local_file(root: Path, absolute_url: str, site_url: str) -> Path | None:
    """The file an address on this site points to, or None for another site."""
    site = urlsplit(site_url)
    target = urlsplit(absolute_url)
    if (target.scheme, target.netloc) != (site.scheme, site.netloc):
        return None
    path = unquote(target.path)
    base = site.path.rstrip("/")
    if base and path.startswith(base):
        path = path[len(base) :]
    candidate = root / path.lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate


def _references(root: Path, site_url: str, attributes):
    """Yield (file, tag name, attribute, url as written, absolute url) for every reference in the build."""
    for html_file in html_files(root):
        base = page_url(root, html_file, site_url)
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        where = html_file.relative_to(root).as_posix()
        for name, attribute in attributes:
            for tag in soup.find_all(name):
                if name == "link" and {"alternate", "canonical"} & set(tag.get("rel") or []):
                    continue  # feeds, translations and canonical addresses are links, not resources
                for url in _urls(tag, attribute):
                    yield where, name, attribute, url, urljoin(base, url)


def broken_internal_links(root: Path, site_url: str = "http://127.0.0.1") -> list[str]:
    """One message per link or resource on this site whose file (or #anchor) does not exist."""
    problems = []
    for where, name, attribute, url, absolute in _references(root, site_url, RESOURCE_ATTRIBUTES + LINK_ATTRIBUTES):
        if url.startswith(("mailto:", "tel:", "data:", "javascript:")):
            continue
        target = _local_file(root, absolute, site_url)
        if target is None:
            continue
        if not target.exists():
            problems.append(f'{where}: <{name} {attribute}="{url}"> – Ziel fehlt')
            continue
        fragment = urlsplit(absolute).fragment
        if fragment and target.suffix == ".html" and unquote(fragment) not in _ids(target):
            problems.append(f'{where}: <{name} {attribute}="{url}"> – Sprungmarke fehlt')
    return problems


def foreign_resources(root: Path, site_url: str = "http://127.0.0.1") -> list[str]:
    """One message per script, style, image, font or frame loaded from another origin."""
    problems = [
        f'{where}: <{name} {attribute}="{url}"> lädt von einem anderen Server'
        for where, name, attribute, url, absolute in _references(root, site_url, RESOURCE_ATTRIBUTES)
        if not url.startswith("data:") and _local_file(root, absolute, site_url) is None
    ]
    for css_file in sorted(root.rglob("*.css")):
        text = css_file.read_text(encoding="utf-8")
        for marker in ("url(http", "url('http", 'url("http', "url(//", "@import"):
            if marker in text:
                problems.append(f"{css_file.relative_to(root).as_posix()}: {marker} lädt von einem anderen Server")
    return problems
