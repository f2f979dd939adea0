"""Retention decisions: the reason in words, longest rule wins, holds always keep, bands kept."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.retention import (
    Action,
    Outcome,
    RecordFacts,
    RecordKind,
    Rule,
    Subject,
    Trigger,
    band_birth_date,
    decide,
    psw_triggers,
)
from peerdesk.domain.trustees_inputs import age_band

RULES = {
    Subject.ENQUIRY: Rule(Subject.ENQUIRY, 6, Action.ERASE),
    Subject.UNSUCCESSFUL_APPLICANT: Rule(Subject.UNSUCCESSFUL_APPLICANT, 6, Action.ERASE),
    Subject.PSW_LEFT: Rule(Subject.PSW_LEFT, 24, Action.ANONYMISE),
    Subject.PSW_LEFT_AFTER_INCIDENT: Rule(Subject.PSW_LEFT_AFTER_INCIDENT, 84, Action.ANONYMISE),
    Subject.SUPPORTED_PERSON: Rule(Subject.SUPPORTED_PERSON, 24, Action.ANONYMISE),
}
LEFT = dt.date(2024, 3, 3)


def _psw(incident: bool = False, holds: tuple[str, ...] = ()) -> RecordFacts:
    triggers = psw_triggers("left", LEFT, ever_active=True, last_activity=LEFT, incident=incident)
    return RecordFacts(RecordKind.PSW, 1, "A", triggers, holds)


def test_the_reason_is_written_in_words() -> None:
    decision = decide(_psw(), RULES, dt.date(2026, 3, 3))
    assert decision.outcome is Outcome.ANONYMISE
    assert decision.why.startswith(
        "Left 3 March 2024; kept 2 years after leaving; due 3 March 2026"
    )
    kept = decide(_psw(), RULES, dt.date(2026, 3, 2))
    assert kept.outcome is Outcome.KEEP and kept.due_on == dt.date(2026, 3, 3)


def test_an_incident_keeps_seven_years() -> None:
    decision = decide(_psw(incident=True), RULES, dt.date(2030, 1, 1))
    assert decision.outcome is Outcome.KEEP and decision.due_on == dt.date(2031, 3, 3)
    assert decision.subject is Subject.PSW_LEFT_AFTER_INCIDENT


def test_a_missing_date_is_listed_but_never_erased() -> None:
    facts = RecordFacts(RecordKind.PSW, 1, "A", (Trigger(Subject.ENQUIRY, None, "Last activity"),))
    decision = decide(facts, RULES, dt.date(2099, 1, 1))
    assert decision.outcome is Outcome.KEEP and "never erased" in decision.why


days = st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31))
months = st.integers(1, 240)
subjects = st.sampled_from(list(Subject))
actions = st.sampled_from(list(Action))
triggers = st.lists(st.builds(Trigger, subjects, days, st.just("Left")), min_size=1, max_size=4)


def _rules(pairs: list[tuple[Subject, int, Action]]) -> dict[Subject, Rule]:
    return {subject: Rule(subject, m, a) for subject, m, a in pairs}


rule_sets = st.lists(st.tuples(subjects, months, actions), min_size=1).map(_rules)


@given(triggers, rule_sets, days, st.text(min_size=1))
def test_a_hold_always_keeps(
    found: list[Trigger], rules: dict[Subject, Rule], today: dt.date, reason: str
) -> None:
    facts = RecordFacts(RecordKind.PSW, 1, "A", tuple(found), (reason,))
    assert not decide(facts, rules, today).outcome.acts


@given(triggers, rule_sets, days, subjects, months, actions)
def test_a_longer_rule_never_makes_a_record_due_earlier(
    found: list[Trigger],
    rules: dict[Subject, Rule],
    today: dt.date,
    subject: Subject,
    extra: int,
    action: Action,
) -> None:
    facts = RecordFacts(RecordKind.PSW, 1, "A", tuple(found))
    before = decide(facts, rules, today)
    current = rules.get(subject)
    longer = max(extra, current.months if current else 0)
    after = decide(facts, {**rules, subject: Rule(subject, longer, action)}, today)
    if before.due_on is not None and after.due_on is not None:
        assert after.due_on >= before.due_on
    if before.due_on is not None and not before.outcome.acts:  # a rule applied, not yet due
        assert not after.outcome.acts


@given(triggers, rule_sets, days)
def test_the_longest_applicable_rule_wins(
    found: list[Trigger], rules: dict[Subject, Rule], today: dt.date
) -> None:
    from peerdesk.domain.calendar import add_months

    ends = [
        add_months(t.on, rules[t.subject].months)
        for t in found
        if t.subject in rules and t.on is not None
    ]
    decision = decide(RecordFacts(RecordKind.PSW, 1, "A", tuple(found)), rules, today)
    if ends:
        assert decision.due_on == max(ends)


@given(st.dates(dt.date(1900, 1, 1), dt.date(2030, 12, 31)), days)
def test_the_banded_birth_date_keeps_the_age_band(born: dt.date, referred: dt.date) -> None:
    banded = band_birth_date(born, referred)
    assert age_band(banded, referred) == age_band(born, referred)


def test_statuses_with_rules_are_exactly_those_triggers_are_given_for() -> None:
    from peerdesk.domain.journey import JourneyStatus
    from peerdesk.domain.person import PersonStatus
    from peerdesk.domain.retention import (
        PERSON_STATUSES_WITH_RULES,
        PSW_STATUSES_WITH_RULES,
        person_triggers,
        psw_triggers,
    )

    day = dt.date(2024, 3, 3)
    psw = {
        status.value
        for status in JourneyStatus
        if psw_triggers(status.value, day, ever_active=True, last_activity=day, incident=False)
    }
    person = {status.value for status in PersonStatus if person_triggers(status.value, day, day)}
    assert psw == set(PSW_STATUSES_WITH_RULES)
    assert person == set(PERSON_STATUSES_WITH_RULES)
