"""Pure functions: schema.org objects as dicts, and JSON-LD text that is safe inside a <script> element.

Written here rather than taken from pelican-seo: that plugin makes an `Article`
with a `Person` as author and dates without time zone, and knows neither
`GovernmentOrganization`, `ContactPoint` nor `NewsArticle`.
"""

import json
from datetime import datetime

SCHEMA = "https://schema.org"


def absolute(base_url: str, path: str) -> str:
    """`path` (relative to the site root) as an absolute address below `base_url`."""
    return f"{base_url.rstrip('/')}/{path.lstrip('/')}"


def organization(office: dict, base_url: str) -> dict:
    """The office as a `GovernmentOrganization`, part of its town, with its contact point."""
    contact = {
        "@type": "ContactPoint",
        "contactType": office["contact_type"],
        "email": office["email"],
        "availableLanguage": list(office["languages"]),
    }
    return {
        "@context": SCHEMA,
        "@type": "GovernmentOrganization",
        "@id": absolute(base_url, "#organisation"),
        "name": office["name"],
        "url": absolute(base_url, ""),
        "description": office["description"],
        "email": office["email"],
        "address": {"@type": "PostalAddress", **office["address"]},
        "parentOrganization": {"@type": "GovernmentOrganization", "name": office["parent"]},
        "contactPoint": contact,
    }


def news_article(
    *,
    headline: str,
    description: str,
    url: str,
    published: datetime,
    modified: datetime | None,
    language: str,
    image: str | None,
    publisher: dict,
) -> dict:
    """A press release or news item as a `NewsArticle`; dates with their time zone (ISO 8601)."""
    article = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "headline": headline[:110],  # search engines cut longer headlines
        "description": description,
        "mainEntityOfPage": url,
        "url": url,
        "datePublished": published.isoformat(),
        "dateModified": (modified or published).isoformat(),
        "inLanguage": language,
        "publisher": publisher,
        "author": publisher,
    }
    if image:
        article["image"] = [image]
    return article


def web_page(*, name: str, description: str, url: str, language: str, site: dict) -> dict:
    """A page as a `WebPage` of the site, with the language it is written in."""
    page = {
        "@context": SCHEMA,
        "@type": "WebPage",
        "name": name,
        "url": url,
        "inLanguage": language,
        "isPartOf": {"@type": "WebSite", **site},
    }
    if description:
        page["description"] = description
    return page


def breadcrumb_list(trail: list[tuple[str, str | None]], base_url: str, home: str, home_path: str = "") -> dict:
    """The breadcrumb as a `BreadcrumbList`: home (the start page of the page's language) first;
    the current page (no address) last."""
    entries = [(home, home_path)] + list(trail)
    elements = []
    for position, (name, path) in enumerate(entries, start=1):
        element = {"@type": "ListItem", "position": position, "name": name}
        if path is not None:
            element["item"] = absolute(base_url, path)
        elements.append(element)
    return {"@context": SCHEMA, "@type": "BreadcrumbList", "itemListElement": elements}


def json_ld(data: dict) -> str:
    """JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` escaped, so a title
    containing "</script>" cannot end the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def open_graph_image_path(image: str | None) -> str | None:
    """Where responsive_images writes the 1200×630 sharing image of a lead image, or None."""
    if not image or "." not in image:
        return None
    stem, extension = image.rsplit(".", 1)
    if extension.lower() not in ("jpg", "jpeg", "png", "webp", "gif", "tif", "tiff"):
        return None  # SVG and others are not cut into a sharing image
    return f"{stem}-og.jpg"
