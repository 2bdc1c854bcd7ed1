"""Turn an exception raised while reading a content file into a reason a person can act on."""

from common.dates import AuthorDateError


def describe_failure(error: BaseException) -> str:
    """One line saying what went wrong, e.g. "ValueError: Unknown date format 'gestern'"."""
    text = str(error).strip() or "(keine weitere Beschreibung)"
    if isinstance(error, UnicodeDecodeError):
        return (
            "Die Datei ist nicht in UTF-8 gespeichert. Öffnen Sie sie im Editor und "
            "speichern Sie sie mit der Kodierung UTF-8."
        )
    if isinstance(error, AuthorDateError):
        return text  # already German and complete
    if isinstance(error, (ValueError, KeyError, TypeError, AttributeError, OSError)):
        return f"{type(error).__name__}: {text}"
    return text
