"""What an import needs from the vault: the PSWs duplicates are judged against."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from peerdesk.domain.ids import PswId
from peerdesk.domain.import_duplicates import KnownPsw
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.storage.models import PswRowModel, PswStatusChange
from peerdesk.storage.visibility import visible_psws


def known_psws(s: Session, *, viewer: Viewer = COORDINATOR) -> list[KnownPsw]:
    """Every PSW ``viewer`` may see (archived too): id, name, email and date of birth."""
    rows = s.execute(
        select(
            PswRowModel.id, PswRowModel.full_name, PswRowModel.email, PswRowModel.date_of_birth
        ).where(visible_psws(viewer))
    ).tuples()
    return [KnownPsw(PswId(i), name, email, dob) for i, name, email, dob in rows]


def set_first_recorder(s: Session, psw_ids: Sequence[PswId], recorded_by: str) -> None:
    """Sign the first journey entry of new ``psw_ids`` (``psw_bulk`` leaves the default)."""
    for start in range(0, len(psw_ids), 500):
        chunk = list(psw_ids[start : start + 500])
        s.execute(
            update(PswStatusChange)
            .where(PswStatusChange.psw_id.in_(chunk), PswStatusChange.from_status.is_(None))
            .values(recorded_by=recorded_by)
        )
