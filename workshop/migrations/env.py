"""Alembic environment: runs on the connection the app hands over, or on the URL."""

from alembic import context
from sqlalchemy import create_engine

from workshop.store import board_models  # noqa: F401 - registers the board and link tables
from workshop.store.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    """Run the migrations online."""
    connection = config.attributes.get("connection")
    if connection is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as connection:
            _migrate(connection)
        engine.dispose()
    else:
        _migrate(connection)


def _migrate(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


run()
