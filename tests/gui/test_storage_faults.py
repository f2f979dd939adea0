"""Saves the drive refuses (full, read-only, no permission, pulled out): rolled back, form kept."""

from __future__ import annotations

import errno
from collections.abc import Callable

import pytest
import sqlcipher3
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.domain.psw import PswQuery
from peerdesk.services.bundle import Services
from peerdesk.storage.backups import engine_of
from peerdesk.ui import message_boxes
from peerdesk.ui.checks_tab import ChecksTab
from peerdesk.ui.psw_form import PswForm
from tests.gui.dialog_helpers import open_dialog, shown_problems
from tests.gui.typing_helpers import type_text

NAME = "Zoë Nguyễn 李"


def _sqlite(name: str, words: str) -> Exception:
    error = sqlcipher3.OperationalError(words)
    error.sqlite_errorname = name  # type: ignore[attr-defined]
    return error


def _os(number: int) -> Exception:
    return OSError(number, "refused", "peerdesk.vault-wal")


FULL = (
    "Not saved: the disk is full; free some space. Earlier work is safe. The vault is in {folder}."
)
READ_ONLY = (
    "Not saved: the drive is read-only; PeerDesk cannot write to {folder}. Earlier work is safe."
)
DENIED = (
    "Not saved: permission denied; you may not write to {folder}. Ask whoever manages this "
    "computer to give you access. Earlier work is safe."
)
GONE = (
    "Not saved: the drive holding {folder} was removed or stopped answering; plug it back in, "
    "then try again. Earlier work is safe."
)

CASES = [
    pytest.param(_sqlite("SQLITE_FULL", "database or disk is full"), FULL, id="SQLITE_FULL"),
    pytest.param(_os(errno.ENOSPC), FULL, id="ENOSPC"),
    pytest.param(
        _sqlite("SQLITE_READONLY", "attempt to write a readonly database"), READ_ONLY, id="READONLY"
    ),
    pytest.param(_os(errno.EROFS), READ_ONLY, id="EROFS"),
    pytest.param(_sqlite("SQLITE_PERM", "access permission denied"), DENIED, id="SQLITE_PERM"),
    pytest.param(_os(errno.EACCES), DENIED, id="EACCES"),
    pytest.param(_sqlite("SQLITE_IOERR_WRITE", "disk I/O error"), GONE, id="SQLITE_IOERR"),
    pytest.param(_os(errno.EIO), GONE, id="EIO"),
    pytest.param(_os(errno.ENODEV), GONE, id="ENODEV"),
    pytest.param(_os(errno.ENOENT), GONE, id="ENOENT"),
]


@pytest.fixture
def refuse_commits(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> Callable[[Exception], None]:
    """From now on every commit fails with ``error``, as the drive would refuse the write."""
    dialect = engine_of(services.workspace).dialect

    def inject(error: Exception) -> None:
        def refuse(_connection: object) -> None:
            raise error

        monkeypatch.setattr(dialect, "do_commit", refuse)

    return inject


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(message_boxes, "show_error", lambda _p, _t, message: shown.append(message))
    return shown


@pytest.mark.parametrize(("error", "expected"), CASES)
def test_a_refused_save_of_a_new_peer_worker_keeps_the_form_and_writes_nothing(
    form: PswForm,
    services: Services,
    qtbot: QtBot,
    refuse_commits: Callable[[Exception], None],
    errors: list[str],
    error: Exception,
    expected: str,
) -> None:
    before = services.psws.count(PswQuery())
    type_text(qtbot, form.contact.full_name, NAME)
    refuse_commits(error)
    qtbot.keyClick(form.contact.full_name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert errors == [expected.format(folder=services.paths.folder)]
    assert form.contact.full_name.text() == NAME
    assert form.is_dirty()
    assert services.psws.count(PswQuery()) == before


@pytest.mark.parametrize(("error", "expected"), CASES[::2])
def test_a_refused_reference_keeps_the_dialog_open_with_what_was_typed(
    tab: ChecksTab,
    services: Services,
    qtbot: QtBot,
    refuse_commits: Callable[[Exception], None],
    error: Exception,
    expected: str,
) -> None:
    refs = tab.references
    dialog = open_dialog(refs.add, refs)
    type_text(qtbot, dialog.referee, NAME)  # type: ignore[attr-defined]
    refuse_commits(error)
    dialog.ok.click()
    assert dialog.isVisible()
    # the dialog marks every blocking problem "Error:" (not by colour alone)
    assert shown_problems(dialog) == "Error: " + expected.format(folder=services.paths.folder)
    assert dialog.referee.text() == NAME  # type: ignore[attr-defined]
    assert refs.model.rowCount() == 0
    assert tab.psw_id is not None
    assert services.references.references(tab.psw_id) == []
