"""What several plugins share: settings with defaults, author dates, UI strings, digits and addresses, problem counting.

Not a Pelican plugin (no `register`, not in PLUGINS): plugins import from here, never from each other.
"""
