"""Pure functions: find the theme's CSS files in layer order and join them."""

from pathlib import Path


def css_sources(css_folder: Path, layer_order: list[str]) -> list[Path]:
    """The CSS files named (or matched by a glob) in `layer_order`, in that order."""
    found = []
    for pattern in layer_order:
        matches = sorted(css_folder.glob(pattern))
        if not matches:
            raise FileNotFoundError(f"{css_folder / pattern}: keine CSS-Datei gefunden")
        found.extend(match for match in matches if match not in found)
    return found


def bundle_css(sources: list[Path], root: Path) -> str:
    """Concatenate the files, each headed by a comment naming where it comes from."""
    parts = []
    for source in sources:
        parts.append(f"/* --- {source.relative_to(root).as_posix()} --- */\n")
        parts.append(source.read_text(encoding="utf-8").rstrip() + "\n\n")
    return "".join(parts)
