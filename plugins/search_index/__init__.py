"""Site search: the Pagefind index, built into the output after every build."""

from .plugin import register

__all__ = ["register"]
