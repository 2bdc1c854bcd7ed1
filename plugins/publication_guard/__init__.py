"""Drafts, hidden and embargoed items never reach the published site."""

from .plugin import register

__all__ = ["register"]
