"""Safeguarding concerns: raising, steps, closing (date, note, yes/no), reopening, attention."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.person import PersonDetails
from peerdesk.domain.safeguarding import (
    TEXT_MAX,
    Closing,
    ConcernId,
    ConcernStatus,
    SourceKind,
)
from peerdesk.domain.viewer import COORDINATOR, Right
from peerdesk.services.bundle import Services
from peerdesk.storage import concern_store
from tests.unit.services.checks_helpers import new_psw

D = dt.date
TODAY = D(2026, 11, 23)
SECRET = "Disclosed harm at home — handle with care"


def person(services: Services, name: str = "Łucja Wójcik") -> PersonId:
    return services.people.create(PersonDetails(full_name=name, referred_on=D(2026, 5, 1)))[0].id


RAISED = D(2026, 11, 3)


def raised(services: Services, psw_id: PswId, on: dt.date = RAISED) -> ConcernId:
    concern, changes = services.concerns.raise_concern(
        source=SourceKind.PSW, raised_on=on, summary=SECRET, psw_id=psw_id
    )
    assert changes.concerns and not changes.empty
    return concern.id


def refused(error: pytest.ExceptionInfo[ValidationFailed]) -> dict[str, str]:
    return {p.field: p.message for p in error.value.problems}


def concern_lines(services: Services) -> list[tuple[str, str, str]]:
    return [
        (i.name, i.item, i.status)
        for i in services.attention.items()
        if i.item.startswith("Safeguarding")
    ]


def test_raise_keeps_the_source_and_lists_it_for_the_psw(services: Services) -> None:
    psw_id = new_psw(services)
    concern, _ = services.concerns.raise_concern(
        source=SourceKind.CONTACT,
        source_id=7,
        raised_on=D(2026, 11, 3),
        summary="  Said  they were scared\n",
        psw_id=psw_id,
        who_told="Duty social worker",
    )
    assert concern.summary == "Said  they were scared"
    assert concern.source is SourceKind.CONTACT and concern.source_id == 7
    assert concern.status is ConcernStatus.OPEN and concern.psw_name == "Alex"
    assert [c.id for c in services.concerns.for_psw(psw_id)] == [concern.id]
    assert [c.id for c in services.concerns.open_concerns()] == [concern.id]


def test_raise_needs_a_summary_a_past_date_and_someone(services: Services) -> None:
    with pytest.raises(ValidationFailed) as error:
        services.concerns.raise_concern(
            source=SourceKind.PSW, raised_on=TODAY + dt.timedelta(days=1), summary="  "
        )
    assert refused(error) == {
        "summary": "Write a summary of the concern.",
        "raised_on": "The date raised cannot be in the future.",
        "": "Say which peer support worker or person the concern is about.",
    }


def test_steps_are_dated_between_raising_and_today(services: Services) -> None:
    concern_id = raised(services, new_psw(services))
    with pytest.raises(ValidationFailed) as error:
        services.concerns.add_step(concern_id, on=D(2026, 11, 2), text="Rang the team")
    assert refused(error) == {
        "on": "The step date cannot be before the concern was raised (3 November 2026)."
    }
    with pytest.raises(ValidationFailed) as error:
        services.concerns.add_step(concern_id, on=D(2026, 11, 24), text="")
    assert refused(error) == {
        "on": "The step date cannot be in the future.",
        "text": "Write what was done.",
    }
    saved, _ = services.concerns.add_step(concern_id, on=D(2026, 11, 10), text="Referred")
    assert [(s.on, s.text) for s in saved.steps] == [(D(2026, 11, 10), "Referred")]


def test_closing_needs_a_date_a_note_and_yes_or_no(services: Services) -> None:
    concern_id = raised(services, new_psw(services))
    services.concerns.add_step(concern_id, on=D(2026, 11, 10), text="Referred")
    with pytest.raises(ValidationFailed) as error:
        services.concerns.close(concern_id, Closing(D(2026, 11, 9), " ", None))
    assert refused(error) == {
        "on": "The closing date cannot be before the last step (10 November 2026).",
        "note": "Write a closing note.",
        "was_incident": "Say whether it was a safeguarding incident (yes or no).",
    }
    with pytest.raises(ValidationFailed, match="cannot be in the future"):
        services.concerns.close(concern_id, Closing(D(2026, 11, 24), "Done", False))
    closed, _ = services.concerns.close(concern_id, Closing(D(2026, 11, 20), "Resolved", True))
    assert closed.status is ConcernStatus.CLOSED
    assert closed.closing == Closing(D(2026, 11, 20), "Resolved", True)


def test_a_closed_concern_is_changed_only_by_reopening(services: Services) -> None:
    concern_id = raised(services, new_psw(services))
    services.concerns.close(concern_id, Closing(D(2026, 11, 20), "Resolved", False))
    with pytest.raises(ValidationFailed, match="closed: reopen it to add a step"):
        services.concerns.add_step(concern_id, on=TODAY, text="More")
    with pytest.raises(ValidationFailed, match="closed: reopen it to change"):
        services.concerns.update_follow_up(concern_id, who_told="x", referral="y")
    with pytest.raises(ValidationFailed) as error:
        services.concerns.reopen(concern_id, on=D(2026, 11, 19), reason="")
    assert refused(error) == {
        "reason": "Write why it is being reopened.",
        "on": "The reopening date cannot be before it was closed (20 November 2026).",
    }
    again, _ = services.concerns.reopen(concern_id, on=TODAY, reason="New disclosure")
    assert again.is_open and again.closing is None
    assert again.steps[-1].text.startswith("Reopened: New disclosure")
    assert "closing note: Resolved" in again.steps[-1].text
    with pytest.raises(ValidationFailed, match="open already"):
        services.concerns.reopen(concern_id, on=TODAY, reason="Again")


def test_follow_up_is_saved_tidied(services: Services) -> None:
    concern_id = raised(services, new_psw(services))
    saved, _ = services.concerns.update_follow_up(
        concern_id, who_told=" Adult social care\x00 ", referral="Ref 123"
    )
    assert (saved.who_told, saved.referral) == ("Adult social care", "Ref 123")


def test_needs_attention_lists_an_open_concern_until_closed(services: Services) -> None:
    concern_id = raised(services, new_psw(services))
    assert concern_lines(services) == [
        ("Alex", "Safeguarding concern open since 3 November 2026", "Open")
    ]
    assert all(SECRET not in i.item for i in services.attention.items())
    services.concerns.close(concern_id, Closing(TODAY, "Resolved", False))
    assert concern_lines(services) == []
    services.concerns.reopen(concern_id, on=TODAY, reason="Back")
    assert len(concern_lines(services)) == 1


def test_a_concern_about_a_person_opens_the_person(services: Services) -> None:
    person_id = person(services)
    services.concerns.raise_concern(
        source=SourceKind.PERSON, raised_on=TODAY, summary=SECRET, person_id=person_id
    )
    (line,) = [i for i in services.attention.items() if i.item.startswith("Safeguarding")]
    assert (line.subject_kind, line.subject_id, line.name) == ("person", person_id, "Łucja Wójcik")
    assert [c.person_name for c in services.concerns.for_person(person_id)] == ["Łucja Wójcik"]


def test_a_protected_record_s_concern_shows_only_with_show_protected(services: Services) -> None:
    psw_id = new_psw(services, "Robin Shaw", known_as="")
    person_id = person(services, "Robin Shaw")
    services.protection.link(person_id, psw_id)
    services.concerns.raise_concern(
        source=SourceKind.PERSON, raised_on=TODAY, summary=SECRET, person_id=person_id
    )
    assert [i for i in services.attention.items() if "Safeguarding" in i.item] == []
    shown = services.attention.items(viewer=COORDINATOR.with_right(Right.VIEW_PROTECTED))
    assert [i.name for i in shown if "Safeguarding" in i.item] == ["Robin Shaw"]


def test_a_flagged_session_raises_one_in_the_callers_transaction(services: Services) -> None:
    psw_id = new_psw(services)
    with services.workspace.transaction() as s:
        made = concern_store.raise_from_session(
            s,
            session_id=41,
            psw_id=psw_id,
            summary=" Flagged in supervision ",
            raised_on=TODAY,
            now=dt.datetime(2026, 11, 23, 14, 5),
            recorded_by="Coordinator",
        )
    assert (made.source, made.source_id, made.summary) == (
        SourceKind.SUPERVISION,
        41,
        "Flagged in supervision",
    )
    with pytest.raises(ValidationFailed), services.workspace.transaction() as s:
        concern_store.raise_from_session(
            s,
            session_id=42,
            psw_id=psw_id,
            summary="",
            raised_on=TODAY,
            now=dt.datetime(2026, 11, 23, 14, 5),
            recorded_by="Coordinator",
        )
    assert len(services.concerns.for_psw(psw_id)) == 1


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    note=st.text(max_size=60),
    days=st.integers(-30, 30),
    incident=st.sampled_from([True, False, None]),
)
def test_closing_is_refused_or_saved_never_crashes(
    services: Services, note: str, days: int, incident: bool | None
) -> None:
    psw_id = new_psw(services)
    concern_id = raised(services, psw_id, on=TODAY - dt.timedelta(days=10))
    closing = Closing(TODAY + dt.timedelta(days=days), note, incident)
    problems = services.concerns.check_close(services.concerns.concern(concern_id), closing)
    try:
        saved, _ = services.concerns.close(concern_id, closing)
    except ValidationFailed as error:
        assert problems and list(error.problems) == problems
    else:
        assert not problems and saved.closing is not None and saved.closing.note.strip()
        assert -10 <= days <= 0 and incident is not None


def test_over_long_text_is_refused_with_its_length(services: Services) -> None:
    with pytest.raises(ValidationFailed) as error:
        services.concerns.raise_concern(
            source=SourceKind.PSW,
            raised_on=TODAY,
            summary="x" * (TEXT_MAX + 1),
            psw_id=new_psw(services),
        )
    assert refused(error) == {
        "summary": "Keep a summary of the concern to 20,000 characters (it has 20,001)."
    }
