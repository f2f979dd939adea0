"""The key header beside the vault: a random data key wrapped once per key slot.

Each slot wraps the same 256-bit data key with AES-GCM under a key derived by Argon2id from a
passphrase or the recovery key, so changing the passphrase rewrites one small slot and never
re-encrypts the database. The data key is held in ``bytearray`` objects that are wiped after
use; Python cannot promise no other copy exists, but we avoid making them.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import os
import secrets
from dataclasses import dataclass, field
from typing import Any

from argon2.exceptions import HashingError
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from peerdesk.domain.errors import (
    Problem,
    StorageUnavailable,
    ValidationFailed,
    VaultAlreadyExists,
    VaultDamaged,
    VaultMissing,
    WrongPassphrase,
)
from peerdesk.domain.passphrase import normalise, problems
from peerdesk.storage.engine import KEY_BYTES, create_empty_database
from peerdesk.storage.vault.files import VaultPaths, write_atomic
from peerdesk.storage.vault.recovery_key import generate as generate_recovery_key
from peerdesk.storage.vault.recovery_key import secret as recovery_secret

FORMAT = "peerdesk-keys"
VERSION = 1
PASSPHRASE = "passphrase"
RECOVERY = "recovery"

_AAD_LABEL = "peerdesk-keyslot-1"
SALT_BYTES = 16
NONCE_BYTES = 12
TAG_BYTES = 16
_MAX_HEADER_BYTES = 1 << 20
# Bounds on parameters read from a header, so a tampered file cannot demand 1 TiB of memory.
_MAX_MEMORY_KIB = 4 * 1024 * 1024
_MAX_ITERATIONS = 64
_MAX_PARALLELISM = 64

WRONG_PASSPHRASE = "That passphrase did not open this vault. Check Caps Lock and try again."
WRONG_RECOVERY_KEY = (
    "That recovery key did not open this vault. Check you are using the key written down when "
    "this vault was set up."
)


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters; every slot records its own, so they can rise over time."""

    memory_kib: int = 65536
    iterations: int = 3
    parallelism: int = 4


DEFAULT_KDF = KdfParams()
# For tests only: fast enough to run hundreds of times, far too cheap to protect real data.
TEST_KDF = KdfParams(memory_kib=8192, iterations=1, parallelism=1)


@dataclass(frozen=True)
class NewVault:
    """What ``create`` hands back: the open data key and the recovery key to show once."""

    data_key: bytearray = field(repr=False)
    recovery_key: str = field(repr=False)


@dataclass(frozen=True)
class _Slot:
    index: int
    id: str
    kind: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes


@dataclass(frozen=True)
class _Header:
    document: dict[str, Any]
    vault_id: str
    slots: tuple[_Slot, ...]

    def only(self, kind: str) -> _Slot:
        return next(slot for slot in self.slots if slot.kind == kind)


def create(paths: VaultPaths, passphrase: str, *, kdf: KdfParams = DEFAULT_KDF) -> NewVault:
    """Create the key header and an empty encrypted vault together; refuse if either exists."""
    _refuse_existing(paths)
    _check_new_passphrase(passphrase)
    data_key = bytearray(secrets.token_bytes(KEY_BYTES))
    recovery = generate_recovery_key()
    vault_id = secrets.token_hex(16)
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "vault_id": vault_id,
        "slots": [
            _seal(vault_id, PASSPHRASE, _passphrase_secret(passphrase), data_key, kdf),
            _seal(vault_id, RECOVERY, recovery_secret(recovery), data_key, kdf),
        ],
    }
    _refuse_existing(paths)  # again: the key derivations took a while
    write_atomic(paths.header, _dump(document))
    try:
        create_empty_database(paths.db, data_key)
    except BaseException:
        # Only the header just written goes: without its database it is useless.
        with contextlib.suppress(OSError):
            os.unlink(paths.header)
        wipe(data_key)
        raise
    return NewVault(data_key=data_key, recovery_key=recovery)


def unlock(paths: VaultPaths, passphrase: str) -> bytearray:
    """Return the data key if ``passphrase`` opens a passphrase slot, else ``WrongPassphrase``."""
    opened = _open_any(_load(paths), passphrase)
    if opened is None:
        raise WrongPassphrase(WRONG_PASSPHRASE)
    return opened[0]


def unlock_with_recovery(paths: VaultPaths, recovery_key: str) -> bytearray:
    """Return the data key for a typed recovery key (``RecoveryKeyTypo`` if it has a typo)."""
    secret = recovery_secret(recovery_key)
    header = _load(paths)
    key = _open(header.vault_id, header.only(RECOVERY), secret)
    if key is None:
        raise WrongPassphrase(WRONG_RECOVERY_KEY)
    return key


