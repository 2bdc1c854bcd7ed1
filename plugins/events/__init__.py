"""Termine: any article or page with `Event_start:` becomes an event (listing, .ics, JSON-LD)."""

from .plugin import register

__all__ = ["register"]
