"""Annual reviews: lock, order of dates, training needs sent, framework seeded and retired."""

from __future__ import annotations

import datetime as dt

import pytest

from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.framework import DEFAULT_DOMAINS, FrameworkKind
from peerdesk.domain.goals import GoalDraft, GoalStatus
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import PswDetails, Role
from peerdesk.domain.reviews import (
    Rating,
    ReviewContent,
    ReviewDraft,
    ReviewForm,
    TrainingNeedDraft,
)
from peerdesk.services.bundle import Services
from peerdesk.storage import settings_store
from peerdesk.storage.review_models import FrameworkItemRow
from tests.unit.services.checks_helpers import new_psw

D = dt.date


def active(services: Services, name: str, since: dt.date, role: Role = Role.PAID) -> PswId:
    psw, _ = services.psws.create(
        PswDetails(full_name=name, role=role), status=JourneyStatus.ACTIVE, since=since
    )
    return psw.id


def paid_draft(services: Services, psw_id: PswId, on: dt.date, **more: object) -> ReviewDraft:
    first = services.reviews.questions(ReviewForm.PAID)[0]
    content = ReviewContent(
        ratings={first.id: Rating.CONFIDENT}, evidence={first.id: "Ran the group"}
    )
    return ReviewDraft(psw_id, ReviewForm.PAID, on, "Sam Lee", content, **more)  # type: ignore[arg-type]


def test_framework_is_seeded_once_with_the_nine_domains(services: Services) -> None:
    items = services.reviews.framework()
    domains = [i.name for i in items if i.kind is FrameworkKind.DOMAIN]
    assert domains == list(DEFAULT_DOMAINS)
    assert any(i.kind is FrameworkKind.ABILITY for i in items)
    for item in items:
        services.reviews.set_retired(item.id)
    assert all(i.retired for i in services.reviews.framework())  # not seeded again
    with services.workspace.reading() as s:
        assert settings_store.read_all(s)["reviews.framework_seeded"] == "1"


def test_a_domain_in_use_is_retired_not_deleted_and_the_review_keeps_its_name(
    services: Services,
) -> None:
    psw = active(services, "Ria Shah", D(2025, 1, 6))
    review_id, _ = services.reviews.record(paid_draft(services, psw, D(2026, 11, 2)))
    domain = services.reviews.questions(ReviewForm.PAID)[0]
    services.reviews.rename_item(domain.id, "Values")
    services.reviews.set_retired(domain.id)
    with services.workspace.reading() as s:
        assert s.get(FrameworkItemRow, domain.id) is not None
    assert domain.id not in {i.id for i in services.reviews.questions(ReviewForm.PAID)}
    kept = services.reviews.review(review_id)
    assert kept.framework[0].name == DEFAULT_DOMAINS[0]
    assert kept.content.ratings == {domain.id: Rating.CONFIDENT}


def test_competences_belong_to_a_domain_and_names_are_unique(services: Services) -> None:
    domain = services.reviews.questions(ReviewForm.PAID)[0]
    item, _ = services.reviews.add_item(FrameworkKind.COMPETENCE, "Hope", domain.id)
    assert item.parent_id == domain.id
    with pytest.raises(ValidationFailed, match="already"):
        services.reviews.add_item(FrameworkKind.COMPETENCE, " hope ", domain.id)
    with pytest.raises(ValidationFailed, match="one domain"):
        services.reviews.add_item(FrameworkKind.COMPETENCE, "Loose")


def test_agreed_by_both_locks_the_review(services: Services) -> None:
    psw = active(services, "Ria Shah", D(2025, 1, 6))
    review_id, _ = services.reviews.record(paid_draft(services, psw, D(2026, 11, 2)))
    services.reviews.agree(review_id, psw_on=D(2026, 11, 3), reviewer_on=None)
    assert not services.reviews.review(review_id).locked
    services.reviews.agree(review_id, psw_on=None, reviewer_on=D(2026, 11, 4))
    assert services.reviews.review(review_id).locked
    with pytest.raises(ValidationFailed, match="locked"):
        services.reviews.agree(review_id, psw_on=D(2026, 11, 5), reviewer_on=D(2026, 11, 5))


