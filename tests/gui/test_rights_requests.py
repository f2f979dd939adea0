"""Subject access requests on the PSW form, by keyboard: log, step, sent, review and save."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from peerdesk.domain.access_content import REDACTED
from peerdesk.domain.ids import PswId
from peerdesk.domain.person import PersonDetails
from peerdesk.domain.psw import PswDetails
from peerdesk.services.bundle import Services
from peerdesk.ui import save_export
from peerdesk.ui.access_bundle_review import BundleReviewDialog
from peerdesk.ui.psw_form import PswForm
from peerdesk.ui.rights_requests_dialog import RightsRequestsDialog
from peerdesk.ui.rights_step_dialogs import LogRequestDialog, SentDialog
from tests.gui.dialog_helpers import retype
from tests.gui.typing_helpers import click_button, unnamed

NOTE = "Met Siobhán Kelly for coffee."


def answer_boxes(*buttons: str) -> list[str]:
    """Click ``buttons`` in the message boxes that open next, in turn (other dialogs left alone:
    the requests dialog is window-modal too). Returns each box's text."""
    seen: list[str] = []

    def poll(left: int = 2000) -> None:
        modal = QApplication.activeModalWidget()
        try:  # the box just answered may be on its way out
            text = modal.text() if isinstance(modal, QMessageBox) else None
        except RuntimeError:
            text = None
        if text is None or text in seen:
            if left:
                QTimer.singleShot(10, lambda: poll(left - 1))
            return
        seen.append(text)
        click_button(buttons[len(seen) - 1])(modal)
        if len(seen) < len(buttons):
            QTimer.singleShot(0, poll)

    QTimer.singleShot(0, poll)
    return seen


@pytest.fixture
def psw_id(services: Services) -> PswId:
    services.people.create(
        PersonDetails(full_name="Siobhán Kelly", referred_on=dt.date(2026, 5, 1))
    )
    psw, _ = services.psws.create(PswDetails(full_name="Zoë Nguyễn", notes=NOTE))
    return psw.id


def _requests(qtbot: QtBot, form: PswForm) -> RightsRequestsDialog:
    form.rights_button.setFocus()
    qtbot.keyClick(form.rights_button, Qt.Key.Key_Space)
    found = [w for w in form.findChildren(RightsRequestsDialog) if w.isVisible()]
    assert found and found[-1].isVisible()
    return found[-1]


def test_log_a_request_by_keyboard_then_mark_it_sent(
    qtbot: QtBot, form: PswForm, services: Services, psw_id: PswId, published: list[object]
) -> None:
    form.load(services.psws.get(psw_id))
    requests = _requests(qtbot, form)
    assert unnamed(requests) == []
    qtbot.keyClick(requests.log_button, Qt.Key.Key_Space)
    dialog = requests.dialog
    assert isinstance(dialog, LogRequestDialog)
    retype(qtbot, dialog.received, "31/07/2026")
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert requests.model.rowCount() == 1
    row = [requests.model.index(0, c).data() for c in range(6)]
    assert row[1:4] == ["Subject access request", "31 July 2026", "Due 1 September 2026"]
    assert "Due 1 September 2026" in requests.status.text()
    assert published  # Needs attention hears of it
    lines = [i.item for i in services.attention.items(within_days=3650)]
    assert "Subject access request overdue since 1 September 2026" in lines

    qtbot.keyClick(requests.sent_button, Qt.Key.Key_Space)
    sent = requests.dialog
    assert isinstance(sent, SentDialog)
    retype(qtbot, sent.on, "01/12/2026")
    qtbot.keyClick(sent.ok, Qt.Key.Key_Space)
    assert "in the future" in " ".join(p.text() for p in sent.problems.values())
    retype(qtbot, sent.on, "20/11/2026")
    qtbot.keyClick(sent.ok, Qt.Key.Key_Space)
    assert requests.model.index(0, 5).data() == "20 November 2026"
    assert not requests.sent_button.isEnabled()
    assert not [i for i in services.attention.items(within_days=3650) if "access" in i.item]
    requests.grab().save("/tmp/shots/rights_requests.png")


def test_make_bundle_reviews_passages_then_saves_the_zip(
    qtbot: QtBot,
    form: PswForm,
    services: Services,
    psw_id: PswId,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    services.rights.log(psw_id=psw_id, received_on=dt.date(2026, 11, 2))
    form.load(services.psws.get(psw_id))
    requests = _requests(qtbot, form)
    qtbot.keyClick(requests.bundle_button, Qt.Key.Key_Space)
    review = requests.dialog
    assert isinstance(review, BundleReviewDialog)
    [row] = review.rows
    assert row.redact.isChecked() and review.focusWidget() is row.redact
    assert "»Siobhán Kelly«" in row.redact.accessibleDescription()
    review.resize(700, 400)
    review.grab().save("/tmp/shots/rights_review.png")
    monkeypatch.setattr(save_export, "_last_folder", None)
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda _p, _t, suggested, f: (str(tmp_path / Path(suggested).name), f)),
    )
    # The warning and the done message are the save flow's own (tests/gui/test_save_export).
    told: list[str] = []
    monkeypatch.setattr(save_export, "confirm_unencrypted", lambda _parent, _title: True)
    monkeypatch.setattr(
        save_export, "tell_saved", lambda _parent, _title, path, note: told.append(note)
    )
    qtbot.keyClick(review.ok, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    saved = tmp_path / "sar-0001-bundle.zip"
    assert told == ["1 passage naming another person redacted"]
    with zipfile.ZipFile(io.BytesIO(saved.read_bytes())) as z:
        data = json.loads(z.read("data.json"))
    assert data["sections"][0]["items"][0]["fields"]["details.notes"] == REDACTED


def test_without_a_saved_record_it_says_so(qtbot: QtBot, form: PswForm) -> None:
    seen = answer_boxes("OK")
    form.rights_button.click()
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert seen == ["Error: Save the record first."]
