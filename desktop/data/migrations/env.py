"""Alembic environment: always runs on a connection handed in by `schema.run_migrations`."""

from alembic import context

from desktop.data import models  # noqa: F401  (registers every table)
from desktop.data.base import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
