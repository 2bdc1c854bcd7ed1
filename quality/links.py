"""Broken internal links and resources from other origins, found in a built site."""

import json
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
# Sharing images: fetched by other sites from our public address, so they must exist but are no
# resource of the page itself (not part of the check for other origins).
SHARING_IMAGE_PROPERTIES = {"og:image", "og:image:url", "og:image:secure_url", "twitter:image"}
SHARING_ATTRIBUTES = [("meta", "content")]


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
    """Yield (file, tag name, attribute, url as written, absolute url, tag) for every reference in the build."""
    for html_file in html_files(root):
        base = page_url(root, html_file, site_url)
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        where = html_file.relative_to(root).as_posix()
        for name, attribute in attributes:
            for tag in soup.find_all(name):
                if name == "link" and {"alternate", "canonical"} & set(tag.get("rel") or []):
                    continue  # feeds, translations and canonical addresses are links, not resources
                if name == "meta" and (tag.get("property") or tag.get("name")) not in SHARING_IMAGE_PROPERTIES:
                    continue
                for url in _urls(tag, attribute):
                    yield where, name, attribute, url, urljoin(base, url), tag


def _manifest_problems(root: Path, manifest: Path, manifest_url: str, site_url: str) -> list[str]:
    """One message per icon of a web app manifest whose file does not exist."""
    where = manifest.relative_to(root).as_posix()
    try:
        icons = json.loads(manifest.read_text(encoding="utf-8")).get("icons", [])
    except (OSError, ValueError, AttributeError) as error:
        return [f"{where}: kein gültiges Web-App-Manifest ({error}) – als JSON-Objekt speichern"]
    problems = []
    for number, icon in enumerate(icons):
        src = icon.get("src", "") if isinstance(icon, dict) else ""
        target = _local_file(root, urljoin(manifest_url, src), site_url)
        if not src or (target is not None and not target.is_file()):
            problems.append(f'{where}: icons[{number}].src "{src}" – Ziel fehlt')
    return problems


def broken_internal_links(root: Path, site_url: str = "http://127.0.0.1") -> list[str]:
    """One message per link, resource, sharing image (og:image) or manifest icon on this site whose
    file (or #anchor) does not exist."""
    problems = []
    ids = {}  # per call: a cache kept between calls would outlive a rebuild of the same folder
    manifests = {}
    references = _references(root, site_url, RESOURCE_ATTRIBUTES + LINK_ATTRIBUTES + SHARING_ATTRIBUTES)
    for where, name, attribute, url, absolute, tag in references:
        if url.startswith(("mailto:", "tel:", "data:", "javascript:")):
            continue
        target = _local_file(root, absolute, site_url)
        if target is None:
            continue
        shown = f'<meta property="{tag.get("property") or tag.get("name")}"' if name == "meta" else f"<{name}"
        if not target.exists():
            problems.append(f'{where}: {shown} {attribute}="{url}"> – Ziel fehlt')
            continue
        if name == "link" and "manifest" in (tag.get("rel") or []):
            manifests.setdefault(target, absolute)
        fragment = urlsplit(absolute).fragment
        if fragment and target.suffix == ".html":
            if target not in ids:
                ids[target] = _ids(target)
            if unquote(fragment) not in ids[target]:
                problems.append(f'{where}: {shown} {attribute}="{url}"> – Sprungmarke fehlt')
    for manifest, manifest_url in manifests.items():
        problems += _manifest_problems(root, manifest, manifest_url, site_url)
    return problems


def foreign_resources(root: Path, site_url: str = "http://127.0.0.1") -> list[str]:
    """One message per script, style, image, font or frame loaded from another origin."""
    problems = [
        f'{where}: <{name} {attribute}="{url}"> lädt von einem anderen Server'
        for where, name, attribute, url, absolute, _ in _references(root, site_url, RESOURCE_ATTRIBUTES)
        if not url.startswith("data:") and _local_file(root, absolute, site_url) is None
    ]
    for css_file in sorted(root.rglob("*.css")):
        text = css_file.read_text(encoding="utf-8")
        for marker in ("url(http", "url('http", 'url("http', "url(//", "@import"):
            if marker in text:
                problems.append(f"{css_file.relative_to(root).as_posix()}: {marker} lädt von einem anderen Server")
    return problems
