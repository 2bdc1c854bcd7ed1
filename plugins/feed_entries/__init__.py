"""Feed entries: an article's title as written, and its HTML reduced to an allowlist (nh3)."""

from .plugin import register

__all__ = ["register"]
