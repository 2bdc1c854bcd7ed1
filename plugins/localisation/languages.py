"""Pure functions: which language a page is in, its translations, the switcher and hreflang."""

import re
from dataclasses import dataclass

from common.languages import home_url

# The quotation marks Markdown's smarty extension writes (pelicanconf.py: German „…“).
GERMAN_DOUBLE_QUOTES = re.compile(r"(?:&bdquo;|„)(.*?)(?:&ldquo;|“)", re.DOTALL)


def localise_quotes(html: str, quotes: tuple[str, str]) -> str:
    """German „…“ (what smarty makes of "…") as the quotation marks of another language, e.g. “…” or «…»."""
    opening, closing = quotes
    return GERMAN_DOUBLE_QUOTES.sub(lambda match: f"{opening}{match.group(1)}{closing}", html)


def item_versions(item) -> dict:
    """An article or page and its translations, by language (Pelican links them by Slug)."""
    versions = {item.lang: item}
    for translation in getattr(item, "translations", None) or []:
        versions.setdefault(translation.lang, translation)
    return versions


@dataclass(frozen=True)
class SwitcherLink:
    """One language in the language switcher."""

    code: str
    name: str
    url: str  # relative to the site root
    current: bool
    translated: bool  # False: the link goes to that language's start page instead


def switcher_links(languages: dict, current_lang: str, translations: dict, default_lang: str) -> list[SwitcherLink]:
    """Every language in its own name, linking to this page's translation or else to its start page.

    `translations` maps a language to the address of this page in it (the current page included).
    """
    links = []
    for code, language in languages.items():
        translated = code in translations
        url = translations[code] if translated else home_url(code, default_lang)
        links.append(SwitcherLink(code, language["name"], url, code == current_lang, translated))
    return links


def alternate_links(translations: dict, default_lang: str) -> list[tuple[str, str]]:
    """(hreflang, address) for every version of a page, in a fixed order, plus x-default (German)."""
    if len(translations) < 2:
        return []
    links = sorted(translations.items())
    if default_lang in translations:
        links.append(("x-default", translations[default_lang]))
    return links


@dataclass(frozen=True)
class NavigationLink:
    """An entry of the main or footer navigation as shown on a page in some language."""

    label: str
    url: str
    lang: str  # the language of the target page
    label_lang: str  # the language the label is written in


def localised_link(
    label: str, url: str, lang: str, default_lang: str, page, ui_texts: dict, ui, versions: dict | None = None
) -> NavigationLink:
    """A navigation entry (German `label`, address `url`, the page there or None) for a page in `lang`.

    The target's translation where one exists, with its title; else the address a plugin writes for
    `lang` (`versions`, e.g. the events plugin's "en/termine/"), labelled from the UI table; else the German
    target, labelled in `lang` when the German label is a text of the UI table ([de]), otherwise in German.
    """
    if lang == default_lang:
        return NavigationLink(label, url, default_lang, default_lang)
    if page is not None:
        translation = item_versions(page).get(lang)
        if translation is not None:
            return NavigationLink(str(translation.title), translation.url, lang, lang)
    key = next((key for key, text in ui_texts.items() if text == label), None)
    if versions and lang in versions:
        return NavigationLink(ui(key, lang) if key else label, versions[lang], lang, lang if key else default_lang)
    if key is not None:
        return NavigationLink(ui(key, lang), url, default_lang, lang)
    return NavigationLink(label, url, default_lang, default_lang)
