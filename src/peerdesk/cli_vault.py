"""How the ``peerdesk`` commands unlock the vault and write out: the environment, exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from peerdesk.storage.workspace import Workspace

T = TypeVar("T")

ENV_PASSPHRASE = "PEERDESK_PASSPHRASE"
ENV_INSECURE_FAST_KDF = "PEERDESK_INSECURE_FAST_KDF"


def with_vault(
    data_dir: str | None, demo: bool, doing: str, read: Callable[[Workspace], T]
) -> T | int:
    """``read`` from the vault unlocked by $PEERDESK_PASSPHRASE; on a vault error the message is
    shown and 1 returned. ``NotFound`` from ``read`` is left to the caller.

    With users, the passphrase says who is acting: ``build(workspace)`` gives that user's
    Viewer (``services.login.viewer_for``), and a removed user's passphrase is refused."""
    passphrase = os.environ.get(ENV_PASSPHRASE)
    if not passphrase:
        err(f"PeerDesk: set {ENV_PASSPHRASE} to the vault's passphrase to {doing}.")
        return 1
    from peerdesk.domain.errors import NotFound, PeerDeskError
    from peerdesk.services import vault_service
    from peerdesk.storage.locations import resolve
    from peerdesk.storage.vault.files import VaultState

    paths, _chosen = resolve(data_dir, demo=demo)
    try:
        if vault_service.state(paths, may_create_folder=False) is VaultState.NEEDS_SETUP:
            err(f"PeerDesk: there is no vault in {paths.folder} yet.")
            return 1
        workspace = vault_service.unlock(paths, passphrase)
        try:
            return read(workspace)
        finally:
            workspace.close()
    except NotFound:
        raise
    except PeerDeskError as error:
        err(f"PeerDesk: {error}")
        return 1


def warn_unencrypted(named: bool) -> None:
    if named and not sys.stdout.isatty():
        err(
            "PeerDesk: this listing names people and is not encrypted: "
            "keep any file of it safe, and delete it when done."
        )


def write(text: str, *, raw: bool) -> None:
    """CSV and JSON go out as UTF-8 bytes, untranslated (CSV rows end in CRLF on every system);
    text goes through the console's encoding, any character it lacks shown as "?"."""
    buffer = getattr(sys.stdout, "buffer", None)
    if raw and buffer is not None:
        sys.stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
        return
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")
    sys.stdout.write(text)
    sys.stdout.flush()


def progress(done: int, total: int) -> None:
    end = "\n" if done == total or not sys.stderr.isatty() else ""
    print(f"\r  {done:,} of {total:,} written", end=end, file=sys.stderr, flush=True)


def err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
