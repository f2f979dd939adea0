"""The one visibility rule, as SQL: which PSW and person rows a viewer may see in any listing.

A PSW is *protected* when a supported person's record is linked to them (they are supported by
the organisation too); that person's record is protected as well. Every listing query adds
``visible_psws(viewer)`` or ``visible_people(viewer)`` to its WHERE clause; supervision's
confidentiality levels later extend this module rather than repeat it.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, exists, select, true

from peerdesk.domain.viewer import Right, Viewer
from peerdesk.storage.models import PswRowModel
from peerdesk.storage.person_models import PersonRowModel


def psw_is_protected() -> ColumnElement[bool]:
    """True for PSW rows linked to a supported person's record."""
    return exists(select(PersonRowModel.id).where(PersonRowModel.linked_psw_id == PswRowModel.id))


def person_is_protected() -> ColumnElement[bool]:
    return PersonRowModel.linked_psw_id.is_not(None)


def visible_psws(viewer: Viewer) -> ColumnElement[bool]:
    """A WHERE clause over ``psw`` rows: all of them for a viewer with ``view_protected``."""
    if viewer.may(Right.VIEW_PROTECTED):
        return true()
    return ~psw_is_protected()


def visible_people(viewer: Viewer) -> ColumnElement[bool]:
    """A WHERE clause over ``person`` rows."""
    if viewer.may(Right.VIEW_PROTECTED):
        return true()
    return ~person_is_protected()
