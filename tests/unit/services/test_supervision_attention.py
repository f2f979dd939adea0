"""Needs attention for supervision: overdue, due within 7 days, paused left out, actions."""

from __future__ import annotations

import datetime as dt

from peerdesk.domain.attention import AttentionItem
from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import PswDetails, Role
from peerdesk.domain.supervision import SupervisionKind
from peerdesk.domain.supervision_session import ActionDraft, AttendeeDraft, SessionDraft
from peerdesk.services.bundle import Services

D = dt.date


def active(services: Services, name: str, since: dt.date) -> PswId:
    psw, _ = services.psws.create(
        PswDetails(full_name=name, role=Role.VOLUNTEER), status=JourneyStatus.ACTIVE, since=since
    )
    return psw.id


def held(
    services: Services,
    kind: SupervisionKind,
    on: dt.date,
    *people: PswId,
    actions: tuple[ActionDraft, ...] = (),
    level: Confidentiality = Confidentiality.CONFIDENTIAL,
) -> None:
    attendees = tuple(AttendeeDraft(p, actions=actions) for p in people)
    services.supervision.record(
        SessionDraft(
            kind=kind,
            supervisor="Sam Lee",
            held_on=on,
            minutes=45,
            attendees=attendees,
            is_group=len(people) > 1,
            confidentiality=level,
        )
    )


def supervision(services: Services, psw_id: PswId) -> list[tuple[str, str, dt.date]]:
    found: list[AttentionItem] = services.attention.items(30)
    return [
        (i.item, i.status, i.due_on)
        for i in found
        if i.subject_id == psw_id and ("upervision" in i.item or "Action" in i.status)
    ]


def test_no_sessions_since_becoming_active_is_overdue(services: Services) -> None:
    psw = active(services, "Ada Obi", D(2026, 10, 1))
    assert supervision(services, psw) == [
        ("Managerial supervision", "Supervision overdue", D(2026, 10, 15)),
        ("Reflective supervision", "Supervision overdue", D(2026, 11, 1)),
    ]


def test_due_within_seven_days_and_fine_ones_left_off(services: Services) -> None:
    psw = active(services, "Ada Obi", D(2026, 10, 1))
    held(services, SupervisionKind.MANAGERIAL, D(2026, 11, 16), psw)
    held(services, SupervisionKind.REFLECTIVE, D(2026, 11, 20), psw)
    assert supervision(services, psw) == [
        ("Managerial supervision", "Due within 7 days", D(2026, 11, 30)),
    ]


def test_a_group_session_counts_for_each_attendee(services: Services) -> None:
    ada = active(services, "Ada Obi", D(2026, 10, 1))
    bo = active(services, "Bo Chen", D(2026, 10, 1))
    held(services, SupervisionKind.REFLECTIVE, D(2026, 11, 20), ada, bo)
    for psw in (ada, bo):
        assert [line[0] for line in supervision(services, psw)] == ["Managerial supervision"]


def test_paused_psws_are_left_out(services: Services) -> None:
    psw = active(services, "Ada Obi", D(2026, 9, 1))
    version = services.psws.get(psw).version
    services.psws.change_status(
        psw, JourneyStatus.PAUSED, on=D(2026, 10, 1), reason="Break", version=version
    )
    assert supervision(services, psw) == []


def test_overdue_actions_show_text_only_when_shared(services: Services) -> None:
    psw = active(services, "Ada Obi", D(2026, 11, 1))
    overdue = (ActionDraft("Call the housing team", "Ada", D(2026, 11, 20)),)
    held(services, SupervisionKind.MANAGERIAL, D(2026, 11, 9), psw, actions=overdue)
    held(
        services,
        SupervisionKind.REFLECTIVE,
        D(2026, 11, 10),
        psw,
        actions=(ActionDraft("Book the training", "Ada", D(2026, 11, 21)),),
        level=Confidentiality.SHARED,
    )
    lines = [line for line in supervision(services, psw) if line[1] == "Action overdue"]
    assert lines == [
        (
            "Supervision action from managerial supervision with Sam Lee, 9 November 2026",
            "Action overdue",
            D(2026, 11, 20),
        ),
        ("Supervision action: Book the training", "Action overdue", D(2026, 11, 21)),
    ]
    assert all("Call the housing" not in i.item for i in services.attention.items(30))
