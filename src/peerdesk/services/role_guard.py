"""Refusing a supervisor or trustee a PSW they may not see, as if the record were not there."""

from __future__ import annotations

from collections.abc import Iterable

from peerdesk.domain.errors import NotFound
from peerdesk.domain.ids import PswId
from peerdesk.domain.roles import Role
from peerdesk.domain.viewer import Viewer
from peerdesk.storage.document_access import HIDDEN, require_visible_psw
from peerdesk.storage.record_owner import Owned, require_visible_record, sees_all_psws
from peerdesk.storage.workspace import Workspace

__all__ = ["Owned", "require_sees_psw", "require_sees_psws", "require_sees_record"]


def require_sees_psw(workspace: Workspace, viewer: Viewer, psw_id: PswId) -> None:
    """NotFound (as for a missing record) when ``viewer``'s role may not see ``psw_id``.

    Only roles are refused here: a coordinator's protected records are left out of lists until
    "Show protected", but one opened from a link is theirs to see, as it always was.
    """
    if viewer.role is Role.COORDINATOR:
        return
    with workspace.reading() as s:
        require_visible_psw(s, psw_id, viewer)


def require_sees_psws(workspace: Workspace, viewer: Viewer, psw_ids: Iterable[int]) -> None:
    """NotFound unless ``viewer`` sees every PSW in ``psw_ids`` (a group session's attendees)."""
    if viewer.role is Role.COORDINATOR:
        return
    with workspace.reading() as s:
        if not sees_all_psws(s, psw_ids, viewer):
            raise NotFound(HIDDEN)


def require_sees_record(workspace: Workspace, viewer: Viewer, kind: Owned, record_id: int) -> None:
    """NotFound when ``viewer``'s role may not see a PSW or person the child record ``record_id``
    (a session, review, concern, check…) belongs to; coordinators are never refused."""
    if viewer.role is Role.COORDINATOR:
        return
    with workspace.reading() as s:
        require_visible_record(s, kind, record_id, viewer)
