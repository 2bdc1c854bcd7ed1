"""Pure functions: the documents page's grouping, by topic (the Tag of the page linking a document, session
documents under the Beirat) and within a topic by type."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Topic:
    """One heading of the documents page and its documents by type: [(type name, [(entry, title lang)])]."""

    name: str
    name_lang: str
    groups: list = field(default_factory=list)


def topic_key(name: str) -> str:
    """The UI-string key of a topic's name in other languages: "document_topic_integrationskonzept"."""
    folded = name.lower().translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
    return "document_topic_" + re.sub(r"[^a-z0-9]+", "_", folded).strip("_")


def _linking(links: dict, path: str, lang: str) -> list:
    """The (item, link text) pairs linking `path` from items in `lang`, in source order."""
    return sorted(
        ((item, text) for item, text in links.get(path, []) if getattr(item, "lang", None) == lang),
        key=lambda pair: pair[0].relative_source_path,
    )


def topic_of(path: str, links: dict, default_lang: str, sessions_folder: str, sessions_topic: str) -> str | None:
    """A document's topic in German: the session topic for session documents, else the first Tag of the first
    German page linking it (any language's if no German page does), else None."""
    if path.startswith(sessions_folder.rstrip("/") + "/"):
        return sessions_topic
    german = _linking(links, path, default_lang)
    others = sorted(links.get(path, []), key=lambda pair: pair[0].relative_source_path)
    for item, _text in german + others:
        tags = getattr(item, "tags", None) or []
        if tags:
            return str(tags[0])
    return None


def group_by_topic(
    files,
    links: dict,
    *,
    lang: str,
    default_lang: str,
    texts: dict,
    make: Callable,
    sessions_folder: str,
    sessions_topic: str,
) -> list[Topic]:
    """Topics in alphabetical order (documents without one last), each with its documents by type and path
    (so a session's invitation, proposals and minutes stay together)."""
    by_topic: dict[str | None, list] = {}
    for file in files:
        own = _linking(links, file.path, lang)
        german = _linking(links, file.path, default_lang)
        title, title_lang = (own[0][1], lang) if own else (german[0][1], default_lang) if german else ("", "")
        # A document without its own language is in the language of the page linking it, else the site's.
        entry = make(file, title, title_lang or default_lang)
        title_lang = title_lang or entry.lang
        topic = topic_of(file.path, links, default_lang, sessions_folder, sessions_topic)
        by_topic.setdefault(topic, []).append((entry, title_lang))
    topics = []
    for name in sorted((name for name in by_topic if name), key=str.casefold) + ([None] if None in by_topic else []):
        if name is None:
            heading, heading_lang = texts["document_topic_other"], lang
        elif topic_key(name) in texts:
            heading, heading_lang = texts[topic_key(name)], lang
        else:
            heading, heading_lang = name, default_lang
        kinds: dict[str, list] = {}
        for entry, title_lang in by_topic[name]:
            kinds.setdefault(entry.kind_text, []).append((entry, title_lang))
        groups = [(kind, sorted(entries, key=lambda pair: pair[0].path)) for kind, entries in sorted(kinds.items())]
        topics.append(Topic(heading, heading_lang, groups))
    return topics
