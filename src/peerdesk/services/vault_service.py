"""Setting up, unlocking and re-keying the vault; hands back a ready ``Workspace``."""

from __future__ import annotations

from dataclasses import dataclass

from peerdesk.domain.errors import Problem, ValidationFailed, VaultAlreadyExists
from peerdesk.domain.passphrase import problems as passphrase_problems
from peerdesk.domain.taxonomy_defaults import default_items
from peerdesk.domain.text import SHORT_TEXT_MAX, tidy_line
from peerdesk.services import login
from peerdesk.storage import audit_log, list_items, migrate, settings_store
from peerdesk.storage.engine import make_sessions, open_engine
from peerdesk.storage.vault import keyslots, user_slots
from peerdesk.storage.vault.files import VaultPaths, VaultState, inspect
from peerdesk.storage.vault.keyslots import DEFAULT_KDF, KdfParams
from peerdesk.storage.workspace import Workspace

ORGANISATION = "organisation_name"
DEMO = "demo"


@dataclass(frozen=True)
class NewVault:
    workspace: Workspace
    recovery_key: str
    """Shown once for the coordinator to write down; never stored in clear."""


def state(paths: VaultPaths, *, may_create_folder: bool) -> VaultState:
    """NEEDS_SETUP or READY; raises StorageUnavailable (with the specific reason) otherwise."""
    return inspect(paths, may_create_folder=may_create_folder)


def setup_problems(organisation: str, passphrase: str, repeat: str) -> list[Problem]:
    found = []
    name = tidy_line(organisation)
    if not name:
        found.append(Problem("organisation", "Enter your organisation's name."))
    elif len(name) > SHORT_TEXT_MAX:
        found.append(
            Problem(
                "organisation", f"The organisation name can be at most {SHORT_TEXT_MAX} characters."
            )
        )
    found += [Problem("passphrase", m) for m in passphrase_problems(passphrase, repeat)]
    return found


def create(
    paths: VaultPaths,
    *,
    organisation: str,
    passphrase: str,
    kdf: KdfParams = DEFAULT_KDF,
    demo: bool = False,
) -> NewVault:
    """Make a new vault: key header, encrypted database, schema, starting lists, settings."""
    problems = setup_problems(organisation, passphrase, passphrase)
    if problems:
        raise ValidationFailed(problems)
    if inspect(paths, may_create_folder=True) is not VaultState.NEEDS_SETUP:
        raise VaultAlreadyExists(
            f"There is already a vault in {paths.folder}; it was left untouched."
        )
    made = keyslots.create(paths, passphrase, kdf=kdf)
    try:
        workspace = _open(paths, made.data_key)
    finally:
        keyslots.wipe(made.data_key)
    with workspace.transaction() as s:
        list_items.add_items(s, default_items())
        settings_store.write(s, ORGANISATION, tidy_line(organisation))
        if demo:
            settings_store.write(s, DEMO, "1")
    return NewVault(workspace, made.recovery_key)


def unlock(paths: VaultPaths, passphrase: str) -> Workspace:
    """Open with any user's passphrase; the workspace's user is whoever's slot opened it
    (``login.viewer_for`` makes the Viewer). WrongPassphrase, NotSignedIn (a removed user's
    slot), VaultDamaged or StorageUnavailable otherwise."""
    opened = user_slots.unlock_slot(paths, passphrase)
    try:
        workspace = _open(paths, opened.data_key)
    finally:
        keyslots.wipe(opened.data_key)
    try:
        login.sign_in(workspace, opened.slot_id)
    except BaseException:
        workspace.close()
        raise
    with workspace.audit_only() as s:
        audit_log.record(s, "unlock")
    return workspace


def unlock_with_recovery_key(
    paths: VaultPaths, recovery_key: str, new_passphrase: str
) -> Workspace:
    """Open with the written-down recovery key and set a new passphrase in the same step.

    Without users the one passphrase slot is reset; with users, the longest-standing active
    coordinator's (``login.recovery_slot``). A passphrase another user has is refused."""
    data_key = keyslots.unlock_with_recovery(paths, recovery_key)
    try:
        workspace = _open(paths, data_key)
        try:
            slot = login.recovery_slot(workspace) or user_slots.owner_slot(paths)
        finally:
            workspace.close()
        user_slots.reset_slot(paths, slot, data_key, new_passphrase)
    finally:
        keyslots.wipe(data_key)
    return unlock(paths, new_passphrase)


def change_passphrase(
    paths: VaultPaths, old: str, new: str, repeat: str, *, slot: str | None = None
) -> None:
    """Rewrite one passphrase slot only (``slot``: the signed-in user's; None without users:
    the slot ``old`` opens). The data is never re-encrypted."""
    problems = passphrase_problems(new, repeat)
    if problems:
        raise ValidationFailed([Problem("passphrase", m) for m in problems])
    if slot is None:
        keyslots.change_passphrase(paths, old, new)
    else:
        user_slots.change_slot(paths, slot, old, new)


def open_with_key(paths: VaultPaths, key: bytearray) -> Workspace:
    """Open (and migrate, backing up first) with a data key already proved, e.g. a restore's."""
    return _open(paths, key)


def _open(paths: VaultPaths, key: bytearray) -> Workspace:
    engine = open_engine(paths.db, key)
    migrate.upgrade(engine, db_path=paths.db, backup_folder=paths.folder / "backups")
    return Workspace(paths, make_sessions(engine))
