"""Supervision sessions: the rules' wording, carry-forward, lock and addenda, group privacy."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import Role
from peerdesk.domain.supervision import (
    FORTNIGHTLY,
    Frequency,
    SupervisionKind,
)
from peerdesk.domain.supervision_session import (
    ActionDraft,
    ActionStatus,
    AttendeeDraft,
    CarryChoice,
    SessionDraft,
)
from peerdesk.domain.taxonomy import ListKind
from peerdesk.services.bundle import Services
from tests.unit.services.checks_helpers import new_psw

D = dt.date
TODAY = D(2026, 11, 23)


def draft(psw_id: PswId, **changes: object) -> SessionDraft:
    base = SessionDraft(
        kind=SupervisionKind.MANAGERIAL,
        supervisor="Sam Lee",
        held_on=D(2026, 11, 2),
        minutes=50,
        attendees=(AttendeeDraft(psw_id),),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def messages(services: Services, d: SessionDraft) -> list[str]:
    with pytest.raises(ValidationFailed) as failed:
        services.supervision.record(d)
    return [p.message for p in failed.value.problems]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"held_on": D(2026, 11, 24)}, "Record it as the next date instead"),
        ({"minutes": 0}, "0 minutes or over 8 hours"),
        ({"minutes": 481}, "0 minutes or over 8 hours"),
        ({"supervisor": "  "}, "Enter the supervisor's name."),
        ({"supervisor": "alexandra QUINN"}, "cannot be their own supervisee"),
        ({"supervisor": "ALEX"}, "cannot be their own supervisee"),
        ({"is_group": True}, "A group session needs at least two attendees"),
        ({"starts_at": "25:00"}, "HH:MM"),
        ({"notes": "x" * 20_001}, "20,000 characters"),
        ({"next_on": D(2026, 11, 2)}, "The next date must be after this session."),
    ],
)
def test_refusals_say_why(services: Services, changes: dict[str, object], expected: str) -> None:
    psw = new_psw(services)
    found = messages(services, draft(psw, **changes))
    assert any(expected in m for m in found), found
    assert services.supervision.history(psw) == []


def test_an_action_due_before_its_session_is_refused(services: Services) -> None:
    psw = new_psw(services)
    late = AttendeeDraft(psw, actions=(ActionDraft("Read policy", "Alex", D(2026, 11, 1)),))
    assert "cannot be due before" in " ".join(messages(services, draft(psw, attendees=(late,))))


def test_carry_forward_marks_done_kept_dropped_in_the_same_save(services: Services) -> None:
    psw = new_psw(services)
    actions = tuple(ActionDraft(t, "Alex", D(2026, 11, 20)) for t in ("One", "Two", "Three"))
    services.supervision.record(draft(psw, attendees=(AttendeeDraft(psw, actions=actions),)))
    open_ = services.supervision.open_actions(psw)
    assert [(a.text, a.origin_on) for a in open_] == [
        ("One", D(2026, 11, 2)),
        ("Two", D(2026, 11, 2)),
        ("Three", D(2026, 11, 2)),
    ]
    choices = dict(zip((a.id for a in open_), CarryChoice, strict=True))
    _, changes = services.supervision.record(draft(psw, held_on=D(2026, 11, 16), carried=choices))
    assert changes.supervision and psw in changes.psws
    assert [a.text for a in services.supervision.open_actions(psw)] == ["Two"]
    first = services.supervision.history(psw)[-1]
    statuses = [a.status for a in services.supervision.session(first.id, psw).own.actions]
    assert statuses == [ActionStatus.DONE, ActionStatus.OPEN, ActionStatus.DROPPED]


def test_a_carried_action_already_closed_refuses_the_whole_save(services: Services) -> None:
    psw = new_psw(services)
    one = AttendeeDraft(psw, actions=(ActionDraft("One"),))
    services.supervision.record(draft(psw, attendees=(one,)))
    (action,) = services.supervision.open_actions(psw)
    carried = {action.id: CarryChoice.DONE}
    services.supervision.record(draft(psw, held_on=D(2026, 11, 9), carried=carried))
    again = draft(psw, held_on=D(2026, 11, 10), carried=carried)
    assert "no longer open" in " ".join(messages(services, again))
    assert len(services.supervision.history(psw)) == 2


def test_agreed_by_both_locks_and_addenda_are_dated(services: Services) -> None:
    psw = new_psw(services)
    session_id, _ = services.supervision.record(draft(psw, notes="First notes"))
    services.supervision.agree(session_id, psw_on=D(2026, 11, 3), supervisor_on=None)
    services.supervision.edit_notes(session_id, "Corrected notes")  # not locked yet
    services.supervision.agree(session_id, psw_on=None, supervisor_on=D(2026, 11, 4))
    seen = services.supervision.session(session_id, psw)
    assert seen.locked and seen.notes == "Corrected notes"
    with pytest.raises(ValidationFailed, match="locked: add a dated addendum"):
        services.supervision.edit_notes(session_id, "Sneaky change")
    with pytest.raises(ValidationFailed, match="locked"):
        services.supervision.agree(session_id, psw_on=D(2026, 11, 5), supervisor_on=None)
    services.supervision.add_addendum(session_id, "Also agreed: fewer shifts in December.")
    seen = services.supervision.session(session_id, psw)
    assert seen.notes == "Corrected notes"
    assert [(a.added_on, a.text) for a in seen.addenda] == [
        (TODAY, "Also agreed: fewer shifts in December.")
    ]


def test_agreement_dates_cannot_be_future_or_before_the_session(services: Services) -> None:
    psw = new_psw(services)
    session_id, _ = services.supervision.record(draft(psw))
    with pytest.raises(ValidationFailed, match="cannot be in the future"):
        services.supervision.agree(session_id, psw_on=D(2026, 11, 24), supervisor_on=None)
    with pytest.raises(ValidationFailed, match="before the session"):
        services.supervision.agree(session_id, psw_on=None, supervisor_on=D(2026, 11, 1))


def test_group_history_shows_shared_notes_and_only_my_own_part(services: Services) -> None:
    alex = new_psw(services)
    bo = new_psw(services, "Bo Chen", known_as="")
    group = draft(
        alex,
        is_group=True,
        notes="We talked about night shifts.",
        confidentiality=Confidentiality.SHARED,
        attendees=(
            AttendeeDraft(alex, 4, "Alex feels settled", ("Boundaries",), (ActionDraft("A1"),)),
            AttendeeDraft(
                bo, 1, "Bo is struggling at home", ("Lone working",), (ActionDraft("B1"),)
            ),
        ),
    )
    session_id, _ = services.supervision.record(group)
    (row,) = services.supervision.history(alex)
    assert row.is_group and row.preview == "We talked about night shifts."
    seen = services.supervision.session(session_id, alex)
    assert seen.notes == "We talked about night shifts."
    assert seen.attendee_names == ("Alex", "Bo Chen")
    assert (seen.own.checkin, seen.own.checkin_note) == (4, "Alex feels settled")
    assert [n.text for n in seen.own.learning_needs] == ["Boundaries"]
    assert [a.text for a in seen.own.actions] == ["A1"]
    assert "Bo is struggling" not in repr(seen) and "B1" not in repr(seen)
    assert [a.text for a in services.supervision.open_actions(alex)] == ["A1"]
    assert services.supervision.session(session_id, bo).own.checkin_note.startswith("Bo is")


def test_group_supervisor_cannot_be_any_attendee(services: Services) -> None:
    alex = new_psw(services)
    bo = new_psw(services, "Bo Chen", known_as="")
    group = draft(
        alex,
        is_group=True,
        supervisor="bo chen",
        attendees=(AttendeeDraft(alex), AttendeeDraft(bo)),
    )
    assert "cannot be their own supervisee" in " ".join(messages(services, group))


@pytest.mark.parametrize("level", list(Confidentiality))
def test_lists_show_notes_only_when_shared(services: Services, level: Confidentiality) -> None:
    psw = new_psw(services)
    session_id, _ = services.supervision.record(draft(psw, notes="Zebra", confidentiality=level))
    (row,) = services.supervision.history(psw)
    assert (row.preview == "Zebra") is (level is Confidentiality.SHARED)
    assert (row.held_on, row.kind, row.supervisor) == (
        D(2026, 11, 2),
        SupervisionKind.MANAGERIAL,
        "Sam Lee",
    )
    opened = services.supervision.session(session_id, psw)
    assert (opened.notes == "Zebra") is (level is not Confidentiality.PRIVATE)
    revealed = services.supervision.session(session_id, psw, private_revealed=True)
    assert revealed.notes == "Zebra"


def test_history_is_newest_first(services: Services) -> None:
    psw = new_psw(services)
    for day in (D(2026, 10, 5), D(2026, 11, 2), D(2026, 10, 19)):
        services.supervision.record(draft(psw, held_on=day))
    assert [r.held_on for r in services.supervision.history(psw)] == [
        D(2026, 11, 2),
        D(2026, 10, 19),
        D(2026, 10, 5),
    ]


def test_a_learning_need_goes_to_the_training_profile_once(services: Services) -> None:
    psw = new_psw(services)
    part = AttendeeDraft(psw, learning_needs=("Lone working policy", "  "))
    session_id, _ = services.supervision.record(draft(psw, attendees=(part,)))
    (need,) = services.supervision.session(session_id, psw).own.learning_needs
    topic = services.training.topics()[0]
    changes = services.supervision.send_learning_need(need.id, topic.id)
    assert psw in changes.checks
    (profile,) = services.training.needs(psw)
    assert profile.topic_id == topic.id
    assert profile.source == "Supervision 2 November 2026: Lone working policy"
    assert services.supervision.session(session_id, psw).own.learning_needs[0].sent
    with pytest.raises(ValidationFailed, match="already in their profile"):
        services.supervision.send_learning_need(need.id, topic.id)


def test_topics_are_seeded_and_kept_in_the_list(services: Services) -> None:
    names = [t.name for t in services.supervision.topics()]
    assert "Use of own story and boundaries" in names and "Caseload" in names
    lists = services.lists.items(ListKind.SUPERVISION_TOPIC)
    assert len(lists) == len(names)


def test_policy_round_trips_and_refuses_bad_rules(services: Services) -> None:
    assert services.supervision.policy() == services.supervision.policy()
    policy = services.supervision.policy().with_frequency(
        SupervisionKind.PROFESSIONAL, Role.PAID, Frequency(standard=FORTNIGHTLY)
    )
    assert services.supervision.save_policy(policy).supervision
    assert services.supervision.policy() == policy
    bad = policy.with_frequency(SupervisionKind.REFLECTIVE, Role.PAID, Frequency(None, None, 500))
    with pytest.raises(ValidationFailed, match="0 to 104 weeks"):
        services.supervision.save_policy(bad)
    assert services.supervision.policy() == policy


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(notes=st.text(max_size=300))
def test_any_typed_notes_save_or_are_refused_with_a_reason(services: Services, notes: str) -> None:
    psw = new_psw(services)
    session_id, _ = services.supervision.record(draft(psw, notes=notes))
    kept = services.supervision.session(session_id, psw).notes
    assert "\x00" not in kept and len(kept) <= len(notes)


def test_status_is_irrelevant_to_recording(services: Services) -> None:
    psw = new_psw(services, status=JourneyStatus.ACTIVE)
    services.supervision.record(draft(psw))
    assert len(services.supervision.history(psw)) == 1
