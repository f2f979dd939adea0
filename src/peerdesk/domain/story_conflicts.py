"""Where the story plan shares a lived experience with people supported without consent to."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.plans import Audience, PlanDraft


@dataclass(frozen=True)
class StoryConflict:
    experience_id: TaxonomyItemId
    name: str

    @property
    def message(self) -> str:
        return (
            f"Shares \u2018{self.name}\u2019 with people I support, but consent to share it "
            "with people supported is not given"
        )


def story_conflicts(
    draft: PlanDraft,
    sharing: Mapping[TaxonomyItemId, bool],
    names: Mapping[TaxonomyItemId, str],
) -> list[StoryConflict]:
    """Items shared with people supported whose linked experience lacks that consent.

    ``sharing`` says, per lived-experience item, whether consent to share it with people
    supported is current (missing: not given); ``names`` names the items. Each item once.
    """
    found: dict[TaxonomyItemId, StoryConflict] = {}
    for section in draft.sections:
        for item in section.items:
            linked = item.experience_id
            if linked is None or Audience.SUPPORTED not in item.audiences:
                continue
            if not sharing.get(linked, False) and linked not in found:
                found[linked] = StoryConflict(linked, names.get(linked) or item.what)
    return list(found.values())
