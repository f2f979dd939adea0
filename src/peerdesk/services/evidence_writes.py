"""What every evidence write shares: refuse blocking problems, then recompute due dates."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from peerdesk.domain.errors import Problem, ValidationFailed
from peerdesk.domain.ids import PswId
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.storage import evidence_queries
from peerdesk.storage.workspace import Tx


def refuse(problems: Sequence[Problem]) -> None:
    """Raise ValidationFailed when any problem blocks; warnings pass."""
    if any(p.blocking for p in problems):
        raise ValidationFailed(problems)


def recomputed(s: Tx, psw_ids: Iterable[PswId], clock: Clock) -> Changes:
    """Recompute the PSWs' requirement due dates inside this transaction; what changed."""
    ids = sorted(set(psw_ids))
    if ids:
        evidence_queries.recompute_due(s, ids, clock.today())
    return Changes(checks=frozenset(ids))
