"""Export -> import round-trips PSW fields: the CSV writer (with its guard) and back to details."""

from __future__ import annotations

import datetime as dt
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.import_fields import guess_mapping
from peerdesk.domain.import_rows import build_row
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import LanguageSkill, PswDetails, Role
from peerdesk.domain.psw_rules import tidied
from peerdesk.domain.taxonomy import ListKind
from peerdesk.domain.text import fold
from peerdesk.export.spreadsheet_read import read_import_bytes
from peerdesk.export.table_export import write_csv

TODAY = dt.date(2026, 11, 23)
LANGUAGES = ("English", "Polski", "Tiếng Việt", "العربية", "普通话", "Cymraeg")
LISTS = {ListKind.LANGUAGE: {fold(n): TaxonomyItemId(i + 1) for i, n in enumerate(LANGUAGES)}}
HEADERS = (
    "Full name",
    "Known as",
    "Pronouns",
    "Date of birth",
    "Role",
    "Status",
    "Email",
    "Phone",
    "Postcode",
    "Address",
    "Languages",
    "Hours per week",
    "Capacity",
    "Notes",
)
_LETTERS = st.characters(
    blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"), blacklist_characters="\x00"
)
one_line = st.text(_LETTERS, max_size=40)
named = st.text(_LETTERS, min_size=1, max_size=40).filter(lambda t: t.strip())
formulaish = st.sampled_from(["=SUM(A1)", "+44 7700", "-x", "@home", "'=quoted", ""])


@st.composite
def details(draw: st.DrawFn) -> tuple[PswDetails, JourneyStatus]:
    languages = draw(st.lists(st.sampled_from(range(len(LANGUAGES))), unique=True, max_size=3))
    psw = PswDetails(
        full_name=draw(st.one_of(named, formulaish.filter(bool))),
        known_as=draw(st.one_of(one_line, formulaish)),
        pronouns=draw(one_line),
        date_of_birth=draw(st.none() | st.dates(dt.date(1916, 1, 1), dt.date(2008, 1, 1))),
        role=draw(st.sampled_from(Role)),
        email=draw(one_line),
        phone=draw(st.one_of(one_line, formulaish)),
        postcode=draw(one_line),
        address=draw(st.text(_LETTERS | st.just("\n"), max_size=80)),
        languages=tuple(LanguageSkill(TaxonomyItemId(i + 1)) for i in languages),
        hours_per_week=draw(st.none() | st.sampled_from([0.5, 4.0, 12.25, 40.0])),
        capacity=draw(st.integers(0, 10)),
        notes=draw(st.text(_LETTERS | st.just("\n"), max_size=200)),
    )
    return tidied(psw), draw(st.sampled_from(JourneyStatus))


def _cells(psw: PswDetails, status: JourneyStatus) -> list[object]:
    names = "; ".join(LANGUAGES[int(lang.item_id) - 1] for lang in psw.languages)
    return [
        psw.full_name,
        psw.known_as,
        psw.pronouns,
        psw.date_of_birth,
        psw.role.label,
        status.label,
        psw.email,
        psw.phone,
        psw.postcode,
        psw.address,
        names,
        psw.hours_per_week,
        psw.capacity,
        psw.notes,
    ]


@settings(max_examples=150, deadline=None)
@given(st.lists(details(), min_size=1, max_size=5))
def test_exported_psws_import_back_unchanged(
    records: list[tuple[PswDetails, JourneyStatus]],
) -> None:
    stream = io.BytesIO()
    write_csv(stream, HEADERS, [_cells(p, s) for p, s in records])  # type: ignore[misc]
    table = read_import_bytes(stream.getvalue())
    fields = guess_mapping(table.headers)
    assert "ignore" not in fields
    assert len(table.rows) == len(records)
    for number, cells, (psw, status) in zip(table.row_numbers, table.rows, records, strict=True):
        outcome = build_row(number, table.headers, fields, cells, lists=LISTS, today=TODAY)
        assert [p for p in outcome.problems if p.blocking] == []
        assert outcome.details == psw
        assert outcome.status is status
