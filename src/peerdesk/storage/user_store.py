"""Rows of ``user_account``, ``user_supervisee`` and ``protected_access``."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from peerdesk.domain.errors import NotFound
from peerdesk.domain.roles import Role
from peerdesk.domain.users import User
from peerdesk.domain.viewer import Viewer
from peerdesk.storage.models import PswRowModel as PswRow
from peerdesk.storage.models import psw_display_name
from peerdesk.storage.user_models import ProtectedAccessRow, SuperviseeRow, UserRow
from peerdesk.storage.visibility import psw_is_protected, visible_psws


def any_users(s: Session) -> bool:
    """Whether users are turned on (there is at least one row, active or not)."""
    return s.scalar(select(func.count()).select_from(UserRow)) != 0


def all_users(s: Session) -> list[User]:
    """Every user, active first, then by name."""
    rows = s.scalars(select(UserRow).order_by(UserRow.active.desc(), UserRow.name)).all()
    supervisees = _links(s, SuperviseeRow)
    named = _links(s, ProtectedAccessRow)
    return [_record(row, supervisees[row.id], named[row.id]) for row in rows]


def by_id(s: Session, user_id: int) -> User | None:
    row = s.get(UserRow, user_id)
    return None if row is None else _one(s, row)


def slot_of(s: Session, user_id: int) -> str:
    """The key slot id of user ``user_id`` (NotFound if there is no such user)."""
    slot = s.scalar(select(UserRow.slot).where(UserRow.id == user_id))
    if slot is None:
        raise NotFound(f"There is no PeerDesk user {user_id}.")
    return str(slot)


def by_slot(s: Session, slot: str) -> User | None:
    row = s.scalar(select(UserRow).where(UserRow.slot == slot))
    return None if row is None else _one(s, row)


def by_name(s: Session, name: str) -> User | None:
    row = s.scalar(select(UserRow).where(UserRow.name == name))
    return None if row is None else _one(s, row)


def active_coordinators(s: Session) -> set[int]:
    found = select(UserRow.id).where(
        UserRow.active.is_(True), UserRow.role == Role.COORDINATOR.value
    )
    return set(s.scalars(found).all())


def add(s: Session, name: str, role: Role, slot: str, at: dt.datetime) -> int:
    row = UserRow(name=name, role=role.value, slot=slot, active=True, created_at=at)
    s.add(row)
    s.flush()
    return row.id


def set_role(s: Session, user_id: int, role: Role) -> None:
    _row(s, user_id).role = role.value


def set_active(s: Session, user_id: int, active: bool) -> None:
    _row(s, user_id).active = active


def set_supervisees(s: Session, user_id: int, psw_ids: Iterable[int]) -> None:
    _replace(s, SuperviseeRow, user_id, psw_ids)


def set_named(s: Session, user_id: int, psw_ids: Iterable[int]) -> None:
    _replace(s, ProtectedAccessRow, user_id, psw_ids)


def existing_psws(s: Session, psw_ids: Iterable[int]) -> set[int]:
    wanted = set(psw_ids)
    if not wanted:
        return set()
    return set(s.scalars(select(PswRow.id).where(PswRow.id.in_(wanted))).all())


def psw_choices(s: Session, viewer: Viewer, *, protected: bool) -> list[tuple[int, str]]:
    """(id, shown name) of the PSWs ``viewer`` sees, protected ones only or unprotected only,
    by name: what the supervisee and "named on" pickers offer."""
    kind = psw_is_protected() if protected else ~psw_is_protected()
    found = s.execute(
        select(PswRow.id, psw_display_name())
        .where(visible_psws(viewer), kind)
        .order_by(func.lower(psw_display_name()), PswRow.id)
    )
    return [(int(psw_id), str(name)) for psw_id, name in found.all()]


def _row(s: Session, user_id: int) -> UserRow:
    row = s.get(UserRow, user_id)
    if row is None:
        raise LookupError(user_id)
    return row


def _replace(
    s: Session,
    table: type[SuperviseeRow] | type[ProtectedAccessRow],
    user_id: int,
    psw_ids: Iterable[int],
) -> None:
    wanted = set(psw_ids)
    current = set(s.scalars(select(table.psw_id).where(table.user_id == user_id)).all())
    gone = current - wanted
    if gone:
        s.execute(delete(table).where(table.user_id == user_id, table.psw_id.in_(gone)))
    for psw_id in sorted(wanted - current):
        s.add(table(user_id=user_id, psw_id=psw_id))
    s.flush()


def _links(
    s: Session, table: type[SuperviseeRow] | type[ProtectedAccessRow]
) -> defaultdict[int, frozenset[int]]:
    found: defaultdict[int, set[int]] = defaultdict(set)
    for user_id, psw_id in s.execute(select(table.user_id, table.psw_id)).all():
        found[user_id].add(psw_id)
    return defaultdict(frozenset, {k: frozenset(v) for k, v in found.items()})


def _one(s: Session, row: UserRow) -> User:
    supervisees = s.scalars(select(SuperviseeRow.psw_id).where(SuperviseeRow.user_id == row.id))
    named = s.scalars(select(ProtectedAccessRow.psw_id).where(ProtectedAccessRow.user_id == row.id))
    return _record(row, frozenset(supervisees.all()), frozenset(named.all()))


def _record(row: UserRow, supervisees: frozenset[int], named: frozenset[int]) -> User:
    return User(
        id=row.id,
        name=row.name,
        role=Role(row.role),
        active=row.active,
        slot=row.slot,
        created_at=row.created_at,
        supervisees=supervisees,
        named=named,
    )
