"""Content images as responsive AVIF/WebP with a fallback, metadata stripped, cached."""

from .plugin import register

__all__ = ["register"]
