"""Feed HTML keeps what articles are made of and loses everything that can run code or leave the page."""

import html
import re

import markdown
import pytest
from bs4 import BeautifulSoup
from feed_entries.sanitise import safe_feed_html

import pelicanconf

# Attributes that hold an address a browser follows or loads.
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "xlink:href", "cite", "data", "poster", "background"}
ELEMENTS_THAT_RUN_OR_LEAVE = {
    *("script", "style", "iframe", "frame", "object", "embed", "svg", "math", "meta", "base", "link"),
    *("form", "input", "button", "textarea", "select", "template", "noscript"),
}
# Characters browsers drop from a URL before reading its scheme: whitespace and control characters.
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]+")

ATTACKS = {
    "tab entity inside javascript:": ('<a href="java&#9;script:alert(1)">Link</a>', "alert"),
    "mixed case and a colon entity": ('<a href="JaVaScRiPt&#x3A;alert(1)">Link</a>', "alert"),
    "leading newline and &colon;": ('<a href="&#10; &#x20;javascript&colon;alert(1)">Link</a>', "alert"),
    "vbscript:": ('<a href="vbscript:msgbox(1)">Link</a>', "msgbox"),
    "data: URL in href": ('<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">Link</a>', "data:"),
    "data: URL in img src": ('<img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;" alt="Bild">', "data:"),
    "data: URL in srcset": ('<img srcset="data:image/svg+xml;base64,PHN2Zz4= 1x" src="bild.jpg" alt="Bild">', "data:"),
    "javascript: in source srcset": (
        '<picture><source srcset="javascript:alert(1) 1x"><img src="bild.jpg" alt="Bild"></picture>',
        "alert",
    ),
    "meta refresh": ('<meta http-equiv="refresh" content="0; url=https://angreifer.example/">Text', "angreifer"),
    "formaction on a button": ('<form><button formaction="javascript:alert(1)">Senden</button></form>', "alert"),
    "SVG link with xlink:href": (
        '<svg><a xlink:href="javascript:alert(1)"><text x="0" y="15">Klick</text></a></svg>',
        "alert",
    ),
    "script inside SVG": ("<svg><script>alert(1)</script></svg>Text", "alert"),
    "script element": ("<script>alert(1)</script>Text", "alert"),
    "style element": ('<style>body { background: url("https://angreifer.example/") }</style>Text', "angreifer"),
    "style attribute": ('<p style="background:url(https://angreifer.example/)">Text</p>', "angreifer"),
    "event handlers": ('<p onclick="alert(1)" ONMOUSEOVER="alert(2)">Text</p>', "alert"),
    "onerror on an image": ('<img src="bild.jpg" alt="" onerror="alert(1)">', "alert"),
    "iframe with srcdoc": ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>Text', "alert"),
    "base href": ('<base href="https://angreifer.example/"><a href="seite/">Link</a>', "angreifer"),
    "form posting elsewhere": (
        '<form action="https://angreifer.example/"><input name="pin"><button>Senden</button></form>',
        "angreifer",
    ),
    "object with data": ('<object data="javascript:alert(1)"></object>Text', "alert"),
    "link element": ('<link rel="stylesheet" href="https://angreifer.example/a.css">Text', "angreifer"),
    "comment hiding markup": ("<!--<script>alert(1)</script>-->Text", "alert"),
}


def dangerous_urls(soup) -> list[str]:
    """Every URL attribute whose scheme, as a browser reads it, is anything but http, https, mailto or tel."""
    found = []
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            if name.lower() not in URL_ATTRIBUTES:
                continue
            for candidate in str(value).split(","):
                address = IGNORED_IN_SCHEME.sub("", html.unescape(candidate)).lower()
                scheme = re.match(r"^([a-z][a-z0-9+.-]*):", address)
                if scheme and scheme.group(1) not in {"http", "https", "mailto", "tel"}:
                    found.append(f"{element.name}[{name}]={value}")
    return found


@pytest.mark.parametrize(("attack", "marker"), ATTACKS.values(), ids=ATTACKS.keys())
def test_attack_leaves_nothing_that_runs_or_leaves(attack, marker):
    """No payload text, no dangerous element, no on… attribute and no other URL scheme survives."""
    cleaned = safe_feed_html(attack)
    soup = BeautifulSoup(cleaned, "html.parser")
    assert marker not in cleaned.lower(), cleaned
    assert not soup.find_all(ELEMENTS_THAT_RUN_OR_LEAVE), cleaned
    assert not [name for element in soup.find_all(True) for name in element.attrs if name.lower().startswith("on")], (
        cleaned
    )
    assert not dangerous_urls(soup), cleaned


