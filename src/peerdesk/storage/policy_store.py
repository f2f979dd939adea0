"""Requirement policies: the editable rows ``evaluate()`` judges evidence against."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from peerdesk.domain.evidence import DbsLevel
from peerdesk.domain.requirement_policy import Applies, Policy, RequirementKind
from peerdesk.storage.check_models import RequirementPolicyRow
from peerdesk.storage.lookup import require

WHAT = "requirement"


def read(row: RequirementPolicyRow) -> Policy:
    return Policy(
        id=row.id,
        name=row.name,
        kind=RequirementKind(row.kind),
        dbs_level=None if row.dbs_level is None else DbsLevel(row.dbs_level),
        references_needed=row.references_needed,
        topic=row.topic,
        applies=Applies(row.applies),
        validity_months=row.validity_months,
        window_days=row.window_days,
        grace_days=row.grace_days,
    )


def policies(s: Session) -> list[Policy]:
    """Every policy, in the order refusals list them."""
    rows = s.scalars(
        select(RequirementPolicyRow).order_by(
            RequirementPolicyRow.position, RequirementPolicyRow.id
        )
    )
    return [read(r) for r in rows]


def save(s: Session, policy: Policy) -> Policy:
    """Overwrite the policy with ``policy.id``, or add it at the end when the id is 0."""
    if policy.id == 0:
        last = s.scalar(select(func.max(RequirementPolicyRow.position)))
        row = RequirementPolicyRow(position=(last or 0) + 1)
        s.add(row)
    else:
        row = require(s, RequirementPolicyRow, policy.id, WHAT)
    row.name = policy.name
    row.kind = policy.kind.value
    row.dbs_level = None if policy.dbs_level is None else policy.dbs_level.value
    row.references_needed = policy.references_needed
    row.topic = policy.topic
    row.applies = policy.applies.value
    row.validity_months = policy.validity_months
    row.window_days = policy.window_days
    row.grace_days = policy.grace_days
    s.flush()
    return read(row)


def delete(s: Session, policy_id: int) -> None:
    s.delete(require(s, RequirementPolicyRow, policy_id, WHAT))
    s.flush()
