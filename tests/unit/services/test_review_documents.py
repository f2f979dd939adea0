"""The printed annual review: framework version, ratings, goals, and the confidentiality rule."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.goals import GoalDraft
from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.progress import Progress
from peerdesk.domain.psw import PswDetails, Role
from peerdesk.domain.review_printout import framework_version
from peerdesk.domain.reviews import (
    CareerPath,
    Rating,
    ReviewContent,
    ReviewDraft,
    ReviewForm,
    ReviewId,
    TrainingNeedDraft,
)
from peerdesk.services.bundle import Services

D = dt.date
EVIDENCE = "Ran the <b>group</b> & wrote it up"


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _psw(services: Services, role: Role) -> PswId:
    psw, _ = services.psws.create(
        PswDetails(full_name="Nguyễn Thị Lan", role=role),
        status=JourneyStatus.ACTIVE,
        since=D(2025, 1, 6),
    )
    return psw.id


def _paid_review(services: Services, level: Confidentiality) -> tuple[PswId, ReviewId]:
    psw = _psw(services, Role.PAID)
    services.reviews.add_goal(psw, GoalDraft("Lead a group", "Two sessions run", D(2026, 6, 1)))
    first = services.reviews.questions(ReviewForm.PAID)[0]
    topic = services.training.topics()[0]
    content = ReviewContent(
        ratings={first.id: Rating.CONFIDENT},
        evidence={first.id: EVIDENCE},
        feedback="People said Lan listens well",
        self_reflection="I need more rest between sessions",
        training_needs=(TrainingNeedDraft(topic.id, "before spring"),),
        career=(CareerPath.PEER_SUPERVISION,),
    )
    draft = ReviewDraft(
        psw,
        ReviewForm.PAID,
        D(2026, 11, 2),
        "Siobhán Kelly",
        content,
        new_goals=(GoalDraft("Train as a peer supervisor"),),
        confidentiality=level,
        agreed_by_psw_on=D(2026, 11, 3),
    )
    review_id, _ = services.reviews.record(draft)
    return psw, review_id


def test_a_paid_review_prints_its_framework_ratings_goals_and_next_steps(
    services: Services,
) -> None:
    _, review_id = _paid_review(services, Confidentiality.CONFIDENTIAL)
    made = services.review_documents.make(review_id, Progress())
    text = text_of(made.data)
    review = services.reviews.review(review_id)
    topic = services.training.topics()[0]
    for expected in (
        "Nguyễn Thị Lan",
        "Siobhán Kelly",
        "2 November 2026",
        f"Version {framework_version(review.framework)}",
        review.framework[1].name,
        "Confident",
        EVIDENCE,
        "Lead a group",
        "On track",
        "Train as a peer supervisor",
        "not yet SMART",
        "People said Lan listens well",
        "I need more rest between sessions",
        f"{topic.name}: before spring",
        "Peer supervision",
        "Agreed by the peer worker on 3 November 2026",
        "CONFIDENTIAL",
    ):
        assert expected in text, expected
    assert made.name.endswith(f"review-{review_id:04d}.pdf") and "Nguy" not in made.name
    again = services.review_documents.make(review_id, Progress())
    assert again.data == made.data


def test_a_volunteer_review_prints_abilities_with_comments(services: Services) -> None:
    psw = _psw(services, Role.VOLUNTEER)
    ability = services.reviews.questions(ReviewForm.VOLUNTEER)[0]
    content = ReviewContent(comments={ability.id: "Warm with newcomers"})
    draft = ReviewDraft(psw, ReviewForm.VOLUNTEER, D(2026, 11, 2), "Sam Lee", content)
    review_id, _ = services.reviews.record(draft)
    text = text_of(services.review_documents.make(review_id, Progress()).data)
    assert "Abilities and qualities" in text and ability.name in text
    assert "Warm with newcomers" in text and "Rating" not in text


def test_a_private_review_prints_no_text_until_revealed(services: Services) -> None:
    _, review_id = _paid_review(services, Confidentiality.PRIVATE)
    hidden = text_of(services.review_documents.make(review_id, Progress()).data)
    assert "Nguyễn Thị Lan" in hidden and "This review is private" in hidden
    assert "listens well" not in hidden and "more rest" not in hidden and "Ran the" not in hidden
    shown = services.review_documents.make(review_id, Progress(), private_revealed=True)
    assert "listens well" in text_of(shown.data)
