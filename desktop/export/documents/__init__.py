"""Builders: the book's records turned into `desktop.export.model.Document`s."""
