"""Kontakt boxes: contacts defined once in content/kontakte.toml, shown where `Contact_box:` names them."""

from .plugin import register

__all__ = ["register"]
