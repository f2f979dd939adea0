"""Trustees' figures on a small hand-made dataset, period helpers, and order independence."""

from __future__ import annotations

import datetime as dt
import random
from typing import TypeVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.demographics import PREFER_NOT_TO_SAY
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.journey import JourneyStatus as J
from peerdesk.domain.match_lifecycle import EndReason
from peerdesk.domain.person import PersonStatus as P
from peerdesk.domain.psw import Role
from peerdesk.domain.trustees import Share, percentile, trustees_figures
from peerdesk.domain.trustees_inputs import (
    ANOTHER_ANSWER,
    NOT_RECORDED,
    ContactFacts,
    EqualityAnswer,
    MatchFacts,
    OutcomeScores,
    Period,
    PersonFacts,
    PswFacts,
    PswStanding,
    TrusteesInputs,
    age_band,
    equality_band,
    last_full_year,
)

d = dt.date
T = TypeVar("T")
START, END = d(2025, 4, 1), d(2026, 3, 31)

PSWS = (
    PswFacts(
        PswId(1),
        Role.VOLUNTEER,
        ((J.ENQUIRY, d(2024, 1, 10)), (J.ACTIVE, d(2024, 6, 1))),
        (EqualityAnswer.of("gender", "Woman"), EqualityAnswer.of("ethnicity", PREFER_NOT_TO_SAY)),
        (d(2025, 5, 1), d(2024, 5, 1)),
    ),
    PswFacts(
        PswId(2),
        Role.PAID,
        ((J.ENQUIRY, d(2025, 2, 1)), (J.ACTIVE, d(2025, 5, 10))),
        (EqualityAnswer.of("gender", "man"),),
        (d(2025, 4, 20),),
    ),
    PswFacts(
        PswId(3),
        Role.VOLUNTEER,
        ((J.ACTIVE, d(2024, 9, 1)), (J.LEFT, d(2025, 10, 1))),
        (EqualityAnswer.of("gender", "in my own words"),),
    ),
    PswFacts(PswId(4), Role.VOLUNTEER, ((J.ENQUIRY, d(2025, 6, 1)), (J.INTERVIEW, d(2025, 7, 1)))),
    PswFacts(PswId(5), Role.VOLUNTEER, ((J.ACTIVE, d(2025, 1, 5)), (J.PAUSED, d(2026, 2, 1)))),
)
PEOPLE = (
    PersonFacts(
        PersonId(1),
        d(2025, 5, 1),
        ((P.WAITING, d(2025, 5, 1)), (P.ON_HOLD, d(2025, 6, 1)), (P.WAITING, d(2025, 7, 1))),
    ),
    PersonFacts(PersonId(2), d(2026, 3, 1), ((P.WAITING, d(2026, 3, 1)),)),
    PersonFacts(PersonId(3), d(2026, 3, 21), ((P.WAITING, d(2026, 3, 21)),)),
    PersonFacts(
        PersonId(4),
        d(2025, 1, 10),
        ((P.WAITING, d(2025, 1, 10)), (P.MATCHED, d(2025, 3, 1)), (P.CLOSED, d(2025, 9, 1))),
        (EqualityAnswer.of("gender", "Woman"),),
        (OutcomeScores("1", True, ((d(2025, 3, 1), 10.0), (d(2025, 6, 1), 14.0))),),
    ),
    PersonFacts(
        PersonId(5),
        d(2025, 6, 1),
        ((P.WAITING, d(2025, 6, 1)), (P.MATCHED, d(2025, 8, 1))),
        (),
        (
            OutcomeScores(
                "1", True, ((d(2026, 5, 1), 25.0), (d(2025, 8, 1), 20.0), (d(2026, 2, 1), 18.0))
            ),
        ),
    ),
)
MATCHES = (
    MatchFacts(d(2025, 3, 1), d(2025, 9, 1), EndReason.GOALS_MET),
    MatchFacts(d(2025, 8, 1)),
    MatchFacts(d(2025, 9, 1), d(2025, 12, 1), EndReason.LOST_CONTACT),
    MatchFacts(d(2024, 10, 1), d(2026, 1, 5), None),
)
CONTACTS = (
    ContactFacts(d(2025, 4, 30), 90, PswId(1)),
    ContactFacts(d(2025, 5, 1), 30, PswId(1)),
    ContactFacts(d(2025, 5, 31), 60, PswId(2)),
    ContactFacts(d(2026, 3, 31), 45, PswId(2)),
    ContactFacts(d(2026, 4, 1), 600, PswId(2)),
    ContactFacts(d(2025, 3, 31), 120, PswId(1)),
)
STANDINGS = (
    PswStanding(PswId(1), END, cleared=True, in_date_for_supervision=False),
    PswStanding(PswId(2), END, cleared=True, in_date_for_supervision=True),
    PswStanding(PswId(4), END, cleared=True, in_date_for_supervision=True),
)
INPUTS = TrusteesInputs(PSWS, PEOPLE, MATCHES, CONTACTS, STANDINGS)
FIGURES = trustees_figures(INPUTS, START, END)
NOW, BEFORE = FIGURES.current, FIGURES.previous


