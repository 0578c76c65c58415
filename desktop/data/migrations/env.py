"""Alembic environment: always runs on a connection handed in by `schema.run_migrations`."""

from alembic import context

from desktop.data import models  # noqa: F401  (registers every table)
from desktop.data.base import Base


def _ours(name: str | None, type_: str, _parent: object) -> bool:
    """Leave the full-text tables (made by hand in 0001) out of comparisons."""
    return not (type_ == "table" and name is not None and name.startswith("search_"))


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
    include_name=_ours,
)
with context.begin_transaction():
    context.run_migrations()
