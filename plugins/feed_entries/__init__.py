"""Feed entries: an article's title as written, and its HTML without scripts or event handlers."""

from .plugin import register

__all__ = ["register"]
