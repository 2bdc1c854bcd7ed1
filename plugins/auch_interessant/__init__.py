"""„Auch interessant“: related articles and pages chosen from the German text."""

from .plugin import register

__all__ = ["register"]
