"""The one visibility rule, as SQL: which PSW and person rows a viewer may see in any listing.

A PSW is *protected* when a supported person's record is linked to them (they are supported by
the organisation too); that person's record is protected as well. Every listing query adds
``visible_psws(viewer)`` or ``visible_people(viewer)`` to its WHERE clause. Confidentiality levels
of notes (shared, confidential, private) are decided here too: ``text_visible`` in Python and
``text_listed`` in SQL, from the one set of levels a list may show.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, exists, select, true
from sqlalchemy.orm import InstrumentedAttribute

from peerdesk.domain.confidentiality import Confidentiality
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
    if not hides_protected(viewer):
        return true()
    return ~psw_is_protected()


def visible_people(viewer: Viewer) -> ColumnElement[bool]:
    """A WHERE clause over ``person`` rows."""
    if viewer.may(Right.VIEW_PROTECTED):
        return true()
    return ~person_is_protected()


LISTED_LEVELS = frozenset({Confidentiality.SHARED})
"""Levels whose text lists (history, Needs attention, search results) may show."""


def text_visible(
    level: Confidentiality, viewer: Viewer, *, listing: bool, private_revealed: bool = False
) -> bool:
    """Whether ``viewer`` sees the text of a note at ``level``.

    In a list (``listing``) only shared text shows: confidential and private rows show date, kind
    and supervisor. On the record itself confidential text shows, and private text only after
    "Show private text" (``private_revealed``). ``viewer`` is for roles to come: today the one
    coordinator sees what the levels allow.
    """
    del viewer
    if listing:
        return level in LISTED_LEVELS
    return level is not Confidentiality.PRIVATE or private_revealed


def text_listed(level: InstrumentedAttribute[str]) -> ColumnElement[bool]:
    """SQL twin of ``text_visible(..., listing=True)`` over a confidentiality column."""
    return level.in_([lvl.value for lvl in LISTED_LEVELS])


def searched_levels(viewer: Viewer, *, include_confidential: bool) -> frozenset[Confidentiality]:
    """Levels global search may show: what lists show, confidential only when "Include
    confidential" is ticked, and private never (its text shows only on its own record)."""
    del viewer
    extra = {Confidentiality.CONFIDENTIAL} if include_confidential else set()
    return frozenset(LISTED_LEVELS | extra) - {Confidentiality.PRIVATE}


def protected_psw_ids() -> Select[tuple[int | None]]:
    """The ids of protected PSWs (``psw_is_protected`` as a set, for tables that only hold an
    id, such as the search index)."""
    return select(PersonRowModel.linked_psw_id).where(PersonRowModel.linked_psw_id.is_not(None))


def hides_protected(viewer: Viewer) -> bool:
    """Whether listings for ``viewer`` leave protected PSWs and people out."""
    return not viewer.may(Right.VIEW_PROTECTED)
