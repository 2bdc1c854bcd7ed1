"""Structured data and sharing metadata: JSON-LD (schema.org), canonical addresses, Open Graph images."""

from .plugin import register

__all__ = ["register"]
