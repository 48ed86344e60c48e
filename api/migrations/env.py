"""Alembic environment: run by api.db.migrate with a live connection, or offline to write sql/ DDL."""
from alembic import context

from api.schema import metadata

config = context.config


def run_offline():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=metadata,
                      literal_binds=True, render_as_batch=False, transaction_per_migration=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online():
    connection = config.attributes["connection"]
    context.configure(connection=connection, target_metadata=metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
