"""Supervision due dates: closer support, pauses, month ends, group sessions and the properties."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus, StatusChange
from peerdesk.domain.psw import Role
from peerdesk.domain.supervision import (
    DEFAULT_POLICY,
    FORTNIGHTLY,
    MONTHLY,
    Frequency,
    Interval,
    IntervalUnit,
    SupervisionKind,
    SupervisionPolicy,
    frequency_problems,
)
from peerdesk.domain.supervision_due import (
    DueStatus,
    SessionHeld,
    SupervisionDue,
    dates_held,
    next_due_on,
    supervision_due,
)

IND, A, P, L = (
    JourneyStatus.INDUCTION,
    JourneyStatus.ACTIVE,
    JourneyStatus.PAUSED,
    JourneyStatus.LEFT,
)
MANAGERIAL = Frequency(standard=MONTHLY, closer=FORTNIGHTLY, closer_weeks=12)
REFLECTIVE = Frequency(standard=MONTHLY)
ACTIVATED = dt.date(2026, 9, 1)
TODAY = dt.date(2026, 11, 23)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def journey(*moves: tuple[JourneyStatus, dt.date]) -> list[StatusChange]:
    """Status changes in order, each from the one before."""
    changes: list[StatusChange] = []
    before: JourneyStatus | None = None
    for status, on in moves:
        at = dt.datetime.combine(on, dt.time(9))
        changes.append(StatusChange(before, status, on, "why" if status in (P, L) else "", at))
        before = status
    return changes


ACTIVE_SINCE = journey((IND, d("2026-08-01")), (A, ACTIVATED))


@pytest.mark.parametrize(
    ("held", "due"),
    [
        ([], "2026-09-15"),  # closer support from activation: a fortnight
        (["2026-09-01"], "2026-09-15"),  # a session on the day they became active
        (["2026-11-16"], "2026-11-30"),  # 11 weeks in: still fortnightly
        (["2026-11-24"], "2026-12-24"),  # exactly 12 weeks in: monthly from then
        (["2026-11-23"], "2026-12-07"),  # the day before the boundary: fortnightly
        (["2026-09-10", "2026-09-03"], "2026-09-24"),  # the last session counts, in any order
        (["2026-08-20"], "2026-09-15"),  # a session before becoming active is ignored
    ],
)
def test_managerial_due_dates_around_closer_support(held: list[str], due: str) -> None:
    assert next_due_on(MANAGERIAL, ACTIVE_SINCE, [d(h) for h in held]) == d(due)


@pytest.mark.parametrize(
    ("held", "due"),
    [
        ("2026-01-31", "2026-02-28"),  # a month from 31 January is the end of February
        ("2028-01-31", "2028-02-29"),  # in a leap year too
        ("2026-03-31", "2026-04-30"),
        ("2026-12-15", "2027-01-15"),  # across a year
    ],
)
def test_monthly_due_dates_clamp_to_month_end(held: str, due: str) -> None:
    history = journey((IND, d("2025-12-01")), (A, d("2026-01-05")))
    assert next_due_on(REFLECTIVE, history, [d(held)]) == d(due)


def test_paused_days_push_the_due_date_later() -> None:
    history = journey((A, d("2026-01-05")), (P, d("2026-10-10")), (A, d("2026-10-24")))
    assert next_due_on(REFLECTIVE, history, [d("2026-10-01")]) == d("2026-11-15")
    # A pause that ended before the last session changes nothing.
    assert next_due_on(REFLECTIVE, history, [d("2026-10-25")]) == d("2026-11-25")


def test_with_months_paused_days_move_the_start_so_a_later_session_is_never_earlier() -> None:
    history = journey((A, d("2026-01-05")), (P, d("2026-01-29")), (A, d("2026-01-31")))
    assert next_due_on(REFLECTIVE, history, [d("2026-01-28")]) == d("2026-02-28")
    assert next_due_on(REFLECTIVE, history, [d("2026-01-28"), d("2026-01-31")]) == d("2026-02-28")
    assert next_due_on(REFLECTIVE, history, [d("2026-01-20")]) == d("2026-02-22")


def test_a_due_date_never_falls_on_a_paused_day() -> None:
    history = journey((A, d("2026-01-05")), (P, d("2026-11-01")), (A, d("2026-11-03")))
    assert next_due_on(REFLECTIVE, history, [d("2026-10-01")]) == d("2026-11-03")


def test_a_session_held_while_paused_counts_from_their_return() -> None:
    history = journey((A, d("2026-01-05")), (P, d("2026-10-01")), (A, d("2026-10-15")))
    assert next_due_on(REFLECTIVE, history, [d("2026-10-10")]) == d("2026-11-15")


def test_pauses_do_not_lengthen_closer_support() -> None:
    history = journey((A, ACTIVATED), (P, d("2026-09-10")), (A, d("2026-10-10")))
    # 12 weeks from 1 September is 24 November, whatever the pause: monthly from then.
    assert next_due_on(MANAGERIAL, history, [d("2026-11-24")]) == d("2026-12-24")


@pytest.mark.parametrize(
    "moves",
    [
        [(IND, ACTIVATED)],  # never active
        [(A, ACTIVATED), (P, d("2026-10-01"))],  # paused now
        [(A, ACTIVATED), (L, d("2026-10-01"))],  # left
        [(A, ACTIVATED), (IND, d("2026-10-01"))],  # moved back to induction
        [],
    ],
)
def test_nothing_is_due_unless_active_now(moves: list[tuple[JourneyStatus, dt.date]]) -> None:
    assert next_due_on(MANAGERIAL, journey(*moves), [d("2026-09-20")]) is None


def test_rejoining_after_leaving_starts_closer_support_again() -> None:
    history = journey(
        (A, d("2025-01-06")), (L, d("2025-06-01")), (IND, d("2026-10-01")), (A, d("2026-11-02"))
    )
    held = [d("2025-05-20")]  # from the earlier spell: ignored
    found = supervision_due(DEFAULT_POLICY, SupervisionKind.MANAGERIAL, Role.PAID, history, held)
    assert found == SupervisionDue(
        SupervisionKind.MANAGERIAL, d("2026-11-16"), d("2026-11-02"), after_session=False
    )


def test_returning_from_a_pause_before_ever_being_active_is_becoming_active() -> None:
    history = journey((IND, d("2026-08-01")), (P, d("2026-08-10")), (A, d("2026-10-01")))
    assert next_due_on(MANAGERIAL, history, []) == d("2026-10-15")


def test_history_out_of_order_is_read_by_date() -> None:
    history = journey((A, ACTIVATED), (P, d("2026-09-10")), (A, d("2026-09-20")))
    assert next_due_on(REFLECTIVE, history[::-1], []) == d("2026-10-11")


def test_default_policy_professional_is_not_required_and_reflective_is_monthly() -> None:
    due = supervision_due(
        DEFAULT_POLICY, SupervisionKind.PROFESSIONAL, Role.VOLUNTEER, ACTIVE_SINCE, []
    )
    assert due is None
    found = supervision_due(
        DEFAULT_POLICY, SupervisionKind.REFLECTIVE, Role.VOLUNTEER, ACTIVE_SINCE, []
    )
    assert found is not None and found.due_on == d("2026-10-01")


def test_closer_support_only_stops_being_due_when_it_ends() -> None:
    weekly_for_4 = Frequency(standard=None, closer=Interval(1, IntervalUnit.WEEKS), closer_weeks=4)
    assert next_due_on(weekly_for_4, ACTIVE_SINCE, [d("2026-09-15")]) == d("2026-09-22")
    assert next_due_on(weekly_for_4, ACTIVE_SINCE, [d("2026-09-22")]) is None
    assert next_due_on(weekly_for_4, ACTIVE_SINCE, [d("2026-10-20")]) is None


def test_a_group_session_counts_for_each_attendee_only() -> None:
    group = SessionHeld(
        SupervisionKind.REFLECTIVE, d("2026-10-07"), frozenset({PswId(1), PswId(2)})
    )
    one = SessionHeld(SupervisionKind.REFLECTIVE, d("2026-10-20"), frozenset({PswId(2)}))
    other_kind = SessionHeld(SupervisionKind.MANAGERIAL, d("2026-11-01"), frozenset({PswId(1)}))
    sessions = [group, one, other_kind]
    kind = SupervisionKind.REFLECTIVE
    assert dates_held(sessions, PswId(1), kind) == [d("2026-10-07")]
    assert dates_held(sessions, PswId(2), kind) == [d("2026-10-07"), d("2026-10-20")]
    assert dates_held(sessions, PswId(3), kind) == []
    due = [
        next_due_on(REFLECTIVE, ACTIVE_SINCE, dates_held(sessions, PswId(n), kind)) for n in (1, 2)
    ]
    assert due == [d("2026-11-07"), d("2026-11-20")]


@pytest.mark.parametrize(
    ("due", "status", "sentence"),
    [
        ("2026-11-22", DueStatus.OVERDUE, "Managerial supervision overdue since 22 November 2026"),
        ("2026-11-23", DueStatus.DUE_SOON, "Managerial supervision due today: 23 November 2026"),
        (
            "2026-11-30",
            DueStatus.DUE_SOON,
            "Managerial supervision due in 7 days: 30 November 2026",
        ),
        ("2026-12-01", DueStatus.FINE, "Managerial supervision due 1 December 2026"),
    ],
)
def test_classify_and_sentence(due: str, status: DueStatus, sentence: str) -> None:
    found = SupervisionDue(SupervisionKind.MANAGERIAL, d(due), ACTIVATED, after_session=False)
    assert (found.classify(TODAY), found.sentence(TODAY)) == (status, sentence)
    assert DueStatus.DUE_SOON.label == "Due within 7 days"


# --- Properties ------------------------------------------------------------------------------

intervals = st.one_of(
    st.builds(Interval, st.integers(1, 26), st.just(IntervalUnit.WEEKS)),
    st.builds(Interval, st.integers(1, 6), st.just(IntervalUnit.MONTHS)),
)
frequencies = st.builds(
    Frequency,
    standard=intervals,
    closer=st.none() | intervals,
    closer_weeks=st.integers(0, 104),
).filter(lambda f: not any(p.blocking for p in frequency_problems(f)))
start_days = st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31))
# (active days before the pause, paused days): pauses one after another, none overlapping.
pause_runs = st.lists(st.tuples(st.integers(0, 120), st.integers(0, 90)), max_size=5)
session_offsets = st.lists(st.integers(-60, 900), max_size=8)


def spell(activated: dt.date, pauses: Sequence[tuple[int, int]]) -> list[StatusChange]:
    """Induction, active, then each pause and return; active at the end."""
    moves = [(IND, activated - dt.timedelta(days=30)), (A, activated)]
    day = activated
    for gap, length in pauses:
        day += dt.timedelta(days=gap)
        moves.append((P, day))
        day += dt.timedelta(days=length)
        moves.append((A, day))
    return journey(*moves)


def days_from(start: dt.date, offsets: Sequence[int]) -> list[dt.date]:
    return [start + dt.timedelta(days=n) for n in offsets]


@given(frequencies, start_days, pause_runs, session_offsets)
def test_never_before_the_last_session_nor_becoming_active(
    frequency: Frequency,
    activated: dt.date,
    pauses: list[tuple[int, int]],
    offsets: list[int],
) -> None:
    held = days_from(activated, offsets)
    due = next_due_on(frequency, spell(activated, pauses), held)
    assert due is not None
    assert due > max([activated, *held])


@given(frequencies, start_days, pause_runs.filter(bool), session_offsets, st.data())
def test_pauses_only_push_it_later(
    frequency: Frequency,
    activated: dt.date,
    pauses: list[tuple[int, int]],
    offsets: list[int],
    data: st.DataObject,
) -> None:
    held = days_from(activated, offsets)
    # Without one of the pauses they were active on those days; the other pauses stay put.
    drop = data.draw(st.integers(0, len(pauses) - 1))
    fewer = list(pauses)
    gap, length = fewer.pop(drop)
    if drop < len(fewer):
        fewer[drop] = (gap + length + fewer[drop][0], fewer[drop][1])
    with_all = next_due_on(frequency, spell(activated, pauses), held)
    without = next_due_on(frequency, spell(activated, fewer), held)
    assert with_all is not None and without is not None
    assert with_all >= without


@given(frequencies, start_days, pause_runs, session_offsets, st.integers(-60, 900))
def test_holding_another_session_never_makes_it_due_earlier(
    frequency: Frequency,
    activated: dt.date,
    pauses: list[tuple[int, int]],
    offsets: list[int],
    extra: int,
) -> None:
    history = spell(activated, pauses)
    held = days_from(activated, offsets)
    before = next_due_on(frequency, history, held)
    after = next_due_on(frequency, history, [*held, activated + dt.timedelta(days=extra)])
    assert before is not None and after is not None
    assert after >= before


@given(
    st.integers(1, 3),
    st.sampled_from([dt.date(2026, 1, 1) - dt.timedelta(days=n) for n in range(6)]),
    st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), max_size=2),
    st.lists(st.integers(0, 8), max_size=2),
    st.integers(0, 8),
)
def test_another_session_near_a_month_end_never_makes_it_due_earlier(
    months: int, activated: dt.date, pauses: list[tuple[int, int]], offsets: list[int], extra: int
) -> None:
    """Where clamping to month end meets short pauses (late December, into February)."""
    frequency = Frequency(Interval(months, IntervalUnit.MONTHS))
    history = spell(activated, pauses)
    held = days_from(activated, offsets)
    before = next_due_on(frequency, history, held)
    after = next_due_on(frequency, history, [*held, activated + dt.timedelta(days=extra)])
    assert before is not None and after is not None
    assert after >= before


@given(frequencies, frequencies, start_days, pause_runs, session_offsets, st.sampled_from(Role))
def test_a_policy_change_equals_computing_afresh(
    first: Frequency,
    second: Frequency,
    activated: dt.date,
    pauses: list[tuple[int, int]],
    offsets: list[int],
    role: Role,
) -> None:
    history = spell(activated, pauses)
    held = days_from(activated, offsets)
    kind = SupervisionKind.REFLECTIVE
    before = DEFAULT_POLICY.with_frequency(kind, role, first)
    supervision_due(before, kind, role, history, held)
    changed = before.with_frequency(kind, role, second)
    afresh = SupervisionPolicy(DEFAULT_POLICY.rules).with_frequency(kind, role, second)
    expected = supervision_due(afresh, kind, role, list(history), list(held))
    assert supervision_due(changed, kind, role, iter(history), iter(held)) == expected
    assert expected == supervision_due(
        SupervisionPolicy(()).with_frequency(kind, role, second), kind, role, history, held
    )
    assert history == spell(activated, pauses) and held == days_from(activated, offsets)