def test_next_review_is_a_year_on_and_an_earlier_date_is_refused(services: Services) -> None:
    psw = active(services, "Ria Shah", D(2024, 1, 6))
    services.reviews.record(paid_draft(services, psw, D(2025, 11, 2)))
    [row] = services.reviews.history(psw)
    assert row.next_on == D(2026, 11, 2)
    with pytest.raises(ValidationFailed, match="cannot be dated before it"):
        services.reviews.record(paid_draft(services, psw, D(2025, 10, 1)))
    with pytest.raises(ValidationFailed, match="future"):
        services.reviews.record(paid_draft(services, psw, D(2026, 12, 1)))
    assert len(services.reviews.history(psw)) == 1


def test_training_needs_go_to_the_profile_in_the_same_save(services: Services) -> None:
    psw = new_psw(services, role=Role.VOLUNTEER)
    topic = services.training.topics()[0]
    ability = services.reviews.questions(ReviewForm.VOLUNTEER)[0]
    content = ReviewContent(
        comments={ability.id: "Warm and steady"},
        training_needs=(TrainingNeedDraft(topic.id, "groups"),),
    )
    draft = ReviewDraft(psw, ReviewForm.VOLUNTEER, D(2026, 11, 20), "Sam Lee", content)
    review_id, changes = services.reviews.record(draft)
    assert changes.reviews and psw in changes.checks
    [need] = services.training.needs(psw)
    assert need.topic_id == topic.id
    assert need.source == "Annual review 20 November 2026: groups"
    saved = services.reviews.review(review_id).content
    assert saved.comments == {ability.id: "Warm and steady"} and saved.ratings == {}


def test_a_bad_training_topic_saves_nothing(services: Services) -> None:
    psw = new_psw(services)
    content = ReviewContent(training_needs=(TrainingNeedDraft(999_999, "x"),))
    draft = ReviewDraft(psw, ReviewForm.VOLUNTEER, D(2026, 11, 20), "Sam Lee", content)
    with pytest.raises(Exception, match="no longer"):
        services.reviews.record(draft)
    assert services.reviews.history(psw) == [] and services.training.needs(psw) == []


def test_goals_from_a_review_with_status_and_progress_from_supervision(services: Services) -> None:
    psw = active(services, "Ria Shah", D(2025, 1, 6))
    goals = (GoalDraft("Co-facilitate a group", "Two sessions", D(2027, 3, 1)), GoalDraft("Read"))
    services.reviews.record(paid_draft(services, psw, D(2026, 11, 2), new_goals=goals))
    found = services.reviews.goals(psw)
    assert [(g.what, g.smart) for g in found] == [
        ("Co-facilitate a group", True),
        ("Read", False),
    ]
    goal = found[0]
    services.reviews.set_goal_status(goal.id, GoalStatus.AT_RISK)
    services.reviews.add_progress(goal.id, "First session done", session_id=None)
    with pytest.raises(ValidationFailed, match="Type the progress note"):
        services.reviews.add_progress(goal.id, "  ")
    again = services.reviews.goals(psw)[0]
    assert again.status is GoalStatus.AT_RISK
    assert [(p.on, p.note) for p in again.progress] == [(D(2026, 11, 23), "First session done")]


def test_needs_attention_first_review_and_annual_review_due(services: Services) -> None:
    new = active(services, "Nia Cole", D(2025, 12, 1))
    old = active(services, "Ola Berg", D(2023, 1, 1))
    services.reviews.record(paid_draft(services, old, D(2025, 12, 10)))
    lines = {
        (i.subject_id, i.item, i.status)
        for i in services.attention.items(30)
        if "review" in i.item.lower() and "supervision" not in i.item.lower()
    }
    assert (new, "First annual review due 1 December 2026", "Review due") in lines
    assert (old, "Annual review due 10 December 2026", "Review due") in lines
