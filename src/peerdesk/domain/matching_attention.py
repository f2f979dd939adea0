"""Needs attention lines about matching, in words: long waits, old proposals, quiet matches."""

# The limits are the domain's own: waiting.FLAG_AFTER_DAYS (over six weeks),
# match_lifecycle.STALE_PROPOSAL_DAYS (over 14 days) and QUIET_MATCH_DAYS (30 days).

from __future__ import annotations

import datetime as dt

from peerdesk.domain.attention import AttentionItem
from peerdesk.domain.calendar import format_date
from peerdesk.domain.ids import PersonId
from peerdesk.domain.match_lifecycle import (
    QUIET_MATCH_DAYS,
    STALE_PROPOSAL_DAYS,
    MatchStage,
    MatchStep,
    quiet_match,
    stale_proposal,
)
from peerdesk.domain.waiting import FLAG_AFTER_DAYS, Wait

PERSON = "person"
"""``AttentionItem.subject_kind`` of a line that opens a supported person's record."""

LONG_WAIT = "Waiting over 6 weeks"
STALE_PROPOSAL = "Not yet introduced"
QUIET_MATCH = "No recent contact"

__all__ = [
    "FLAG_AFTER_DAYS",
    "LONG_WAIT",
    "PERSON",
    "QUIET_MATCH",
    "QUIET_MATCH_DAYS",
    "STALE_PROPOSAL",
    "STALE_PROPOSAL_DAYS",
    "long_wait_line",
    "quiet_match_line",
    "stale_proposal_line",
]


def _count(n: int, unit: str) -> str:
    return f"{n:,} {unit}{'' if n == 1 else 's'}"


def _span(days: int) -> str:
    """ "3 days", "2 weeks": whole weeks from a week on."""
    return _count(days // 7, "week") if days >= 7 else _count(days, "day")


def wait_words(wait: Wait, referred_on: dt.date) -> str:
    """ "Waiting 9 weeks (referred 3 August 2026; 2 weeks on hold)"."""
    held = f"; {_span(wait.days_on_hold)} on hold" if wait.days_on_hold else ""
    return f"Waiting {_span(wait.days)} (referred {format_date(referred_on)}{held})"


def long_wait_line(
    person_id: PersonId, name: str, referred_on: dt.date, wait: Wait, today: dt.date
) -> AttentionItem | None:
    """The line for a wait over six weeks (time on hold not counted); None when it is not.

    It fell due on the day the wait first went over: ``FLAG_AFTER_DAYS + 1`` days of waiting.
    """
    if not wait.flagged:
        return None
    due = today - dt.timedelta(days=wait.days - FLAG_AFTER_DAYS - 1)
    return AttentionItem(PERSON, person_id, name, wait_words(wait, referred_on), LONG_WAIT, due)


def stale_proposal_line(
    person_id: PersonId, name: str, psw_name: str, proposed_on: dt.date, today: dt.date
) -> AttentionItem | None:
    """ "Proposed 20 days ago, not yet introduced (peer worker Jo Bell)" once over 14 days."""
    due = stale_proposal((MatchStep(MatchStage.PROPOSED, proposed_on, ""),), today)
    if due is None:
        return None
    ago = _count((today - proposed_on).days, "day")
    item = f"Proposed {ago} ago, not yet introduced (peer worker {psw_name})"
    return AttentionItem(PERSON, person_id, name, item, STALE_PROPOSAL, due)


def quiet_match_line(
    person_id: PersonId,
    name: str,
    psw_name: str,
    active_on: dt.date,
    last_contact_on: dt.date | None,
    today: dt.date,
) -> AttentionItem | None:
    """ "No contact for 41 days (peer worker Jo Bell)" for an active match gone quiet.

    Counted from the last contact logged, or from the day the match became active when that is
    later (or there has been none).
    """
    due = quiet_match((MatchStep(MatchStage.ACTIVE, active_on, ""),), last_contact_on, today)
    if due is None:
        return None
    since = active_on if last_contact_on is None else max(active_on, last_contact_on)
    item = f"No contact for {_count((today - since).days, 'day')} (peer worker {psw_name})"
    return AttentionItem(PERSON, person_id, name, item, QUIET_MATCH, due)
