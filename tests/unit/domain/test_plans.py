"""Plan versions: JSON round trip, tidying, save problems, word diffs that rebuild, conflicts."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.plan_diff import RunKind, apply_runs, compare, word_runs
from peerdesk.domain.plans import (
    Audience,
    PlanDraft,
    PlanKind,
    PlanSection,
    PlanVersion,
    StoryItem,
    blank_draft,
    draft_problems,
    sections_from_json,
    sections_to_json,
    tidied,
)
from peerdesk.domain.story_conflicts import story_conflicts

D = dt.date
TODAY = D(2026, 11, 23)
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
items = st.builds(
    StoryItem,
    texts,
    st.lists(st.sampled_from(Audience), unique=True).map(tuple),
    texts,
    st.none() | st.integers(1, 99).map(TaxonomyItemId),
)
sections = st.lists(
    st.builds(PlanSection, texts, texts, texts, st.lists(items, max_size=3).map(tuple)), max_size=4
)
prose = st.lists(st.sampled_from(["night", "shift", "walk", " ", "\n", "tea", "Zoë"]), max_size=30)


@given(sections)
def test_sections_survive_json_and_serialise_the_same_way_twice(made: list[PlanSection]) -> None:
    text = sections_to_json(made)
    assert sections_from_json(text) == tuple(made)
    assert sections_to_json(sections_from_json(text)) == text


@given(prose.map("".join), prose.map("".join))
def test_a_diff_rebuilds_the_newer_version(older: str, newer: str) -> None:
    runs = word_runs(older, newer)
    assert apply_runs(older, runs) == newer
    assert "".join(r.text for r in runs if r.kind is not RunKind.ADDED) == older


@given(texts, texts)
def test_any_text_diffs_and_rebuilds(older: str, newer: str) -> None:
    assert apply_runs(older, word_runs(older, newer)) == newer


def test_changed_words_are_marked_and_the_rest_kept() -> None:
    runs = word_runs("Walks help me at lunch", "Walks and tea help me")
    assert [(r.kind, r.text) for r in runs] == [
        (RunKind.SAME, "Walks"),
        (RunKind.ADDED, " and tea"),
        (RunKind.SAME, " help me"),
        (RunKind.REMOVED, " at lunch"),
    ]


def version(number: int, draft: PlanDraft) -> PlanVersion:
    return PlanVersion(PswId(1), number, dt.datetime(2026, 11, number), "Sam", draft)


def test_compare_puts_the_older_first_and_names_date_changes() -> None:
    first = tidied(blank_draft(PlanKind.WELLBEING))
    second = tidied(
        PlanDraft(
            PlanKind.WELLBEING,
            (PlanSection("triggers", "Triggers and stressors", "Night shifts"),),
            review_on=D(2027, 5, 1),
        )
    )
    result = compare(version(2, second), version(1, first))
    assert (result.older.number, result.newer.number) == (1, 2)
    changed = [d.title for d in result.sections if d.changed]
    assert changed == ["Triggers and stressors"]
    assert result.details == ("Review date: none \u2192 1 May 2027",)


def test_tidying_orders_sections_and_problems_name_the_field() -> None:
    draft = PlanDraft(
        PlanKind.STORY,
        (
            PlanSection("if_asked", "What I'll say if asked", "  I say it helped  \n"),
            PlanSection("comfortable", "What I'm comfortable sharing", "", (StoryItem(" "),)),
        ),
        review_on=D(2026, 1, 1),
        agreed_by_psw_on=D(2026, 12, 1),
    )
    clean = tidied(draft)
    assert [s.key for s in clean.sections] == ["comfortable", "rather_not", "if_asked"]
    assert clean.section("if_asked").text == "I say it helped"
    messages = [p.message for p in draft_problems(clean, today=TODAY)]
    assert "Say what item 1 under \u201cWhat I'm comfortable sharing\u201d is." in messages
    assert "The agreed date is in the future: use today or earlier." in messages
    assert "The review date is before the date it was agreed." in messages
    long = PlanDraft(PlanKind.WELLBEING, (PlanSection("triggers", "Triggers", "x" * 20_001),))
    assert "20,001 characters" in draft_problems(long, today=TODAY)[0].message


def test_sharing_a_linked_experience_with_people_supported_needs_consent() -> None:
    psychosis, anxiety = TaxonomyItemId(3), TaxonomyItemId(4)
    draft = PlanDraft(
        PlanKind.STORY,
        (
            PlanSection(
                "comfortable",
                "What I'm comfortable sharing",
                items=(
                    StoryItem("Hearing voices", (Audience.SUPPORTED,), "", psychosis),
                    StoryItem("Anxiety", (Audience.SUPPORTED,), "", anxiety),
                    StoryItem("Psychosis at talks", (Audience.TALKS,), "", psychosis),
                ),
            ),
        ),
    )
    found = story_conflicts(draft, {anxiety: True}, {psychosis: "Psychosis"})
    assert [c.message for c in found] == [
        "Shares \u2018Psychosis\u2019 with people I support, but consent to share it with "
        "people supported is not given"
    ]
    assert story_conflicts(draft, {anxiety: True, psychosis: True}, {}) == []
