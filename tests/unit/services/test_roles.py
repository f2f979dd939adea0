"""Roles enforced: every service, run as each role over a protected-PSW fixture, returns exactly
the expected ids; confidential text follows its supervisor; guarded actions are refused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.errors import NotFound
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.person import PersonDetails, PersonQuery
from peerdesk.domain.psw import PswDetails, PswQuery
from peerdesk.domain.roles import NotAllowed, Role
from peerdesk.domain.safeguarding import SourceKind
from peerdesk.domain.supervision import SupervisionKind
from peerdesk.domain.supervision_session import AttendeeDraft, SessionDraft, SessionId
from peerdesk.domain.viewer import COORDINATOR, Right, Viewer
from peerdesk.services.bundle import Services, build
from tests.unit.services.checks_helpers import new_psw

D = dt.date
SAM = "Sam Patel"
OTHER = "Jo Other"
LEVELS = tuple(Confidentiality)


@dataclass(frozen=True)
class World:
    a: PswId  # supervisee, not protected
    b: PswId  # supervisee, protected, Sam named
    c: PswId  # supervisee, protected, Sam not named
    d: PswId  # not a supervisee
    e: PswId  # protected, not a supervisee, Sam named
    free: PersonId  # a supported person linked to no one
    linked: dict[PswId, PersonId]
    sessions: dict[tuple[PswId, str, Confidentiality], SessionId]

    @property
    def psws(self) -> set[PswId]:
        return {self.a, self.b, self.c, self.d, self.e}


def person(services: Services, name: str) -> PersonId:
    return services.people.create(PersonDetails(full_name=name, referred_on=D(2026, 6, 1)))[0].id


def record(services: Services, psw: PswId, supervisor: str, level: Confidentiality) -> SessionId:
    draft = SessionDraft(
        kind=SupervisionKind.REFLECTIVE,
        supervisor=supervisor,
        held_on=D(2026, 11, 2),
        minutes=50,
        attendees=(AttendeeDraft(psw),),
        notes=f"Quokkaword {level.value} by {supervisor}",
        confidentiality=level,
    )
    return services.supervision.record(draft)[0]


@pytest.fixture
def world(services: Services) -> World:
    a, b, c, d, e = (new_psw(services, name) for name in ("Ann", "Ben", "Cat", "Dan", "Eve"))
    linked = {psw: person(services, f"Linked {i}") for i, psw in enumerate((b, c, e))}
    for psw, who in linked.items():
        services.protection.link(who, psw)
    free = person(services, "Fay Free")
    sessions = {
        (psw, by, level): record(services, psw, by, level)
        for psw in (a, b, c, d, e)
        for by in (SAM, OTHER)
        for level in LEVELS
    }
    for psw in (a, b, c, d, e):
        services.concerns.raise_concern(
            source=SourceKind.PSW, raised_on=D(2026, 11, 3), summary="Worried", psw_id=psw
        )
    return World(a, b, c, d, e, free, linked, sessions)


def sam(world: World) -> Viewer:
    return Viewer(
        SAM,
        role=Role.SUPERVISOR,
        user_id=2,
        supervisees=frozenset({world.a, world.b, world.c}),
        named=frozenset({world.b, world.e}),
    )


TRUSTEE = Viewer("Tess Trustee", role=Role.TRUSTEE, user_id=3)
SHOWN = COORDINATOR.with_right(Right.VIEW_PROTECTED)


def as_(services: Services, viewer: Viewer) -> Services:
    return build(services.workspace, services.clock, viewer)


def expected(world: World, viewer: Viewer) -> set[PswId]:
    if viewer.role is Role.TRUSTEE:
        return set()
    if viewer.role is Role.SUPERVISOR:
        return {world.a, world.b, world.e}
    return world.psws if viewer.may(Right.VIEW_PROTECTED) else {world.a, world.d}


VIEWERS: dict[str, Callable[[World], Viewer]] = {
    "coordinator": lambda _w: COORDINATOR,
    "coordinator showing protected": lambda _w: SHOWN,
    "supervisor": sam,
    "trustee": lambda _w: TRUSTEE,
}


@pytest.mark.parametrize("who", list(VIEWERS))
def test_each_listing_holds_exactly_the_psws_the_role_may_see(
    services: Services, world: World, who: str
) -> None:
    viewer = VIEWERS[who](world)
    mine = as_(services, viewer)
    want = expected(world, viewer)
    assert set(mine.psws.find_ids(PswQuery())) == want
    assert mine.psws.count(PswQuery()) == len(want)
    lines = mine.attention.items(90)
    assert {line.subject_id for line in lines if line.subject_kind == "psw"} <= want
    concerns = mine.concerns.open_concerns()
    assert {c.psw_id for c in concerns} == want
    found = mine.search.search("quokkaword", include_confidential=True).results
    assert {r.psw_id for r in found} == want
    people = set(mine.people.find_ids(PersonQuery()))
    if viewer.role is not Role.COORDINATOR:
        assert people == set()
        assert {line.subject_kind for line in lines} <= {"psw"}
    elif viewer.may(Right.VIEW_PROTECTED):
        assert people == {world.free, *world.linked.values()}
    else:
        assert people == {world.free}


def test_attention_lines_are_the_visible_psws_and_no_coordinator_chores(
    services: Services, world: World
) -> None:
    everyone = {line.subject_id for line in services.attention.items(90, viewer=SHOWN)}
    assert world.psws <= everyone  # each PSW in induction has something to do
    lines = as_(services, sam(world)).attention.items(90)
    assert {line.subject_id for line in lines} == {world.a, world.b, world.e}
    assert as_(services, TRUSTEE).attention.items(90) == []


def test_teams_show_only_a_supervisors_own_members(services: Services, world: World) -> None:
    first, _ = services.teams.create("North")
    second, _ = services.teams.create("South")
    for psw in (world.a, world.d):
        services.teams.add_member(first.id, psw, joined_on=D(2026, 11, 1))
    services.teams.add_member(second.id, world.c, joined_on=D(2026, 11, 1))
    mine = as_(services, sam(world)).teams.teams()
    assert [(t.name, [m.psw_id for m in t.members]) for t in mine] == [("North", [world.a])]
    assert as_(services, TRUSTEE).teams.teams() == []
    assert len(services.teams.teams()) == 2


def _texts(services: Services, world: World, psw: PswId) -> set[tuple[str, Confidentiality]]:
    """(supervisor, level) of the sessions on ``psw`` whose notes show on the record."""
    shown = set()
    for (owner, by, level), session_id in world.sessions.items():
        if owner != psw:
            continue
        read = services.supervision.session(session_id, psw, private_revealed=True)
        if not read.text_hidden and read.notes:
            shown.add((by, level))
    return shown


def test_confidential_text_shows_to_its_supervisor_and_coordinators(
    services: Services, world: World
) -> None:
    every = {(by, level) for by in (SAM, OTHER) for level in LEVELS}
    assert _texts(services, world, world.b) == every
    mine = as_(services, sam(world))
    own = {(SAM, level) for level in LEVELS} | {(OTHER, Confidentiality.SHARED)}
    for psw in (world.a, world.b, world.e):
        assert _texts(mine, world, psw) == own
    history = mine.supervision.history(world.a)
    assert {(r.supervisor, r.confidentiality) for r in history if r.preview} == {
        (SAM, Confidentiality.SHARED),
        (OTHER, Confidentiality.SHARED),
    }
    for hidden in (world.c, world.d):
        with pytest.raises(NotFound):
            mine.supervision.history(hidden)
    with pytest.raises(NotFound):
        as_(services, TRUSTEE).supervision.history(world.a)


def test_writes_to_a_psw_the_role_cannot_see_are_not_found(
    services: Services, world: World
) -> None:
    mine = as_(services, sam(world))
    assert mine.psws.get(world.b).id == world.b
    before = services.psws.get(world.d)
    for hidden in (world.c, world.d):
        with pytest.raises(NotFound):
            mine.psws.get(hidden)
        with pytest.raises(NotFound):
            mine.psws.set_archived(hidden, True)
    with pytest.raises(NotFound):
        mine.psws.update(world.d, PswDetails(full_name="Changed"), version=before.version)
    assert services.psws.get(world.d) == before


def test_coordinator_only_services_refuse_and_change_nothing(
    services: Services, world: World
) -> None:
    name = services.settings.organisation().name
    counts = (services.psws.count(PswQuery()), len(services.people.find_ids(PersonQuery())))
    services.rights.log(psw_id=world.a, received_on=D(2026, 11, 20))
    for viewer in (sam(world), TRUSTEE):
        mine = as_(services, viewer)
        refusals = guarded(mine, world)
        for refused in refusals:
            with pytest.raises(NotAllowed) as error:
                refused()
            assert f"As a {viewer.role.value} you cannot" in str(error.value)
        assert not mine.integrity.full_check_due()
    assert services.settings.organisation().name == name
    assert (services.psws.count(PswQuery()), len(services.people.find_ids(PersonQuery()))) == (
        counts
    )
    assert len(services.rights.requests()) == 1
    assert services.retention.preview() is not None
    assert services.matching.suggest(world.free) is not None


def guarded(mine: Services, world: World) -> list[Callable[[], Any]]:
    """Every coordinator-only call, as ``mine`` (a supervisor's or a trustee's services)."""
    return [
        lambda: mine.retention.preview(),
        lambda: mine.retention.act([]),
        lambda: mine.retention.set_rules([]),
        lambda: mine.audit.entries(),
        lambda: mine.audit.verify(),
        lambda: mine.audit.cells(),
        lambda: mine.audit.export_csv(),
        lambda: mine.imports.save_preset("x", [], []),
        lambda: mine.settings.rename_organisation("Stolen"),
        lambda: mine.lock_settings.set_idle_minutes(30),
        lambda: mine.matching_settings.reset(),
        lambda: mine.rights.requests(),
        lambda: mine.rights.log(psw_id=world.a, received_on=D(2026, 11, 21)),
        lambda: mine.rights.set_nation("Scotland"),
        lambda: mine.people.get(world.free),
        lambda: mine.people.create(PersonDetails(full_name="New", referred_on=D(2026, 6, 1))),
        lambda: mine.matching.suggest(world.free),
        lambda: mine.matching.plan(),
        lambda: mine.psws.create(PswDetails(full_name="New")),
        lambda: mine.integrity.full_check(),
    ]


def test_trustees_report_is_allowed_to_every_role(services: Services, world: World) -> None:
    for viewer in (COORDINATOR, sam(world), TRUSTEE):
        report = as_(services, viewer).trustees_report
        assert report.report(D(2026, 4, 1), D(2026, 11, 23)) is not None


def rule(psw: int, viewer_supervisees: set[int], named: set[int], protected: set[int]) -> bool:
    """The issue's words, plainly: a supervisor sees their unprotected supervisees and any PSW
    they are named on."""
    return (psw in viewer_supervisees and psw not in protected) or psw in named


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    supervisees=st.sets(st.integers(0, 5)),
    named=st.sets(st.integers(0, 5)),
    protected=st.sets(st.integers(0, 5)),
)
def test_visible_ids_are_the_rule_for_any_supervisees_named_and_protected(
    services: Services, supervisees: set[int], named: set[int], protected: set[int]
) -> None:
    psws = [PswId(p.id) for p in _six(services)]
    people = _people(services)
    for i, who in enumerate(people):
        if i in protected:
            services.protection.link(who, psws[i])
        else:
            services.protection.unlink(who)
    viewer = Viewer(
        SAM,
        role=Role.SUPERVISOR,
        supervisees=frozenset(psws[i] for i in supervisees),
        named=frozenset(psws[i] for i in named),
    )
    want = {psws[i] for i in range(6) if rule(i, supervisees, named, protected)}
    mine = as_(services, viewer)
    assert set(mine.psws.find_ids(PswQuery())) == want
    assert mine.psws.count(PswQuery()) == len(want)
    assert {r.psw_id for r in mine.search.search("quokkaword").results} == want


def _six(services: Services) -> list[Any]:
    ids = services.psws.find_ids(PswQuery(), viewer=SHOWN)
    if not ids:
        for i in range(6):
            psw = new_psw(services, f"Pat {i}")
            record(services, psw, SAM, Confidentiality.SHARED)
        ids = services.psws.find_ids(PswQuery(), viewer=SHOWN)
    return sorted(services.psws.rows(ids), key=lambda r: r.id)


def _people(services: Services) -> list[PersonId]:
    found = sorted(services.people.find_ids(PersonQuery(), viewer=SHOWN))
    if not found:
        found = [person(services, f"Person {i}") for i in range(6)]
    return found
