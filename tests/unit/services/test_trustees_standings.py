"""In date for supervision on a day: the report's shortcut always agrees with supervision_due."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import Role
from peerdesk.domain.supervision import NOT_REQUIRED, Frequency, FrequencyRule, SupervisionKind
from peerdesk.domain.supervision import SupervisionPolicy as Policy
from peerdesk.domain.supervision_due import supervision_due
from peerdesk.domain.trustees_inputs import PswFacts
from peerdesk.services.trustees_report import KINDS, _history, _in_date, _soonest
from tests.unit.domain.test_supervision_due import frequencies, pause_runs, spell, start_days

PSW = PswId(7)


Moves = list[tuple[JourneyStatus, dt.date]]
Held = dict[tuple[PswId, SupervisionKind], dt.date]


def overdue_kinds(policy: Policy, role: Role, moves: Moves, day: dt.date, held: Held) -> set[str]:
    """The plain rule: every kind whose due date from supervision_due is before ``day``."""
    found = set()
    for kind in KINDS:
        last = held.get((PSW, kind))
        due = supervision_due(policy, kind, role, _history(moves), [] if last is None else [last])
        if due is not None and due.due_on < day:
            found.add(kind.value)
    return found


@settings(max_examples=300)
@given(
    st.lists(st.none() | frequencies, min_size=3, max_size=3),
    st.sampled_from(list(Role)),
    start_days,
    pause_runs,
    st.integers(-10, 900),
    st.lists(st.none() | st.integers(0, 200), min_size=3, max_size=3),
)
def test_in_date_agrees_with_supervision_due_for_every_kind(
    chosen: list[Frequency | None],
    role: Role,
    activated: dt.date,
    pauses: list[tuple[int, int]],
    day_offset: int,
    session_offsets: list[int | None],  # days before ``day``
) -> None:
    policy = Policy(
        tuple(
            FrequencyRule(kind, role, NOT_REQUIRED if frequency is None else frequency)
            for kind, frequency in zip(KINDS, chosen, strict=True)
        )
    )
    day = activated + dt.timedelta(days=day_offset)
    moves = [(c.to_status, c.on) for c in spell(activated, pauses) if c.on <= day]
    held = {  # the last session of each kind, some days before ``day`` (or none)
        (PSW, kind): day - dt.timedelta(days=before)
        for kind, before in zip(KINDS, session_offsets, strict=True)
        if before is not None
    }
    soonest = {(kind, r): _soonest(policy.frequency(kind, r)) for kind in KINDS for r in Role}
    psw = PswFacts(PSW, role, tuple(moves), (), ())
    expected = not overdue_kinds(policy, role, moves, day, held)
    assert _in_date(psw, day, moves, held, policy, soonest) is expected


def test_a_kind_not_required_is_never_overdue() -> None:
    policy = Policy(())
    moves = [(JourneyStatus.ACTIVE, dt.date(2020, 1, 1))]
    psw = PswFacts(PSW, Role.VOLUNTEER, tuple(moves), (), ())
    soonest = {(kind, r): _soonest(policy.frequency(kind, r)) for kind in KINDS for r in Role}
    assert _soonest(NOT_REQUIRED) is None
    assert _in_date(psw, dt.date(2026, 11, 23), moves, {}, policy, soonest) is True
    assert SupervisionKind.MANAGERIAL in KINDS
