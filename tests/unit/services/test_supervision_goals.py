"""Goal progress recorded with a supervision session: one transaction, open goals of attendees."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.goals import PROGRESS_MAX, GoalDraft, GoalStatus, GoalUpdate
from peerdesk.domain.ids import PswId
from peerdesk.domain.supervision import SupervisionKind
from peerdesk.domain.supervision_session import AttendeeDraft, SessionDraft
from peerdesk.domain.text import tidy
from peerdesk.services.bundle import Services
from tests.unit.services.checks_helpers import new_psw

HELD = dt.date(2026, 11, 9)


def _draft(psw: PswId, supervisor: str = "Sam Lee") -> SessionDraft:
    return SessionDraft(
        kind=SupervisionKind.MANAGERIAL,
        supervisor=supervisor,
        held_on=HELD,
        minutes=45,
        attendees=(AttendeeDraft(psw),),
    )


def test_progress_and_status_are_saved_with_the_session(services: Services) -> None:
    psw = new_psw(services)
    goal, _ = services.reviews.add_goal(psw, GoalDraft("Lead a group"))
    session, changes = services.supervision.record(
        _draft(psw), (GoalUpdate(goal, "  First session done.  ", GoalStatus.AT_RISK),)
    )
    assert changes.reviews and changes.supervision
    [found] = services.reviews.goals(psw)
    assert found.status is GoalStatus.AT_RISK
    assert [(p.on, p.note, p.session_id) for p in found.progress] == [
        (HELD, "First session done.", session)
    ]
    _, quiet = services.supervision.record(_draft(psw), (GoalUpdate(goal, "   "),))
    assert not quiet.reviews and len(services.reviews.goals(psw)[0].progress) == 1


def test_refused_session_saves_no_progress(services: Services) -> None:
    psw = new_psw(services)
    goal, _ = services.reviews.add_goal(psw, GoalDraft("Lead a group"))
    with pytest.raises(ValidationFailed):
        services.supervision.record(_draft(psw, supervisor=""), (GoalUpdate(goal, "Note"),))
    assert services.reviews.goals(psw)[0].progress == ()
    assert services.supervision.history(psw) == []


def test_only_open_goals_of_attendees(services: Services) -> None:
    psw, other = new_psw(services), new_psw(services, "Other Person")
    theirs, _ = services.reviews.add_goal(other, GoalDraft("Their goal"))
    done, _ = services.reviews.add_goal(psw, GoalDraft("Done already"))
    services.reviews.set_goal_status(done, GoalStatus.ACHIEVED)
    for goal in (theirs, done):
        problems = services.supervision.check(_draft(psw), (GoalUpdate(goal, "Note"),))
        assert [p.field for p in problems] == ["goal_progress"]
        with pytest.raises(ValidationFailed):
            services.supervision.record(_draft(psw), (GoalUpdate(goal, "Note"),))
    assert services.supervision.history(psw) == []


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=st.text(max_size=60) | st.just("x" * (PROGRESS_MAX + 1)))
def test_any_typed_note_is_saved_tidied_or_refused_clearly(services: Services, note: str) -> None:
    psw = new_psw(services)
    goal, _ = services.reviews.add_goal(psw, GoalDraft("Lead a group"))
    try:
        services.supervision.record(_draft(psw), (GoalUpdate(goal, note),))
    except ValidationFailed as refused:
        assert len(note) > PROGRESS_MAX or any(p.field != "goal_progress" for p in refused.problems)
        assert services.reviews.goals(psw)[0].progress == ()
        return
    saved = [p.note for p in services.reviews.goals(psw)[0].progress]
    assert saved == ([tidy(note)] if tidy(note) else [])
