"""The peer workers table model: SQL sorting and filtering, lazy rows, Qt model rules."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from peerdesk.domain.ids import PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import PswDetails, PswQuery, PswRow, Role
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.bundle import Services
from peerdesk.ui.psw_table_model import BLOCK_SIZE, PSW_ID_ROLE, PswTableModel

NAMES = ["Zoë Nguyễn", "amir Haddad", "Łukasz Kowalski", "50% Club", "Anne_Marie Jones"]


@pytest.fixture
def filled(services: Services) -> Services:
    for n, name in enumerate(NAMES):
        psw, _ = services.psws.create(PswDetails(full_name=name, capacity=n))
        if n % 2:
            services.psws.change_status(
                psw.id,
                JourneyStatus.APPLICATION,
                on=dt.date(2026, 1, n + 1),
                reason="",
                version=psw.version,
            )
    return services


def names(model: PswTableModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_passes_qt_model_checks(qtmodeltester: ModelTester, filled: Services) -> None:
    model = PswTableModel(filled)
    qtmodeltester.check(model)
    model.set_query(PswQuery(text="nothing like this"))
    qtmodeltester.check(model)


def test_shows_every_column_for_a_row(filled: Services) -> None:
    model = PswTableModel(filled)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Name", "Known as", "Status", "Since", "Role", "Area", "Capacity", "Updated"]
    row = model.row_of(model.ids()[0])
    assert row == 0
    cells = [model.index(0, c).data() for c in range(model.columnCount())]
    assert cells[0] == "50% Club"
    assert cells[2] == "Application"
    assert cells[3] == "04 Jan 2026"
    assert cells[4] == "Volunteer"
    assert cells[5] == "Not recorded"
    assert cells[7] == "23 Nov 2026 14:05"


def test_sorts_in_sql_by_name_ignoring_accents_and_case(filled: Services) -> None:
    model = PswTableModel(filled)
    assert names(model) == sorted(NAMES, key=lambda n: n.casefold().replace("ł", "l"))
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert names(model)[0] == "Zoë Nguyễn"
    model.sort(6, Qt.SortOrder.AscendingOrder)  # capacity
    assert [model.index(r, 6).data() for r in range(model.rowCount())] == list("01234")
    assert model.query.descending is False


def test_filters_by_folded_text_taken_literally(filled: Services) -> None:
    model = PswTableModel(filled)
    model.set_query(PswQuery(text="ZOE"))
    assert names(model) == ["Zoë Nguyễn"]
    model.set_query(PswQuery(text="%"))
    assert names(model) == ["50% Club"]
    model.set_query(PswQuery(text="_"))
    assert names(model) == ["Anne_Marie Jones"]
    model.set_query(PswQuery(statuses=frozenset({JourneyStatus.APPLICATION})))
    assert sorted(names(model)) == ["50% Club", "amir Haddad"]


def test_refresh_rows_rereads_one_line(qtbot: QtBot, filled: Services) -> None:
    model = PswTableModel(filled)
    psw_id = model.id_at(0)
    assert psw_id is not None
    psw = filled.psws.get(psw_id)
    assert model.index(0, 1).data() == ""
    filled.psws.update(
        psw_id, PswDetails(full_name="50% Club", known_as="Fifty"), version=psw.version
    )
    assert model.index(0, 1).data() == ""  # cached until told
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.refresh_rows([psw_id, PswId(999_999)])
    assert changed.args[0].row() == 0
    assert model.index(0, 1).data() == "Fifty"
    assert model.index(0, 0).data(PSW_ID_ROLE) == psw_id


class FakePsws:
    """A vault of 100,000 PSWs that counts what the model reads."""

    def __init__(self, count: int) -> None:
        self.ids = [PswId(i) for i in range(1, count + 1)]
        self.row_calls: list[int] = []

    def find_ids(self, query: PswQuery, *, viewer: Viewer = COORDINATOR) -> list[PswId]:
        return list(reversed(self.ids)) if query.descending else list(self.ids)

    def rows(self, ids: Any) -> list[PswRow]:
        self.row_calls.append(len(ids))
        return [
            PswRow(
                id=i,
                full_name=f"Person {i}",
                known_as="",
                status=JourneyStatus.ACTIVE,
                status_since=dt.date(2026, 1, 1),
                role=Role.PAID,
                area="Chester",
                capacity=1,
                archived=False,
                updated_at=dt.datetime(2026, 1, 1, 9, 0),
            )
            for i in ids
        ]


def test_large_vault_loads_only_the_blocks_it_shows() -> None:
    psws = FakePsws(100_000)
    model = PswTableModel(SimpleNamespace(psws=psws))
    assert model.rowCount() == 100_000
    assert psws.row_calls == []
    assert model.index(50_123, 0).data() == "Person 50124"
    assert model.index(50_100, 5).data() == "Chester"
    assert psws.row_calls == [BLOCK_SIZE]
    assert model.row_of(PswId(99_999)) == 99_998
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "Person 100000"
    assert psws.row_calls == [BLOCK_SIZE, BLOCK_SIZE]