def change_passphrase(
    paths: VaultPaths, old: str, new: str, *, kdf: KdfParams | None = None
) -> None:
    """Re-wrap the data key under ``new`` in the one slot ``old`` opens; never the vault."""
    _check_new_passphrase(new)
    header = _load(paths)
    opened = _open_any(header, old)
    if opened is None:
        raise WrongPassphrase(WRONG_PASSPHRASE)
    data_key, slot = opened
    try:
        _replace_passphrase_slot(paths, header, new, data_key, kdf or slot.kdf, slot)
    finally:
        wipe(data_key)


def derive_key(secret: bytes, salt: bytes, kdf: KdfParams) -> bytes:
    """Argon2id: the 256-bit key that wraps the data key (public so benchmarks can time it)."""
    try:
        return hash_secret_raw(
            secret=secret,
            salt=salt,
            time_cost=kdf.iterations,
            memory_cost=kdf.memory_kib,
            parallelism=kdf.parallelism,
            hash_len=32,
            type=Type.ID,
        )
    except HashingError as error:
        raise StorageUnavailable(
            "This computer did not have enough free memory to open the vault. Close some other "
            "programs, then try again."
        ) from error


def wipe(buffer: bytearray) -> None:
    """Overwrite ``buffer`` with zeros in place."""
    buffer[:] = bytes(len(buffer))


def _open_any(header: _Header, passphrase: str) -> tuple[bytearray, _Slot] | None:
    """The data key and the passphrase slot ``passphrase`` opens (one Argon2 run per slot)."""
    secret = _passphrase_secret(passphrase)
    for slot in header.slots:
        if slot.kind == PASSPHRASE:
            key = _open(header.vault_id, slot, secret)
            if key is not None:
                return key, slot
    return None


def _replace_passphrase_slot(
    paths: VaultPaths,
    header: _Header,
    passphrase: str,
    data_key: bytearray,
    kdf: KdfParams,
    old: _Slot | None = None,
) -> None:
    """Rewrap one passphrase slot (default: the vault owner's, the first) and nothing else."""
    old = old or header.only(PASSPHRASE)
    # Same slot id, fresh salt and nonce: other slots (and unknown fields) are kept as read.
    sealed = _seal(
        header.vault_id,
        PASSPHRASE,
        _passphrase_secret(passphrase),
        data_key,
        kdf,
        slot_id=old.id,
    )
    document = dict(header.document)
    slots = list(document["slots"])
    slots[old.index] = sealed
    document["slots"] = slots
    write_atomic(paths.header, _dump(document))


def _seal(
    vault_id: str,
    kind: str,
    secret: bytes,
    data_key: bytearray,
    kdf: KdfParams,
    *,
    slot_id: str | None = None,
) -> dict[str, Any]:
    slot_id = slot_id or secrets.token_hex(8)
    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(NONCE_BYTES)
    wrapping_key = derive_key(secret, salt, kdf)
    wrapped = AESGCM(wrapping_key).encrypt(nonce, data_key, _aad(vault_id, slot_id, kind))
    return {
        "id": slot_id,
        "kind": kind,
        "kdf": {
            "name": "argon2id",
            "memory_kib": kdf.memory_kib,
            "iterations": kdf.iterations,
            "parallelism": kdf.parallelism,
            "salt": _b64(salt),
        },
        "nonce": _b64(nonce),
        "wrapped": _b64(wrapped),
    }


def _open(vault_id: str, slot: _Slot, secret: bytes) -> bytearray | None:
    """Return the data key, or None when the GCM tag does not verify (wrong secret)."""
    aead = AESGCM(derive_key(secret, slot.salt, slot.kdf))
    key = bytearray(len(slot.wrapped) - TAG_BYTES)
    aad = _aad(vault_id, slot.id, slot.kind)
    try:
        # decrypt_into writes straight into our bytearray: no immutable copy of the data key.
        decrypt_into = getattr(aead, "decrypt_into", None)
        if decrypt_into is None:  # cryptography older than the one we test with
            key[:] = aead.decrypt(slot.nonce, slot.wrapped, aad)
        else:
            decrypt_into(slot.nonce, slot.wrapped, aad, key)
    except InvalidTag:
        wipe(key)
        return None
    return key


def _aad(vault_id: str, slot_id: str, kind: str) -> bytes:
    # Binding the vault id stops a slot being pasted in from another vault's header. The label
    # is fixed (not the header version) so a later header format can carry old slots unchanged.
    return "\x00".join((_AAD_LABEL, vault_id, slot_id, kind)).encode("utf-8")


def _passphrase_secret(passphrase: str) -> bytes:
    return normalise(passphrase).encode("utf-8")


def _check_new_passphrase(passphrase: str) -> None:
    # The screens check first; this stops a bug elsewhere from creating a trivially weak vault.
    found = problems(passphrase, passphrase)
    if found:
        raise ValidationFailed([Problem("passphrase", message) for message in found])


