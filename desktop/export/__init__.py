"""Turning the book's records into documents and bundles (PDF, Word, sync files)."""
