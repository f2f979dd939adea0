"""Data rights requests of every kind from the PSW form, by keyboard: log an erasure and erase
the record, restrict and lift (the banner follows), and a plain retention hold placed and lifted."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from peerdesk.domain.ids import PswId
from peerdesk.domain.retention import RecordKind
from peerdesk.services.bundle import Services
from peerdesk.ui.psw_form import PswForm
from peerdesk.ui.retention_dialog import RetentionDialog
from peerdesk.ui.retention_hold_panel import PlaceHoldDialog
from peerdesk.ui.rights_requests_dialog import RightsRequestsDialog
from peerdesk.ui.rights_step_dialogs import DoneDialog, LogRequestDialog
from tests.gui.dialog_helpers import retype
from tests.gui.test_rights_requests import answer_boxes
from tests.gui.typing_helpers import type_text, unnamed


def _requests(qtbot: QtBot, form: PswForm) -> RightsRequestsDialog:
    assert form.rights_button.text() == "Data rights re&quests…"
    form.rights_button.setFocus()
    qtbot.keyClick(form.rights_button, Qt.Key.Key_Space)
    found = [w for w in form.findChildren(RightsRequestsDialog) if w.isVisible()]
    assert found
    return found[-1]


def _log(qtbot: QtBot, requests: RightsRequestsDialog, kind_label: str, received: str) -> None:
    qtbot.keyClick(requests.log_button, Qt.Key.Key_Space)
    dialog = requests.dialog
    assert isinstance(dialog, LogRequestDialog)
    assert dialog.kind.currentText() == "Subject access request"
    dialog.kind.setFocus()
    while dialog.kind.currentText() != kind_label:  # arrow down the choices, as a person would
        before = dialog.kind.currentIndex()
        qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
        assert dialog.kind.currentIndex() != before
    retype(qtbot, dialog.received, received)
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)


def _row(requests: RightsRequestsDialog, row: int = 0) -> list[str]:
    return [requests.model.index(row, c).data() for c in range(requests.model.columnCount())]


def test_log_a_rectification_by_keyboard_and_mark_it_done(
    qtbot: QtBot, form: PswForm, services: Services, psw_id: PswId
) -> None:
    form.load(services.psws.get(psw_id))
    requests = _requests(qtbot, form)
    assert requests.windowTitle() == "Data rights requests: Alexandra Quinn"
    _log(qtbot, requests, "Rectification request", "05/11/2026")
    assert _row(requests)[:4] == [
        "REQ-0001",
        "Rectification request",
        "5 November 2026",
        "Due 7 December 2026",
    ]
    assert "Rectification request due 7 December 2026" in [
        i.item for i in services.attention.items(within_days=60)
    ]
    assert not requests.bundle_button.isVisible()
    assert requests.sent_button.text() == "Mark d&one…"
    assert unnamed(requests) == []
    requests.grab().save("/tmp/shots/rights_kinds.png")
    qtbot.keyClick(requests.sent_button, Qt.Key.Key_Space)
    done = requests.dialog
    assert isinstance(done, DoneDialog)
    qtbot.keyClick(done.ok, Qt.Key.Key_Space)
    assert "Say what was done." in " ".join(p.text() for p in done.problems.values())
    done.note.setFocus()
    type_text(qtbot, done.note, "Address corrected.")
    qtbot.keyClick(done.ok, Qt.Key.Key_Space)
    assert _row(requests)[5] == "23 November 2026"
    assert "done 23 November 2026" in requests.status.text()
    assert not [i for i in services.attention.items(within_days=60) if "Rectification" in i.item]


def test_an_erasure_request_previews_erases_and_is_done(
    qtbot: QtBot, form: PswForm, services: Services, psw_id: PswId, published: list[object]
) -> None:
    form.load(services.psws.get(psw_id))
    requests = _requests(qtbot, form)
    _log(qtbot, requests, "Erasure request", "20/11/2026")
    assert requests.kinds.erase_button.isVisible()
    assert not requests.kinds.restrict_button.isVisible()
    qtbot.keyClick(requests.kinds.erase_button, Qt.Key.Key_Space)
    preview = requests.kinds.erasure
    assert isinstance(preview, RetentionDialog)
    assert preview.table.rowCount() == 1
    assert "Alexandra Quinn" in preview.table.item(0, 0).text()
    assert "Erasure asked for by request REQ-0001" in preview.table.item(0, 2).text()
    seen = answer_boxes("Yes", "OK")
    preview.act_button.setFocus()
    qtbot.keyClick(preview.act_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert "This cannot be undone" in seen[0]
    assert any(int(psw_id) in {int(i) for i in c.psws} for c in published)  # type: ignore[attr-defined]
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: "is done" in requests.status.text())
    assert requests.status.text() == "Erased. REQ-0001 is done."
    with services.workspace.reading() as s:
        assert s.execute(text("SELECT count(*) FROM psw")).scalar() == 0
        assert s.execute(text("SELECT reason FROM erasure")).scalar() == "request"
        assert s.execute(text("SELECT sent_on FROM rights_request")).scalar() is not None
    assert not [i for i in services.attention.items(within_days=60) if "Erasure" in i.item]


def test_restrict_shows_the_banner_and_lifting_removes_it(
    qtbot: QtBot, form: PswForm, services: Services, psw_id: PswId
) -> None:
    form.load(services.psws.get(psw_id))
    requests = _requests(qtbot, form)
    _log(qtbot, requests, "Restriction request", "20/11/2026")
    assert not form.holds.banner.isVisible()
    seen = answer_boxes("Yes")
    qtbot.keyClick(requests.kinds.restrict_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert "kept but not used" in seen[0]
    assert form.holds.banner.isVisible()
    assert form.holds.banner.text() == "Restricted: kept, not used (request REQ-0001)"
    assert _row(requests)[5] == "23 November 2026"
    assert requests.kinds.lift_button.isVisible()
    assert not requests.kinds.restrict_button.isVisible()
    form.grab().save("/tmp/shots/psw_restricted.png")
    seen = answer_boxes("Yes")
    qtbot.keyClick(requests.kinds.lift_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert not form.holds.banner.isVisible()
    assert services.retention.holds(RecordKind.PSW, psw_id) == []
    assert "restriction lifted" in requests.status.text()


def test_place_and_lift_a_retention_hold_from_the_form(
    qtbot: QtBot, form: PswForm, services: Services, psw_id: PswId
) -> None:
    assert not form.holds.place_button.isEnabled()  # nothing saved is shown yet
    form.load(services.psws.get(psw_id))
    assert form.holds.place_button.text() == "Place a retention &hold…"
    assert not form.holds.lift_button.isEnabled()
    qtbot.keyClick(form.holds.place_button, Qt.Key.Key_Space)
    dialog = form.holds.dialog
    assert isinstance(dialog, PlaceHoldDialog)
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert "Say why the record is held" in " ".join(p.text() for p in dialog.problems.values())
    dialog.reason.setFocus()
    type_text(qtbot, dialog.reason, "Employment tribunal claim")
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert form.holds.held.isVisible()
    assert form.holds.held.text() == (
        "On retention hold: Employment tribunal claim (since 23 November 2026)"
    )
    assert not form.holds.banner.isVisible()  # a hold is not a restriction
    seen = answer_boxes("Yes")
    qtbot.keyClick(form.holds.lift_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert "Employment tribunal claim" in seen[0]
    assert not form.holds.held.isVisible()
    assert services.retention.holds(RecordKind.PSW, psw_id) == []
    assert dt.date(2026, 11, 23) == services.clock.today()
