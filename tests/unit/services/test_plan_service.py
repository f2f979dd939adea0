"""Plan versions through the service: numbers per kind, no-change saves, adjustments copied."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from peerdesk.domain.check_records import AdjustmentDetails, AdjustmentStatus
from peerdesk.domain.consent import SHARING, ConsentHow, lived_experience_purpose
from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.ids import PswId
from peerdesk.domain.plans import ADJUSTMENTS, Audience, PlanDraft, PlanKind, StoryItem
from peerdesk.domain.psw import LivedExperience
from peerdesk.domain.taxonomy import ListKind
from peerdesk.services.bundle import Services
from tests.unit.services.checks_helpers import new_psw

D = dt.date


def with_text(services: Services, psw_id: PswId, kind: PlanKind, key: str, text: str) -> PlanDraft:
    draft = services.plans.draft(psw_id, kind)
    sections = tuple(replace(s, text=text) if s.key == key else s for s in draft.sections)
    return replace(draft, sections=sections)


def test_numbers_count_up_per_kind_and_an_unchanged_save_makes_none(services: Services) -> None:
    psw = new_psw(services)
    first, changes = services.plans.save(
        psw, with_text(services, psw, PlanKind.WELLBEING, "triggers", "Night shifts")
    )
    assert (first.created, first.version.number, changes.plans) == (True, 1, True)
    again, changes = services.plans.save(psw, services.plans.draft(psw, PlanKind.WELLBEING))
    assert (again.created, again.message, changes.empty) == (
        False,
        "No change: version 1 kept",
        True,
    )
    story, _ = services.plans.save(
        psw, with_text(services, psw, PlanKind.STORY, "if_asked", "It helped me")
    )
    second, _ = services.plans.save(
        psw, with_text(services, psw, PlanKind.WELLBEING, "triggers", "Late nights")
    )
    assert (story.version.number, second.version.number) == (1, 2)
    assert [v.number for v in services.plans.versions(psw, PlanKind.WELLBEING)] == [2, 1]
    assert second.version.recorded_at == services.clock.now()
    compared = services.plans.compare(psw, PlanKind.WELLBEING, 2, 1)
    runs = next(d for d in compared.sections if d.key == "triggers").runs
    assert [r.text for r in runs] == ["Night shifts", "Late nights"]


def test_adjustments_are_copied_into_each_version(services: Services) -> None:
    psw = new_psw(services)
    services.health.add_adjustment(
        psw,
        AdjustmentDetails(
            "Hours",
            "No shifts before 10am",
            agreed_on=D(2026, 10, 1),
            agreed_by="Sam",
            status=AdjustmentStatus.IN_PLACE,
        ),
    )
    first, _ = services.plans.save(psw, services.plans.draft(psw, PlanKind.WELLBEING))
    kept = first.version.draft.section(ADJUSTMENTS).text
    assert kept == "Hours: No shifts before 10am (in place, agreed 1 October 2026)"
    services.health.add_adjustment(psw, AdjustmentDetails("Debrief", "A call after each shift"))
    second, _ = services.plans.save(psw, services.plans.draft(psw, PlanKind.WELLBEING))
    assert second.created  # the adjustments changed, so the plan did
    assert (
        services.plans.version(psw, PlanKind.WELLBEING, 1).draft.section(ADJUSTMENTS).text == kept
    )
    assert (
        "Debrief: A call after each shift (proposed)"
        in second.version.draft.section(ADJUSTMENTS).text
    )


def test_a_refused_save_names_the_problem(services: Services) -> None:
    psw = new_psw(services)
    draft = replace(services.plans.draft(psw, PlanKind.STORY), agreed_by_psw_on=D(2027, 1, 1))
    with pytest.raises(ValidationFailed, match="agreed date is in the future"):
        services.plans.save(psw, draft)
    assert services.plans.latest(psw, PlanKind.STORY) is None


def test_conflict_until_consent_to_share_is_given(services: Services) -> None:
    psw = new_psw(services)
    psychosis = next(i for i in services.lists.items() if i.kind is ListKind.LIVED_EXPERIENCE)
    record = services.psws.get(psw)
    services.psws.update(
        psw,
        replace(record.details, lived_experience=(LivedExperience(psychosis.id),)),
        version=record.version,
    )
    draft = services.plans.draft(psw, PlanKind.STORY)
    item = StoryItem(psychosis.name, (Audience.SUPPORTED,), "", psychosis.id)
    sections = tuple(
        replace(s, items=(item,)) if s.key == "comfortable" else s for s in draft.sections
    )
    services.plans.save(psw, replace(draft, sections=sections))
    assert [c.name for c in services.plans.conflicts(psw)] == [psychosis.name]
    services.consents.give(
        psw,
        lived_experience_purpose(psychosis.id, SHARING),
        how=ConsentHow.IN_PERSON,
        told="We may tell a person you support.",
        given_on=D(2026, 11, 20),
    )
    assert services.plans.conflicts(psw) == []


def test_review_dates_go_to_needs_attention(services: Services) -> None:
    psw = new_psw(services)
    draft = replace(services.plans.draft(psw, PlanKind.WELLBEING), review_on=D(2026, 12, 1))
    services.plans.save(psw, draft)
    lines = [i for i in services.attention.items() if "plan" in i.item]
    assert [(i.item, i.status) for i in lines] == [
        ("Wellbeing plan review due 1 December 2026", "Review due")
    ]
