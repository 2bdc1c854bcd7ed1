"""When time alone would change the site: the moments a rebuild of unchanged sources must not skip past."""

from .plugin import register

__all__ = ["register"]