def test_psw_counts_now_and_before() -> None:
    assert (NOW.active_psws, NOW.joined, NOW.left) == (2, 1, 1)
    assert BEFORE is not None
    assert BEFORE.period == Period(d(2024, 4, 1), d(2025, 3, 31))
    assert (BEFORE.active_psws, BEFORE.joined, BEFORE.left) == (3, 3, 0)


def test_referrals_and_people_supported() -> None:
    assert (NOW.referrals, NOW.people_supported) == (4, 2)
    assert BEFORE is not None
    assert (BEFORE.referrals, BEFORE.people_supported) == (1, 1)


def test_waits_subtract_time_on_hold_and_use_the_period_end() -> None:
    first = (END - d(2025, 5, 1)).days - 30
    assert NOW.waits.waiting == 3
    assert NOW.waits.median_days == 30
    assert NOW.waits.p90_days == pytest.approx(30 + (first - 30) * 0.8)
    assert NOW.waits.longest_days == first == 304
    assert BEFORE is not None
    assert (BEFORE.waits.waiting, BEFORE.waits.median_days, BEFORE.waits.longest_days) == (
        0,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("values", "q", "expected"),
    [
        ([], 50, None),
        ([7], 90, 7),
        ([3, 1, 2], 50, 2),
        ([4, 1, 3, 2], 50, 2.5),
        ([10, 20, 30, 40], 90, 37),
        ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90, 10),
    ],
)
def test_percentiles_on_odd_and_even_counts(
    values: list[float], q: float, expected: float | None
) -> None:
    assert percentile(values, q) == (pytest.approx(expected) if expected is not None else None)


def test_matches_started_and_ended_by_reason() -> None:
    assert NOW.matches_started == 2
    assert NOW.matches_ended["Goals met"] == 1
    assert NOW.matches_ended["Lost contact"] == 1
    assert NOW.matches_ended[NOT_RECORDED] == 1
    assert sum(NOW.matches_ended.values()) == 3
    assert BEFORE is not None
    assert BEFORE.matches_started == 2
    assert NOT_RECORDED not in BEFORE.matches_ended
    assert set(BEFORE.matches_ended.values()) == {0}


def test_hours_split_across_calendar_months() -> None:
    hours = dict(NOW.hours_by_month)
    assert len(hours) == 12
    assert (hours[d(2025, 4, 1)], hours[d(2025, 5, 1)], hours[d(2026, 3, 1)]) == (1.5, 1.5, 0.75)
    assert hours[d(2025, 12, 1)] == 0
    assert BEFORE is not None
    assert dict(BEFORE.hours_by_month)[d(2025, 3, 1)] == 2


def test_hours_of_a_part_month_period() -> None:
    part = trustees_figures(INPUTS, d(2025, 4, 15), d(2025, 5, 10), previous=False)
    assert part.previous is None
    assert part.current.hours_by_month == ((d(2025, 4, 1), 1.5), (d(2025, 5, 1), 0.5))


def test_shares_of_active_psws_from_standings_on_the_period_end() -> None:
    assert NOW.cleared == Share(2, 2)
    assert NOW.in_date_for_supervision == Share(1, 2)
    assert NOW.in_date_for_supervision.fraction == 0.5
    assert BEFORE is not None
    assert BEFORE.cleared is None


def test_training_done_in_the_period() -> None:
    assert NOW.training_done == 2
    assert BEFORE is not None
    assert BEFORE.training_done == 1


def test_equality_keeps_prefer_not_to_say_and_not_recorded_apart() -> None:
    gender = NOW.psw_equality["gender"]
    assert (gender["Woman"], gender["Man"], gender[ANOTHER_ANSWER], gender[NOT_RECORDED]) == (
        1,
        1,
        1,
        1,
    )
    ethnicity = NOW.psw_equality["ethnicity"]
    assert (ethnicity[PREFER_NOT_TO_SAY], ethnicity[NOT_RECORDED]) == (1, 3)
    people = NOW.people_equality["gender"]
    assert (people["Woman"], people[NOT_RECORDED], people[PREFER_NOT_TO_SAY]) == (1, 1, 0)
    assert "in my own words" not in str(NOW)


def test_outcomes_first_to_latest_in_the_period() -> None:
    measure = NOW.outcomes["1"]
    assert (measure.people, measure.mean_change, measure.improved) == (2, 1.0, Share(1, 2))
    assert BEFORE is not None
    assert BEFORE.outcomes == {}


