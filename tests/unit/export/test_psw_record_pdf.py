"""The record layout on its own: any text a person types builds a readable PDF."""

from __future__ import annotations

import datetime as dt
import io

from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import Psw, PswDetails
from peerdesk.domain.psw_documents import PswRecordInputs
from peerdesk.export.pdf.psw_record import psw_record_pdf

NOW = dt.datetime(2026, 11, 23, 14, 5)


def inputs(name: str, notes: str) -> PswRecordInputs:
    psw = Psw(
        id=PswId(42),
        details=PswDetails(full_name=name, notes=notes, pronouns=name[:50]),
        status=JourneyStatus.ACTIVE,
        status_since=NOW.date(),
        history=(),
        archived=False,
        created_at=NOW,
        updated_at=NOW,
        version=1,
    )
    return PswRecordInputs(psw=psw, item_names={})


@settings(max_examples=25, deadline=None)
@given(name=st.text(min_size=1, max_size=80), notes=st.text(max_size=3_000))
def test_any_typed_text_builds_a_record(name: str, notes: str) -> None:
    built = psw_record_pdf(inputs(name, notes), organisation="Org & <Co>", printed_at=NOW)
    reader = PdfReader(io.BytesIO(built.data))
    assert len(reader.pages) == built.pages >= 1
    assert "CONFIDENTIAL" in reader.pages[0].extract_text()
    assert reader.metadata is not None and reader.metadata.title == "PSW-0042 record"


def test_markup_in_a_short_cell_and_a_long_note_prints_literally() -> None:
    built = psw_record_pdf(
        inputs("<b>Ann</b> & Co", "a & b <i>c</i> " * 2_000), organisation="Org", printed_at=NOW
    )
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(built.data)).pages)
    assert "<b>Ann</b> & Co" in text
    assert "a & b <i>c</i>" in text
    assert built.pages >= 3
