"""Requirement policies: what satisfies a check, for whom, and how long it stays in date."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from peerdesk.domain.errors import Problem
from peerdesk.domain.evidence import DbsLevel
from peerdesk.domain.psw import Role

MAX_VALIDITY_MONTHS = 1200
"""A hundred years: anything longer is a typo, and it keeps expiry dates inside the calendar."""

SHORTEST_MONTH_DAYS = 28
"""The window is checked against ``validity_months * 28`` days: the fewest days any run of that
many calendar months can hold (a one-month validity from 31 January lasts 28 days), so a window
that passes can never be longer than the validity, whatever the start date."""


class RequirementKind(Enum):
    """What kind of evidence meets a requirement."""

    DBS = "dbs"
    REFERENCES = "references"
    OCCUPATIONAL_HEALTH = "occupational_health"
    INDUCTION = "induction"
    TRAINING = "training"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    RequirementKind.DBS: "DBS check",
    RequirementKind.REFERENCES: "References",
    RequirementKind.OCCUPATIONAL_HEALTH: "Occupational health",
    RequirementKind.INDUCTION: "Induction",
    RequirementKind.TRAINING: "Training",
}


class Applies(Enum):
    """Who a requirement applies to."""

    PAID = "paid"
    VOLUNTEER = "volunteer"
    BOTH = "both"

    @property
    def label(self) -> str:
        return {"paid": "Paid staff", "volunteer": "Volunteers", "both": "Everyone"}[self.value]

    def covers(self, role: Role) -> bool:
        return self is Applies.BOTH or self.value == role.value


@dataclass(frozen=True)
class Policy:
    """One editable requirement row. Fields for other kinds are ignored (e.g. ``topic`` on DBS)."""

    id: int
    name: str
    kind: RequirementKind
    dbs_level: DbsLevel | None = None
    """DBS only: the lowest level that satisfies it."""
    references_needed: int = 2
    """REFERENCES only: how many satisfactory references."""
    topic: str | None = None
    """TRAINING only: a record on this topic (matched ignoring case and accents) satisfies it."""
    applies: Applies = Applies.BOTH
    validity_months: int | None = None
    """Calendar months from the evidence date; None never expires."""
    window_days: int = 0
    """Shown "due soon" this many days before expiry."""
    grace_days: int = 0
    """Still usable (with a warning) this many days from the expiry date."""


def policy_problems(policy: Policy) -> list[Problem]:
    """Why ``policy`` cannot be saved (blocking) or may not do what was meant (warnings)."""
    problems: list[Problem] = []
    if not policy.name.strip():
        problems.append(Problem("name", "Give the requirement a name."))
    months = policy.validity_months
    if months is not None and months <= 0:
        problems.append(
            Problem(
                "validity_months",
                "Validity must be at least 1 month, or none for a requirement that never expires.",
            )
        )
    elif months is not None and months > MAX_VALIDITY_MONTHS:
        problems.append(
            Problem("validity_months", f"Validity can be at most {MAX_VALIDITY_MONTHS:,} months.")
        )
    if policy.window_days < 0:
        problems.append(Problem("window_days", "The renewal window cannot be negative."))
    elif months is not None and months > 0 and policy.window_days > months * SHORTEST_MONTH_DAYS:
        shortest = months * SHORTEST_MONTH_DAYS
        problems.append(
            Problem(
                "window_days",
                f"A renewal window of {policy.window_days:,} days is longer than a validity of "
                f"{_months(months)} can be: make it {shortest:,} days or fewer.",
            )
        )
    if policy.grace_days < 0:
        problems.append(Problem("grace_days", "The grace period cannot be negative."))
    if months is None:
        for field, days, what in (
            ("window_days", policy.window_days, "renewal window"),
            ("grace_days", policy.grace_days, "grace period"),
        ):
            if days > 0:
                problems.append(
                    Problem(
                        field,
                        f"A requirement that never expires has no {what}: it will be ignored.",
                        blocking=False,
                    )
                )
    problems += _kind_problems(policy)
    return problems


def _kind_problems(policy: Policy) -> list[Problem]:
    if policy.kind is RequirementKind.DBS and policy.dbs_level is None:
        return [Problem("dbs_level", "Choose the DBS level that satisfies this requirement.")]
    if policy.kind is RequirementKind.TRAINING and not (policy.topic or "").strip():
        return [Problem("topic", "Choose the training topic that satisfies this requirement.")]
    if policy.kind is RequirementKind.REFERENCES and policy.references_needed < 1:
        return [Problem("references_needed", "At least one reference must be needed.")]
    return []


def _months(months: int) -> str:
    return "1 month" if months == 1 else f"{months:,} months"


# Checks first, then training: a refusal lists reasons in this order.
DEFAULT_POLICIES = (
    Policy(
        1,
        "DBS (enhanced)",
        RequirementKind.DBS,
        dbs_level=DbsLevel.ENHANCED,
        validity_months=36,
        window_days=60,
        grace_days=0,
    ),
    Policy(2, "References", RequirementKind.REFERENCES, references_needed=2),
    Policy(3, "Occupational health", RequirementKind.OCCUPATIONAL_HEALTH),
    Policy(4, "Induction", RequirementKind.INDUCTION),
    Policy(
        5,
        "Safeguarding adults",
        RequirementKind.TRAINING,
        topic="Safeguarding adults",
        validity_months=24,
        window_days=30,
        grace_days=30,
    ),
)
"""The policies a new vault starts with; all apply to paid staff and volunteers alike."""
