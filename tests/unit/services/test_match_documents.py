"""The printed match summary: names, steps and numbers; the person's copy leaves things out."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

import pytest
from pypdf import PdfReader

from peerdesk.domain.consent import ConsentHow
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.contacts import MatchId
from peerdesk.domain.errors import NotFound
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.match_lifecycle import MatchStage
from peerdesk.domain.match_summary import SummaryCopy
from peerdesk.domain.matching.criteria import Criterion
from peerdesk.domain.person import ExperienceWish, PersonDetails
from peerdesk.domain.progress import Progress
from peerdesk.domain.psw import LanguageSkill, LivedExperience, PswDetails
from peerdesk.domain.taxonomy import ListKind
from peerdesk.services.bundle import Services
from tests.unit.services.checks_helpers import complete_evidence

D = dt.date
RISK = "Risk: <b>lives alone</b> & was unwell in May"
RATIONALE = "Chosen for the shared language & nearby"


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _matched(services: Services) -> tuple[MatchId, str, str]:
    """A match whose PSW shares one item with people supported and keeps one back."""
    items = services.lists.items(ListKind.LIVED_EXPERIENCE)
    shared = items[0]
    kept = next(i for i in items if i.family != shared.family)
    polish = next(i for i in services.lists.items(ListKind.LANGUAGE) if i.name == "Polish")
    psw = services.psws.create(
        PswDetails(
            full_name="Łukasz Nowak",
            capacity=2,
            contact_modes=(ContactMode.PHONE,),
            languages=(LanguageSkill(polish.id, first=True),),
            lived_experience=(
                LivedExperience(shared.id, "", True, True),
                LivedExperience(kept.id, "", True, False),
            ),
        ),
        status=JourneyStatus.ACTIVE,
        since=D(2026, 10, 1),
    )[0]
    complete_evidence(services, psw.id)
    person = services.people.create(
        PersonDetails(
            full_name="Siobhán Zoë",
            referred_on=D(2026, 9, 1),
            contact_modes=(ContactMode.PHONE,),
            languages=(LanguageSkill(polish.id, first=True),),
            lived_experience=(ExperienceWish(shared.id), ExperienceWish(kept.id)),
            risk_notes=RISK,
        )
    )[0]
    match, _ = services.matches.propose(person.id, psw.id, RATIONALE, on=D(2026, 11, 2))
    services.person_consents.give(person.id, on=D(2026, 11, 2), how=ConsentHow.WRITTEN)
    services.matches.step(match.id, MatchStage.INTRODUCED, on=D(2026, 11, 9), note="Met at café")
    return match.id, shared.name, kept.name


def test_coordinators_copy_has_names_steps_numbers_reasons_rationale_and_risk(
    services: Services,
) -> None:
    match_id, _, kept = _matched(services)
    summary = services.match_documents.summary(match_id, SummaryCopy.COORDINATOR)
    closeness = {line.criterion: line.closeness for line in summary.criteria}
    assert closeness[Criterion.LANGUAGE] == 1.0 and closeness[Criterion.LIVED_EXPERIENCE] == 1.0
    assert summary.score == 100.0

    made = services.match_documents.make(match_id, SummaryCopy.COORDINATOR, Progress())
    text = text_of(made.data)
    assert made.name == f"match-{match_id:04d}-summary-coordinator.pdf"
    for expected in (
        "Siobhán Zoë",
        "Łukasz Nowak",
        "2 November 2026",
        "9 November 2026",
        "Met at café",
        "100%",
        "100.0 out of 100",
        "Both speak Polish",
        kept,
        "(coordinator only)",
        RATIONALE,
        RISK,
        "CONFIDENTIAL",
    ):
        assert expected in text, expected
    meta = PdfReader(io.BytesIO(made.data)).metadata
    assert meta is not None and "Łukasz" not in str(dict(meta)) and "Siobh" not in str(dict(meta))


def test_persons_copy_drops_risk_notes_the_unshared_item_and_coordinator_notes(
    services: Services,
) -> None:
    match_id, shared, kept = _matched(services)
    text = text_of(services.match_documents.make(match_id, SummaryCopy.PERSON, Progress()).data)
    assert "Siobhán Zoë" in text and "Łukasz Nowak" in text and shared in text
    assert "Both speak Polish" in text and "9 November 2026" in text
    assert f"experience of {shared}" in text
    for absent in (kept, "coordinator only", "lives alone", RATIONALE, "Met at café", "Risk"):
        assert absent not in text, absent


def test_an_item_the_story_plan_keeps_from_people_supported_is_left_out(
    services: Services,
) -> None:
    from peerdesk.domain.plans import Audience, PlanKind, StoryItem

    match_id, shared, _ = _matched(services)
    psw_id = services.matches.get(match_id).psw_id
    shared_id = services.lists.items(ListKind.LIVED_EXPERIENCE)[0].id
    draft = services.plans.draft(psw_id, PlanKind.STORY)
    sections = tuple(
        replace(sec, items=(StoryItem(shared, (Audience.COLLEAGUES,), "", shared_id),))
        if sec.key == "comfortable"
        else sec
        for sec in draft.sections
    )
    services.plans.save(psw_id, replace(draft, sections=sections))
    person = services.match_documents.summary(match_id, SummaryCopy.PERSON)
    coordinator = services.match_documents.summary(match_id, SummaryCopy.COORDINATOR)
    assert shared not in " ".join(person.reasons)
    assert shared in " ".join(coordinator.reasons)


def test_builds_are_identical_and_a_protected_match_is_refused(services: Services) -> None:
    match_id, _, _ = _matched(services)
    first = services.match_documents.make(match_id, SummaryCopy.PERSON, Progress())
    second = services.match_documents.make(match_id, SummaryCopy.PERSON, Progress())
    assert first.data == second.data
    match = services.matches.get(match_id)
    person = services.people.get(PersonId(match.person_id))
    services.protection.link(person.id, PswId(match.psw_id))
    with pytest.raises(NotFound):
        services.match_documents.summary(match_id, SummaryCopy.COORDINATOR)
