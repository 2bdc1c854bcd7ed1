"""Content checks: every mistake an author can make, reported in German with file, line and fix."""

from .plugin import register

__all__ = ["register"]
