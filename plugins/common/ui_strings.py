"""The table of every text the theme shows, one entry per key and language."""

import tomllib
from pathlib import Path


def load_ui_strings(path: Path) -> dict[str, dict[str, str]]:
    """Read the TOML table: one section per language, one key per text."""
    with path.open("rb") as table:
        return tomllib.load(table)


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
