"""Global search through the service: folding, levels, protected PSWs, groups, plans, bad input."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.ids import PswId
from peerdesk.domain.plans import PlanKind
from peerdesk.domain.search_query import NOTHING_TO_SEARCH
from peerdesk.domain.search_results import SearchKind
from peerdesk.domain.supervision import SupervisionKind
from peerdesk.domain.supervision_session import ActionDraft, AttendeeDraft, SessionDraft
from peerdesk.domain.viewer import COORDINATOR, Right
from peerdesk.services.bundle import Services
from peerdesk.services.search_service import INDEXED_KEY
from peerdesk.storage import search_index
from tests.unit.services.checks_helpers import new_psw
from tests.unit.services.test_attention_visibility import protect

D = dt.date
HELD = D(2026, 11, 2)
ALLOWED = COORDINATOR.with_right(Right.VIEW_PROTECTED)
BAD_QUERIES = [
    "o'brien",
    '"open',
    "NEAR(a b",
    "* * *",
    "AND OR",
    "(((",
    "notes:x",
    "night\x00shift",
    "\ud800 lone \udfff",
    "x" * 10_000,
    "night " * 5_000,
]


def session(
    services: Services,
    *psws: PswId,
    notes: str = "",
    level: Confidentiality = Confidentiality.SHARED,
    checkin: str = "",
    action: str = "",
    need: str = "",
    on: dt.date = HELD,
) -> int:
    parts = tuple(
        AttendeeDraft(
            p,
            checkin_note=checkin if i == 0 else "",
            learning_needs=(need,) if need and i == 0 else (),
            actions=(ActionDraft(action),) if action and i == 0 else (),
        )
        for i, p in enumerate(psws)
    )
    draft = SessionDraft(
        kind=SupervisionKind.REFLECTIVE,
        supervisor="Sam Lee",
        held_on=on,
        minutes=50,
        attendees=parts,
        is_group=len(psws) > 1,
        notes=notes,
        confidentiality=level,
    )
    return services.supervision.record(draft)[0]


def found(services: Services, typed: str, **options: object) -> list[tuple[str, str]]:
    page = services.search.search(typed, **options)  # type: ignore[arg-type]
    return [(r.psw_name, r.snippet_text) for r in page.results]


def test_zoe_finds_zoe_with_the_original_text_in_bold(services: Services) -> None:
    psw = new_psw(services, "Zoë Nguyễn", known_as="")
    session(services, psw, notes="Talked with Zoë about night shifts and the rota.")
    page = services.search.search("zoe night shi")
    [result] = page.results
    assert result.psw_name == "Zoë Nguyễn"
    assert result.kind is SearchKind.NOTE and result.kind_label == "Supervision notes"
    assert result.day == D(2026, 11, 2)
    assert result.snippet_html == (
        "Talked with <b>Zoë</b> about <b>night</b> <b>shifts</b> and the rota."
    )
    assert page.message == "1 match."


def test_snippet_html_is_escaped_before_bolding(services: Services) -> None:
    psw = new_psw(services)
    session(services, psw, notes="She wrote <b>bold</b> & <i>rota</i>.")
    [result] = services.search.search("rota").results
    assert (
        result.snippet_html
        == "She wrote &lt;b&gt;bold&lt;/b&gt; &amp; &lt;i&gt;<b>rota</b>&lt;/i&gt;."
    )


def test_confidential_only_when_ticked_and_private_never(services: Services) -> None:
    psw = new_psw(services)
    session(services, psw, notes="Zanzibarish shared", level=Confidentiality.SHARED)
    session(services, psw, notes="Zanzibarish confidential", level=Confidentiality.CONFIDENTIAL)
    session(services, psw, notes="Zanzibarish private quokkaword", level=Confidentiality.PRIVATE)
    plain = found(services, "zanzibarish")
    assert [s for _, s in plain] == ["Zanzibarish shared"]
    ticked = {s for _, s in found(services, "zanzibarish", include_confidential=True)}
    assert ticked == {"Zanzibarish shared", "Zanzibarish confidential"}
    for options in ({}, {"include_confidential": True}, {"viewer": ALLOWED}):
        assert found(services, "quokkaword", **options) == []
    message = services.search.search("quokkaword").message
    assert "Include confidential" in message and "Nothing found" in message


def test_check_ins_actions_and_needs_open_their_own_psw(services: Services) -> None:
    ann, ben = (
        new_psw(services, "Ann Smith", known_as=""),
        new_psw(services, "Ben Jones", known_as=""),
    )
    session(
        services,
        ann,
        ben,
        notes="Group talked about boundaries.",
        checkin="Tired after the wombat visit",
        action="Phone the wombat sanctuary",
        need="Wombat awareness course",
    )
    kinds = {(r.kind, r.psw_name) for r in services.search.search("wombat").results}
    assert kinds == {
        (SearchKind.CHECKIN, "Ann Smith"),
        (SearchKind.ACTION, "Ann Smith"),
        (SearchKind.LEARNING_NEED, "Ann Smith"),
    }
    [note] = services.search.search("boundaries").results
    assert note.psw_name == "Ann Smith, Ben Jones" and note.psw_id == ann
    assert note.session_id is not None


def test_protected_psws_only_with_the_right(services: Services) -> None:
    ann, zoe = new_psw(services, "Ann Smith", known_as=""), new_psw(services, "Zoë Q", known_as="")
    session(services, zoe, notes="Quillfeather individual")
    session(services, ann, zoe, notes="Quillfeather group")
    protect(services, zoe)
    plain = found(services, "quillfeather")
    assert plain == [("Ann Smith", "Quillfeather group")]
    allowed = set(found(services, "quillfeather", viewer=ALLOWED))
    assert allowed == {
        ("Zoë Q", "Quillfeather individual"),
        ("Ann Smith, Zoë Q", "Quillfeather group"),
    }


def test_edits_and_addenda_change_the_index_and_plans_keep_the_current_version(
    services: Services,
) -> None:
    psw = new_psw(services)
    made = session(services, psw, notes="Pomegranate")
    services.supervision.edit_notes(made, "Persimmon")  # type: ignore[arg-type]
    assert found(services, "pomegranate") == []
    services.supervision.add_addendum(made, "Later: kumquat")  # type: ignore[arg-type]
    assert [s for _, s in found(services, "kumquat")] == ["Persimmon Later: kumquat"]
    for word in ("Tangerine walks", "Clementine swims"):
        draft = services.plans.draft(psw, PlanKind.WELLBEING)
        sections = tuple(
            replace(s, text=word) if s.key == "keeps_me_well" else s for s in draft.sections
        )
        services.plans.save(
            psw, replace(draft, sections=sections, confidentiality=Confidentiality.SHARED)
        )
    assert found(services, "tangerine") == []
    [plan] = services.search.search("clementine").results
    assert plan.kind is SearchKind.WELLBEING_PLAN and plan.kind_label == "Wellbeing plan"
    assert found(services, "agreed") == []  # "None agreed." adjustments are not indexed


def test_records_made_before_the_index_are_indexed_on_the_first_search(
    services: Services,
) -> None:
    psw = new_psw(services)
    session(services, psw, notes="Gooseberry fool")
    with services.workspace.transaction() as s:  # as a vault from before migration 0009
        s.connection().exec_driver_sql("DELETE FROM search_text")
        s.connection().exec_driver_sql("DELETE FROM search_entry")
        s.connection().exec_driver_sql("DELETE FROM setting WHERE key = ?", (INDEXED_KEY,))
    fresh = type(services.search)(services.workspace)
    assert [s for _, s in found_with(fresh, "gooseberry")] == ["Gooseberry fool"]


def found_with(service: object, typed: str) -> list[tuple[str, str]]:
    page = service.search(typed)  # type: ignore[attr-defined]
    return [(r.psw_name, r.snippet_text) for r in page.results]


def test_many_hits_come_newest_first_and_say_so(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    psw = new_psw(services)
    for day in (1, 3, 2):
        session(services, psw, notes=f"Rota day {day}", on=D(2026, 11, day))
    monkeypatch.setattr("peerdesk.storage.search_queries.RANK_CAP", 2)
    monkeypatch.setattr("peerdesk.services.search_service.search_queries.RANK_CAP", 2)
    page = services.search.search("rota")
    assert "newest" in page.message and page.capped == 2
    assert [r.snippet_text for r in page.results] == ["Rota day 2", "Rota day 3", "Rota day 1"]


@pytest.mark.parametrize("typed", BAD_QUERIES)
def test_bad_queries_give_results_or_the_message(services: Services, typed: str) -> None:
    psw = new_psw(services)
    session(services, psw, notes="O'Brien opened the night shift notes: x (((")
    page = services.search.search(typed)
    assert page.results or page.message


def test_nothing_to_search(services: Services) -> None:
    for typed in ("", "   ", "* * *", "(((", '""'):
        page = services.search.search(typed)
        assert page.message == NOTHING_TO_SEARCH and page.results == ()


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_any_text_searches_without_raising(services: Services, typed: str) -> None:
    page = services.search.search(typed, include_confidential=True)
    assert page.message


def test_paging(services: Services) -> None:
    psw = new_psw(services)
    for day in range(1, 26):
        session(services, psw, notes=f"Walnut {day}", on=D(2026, 10, day))
    first = services.search.search("walnut")
    second = services.search.search("walnut", page=1)
    assert len(first.results) == 20 and first.has_more
    assert len(second.results) == 5 and not second.has_more
    assert second.message == "Matches 21 to 25 of 25, best first."
    assert search_index.PAGE_SIZE == 20
