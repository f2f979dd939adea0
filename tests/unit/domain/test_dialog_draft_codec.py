"""Drafts of the long dialogs and plans (supervision session, plan, annual review) survive JSON
exactly, whatever was typed; a mapping or fixed tuple that does not fit is refused plainly."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from typing import TypeVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.draft_codec import DraftUnreadable, from_json, to_json
from peerdesk.domain.goals import GoalDraft, GoalId, GoalStatus, GoalUpdate
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.plans import Audience, PlanDraft, PlanKind, PlanSection, StoryItem
from peerdesk.domain.reviews import (
    CareerPath,
    Rating,
    ReviewContent,
    ReviewDraft,
    ReviewForm,
    TrainingNeedDraft,
)
from peerdesk.domain.supervision import SupervisionKind
from peerdesk.domain.supervision_session import (
    ActionDraft,
    ActionId,
    AttendeeDraft,
    CarryChoice,
    KeptSession,
    SessionDraft,
    SessionId,
)

T = TypeVar("T")

# what people type: any text, and text made of the awkward parts on purpose
AWKWARD = [
    "😀",
    "👩🏽‍⚕️",
    "שלום",
    "مرحبا",
    "\u200f",
    "\u202e",
    "\n",
    "\r\n",
    "\t",
    "Zoë",
    "李",
    '"',
    "\\",
]
texts = st.text() | st.lists(st.sampled_from(AWKWARD) | st.text(max_size=3)).map("".join)
lines = st.lists(texts.map(lambda t: " ".join(t.splitlines())), max_size=4).map(tuple)
dates = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))
ids = st.integers(1, 2**31)


def enums(kind: type[T]) -> st.SearchStrategy[T]:
    return st.sampled_from(list(kind))  # type: ignore[arg-type]


actions = st.builds(ActionDraft, texts, texts, st.none() | dates)
attendees = st.builds(
    AttendeeDraft,
    ids.map(PswId),
    checkin=st.none() | st.integers(1, 5),
    checkin_note=texts,
    learning_needs=lines,
    actions=st.lists(actions, max_size=3).map(tuple),
)
sessions = st.builds(
    SessionDraft,
    kind=enums(SupervisionKind),
    supervisor=texts,
    held_on=dates,
    minutes=st.integers(0, 999),
    attendees=st.lists(attendees, min_size=1, max_size=3).map(tuple),
    is_group=st.booleans(),
    starts_at=texts,
    mode=enums(ContactMode),
    topics=st.lists(ids.map(TaxonomyItemId), max_size=4).map(tuple),
    notes=texts,
    next_on=st.none() | dates,
    confidentiality=enums(Confidentiality),
    carried=st.dictionaries(ids.map(ActionId), enums(CarryChoice), max_size=4),
)
kept_sessions = st.builds(
    KeptSession,
    ids.map(PswId),
    sessions,
    goals=st.lists(
        st.builds(GoalUpdate, ids.map(GoalId), texts, st.none() | enums(GoalStatus)), max_size=3
    ).map(tuple),
    session_id=st.none() | ids.map(SessionId),
)
story_items = st.builds(
    StoryItem,
    texts,
    st.lists(enums(Audience), unique=True).map(tuple),
    texts,
    st.none() | ids.map(TaxonomyItemId),
)
plans = st.builds(
    PlanDraft,
    enums(PlanKind),
    st.lists(
        st.builds(PlanSection, texts, texts, texts, st.lists(story_items, max_size=3).map(tuple)),
        max_size=6,
    ).map(tuple),
    st.none() | dates,
    st.none() | dates,
    enums(Confidentiality),
)
contents = st.builds(
    ReviewContent,
    ratings=st.dictionaries(ids, st.none() | enums(Rating), max_size=5),
    evidence=st.dictionaries(ids, texts, max_size=5),
    comments=st.dictionaries(ids, texts, max_size=5),
    goals_progress=texts,
    feedback=texts,
    ethics=texts,
    self_reflection=texts,
    training_needs=st.lists(st.builds(TrainingNeedDraft, ids, texts), max_size=3).map(tuple),
    career=st.lists(enums(CareerPath), unique=True).map(tuple),
    career_note=texts,
)
reviews = st.builds(
    ReviewDraft,
    ids.map(PswId),
    enums(ReviewForm),
    dates,
    texts,
    contents,
    st.lists(st.builds(GoalDraft, texts, texts, st.none() | dates), max_size=3).map(tuple),
    enums(Confidentiality),
    st.none() | dates,
    st.none() | dates,
)


@settings(max_examples=200)
@given(kept_sessions)
def test_a_kept_supervision_session_round_trips(kept: KeptSession) -> None:
    again = from_json(KeptSession, to_json(kept))
    assert again == kept
    assert all(type(k) is int for k in again.draft.carried)  # ids come back as numbers


@settings(max_examples=200)
@given(plans)
def test_a_plan_draft_round_trips(plan: PlanDraft) -> None:
    assert from_json(PlanDraft, to_json(plan)) == plan


@settings(max_examples=200)
@given(reviews)
def test_a_review_draft_round_trips(review: ReviewDraft) -> None:
    again = from_json(ReviewDraft, to_json(review))
    assert again == review
    assert list(again.content.ratings) == list(review.content.ratings)  # in the same order


@settings(max_examples=200)
@given(st.text())
def test_any_text_is_either_a_session_draft_or_refused_plainly(text: str) -> None:
    with contextlib.suppress(DraftUnreadable):
        from_json(KeptSession, text)


@dataclass(frozen=True)
class Pairs:
    by_id: dict[int, str]
    span: tuple[int, str] = (0, "")


def test_mappings_and_fixed_tuples_round_trip() -> None:
    value = Pairs({2: "b", 1: "a\n😀"}, (3, "שלום"))
    assert to_json(value) == '{"by_id": [[2, "b"], [1, "a\\n😀"]], "span": [3, "שלום"]}'
    assert from_json(Pairs, to_json(value)) == value


@pytest.mark.parametrize(
    "text",
    [
        '{"by_id": {"1": "a"}}',  # an object, not pairs
        '{"by_id": [[1]]}',
        '{"by_id": [["1", "a"]]}',  # a key of the wrong type
        '{"by_id": [[1, "a"], [1, "b"]]}',  # the same key twice
        '{"by_id": [], "span": [3]}',
        '{"by_id": [], "span": ["3", "x"]}',
    ],
)
def test_mappings_and_fixed_tuples_that_do_not_fit_are_refused(text: str) -> None:
    with pytest.raises(DraftUnreadable):
        from_json(Pairs, text)
