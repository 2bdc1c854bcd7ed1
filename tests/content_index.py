"""Read content/ the simple way, to know what the built site must contain."""

import re
from dataclasses import dataclass
from pathlib import Path

from pelican.utils import slugify

from localisation.slugs import german_slug_substitutions

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
DATED_FILE_NAME = re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.+)")


@dataclass
class Item:
    path: Path
    metadata: dict
    kind: str  # "article" or "page"

    @property
    def title(self) -> str:
        return self.metadata["title"]

    @property
    def status(self) -> str:
        return self.metadata.get("status", "published")

    @property
    def slug(self) -> str:
        if "slug" in self.metadata:
            return self.metadata["slug"]
        dated = DATED_FILE_NAME.fullmatch(self.path.stem)
        if dated:
            return dated["slug"]
        return slugify(self.title, regex_subs=german_slug_substitutions(), use_unicode=True)

    @property
    def lang(self) -> str:
        return self.metadata.get("lang", "de")

    @property
    def url(self) -> str:
        """The address: German at the root, a translation below its language (/en/…)."""
        prefix = "" if self.lang == "de" else f"{self.lang}/"
        if self.kind == "article":
            return f"{prefix}aktuelles/{self.metadata['date'][:4]}/{self.slug}/"
        return f"{prefix}{self.slug}/"


def read_metadata(path: Path) -> dict:
    """The `Key: value` lines at the top of a Markdown file, keys lower-cased."""
    metadata = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            break
        key, _, value = line.partition(":")
        if line[:1].isspace():
            continue  # continuation line (e.g. Contact)
        metadata[key.strip().lower()] = value.strip()
    return metadata


def content_items(languages: tuple[str, ...] | None = ("de",)) -> list[Item]:
    """Every article and page of content/ in `languages` (German by default; None: every language)."""
    items = [Item(p, read_metadata(p), "article") for p in sorted((CONTENT / "artikel").rglob("*.md"))]
    items += [Item(p, read_metadata(p), "page") for p in sorted((CONTENT / "seiten").rglob("*.md"))]
    return [item for item in items if languages is None or item.lang in languages]
