"""A match summary as printed: the coordinator's copy, or the person's copy with less in it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.match_lifecycle import MatchStep
from peerdesk.domain.matching.criteria import Criterion
from peerdesk.domain.matching.profiles import PswItem
from peerdesk.domain.plans import COMFORTABLE, Audience, PlanDraft


class SummaryCopy(Enum):
    """Whose copy: the coordinator's holds everything; the person's leaves out what they may
    not see (risk notes, lived experience the PSW does not share with them, the coordinator's
    own notes and rationale, which may mention either)."""

    COORDINATOR = "coordinator"
    PERSON = "person"

    @property
    def label(self) -> str:
        return "Coordinator's copy" if self is SummaryCopy.COORDINATOR else "Copy for the person"

    @property
    def file_part(self) -> str:
        return "coordinator" if self is SummaryCopy.COORDINATOR else "person"


@dataclass(frozen=True)
class CriterionLine:
    """How close the pair is on one criterion the person has a wish on."""

    criterion: Criterion
    closeness: float
    """0–1."""
    weight: int
    not_recorded: bool = False

    @property
    def percent(self) -> int:
        return round(self.closeness * 100)


@dataclass(frozen=True)
class MatchSummary:
    """Everything one printed match summary says, already cut to its copy."""

    copy: SummaryCopy
    match_ref: str
    person_ref: str
    psw_ref: str
    person_name: str
    psw_name: str
    steps: tuple[MatchStep, ...]
    score: float | None
    """0–100 as matching works it out today; None when not worked out (see ``score_note``)."""
    criteria: tuple[CriterionLine, ...]
    reasons: tuple[str, ...]
    score_note: str = ""
    rationale: str = ""
    risk_notes: str = ""
    contacts: int = 0
    attended_hours: float = 0.0


def story_withheld(draft: PlanDraft | None) -> frozenset[TaxonomyItemId]:
    """Lived-experience items the latest story plan names, yet never with people supported.

    An item the plan mentions only for groups, colleagues or talks (or under "rather not
    share") is one the PSW has said not to tell the people they support.
    """
    if draft is None:
        return frozenset()
    named: set[TaxonomyItemId] = set()
    shared: set[TaxonomyItemId] = set()
    for section in draft.sections:
        for item in section.items:
            if item.experience_id is None:
                continue
            named.add(item.experience_id)
            if Audience.SUPPORTED in item.audiences and section.key == COMFORTABLE:
                shared.add(item.experience_id)
    return frozenset(named - shared)


def items_for_person(
    items: Iterable[PswItem], withheld: frozenset[TaxonomyItemId]
) -> tuple[PswItem, ...]:
    """The PSW's items the person's copy may name: consent to share given, not withheld."""
    return tuple(i for i in items if i.shareable and i.item_id not in withheld)


def summary_file_name(summary: MatchSummary) -> str:
    """ "match-0007-summary-person.pdf": references, never names."""
    return f"{summary.match_ref}-summary-{summary.copy.file_part}.pdf"
