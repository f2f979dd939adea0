"""A PSW's wellbeing plan and "telling my story safely" plan: sections, versions and their JSON."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

from peerdesk.domain.calendar import format_date
from peerdesk.domain.check_records import AdjustmentDetails, AdjustmentStatus
from peerdesk.domain.confidentiality import DEFAULT_CONFIDENTIALITY, Confidentiality
from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.text import tidy, tidy_line

PLAN_TEXT_MAX = 20_000
"""Characters in one section (issue 6: plain text with paragraphs, up to 20,000 a field)."""
ITEM_TEXT_MAX = 200
"""Characters in what a story item names."""


class PlanKind(Enum):
    WELLBEING = "wellbeing"
    STORY = "story"

    @property
    def label(self) -> str:
        return "Wellbeing plan" if self is PlanKind.WELLBEING else "Telling my story safely"


class Audience(Enum):
    """Whom a PSW is comfortable sharing part of their story with (any of them)."""

    SUPPORTED = "supported"
    GROUPS = "groups"
    COLLEAGUES = "colleagues"
    TALKS = "talks"

    @property
    def label(self) -> str:
        return _AUDIENCE_LABELS[self]


_AUDIENCE_LABELS = {
    Audience.SUPPORTED: "people I support",
    Audience.GROUPS: "groups",
    Audience.COLLEAGUES: "colleagues",
    Audience.TALKS: "talks",
}

ADJUSTMENTS = "adjustments"
COMFORTABLE = "comfortable"
WELLBEING_SECTIONS: tuple[tuple[str, str], ...] = (
    ("keeps_me_well", "What keeps me well at work"),
    ("warning_signs", "Early warning signs"),
    ("triggers", "Triggers and stressors"),
    ("effect_on_work", "How it may affect my work"),
    ("support", "Support I'd like from my coordinator or supervisor"),
    ("if_struggling", "What we will both do if I am struggling"),
    (ADJUSTMENTS, "Agreed reasonable adjustments"),
)
"""DOMAIN.md's sections, in its order (the review date is the version's own field)."""
STORY_SECTIONS: tuple[tuple[str, str], ...] = (
    (COMFORTABLE, "What I'm comfortable sharing"),
    ("rather_not", "What I'd rather not or won't share"),
    ("if_asked", "What I'll say if asked"),
)
NO_ADJUSTMENTS = "None agreed."


def section_titles(kind: PlanKind) -> tuple[tuple[str, str], ...]:
    return WELLBEING_SECTIONS if kind is PlanKind.WELLBEING else STORY_SECTIONS


@dataclass(frozen=True)
class StoryItem:
    """Something the PSW is comfortable sharing, with whom, on what conditions."""

    what: str
    audiences: tuple[Audience, ...] = ()
    conditions: str = ""
    experience_id: TaxonomyItemId | None = None
    """The lived-experience item this is about, if any (its sharing consent is checked)."""

    def line(self) -> str:
        """ "Psychosis: with people I support, groups. Only if it helps them." """
        whom = ", ".join(a.label for a in self.audiences) or "no one yet"
        text = f"{self.what}: with {whom}."
        return f"{text} {self.conditions}" if self.conditions else text


@dataclass(frozen=True)
class PlanSection:
    """One section: its key, the title it had when saved, free text and (story) items."""

    key: str
    title: str
    text: str = ""
    items: tuple[StoryItem, ...] = ()

    def as_text(self) -> str:
        """What the section says, as the comparison and a printout show it."""
        lines = [f"• {item.line()}" for item in self.items]
        return "\n".join([self.text, *lines] if self.text else lines)


@dataclass(frozen=True)
class PlanDraft:
    """What a save records; two drafts equal means nothing changed."""

    kind: PlanKind
    sections: tuple[PlanSection, ...]
    review_on: dt.date | None = None
    agreed_by_psw_on: dt.date | None = None
    confidentiality: Confidentiality = DEFAULT_CONFIDENTIALITY

    def section(self, key: str) -> PlanSection:
        found = next((s for s in self.sections if s.key == key), None)
        if found is None:
            return PlanSection(key, dict(section_titles(self.kind)).get(key, key))
        return found


@dataclass(frozen=True)
class PlanVersion:
    """One immutable saved version of a plan."""

    psw_id: PswId
    number: int
    recorded_at: dt.datetime
    recorded_by: str
    draft: PlanDraft

    @property
    def kind(self) -> PlanKind:
        return self.draft.kind

    def heading(self) -> str:
        """ "Version 3, recorded 23 November 2026 by Sam; agreed by them on 20 November 2026." """
        agreed = self.draft.agreed_by_psw_on
        said = f"agreed by them on {format_date(agreed)}" if agreed else "not yet agreed by them"
        review = self.draft.review_on
        reviewed = f"; review by {format_date(review)}" if review else "; no review date"
        return (
            f"Version {self.number}, recorded {format_date(self.recorded_at.date())} "
            f"by {self.recorded_by}; {said}{reviewed}."
        )


def blank_draft(kind: PlanKind) -> PlanDraft:
    return PlanDraft(kind, tuple(PlanSection(k, t) for k, t in section_titles(kind)))


def adjustments_text(adjustments: Sequence[AdjustmentDetails]) -> str:
    """The adjustments in place or proposed (not ended), one a line, as a version keeps them."""
    lines = []
    for a in adjustments:
        if a.status is AdjustmentStatus.ENDED:
            continue
        agreed = f", agreed {format_date(a.agreed_on)}" if a.agreed_on else ""
        what = " ".join(a.what.split())
        lines.append(f"{a.category}: {what} ({a.status.label.lower()}{agreed})")
    return "\n".join(lines) or NO_ADJUSTMENTS


def with_adjustments(draft: PlanDraft, adjustments: Sequence[AdjustmentDetails]) -> PlanDraft:
    """A wellbeing draft with its adjustments section copied from ``adjustments`` now."""
    if draft.kind is not PlanKind.WELLBEING:
        return draft
    copied = PlanSection(
        ADJUSTMENTS, draft.section(ADJUSTMENTS).title, adjustments_text(adjustments)
    )
    return _put(draft, copied)


def _put(draft: PlanDraft, section: PlanSection) -> PlanDraft:
    keys = [s.key for s in draft.sections]
    if section.key not in keys:
        return replace(draft, sections=(*draft.sections, section))
    return replace(
        draft, sections=tuple(section if s.key == section.key else s for s in draft.sections)
    )


def tidied(draft: PlanDraft) -> PlanDraft:
    """Tidy user text; every one of the kind's sections present, in its order, extras after."""
    known = dict(section_titles(draft.kind))
    given = {s.key: s for s in draft.sections}
    ordered = [given.get(k, PlanSection(k, t)) for k, t in section_titles(draft.kind)]
    ordered += [s for s in draft.sections if s.key not in known]
    return replace(draft, sections=tuple(_tidy_section(s) for s in ordered))


