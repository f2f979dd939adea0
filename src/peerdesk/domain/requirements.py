"""Evaluate requirement policies against a PSW's evidence: pure, no I/O, no clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from peerdesk.domain.calendar import add_months, describe_days, format_date
from peerdesk.domain.evidence import DbsEvidence, DbsLevel, Evidence, OhOutcome, ReferenceEvidence
from peerdesk.domain.psw import Role
from peerdesk.domain.requirement_policy import Policy, RequirementKind
from peerdesk.domain.text import fold

REFERENCE_CHASE_DAYS = 14
"""An outstanding reference is "due" (worth chasing) this many days after it was requested."""


class RequirementStatus(Enum):
    MISSING = "missing"
    IN_PROGRESS = "in_progress"
    VALID = "valid"
    DUE_SOON = "due_soon"
    IN_GRACE = "in_grace"
    EXPIRED = "expired"
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def blocks(self) -> bool:
        """Stops someone becoming active or being matched."""
        return self in _BLOCKING

    @property
    def warns(self) -> bool:
        """Allowed, but the coordinator is told."""
        return self in (RequirementStatus.DUE_SOON, RequirementStatus.IN_GRACE)


_BLOCKING = (RequirementStatus.MISSING, RequirementStatus.IN_PROGRESS, RequirementStatus.EXPIRED)


@dataclass(frozen=True)
class RequirementResult:
    """One policy judged for one PSW on one day."""

    policy_id: int
    name: str
    status: RequirementStatus
    due_on: dt.date | None
    """The expiry date, or when an in-progress item is worth chasing; never depends on today."""
    sentence: str


@dataclass(frozen=True)
class _Finding:
    """What the evidence says before dates and today are weighed."""

    met_on: dt.date | None = None
    """When the requirement was last met (validity runs from here); None if it is not met."""
    complete: str = ""
    """Sentence for a met requirement that never expires."""
    unmet: RequirementStatus = RequirementStatus.MISSING
    sentence: str = ""
    awaited_on: dt.date | None = None
    renewal_pending: bool = False


def evaluate(
    policies: Iterable[Policy], evidence: Evidence, today: dt.date
) -> list[RequirementResult]:
    """Each policy judged against ``evidence`` on ``today``, in the order the policies came.

    Never raises, even for a policy that :func:`policy_problems` would refuse.
    """
    return [_evaluate_one(policy, evidence, today) for policy in policies]


def _evaluate_one(policy: Policy, evidence: Evidence, today: dt.date) -> RequirementResult:
    if not policy.applies.covers(evidence.role):
        who = "paid staff" if evidence.role is Role.PAID else "volunteers"
        return RequirementResult(
            policy.id,
            policy.name,
            RequirementStatus.NOT_APPLICABLE,
            None,
            f"{policy.name} does not apply to {who}",
        )
    found = _FINDERS[policy.kind](policy, evidence)
    if found.met_on is None:
        return RequirementResult(
            policy.id, policy.name, found.unmet, found.awaited_on, found.sentence
        )
    expiry = _expiry(found.met_on, policy.validity_months)
    if expiry is None:
        return RequirementResult(
            policy.id, policy.name, RequirementStatus.VALID, None, found.complete
        )
    status, sentence = _dated(policy, expiry, today)
    if found.renewal_pending and status is not RequirementStatus.VALID:
        sentence += "; renewal in progress"
    return RequirementResult(policy.id, policy.name, status, expiry, sentence)


def _expiry(met_on: dt.date, months: int | None) -> dt.date | None:
    if months is None:
        return None
    try:
        return add_months(met_on, months)
    except ValueError:
        return None  # past the year 9999: as good as never expiring


def _dated(policy: Policy, expiry: dt.date, today: dt.date) -> tuple[RequirementStatus, str]:
    # Ordinals, not date arithmetic: expiry - window could fall before year 1 and raise.
    days = expiry.toordinal() - today.toordinal()
    window, grace = max(0, policy.window_days), max(0, policy.grace_days)
    on = format_date(expiry)
    if days > window:
        return RequirementStatus.VALID, f"{policy.name} expires on {on}"
    if days > 0:
        return RequirementStatus.DUE_SOON, f"{policy.name} expires on {on} ({describe_days(days)})"
    left = days + grace
    if left > 0:
        ends = "tomorrow" if left == 1 else f"in {left:,} days"
        return (
            RequirementStatus.IN_GRACE,
            f"{policy.name} expired on {on} (grace period ends {ends})",
        )
    return RequirementStatus.EXPIRED, f"{policy.name} expired on {on}"


# Each finder picks records by a total key on the facts it reports, so the order evidence
# arrives in never changes the result. Where records tie on date, the worse outcome wins.


def _dbs(policy: Policy, evidence: Evidence) -> _Finding:
    name = policy.name
    need = policy.dbs_level or DbsLevel.BASIC
    relevant = [r for r in evidence.dbs if r.level >= need]
    # (issued_on, severity, on): severity 0 cleared (on = validity start), 1 a later status
    # check was not clean (on = its date), 2 not cleared (on = issued_on).
    decided = [_dbs_view(r) for r in relevant if r.decision is not None]
    latest = max(decided, default=None)
    pending = max(
        (
            r.issued_on
            for r in relevant
            if r.decision is None and (latest is None or r.issued_on > latest[0])
        ),
        default=None,
    )
    if latest is not None and latest[1] == 0:
        return _Finding(latest[2], f"{name} complete", renewal_pending=pending is not None)
    if pending is not None:
        sentence = f"{name} issued {format_date(pending)}, awaiting a decision"
        return _Finding(unmet=RequirementStatus.IN_PROGRESS, sentence=sentence)
    if latest is not None and latest[1] == 2:
        return _Finding(sentence=f"{name} not cleared (check issued {format_date(latest[0])})")
    if latest is not None:
        return _Finding(
            sentence=f"{name}: the Update Service status check on {format_date(latest[2])} "
            "was not clear; a new check is needed"
        )
    lower = [r.level for r in evidence.dbs if r.level < need]
    if lower:
        held = max(lower).label.lower()
        return _Finding(sentence=f"{name} not recorded (the check on file is {held})")
    return _Finding(sentence=f"{name} not recorded")


def _dbs_view(record: DbsEvidence) -> tuple[dt.date, int, dt.date]:
    if record.decision is None or not record.decision.clears:
        return record.issued_on, 2, record.issued_on
    # Status checks before the issue date cannot be about this certificate.
    checks = [(on, clean) for on, clean in record.update_service_checks if on >= record.issued_on]
    if not checks:
        return record.issued_on, 0, record.issued_on
    last = max(on for on, _ in checks)
    if all(clean for on, clean in checks if on == last):
        return record.issued_on, 0, last
    return record.issued_on, 1, last


def _references(policy: Policy, evidence: Evidence) -> _Finding:
    name, needed = policy.name, max(1, policy.references_needed)
    # Numbered in request order, as the coordinator sees them on the form.
    refs = sorted(evidence.references, key=_reference_key)
    good = sorted((r.received_on or r.requested_on for r in refs if r.satisfactory), reverse=True)
    if len(good) >= needed:
        # Validity (if any) runs from the latest date on which `needed` references were in hand.
        return _Finding(good[needed - 1], f"{name} complete")
    waiting: list[str] = []
    chase: list[dt.date] = []
    for number, ref in enumerate(refs, start=1):
        if ref.satisfactory is not None:
            continue
        if ref.received_on is None:
            waiting.append(
                f"reference {number} requested {format_date(ref.requested_on)}, not received"
            )
            chase += [d for d in [_plus_days(ref.requested_on, REFERENCE_CHASE_DAYS)] if d]
        else:
            waiting.append(
                f"reference {number} received {format_date(ref.received_on)}, outcome not recorded"
            )
    if waiting:
        sentence = "; ".join(waiting)
        return _Finding(
            unmet=RequirementStatus.IN_PROGRESS,
            sentence=sentence[0].upper() + sentence[1:],
            awaited_on=min(chase, default=None),
        )
    if not refs:
        return _Finding(sentence=f"{name} not recorded")
    return _Finding(sentence=f"{name}: {len(good)} satisfactory of {needed} needed")


def _reference_key(ref: ReferenceEvidence) -> tuple[dt.date, bool, dt.date, int]:
    outcome = {True: 0, False: 1, None: 2}[ref.satisfactory]
    return ref.requested_on, ref.received_on is None, ref.received_on or ref.requested_on, outcome


def _plus_days(day: dt.date, days: int) -> dt.date | None:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


_OH_RANK = (
    OhOutcome.FIT,
    OhOutcome.NOT_REQUIRED,
    OhOutcome.FIT_WITH_ADJUSTMENTS,
    OhOutcome.REVIEW_NEEDED,
)


def _occupational_health(policy: Policy, evidence: Evidence) -> _Finding:
    name = policy.name
    # The latest referral with an outcome decides (review needed ranks worst on a tie).
    latest = max(
        (
            (r.referred_on, _OH_RANK.index(r.outcome), r.outcome_on or r.referred_on)
            for r in evidence.occupational_health
            if r.outcome is not None
        ),
        default=None,
    )
    pending = max(
        (
            r.referred_on
            for r in evidence.occupational_health
            if r.outcome is None and (latest is None or r.referred_on > latest[0])
        ),
        default=None,
    )
    if latest is not None and _OH_RANK[latest[1]].satisfies:
        outcome = _OH_RANK[latest[1]].label.lower()
        return _Finding(
            latest[2], f"{name} complete ({outcome})", renewal_pending=pending is not None
        )
    if pending is not None:
        return _Finding(
            unmet=RequirementStatus.IN_PROGRESS,
            sentence=f"{name} referral awaiting an outcome (referred {format_date(pending)})",
        )
    if latest is not None:
        return _Finding(
            unmet=RequirementStatus.IN_PROGRESS,
            sentence=f"{name}: review needed (outcome on {format_date(latest[2])})",
        )
    return _Finding(sentence=f"{name} not recorded")


def _induction(policy: Policy, evidence: Evidence) -> _Finding:
    done = max((r.completed_on for r in evidence.induction if r.completed_on), default=None)
    if done is not None:
        return _Finding(done, f"{policy.name} complete")
    if any(r.started for r in evidence.induction):
        return _Finding(
            unmet=RequirementStatus.IN_PROGRESS, sentence=f"{policy.name} started, not completed"
        )
    return _Finding(sentence=f"{policy.name} not recorded")


def _training(policy: Policy, evidence: Evidence) -> _Finding:
    topic = fold(policy.topic or "")
    done = max(
        (t.done_on for t in evidence.training if topic and fold(t.topic) == topic), default=None
    )
    if done is not None:
        return _Finding(done, f"{policy.name} complete")
    return _Finding(sentence=f"{policy.name} not recorded")


_FINDERS: dict[RequirementKind, Callable[[Policy, Evidence], _Finding]] = {
    RequirementKind.DBS: _dbs,
    RequirementKind.REFERENCES: _references,
    RequirementKind.OCCUPATIONAL_HEALTH: _occupational_health,
    RequirementKind.INDUCTION: _induction,
    RequirementKind.TRAINING: _training,
}


@dataclass(frozen=True)
class Readiness:
    """The one gate for becoming active and being matched."""

    blocking: tuple[RequirementResult, ...]
    warnings: tuple[RequirementResult, ...]

    @property
    def ready(self) -> bool:
        return not self.blocking

    def refusal(self, name: str) -> str:
        """Every blocking reason in one sentence, e.g. "Alex cannot become active yet: ...".

        When nothing blocks it says they can become active.
        """
        if self.ready:
            return f"{name} can become active."
        reasons = "; ".join(_lower_first(r.sentence) for r in self.blocking)
        return f"{name} cannot become active yet: {reasons}."


def _lower_first(sentence: str) -> str:
    # "Reference 2 ..." reads "reference 2 ..." mid-sentence; "DBS ..." stays an acronym.
    if len(sentence) > 1 and sentence[0].isupper() and not sentence[1].isupper():
        return sentence[0].lower() + sentence[1:]
    return sentence


def readiness(results: Sequence[RequirementResult]) -> Readiness:
    """Missing, in-progress and expired results block; due-soon and in-grace ones warn."""
    return Readiness(
        blocking=tuple(r for r in results if r.status.blocks),
        warnings=tuple(r for r in results if r.status.warns),
    )


def next_due(results: Iterable[RequirementResult]) -> dt.date | None:
    """The earliest due date among ``results``: what storage indexes for the dashboard."""
    return min((r.due_on for r in results if r.due_on is not None), default=None)
