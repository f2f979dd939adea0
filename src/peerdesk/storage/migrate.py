"""Bring a vault to the current schema through ``alembic upgrade head``, the one tested path.

Alembic is imported only when a migration is pending, so ordinary starts do not pay for it.
Before upgrading a vault that already has data, a verified backup (``storage/backups``) is made.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

HEAD_REVISION = "0011"
"""The newest revision in ``migrations/versions``; a test keeps the two in step."""
MIGRATIONS = Path(__file__).parent / "migrations"


def current_revision(engine: Engine) -> str | None:
    """The vault's schema revision, or None for a vault with no schema yet."""
    with engine.connect() as conn:
        try:
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        except OperationalError:  # no such table: a brand-new vault
            return None
    return None if row is None else str(row[0])


def is_pending(engine: Engine) -> bool:
    return current_revision(engine) != HEAD_REVISION


def upgrade(engine: Engine, *, db_path: Path, backup_folder: Path) -> Path | None:
    """Upgrade to head if needed; returns the folder of the pre-upgrade backup made, if any."""
    revision = current_revision(engine)
    if revision == HEAD_REVISION:
        return None
    backup = None
    if revision is not None:
        backup = _copy_aside(engine, db_path, backup_folder, revision)
    from alembic import command  # deferred: only paid when a migration runs
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return backup


def _copy_aside(engine: Engine, db_path: Path, folder: Path, revision: str) -> Path:
    """A real backup (``VACUUM INTO``, verified) of the open vault before its schema changes."""
    from peerdesk.storage import backups  # deferred: backups reads this module's revision
    from peerdesk.storage.backup_manifest import BEFORE_MIGRATION
    from peerdesk.storage.vault.files import VaultPaths

    made = backups.make_backup(
        engine,
        VaultPaths(db_path.parent),
        folder,
        now=dt.datetime.now().replace(microsecond=0),
        reason=BEFORE_MIGRATION,
        label=f"before-upgrade-from-{revision}",
    )
    return made.path
