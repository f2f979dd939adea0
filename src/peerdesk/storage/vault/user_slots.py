"""Several passphrase slots in one key header, one per user, each wrapping the same data key."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from peerdesk.domain.errors import PeerDeskError, WrongPassphrase
from peerdesk.storage.engine import engine_key
from peerdesk.storage.vault.files import VaultPaths, write_atomic
from peerdesk.storage.vault.keyslots import (
    PASSPHRASE,
    WRONG_PASSPHRASE,
    _check_new_passphrase,
    _dump,
    _Header,
    _load,
    _open_any,
    _passphrase_secret,
    _replace_passphrase_slot,
    _seal,
    _Slot,
    wipe,
)
from peerdesk.storage.workspace import Workspace

PASSPHRASE_TAKEN = (
    "That passphrase already opens this vault for someone else. Each person needs a passphrase "
    "of their own: choose another."
)
LAST_SLOT = "The vault's last passphrase cannot be removed: nobody could open it afterwards."


class SlotRefused(PeerDeskError):
    """A slot change that would leave the header unusable or shared; nothing was written."""


@dataclass(frozen=True)
class Opened:
    """The data key (wipe it after use) and the id of the passphrase slot that opened it."""

    data_key: bytearray = field(repr=False)
    slot_id: str


def unlock_slot(paths: VaultPaths, passphrase: str) -> Opened:
    """Try every passphrase slot (one Argon2 run each); ``WrongPassphrase`` if none opens."""
    opened = _open_any(_load(paths), passphrase)
    if opened is None:
        raise WrongPassphrase(WRONG_PASSPHRASE)
    key, slot = opened
    return Opened(key, slot.id)


def owner_slot(paths: VaultPaths) -> str:
    """The vault owner's slot: the first passphrase slot, made at set-up (recovery resets it)."""
    return _load(paths).only(PASSPHRASE).id


def passphrase_slots(paths: VaultPaths) -> tuple[str, ...]:
    """Every passphrase slot's id, the owner's first."""
    return tuple(slot.id for slot in _load(paths).slots if slot.kind == PASSPHRASE)


def open_data_key(workspace: Workspace) -> bytearray:
    """A copy of the open vault's data key, to wrap in a new slot (wipe it after use)."""
    bind = workspace.sessions.kw.get("bind")
    key = engine_key(bind) if bind is not None else None
    if key is None or not any(key):
        raise SlotRefused("The vault is closed, so no passphrase can be added or reset now.")
    return bytearray(key)


def add_slot(paths: VaultPaths, data_key: bytearray, passphrase: str) -> str:
    """Wrap ``data_key`` under a new passphrase in a new slot; returns the new slot's id.

    Refuses a passphrase that already opens another slot (``SlotRefused``), since unlocking
    must say whose slot opened. The new slot copies the owner slot's Argon2 settings.
    """
    _check_new_passphrase(passphrase)
    header = _load(paths)
    _refuse_taken(header, passphrase)
    sealed = _seal(
        header.vault_id,
        PASSPHRASE,
        _passphrase_secret(passphrase),
        data_key,
        header.only(PASSPHRASE).kdf,
    )
    document = dict(header.document)
    document["slots"] = [*document["slots"], sealed]
    write_atomic(paths.header, _dump(document))
    return str(sealed["id"])


def remove_slot(paths: VaultPaths, slot_id: str) -> None:
    """Remove one passphrase slot (never the last, never the recovery slot)."""
    header = _load(paths)
    slot = _find(header, slot_id)
    if sum(s.kind == PASSPHRASE for s in header.slots) <= 1:
        raise SlotRefused(LAST_SLOT)
    document = dict(header.document)
    slots = list(document["slots"])
    del slots[slot.index]
    document["slots"] = slots
    write_atomic(paths.header, _dump(document))


def change_slot(paths: VaultPaths, slot_id: str, old: str, new: str) -> None:
    """Rewrap only ``slot_id`` under ``new``; ``old`` must open that very slot."""
    _check_new_passphrase(new)
    header = _load(paths)
    slot = _find(header, slot_id)
    opened = _open_any(_only(header, slot), old)
    if opened is None:
        raise WrongPassphrase(WRONG_PASSPHRASE)
    data_key, _ = opened
    try:
        _refuse_taken(header, new, besides=slot_id)
        _replace_passphrase_slot(paths, header, new, data_key, slot.kdf, slot)
    finally:
        wipe(data_key)


def confirm(paths: VaultPaths, slot_id: str, passphrase: str) -> None:
    """``WrongPassphrase`` unless ``passphrase`` opens ``slot_id`` itself (not anyone's slot)."""
    header = _load(paths)
    opened = _open_any(_only(header, _find(header, slot_id)), passphrase)
    if opened is None:
        raise WrongPassphrase(WRONG_PASSPHRASE)
    wipe(opened[0])


def reset_slot(paths: VaultPaths, slot_id: str, data_key: bytearray, new: str) -> None:
    """Give ``slot_id`` a new passphrase using the open data key (a coordinator resetting
    someone who forgot theirs); only that slot is rewritten."""
    _check_new_passphrase(new)
    header = _load(paths)
    slot = _find(header, slot_id)
    _refuse_taken(header, new, besides=slot_id)
    _replace_passphrase_slot(paths, header, new, data_key, slot.kdf, slot)


def refuse_taken(paths: VaultPaths, passphrase: str, *, besides: str) -> None:
    """``SlotRefused`` if ``passphrase`` opens a passphrase slot other than ``besides``."""
    _refuse_taken(_load(paths), passphrase, besides=besides)


def _find(header: _Header, slot_id: str) -> _Slot:
    for slot in header.slots:
        if slot.id == slot_id and slot.kind == PASSPHRASE:
            return slot
    raise SlotRefused("That person's key slot is not in the key file: it may have been removed.")


def _only(header: _Header, slot: _Slot) -> _Header:
    return _Header(document=header.document, vault_id=header.vault_id, slots=(slot,))


def _refuse_taken(header: _Header, passphrase: str, *, besides: str = "") -> None:
    others = tuple(s for s in header.slots if s.kind == PASSPHRASE and s.id != besides)
    found = _open_any(_Header(header.document, header.vault_id, others), passphrase)
    if found is not None:
        wipe(found[0])
        raise SlotRefused(PASSPHRASE_TAKEN)


def slot_document(paths: VaultPaths, slot_id: str) -> dict[str, Any]:
    """One slot exactly as stored (tests compare slots before and after a change)."""
    header = _load(paths)
    return dict(header.document["slots"][_find(header, slot_id).index])
