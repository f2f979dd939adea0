"""Passphrase changes killed at random moments always leave a header that opens the vault."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from peerdesk.domain.errors import WrongPassphrase
from peerdesk.storage.engine import close_engine, open_engine
from peerdesk.storage.vault import keyslots
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF

FIRST = "correct horse battery staple"
SECOND = "purple elephant kettle drum"
KILLS = 20
SEED = 20261123

# Changes the passphrase back and forth for ever; "ready" once imported, "." after each change.
_CHANGER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from peerdesk.domain.errors import WrongPassphrase
    from peerdesk.storage.vault import keyslots
    from peerdesk.storage.vault.files import VaultPaths

    paths = VaultPaths(Path(sys.argv[1]))
    first, second = sys.argv[2], sys.argv[3]
    print("ready", flush=True)
    while True:
        try:
            keyslots.change_passphrase(paths, first, second)
        except WrongPassphrase:
            keyslots.change_passphrase(paths, second, first)
        print(".", end="", flush=True)
    """
)


def _opens_with(paths: VaultPaths) -> list[str]:
    """Which of the two passphrases open the header now (a working header: exactly one)."""
    opened: list[str] = []
    for passphrase in (FIRST, SECOND):
        try:
            key = keyslots.unlock(paths, passphrase)
        except WrongPassphrase:
            continue
        keyslots.wipe(key)
        opened.append(passphrase)
    return opened


def _kill_mid_change(paths: VaultPaths, wait: float) -> int:
    """Run the changer, SIGKILL it after ``wait`` seconds of changing; return changes made."""
    process = subprocess.Popen(
        [sys.executable, "-c", _CHANGER, str(paths.folder), FIRST, SECOND],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    try:
        assert process.stdout.readline().strip() == "ready"
        time.sleep(wait)
        process.send_signal(signal.SIGKILL)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == -signal.SIGKILL, err  # it was killed, it did not fail first
    return out.count(".")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_kill_mid_header_write_leaves_a_working_header(tmp_path: Path) -> None:
    paths = VaultPaths(tmp_path)
    made = keyslots.create(paths, FIRST, kdf=TEST_KDF)
    data_key = bytes(made.data_key)
    db_before = paths.db.read_bytes()
    rng = random.Random(SEED)
    changes = 0

    for _ in range(KILLS):
        changes += _kill_mid_change(paths, rng.uniform(0.0, 0.25))

        opened = _opens_with(paths)
        assert len(opened) == 1, opened
        assert keyslots.unlock(paths, opened[0]) == data_key
        assert keyslots.unlock_with_recovery(paths, made.recovery_key) == data_key
        assert paths.db.read_bytes() == db_before  # only the header is ever rewritten

    assert changes > KILLS  # the kills did land among changes, not before the first one
    # A temporary file a kill left behind breaks neither the next change nor opening the vault.
    current = _opens_with(paths)[0]
    other = SECOND if current == FIRST else FIRST
    keyslots.change_passphrase(paths, current, other)
    key = keyslots.unlock(paths, other)
    engine = open_engine(paths.db, key)
    close_engine(engine)
    leftovers = [p.name for p in paths.folder.iterdir() if p.name.endswith(".tmp")]
    assert all(name.startswith(".peerdesk.keys.") for name in leftovers), leftovers


def test_the_vault_itself_opens_after_a_change_and_not_with_the_old_passphrase(
    tmp_path: Path,
) -> None:
    paths = VaultPaths(tmp_path)
    made = keyslots.create(paths, FIRST, kdf=TEST_KDF)
    keyslots.wipe(made.data_key)
    db_before = paths.db.read_bytes()
    keyslots.change_passphrase(paths, FIRST, SECOND)

    with pytest.raises(WrongPassphrase):
        keyslots.unlock(paths, FIRST)
    close_engine(open_engine(paths.db, keyslots.unlock(paths, SECOND)))
    close_engine(open_engine(paths.db, keyslots.unlock_with_recovery(paths, made.recovery_key)))
    assert paths.db.read_bytes() == db_before
