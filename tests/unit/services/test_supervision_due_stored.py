"""Stored supervision due dates stay equal to working them out afresh after every kind of write."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import Role
from peerdesk.domain.supervision import DEFAULT_POLICY, Frequency, Interval, IntervalUnit
from peerdesk.domain.supervision import SupervisionKind as K
from peerdesk.services.bundle import Services
from peerdesk.services.supervision_due_refresh import STORED_KEY, refresh
from peerdesk.storage.models import Setting
from peerdesk.storage.supervision_due_models import SupervisionDueRow
from tests.unit.services.checks_helpers import complete_evidence
from tests.unit.services.test_supervision_attention import active, held, supervision

D = dt.date


def stored(services: Services) -> dict[tuple[int, K], dt.date]:
    with services.workspace.reading() as s:
        rows = s.query(SupervisionDueRow).all()
        return {(r.psw_id, K(r.kind)): r.due_on for r in rows}


class _Rollback(Exception):
    pass


def afresh(services: Services) -> dict[tuple[int, K], dt.date]:
    """What working everyone out from scratch gives (rolled back, so nothing changes)."""
    try:
        with services.workspace.transaction() as s:
            refresh(s, None)
            rows = {(r.psw_id, K(r.kind)): r.due_on for r in s.query(SupervisionDueRow).all()}
            raise _Rollback(rows)
    except _Rollback as done:
        found: dict[tuple[int, K], dt.date] = done.args[0]
        return found


def test_a_policy_change_moves_every_stored_date(services: Services) -> None:
    psw = active(services, "Ada Obi", D(2026, 10, 1))
    held(services, K.REFLECTIVE, D(2026, 11, 20), psw)
    weekly = Frequency(standard=Interval(1, IntervalUnit.WEEKS))
    services.supervision.save_policy(
        DEFAULT_POLICY.with_frequency(K.REFLECTIVE, Role.VOLUNTEER, weekly)
    )
    assert stored(services)[(psw, K.REFLECTIVE)] == D(2026, 11, 27)
    assert ("Reflective supervision", "Due within 7 days", D(2026, 11, 27)) in supervision(
        services, psw
    )


def test_pausing_drops_the_dates_and_coming_back_pushes_them_later(services: Services) -> None:
    psw = active(services, "Ada Obi", D(2026, 9, 1))
    complete_evidence(services, psw)
    before = stored(services)[(psw, K.REFLECTIVE)]
    version = services.psws.get(psw).version
    services.psws.change_status(
        psw, JourneyStatus.PAUSED, on=D(2026, 9, 20), reason="Break", version=version
    )
    assert not any(key[0] == psw for key in stored(services))
    version = services.psws.get(psw).version
    services.psws.change_status(
        psw, JourneyStatus.ACTIVE, on=D(2026, 9, 30), reason="Back", version=version
    )
    assert stored(services)[(psw, K.REFLECTIVE)] > before
    assert stored(services) == afresh(services)


def test_undoing_a_pause_puts_the_dates_back(services: Services) -> None:
    psw = active(services, "Ada Obi", D(2026, 9, 1))
    before = stored(services)
    version = services.psws.get(psw).version
    services.psws.change_status(
        psw, JourneyStatus.PAUSED, on=D(2026, 9, 20), reason="Break", version=version
    )
    services.psws.undo_status_change(psw, version=services.psws.get(psw).version)
    assert stored(services) == before


def test_a_vault_from_before_gets_its_dates_at_the_first_read(services: Services) -> None:
    psw = active(services, "Ada Obi", D(2026, 10, 1))
    with services.workspace.transaction() as s:
        s.query(SupervisionDueRow).delete()
        s.query(Setting).filter(Setting.key == STORED_KEY).delete()
    assert stored(services) == {}
    assert supervision(services, psw) == [
        ("Managerial supervision", "Supervision overdue", D(2026, 10, 15)),
        ("Reflective supervision", "Supervision overdue", D(2026, 11, 1)),
    ]
    assert stored(services) == afresh(services)


_DAYS = st.integers(min_value=0, max_value=80)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(["session", "group", "pause", "resume", "role"]), _DAYS),
        max_size=6,
    )
)
def test_any_sequence_of_writes_leaves_the_dates_as_worked_out_afresh(
    services: Services, steps: list[tuple[str, int]]
) -> None:
    ada = active(services, "Ada Obi", D(2026, 8, 1))
    complete_evidence(services, ada)
    bo = active(services, "Bo Chen", D(2026, 8, 1))
    for what, day in steps:
        on = D(2026, 8, 2) + dt.timedelta(days=day)
        _apply(services, what, on, ada, bo)
    assert stored(services) == afresh(services)


def _apply(services: Services, what: str, on: dt.date, ada: PswId, bo: PswId) -> None:
    psw = services.psws.get(ada)
    if what == "session" and psw.status is JourneyStatus.ACTIVE:
        held(services, K.MANAGERIAL, on, ada)
    elif what == "group":
        held(services, K.REFLECTIVE, on, ada, bo)
    elif what in ("pause", "resume"):
        new = JourneyStatus.PAUSED if what == "pause" else JourneyStatus.ACTIVE
        if psw.status is not new and on >= psw.status_since:
            with contextlib.suppress(ValidationFailed):  # the readiness gate may refuse
                services.psws.change_status(ada, new, on=on, reason="Change", version=psw.version)
    elif what == "role":
        role = Role.PAID if psw.details.role is Role.VOLUNTEER else Role.VOLUNTEER
        services.psws.update(ada, replace(psw.details, role=role), version=psw.version)


def test_correcting_a_session_date_moves_the_stored_date(services: Services) -> None:
    psw = active(services, "Ada Obi", D(2026, 10, 1))
    held(services, K.REFLECTIVE, D(2026, 11, 2), psw)
    session = services.supervision.history(psw)[0]
    draft, version = services.supervision.meeting(session.id)
    services.supervision.edit_meeting(
        session.id, replace(draft, held_on=D(2026, 11, 9)), version=version
    )
    assert stored(services)[(psw, K.REFLECTIVE)] == D(2026, 12, 9)
    assert stored(services) == afresh(services)
