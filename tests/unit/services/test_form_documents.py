"""Blank forms: code and version on every page, lists and consent wording printed, no names."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from peerdesk.domain.blank_form import screen_label
from peerdesk.domain.consent import MATCHING_WORDING, OTHER_PURPOSES, SHARING_WORDING
from peerdesk.domain.errors import NotFound
from peerdesk.domain.progress import Progress
from peerdesk.domain.psw import PswDetails
from peerdesk.domain.taxonomy import ListKind
from peerdesk.services.bundle import Services
from peerdesk.services.form_documents import FORM_CODES


def pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


@pytest.mark.parametrize("code", FORM_CODES)
def test_every_page_carries_the_form_code_and_version(services: Services, code: str) -> None:
    made = services.forms.make(code, Progress())
    form = services.forms.form(code)
    assert made.name == form.file_name and code.lower() in made.name
    texts = pages(made.data)
    assert texts and all(f"Form {code} v1" in t for t in texts)
    assert all(f"Page {n} of {len(texts)}" in t for n, t in enumerate(texts, 1))
    meta = PdfReader(io.BytesIO(made.data)).metadata
    assert meta is not None and meta.title == f"Form {code} v1"
    assert services.forms.make(code, Progress()).data == made.data  # identical builds


def test_sign_up_prints_the_ledgers_wording_and_versions_and_the_lists(
    services: Services,
) -> None:
    text = " ".join(" ".join(pages(services.forms.make("PD-SU", Progress()).data)).split())
    assert f"wording v{MATCHING_WORDING.version}" in text
    assert " ".join(MATCHING_WORDING.text.split()) in text
    assert " ".join(SHARING_WORDING.text.split()) in text
    for purpose in OTHER_PURPOSES:
        assert purpose.label in text
    for item in services.lists.items(ListKind.LIVED_EXPERIENCE, include_retired=False)[:5]:
        assert item.name in text
    assert "\u2610" in text  # tick boxes


def test_a_renamed_list_item_prints_as_renamed_and_markup_prints_literally(
    services: Services,
) -> None:
    from dataclasses import replace

    from peerdesk.domain.taxonomy import ListItemDraft

    area = services.lists.items(ListKind.AREA)[0]
    draft = ListItemDraft(
        kind=area.kind,
        name="Wirral <b>& Chester</b>",
        family=area.family,
        latitude=area.latitude,
        longitude=area.longitude,
    )
    services.lists.update(area.id, replace(draft))
    text = " ".join(pages(services.forms.make("PD-RF", Progress()).data))
    assert "Wirral <b>& Chester</b>" in text


def test_blank_forms_hold_no_ones_details(services: Services) -> None:
    services.psws.create(PswDetails(full_name="Zoë Blankform", email="zoe@example.org"))
    for code in FORM_CODES:
        text = " ".join(pages(services.forms.make(code, Progress()).data))
        assert "Zoë" not in text and "example.org" not in text


def test_an_unknown_code_names_the_forms(services: Services) -> None:
    with pytest.raises(NotFound, match="PD-CL"):
        services.forms.form("PD-XX")


def test_screen_labels_drop_mnemonics_and_required_marks() -> None:
    assert screen_label("F&ull name *") == "Full name"
    assert screen_label("Actions agreed:") == "Actions agreed"
    assert screen_label("Fish && chips") == "Fish & chips"
