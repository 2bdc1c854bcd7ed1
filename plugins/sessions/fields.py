"""Which item is a session, its documents folder, and what is wrong with its session fields."""

import difflib
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# File names of a session's documents start with their role (contract with the documents plugin).
DOCUMENT_ROLES = (("einladung", "invitation"), ("vorlage", "proposal"), ("niederschrift", "minutes"))


@dataclass
class Session:
    """What the theme needs to know about a session besides its event (`item.event`)."""

    body: str  # as written in Session_body, e.g. "Beirat für Migration und Integration"
    body_key: str  # its ui_strings key, "" for a body the settings do not name
    documents_folder: str  # below the documents path, as `documents_in()` takes it
    files: tuple[str, ...]  # the file names in that folder, sorted (empty if it does not exist yet)
    has_minutes: bool
    has_agenda: bool = False


def document_role(filename: str) -> str:
    """ "invitation", "proposal" or "minutes" for a session document's file name, else ""."""
    name = PurePosixPath(filename).name.lower()
    for prefix, role in DOCUMENT_ROLES:
        if name.startswith(prefix):
            return role
    return ""


def is_folder(path: Path) -> bool:
    """Whether `path` is a folder; False for names the file system refuses (too long, a NUL byte)."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def folder_files(folder: Path) -> tuple[str, ...]:
    """The visible files in `folder`, sorted; read anew on every build, so added minutes show at once."""
    if not is_folder(folder):
        return ()
    try:
        return tuple(sorted(path.name for path in folder.iterdir() if path.is_file() and not path.name.startswith(".")))
    except OSError:
        return ()


def unsafe_folder(value: str) -> bool:
    """Whether a Session_documents value leaves the documents folder (absolute, `..`, a drive)."""
    path = PurePosixPath(value.replace("\\", "/"))
    return path.is_absolute() or ".." in path.parts or ":" in value


def read_session(
    metadata: dict,
    slug: str,
    documents_root: Path,
    default_folder: str,
    bodies: dict[str, str],
    documents_path: str = "dokumente",
) -> tuple[Session | None, list[tuple[str, str, str]]]:
    """The session of an item's metadata, and its problems as (field, what, fix) in German.

    `documents_root` is content/<documents_path>/; `default_folder` the folder below it that holds one
    folder per session slug ("sitzungen"); `bodies` maps each known body to its ui_strings key (empty:
    any body).
    """
    problems = []
    body = str(metadata.get("session_body") or "").strip()
    written_folder = metadata.get("session_documents")
    if not body:
        if "session_body" in metadata:
            problems.append(
                (
                    "session_body",
                    "„Session_body“ ist leer",
                    "Tragen Sie das Gremium ein, z. B. „Session_body: Beirat für Migration und Integration“",
                )
            )
        elif written_folder is not None:
            problems.append(
                (
                    "session_documents",
                    "„Session_documents“ steht in einer Datei ohne „Session_body“, die keine Sitzung ist",
                    "Ergänzen Sie „Session_body:“ mit dem Gremium oder löschen Sie die Zeile „Session_documents“",
                )
            )
        return None, problems
    if bodies and body not in bodies:
        near = difflib.get_close_matches(body, list(bodies), n=1, cutoff=0.8)
        known = ", ".join(f"„{name}“" for name in bodies)
        hint = f"Meinten Sie „{near[0]}“? " if near else ""
        problems.append(
            (
                "session_body",
                f"Unbekanntes Gremium „{body}“",
                f"{hint}Schreiben Sie einen dieser Namen: {known} (Liste: SESSIONS_BODIES in pelicanconf.py)",
            )
        )
    if "event_start" not in metadata:
        problems.append(
            (
                "session_body",
                "Die Sitzung hat keinen Termin: „Event_start“ fehlt",
                "Ergänzen Sie den Beginn der Sitzung, z. B. „Event_start: 2026-03-12 17:00“ (Berliner Zeit)",
            )
        )
    folder = f"{default_folder}/{slug}"
    if written_folder is not None:
        value = str(written_folder).strip().strip("/")
        shown = f"content/{documents_path}/{value}"
        if not value or unsafe_folder(value):
            problems.append(
                (
                    "session_documents",
                    f"„Session_documents: {written_folder}“ ist kein Ordner unterhalb von content/{documents_path}/",
                    f"Schreiben Sie den Ordner relativ zu content/{documents_path}/, "
                    f"z. B. „Session_documents: {default_folder}/{slug}“",
                )
            )
        elif not is_folder(documents_root / value):
            problems.append(
                (
                    "session_documents",
                    f"Den Ordner „{shown}“ (Session_documents) gibt es nicht",
                    f"Legen Sie den Ordner „{shown}“ an und speichern Sie die Unterlagen dort, "
                    f"oder korrigieren Sie den Namen (ohne „Session_documents“ gilt „{default_folder}/{slug}“)",
                )
            )
        else:
            folder = value
    files = tuple(sorted(folder_files(documents_root / folder), key=role_order))
    session = Session(
        body=body,
        body_key=bodies.get(body, ""),
        documents_folder=folder,
        files=files,
        has_minutes=any(document_role(name) == "minutes" for name in files),
    )
    return session, problems


def session_state(event) -> str:
    """ "cancelled", "moved", "planned" (still to come) or "held" (over) for a session's `item.event`."""
    if event is None:
        return ""
    status = getattr(event, "status", "") or ""
    if status == "abgesagt":
        return "cancelled"
    if status == "verschoben":
        return "moved"
    return "planned" if getattr(event, "upcoming", False) else "held"


def field_line(source: str, name: str) -> int:
    """The line of header field `name` (case as authors write it) in a Markdown source, else 1."""
    pattern = re.compile(rf"[ ]{{0,3}}{re.escape(name)}\s*:", re.IGNORECASE)
    for number, line in enumerate(source.splitlines(), start=1):
        if not line.strip():
            break  # the header ends at the first blank line
        if pattern.match(line):
            return number
    return 1


def role_order(filename: str) -> tuple[int, str]:
    """Sort key of a session document: invitation, proposals, minutes, then any other file, each by name."""
    roles = [role for _prefix, role in DOCUMENT_ROLES]
    role = document_role(filename)
    return (roles.index(role) if role else len(roles), filename)


def in_session_order(documents) -> list:
    """Documents (with `filename`) in the order of a session: invitation, proposals, minutes, then the rest."""
    return sorted(documents, key=lambda doc: role_order(doc.filename))
