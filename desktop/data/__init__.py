"""The book's storage: SQLAlchemy models on a local SQLite file.

Nothing here imports Qt; the services layer is the only caller.
"""
