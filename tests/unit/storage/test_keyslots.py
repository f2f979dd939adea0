"""Key slots: the right secret opens the vault, nothing else does, and nothing is ever clobbered."""

from __future__ import annotations

import base64
import json
import os
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from peerdesk.domain.errors import (
    RecoveryKeyTypo,
    ValidationFailed,
    VaultAlreadyExists,
    VaultDamaged,
    WrongPassphrase,
)
from peerdesk.storage.vault import keyslots, user_slots
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import DEFAULT_KDF, TEST_KDF, KdfParams, NewVault

PASSPHRASE = "correct horse battery staple"
NEW_PASSPHRASE = "purple elephant kettle drum"


@pytest.fixture
def paths(tmp_path: Path) -> VaultPaths:
    return VaultPaths(tmp_path)


@pytest.fixture
def made(paths: VaultPaths) -> NewVault:
    return keyslots.create(paths, PASSPHRASE, kdf=TEST_KDF)


def _header(paths: VaultPaths) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(paths.header.read_bytes())
    return document


def _slot(document: dict[str, Any], kind: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [s for s in document["slots"] if s["kind"] == kind]
    assert len(found) == 1
    return found[0]


def _files(paths: VaultPaths) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(paths.folder.iterdir())}


def test_create_then_unlock_gives_the_same_data_key(paths: VaultPaths, made: NewVault) -> None:
    assert len(made.data_key) == 32
    assert keyslots.unlock(paths, PASSPHRASE) == made.data_key
    assert sorted(_files(paths)) == ["peerdesk.keys", "peerdesk.vault"]
    assert paths.db.stat().st_size > 0


def test_new_vault_does_not_show_its_secrets_in_repr(made: NewVault) -> None:
    assert made.recovery_key not in repr(made)
    assert made.data_key.hex() not in repr(made)


def test_wrong_passphrase_is_refused_and_changes_nothing(paths: VaultPaths, made: NewVault) -> None:
    before = _files(paths)
    with pytest.raises(WrongPassphrase) as caught:
        keyslots.unlock(paths, PASSPHRASE.upper())
    assert str(caught.value) == (
        "That passphrase did not open this vault. Check Caps Lock and try again."
    )
    assert _files(paths) == before


def test_recovery_key_unlocks_and_resets_the_passphrase(paths: VaultPaths, made: NewVault) -> None:
    typed = made.recovery_key.lower().replace("-", " ")
    assert keyslots.unlock_with_recovery(paths, typed) == made.data_key
    db_before = paths.db.read_bytes()
    key = keyslots.unlock_with_recovery(paths, typed)  # as vault_service does, then one slot
    user_slots.reset_slot(paths, user_slots.owner_slot(paths), key, NEW_PASSPHRASE)
    assert keyslots.unlock(paths, NEW_PASSPHRASE) == made.data_key
    with pytest.raises(WrongPassphrase):
        keyslots.unlock(paths, PASSPHRASE)
    assert keyslots.unlock_with_recovery(paths, made.recovery_key) == made.data_key
    assert paths.db.read_bytes() == db_before


def test_recovery_key_of_another_vault_is_refused(tmp_path: Path) -> None:
    first = VaultPaths(tmp_path / "one")
    second = VaultPaths(tmp_path / "two")
    first.folder.mkdir()
    second.folder.mkdir()
    keyslots.create(first, PASSPHRASE, kdf=TEST_KDF)
    other = keyslots.create(second, PASSPHRASE, kdf=TEST_KDF)
    with pytest.raises(WrongPassphrase, match="recovery key did not open"):
        keyslots.unlock_with_recovery(first, other.recovery_key)


def test_recovery_key_typo_is_reported_before_any_key_work(
    paths: VaultPaths, made: NewVault
) -> None:
    groups = made.recovery_key.split("-")
    groups[2] = groups[2][:4] + ("0" if groups[2][4] != "0" else "1")
    with pytest.raises(RecoveryKeyTypo) as caught:
        keyslots.unlock_with_recovery(paths, "-".join(groups))
    assert caught.value.group == 3


