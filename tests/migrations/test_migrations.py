"""Migrations: empty vaults reach head through them, and the models match what they build."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from peerdesk.services import vault_service
from peerdesk.storage import backups, migrate
from peerdesk.storage.engine import open_engine
from peerdesk.storage.migrations.env_names import include_name
from peerdesk.storage.models import Base
from peerdesk.storage.vault import keyslots
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF


def test_head_constant_matches_the_scripts() -> None:
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == migrate.HEAD_REVISION


def test_upgrade_from_empty_and_models_match(tmp_path: Path) -> None:
    paths = VaultPaths(tmp_path)
    made = keyslots.create(paths, "a long enough passphrase", kdf=TEST_KDF)
    engine = open_engine(paths.db, made.data_key)
    assert migrate.current_revision(engine) is None
    assert migrate.upgrade(engine, db_path=paths.db, backup_folder=tmp_path / "b") is None
    assert migrate.current_revision(engine) == migrate.HEAD_REVISION
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []
    assert "psw" in inspect(engine).get_table_names()
    engine.dispose()


def test_pending_upgrade_backs_up_first(tmp_path: Path) -> None:
    paths = VaultPaths(tmp_path / "v")
    made = vault_service.create(
        paths, organisation="Org", passphrase="a long enough passphrase", kdf=TEST_KDF
    )
    made.workspace.close()
    key = keyslots.unlock(paths, "a long enough passphrase")
    engine = open_engine(paths.db, key)
    with engine.begin() as conn:  # pretend this vault was made by an older PeerDesk
        conn.execute(text("UPDATE alembic_version SET version_num = '0000'"))
    # Revision '0000' is unknown to the scripts, so only test the copy step and its name.
    backup = migrate._copy_aside(engine, paths.db, tmp_path / "backups", "0000")
    assert backup.name.endswith("-before-upgrade-from-0000")
    made_backup = backups.list_backups(tmp_path / "backups")
    assert [(b.path, b.revision, b.verified) for b in made_backup] == [(backup, "0000", True)]
    assert migrate.is_pending(engine)
    engine.dispose()


def test_alembic_not_imported_when_nothing_is_pending(tmp_path: Path) -> None:
    import subprocess
    import sys

    paths = VaultPaths(tmp_path / "v")
    made = vault_service.create(
        paths, organisation="Org", passphrase="a long enough passphrase", kdf=TEST_KDF
    )
    made.workspace.close()
    code = (
        "import sys\n"
        "from peerdesk.services import vault_service\n"
        "from pathlib import Path\nfrom peerdesk.storage.vault.files import VaultPaths\n"
        f"folder = Path({str(paths.folder)!r})\n"
        "ws = vault_service.unlock(VaultPaths(folder), 'a long enough passphrase')\n"
        "print(any(m.startswith('alembic') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
