"""Build a content folder with the project's pelicanconf.py and print every article's teasers as JSON.

Run in a fresh process (Pelican registers its plugins once per process):
`python bench/teasers_of_build.py CONTENT OUTPUT`. The last line of stdout is
{slug: [teaser slugs]}, taken from `article.related` as the plugin set it.
"""

import json
import sys
from pathlib import Path

from pelican import main as pelican_main
from pelican import signals

ROOT = Path(__file__).resolve().parent.parent
teasers: dict[str, list[str]] = {}


def record(generator, **_):
    """After the articles are written: what the plugin chose for each."""
    for article in list(generator.articles) + list(generator.translations):
        teasers[article.slug] = [teaser.item.slug for teaser in getattr(article, "related", [])]


def main(content: str, output: str) -> None:
    signals.article_writer_finalized.connect(record)
    arguments = [content, "-o", output, "-s", str(ROOT / "pelicanconf.py"), "-q", "--delete-output-directory"]
    try:
        pelican_main(arguments)
    except SystemExit as stop:
        if stop.code:
            raise
    print(json.dumps(teasers))


if __name__ == "__main__":
    main(*sys.argv[1:3])