def test_change_passphrase_rewrites_only_the_passphrase_slot(
    paths: VaultPaths, made: NewVault
) -> None:
    db_before = paths.db.read_bytes()
    header_before = _header(paths)
    keyslots.change_passphrase(paths, PASSPHRASE, NEW_PASSPHRASE)
    header_after = _header(paths)

    assert keyslots.unlock(paths, NEW_PASSPHRASE) == made.data_key
    with pytest.raises(WrongPassphrase):
        keyslots.unlock(paths, PASSPHRASE)
    assert paths.db.read_bytes() == db_before

    old_slot = _slot(header_before, "passphrase")
    new_slot = _slot(header_after, "passphrase")
    assert new_slot["id"] == old_slot["id"]
    assert new_slot["kdf"]["salt"] != old_slot["kdf"]["salt"]
    assert new_slot["nonce"] != old_slot["nonce"]
    assert new_slot["wrapped"] != old_slot["wrapped"]
    # The new slot keeps the old slot's cost parameters when none are given.
    assert {k: v for k, v in new_slot["kdf"].items() if k != "salt"} == {
        k: v for k, v in old_slot["kdf"].items() if k != "salt"
    }
    assert _slot(header_after, "recovery") == _slot(header_before, "recovery")
    rest = {k: v for k, v in header_after.items() if k != "slots"}
    assert rest == {k: v for k, v in header_before.items() if k != "slots"}
    assert sorted(_files(paths)) == ["peerdesk.keys", "peerdesk.vault"]


def test_change_passphrase_with_the_wrong_old_one_changes_nothing(
    paths: VaultPaths, made: NewVault
) -> None:
    before = _files(paths)
    with pytest.raises(WrongPassphrase):
        keyslots.change_passphrase(paths, "not the passphrase", NEW_PASSPHRASE)
    assert _files(paths) == before


def test_change_passphrase_can_raise_the_cost(paths: VaultPaths, made: NewVault) -> None:
    stronger = KdfParams(memory_kib=16384, iterations=2, parallelism=2)
    keyslots.change_passphrase(paths, PASSPHRASE, NEW_PASSPHRASE, kdf=stronger)
    kdf = _slot(_header(paths), "passphrase")["kdf"]
    assert (kdf["memory_kib"], kdf["iterations"], kdf["parallelism"]) == (16384, 2, 2)
    assert keyslots.unlock(paths, NEW_PASSPHRASE) == made.data_key


def test_a_too_short_new_passphrase_is_refused(paths: VaultPaths, made: NewVault) -> None:
    before = _files(paths)
    with pytest.raises(ValidationFailed, match="at least 10 characters"):
        keyslots.change_passphrase(paths, PASSPHRASE, "short")
    assert _files(paths) == before


def test_each_slot_stores_its_own_salt_nonce_and_parameters(
    paths: VaultPaths, made: NewVault
) -> None:
    document = _header(paths)
    assert document["format"] == "peerdesk-keys"
    assert document["version"] == 1
    passphrase, recovery = _slot(document, "passphrase"), _slot(document, "recovery")
    for slot in (passphrase, recovery):
        assert slot["kdf"]["name"] == "argon2id"
        assert slot["kdf"]["memory_kib"] == TEST_KDF.memory_kib
        assert slot["kdf"]["iterations"] == TEST_KDF.iterations
        assert slot["kdf"]["parallelism"] == TEST_KDF.parallelism
        assert len(base64.b64decode(slot["kdf"]["salt"])) >= 16
        assert len(base64.b64decode(slot["nonce"])) == 12
        assert len(base64.b64decode(slot["wrapped"])) == 48
    assert passphrase["kdf"]["salt"] != recovery["kdf"]["salt"]
    assert passphrase["nonce"] != recovery["nonce"]
    assert passphrase["id"] != recovery["id"]


def test_default_parameters_are_strong_and_recorded(paths: VaultPaths) -> None:
    # The one test that pays for the real cost, so a header records what was actually used.
    assert DEFAULT_KDF.memory_kib >= 64 * 1024
    assert DEFAULT_KDF.iterations >= 3
    keyslots.create(paths, PASSPHRASE)
    for slot in _header(paths)["slots"]:
        assert slot["kdf"]["memory_kib"] == DEFAULT_KDF.memory_kib
        assert slot["kdf"]["iterations"] == DEFAULT_KDF.iterations
        assert slot["kdf"]["parallelism"] == DEFAULT_KDF.parallelism


def _tamper(paths: VaultPaths, change: Any) -> None:
    document = _header(paths)
    change(document)
    paths.header.write_text(json.dumps(document))


def test_a_flipped_bit_in_the_wrapped_key_refuses(paths: VaultPaths, made: NewVault) -> None:
    def flip(document: dict[str, Any]) -> None:
        slot = _slot(document, "passphrase")
        wrapped = bytearray(base64.b64decode(slot["wrapped"]))
        wrapped[5] ^= 0x01
        slot["wrapped"] = base64.b64encode(wrapped).decode()

    _tamper(paths, flip)
    with pytest.raises(WrongPassphrase):
        keyslots.unlock(paths, PASSPHRASE)


