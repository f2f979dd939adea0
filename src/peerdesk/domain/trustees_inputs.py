"""THE fields trustees' figures are computed from (issue 7 part 3): dates, statuses, bands, scores.

This module is the list the data-protection issue's anonymisation must keep, so past trustees'
reports never change when people are anonymised. Every record here holds only:

* per peer support worker: an id, role (paid or volunteer), status history as (status, date),
  equality answers banded to (question, option / "Prefer not to say" / "Not recorded" /
  "Another answer"), training completion dates, and, per reporting date, whether they were
  cleared by ``readiness()`` and in date for supervision (:class:`PswStanding`);
* per supported person: an id, referral date, status history as (status, date), equality bands
  (PeerDesk asks supported people no equality questions, so this is only their age band at
  referral, worked out from the date of birth, which itself is not kept here) and, per
  outcome measure, its direction and dated scores (each score the measure's total or average);
* per match: the date it became active, the date it ended and the end reason;
* per contact: its date, attended minutes and the PSW's id.

No names, contact details, dates of birth or free text: equality answers typed in a person's own
words are kept only as the band "Another answer". Protected records (PSWs who are supported by
the organisation too, and their person records) are counted like any other: a count shows no
one's details. Outcome measures are reported by their names, which the organisation typed in
for everyone (a measure's name is set-up, not anyone's data).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peerdesk.domain.calendar import add_months
from peerdesk.domain.demographics import PREFER_NOT_TO_SAY, QUESTION_BY_KEY
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.match_lifecycle import EndReason
from peerdesk.domain.person import PersonStatus
from peerdesk.domain.psw import Role

NOT_RECORDED = "Not recorded"
ANOTHER_ANSWER = "Another answer"
"""The band for an answer in someone's own words (the words themselves are never reported)."""


def equality_band(question: str, answer: str | None) -> str:
    """One of the question's options, "Prefer not to say", "Not recorded" or "Another answer"."""
    text = (answer or "").strip()
    if not text:
        return NOT_RECORDED
    if text.casefold() == PREFER_NOT_TO_SAY.casefold():
        return PREFER_NOT_TO_SAY
    known = QUESTION_BY_KEY.get(question)
    options = known.options if known is not None else ()
    for option in options:
        if option.casefold() == text.casefold():
            return option
    return ANOTHER_ANSWER


AGE_BAND = "age_band"


def age_band(born: dt.date | None, on: dt.date) -> str:
    """The ``age_band`` option for someone born on ``born``, on ``on`` (under 16: another)."""
    if born is None or born > on:
        return NOT_RECORDED
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    options = QUESTION_BY_KEY[AGE_BAND].options
    if age < 16:
        return ANOTHER_ANSWER
    if age >= 75:
        return options[-1]
    return options[0] if age < 25 else options[(age - 15) // 10]


@dataclass(frozen=True)
class EqualityAnswer:
    """A banded answer to one equality-monitoring question (a ``demographics`` key)."""

    question: str
    band: str

    @classmethod
    def of(cls, question: str, answer: str | None) -> EqualityAnswer:
        return cls(question, equality_band(question, answer))


@dataclass(frozen=True)
class PswFacts:
    id: PswId
    role: Role
    statuses: tuple[tuple[JourneyStatus, dt.date], ...]
    """(status entered, date), in any order; the figures sort them."""
    equality: tuple[EqualityAnswer, ...] = ()
    training_completed: tuple[dt.date, ...] = ()


@dataclass(frozen=True)
class PswStanding:
    """On a reporting date: cleared by ``readiness()`` and in date for supervision."""

    psw_id: PswId
    on: dt.date
    cleared: bool
    in_date_for_supervision: bool


@dataclass(frozen=True)
class OutcomeScores:
    """One person's scores on one measure. ``measure`` is the measure's id as text."""

    measure: str
    higher_is_better: bool
    scores: tuple[tuple[dt.date, float], ...]


@dataclass(frozen=True)
class PersonFacts:
    id: PersonId
    referred_on: dt.date
    statuses: tuple[tuple[PersonStatus, dt.date], ...]
    """(status entered, date), in any order; the figures sort them."""
    equality: tuple[EqualityAnswer, ...] = ()
    outcomes: tuple[OutcomeScores, ...] = ()


@dataclass(frozen=True)
class MatchFacts:
    """``started_on`` is when the match became active; withdrawn proposals are not listed."""

    started_on: dt.date | None
    ended_on: dt.date | None = None
    end_reason: EndReason | None = None


@dataclass(frozen=True)
class ContactFacts:
    on: dt.date
    attended_minutes: int
    psw_id: PswId


@dataclass(frozen=True)
class TrusteesInputs:
    psws: tuple[PswFacts, ...] = ()
    people: tuple[PersonFacts, ...] = ()
    matches: tuple[MatchFacts, ...] = ()
    contacts: tuple[ContactFacts, ...] = ()
    standings: tuple[PswStanding, ...] = ()


@dataclass(frozen=True)
class Period:
    """A reporting period, both days included."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(
                f"The period starts ({self.start.isoformat()}) after it ends "
                f"({self.end.isoformat()})."
            )

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    def previous(self) -> Period:
        """The period of the same length just before this one.

        Whole calendar months step back by months (April–March stays April–March across a
        leap year); any other period steps back by its number of days.
        """
        if self.start.day == 1 and (self.end + dt.timedelta(days=1)).day == 1:
            months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
            return Period(add_months(self.start, -months), self.start - dt.timedelta(days=1))
        end = self.start - dt.timedelta(days=1)
        return Period(end - dt.timedelta(days=self.days - 1), end)


def last_full_year(before: dt.date) -> Period:
    """The last whole April–March year ending before ``before`` (the default report period)."""
    end_year = before.year if before.month >= 4 else before.year - 1
    return Period(dt.date(end_year - 1, 4, 1), dt.date(end_year, 3, 31))
