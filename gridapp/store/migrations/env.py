"""Alembic environment: always run from gridapp.store.migrate with a live connection."""

from alembic import context

from gridapp.store.migrate import include_name
from gridapp.store.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata,
                  include_name=include_name, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