def test_a_changed_vault_id_refuses(paths: VaultPaths, made: NewVault) -> None:
    def swap_id(document: dict[str, Any]) -> None:
        document["vault_id"] = os.urandom(16).hex()

    _tamper(paths, swap_id)
    with pytest.raises(WrongPassphrase):
        keyslots.unlock(paths, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        keyslots.unlock_with_recovery(paths, made.recovery_key)


def test_a_slot_copied_from_another_vault_refuses(tmp_path: Path) -> None:
    first = VaultPaths(tmp_path / "one")
    second = VaultPaths(tmp_path / "two")
    first.folder.mkdir()
    second.folder.mkdir()
    keyslots.create(first, PASSPHRASE, kdf=TEST_KDF)
    keyslots.create(second, "another long passphrase", kdf=TEST_KDF)
    stolen = _slot(_header(second), "passphrase")

    def paste(document: dict[str, Any]) -> None:
        document["slots"] = [stolen if s["kind"] == "passphrase" else s for s in document["slots"]]

    _tamper(first, paste)
    with pytest.raises(WrongPassphrase):
        keyslots.unlock(first, "another long passphrase")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"\xff\xfe\x00",
        b"[]",
        b'{"format": "peerdesk-keys", "version": 1}',
        b'{"format": "something-else", "version": 1, "vault_id": "x", "slots": []}',
    ],
)
def test_a_header_that_is_not_one_of_ours_is_damaged(
    paths: VaultPaths, made: NewVault, content: bytes
) -> None:
    paths.header.write_bytes(content)
    with pytest.raises(VaultDamaged, match=r"key file .* is damaged"):
        keyslots.unlock(paths, PASSPHRASE)
    assert paths.header.read_bytes() == content


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(version=2),
        lambda d: d.update(slots=d["slots"][:1]),
        lambda d: d["slots"][0]["kdf"].update(memory_kib=2**40),
        lambda d: d["slots"][0]["kdf"].update(iterations=True),
        lambda d: d["slots"][0]["kdf"].update(name="scrypt"),
        lambda d: d["slots"][0].update(nonce="!!!"),
        lambda d: d["slots"][1].update(id=d["slots"][0]["id"]),
    ],
)
def test_a_header_with_the_wrong_structure_is_damaged(
    paths: VaultPaths, made: NewVault, change: Any
) -> None:
    _tamper(paths, change)
    with pytest.raises(VaultDamaged):
        keyslots.unlock(paths, PASSPHRASE)


@pytest.mark.parametrize("existing", ["db", "header"])
def test_create_refuses_over_an_empty_file(tmp_path: Path, existing: str) -> None:
    paths = VaultPaths(tmp_path)
    getattr(paths, existing).write_bytes(b"")
    before = _files(paths)
    with pytest.raises(VaultAlreadyExists):
        keyslots.create(paths, PASSPHRASE, kdf=TEST_KDF)
    assert _files(paths) == before


def test_create_refuses_over_a_random_file(tmp_path: Path) -> None:
    paths = VaultPaths(tmp_path)
    paths.db.write_bytes(os.urandom(8192))
    before = _files(paths)
    with pytest.raises(VaultAlreadyExists):
        keyslots.create(paths, PASSPHRASE, kdf=TEST_KDF)
    assert _files(paths) == before


def test_create_refuses_over_an_existing_vault(paths: VaultPaths, made: NewVault) -> None:
    before = _files(paths)
    with pytest.raises(VaultAlreadyExists):
        keyslots.create(paths, NEW_PASSPHRASE, kdf=TEST_KDF)
    assert _files(paths) == before
    assert keyslots.unlock(paths, PASSPHRASE) == made.data_key


def test_failed_database_creation_removes_the_new_header(
    paths: VaultPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(db_path: Path, key: bytearray) -> None:
        raise OSError("simulated")

    monkeypatch.setattr(keyslots, "create_empty_database", broken)
    with pytest.raises(OSError, match="simulated"):
        keyslots.create(paths, PASSPHRASE, kdf=TEST_KDF)
    assert _files(paths) == {}


def test_nfc_and_nfd_spellings_of_a_passphrase_both_unlock(paths: VaultPaths) -> None:
    nfc = unicodedata.normalize("NFC", "Zoë's long passphrase")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    made = keyslots.create(paths, nfd, kdf=TEST_KDF)
    assert keyslots.unlock(paths, nfc) == made.data_key
    assert keyslots.unlock(paths, nfd) == made.data_key


def test_wipe_zeroes_in_place() -> None:
    buffer = bytearray(b"secret key material")
    view = buffer
    keyslots.wipe(buffer)
    assert view == bytearray(len(b"secret key material"))