def test_visible_text_of_a_removed_link_stays():
    """The reader still sees the words of a link whose address was removed."""
    assert BeautifulSoup(safe_feed_html(ATTACKS["tab entity inside javascript:"][0]), "html.parser").get_text() == (
        "Link"
    )


def _value(name: str, value) -> str:
    """An attribute value as it means: a style without its optional spaces and final semicolon."""
    return re.sub(r"\s+|;$", "", str(value)) if name == "style" else str(value)


def shape(fragment: str) -> list:
    """Elements with their attributes and the text, in document order; `rel` (added to links) and `class`
    (our own CSS hooks, meaningless in a feed reader) left out."""
    soup = BeautifulSoup(fragment, "html.parser")
    elements = [
        (element.name, sorted((k, _value(k, v)) for k, v in element.attrs.items() if k not in {"rel", "class"}))
        for element in soup.find_all(True)
    ]
    return [elements, " ".join(soup.get_text().split())]


ARTICLE_HTML = {
    "figure with picture and srcset": (
        '<figure><picture><source type="image/avif" srcset="bilder/fest-480.avif 480w, bilder/fest-960.avif 960w" '
        'sizes="(min-width: 60rem) 60rem, 100vw"><source type="image/webp" media="(min-width: 30rem)" '
        'srcset="https://vielfalt.example.org/bilder/fest-960.webp 960w">'
        '<img src="bilder/fest-960.jpg" alt="Menschen auf dem Rathausplatz" width="960" height="640" '
        'srcset="bilder/fest-480.jpg 480w, bilder/fest-960.jpg 960w" sizes="100vw" loading="lazy" decoding="async">'
        "</picture><figcaption>Foto: Stadt Musterstadt</figcaption></figure>"
    ),
    "table with aligned columns": (
        '<table><caption>Termine</caption><thead><tr><th scope="col" style="text-align: left;">Tag</th>'
        '<th style="text-align: right;">Uhrzeit</th></tr></thead><tbody><tr><td style="text-align: left;">Montag</td>'
        '<td colspan="1" style="text-align: right;">10:00</td></tr></tbody></table>'
    ),
    "link with title and language": (
        '<p>Mehr im <a href="https://www.example.org/bericht" title="Bericht" hreflang="en" lang="en">report</a>, '
        'per <a href="mailto:vielfalt@example.org">E-Mail</a>, am <a href="tel:+495555">Telefon</a> '
        'oder auf <a href="../projekte/sprachtandem/">unserer Seite</a>.</p>'
    ),
    "abbreviation, time, code and quote": (
        '<p><abbr title="Allgemeines Gleichbehandlungsgesetz">AGG</abbr> seit '
        '<time datetime="2006-08-18">18. August 2006</time>, <em>wichtig</em> und <strong>klar</strong>.</p>'
        '<blockquote cite="https://www.example.org/"><p>Zitat</p></blockquote><pre><code>x = 1</code></pre>'
    ),
    "Arabic translation, right to left": '<p lang="ar" dir="rtl">مرحبا بكم</p><ol start="3"><li>drei</li></ol>',
}


@pytest.mark.parametrize("fragment", ARTICLE_HTML.values(), ids=ARTICLE_HTML.keys())
def test_article_html_keeps_its_elements_attributes_and_text(fragment):
    assert shape(safe_feed_html(fragment)) == shape(fragment)


def test_markdown_of_our_articles_survives():
    """Everything our Markdown settings produce (extra, toc, smarty) keeps its meaning in the feed."""
    text = """## Beratung in Musterstadt

Das [AGG](https://www.example.org/agg "Gesetzestext") gilt„überall“.[^1]

| Tag | Uhrzeit |
|:----|--------:|
| Montag | 10:00 |

Termin
:   Jeden Montag

Die *[AGG]: ...

*[AGG]: Allgemeines Gleichbehandlungsgesetz

[^1]: Seit 2006.
"""
    rendered = markdown.markdown(text, **pelicanconf.MARKDOWN)
    cleaned = safe_feed_html(rendered)
    assert shape(cleaned) == shape(rendered)
    soup = BeautifulSoup(cleaned, "html.parser")
    # Footnote links still find their target inside the entry.
    assert soup.select_one('sup[id="fnref:1"] a')["href"] == "#fn:1"
    assert soup.select_one('li[id="fn:1"]') is not None
    assert soup.select_one("th")["style"].replace(" ", "") == "text-align:left"


def test_links_open_without_handing_over_the_reader():
    soup = BeautifulSoup(safe_feed_html('<a href="https://www.example.org/">x</a>'), "html.parser")
    assert set(soup.a["rel"]) == {"noopener", "noreferrer"}


@pytest.mark.parametrize("empty", [None, ""])
def test_empty_fields_stay_empty(empty):
    assert safe_feed_html(empty) == empty
