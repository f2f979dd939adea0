"""Alembic environment: runs on the connection PeerDesk hands it (``config.attributes``)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from peerdesk.storage.migrations.env_names import include_name
from peerdesk.storage.models import Base

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


_given = config.attributes.get("connection")
if _given is not None:
    _run(_given)
else:  # developers' `alembic revision --autogenerate` against a plain SQLite file
    with create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://").connect() as conn:
        _run(conn)