def _tidy_section(section: PlanSection) -> PlanSection:
    items = tuple(
        StoryItem(
            tidy_line(i.what),
            tuple(a for a in Audience if a in i.audiences),
            tidy_line(i.conditions),
            i.experience_id,
        )
        for i in section.items
    )
    text = "\n".join(line.rstrip() for line in tidy(section.text).split("\n"))
    return PlanSection(section.key, tidy_line(section.title), text, items)


def draft_problems(draft: PlanDraft, *, today: dt.date) -> list[Problem]:
    """Why a (tidied) draft cannot be saved, each naming the section or field."""
    problems = []
    for s in draft.sections:
        if len(s.text) > PLAN_TEXT_MAX:
            problems.append(
                Problem(
                    s.key,
                    f"\u201c{s.title}\u201d is {len(s.text):,} characters long; "
                    f"the most a section holds is {PLAN_TEXT_MAX:,}.",
                )
            )
        for n, item in enumerate(s.items, start=1):
            if not item.what:
                problems.append(
                    Problem(s.key, f"Say what item {n} under \u201c{s.title}\u201d is.")
                )
            elif len(item.what) > ITEM_TEXT_MAX:
                problems.append(
                    Problem(s.key, f"Item {n} is over {ITEM_TEXT_MAX} characters: shorten it.")
                )
            if not item.audiences:
                problems.append(
                    Problem(s.key, f"Choose whom \u201c{item.what}\u201d is shared with.")
                )
    agreed = draft.agreed_by_psw_on
    if agreed is not None and agreed > today:
        problems.append(
            Problem("agreed", "The agreed date is in the future: use today or earlier.")
        )
    if agreed is not None and draft.review_on is not None and draft.review_on < agreed:
        problems.append(Problem("review", "The review date is before the date it was agreed."))
    return problems


def sections_to_json(sections: Sequence[PlanSection]) -> str:
    """Deterministic JSON (keys sorted, no spacing choices left open) for the stored column."""
    data = [
        {
            "key": s.key,
            "title": s.title,
            "text": s.text,
            "items": [
                {
                    "what": i.what,
                    "with": [a.value for a in i.audiences],
                    "conditions": i.conditions,
                    "experience_id": i.experience_id,
                }
                for i in s.items
            ],
        }
        for s in sections
    ]
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def sections_from_json(text: str) -> tuple[PlanSection, ...]:
    data: list[dict[str, Any]] = json.loads(text)
    return tuple(
        PlanSection(
            str(s["key"]),
            str(s["title"]),
            str(s.get("text", "")),
            tuple(
                StoryItem(
                    str(i["what"]),
                    tuple(Audience(a) for a in i.get("with", [])),
                    str(i.get("conditions", "")),
                    None if i.get("experience_id") is None else TaxonomyItemId(i["experience_id"]),
                )
                for i in s.get("items", [])
            ),
        )
        for s in data
    )
