"""The one visibility rule, as SQL: which PSW and person rows a viewer may see in any listing.

A PSW is *protected* when a supported person's record is linked to them (they are supported by
the organisation too); that person's record is protected as well. Every listing query adds
``visible_psws(viewer)`` or ``visible_people(viewer)`` to its WHERE clause. Confidentiality levels
of notes (shared, confidential, private) are decided here too: ``text_visible`` in Python and
``text_listed`` in SQL, from the one set of levels a list may show.

Roles (``domain/roles.py``): a coordinator sees every PSW and person (protected ones only with
``view_protected``); a supervisor sees their supervisees who are not protected and any PSW they
are named on, and no supported person; a trustee sees no record and no text (counts only).
Confidential and private text shows to a coordinator, and to a supervisor only on their own
notes: a session whose supervisor is their name, or (notes with no supervisor, such as plans and
reviews) a supervisee's note. Global search (``searched_levels``) finds confidential text for a
coordinator, and for a supervisor only in their own sessions (``own_session_ids``) and their
supervisees' plans.
"""

from __future__ import annotations

import json

from sqlalchemy import ColumnElement, Select, and_, exists, false, func, or_, select, true
from sqlalchemy.orm import InstrumentedAttribute, Session

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.roles import Role
from peerdesk.domain.users import same_name
from peerdesk.domain.viewer import Right, Viewer
from peerdesk.storage.models import PswRowModel
from peerdesk.storage.person_models import PersonRowModel
from peerdesk.storage.supervision_models import SupervisionSessionRow


def psw_is_protected() -> ColumnElement[bool]:
    """True for PSW rows linked to a supported person's record."""
    return exists(select(PersonRowModel.id).where(PersonRowModel.linked_psw_id == PswRowModel.id))


def person_is_protected() -> ColumnElement[bool]:
    return PersonRowModel.linked_psw_id.is_not(None)


def visible_psws(viewer: Viewer) -> ColumnElement[bool]:
    """A WHERE clause over ``psw`` rows: all of them for a coordinator with ``view_protected``;
    a supervisor's unprotected supervisees and the PSWs they are named on; none for a trustee."""
    if viewer.role is Role.TRUSTEE:
        return false()
    if viewer.role is Role.SUPERVISOR:
        return or_(
            and_(PswRowModel.id.in_(sorted(viewer.supervisees)), ~psw_is_protected()),
            PswRowModel.id.in_(sorted(viewer.named)),
        )
    if not hides_protected(viewer):
        return true()
    return ~psw_is_protected()


def visible_people(viewer: Viewer) -> ColumnElement[bool]:
    """A WHERE clause over ``person`` rows: supported people's records are coordinators' only."""
    if viewer.role is not Role.COORDINATOR:
        return false()
    if viewer.may(Right.VIEW_PROTECTED):
        return true()
    return ~person_is_protected()


LISTED_LEVELS = frozenset({Confidentiality.SHARED})
"""Levels whose text lists (history, Needs attention, search results) may show."""


def text_visible(
    level: Confidentiality,
    viewer: Viewer,
    *,
    listing: bool,
    private_revealed: bool = False,
    supervisor: str | None = None,
    psw_id: int | None = None,
) -> bool:
    """Whether ``viewer`` sees the text of a note at ``level``.

    In a list (``listing``) only shared text shows: confidential and private rows show date, kind
    and supervisor. On the record itself confidential text shows, and private text only after
    "Show private text" (``private_revealed``). A trustee sees no text. A supervisor sees
    confidential and private text only on their own notes: ``supervisor`` (a session's
    supervisor) is their name, or, for notes with no supervisor, ``psw_id`` is a supervisee.
    """
    if viewer.role is Role.TRUSTEE:
        return False
    if listing:
        shown = level in LISTED_LEVELS
    else:
        shown = level is not Confidentiality.PRIVATE or private_revealed
    if not shown or level is Confidentiality.SHARED or viewer.role is Role.COORDINATOR:
        return shown
    if supervisor is not None:
        return supervises(viewer, supervisor)
    return psw_id is not None and psw_id in viewer.supervisees


def supervises(viewer: Viewer, supervisor: str) -> bool:
    """Whether a session whose supervisor is ``supervisor`` is ``viewer``'s own: the name is
    theirs (``same_name``: case and spacing aside). Says nothing of the viewer's role."""
    return same_name(supervisor, viewer.id)


def text_listed(level: InstrumentedAttribute[str], viewer: Viewer) -> ColumnElement[bool]:
    """SQL twin of ``text_visible(..., listing=True)`` over a confidentiality column (lists show
    shared text only, which every role but a trustee may read)."""
    if viewer.role is Role.TRUSTEE:
        return false()
    return level.in_([lvl.value for lvl in LISTED_LEVELS])


def searched_levels(viewer: Viewer, *, include_confidential: bool) -> frozenset[Confidentiality]:
    """Levels global search may show: what lists show, confidential only when "Include
    confidential" is ticked, and private never (its text shows only on its own record).

    A coordinator searches every confidential document; a supervisor only those of their own
    sessions (``own_confidential_only``); a trustee searches nothing."""
    if viewer.role is Role.TRUSTEE:
        return frozenset()
    extra = {Confidentiality.CONFIDENTIAL} if include_confidential else set()
    return frozenset(LISTED_LEVELS | extra) - {Confidentiality.PRIVATE}


def own_confidential_only(viewer: Viewer) -> bool:
    """Whether confidential search hits must be ``viewer``'s own, as ``text_visible`` says: in
    their own supervision sessions (``own_session_ids``), or a supervisee's plan. True for a
    supervisor."""
    return viewer.role is Role.SUPERVISOR


def own_session_ids(s: Session, viewer: Viewer) -> list[int]:
    """The confidential sessions whose supervisor is ``viewer`` (``supervises``), ascending.

    One query, grouped by the name as written, so ``same_name`` runs once per distinct name
    rather than once per session; it runs in Python because it folds case beyond ASCII
    (``casefold``), which SQL's ``lower`` and ``LIKE`` do not. Only confidential sessions are
    read: the search index gives a session's documents that session's level."""
    session = SupervisionSessionRow
    rows = s.execute(
        select(session.supervisor, func.json_group_array(session.id))
        .where(session.confidentiality == Confidentiality.CONFIDENTIAL.value)
        .group_by(session.supervisor)
    )
    return sorted(
        session_id
        for name, ids in rows
        if supervises(viewer, name)
        for session_id in json.loads(ids)
    )


def protected_psw_ids() -> Select[tuple[int | None]]:
    """The ids of protected PSWs (``psw_is_protected`` as a set, for tables that only hold an
    id, such as the search index)."""
    return select(PersonRowModel.linked_psw_id).where(PersonRowModel.linked_psw_id.is_not(None))


def hidden_psw_ids(viewer: Viewer) -> Select[tuple[int]] | Select[tuple[int | None]] | None:
    """The ids of PSWs ``viewer`` may not see, for tables that only hold an id (the search index,
    rights requests); None when every PSW shows."""
    if viewer.role is not Role.COORDINATOR:
        return select(PswRowModel.id.label("id")).where(~visible_psws(viewer))
    if not hides_protected(viewer):
        return None
    return protected_psw_ids()


def hides_protected(viewer: Viewer) -> bool:
    """Whether listings for ``viewer`` leave protected PSWs and people out."""
    return not viewer.may(Right.VIEW_PROTECTED) or viewer.role is not Role.COORDINATOR
