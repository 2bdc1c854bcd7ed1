"""A plugin's settings: the value from pelicanconf.py, else the plugin's own default."""

from collections.abc import Callable, Mapping


def setting(settings: Mapping, name: str, defaults: Mapping):
    """`settings[name]` if set, else `defaults[name]`; a name without default is a KeyError even when set (a typo)."""
    return settings.get(name, defaults[name])


def settings_reader(defaults: Mapping) -> Callable:
    """`setting(settings, name)` for one plugin's table of defaults."""

    def read(settings: Mapping, name: str):
        return setting(settings, name, defaults)

    read.__doc__ = "A setting of this plugin, with its default."
    return read
