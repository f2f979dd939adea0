"""Where a Needs attention line opens (a PSW form section, or a person), and refusals' links."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from peerdesk.domain.attention import AttentionItem
from peerdesk.domain.ids import PersonId
from peerdesk.domain.matching_attention import PERSON
from peerdesk.domain.requirement_policy import Policy, RequirementKind
from peerdesk.domain.requirements import RequirementResult

READINESS = "readiness"
REFERENCES = "references"
DBS = "dbs"
HEALTH = "health"
ADJUSTMENTS = "adjustments"
INDUCTION = "induction"
TRAINING = "training"
JOURNEY = "journey"

CHECK_SECTIONS = (READINESS, REFERENCES, DBS, HEALTH, ADJUSTMENTS, INDUCTION, TRAINING)
"""Sections of the Checks tab, top to bottom."""
SECTIONS = (*CHECK_SECTIONS, JOURNEY)

_BY_KIND = {
    RequirementKind.DBS: DBS,
    RequirementKind.REFERENCES: REFERENCES,
    RequirementKind.OCCUPATIONAL_HEALTH: HEALTH,
    RequirementKind.INDUCTION: INDUCTION,
    RequirementKind.TRAINING: TRAINING,
}

_STAGE_STATUSES = ("stalled", "near stage target")


def section_for_kind(kind: RequirementKind) -> str:
    """The Checks-tab section where evidence of ``kind`` is recorded."""
    return _BY_KIND[kind]


def person_to_open(item: AttentionItem) -> PersonId | None:
    """The supported person a line is about (a long wait, a proposal, a quiet match), if any.

    Those lines open the person's record on the People page.
    """
    return PersonId(item.subject_id) if item.subject_kind == PERSON else None


def attention_target(item: AttentionItem, policies: Iterable[Policy] = ()) -> str:
    """The form section a Needs attention line opens at; "" to just open the record.

    Requirement lines are named after their policy, so ``policies`` tells a training topic
    ("Safeguarding adults") from a DBS check whatever the coordinator called them.
    """
    if item.subject_kind != "psw":
        return ""
    text = item.item
    if text.startswith("Active, not cleared"):
        return READINESS
    if text.startswith("Adjustment review"):
        return ADJUSTMENTS
    if text.startswith("At ") and item.status.casefold() in _STAGE_STATUSES:
        return JOURNEY
    for policy in policies:
        if policy.name == text:
            return section_for_kind(policy.kind)
    if text.startswith("Reference"):
        return REFERENCES
    if text.startswith("DBS"):
        return DBS
    return ""


def reason_links(
    blocking: Sequence[RequirementResult], policies: Iterable[Policy]
) -> list[tuple[str, str]]:
    """(section, reason) for each reason an activation was refused, in the refusal's order."""
    kinds = {p.id: p.kind for p in policies}
    return [
        (section_for_kind(kinds[r.policy_id]) if r.policy_id in kinds else READINESS, r.sentence)
        for r in blocking
    ]


def links_html(links: Sequence[tuple[str, str]]) -> str:
    """A list of links, one per reason; the reason's own text is escaped."""
    if not links:
        return ""
    items = "".join(
        f'<li><a href="{html.escape(section)}">{html.escape(reason)}</a></li>'
        for section, reason in links
    )
    return f"<p>Open what is missing on the Checks tab:</p><ul>{items}</ul>"
