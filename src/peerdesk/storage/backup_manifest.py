"""A backup folder's manifest.json: what was copied, from which vault, and whether it verified."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from peerdesk.domain.errors import VaultDamaged

MANIFEST_NAME = "manifest.json"
FORMAT = "peerdesk-backup"
VERSION = 1
_MAX_BYTES = 1 << 20

AUTOMATIC = "automatic"
ON_DEMAND = "on demand"
BEFORE_MIGRATION = "before migration"
BEFORE_RESTORE = "before restore"
ON_CLOSE = "on close"
REASONS = (AUTOMATIC, ON_DEMAND, BEFORE_MIGRATION, BEFORE_RESTORE, ON_CLOSE)


@dataclass(frozen=True)
class BackupInfo:
    """One backup folder as its manifest describes it."""

    path: Path
    made_at: dt.datetime
    verified: bool
    vault_id: str
    revision: str | None
    counts: dict[str, int] = field(compare=False)
    reason: str = ON_DEMAND
    audit_head: tuple[int, str] | None = None

    @property
    def automatic(self) -> bool:
        """Made by PeerDesk itself (thinned); on-demand backups are the coordinator's to keep."""
        return self.reason != ON_DEMAND


def dump(info: BackupInfo) -> bytes:
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "made_at": info.made_at.isoformat(timespec="seconds"),
        "vault_id": info.vault_id,
        "revision": info.revision,
        "reason": info.reason,
        "counts": dict(sorted(info.counts.items())),
        "audit_head": (
            None
            if info.audit_head is None
            else {"id": info.audit_head[0], "hash": info.audit_head[1]}
        ),
        "verified": info.verified,
    }
    return (json.dumps(document, indent=2) + "\n").encode("utf-8")


def load(folder: Path) -> BackupInfo:
    """Read ``folder``'s manifest; ``VaultDamaged`` with a plain message if it is not one."""
    path = folder / MANIFEST_NAME
    try:
        with open(path, "rb") as stream:
            raw = stream.read(_MAX_BYTES + 1)
    except OSError as error:
        raise VaultDamaged(
            f"{folder} is not a PeerDesk backup: it has no readable {MANIFEST_NAME}."
        ) from error
    try:
        if len(raw) > _MAX_BYTES:
            raise ValueError("too large")
        return _parse(folder, json.loads(raw.decode("utf-8")))
    except (ValueError, KeyError, TypeError, RecursionError) as error:  # nested thousands deep
        raise VaultDamaged(
            f"The backup {folder} is damaged: its {MANIFEST_NAME} is not one PeerDesk wrote."
        ) from error


def marked_verified(info: BackupInfo) -> BackupInfo:
    return replace(info, verified=True)


def _parse(folder: Path, doc: Any) -> BackupInfo:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError("not a manifest")
    if not isinstance(doc["version"], int) or doc["version"] > VERSION:
        raise ValueError("a newer manifest")
    made_at = dt.datetime.fromisoformat(_str(doc["made_at"]))
    revision = doc.get("revision")
    if revision is not None:
        revision = _str(revision)
    counts_raw = doc["counts"]
    if not isinstance(counts_raw, dict):
        raise ValueError("counts")
    counts = {_str(k): _int(v) for k, v in counts_raw.items()}
    head_raw = doc.get("audit_head")
    head = None
    if head_raw is not None:
        head = (_int(head_raw["id"]), _str(head_raw["hash"]))
    reason = _str(doc.get("reason", ON_DEMAND))
    if reason not in REASONS:
        raise ValueError("reason")
    verified = doc.get("verified") is True
    vault_id = _str(doc["vault_id"])
    return BackupInfo(folder, made_at, verified, vault_id, revision, counts, reason, head)


def _str(value: Any) -> str:
    if not isinstance(value, str) or len(value) > 200:
        raise ValueError("text expected")
    return value


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError("count expected")
    return value
