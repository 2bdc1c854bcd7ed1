"""Plain-language hints for German texts and the strict Leichte-Sprache rules."""

from .plugin import register

__all__ = ["register"]
