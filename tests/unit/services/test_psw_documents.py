"""A PSW's printed record, supervision session and plans: what a reader of the PDF sees."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import replace

import pytest
from pypdf import PdfReader
from reportlab import rl_config

from peerdesk.cli_documents import DOCUMENTS
from peerdesk.domain.check_records import AdjustmentDetails, AdjustmentStatus
from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.errors import NotFound
from peerdesk.domain.ids import PswId
from peerdesk.domain.person import PersonDetails
from peerdesk.domain.plans import PlanKind
from peerdesk.domain.progress import Exported, Progress
from peerdesk.domain.psw import EmergencyContact
from peerdesk.domain.supervision_session import ActionDraft, AttendeeDraft, SessionId
from peerdesk.domain.viewer import COORDINATOR, Right
from peerdesk.services.bundle import Services
from tests.factories import full_psw_details
from tests.unit.services.checks_helpers import D, complete_evidence, new_psw
from tests.unit.services.test_plan_service import with_text
from tests.unit.services.test_supervision_service import draft

NAMES = ["Zoë", "Siobhán", "Nguyễn", "Łukasz", "محمد", "李"]


def texts(exported: Exported) -> list[str]:
    reader = PdfReader(io.BytesIO(exported.data))
    return [unicodedata.normalize("NFKC", p.extract_text()) for p in reader.pages]


def everything(exported: Exported) -> str:
    return "\n".join(texts(exported))


def named_psw(services: Services) -> PswId:
    items = services.lists.items()
    details = replace(
        full_psw_details(items, name="Zoë Siobhán Nguyễn"),
        known_as="Łukasz",
        emergency_contact=EmergencyContact("محمد 李", "Friend", "07700 900456"),
        notes="Prefers <b>mornings</b> & quiet rooms",
    )
    psw, _ = services.psws.create(details)
    return psw.id


def record(services: Services, psw: PswId) -> Exported:
    return services.psw_documents.record(psw, Progress())


def test_the_record_prints_every_name_literally_with_furniture(services: Services) -> None:
    psw = named_psw(services)
    complete_evidence(services, psw)
    made = record(services, psw)
    pages = texts(made)
    text = "\n".join(pages)
    for name in NAMES:
        assert unicodedata.normalize("NFKC", name) in text, name
    assert "Prefers <b>mornings</b> & quiet rooms" in text
    for n, page in enumerate(pages, start=1):
        assert f"Page {n} of {len(pages)}" in page
        assert "CONFIDENTIAL" in page
    assert "Referee 1" in text and "Jo Bloggs" in text and "Safeguarding adults" in text
    assert made.name == f"psw-{psw:04d}-record.pdf"
    assert made.note == ""


def test_the_metadata_and_file_name_carry_the_reference_not_the_name(services: Services) -> None:
    psw = named_psw(services)
    made = record(services, psw)
    meta = PdfReader(io.BytesIO(made.data)).metadata
    assert meta is not None
    values = " ".join(str(v) for v in meta.values())
    assert f"PSW-{psw:04d}" in values
    for word in ("Zoë", "Siobhán", "Nguyễn", "Łukasz", "Zo"):
        assert word not in values
        assert word not in made.name


def test_two_builds_are_byte_identical(services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)
    psw = named_psw(services)
    complete_evidence(services, psw)
    assert record(services, psw).data == record(services, psw).data


def test_confidential_and_private_notes_appear_by_date_only(services: Services) -> None:
    psw = new_psw(services)
    services.supervision.record(
        draft(psw, notes="Talked about quokkaword.", confidentiality=Confidentiality.CONFIDENTIAL)
    )
    services.supervision.record(
        draft(
            psw,
            held_on=D(2026, 11, 9),
            notes="Private wombatword.",
            confidentiality=Confidentiality.PRIVATE,
        )
    )
    services.plans.save(
        psw, with_text(services, psw, PlanKind.WELLBEING, "triggers", "Loud echidnaword rooms")
    )
    text = everything(record(services, psw))
    for word in ("quokkaword", "wombatword", "echidnaword"):
        assert word not in text
    assert "2 November 2026" in text and "9 November 2026" in text
    assert "Wellbeing plan, version 1" in text


def test_a_long_note_splits_over_pages_and_bengali_is_counted(services: Services) -> None:
    psw = new_psw(services, "রবীন্দ্রনাথ Quinn", known_as="")
    items = services.lists.items()
    current = services.psws.get(psw)
    long_note = ("Words about the week. " * 900)[:9_000] + " endmarker"
    services.psws.update(
        psw,
        replace(full_psw_details(items, name=current.details.full_name), notes=long_note),
        version=current.version,
    )
    made = record(services, psw)
    assert len(texts(made)) >= 3
    assert "endmarker" in everything(made)
    # The name prints twice (title and details): 11 Bengali characters each time.
    assert made.note == "22 characters could not be printed (shown as ?)."


def test_a_confidential_session_prints_for_the_supervisee_and_private_never(
    services: Services,
) -> None:
    psw = new_psw(services)
    confidential, _ = services.supervision.record(
        draft(psw, notes="Talked about <i>boundaries</i> & quokkaword.")
    )
    services.supervision.add_addendum(confidential, "Later thought: platypusword")
    made = services.psw_documents.supervision(confidential, Progress())
    text = everything(made)
    assert "Talked about <i>boundaries</i> & quokkaword." in text
    assert "platypusword" in text and "Managerial" in text and "Sam Lee" in text
    assert made.name == f"psw-{psw:04d}-supervision-{confidential}.pdf"
    private, _ = services.supervision.record(
        draft(
            psw,
            held_on=D(2026, 11, 9),
            notes="Private wombatword.",
            confidentiality=Confidentiality.PRIVATE,
        )
    )
    text = everything(services.psw_documents.supervision(private, Progress()))
    assert "wombatword" not in text
    assert "private text is never printed" in text


def test_a_20000_character_session_note_prints_whole_over_pages(services: Services) -> None:
    psw = new_psw(services)
    notes = ("A long reflective paragraph about the month. " * 500)[:19_990] + " finalword"
    assert len(notes) == 20_000
    session, _ = services.supervision.record(draft(psw, notes=notes))
    made = services.psw_documents.supervision(session, Progress())
    pages = texts(made)
    assert len(pages) >= 4
    assert "finalword" in pages[-1] or "finalword" in "".join(pages[-2:])


def test_a_group_session_prints_only_this_psws_own_part(services: Services) -> None:
    ann = new_psw(services, "Ann Smith", known_as="")
    bob = new_psw(services, "Bob Jones", known_as="")
    session, _ = services.supervision.record(
        draft(
            ann,
            is_group=True,
            notes="Shared group notes",
            attendees=(
                AttendeeDraft(ann, 4, "Ann felt fine", ("Ann learns",), (ActionDraft("Ann acts"),)),
                AttendeeDraft(bob, 1, "Bob felt low", ("Bob learns",), (ActionDraft("Bob acts"),)),
            ),
        )
    )
    with pytest.raises(NotFound, match="group session"):
        DOCUMENTS["supervision"](services, session, Progress())
    text = everything(services.psw_documents.supervision(session, Progress(), psw_id=ann))
    assert "Shared group notes" in text
    assert "Ann felt fine" in text and "Ann learns" in text and "Ann acts" in text
    for other in ("Bob", "low"):
        assert other not in text
    assert "1 other attendee" in text


def test_plans_print_section_by_section_with_version_and_adjustments(
    services: Services,
) -> None:
    psw = new_psw(services)
    services.health.add_adjustment(
        psw,
        AdjustmentDetails(
            "Hours", "No shifts before 10:00", D(2026, 10, 1), status=AdjustmentStatus.IN_PLACE
        ),
    )
    wellbeing = replace(
        with_text(services, psw, PlanKind.WELLBEING, "triggers", "Crowded <rooms> & noise"),
        agreed_by_psw_on=D(2026, 11, 20),
    )
    services.plans.save(psw, wellbeing)
    services.plans.save(psw, with_text(services, psw, PlanKind.STORY, "if_asked", "It helped"))
    made = DOCUMENTS["wellbeing"](services, psw, Progress())
    pages = texts(made)
    first = "\n".join(p for p in pages if "Wellbeing plan" in p)
    assert "Triggers and stressors" in first and "Crowded <rooms> & noise" in first
    assert "No shifts before 10:00" in first and "20 November 2026" in first
    assert "Version" in first and "23 November 2026" in first
    assert any("Telling my story safely" in p and "It helped" in p for p in pages)
    assert made.name == f"psw-{psw:04d}-plans.pdf"
    one = services.psw_documents.plan(psw, PlanKind.STORY, Progress(), number=1)
    assert one.name == f"psw-{psw:04d}-story-plan-v1.pdf"


def test_a_private_plan_is_not_printed_and_no_plan_refuses(services: Services) -> None:
    psw = new_psw(services)
    with pytest.raises(NotFound, match="no wellbeing plan"):
        services.psw_documents.plans(psw, Progress())
    private = replace(
        with_text(services, psw, PlanKind.WELLBEING, "triggers", "Secret numbatword"),
        confidentiality=Confidentiality.PRIVATE,
    )
    services.plans.save(psw, private)
    text = everything(services.psw_documents.plan(psw, PlanKind.WELLBEING, Progress()))
    assert "numbatword" not in text and "private text is never printed" in text


def test_a_protected_psw_prints_only_for_a_viewer_who_may_see_them(services: Services) -> None:
    psw = new_psw(services)
    person = services.people.create(PersonDetails(full_name="Kim", referred_on=D(2026, 11, 1)))[0]
    services.protection.link(person.id, psw)
    with pytest.raises(NotFound, match="Show protected"):
        DOCUMENTS["record"](services, psw, Progress())
    allowed = COORDINATOR.with_right(Right.VIEW_PROTECTED)
    assert services.psw_documents.record(psw, Progress(), viewer=allowed).data


def test_an_unknown_session_or_psw_is_a_plain_refusal(services: Services) -> None:
    with pytest.raises(NotFound):
        DOCUMENTS["record"](services, 999, Progress())
    with pytest.raises(NotFound):
        services.psw_documents.supervision(SessionId(999), Progress())
