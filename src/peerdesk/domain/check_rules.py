"""Validation of check records: contradictory or future dates and missing facts, by field."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from peerdesk.domain.check_records import (
    AdjustmentDetails,
    DbsDetails,
    OhDetails,
    ReferenceDetails,
    RiskAssessment,
)
from peerdesk.domain.dbs_rules import certificate_number_problems, normalised_certificate_number
from peerdesk.domain.errors import Problem
from peerdesk.domain.evidence import DbsDecision
from peerdesk.domain.text import LONG_TEXT_MAX, SHORT_TEXT_MAX, tidy, tidy_line


def _future(field: str, what: str, day: dt.date | None, today: dt.date) -> list[Problem]:
    if day is not None and day > today:
        return [Problem(field, f"The {what} date cannot be in the future.")]
    return []


def _before(
    field: str, later: dt.date | None, what: str, earlier: dt.date | None, first: str
) -> list[Problem]:
    if later is not None and earlier is not None and later < earlier:
        return [Problem(field, f"The {what} date is before the {first} date.")]
    return []


def _lengths(*, short: dict[str, str], long: dict[str, str] | None = None) -> list[Problem]:
    found = []
    for texts, limit in ((short, SHORT_TEXT_MAX), (long or {}, LONG_TEXT_MAX)):
        for field, value in texts.items():
            if len(value) > limit:
                found.append(Problem(field, f"This can be at most {limit:,} characters."))
    return found


def tidied_reference(d: ReferenceDetails) -> ReferenceDetails:
    return replace(
        d,
        referee=tidy_line(d.referee),
        contact=tidy_line(d.contact),
        concerns_followed_up=tidy(d.concerns_followed_up),
    )


def reference_problems(d: ReferenceDetails, *, today: dt.date) -> list[Problem]:
    found = _future("requested_on", "requested", d.requested_on, today)
    found += _future("received_on", "received", d.received_on, today)
    found += _future("outcome_on", "outcome", d.outcome_on, today)
    found += _before("received_on", d.received_on, "received", d.requested_on, "requested")
    found += _before("outcome_on", d.outcome_on, "outcome", d.received_on, "received")
    if d.satisfactory is not None and d.received_on is None:
        found.append(
            Problem("received_on", "Enter when the reference was received before its outcome.")
        )
    if d.satisfactory is None and d.outcome_on is not None:
        found.append(Problem("satisfactory", "Say whether the reference was satisfactory."))
    found += _lengths(
        short={"referee": d.referee, "contact": d.contact},
        long={"concerns_followed_up": d.concerns_followed_up},
    )
    return found


def tidied_dbs(d: DbsDetails) -> DbsDetails:
    return replace(
        d,
        certificate_number=normalised_certificate_number(d.certificate_number),
        seen_by=tidy_line(d.seen_by),
        disclosure_note=tidy(d.disclosure_note) if d.disclosure else "",
        decided_by=tidy_line(d.decided_by),
    )


def dbs_problems(
    d: DbsDetails, *, today: dt.date, risk_assessments: tuple[RiskAssessment, ...] = ()
) -> list[Problem]:
    """``risk_assessments`` are those already recorded against this check."""
    found = certificate_number_problems(d.scheme, d.certificate_number)
    found += _future("issued_on", "issue", d.issued_on, today)
    found += _future("seen_on", "seen", d.seen_on, today)
    found += _future("decided_on", "decision", d.decided_on, today)
    found += _before("seen_on", d.seen_on, "seen", d.issued_on, "issue")
    found += _before("decided_on", d.decided_on, "decision", d.issued_on, "issue")
    if d.decision is not None and d.decided_on is None:
        found.append(Problem("decided_on", "Enter the date of the decision."))
    if d.decision is None and d.decided_on is not None:
        found.append(Problem("decision", "Choose the decision made on that date."))
    if d.decision is not None and not d.decided_by:
        found.append(Problem("decided_by", "Enter who made the decision."))
    if d.disclosure and d.decision is DbsDecision.CLEARED:
        found.append(
            Problem(
                "decision",
                "Something was disclosed, so the check can only be cleared after a risk "
                "assessment: record one, then choose \u201ccleared after risk assessment\u201d.",
            )
        )
    if d.decision is DbsDecision.CLEARED_AFTER_RISK_ASSESSMENT and not risk_assessments:
        found.append(
            Problem(
                "decision",
                "Record the risk assessment (date, panel, outcome) before clearing the check "
                "after one.",
            )
        )
    found += _lengths(
        short={"seen_by": d.seen_by, "decided_by": d.decided_by},
        long={"disclosure_note": d.disclosure_note},
    )
    return found


def risk_assessment_problems(
    r: RiskAssessment, *, issued_on: dt.date, today: dt.date
) -> list[Problem]:
    found = _future("assessed_on", "assessment", r.assessed_on, today)
    found += _before("assessed_on", r.assessed_on, "assessment", issued_on, "issue")
    if not r.panel:
        found.append(Problem("panel", "Enter who was on the risk assessment panel."))
    if not r.outcome:
        found.append(Problem("outcome", "Enter the outcome of the risk assessment."))
    return found + _lengths(short={"panel": r.panel}, long={"outcome": r.outcome})


def status_check_problems(
    checked_on: dt.date, *, issued_on: dt.date, subscribed: bool, today: dt.date
) -> list[Problem]:
    found = _future("checked_on", "status check", checked_on, today)
    found += _before("checked_on", checked_on, "status check", issued_on, "issue")
    if not subscribed:
        found.append(
            Problem(
                "update_service",
                "Status checks need an Update Service subscription: tick it on the check first.",
            )
        )
    return found


def oh_problems(d: OhDetails, *, today: dt.date) -> list[Problem]:
    found = _future("referred_on", "referral", d.referred_on, today)
    found += _future("outcome_on", "outcome", d.outcome_on, today)
    found += _before("outcome_on", d.outcome_on, "outcome", d.referred_on, "referral")
    if d.outcome is not None and d.outcome_on is None:
        found.append(Problem("outcome_on", "Enter the date of the outcome."))
    if d.outcome is None and d.outcome_on is not None:
        found.append(Problem("outcome", "Choose the outcome given on that date."))
    return found


def tidied_adjustment(d: AdjustmentDetails) -> AdjustmentDetails:
    return replace(
        d, category=tidy_line(d.category), what=tidy(d.what), agreed_by=tidy_line(d.agreed_by)
    )


def adjustment_problems(d: AdjustmentDetails, *, today: dt.date) -> list[Problem]:
    found = []
    if not d.category:
        found.append(Problem("category", "Choose or type a category, e.g. hours or debrief."))
    if not d.what:
        found.append(Problem("what", "Say what the adjustment is."))
    found += _future("agreed_on", "agreed", d.agreed_on, today)
    found += _before("review_on", d.review_on, "review", d.agreed_on, "agreed")
    return found + _lengths(
        short={"category": d.category, "agreed_by": d.agreed_by}, long={"what": d.what}
    )
