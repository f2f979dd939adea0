"""Teams of peers and their members' dated memberships, each inside the caller's transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from peerdesk.domain.availability import Availability, TimeRange
from peerdesk.domain.errors import NotFound, Problem, ValidationFailed
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.team_records import MembershipId, PeerState, Team, TeamId, TeamMembership
from peerdesk.domain.text import fold
from peerdesk.domain.viewer import Viewer
from peerdesk.storage.lookup import require
from peerdesk.storage.models import PswAvailability, PswRowModel
from peerdesk.storage.team_models import TeamMemberRow, TeamRow
from peerdesk.storage.visibility import visible_psws


def display_name(full_name: str, known_as: str) -> str:
    """What the team page and the team check call a PSW: the name they go by."""
    return known_as.strip() or full_name.strip()


def _names(s: Session, psw_ids: Iterable[int]) -> dict[int, str]:
    ids = sorted(set(psw_ids))
    if not ids:
        return {}
    stmt = select(PswRowModel.id, PswRowModel.full_name, PswRowModel.known_as).where(
        PswRowModel.id.in_(ids)
    )
    return {r[0]: display_name(r[1], r[2]) for r in s.execute(stmt)}


def _team(row: TeamRow, names: dict[int, str]) -> Team:
    return Team(
        id=TeamId(row.id),
        name=row.name,
        area_id=None if row.area_id is None else TaxonomyItemId(row.area_id),
        area=row.area.name if row.area is not None else "",
        members=tuple(
            TeamMembership(
                id=MembershipId(m.id),
                team_id=TeamId(row.id),
                psw_id=PswId(m.psw_id),
                psw_name=names.get(m.psw_id, ""),
                joined_on=m.joined_on,
                left_on=m.left_on,
            )
            for m in row.members
        ),
    )


def _teams(s: Session, rows: Iterable[TeamRow]) -> list[Team]:
    rows = list(rows)
    names = _names(s, (m.psw_id for r in rows for m in r.members))
    return [_team(r, names) for r in rows]


def _load(s: Session, team_id: TeamId) -> TeamRow:
    return require(s, TeamRow, team_id, "team")


def _check_name_free(s: Session, name: str, *, other_than: TeamId | None = None) -> str:
    """The folded key for ``name``; a clear problem if another team already has it."""
    key = fold(name)
    stmt = select(TeamRow.name).where(TeamRow.name_key == key)
    if other_than is not None:
        stmt = stmt.where(TeamRow.id != other_than)
    taken = s.scalar(stmt)
    if taken is not None:
        raise ValidationFailed(
            [Problem("name", f"There is already a team called {taken}: choose another name.")]
        )
    return key


def insert(s: Session, name: str, area_id: TaxonomyItemId | None, *, now: dt.datetime) -> Team:
    row = TeamRow(name=name, name_key=_check_name_free(s, name), area_id=area_id, created_at=now)
    s.add(row)
    s.flush()
    return load(s, TeamId(row.id))


def update(s: Session, team_id: TeamId, name: str, area_id: TaxonomyItemId | None) -> Team:
    """Rename the team and set its area."""
    row = _load(s, team_id)
    row.name_key = _check_name_free(s, name, other_than=team_id)
    row.name = name
    row.area_id = area_id
    s.flush()
    s.expire(row, ["area"])
    return load(s, team_id)


def add_member(s: Session, team_id: TeamId, psw_id: PswId, joined_on: dt.date) -> Team:
    row = _load(s, team_id)
    require(s, PswRowModel, psw_id, "peer support worker")
    row.members.append(TeamMemberRow(psw_id=psw_id, joined_on=joined_on))
    s.flush()
    return load(s, team_id)


def membership(s: Session, membership_id: MembershipId) -> TeamMembership:
    row = require(s, TeamMemberRow, membership_id, "team membership")
    for member in load(s, TeamId(row.team_id)).members:
        if member.id == membership_id:
            return member
    raise NotFound("That team membership is no longer in the vault.")  # pragma: no cover


def end_membership(s: Session, membership_id: MembershipId, left_on: dt.date) -> Team:
    row = require(s, TeamMemberRow, membership_id, "team membership")
    row.left_on = left_on
    s.flush()
    return load(s, TeamId(row.team_id))


def load(s: Session, team_id: TeamId) -> Team:
    return _teams(s, [_load(s, team_id)])[0]


def all_teams(s: Session) -> list[Team]:
    """Every team with everyone who has been in it, in name order."""
    stmt = select(TeamRow).options(selectinload(TeamRow.members)).order_by(TeamRow.name_key)
    return _teams(s, s.scalars(stmt))


def teams_of(s: Session, psw_id: PswId) -> list[Team]:
    """Teams the PSW has ever been in, in name order."""
    ids = select(TeamMemberRow.team_id).where(TeamMemberRow.psw_id == psw_id)
    stmt = (
        select(TeamRow)
        .where(TeamRow.id.in_(ids))
        .options(selectinload(TeamRow.members))
        .order_by(TeamRow.name_key)
    )
    return _teams(s, s.scalars(stmt))


def visible(s: Session, psw_ids: Iterable[PswId], viewer: Viewer) -> set[PswId]:
    """Which of ``psw_ids`` ``viewer`` may see (the one visibility rule)."""
    ids = sorted(set(psw_ids))
    if not ids:
        return set()
    stmt = select(PswRowModel.id).where(PswRowModel.id.in_(ids), visible_psws(viewer))
    return {PswId(i) for i in s.scalars(stmt)}


def peer_states(s: Session, psw_ids: Iterable[PswId]) -> dict[PswId, PeerState]:
    """Name, active (journey status active and not archived) and availability of each PSW."""
    ids = sorted(set(psw_ids))
    if not ids:
        return {}
    ranges: dict[int, list[TimeRange]] = {i: [] for i in ids}
    slots = select(
        PswAvailability.psw_id,
        PswAvailability.weekday,
        PswAvailability.start_slot,
        PswAvailability.end_slot,
    ).where(PswAvailability.psw_id.in_(ids))
    for psw_id, weekday, start, end in s.execute(slots):
        ranges[psw_id].append(TimeRange(weekday, start, end))
    people = select(
        PswRowModel.id,
        PswRowModel.full_name,
        PswRowModel.known_as,
        PswRowModel.status,
        PswRowModel.archived,
    ).where(PswRowModel.id.in_(ids))
    return {
        PswId(r[0]): PeerState(
            name=display_name(r[1], r[2]),
            active=r[3] == JourneyStatus.ACTIVE.value and not r[4],
            availability=Availability.of(ranges[r[0]]),
        )
        for r in s.execute(people)
    }
