"""Whether one PSW's record may be printed for a viewer: the one visibility rule, for one id."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from peerdesk.domain.errors import NotFound
from peerdesk.domain.ids import PswId
from peerdesk.domain.viewer import Viewer
from peerdesk.storage.models import PswRowModel
from peerdesk.storage.visibility import visible_psws

HIDDEN = (
    "There is no peer worker with that reference you can see (a protected record shows only "
    "after Show protected)."
)


def sees_psw(s: Session, psw_id: PswId, viewer: Viewer) -> bool:
    """Whether ``psw_id`` is in the vault and ``viewer`` may see them (one keyed lookup)."""
    found = s.scalar(select(PswRowModel.id).where(PswRowModel.id == psw_id, visible_psws(viewer)))
    return found is not None


def require_visible_psw(s: Session, psw_id: PswId, viewer: Viewer) -> None:
    """NotFound unless ``psw_id`` is in the vault and ``viewer`` may see them."""
    if not sees_psw(s, psw_id, viewer):
        raise NotFound(HIDDEN)
