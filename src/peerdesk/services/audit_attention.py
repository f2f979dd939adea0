"""Needs attention when the audit log's chain is broken: checked cheaply, only what is new."""

from __future__ import annotations

import threading
import weakref
from typing import TYPE_CHECKING

from peerdesk.domain.attention import AttentionItem
from peerdesk.domain.audit_chain import BROKEN
from peerdesk.services.audit_service import verify_from
from peerdesk.storage import audit_log
from peerdesk.storage.workspace import Tx

if TYPE_CHECKING:
    from peerdesk.services.attention_service import Window

AUDIT = "audit"

_verified: weakref.WeakKeyDictionary[object, tuple[int, str]] = weakref.WeakKeyDictionary()
"""Per engine: the last entry found good (id, hash), so each check reads only newer rows."""
_lock = threading.Lock()


def audit_chain_lines(s: Tx, window: Window) -> list[AttentionItem]:
    """One line when the chain is broken, naming the first broken entry; none when whole.

    Rows after the last one verified in this session are checked, after confirming that row still
    has the hash it had (a vault swapped under the same engine starts again from the first row).
    The weekly full check and "Check the chain" walk every row.
    """
    key = s.get_bind()
    with _lock:
        after = _verified.get(key)
    if after is not None and audit_log.hash_of(s, after[0]) != after[1]:
        after = None
    result = verify_from(s, after)
    if result.head is not None:
        with _lock:
            _verified[key] = result.head
    if result.ok or result.first_broken_id is None:
        return []
    return [
        AttentionItem(
            AUDIT,
            result.first_broken_id,
            "Audit log",
            BROKEN.format(id=result.first_broken_id),
            "Broken",
            window.today,
        )
    ]
