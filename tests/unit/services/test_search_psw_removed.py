"""Deleting a just-made PSW record takes their documents out of the search index with it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.errors import StaleEdit
from peerdesk.domain.ids import PswId
from peerdesk.domain.plans import PlanKind
from peerdesk.domain.search_results import SearchKind
from peerdesk.services.bundle import Services
from tests.unit.services.checks_helpers import new_psw
from tests.unit.services.test_search_service import found, session

WORDS = ("quillwort", "bladderwrack", "samphire", "marramgrass", "sundew")


def index_rows(services: Services) -> list[tuple[str, int, int | None, str]]:
    with services.workspace.reading() as s:
        rows = s.connection().exec_driver_sql(
            "SELECT t.kind, t.record_id, t.psw_id, t.original FROM search_text t "
            "JOIN search_entry e ON e.id = t.rowid ORDER BY t.rowid"
        )
        return [(kind, record_id, psw_id, text) for kind, record_id, psw_id, text in rows]


def save_plan(services: Services, psw: PswId, word: str) -> None:
    draft = services.plans.draft(psw, PlanKind.WELLBEING)
    sections = tuple(
        replace(s, text=word) if s.key == "keeps_me_well" else s for s in draft.sections
    )
    services.plans.save(
        psw, replace(draft, sections=sections, confidentiality=Confidentiality.SHARED)
    )


def fill(services: Services, psw: PswId, other: PswId) -> None:
    """Every kind of document for ``psw``: a one-to-one session, a group with ``other``, a plan."""
    quill, wrack, samphire, marram, sundew = WORDS
    session(services, psw, notes=f"Talked about {quill}.", checkin=f"Calm as {wrack}")
    session(
        services,
        psw,
        other,
        notes="Group walked the dunes.",
        action=f"Photograph the {samphire}",
        need=f"Identifying {marram}",
    )
    save_plan(services, psw, f"Looking at {sundew}")


def test_a_deleted_psw_is_no_longer_found_and_not_in_the_index(services: Services) -> None:
    other = new_psw(services, "Ben Jones", known_as="")
    gone = new_psw(services, "Ann Smith", known_as="")
    fill(services, gone, other)
    assert all(found(services, word) for word in WORDS)
    assert {kind for kind, _, psw, _ in index_rows(services) if psw == gone} == {
        k.value
        for k in (
            SearchKind.NOTE,
            SearchKind.CHECKIN,
            SearchKind.ACTION,
            SearchKind.LEARNING_NEED,
            SearchKind.WELLBEING_PLAN,
        )
    }
    services.psws.remove_new(gone, version=services.psws.get(gone).version)
    for word in WORDS:
        assert found(services, word) == []
    rows = index_rows(services)
    assert [r for r in rows if r[2] == gone] == []
    assert not any(word in text for *_, text in rows for word in WORDS)
    # the group's notes belong to Ben too, and stay findable
    assert [text for _, text in found(services, "dunes")] == ["Group walked the dunes."]


def test_a_refused_delete_leaves_the_index_alone(services: Services) -> None:
    psw = new_psw(services)
    session(services, psw, notes="Notes on quillwort.")
    before = index_rows(services)
    with pytest.raises(StaleEdit):
        services.psws.remove_new(psw, version=services.psws.get(psw).version + 1)
    assert index_rows(services) == before
    assert [text for _, text in found(services, "quillwort")] == ["Notes on quillwort."]


def test_other_psws_documents_stay(services: Services) -> None:
    keep, gone = new_psw(services, "Cara Lee", known_as=""), new_psw(services)
    session(services, keep, notes="Quillwort for Cara.", checkin="Sundew mood")
    session(services, gone, notes="Quillwort for Alex.")
    services.psws.remove_new(gone, version=services.psws.get(gone).version)
    assert found(services, "quillwort") == [("Cara Lee", "Quillwort for Cara.")]
    assert found(services, "sundew") == [("Cara Lee", "Sundew mood")]
