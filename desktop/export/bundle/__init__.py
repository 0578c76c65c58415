"""Sync bundles and key cards: the files books exchange (see docs/bundle-format.md)."""
