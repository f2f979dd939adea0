"""Retention decisions: which rule applies to a record, when it falls due, and why, in words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from peerdesk.domain.calendar import add_months, format_date
from peerdesk.domain.demographics import QUESTION_BY_KEY
from peerdesk.domain.trustees_inputs import AGE_BAND, ANOTHER_ANSWER, NOT_RECORDED, age_band

MONTHS_MIN = 1
MONTHS_MAX = 240


class RecordKind(Enum):
    PSW = "psw"
    PERSON = "person"

    @property
    def label(self) -> str:
        return "Peer worker" if self is RecordKind.PSW else "Supported person"


class Action(Enum):
    ERASE = "erase"
    ANONYMISE = "anonymise"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Subject(Enum):
    """What a rule is about; the values are ``retention_rule.subject``."""

    ENQUIRY = "enquiry"
    UNSUCCESSFUL_APPLICANT = "unsuccessful_applicant"
    PSW_LEFT = "psw_left"
    PSW_LEFT_AFTER_INCIDENT = "psw_left_after_incident"
    SUPPORTED_PERSON = "supported_person"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Subject.ENQUIRY: "Enquiries with no activity",
    Subject.UNSUCCESSFUL_APPLICANT: "Unsuccessful applicants",
    Subject.PSW_LEFT: "Peer workers who left",
    Subject.PSW_LEFT_AFTER_INCIDENT: "Peer workers who left after a safeguarding incident",
    Subject.SUPPORTED_PERSON: "Supported people after their last match",
}
_AFTER = {
    Subject.ENQUIRY: "after the last activity",
    Subject.UNSUCCESSFUL_APPLICANT: "after the application ended",
    Subject.PSW_LEFT: "after leaving",
    Subject.PSW_LEFT_AFTER_INCIDENT: "after leaving (a safeguarding incident)",
    Subject.SUPPORTED_PERSON: "after their last match or closing",
}


@dataclass(frozen=True)
class Hold:
    """A retention hold in force on one record, and why."""

    id: int
    kind: RecordKind
    record_id: int
    reason: str
    placed_on: dt.date


class Outcome(Enum):
    KEEP = "keep"
    HELD = "held"
    ERASE = "erase"
    ANONYMISE = "anonymise"

    @property
    def label(self) -> str:
        return {"keep": "Keep", "held": "Keep (hold)"}.get(self.value, self.value.capitalize())

    @property
    def acts(self) -> bool:
        return self in (Outcome.ERASE, Outcome.ANONYMISE)


@dataclass(frozen=True)
class Rule:
    subject: Subject
    months: int
    action: Action


@dataclass(frozen=True)
class Trigger:
    """A rule that applies to a record, counted from ``on`` (None: the date is missing)."""

    subject: Subject
    on: dt.date | None
    event: str
    """What happened on ``on``, in words: "Left", "Last activity", "Last match ended"."""


@dataclass(frozen=True)
class RecordFacts:
    """One record as retention sees it: which rules apply, holds, and whether it is still open."""

    kind: RecordKind
    record_id: int
    name: str
    triggers: tuple[Trigger, ...] = ()
    holds: tuple[str, ...] = ()
    """Reasons of holds in force."""
    open_because: str = ""
    """Why no rule applies yet ("Still with the scheme: active"); empty when triggers apply."""
    anonymised_on: dt.date | None = None


@dataclass(frozen=True)
class Decision:
    kind: RecordKind
    record_id: int
    name: str
    outcome: Outcome
    why: str
    due_on: dt.date | None = None
    subject: Subject | None = None


def describe_months(months: int) -> str:
    """24 → "2 years", 6 → "6 months", 18 → "18 months", 12 → "1 year"."""
    if months % 12 == 0:
        years = months // 12
        return f"{years} year{'' if years == 1 else 's'}"
    return f"{months} month{'' if months == 1 else 's'}"


def explain_rule(rule: Rule) -> str:
    """ "Kept 2 years after leaving, then anonymised (only what trustees count stays)." """
    then = (
        "erased completely"
        if rule.action is Action.ERASE
        else "anonymised (only what trustees' reports count stays)"
    )
    return f"Kept {describe_months(rule.months)} {_AFTER[rule.subject]}, then {then}."


def rule_problems(months: int) -> str:
    """An empty string when ``months`` is allowed, else what to enter instead."""
    if not MONTHS_MIN <= months <= MONTHS_MAX:
        return f"Enter a number of months from {MONTHS_MIN} to {MONTHS_MAX} (20 years)."
    return ""


PSW_STATUSES_WITH_RULES = ("left", "enquiry")
"""The only PSW statuses :func:`psw_triggers` gives a rule for."""
PERSON_STATUSES_WITH_RULES = ("closed",)
"""The only status of a supported person :func:`person_triggers` gives a rule for."""


def psw_triggers(
    status: str,
    status_since: dt.date | None,
    *,
    ever_active: bool,
    last_activity: dt.date | None,
    incident: bool,
) -> tuple[Trigger, ...]:
    """The rules that apply to a PSW: left (after an incident too), unsuccessful, or enquiry."""
    found: list[Trigger] = []
    if status == "left":
        subject = Subject.PSW_LEFT if ever_active else Subject.UNSUCCESSFUL_APPLICANT
        found.append(Trigger(subject, status_since, "Left"))
        if incident:
            found.append(Trigger(Subject.PSW_LEFT_AFTER_INCIDENT, status_since, "Left"))
    elif status == "enquiry":
        found.append(Trigger(Subject.ENQUIRY, last_activity, "Last activity"))
    return tuple(found)


def person_triggers(
    status: str, closed_on: dt.date | None, last_match_end: dt.date | None
) -> tuple[Trigger, ...]:
    """A closed person's rule runs from the later of closing and their last match's end."""
    if status != "closed":
        return ()
    if last_match_end is not None and (closed_on is None or last_match_end > closed_on):
        return (Trigger(Subject.SUPPORTED_PERSON, last_match_end, "Last match ended"),)
    return (Trigger(Subject.SUPPORTED_PERSON, closed_on, "Closed"),)


def _ends(rule: Rule, trigger: Trigger) -> dt.date | None:
    return None if trigger.on is None else add_months(trigger.on, rule.months)


def winning(
    facts: RecordFacts, rules: dict[Subject, Rule]
) -> tuple[Rule, Trigger, dt.date | None] | None:
    """The applicable rule that keeps the record longest (a missing date keeps it forever)."""
    best: tuple[Rule, Trigger, dt.date | None] | None = None
    for trigger in facts.triggers:
        rule = rules.get(trigger.subject)
        if rule is None:
            continue
        ends = _ends(rule, trigger)
        if best is None or _later(ends, best[2], rule, best[0]):
            best = (rule, trigger, ends)
    return best


def _later(ends: dt.date | None, other: dt.date | None, rule: Rule, other_rule: Rule) -> bool:
    if other is None:
        return False
    if ends is None or ends > other:
        return True
    # the same day: anonymising keeps more than erasing, so it wins the tie
    return ends == other and rule.action is Action.ANONYMISE and other_rule.action is Action.ERASE


def decide(facts: RecordFacts, rules: dict[Subject, Rule], today: dt.date) -> Decision:
    """Keep (with the due date), hold, erase or anonymise, with the reason in words."""

    def made(
        outcome: Outcome, why: str, due: dt.date | None = None, subject: Subject | None = None
    ) -> Decision:
        return Decision(facts.kind, facts.record_id, facts.name, outcome, why, due, subject)

    if facts.anonymised_on is not None:
        return made(Outcome.KEEP, f"Anonymised on {format_date(facts.anonymised_on)}.")
    found = winning(facts, rules)
    if found is None:
        return made(Outcome.KEEP, facts.open_because or "No retention rule applies yet.")
    rule, trigger, due = found
    if trigger.on is None or due is None:
        return made(
            Outcome.KEEP,
            f"{trigger.event}: no date recorded, so this is listed but never erased; "
            "add the date to the record.",
            None,
            rule.subject,
        )
    why = (
        f"{trigger.event} {format_date(trigger.on)}; kept {describe_months(rule.months)} "
        f"{_AFTER[rule.subject]}; due {format_date(due)}"
    )
    if facts.holds:
        return made(Outcome.HELD, f"{why}. On hold: {'; '.join(facts.holds)}", due, rule.subject)
    if due > today:
        return made(Outcome.KEEP, why + ".", due, rule.subject)
    outcome = Outcome.ERASE if rule.action is Action.ERASE else Outcome.ANONYMISE
    return made(outcome, why + f": {rule.action.value}.", due, rule.subject)


def decide_all(
    records: list[RecordFacts], rules: dict[Subject, Rule], today: dt.date
) -> list[Decision]:
    """Every record's decision: those to act on first (oldest due first), then those kept."""
    decisions = [decide(facts, rules, today) for facts in records]
    return sorted(
        decisions,
        key=lambda d: (not d.outcome.acts, d.due_on or dt.date.max, d.kind.value, d.record_id),
    )


def band_birth_date(born: dt.date | None, referred_on: dt.date) -> dt.date | None:
    """A date of birth that keeps only the age band at referral: the band's youngest age.

    Anonymising keeps a person's age band (trustees' equality figures count it) but not the
    date: someone 37 at referral is stored as exactly 35 on the day they were referred.
    """
    band = age_band(born, referred_on)
    if band == NOT_RECORDED or born is None:
        return None
    options = QUESTION_BY_KEY[AGE_BAND].options
    if band == ANOTHER_ANSWER:
        return referred_on  # under 16 at referral: age 0 stays in the same band
    index = options.index(band)
    youngest = 16 if index == 0 else 15 + 10 * index
    return _years_before(referred_on, youngest)


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February into a common year: the day before keeps the age reached
        return day.replace(year=day.year - years, day=28)
