"""Build messages that name the file and the reason, in German."""

from .plugin import register

__all__ = ["register"]
