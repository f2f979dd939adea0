"""Where vaults live: the platform's user data folder, a separate demo folder, or one given."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from peerdesk.storage.vault.files import VaultPaths

ENV_DATA_DIR = "PEERDESK_DATA_DIR"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("PeerDesk", appauthor=False, roaming=True))


def default_demo_dir() -> Path:
    """Demo vaults live apart from the real one, so trying the demo can never touch it."""
    return Path(platformdirs.user_data_dir("PeerDesk Demo", appauthor=False, roaming=True))


def resolve(data_dir: str | Path | None, *, demo: bool = False) -> tuple[VaultPaths, bool]:
    """The vault paths to use, and whether the folder was chosen by the user.

    ``--data-dir`` wins over ``PEERDESK_DATA_DIR``, which wins over the default.
    A folder the user chose is never created silently when missing (it may be an unplugged drive).
    """
    chosen = data_dir or os.environ.get(ENV_DATA_DIR) or None
    if chosen:
        return VaultPaths(Path(chosen).expanduser().resolve()), True
    return VaultPaths(default_demo_dir() if demo else default_data_dir()), False
