"""Keeps the stored next supervision dates in step with what they are worked out from.

Every write that changes a PSW's journey, role or sessions held, and the frequency policy,
calls :func:`refresh` inside its own transaction. Vaults made before the dates were stored get
them all once, the first time Needs attention is read (:func:`ensure_stored`).
"""

from __future__ import annotations

from collections.abc import Iterable

from peerdesk.domain.ids import PswId
from peerdesk.services.supervision_settings import policy_from
from peerdesk.storage import settings_store, supervision_due_store
from peerdesk.storage.workspace import Tx, Workspace

STORED_KEY = "supervision.due_stored"
"""Set once every PSW's dates have been stored (absent in vaults from before)."""


def refresh(s: Tx, psw_ids: Iterable[PswId] | None) -> None:
    """Work out the stored dates of ``psw_ids`` (None: everyone) again, in this transaction."""
    settings = settings_store.read_all(s)
    ids = None if psw_ids is None else sorted(set(psw_ids))
    supervision_due_store.recompute(s, ids, policy_from(settings))
    if ids is None and STORED_KEY not in settings:
        settings_store.write(s, STORED_KEY, "1")


def ensure_stored(workspace: Workspace) -> None:
    """Store everyone's dates once per vault, if that was never done."""
    with workspace.reading() as s:
        done = STORED_KEY in settings_store.read_all(s)
    if not done:
        with workspace.transaction() as s:
            if STORED_KEY not in settings_store.read_all(s):
                refresh(s, None)
