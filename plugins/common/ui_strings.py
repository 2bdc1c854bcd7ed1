"""The table of every text the theme shows, one entry per key and language."""

import tomllib
from pathlib import Path


def load_ui_strings(path: Path) -> dict[str, dict[str, str]]:
    """Read the TOML table: one section per language, one key per text."""
    with path.open("rb") as table:
        return tomllib.load(table)


# Where `ui_strings_of` keeps the table it read: in the build's own settings (or context), which a new
# build gets afresh, so a long-running preview never shows texts of an older build.
BUILD_KEY = "_UI_STRINGS_OF_THIS_BUILD"


def ui_strings_of(build: dict, path: str | Path | None = None) -> dict[str, dict[str, str]]:
    """The table at `path` (default: the build's LOCALISATION_UI_STRINGS_FILE), read once per build:
    several plugins and every generator ask for it, and parsing it took 40 ms each time."""
    path = Path(path or build["LOCALISATION_UI_STRINGS_FILE"])
    kept = build.get(BUILD_KEY)
    if kept is None or kept[0] != path:
        kept = build[BUILD_KEY] = (path, load_ui_strings(path))
    return kept[1]


def make_lookup(strings: dict[str, dict[str, str]], default_lang: str):
    """Return `ui(key, lang)`: the text in `lang`, else in the default language.

    An unknown key raises KeyError, so a typo in a template fails the build
    instead of showing an empty button.
    """

    def ui(key: str, lang: str | None = None, **values: str) -> str:
        text = strings.get(lang or default_lang, {}).get(key)
        if text is None:
            text = strings[default_lang][key]
        return text.format(**values) if values else text

    return ui
