"""Feed HTML reduced to an allowlist: what our Markdown and theme put into articles, and nothing that can run code.

A feed reader shows an entry's HTML without our Content Security Policy, so every
element, attribute and URL scheme not listed here is removed by `nh3` (the Rust
`ammonia` sanitiser): scripts, styles, frames, forms, `<meta>`, `<base>`, SVG and
MathML, event handlers, `javascript:` and `data:` URLs in any spelling.
"""

from urllib.parse import urlsplit

import nh3

# Markdown "extra" (tables, footnotes, abbreviations, definition lists, attribute lists),
# toc (heading ids), code blocks, and the <picture>/<figure> markup the theme writes.
TAGS = frozenset(
    {
        *(f"h{level}" for level in range(1, 7)),
        *("p", "br", "hr", "div", "span", "wbr"),
        *("ul", "ol", "li", "dl", "dt", "dd"),
        *("a", "img", "picture", "source", "figure", "figcaption"),
        *("table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col"),
        *("blockquote", "q", "cite", "code", "pre", "kbd", "samp", "var"),
        *("abbr", "dfn", "time", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup"),
        *("bdi", "bdo", "details", "summary"),
    }
)
# Removed together with their content: what is inside them is code or markup for another world.
REMOVED_WITH_CONTENT = frozenset(
    {"script", "style", "svg", "math", "iframe", "frame", "frameset", "noscript", "template", "object", "embed"}
    | {"applet", "textarea", "select", "title", "head", "noembed", "noframes", "xmp", "plaintext"}
)
ATTRIBUTES = {
    # lang and dir: translations into Arabic, Persian and Ukrainian; id: footnote and heading anchors.
    "*": {"lang", "dir", "id", "title"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading", "decoding"},
    "source": {"srcset", "type", "sizes", "media"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "th": {"colspan", "rowspan", "scope", "headers", "style"},
    "td": {"colspan", "rowspan", "headers", "style"},
    "col": {"span"},
    "colgroup": {"span"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "time": {"datetime"},
    "details": {"open"},
}
# Markdown tables align columns with style="text-align: …"; no other property survives.
STYLE_PROPERTIES = frozenset({"text-align"})
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
IMAGE_SCHEMES = frozenset({"http", "https"})
# Links leave the feed reader without handing over the reader's window or the reader's address.
LINK_REL = "noopener noreferrer"


def _safe_srcset(value: str) -> str | None:
    """`value` if every candidate of a srcset is a relative or http(s) address, else None (dropped)."""
    for candidate in value.split(","):
        address = candidate.strip().split(maxsplit=1)[0] if candidate.strip() else ""
        scheme = urlsplit(address).scheme.lower() if address else ""
        if ":" in address.split("/", 1)[0] and scheme not in IMAGE_SCHEMES:
            return None
    return value


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    """nh3 checks href and src itself; srcset holds several addresses, which it does not look into."""
    if attribute == "srcset":
        return _safe_srcset(value)
    return value


def safe_feed_html(html: str | None) -> str | None:
    """`html` with only allowlisted elements, attributes and URL schemes; empty or None stays as it is."""
    if not html:
        return html
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes={element: set(names) for element, names in ATTRIBUTES.items()},
        attribute_filter=_filter_attribute,
        strip_comments=True,
        link_rel=LINK_REL,
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES),
    )
