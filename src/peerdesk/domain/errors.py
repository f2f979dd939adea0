"""Errors PeerDesk raises on purpose: each carries a plain-English message for the coordinator."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class PeerDeskError(Exception):
    """Base class: ``str(error)`` is a message a coordinator can read."""


class StorageUnavailable(PeerDeskError):
    """The environment failed: disk full, read-only or missing folder, locked or damaged file."""


class VaultMissing(StorageUnavailable):
    """The data folder or the vault inside it cannot be found."""


class VaultDamaged(StorageUnavailable):
    """The key opened but the database (or key header) will not: never a wrong passphrase."""


class VaultAlreadyExists(PeerDeskError):
    """Refusing to create a vault where one (or any other file) already is."""


class WrongPassphrase(PeerDeskError):
    """No key slot opened with what was typed. Deliberately says nothing more."""


class RecoveryKeyTypo(PeerDeskError):
    """A recovery key whose check characters do not match: a typo, not a wrong key."""

    def __init__(self, message: str, *, group: int | None = None) -> None:
        super().__init__(message)
        self.group = group


class NotFound(PeerDeskError):
    """The record asked for is not in the vault (perhaps removed by an undo)."""


class StaleEdit(PeerDeskError):
    """The record changed since the form loaded it."""


@dataclass(frozen=True)
class Problem:
    """One validation finding. ``blocking`` problems stop a save; others are warnings."""

    field: str
    message: str
    blocking: bool = True


class ValidationFailed(PeerDeskError):
    """A save was refused; ``problems`` says why, field by field."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(p.message for p in self.problems if p.blocking))
