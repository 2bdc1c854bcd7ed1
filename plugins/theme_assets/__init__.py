"""One style sheet for the browser, bundled from the theme's small CSS files."""

from .plugin import register

__all__ = ["register"]