def _refuse_existing(paths: VaultPaths) -> None:
    for path in (paths.db, paths.header):
        if os.path.lexists(path):
            raise VaultAlreadyExists(
                f"There is already a file at {path}. PeerDesk will not create a new vault over "
                "it: choose an empty folder instead."
            )


def _dump(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, indent=2) + "\n").encode("utf-8")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _load(paths: VaultPaths) -> _Header:
    path = paths.header
    try:
        with open(path, "rb") as stream:
            raw = stream.read(_MAX_HEADER_BYTES + 1)
    except FileNotFoundError as error:
        raise VaultMissing(
            f"The key file {path} is missing, so the vault cannot be opened. Restore it from "
            "your latest backup."
        ) from error
    except OSError as error:
        raise StorageUnavailable(
            f"PeerDesk could not read the key file {path} ({error.strerror}). Check the drive "
            "is plugged in, then try again."
        ) from error
    try:
        if len(raw) > _MAX_HEADER_BYTES:
            raise ValueError("it is far too large")
        return _parse(json.loads(raw.decode("utf-8")))
    # RecursionError: JSON nested thousands deep (a garbled file), which json gives up on
    except (ValueError, KeyError, TypeError, binascii.Error, RecursionError) as error:
        detail = str(error) if isinstance(error, _HeaderError) else "it is not readable"
        raise VaultDamaged(
            f"The key file {path} is damaged ({detail}), so the vault cannot be opened. "
            "PeerDesk has not changed anything. Restore the key file from your latest backup."
        ) from error


class _HeaderError(ValueError):
    """A header that parsed as JSON but is not one PeerDesk wrote."""


def _parse(document: Any) -> _Header:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _HeaderError("it is not a PeerDesk key file")
    version = document.get("version")
    if version != VERSION or isinstance(version, bool):
        raise _HeaderError(
            f"it has format version {version!r}, which this PeerDesk does not know; a newer "
            "PeerDesk may open it"
        )
    vault_id = document.get("vault_id")
    raw_slots = document.get("slots")
    if not isinstance(vault_id, str) or not vault_id or not isinstance(raw_slots, list):
        raise _HeaderError("its vault id or key slots are missing")
    slots = tuple(_parse_slot(index, raw) for index, raw in enumerate(raw_slots))
    if len({slot.id for slot in slots}) != len(slots):
        raise _HeaderError("two key slots share an id")
    if sum(slot.kind == RECOVERY for slot in slots) != 1:
        raise _HeaderError("it should have exactly one recovery slot")
    if not any(slot.kind == PASSPHRASE for slot in slots):
        raise _HeaderError("it has no passphrase slot")
    return _Header(document=document, vault_id=vault_id, slots=slots)


def _parse_slot(index: int, raw: Any) -> _Slot:
    if not isinstance(raw, dict) or not isinstance(raw.get("kdf"), dict):
        raise _HeaderError(f"key slot {index + 1} is malformed")
    kdf_raw = raw["kdf"]
    if kdf_raw.get("name") != "argon2id":
        raise _HeaderError(f"key slot {index + 1} uses an unknown key derivation")
    kdf = KdfParams(
        memory_kib=_int(kdf_raw, "memory_kib", 8, _MAX_MEMORY_KIB),
        iterations=_int(kdf_raw, "iterations", 1, _MAX_ITERATIONS),
        parallelism=_int(kdf_raw, "parallelism", 1, _MAX_PARALLELISM),
    )
    if kdf.memory_kib < 8 * kdf.parallelism:
        raise _HeaderError(f"key slot {index + 1} has impossible Argon2 settings")
    slot_id, kind = raw.get("id"), raw.get("kind")
    if not isinstance(slot_id, str) or not slot_id or not isinstance(kind, str) or not kind:
        raise _HeaderError(f"key slot {index + 1} has no id or kind")
    salt = _bytes(kdf_raw, "salt")
    nonce = _bytes(raw, "nonce")
    wrapped = _bytes(raw, "wrapped")
    if len(salt) < SALT_BYTES or len(nonce) != NONCE_BYTES or len(wrapped) != KEY_BYTES + TAG_BYTES:
        raise _HeaderError(f"key slot {index + 1} has the wrong sizes")
    return _Slot(index, slot_id, kind, kdf, salt, nonce, wrapped)


def _int(raw: dict[str, Any], name: str, low: int, high: int) -> int:
    value = raw.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise _HeaderError(f"the Argon2 setting {name} is out of range")
    return value


def _bytes(raw: dict[str, Any], name: str) -> bytes:
    value = raw.get(name)
    if not isinstance(value, str):
        raise _HeaderError(f"{name} is missing")
    return base64.b64decode(value.encode("ascii"), validate=True)
