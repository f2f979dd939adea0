"""Suggestions, exclusions, proposals and the caseload plan through the matching service."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from peerdesk.domain.conflicts import ConflictKind
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.matching.criteria import Criterion
from peerdesk.domain.person import PersonDetails, PersonStatus
from peerdesk.domain.psw import LanguageSkill, PswDetails
from peerdesk.domain.taxonomy import ListKind
from peerdesk.services.bundle import Services
from tests.unit.services.checks_helpers import complete_evidence

D = dt.date


def language(services: Services, name: str) -> LanguageSkill:
    item = next(i for i in services.lists.items(ListKind.LANGUAGE) if i.name == name)
    return LanguageSkill(item.id, first=True)


def ready_psw(
    services: Services, name: str, *, languages: tuple[str, ...] = (), capacity: int = 2
) -> PswId:
    details = PswDetails(
        full_name=name,
        capacity=capacity,
        contact_modes=(ContactMode.PHONE,),
        languages=tuple(language(services, lang) for lang in languages),
    )
    psw = services.psws.create(details, status=JourneyStatus.ACTIVE, since=D(2026, 10, 1))[0]
    complete_evidence(services, psw.id)
    return psw.id


def waiting(
    services: Services, name: str, *, languages: tuple[str, ...] = (), referred: dt.date
) -> PersonId:
    details = PersonDetails(
        full_name=name,
        referred_on=referred,
        contact_modes=(ContactMode.PHONE,),
        languages=tuple(language(services, lang) for lang in languages),
    )
    return services.people.create(details)[0].id


def test_suggestions_rank_with_reasons_and_exclusions_say_why(services: Services) -> None:
    polish = ready_psw(services, "Łukasz Nowak", languages=("Polish",))
    english = ready_psw(services, "Ann Smith", languages=("English",))
    applicant = services.psws.create(PswDetails(full_name="Zoë Applicant"))[0].id
    unchecked = services.psws.create(
        PswDetails(full_name="Bo Unchecked", contact_modes=(ContactMode.PHONE,)),
        status=JourneyStatus.ACTIVE,
        since=D(2026, 10, 1),
    )[0].id
    who = waiting(services, "Marta", languages=("Polish",), referred=D(2026, 9, 1))

    found = services.matching.suggest(who)

    assert [s.psw_id for s in found.suggestions] == [polish, english]
    top = found.suggestions[0]
    assert top.score == 100.0 and top.closeness == {
        Criterion.LANGUAGE: 1.0,
        Criterion.CONTACT_MODE: 1.0,
    }
    assert "Both speak Polish" in " ".join(top.reasons)
    assert applicant not in {e.psw_id for e in found.excluded}  # not a candidate at all
    why = {e.psw_id: e.why_not for e in found.excluded}
    assert unchecked in why and any("induct" in r.lower() for r in why[unchecked])
    assert found.total == 2 and not found.no_wishes


def test_a_pick_below_the_top_needs_a_rationale(services: Services) -> None:
    ready_psw(services, "Łukasz Nowak", languages=("Polish",))
    second = ready_psw(services, "Ann Smith", languages=("English",))
    who = waiting(services, "Marta", languages=("Polish",), referred=D(2026, 9, 1))

    with pytest.raises(ValidationFailed, match="not the top suggestion"):
        services.matching.propose(who, second)
    with pytest.raises(ValidationFailed, match="15"):
        services.matching.propose(who, second, "Lives nearby")
    changes = services.matching.propose(who, second, "Marta asked for Ann by name")
    (match_id,) = changes.matches
    assert services.matches.rationale(match_id) == "Marta asked for Ann by name"
    # the index follows the write: Ann now has one place used (seen from someone else)
    other = waiting(services, "Olu", referred=D(2026, 9, 2))
    again = services.matching.suggest(other)
    assert next(s for s in again.suggestions if s.psw_id == second).places_left == 1


def test_the_plan_matches_the_longest_wait_and_rejections_stay_out(services: Services) -> None:
    only = ready_psw(services, "Łukasz Nowak", languages=("Polish",), capacity=1)
    early = waiting(services, "Early", languages=("Polish",), referred=D(2026, 6, 1))
    late = waiting(services, "Late", languages=("Polish",), referred=D(2026, 10, 1))

    plan = services.matching.plan()

    by_person = {line.person_id: line for line in plan.lines}
    assert by_person[early].psw_id == only and by_person[late].psw_id is None
    assert plan.matched == plan.greedy_matched == 1
    assert plan.objective >= plan.greedy_objective
    assert [line.person_id for line in plan.lines] == [early, late]

    with pytest.raises(ValidationFailed, match="why"):
        services.matching.review_plan([], [(early, only, "  ")])
    services.matching.review_plan([], [(early, only, "Knows her from church")])
    replanned = {line.person_id: line for line in services.matching.plan().lines}
    assert replanned[early].psw_id is None and replanned[late].psw_id == only

    changes = services.matching.review_plan([(late, only)], [])
    (match_id,) = changes.matches
    match = services.matches.get(match_id)
    assert match.person_id == late and match.psw_id == only
    assert services.people.get(late).status is PersonStatus.WAITING  # proposed, not introduced
    assert all(line.person_id != late for line in services.matching.plan().lines)


def test_a_declared_conflict_excludes_the_pair(services: Services) -> None:
    psw = ready_psw(services, "Łukasz Nowak")
    who = waiting(services, "Marta", referred=D(2026, 9, 1))
    services.conflicts.declare(who, psw, ConflictKind.NEIGHBOUR, on=D(2026, 11, 1))
    found = services.matching.suggest(who)
    assert not found.suggestions and found.everyone_excluded
    assert found.groups[0].count == 1


def test_cutting_places_below_matches_in_progress_warns_and_ends_nothing(
    services: Services,
) -> None:
    psw = ready_psw(services, "Łukasz Nowak", capacity=2)
    for name in ("Marta", "Zoë"):
        who = waiting(services, name, referred=D(2026, 9, 1))
        services.matches.propose(who, psw)
    details = replace(services.psws.get(psw).details, capacity=1)

    (warning,) = [p for p in services.psws.check(details, psw) if p.field == "capacity"]
    assert not warning.blocking and "2 matches are in progress" in warning.message
    saved, _ = services.psws.update(psw, details, version=services.psws.get(psw).version)
    assert saved.details.capacity == 1
    assert len([m for m in services.matches.for_psw(psw) if m.stage is not None]) == 2
    assert services.matches.places_left([psw])[psw] == -1  # one over: offered to no one new
    assert not [p for p in services.psws.check(details) if p.field == "capacity"]  # unsaved: none
