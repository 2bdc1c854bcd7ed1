"""Where each page sits in the site: home intro, parent pages, lookup by slug."""

from .plugin import register

__all__ = ["register"]
