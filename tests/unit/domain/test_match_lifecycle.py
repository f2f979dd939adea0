"""A match's lifecycle: the allowed steps, what a step may not be, places, and attention dates."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.contacts import MatchId
from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.match_lifecycle import (
    CONSENT_MESSAGE,
    EndReason,
    Match,
    MatchStage,
    MatchStep,
    allowed_next,
    current_stage,
    places_used,
    quiet_match,
    return_to_list_date,
    stale_proposal,
    step_problems,
)

TODAY = dt.date(2026, 3, 20)
P, IN, A, E, W = (
    MatchStage.PROPOSED,
    MatchStage.INTRODUCED,
    MatchStage.ACTIVE,
    MatchStage.ENDED,
    MatchStage.WITHDRAWN,
)


def step(
    stage: MatchStage,
    on: dt.date = dt.date(2026, 3, 10),
    by: str = "Sam",
    note: str = "",
    end_reason: EndReason | None = None,
) -> MatchStep:
    return MatchStep(stage, on, by, note, end_reason)


def history(*stages: MatchStage, on: dt.date = dt.date(2026, 3, 1)) -> list[MatchStep]:
    return [step(s, on, end_reason=EndReason.GOALS_MET if s is E else None) for s in stages]


# --- transitions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "expected"),
    [
        (None, (P,)),
        (P, (IN, W)),
        (IN, (A, E)),
        (A, (E,)),
        (E, ()),
        (W, ()),
    ],
)
def test_allowed_next(current: MatchStage | None, expected: tuple[MatchStage, ...]) -> None:
    assert allowed_next(current) == expected


def test_final_stages() -> None:
    assert {s for s in MatchStage if s.is_final} == {E, W}


ALL_PAIRS = [(c, n) for c in (None, *MatchStage) for n in MatchStage]


@pytest.mark.parametrize(("current", "new"), ALL_PAIRS)
def test_every_transition_is_accepted_exactly_when_allowed(
    current: MatchStage | None, new: MatchStage
) -> None:
    before: list[MatchStep] = [] if current is None else history(*_path_to(current))
    reason = EndReason.GOALS_MET if new is E else None
    problems = step_problems(
        before, step(new, end_reason=reason), today=TODAY, consent_to_share=True
    )
    assert (problems == []) == (new in allowed_next(current))
    assert all(p.field == "stage" for p in problems)


def _path_to(stage: MatchStage) -> tuple[MatchStage, ...]:
    return {
        P: (P,),
        IN: (P, IN),
        A: (P, IN, A),
        E: (P, IN, A, E),
        W: (P, W),
    }[stage]


@pytest.mark.parametrize(
    ("before", "new", "message"),
    [
        pytest.param(
            (), IN, "A match starts as proposed, not introduced.", id="start-not-proposed"
        ),
        pytest.param(
            (P,), P, "The match is already proposed: a step is not recorded twice.", id="repeat-p"
        ),
        pytest.param(
            (P, IN, A),
            A,
            "The match is already active: a step is not recorded twice.",
            id="repeat-active",
        ),
        pytest.param(
            (P,),
            A,
            "From proposed, a match can next be introduced or withdrawn, not active.",
            id="skip",
        ),
        pytest.param(
            (P, IN),
            W,
            "From introduced, a match can next be active or ended, not withdrawn.",
            id="i-w",
        ),
        pytest.param(
            (P, IN, A), P, "From active, a match can next be ended, not proposed.", id="back"
        ),
        pytest.param(
            (P, IN, A, E), A, "The match is ended: it takes no further steps.", id="after-end"
        ),
        pytest.param(
            (P, W), IN, "The match is withdrawn: it takes no further steps.", id="after-withdrawn"
        ),
    ],
)
def test_order_messages(before: tuple[MatchStage, ...], new: MatchStage, message: str) -> None:
    problems = step_problems(history(*before), step(new), today=TODAY, consent_to_share=True)
    assert problems == [Problem("stage", message)]


# --- each message --------------------------------------------------------------------------

OTHER = EndReason.OTHER


@pytest.mark.parametrize(
    ("before", "new", "consent", "expected"),
    [
        pytest.param(
            (P,),
            step(IN),
            False,
            [Problem("stage", CONSENT_MESSAGE)],
            id="introduced-without-consent",
        ),
        pytest.param(
            (),
            step(P, on=dt.date(2026, 3, 21)),
            True,
            [Problem("on", "The date of a step cannot be in the future.")],
            id="future",
        ),
        pytest.param(
            (P,),
            step(IN, on=dt.date(2026, 2, 28)),
            True,
            [Problem("on", "The date is before the last step (proposed on 1 March 2026).")],
            id="before-last",
        ),
        pytest.param(
            (P, IN, A),
            step(E),
            True,
            [Problem("end_reason", "Say why the match ended: the reason is kept for reports.")],
            id="ended-without-reason",
        ),
        pytest.param(
            (P, IN, A),
            step(E, end_reason=OTHER, note="  "),
            True,
            [Problem("note", 'The reason is "other": say what it was in the note.')],
            id="other-without-note",
        ),
        pytest.param(
            (P,),
            step(W, end_reason=EndReason.GOALS_MET),
            True,
            [Problem("end_reason", "Only an ended match has an end reason.")],
            id="reason-on-withdrawn",
        ),
        pytest.param(
            (),
            step(P, by=" \t"),
            True,
            [Problem("by", "Say who took this step.")],
            id="blank-by",
        ),
        pytest.param(
            (),
            step(P, note="x" * 10_001),
            True,
            [Problem("note", "Use at most 10,000 characters.")],
            id="note-too-long",
        ),
    ],
)
def test_each_message(
    before: tuple[MatchStage, ...], new: MatchStep, consent: bool, expected: list[Problem]
) -> None:
    assert step_problems(history(*before), new, today=TODAY, consent_to_share=consent) == expected


@pytest.mark.parametrize(
    "new",
    [
        step(E, end_reason=OTHER, note="Moved into residential care"),
        step(E, end_reason=EndReason.SAFEGUARDING),
        step(E, on=dt.date(2026, 3, 1), end_reason=EndReason.LOST_CONTACT),  # same day as last
        step(E, on=TODAY, end_reason=EndReason.GOALS_MET),  # today is not the future
    ],
)
def test_good_endings(new: MatchStep) -> None:
    assert step_problems(history(P, IN, A), new, today=TODAY, consent_to_share=False) == []


def test_consent_only_matters_for_the_introduction() -> None:
    for before, new in [((), P), ((P,), W), ((P, IN), A)]:
        assert step_problems(history(*before), step(new), today=TODAY, consent_to_share=False) == []


def test_ended_from_introduced_keeps_a_reason() -> None:
    new = step(E, end_reason=EndReason.PERSONS_CHOICE)
    assert step_problems(history(P, IN), new, today=TODAY, consent_to_share=True) == []


def test_problems_are_gathered_together() -> None:
    new = step(A, on=dt.date(2026, 3, 21), by="", end_reason=EndReason.OTHER)
    fields = [p.field for p in step_problems(history(P), new, today=TODAY, consent_to_share=True)]
    assert fields == ["stage", "on", "by", "end_reason"]


def test_end_reason_labels_and_note() -> None:
    assert [r.label for r in EndReason] == [
        "Goals met",
        "The person's choice",
        "The PSW's choice",
        "Lost contact",
        "Moved away",
        "Safeguarding",
        "Other",
    ]
    assert [r for r in EndReason if r.needs_note] == [EndReason.OTHER]


# --- places --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stages", "used"),
    [
        ((), 0),
        ((P,), 1),
        ((IN,), 1),
        ((A,), 1),
        ((E,), 0),
        ((W,), 0),
        ((P, IN, A, E, W, A), 4),
    ],
)
def test_places_used(stages: tuple[MatchStage, ...], used: int) -> None:
    assert places_used(stages) == used


def test_match_record_reports_its_stage() -> None:
    m = Match(MatchId(1), PersonId(2), PswId(3), tuple(history(P, IN)))
    assert m.stage is IN
    assert Match(MatchId(1), PersonId(2), PswId(3), ()).stage is None
    assert current_stage([]) is None


# --- attention -----------------------------------------------------------------------------

PROPOSED_ON = dt.date(2026, 3, 1)


@pytest.mark.parametrize(
    ("before", "today", "expected"),
    [
        pytest.param((P,), dt.date(2026, 3, 15), None, id="14-days-old"),
        pytest.param((P,), dt.date(2026, 3, 16), dt.date(2026, 3, 16), id="15-days-old"),
        pytest.param((P,), dt.date(2026, 6, 1), dt.date(2026, 3, 16), id="long-overdue"),
        pytest.param((P, IN), dt.date(2026, 6, 1), None, id="introduced"),
        pytest.param((P, W), dt.date(2026, 6, 1), None, id="withdrawn"),
        pytest.param((), dt.date(2026, 6, 1), None, id="no-steps"),
    ],
)
def test_stale_proposal(
    before: tuple[MatchStage, ...], today: dt.date, expected: dt.date | None
) -> None:
    assert stale_proposal(history(*before, on=PROPOSED_ON), today) == expected


ACTIVE_ON = dt.date(2026, 3, 1)


@pytest.mark.parametrize(
    ("before", "last_contact", "today", "expected"),
    [
        pytest.param((P, IN, A), None, dt.date(2026, 3, 30), None, id="29-days-no-contact"),
        pytest.param(
            (P, IN, A), None, dt.date(2026, 3, 31), dt.date(2026, 3, 31), id="30-days-no-contact"
        ),
        pytest.param(
            (P, IN, A),
            dt.date(2026, 2, 20),  # contact at the introduction, before it became active
            dt.date(2026, 4, 10),
            dt.date(2026, 3, 31),
            id="contact-before-active",
        ),
        pytest.param(
            (P, IN, A), dt.date(2026, 3, 20), dt.date(2026, 4, 18), None, id="recent-contact"
        ),
        pytest.param(
            (P, IN, A),
            dt.date(2026, 3, 20),
            dt.date(2026, 5, 1),
            dt.date(2026, 4, 19),
            id="quiet-since-contact",
        ),
        pytest.param((P, IN, A, E), None, dt.date(2026, 6, 1), None, id="ended"),
        pytest.param((P, IN), None, dt.date(2026, 6, 1), None, id="introduced"),
    ],
)
def test_quiet_match(
    before: tuple[MatchStage, ...],
    last_contact: dt.date | None,
    today: dt.date,
    expected: dt.date | None,
) -> None:
    assert quiet_match(history(*before, on=ACTIVE_ON), last_contact, today) == expected


def test_return_to_list_keeps_the_first_referral_date() -> None:
    assert return_to_list_date(dt.date(2025, 11, 4)) == dt.date(2025, 11, 4)


# --- property: whatever is accepted is a well-formed history -------------------------------

START = dt.date(2026, 1, 1)

# A candidate is built against the history accepted so far, so that most candidates are near
# misses: the stage is either any stage or "the k-th allowed next one"; the date moves from the
# last step by a few days either way; a reason comes with any stage.
stage_picks = st.one_of(st.sampled_from(MatchStage), st.integers(0, 1))
candidates = st.tuples(
    stage_picks,
    st.integers(-2, 6),  # days after the last step (or after START)
    st.sampled_from(["", " ", "Sam", "Sam", "Zoë", "Łukasz"]),
    st.sampled_from(["", " ", "Spoke on the phone"]),
    st.none() | st.sampled_from(EndReason),
    st.booleans(),  # consent to share
)
Candidate = tuple[MatchStage | int, int, str, str, EndReason | None, bool]


def _build(accepted: list[MatchStep], c: Candidate) -> tuple[MatchStep, bool]:
    pick, days, by, note, reason, consent = c
    if isinstance(pick, int):
        options = allowed_next(current_stage(accepted)) or (P,)
        pick = options[pick % len(options)]
    base = accepted[-1].on if accepted else START
    return MatchStep(pick, base + dt.timedelta(days=days), by, note, reason), consent


@given(attempts=st.lists(candidates, max_size=30), today_offset=st.integers(0, 60))
def test_accepted_steps_form_a_valid_history(attempts: list[Candidate], today_offset: int) -> None:
    today = START + dt.timedelta(days=today_offset)
    accepted: list[MatchStep] = []
    for c in attempts:
        new, consent = _build(accepted, c)
        if step_problems(accepted, new, today=today, consent_to_share=consent):
            continue
        accepted.append(new)
        last = accepted[-1].stage
        assert places_used([last]) == (1 if last in (P, IN, A) else 0)
    previous: MatchStage | None = None
    for s in accepted:
        assert s.stage in allowed_next(previous)
        assert s.on <= today
        assert s.by.strip()
        assert (s.end_reason is not None) == (s.stage is E)
        if s.end_reason is EndReason.OTHER:
            assert s.note.strip()
        previous = s.stage
    assert all(a.on <= b.on for a, b in itertools.pairwise(accepted))
    assert len({s.stage for s in accepted}) == len(accepted)  # no stage twice
    used = places_used([accepted[-1].stage]) if accepted else 0
    assert used == (1 if accepted and not accepted[-1].stage.is_final else 0)


@given(
    gaps=st.lists(st.integers(0, 20), min_size=4, max_size=4),
    reason=st.sampled_from(EndReason),
)
def test_a_well_formed_path_is_always_accepted(gaps: list[int], reason: EndReason) -> None:
    """The property above is not vacuous: the full path goes through whatever the dates."""
    on = START
    accepted: list[MatchStep] = []
    for stage, gap in zip((P, IN, A, E), gaps, strict=True):
        on += dt.timedelta(days=gap)
        new = step(stage, on=on, note="why", end_reason=reason if stage is E else None)
        assert step_problems(accepted, new, today=on, consent_to_share=True) == []
        accepted.append(new)
    assert places_used(s.stage for s in accepted[-1:]) == 0
