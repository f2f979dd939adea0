"""The import service: dry run counts and errors, duplicates, presets, all-or-nothing commit."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from peerdesk.domain.errors import ValidationFailed
from peerdesk.domain.import_fields import guess_mapping
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.progress import Cancelled, Progress
from peerdesk.domain.psw import PswDetails, PswQuery, Role
from peerdesk.domain.taxonomy import ListKind
from peerdesk.export.spreadsheet_read import read_import_bytes
from peerdesk.services import psw_service
from peerdesk.services.bundle import Services
from peerdesk.services.import_service import DateOrderNeeded, ImportPlan


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8")


HEAD = ["Forename", "Surname", "DOB", "E-mail", "Role", "Status", "Languages", "Area"]


def _plan(services: Services, rows: list[list[str]], **kwargs: object) -> ImportPlan:
    table = read_import_bytes(_csv([HEAD, *rows]))
    fields = guess_mapping(table.headers)
    return services.imports.dry_run(table, fields, **kwargs)  # type: ignore[arg-type]


def _count(services: Services) -> int:
    return services.psws.count(PswQuery())


def test_headers_are_guessed() -> None:
    assert guess_mapping([*HEAD, "Favourite colour"]) == (
        "forename",
        "surname",
        "date_of_birth",
        "email",
        "role",
        "status",
        "languages",
        "area",
        "ignore",
    )


def test_a_clean_file_imports_every_row_with_taxonomies_matched(services: Services) -> None:
    language = next(i for i in services.lists.items(ListKind.LANGUAGE))
    area = next(i for i in services.lists.items(ListKind.AREA))
    shouted = language.name.upper()
    plan = _plan(
        services,
        [
            [
                "Zoë",
                "Nguyễn",
                "31/12/1980",
                "zoe@example.org",
                "Paid",
                "Active",
                shouted,
                area.name,
            ],
            ["Łukasz", "Nowak", "1975-02-03", "", "volunteer", "", "", ""],
        ],
    )
    assert plan.counts() == plan.counts(frozenset()) and plan.counts().new == 2
    assert plan.errors() == []
    before = _count(services)
    result = services.imports.commit(plan)
    assert len(result.created) == 2 and _count(services) == before + 2
    zoe = services.psws.get(result.created[0])
    assert zoe.details.full_name == "Zoë Nguyễn"
    assert zoe.details.date_of_birth == dt.date(1980, 12, 31)
    assert zoe.details.role is Role.PAID and zoe.status is JourneyStatus.ACTIVE
    assert [lang.item_id for lang in zoe.details.languages] == [language.id]
    assert zoe.details.area_id == area.id


def test_errors_are_reported_by_row_column_value_and_message(services: Services) -> None:
    plan = _plan(
        services,
        [
            ["Ann", "Lee", "31/02/1990", "", "", "", "Klingon; english", ""],
            ["Bob", "Ray", "", "", "boss", "", "", ""],
            ["Cy", "Oke", "", "", "", "", "", ""],
        ],
    )
    found = {(p.row, p.column, p.value) for p in plan.errors()}
    assert (2, "DOB", "31/02/1990") in found
    assert (2, "Languages", "Klingon; english") in found
    assert (3, "Role", "boss") in found
    assert plan.unknown["languages"] == ("Klingon",)
    assert any("February 1990 has 28 days" in p.message for p in plan.errors())
    assert plan.counts().errors == 2 and not plan.can_commit()
    with pytest.raises(ValidationFailed):
        services.imports.commit(plan)
    assert plan.can_commit(frozenset({2, 3}))
    counts = plan.counts(frozenset({2, 3}))
    assert (counts.new, counts.errors, counts.left_out) == (1, 0, 2)
    saved = services.imports.errors_csv(plan).data.decode("utf-8-sig")
    assert saved.splitlines()[0] == "Row,Column,Value,Message"
    assert "2,DOB,31/02/1990" in saved


def test_duplicates_within_the_file_and_against_the_vault_are_skipped(
    services: Services,
) -> None:
    services.psws.create(PswDetails(full_name="Kept Already", email="Kept@Example.org"))
    plan = _plan(
        services,
        [
            ["New", "Person", "", "kept@example.org", "", "", "", ""],
            ["Zoe", "Nguyen", "01/01/1990", "", "", "", "", ""],
            ["ZOË", "Nguyễn", "1990-01-01", "", "", "", "", ""],
        ],
    )
    assert "PSW" in plan.duplicates[2] and "same email" in plan.duplicates[2]
    assert plan.duplicates[4] == "row 3 of this file has the same name and date of birth"
    assert plan.counts().duplicates == 2 and plan.counts().new == 1
    before = _count(services)
    result = services.imports.commit(plan)
    assert (len(result.created), result.skipped_duplicates) == (1, 2)
    assert _count(services) == before + 1
    again = services.imports.commit(plan, import_duplicates=True)
    assert len(again.created) == 3


def test_month_first_dates_need_an_order(services: Services) -> None:
    rows = [
        ["A", "B", "04/13/1980", "", "", "", "", ""],
        ["C", "D", "02/01/1970", "", "", "", "", ""],
    ]
    with pytest.raises(DateOrderNeeded, match="DOB"):
        _plan(services, rows)
    plan = _plan(services, rows, date_orders={2: "month"})
    assert plan.errors() == []
    created = services.imports.commit(plan).created
    assert services.psws.get(created[0]).details.date_of_birth == dt.date(1980, 4, 13)
    assert services.psws.get(created[1]).details.date_of_birth == dt.date(1970, 2, 1)


def test_presets_are_saved_by_name_and_applied_by_header(services: Services) -> None:
    headers = ("Given", "Family", "Mail")
    services.imports.save_preset("Old sheet", headers, ("forename", "surname", "email"))
    preset = services.imports.presets()["Old sheet"]
    assert guess_mapping(["GIVEN", "family", "Mail", "Other"], preset) == (
        "forename",
        "surname",
        "email",
        "ignore",
    )


def test_a_failure_at_row_9999_writes_nothing(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [[f"Person{i}", "Test", "", f"p{i}@example.org", "", "", "", ""] for i in range(10_000)]
    plan = _plan(services, rows)
    assert plan.counts().new == 10_000
    real = psw_service.psw_bulk.insert_many
    written = 0

    def failing(s: object, records: list[object]) -> object:
        # Earlier chunks really are written; the chunk holding row 9,999 fails part way.
        nonlocal written
        if written + len(records) >= 9_999:
            real(s, records[: 9_998 - written])  # type: ignore[arg-type]
            raise RuntimeError("row 9,999 failed")
        written += len(records)
        return real(s, records)  # type: ignore[arg-type]

    monkeypatch.setattr(psw_service.psw_bulk, "insert_many", failing)
    before = _count(services)
    with pytest.raises(RuntimeError):
        services.imports.commit(plan)
    assert written == 9_500
    assert _count(services) == before


def test_cancel_during_commit_writes_nothing(services: Services) -> None:
    plan = _plan(services, [[f"P{i}", "T", "", "", "", "", "", ""] for i in range(1_200)])
    progress = Progress(lambda done, total: progress.cancel() if done >= 500 else None)
    before = _count(services)
    with pytest.raises(Cancelled):
        services.imports.commit(plan, progress=progress)
    assert _count(services) == before
