"""Records addressed by their own id (a session, concern, reference, check…) follow the viewer's
role: a supervisor handed another PSW's record id meets "not found" and nothing changes."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from peerdesk.domain.check_records import ReferenceDetails
from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.consent import ConsentHow
from peerdesk.domain.errors import NotFound, StaleEdit, ValidationFailed
from peerdesk.domain.goals import GoalDraft, GoalStatus
from peerdesk.domain.ids import PswId
from peerdesk.domain.person import PersonDetails
from peerdesk.domain.progress import Progress
from peerdesk.domain.psw import PswDetails
from peerdesk.domain.roles import NotAllowed, Role
from peerdesk.domain.safeguarding import Closing, SourceKind
from peerdesk.domain.supervision import SupervisionKind
from peerdesk.domain.supervision_session import AttendeeDraft, SessionDraft, SessionId
from peerdesk.domain.viewer import COORDINATOR, Right, Viewer
from peerdesk.services.bundle import Services, build
from tests.unit.services.checks_helpers import complete_evidence, new_psw

D = dt.date
SAM = "Sam Patel"


def draft(*psws: PswId, notes: str = "Talked it through") -> SessionDraft:
    return SessionDraft(
        kind=SupervisionKind.REFLECTIVE,
        supervisor=SAM,
        held_on=D(2026, 11, 2),
        minutes=50,
        attendees=tuple(AttendeeDraft(p) for p in psws),
        notes=notes,
        confidentiality=Confidentiality.SHARED,
        is_group=len(psws) > 1,
    )


@dataclass(frozen=True)
class Records:
    """One of each child record, on one PSW."""

    psw: PswId
    session: SessionId
    concern: int
    reference: int
    dbs: int
    referral: int
    item: int
    training: int
    goal: int


def records(services: Services, psw: PswId) -> Records:
    complete_evidence(services, psw)
    session = services.supervision.record(draft(psw))[0]
    concern, _ = services.concerns.raise_concern(
        source=SourceKind.PSW, raised_on=D(2026, 11, 3), summary="Worried", psw_id=psw
    )
    goal, _ = services.reviews.add_goal(psw, GoalDraft(what="Run a group"))
    return Records(
        psw=psw,
        session=session,
        concern=concern.id,
        reference=services.references.references(psw)[0].id,
        dbs=services.dbs.checks(psw)[0].id,
        referral=services.health.referrals(psw)[0].id,
        item=services.induction.induction(psw).items[0].id,
        training=services.training.records(psw)[0].id,
        goal=goal,
    )


@dataclass(frozen=True)
class World:
    mine: Records  # Sam's supervisee
    theirs: Records  # someone else's


@pytest.fixture
def world(services: Services) -> World:
    a = new_psw(services, "Ann Mine", known_as="Ann")
    d = new_psw(services, "Dan Theirs", known_as="Dan")
    return World(records(services, a), records(services, d))


def sam(world: World) -> Viewer:
    return Viewer(SAM, role=Role.SUPERVISOR, user_id=2, supervisees=frozenset({world.mine.psw}))


def as_(services: Services, viewer: Viewer) -> Services:
    return build(services.workspace, services.clock, viewer)


def calls(m: Services, r: Records) -> dict[str, Callable[[], Any]]:
    """Every service call keyed by a child record's id, on ``r``'s records, as ``m``."""
    concern = lambda: m.concerns.concern(r.concern)  # noqa: E731
    return {
        "session meeting": lambda: m.supervision.meeting(r.session),
        "session notes": lambda: m.supervision.edit_notes(r.session, "Changed by someone"),
        "session agree": lambda: m.supervision.agree(
            r.session, psw_on=D(2026, 11, 4), supervisor_on=None
        ),
        "session addendum": lambda: m.supervision.add_addendum(r.session, "Added later"),
        "session correct": lambda: m.supervision.edit_meeting(
            r.session, draft(r.psw, notes="Corrected"), version=1
        ),
        "concern read": concern,
        "concern step": lambda: m.concerns.add_step(r.concern, on=D(2026, 11, 5), text="Rang"),
        "concern close": lambda: m.concerns.close(
            r.concern, Closing(D(2026, 11, 6), "Resolved", False)
        ),
        "reference chase": lambda: m.references.chase(r.reference),
        "reference update": lambda: m.references.update(
            r.reference, ReferenceDetails(requested_on=D(2026, 8, 1), referee="Someone Else")
        ),
        "reference remove": lambda: m.references.remove(r.reference),
        "dbs remove": lambda: m.dbs.remove(r.dbs),
        "referral remove": lambda: m.health.remove_referral(r.referral),
        "induction item remove": lambda: m.induction.remove_item(r.item),
        "training remove": lambda: m.training.remove_record(r.training),
        "goal status": lambda: m.reviews.set_goal_status(r.goal, GoalStatus.DROPPED),
    }


NAMES = [
    "session meeting",
    "session notes",
    "session agree",
    "session addendum",
    "session correct",
    "concern read",
    "concern step",
    "concern close",
    "reference chase",
    "reference update",
    "reference remove",
    "dbs remove",
    "referral remove",
    "induction item remove",
    "training remove",
    "goal status",
]


def snapshot(services: Services, r: Records) -> tuple[Any, ...]:
    return (
        services.supervision.meeting(r.session),
        services.supervision.session(r.session, r.psw).addenda,
        services.concerns.concern(r.concern),
        services.references.references(r.psw),
        services.dbs.checks(r.psw),
        services.health.referrals(r.psw),
        services.induction.induction(r.psw),
        services.training.records(r.psw),
        services.reviews.goals(r.psw),
    )


def reaches(call: Callable[[], Any]) -> None:
    """The call got to the record: done, or refused for its own reasons (not "not found")."""
    with contextlib.suppress(ValidationFailed, StaleEdit):
        call()


@pytest.mark.parametrize("name", NAMES)
def test_a_supervisor_handed_another_psws_record_id_finds_nothing(
    services: Services, world: World, name: str
) -> None:
    before = snapshot(services, world.theirs)
    with pytest.raises(NotFound) as error:
        calls(as_(services, sam(world)), world.theirs)[name]()
    assert "you can see" in str(error.value)
    assert snapshot(services, world.theirs) == before


@pytest.mark.parametrize("name", NAMES)
def test_a_supervisor_may_use_their_own_supervisees_records(
    services: Services, world: World, name: str
) -> None:
    reaches(calls(as_(services, sam(world)), world.mine)[name])


def test_a_trustee_finds_no_record_by_id(services: Services, world: World) -> None:
    trustee = as_(services, Viewer("Tess", role=Role.TRUSTEE, user_id=3))
    for call in calls(trustee, world.mine).values():
        with pytest.raises(NotFound):
            call()


def test_coordinators_are_never_refused(services: Services, world: World) -> None:
    for call in calls(services, world.theirs).values():
        reaches(call)


def test_a_group_session_with_an_attendee_the_supervisor_cannot_see_is_not_recorded(
    services: Services, world: World
) -> None:
    mine = as_(services, sam(world))
    before = services.supervision.history(world.theirs.psw)
    with pytest.raises(NotFound):
        mine.supervision.record(draft(world.mine.psw, world.theirs.psw))
    assert services.supervision.history(world.theirs.psw) == before
    assert len(services.supervision.history(world.mine.psw)) == 1
    session, _ = mine.supervision.record(draft(world.mine.psw))
    assert session in {row.id for row in services.supervision.history(world.mine.psw)}


def test_a_group_session_with_someone_else_in_it_cannot_be_changed(
    services: Services, world: World
) -> None:
    group, _ = services.supervision.record(draft(world.mine.psw, world.theirs.psw))
    mine = as_(services, sam(world))
    with pytest.raises(NotFound):
        mine.supervision.edit_notes(group, "Changed")
    with pytest.raises(NotFound):
        mine.supervision.add_addendum(group, "Added")


def test_reading_a_session_as_a_psw_who_did_not_attend_is_refused(
    services: Services, world: World
) -> None:
    mine = as_(services, sam(world))
    with pytest.raises(NotFound):
        mine.supervision.session(world.theirs.session, world.mine.psw)


def test_a_match_or_conflict_involves_a_supported_person_so_only_coordinators_touch_it(
    services: Services, world: World
) -> None:
    who = services.people.create(PersonDetails(full_name="Pat Person", referred_on=D(2026, 6, 1)))
    person = who[0].id
    match, _ = services.matches.propose(person, world.mine.psw, "Shared interests")
    mine = as_(services, sam(world))
    with pytest.raises(NotFound):
        mine.matches.get(match.id)
    with pytest.raises(NotFound):
        mine.matches.add_contact(match.id, None)  # type: ignore[arg-type]
    assert services.matches.get(match.id) == match


TRUSTEE = Viewer("Tess Trustee", role=Role.TRUSTEE, user_id=3)


def test_the_trustees_report_runs_for_a_trustee_and_names_no_one(
    services: Services, world: World
) -> None:
    services.people.create(PersonDetails(full_name="Pat Person", referred_on=D(2026, 6, 1)))
    made = as_(services, TRUSTEE).trustees_report.pdf(D(2026, 4, 1), D(2026, 11, 23), Progress())
    reader = PdfReader(io.BytesIO(made.data))
    body = "\n".join(page.extract_text() for page in reader.pages)
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    assert re.search(r"\d", body)  # the counts are there
    for name in ("Ann", "Mine", "Dan", "Theirs", "Pat Person", "Referee", "Jo Bloggs", SAM):
        assert name not in body and name not in meta


def test_person_consents_are_for_coordinators_only(services: Services, world: World) -> None:
    who = services.people.create(PersonDetails(full_name="Pat Person", referred_on=D(2026, 6, 1)))
    person = who[0].id
    for viewer in (sam(world), TRUSTEE):
        consents = as_(services, viewer).person_consents
        with pytest.raises(NotAllowed):
            consents.history(person)
        with pytest.raises(NotAllowed):
            consents.has_consent_on(person, D(2026, 11, 1))
        with pytest.raises(NotAllowed):
            consents.give(person, on=D(2026, 11, 1), how=ConsentHow.IN_PERSON)
        with pytest.raises(NotAllowed):
            consents.withdraw(person, on=D(2026, 11, 2))
    assert services.person_consents.history(person) == []


def test_a_trustee_makes_no_backups_and_a_supervisor_may(
    services: Services, world: World, tmp_path: Path
) -> None:
    services.psws.create(PswDetails(full_name="Changed Since Opening"))
    usb = tmp_path / "usb"
    usb.mkdir()
    trustee = as_(services, TRUSTEE).backups
    for refused in (
        lambda: trustee.back_up(usb),
        lambda: trustee.back_up_automatically(),
        lambda: trustee.thin(),
    ):
        with pytest.raises(NotAllowed) as error:
            refused()
        assert "As a trustee you cannot make backups" in str(error.value)
    assert not trustee.daily_due()
    assert trustee.on_close() is None
    assert list(usb.iterdir()) == []
    made = as_(services, sam(world)).backups.back_up(usb)
    assert made.path.exists()


def test_the_named_on_picker_lists_protected_psws_by_reference_until_show_protected(
    services: Services, world: World
) -> None:
    services.users.turn_on("Priya Shah")
    linked = services.people.create(
        PersonDetails(full_name="Linked Person", referred_on=D(2026, 6, 1))
    )[0].id
    services.protection.link(linked, world.theirs.psw)
    users = as_(services, COORDINATOR).users
    hidden = users.psw_choices(protected=True)
    assert hidden == [(world.theirs.psw, f"PSW-{world.theirs.psw:04d}")]
    shown = users.psw_choices(protected=True, viewer=COORDINATOR.with_right(Right.VIEW_PROTECTED))
    assert shown == [(world.theirs.psw, "Dan")]
    assert users.psw_choices(protected=False) == [(world.mine.psw, "Ann")]
