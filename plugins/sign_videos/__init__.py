"""Sign-language videos: `[[video: name]]` in a text becomes a player with captions, transcript and download."""

from .plugin import register

__all__ = ["register"]
