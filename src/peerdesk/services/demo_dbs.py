"""Made-up DBS histories for demo PSWs: the first check, renewals or Update Service checks."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace

from peerdesk.domain.calendar import add_months
from peerdesk.domain.check_records import DISCLOSURE_NOTE_MONTHS, DbsDetails, RiskAssessment
from peerdesk.domain.dbs_rules import DbsScheme
from peerdesk.domain.evidence import DbsDecision, DbsLevel, StatusCheck
from peerdesk.services import demo_catalogue as cat

_DAY = dt.timedelta(days=1)
VALIDITY_MONTHS = 36
"""The default DBS policy's validity: renewals are timed against it."""


@dataclass(frozen=True)
class DemoDbs:
    details: DbsDetails
    status_checks: tuple[StatusCheck, ...] = ()
    risk_assessments: tuple[RiskAssessment, ...] = ()


@dataclass(frozen=True)
class DbsPlan:
    """The dates a PSW's DBS history must fit between."""

    checks_on: dt.date
    done_by: dt.date | None
    """When checks finished (induction began); None while they are still going on."""
    asof: dt.date
    """Today, or the day they left."""
    current: bool
    active_on: dt.date | None
    today: dt.date


def dbs_history(rng: random.Random, plan: DbsPlan, staff: str) -> tuple[DemoDbs, ...]:
    """Nothing or a pending check during checks; a cleared one after; renewals once active."""
    if plan.done_by is None:
        return _pending(rng, plan, staff)
    first = _first(rng, plan, plan.done_by, staff)
    if plan.active_on is None:
        return (first,)
    return _renewed(rng, plan, first, staff)


def _number(rng: random.Random, scheme: DbsScheme) -> str:
    digits = scheme.digits
    return f"{rng.randrange(10**digits):0{digits}d}"


def _scheme(rng: random.Random) -> DbsScheme:
    roll = rng.random()
    return DbsScheme.PVG if roll < 0.02 else DbsScheme.ACCESS_NI if roll < 0.04 else DbsScheme.DBS


def _level(rng: random.Random) -> DbsLevel:
    return DbsLevel.ENHANCED_BARRED if rng.random() < 0.25 else DbsLevel.ENHANCED


def _between(rng: random.Random, low: dt.date, high: dt.date) -> dt.date:
    span = (high - low).days
    return low if span <= 0 else low + rng.randint(0, span) * _DAY


def _note_kept(plan: DbsPlan, decided: dt.date | None) -> bool:
    """Disclosure notes are cleared six months after the decision, as the vault would."""
    return decided is None or add_months(decided, DISCLOSURE_NOTE_MONTHS) > plan.today


def _first(rng: random.Random, plan: DbsPlan, done_by: dt.date, staff: str) -> DemoDbs:
    span = (done_by - plan.checks_on).days
    low = min(7, span)
    issued = plan.checks_on + rng.randint(low, max(low, span - 2)) * _DAY
    seen = min(issued + rng.randint(0, 3) * _DAY, done_by)
    scheme = _scheme(rng)
    disclosure = rng.random() < 0.04
    details = DbsDetails(
        scheme=scheme,
        level=_level(rng),
        certificate_number=_number(rng, scheme),
        issued_on=issued,
        update_service=rng.random() < 0.45,
        seen_by=staff,
        seen_on=seen,
        disclosure=disclosure,
        disclosure_note=rng.choice(cat.DISCLOSURE_NOTES)
        if disclosure and _note_kept(plan, seen)
        else "",
        decision=DbsDecision.CLEARED_AFTER_RISK_ASSESSMENT if disclosure else DbsDecision.CLEARED,
        decided_on=seen,
        decided_by=staff,
    )
    assessments: tuple[RiskAssessment, ...] = ()
    if disclosure:
        assessments = (
            RiskAssessment(seen, rng.choice(cat.RISK_PANELS), rng.choice(cat.RISK_OUTCOMES)),
        )
    return DemoDbs(details, (), assessments)


def _pending(rng: random.Random, plan: DbsPlan, staff: str) -> tuple[DemoDbs, ...]:
    span = (plan.asof - plan.checks_on).days
    if span < 10 or rng.random() > min(0.85, span / 40):
        return ()  # applied for; no certificate back yet
    issued = plan.checks_on + rng.randint(7, span) * _DAY
    seen = min(issued + rng.randint(0, 4) * _DAY, plan.asof)
    scheme = _scheme(rng)
    base = DbsDetails(
        scheme=scheme,
        level=_level(rng),
        certificate_number=_number(rng, scheme),
        issued_on=issued,
        update_service=rng.random() < 0.45,
        seen_by=staff,
        seen_on=seen,
    )
    roll = rng.random()
    if roll < 0.45:
        cleared = replace(base, decision=DbsDecision.CLEARED, decided_on=seen, decided_by=staff)
        return (DemoDbs(cleared),)
    if roll < 0.53:  # something was disclosed: a risk assessment is, or will be, needed
        disclosed = replace(base, disclosure=True, disclosure_note=rng.choice(cat.DISCLOSURE_NOTES))
        assessments: tuple[RiskAssessment, ...] = ()
        if rng.random() < 0.5:
            assessments = (
                RiskAssessment(
                    _between(rng, seen, plan.asof),
                    rng.choice(cat.RISK_PANELS),
                    "Panel met; decision to follow once the applicant has been spoken to.",
                ),
            )
        return (DemoDbs(disclosed, (), assessments),)
    return (DemoDbs(base),)  # seen, awaiting the decision


def _target_start(rng: random.Random, plan: DbsPlan) -> dt.date:
    """The latest validity start that puts today's state where the demo wants it."""
    roll = rng.random()
    if not plan.current:
        offset = rng.randint(61, 1090)
    elif roll < 0.025:
        offset = -rng.randint(1, 150)  # lapsed: active, not cleared
    elif roll < 0.085:
        offset = rng.randint(1, 60)  # in the renewal window
    else:
        offset = rng.randint(61, 1090)
    return min(add_months(plan.asof + offset * _DAY, -VALIDITY_MONTHS), plan.asof)


def _renewed(rng: random.Random, plan: DbsPlan, first: DemoDbs, staff: str) -> tuple[DemoDbs, ...]:
    issued = first.details.issued_on
    latest = _target_start(rng, plan)
    if latest <= issued + 30 * _DAY:
        return (first,)  # too new to have renewed: the first check is still the one
    if first.details.update_service:  # yearly status checks on the same certificate
        dates = [latest]
        while (earlier := dates[0] - rng.randint(300, 420) * _DAY) > issued + 30 * _DAY:
            dates.insert(0, earlier)
        checks = tuple(StatusCheck(on, True) for on in dates)
        return (DemoDbs(first.details, checks, first.risk_assessments),)
    starts = [latest]
    while True:
        earlier = add_months(starts[0], -VALIDITY_MONTHS) + rng.randint(5, 55) * _DAY
        if earlier <= issued + 60 * _DAY:
            break
        starts.insert(0, earlier)
    renewals = []
    for start in starts:
        seen = min(start + rng.randint(0, 3) * _DAY, plan.asof)
        scheme = first.details.scheme
        renewals.append(
            DemoDbs(
                DbsDetails(
                    scheme=scheme,
                    level=first.details.level,
                    certificate_number=_number(rng, scheme),
                    issued_on=start,
                    update_service=rng.random() < 0.3,
                    seen_by=staff,
                    seen_on=seen,
                    decision=DbsDecision.CLEARED,
                    decided_on=seen,
                    decided_by=staff,
                )
            )
        )
    return (first, *renewals)
