"""Plan the waiting list: a coordinator reviews the plan, accepts one line and rejects another."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from peerdesk.domain.match_lifecycle import MatchStage
from peerdesk.services.bundle import Services
from peerdesk.ui.caseload_plan_dialog import CaseloadPlanDialog
from peerdesk.ui.change_bus import ChangeBus
from tests.unit.services.test_matching_service import ready_psw, waiting

D = dt.date


def test_review_accept_one_reject_one_and_apply(
    qtbot: QtBot, services: Services, bus: ChangeBus, monkeypatch: object
) -> None:
    lukasz = ready_psw(services, "Łukasz Nowak", languages=("Polish",), capacity=1)
    ann = ready_psw(services, "Ann Smith", languages=("English",), capacity=1)
    marta = waiting(services, "Marta", languages=("Polish",), referred=D(2026, 6, 1))
    zoe = waiting(services, "Zoë", languages=("English",), referred=D(2026, 7, 1))

    dialog = CaseloadPlanDialog(services, bus)
    qtbot.addWidget(dialog)
    dialog.show()

    assert "2 people waiting. The plan matches 2" in dialog.status.text()
    rows = [
        [dialog.model.index(r, c).data() for c in range(dialog.model.columnCount())]
        for r in range(dialog.model.rowCount())
    ]
    assert rows[0][:3] == ["Marta", "25 weeks", "Łukasz Nowak"]
    assert rows[1][0] == "Zoë" and rows[1][2] == "Ann Smith"
    assert not dialog.apply_button.isEnabled()

    qtbot.keyClick(dialog.table, Qt.Key.Key_A)  # accept Marta's line; moves to Zoë's
    assert dialog.model.index(0, 7).data() == "Accept"
    answers = iter([("", True), ("She asked for someone older", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))  # type: ignore[attr-defined]
    errors: list[str] = []
    monkeypatch.setattr(  # type: ignore[attr-defined]
        "peerdesk.ui.caseload_plan_dialog.show_error", lambda _p, _t, m: errors.append(m)
    )
    qtbot.keyClick(dialog.table, Qt.Key.Key_R)
    assert errors == ["Say why this line is rejected."]
    assert dialog.model.index(1, 7).data() == "Not decided"
    qtbot.keyClick(dialog.table, Qt.Key.Key_R)
    assert dialog.model.index(1, 7).data() == "Reject: She asked for someone older"
    assert dialog.decided.text() == "1 accepted, 1 rejected."

    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)  # type: ignore[attr-defined]
    monkeypatch.setattr(  # type: ignore[attr-defined]
        "peerdesk.ui.caseload_plan_dialog.confirm", lambda *a, **k: True
    )
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    (match,) = services.matches.for_person(marta)
    assert match.psw_id == lukasz and match.stage is MatchStage.PROPOSED
    assert services.matches.for_person(zoe) == []
    assert all(
        line.psw_id != ann for line in services.matching.plan().lines if line.person_id == zoe
    )
