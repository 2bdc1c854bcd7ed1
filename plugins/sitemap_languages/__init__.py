"""Sitemap languages: every address in sitemap.xml lists all its language versions (xhtml:link), itself and x-default."""

from .plugin import register

__all__ = ["register"]
