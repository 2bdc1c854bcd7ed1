"""Dates, slugs and UI strings for a German (later multilingual) site."""

from .plugin import register

__all__ = ["register"]
