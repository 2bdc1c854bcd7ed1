"""Reproducible `lastmod` values: no build time in sitemap.xml.

pelican-sitemap 1.2.2 gives every address without a date of its own (overview pages, pages
without a Date line) the time the build started, as a naive time written with the offset
"-00:00". Our content's dates always carry an offset (Pelican applies TIMEZONE), so that
suffix marks exactly the build-time values. They are replaced by the newest date in the
sitemap: an overview page changes when one of the items it lists changes, and two builds of
the same content must give the same bytes (the preview can then skip unchanged files).
"""

import re
from datetime import datetime

BUILD_TIME_SUFFIX = "-00:00"
_LASTMOD = re.compile(rb"<lastmod>([^<]*)</lastmod>")


def settle_build_times(xml: bytes) -> bytes:
    """The sitemap with every build-time `lastmod` replaced by the newest dated one (unchanged if none is dated)."""
    values = [match.decode() for match in _LASTMOD.findall(xml)]
    dated = [value for value in values if not value.endswith(BUILD_TIME_SUFFIX)]
    if not dated:
        return xml
    newest = max(dated, key=datetime.fromisoformat).encode()

    def settled(match: re.Match) -> bytes:
        return (
            b"<lastmod>" + newest + b"</lastmod>"
            if match.group(1).endswith(BUILD_TIME_SUFFIX.encode())
            else match.group(0)
        )

    return _LASTMOD.sub(settled, xml)
