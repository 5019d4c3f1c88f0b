"""Alembic environment: always driven programmatically with a live connection (bot.store.migrate)."""

from __future__ import annotations

from alembic import context

from bot.store.models import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations with `phiwarden db upgrade`, not the alembic command")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
