"""Checks on a built site: internal links, other origins, HTML validity."""
