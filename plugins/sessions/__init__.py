"""Sitzungen: events of the Beirat and its committees, with agenda, documents and status."""

from .plugin import register

__all__ = ["register"]
