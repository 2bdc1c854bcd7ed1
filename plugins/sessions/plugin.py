"""Pelican glue (placeholder until the plugin is written)."""


def register():
    """Connect the signals."""