def test_lower_is_better_counts_a_fall_as_improved() -> None:
    scores = OutcomeScores("2", False, ((d(2025, 4, 2), 30.0), (d(2025, 9, 9), 21.0)))
    person = PersonFacts(PersonId(9), d(2025, 4, 1), (), (), (scores,))
    got = trustees_figures(TrusteesInputs(people=(person,)), START, END).current.outcomes["2"]
    assert (got.people, got.mean_change, got.improved) == (1, -9.0, Share(1, 1))


@pytest.mark.parametrize(
    ("before", "start", "end"),
    [
        (d(2026, 11, 23), d(2025, 4, 1), d(2026, 3, 31)),
        (d(2026, 4, 1), d(2025, 4, 1), d(2026, 3, 31)),
        (d(2026, 3, 31), d(2024, 4, 1), d(2025, 3, 31)),
    ],
)
def test_last_full_april_to_march_year(before: dt.date, start: dt.date, end: dt.date) -> None:
    assert last_full_year(before) == Period(start, end)


def test_previous_period_same_length() -> None:
    assert Period(d(2024, 4, 1), d(2025, 3, 31)).previous() == Period(d(2023, 4, 1), d(2024, 3, 31))
    assert Period(d(2025, 1, 1), d(2025, 2, 28)).previous() == Period(
        d(2024, 11, 1), d(2024, 12, 31)
    )
    assert Period(d(2025, 4, 15), d(2025, 5, 10)).previous() == Period(
        d(2025, 3, 20), d(2025, 4, 14)
    )


def test_bad_periods_and_thresholds_are_refused() -> None:
    with pytest.raises(ValueError, match="starts"):
        trustees_figures(INPUTS, END, START)
    with pytest.raises(ValueError, match="threshold"):
        trustees_figures(INPUTS, START, END, threshold=0)


def test_equality_bands() -> None:
    assert equality_band("gender", None) == NOT_RECORDED
    assert equality_band("gender", "  ") == NOT_RECORDED
    assert equality_band("gender", "prefer NOT to say") == PREFER_NOT_TO_SAY
    assert equality_band("gender", "woman") == "Woman"
    assert equality_band("gender", "Jo's own words") == ANOTHER_ANSWER
    assert equality_band("unknown question", "Woman") == ANOTHER_ANSWER


def _shuffled(inputs: TrusteesInputs, rng: random.Random) -> TrusteesInputs:
    def mix(items: tuple[T, ...]) -> tuple[T, ...]:
        return tuple(rng.sample(items, len(items)))

    psws = tuple(
        PswFacts(p.id, p.role, mix(p.statuses), mix(p.equality), mix(p.training_completed))
        for p in inputs.psws
    )
    people = tuple(
        PersonFacts(p.id, p.referred_on, mix(p.statuses), mix(p.equality), mix(p.outcomes))
        for p in inputs.people
    )
    return TrusteesInputs(
        mix(psws), mix(people), mix(inputs.matches), mix(inputs.contacts), mix(inputs.standings)
    )


@given(st.randoms(use_true_random=False))
def test_input_order_never_changes_the_figures(rng: random.Random) -> None:
    assert trustees_figures(_shuffled(INPUTS, rng), START, END) == FIGURES


def test_referrals_and_matches_by_month_add_up_to_the_totals() -> None:
    assert len(NOW.referrals_by_month) == 12
    assert sum(n for _, n in NOW.referrals_by_month) == NOW.referrals
    assert dict(NOW.referrals_by_month)[d(2026, 3, 1)] == 2
    assert sum(n for _, n in NOW.started_by_month) == NOW.matches_started
    assert sum(n for _, n in NOW.ended_by_month) == sum(NOW.matches_ended.values())


def test_a_period_with_nothing_in_it_is_empty() -> None:
    empty = trustees_figures(INPUTS, d(2010, 1, 1), d(2010, 12, 31), previous=False)
    assert empty.current.is_empty
    assert not NOW.is_empty


@pytest.mark.parametrize(
    ("born", "band"),
    [
        (None, NOT_RECORDED),
        (d(2012, 1, 1), ANOTHER_ANSWER),
        (d(2010, 3, 31), "16–24"),
        (d(2001, 4, 2), "16–24"),
        (d(2001, 4, 1), "25–34"),
        (d(1961, 4, 2), "55–64"),
        (d(1961, 4, 1), "65–74"),
        (d(1951, 4, 1), "75 and over"),
        (d(2027, 1, 1), NOT_RECORDED),
    ],
)
def test_age_band_on_a_day(born: dt.date | None, band: str) -> None:
    assert age_band(born, d(2026, 4, 1)) == band
