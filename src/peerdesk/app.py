"""Composition root: paths -> single instance -> unlock or set up -> services -> window."""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from peerdesk import APP_NAME, __version__
from peerdesk.domain.errors import PeerDeskError, VaultMissing
from peerdesk.services import vault_service
from peerdesk.services.bundle import Services, build
from peerdesk.storage import locations
from peerdesk.storage.vault.files import VaultPaths, VaultState
from peerdesk.storage.workspace import Workspace

if TYPE_CHECKING:
    from peerdesk.ui.single_instance import SingleInstance

CLOSING_BACKUP = "Closing: checking the vault and making a backup…"
ENV_BENCH_READY = "PEERDESK_BENCH_EXIT_WHEN_READY"
"""Benchmarks only: print ``READY <seconds since process start>`` once usable, then quit."""


def run_app(*, data_dir: str | None, demo: bool, passphrase: str | None) -> int:
    """Run the PeerDesk window until it is closed; returns the process exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    from peerdesk.ui.error_reporting import install_crash_handler
    from peerdesk.ui.single_instance import (
        ALREADY_OPEN,
        ALREADY_OPEN_NO_ANSWER,
        SingleInstance,
        server_name_for,
    )

    if os.environ.get(ENV_BENCH_READY):
        sys.excepthook = _exit_on_error  # no one is there to close a crash dialog
    else:
        install_crash_handler(app)
    from peerdesk.ui.resources import app_icon

    app.setWindowIcon(app_icon())
    paths, chosen = locations.resolve(data_dir, demo=demo)
    interactive = passphrase is None and app.platformName() != "offscreen"
    try:  # first, so a missing or read-only folder gets its own message
        state = _vault_state(paths, chosen=chosen, interactive=interactive and not demo)
    except PeerDeskError as error:
        return _fail(error)
    if state is None:
        return 1
    if state is VaultState.NEEDS_SETUP and demo:
        return _fail(PeerDeskError("There is no demo vault yet. Make one first: peerdesk demo"))
    instance = SingleInstance(paths.lock, server_name_for(paths.folder))
    if not instance.acquire():
        answered = instance.notify_running()
        print(ALREADY_OPEN if answered else ALREADY_OPEN_NO_ANSWER)
        return 0
    try:
        workspace = _open_workspace(paths, state, passphrase=passphrase)
        if workspace is None:
            return 1
        try:
            services = build(workspace)  # as whoever unlocked (login.viewer_for)
        except PeerDeskError as error:
            workspace.close()
            return _fail(error)
        # Notes on what a DBS check disclosed are kept six months after the decision, no longer.
        services.dbs.clear_expired_disclosure_notes()
        return _show_window(app, services, instance)
    finally:
        instance.release()


def _vault_state(paths: VaultPaths, *, chosen: bool, interactive: bool) -> VaultState | None:
    """The vault's state. A chosen folder that is missing may be an unplugged drive, so it is
    created only when the coordinator says so (None: they chose not to)."""
    try:
        return vault_service.state(paths, may_create_folder=not chosen)
    except VaultMissing:
        if not (interactive and chosen and not paths.folder.exists()):
            raise
    box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, f"There is no folder at {paths.folder}.")
    box.setInformativeText(
        "If your vault is on a drive that is not plugged in, plug it in and choose Try again. "
        "To start a new, empty vault in that folder, choose Create new vault."
    )
    retry = box.addButton("&Try again", QMessageBox.ButtonRole.AcceptRole)
    create = box.addButton("&Create new vault", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(retry)
    while True:
        box.exec()
        if box.clickedButton() is create:
            break
        if box.clickedButton() is not retry:
            return None
        try:
            return vault_service.state(paths, may_create_folder=False)
        except VaultMissing:
            continue
    return vault_service.state(paths, may_create_folder=True)


def _open_workspace(
    paths: VaultPaths, state: VaultState, *, passphrase: str | None
) -> Workspace | None:
    """Unlock (or set up) the vault: by $PEERDESK_PASSPHRASE when given, else by asking."""
    if state is VaultState.READY and passphrase is not None:
        try:
            return vault_service.unlock(paths, passphrase)
        except PeerDeskError as error:
            _fail(error)
            return None
    if state is VaultState.NEEDS_SETUP:
        from peerdesk.ui.setup_dialog import SetupDialog

        setup = SetupDialog(paths)
        return setup.workspace if setup.exec() == QDialog.DialogCode.Accepted else None
    from peerdesk.ui.unlock_dialog import UnlockDialog

    unlock = UnlockDialog(paths)
    return unlock.workspace if unlock.exec() == QDialog.DialogCode.Accepted else None


def _show_window(app: QApplication, services: Services, instance: SingleInstance) -> int:
    from peerdesk.ui.background import wait_for_background_work
    from peerdesk.ui.change_passphrase_dialog import ChangePassphraseDialog
    from peerdesk.ui.lock_session import LockSession
    from peerdesk.ui.main_window import MainWindow

    def make_window(unlocked: Services) -> MainWindow:
        window = MainWindow(unlocked)

        def change_passphrase() -> None:
            slot = unlocked.users.my_slot()
            ChangePassphraseDialog(unlocked.paths, parent=window, slot=slot).exec()

        window.change_passphrase_requested.connect(change_passphrase)
        window.integrity_watch.start()  # a quick check once the window is up, off its thread
        return window

    session = LockSession(services, make_window)  # locks on Ctrl+L, idle, sleep, clock jumps
    session.quit_requested.connect(app.quit)

    def bring_forward() -> None:
        front = session.front()
        if front is not None:
            front.showNormal()
            front.raise_()
            front.activateWindow()

    instance.raise_requested.connect(bring_forward)
    window = session.window
    assert window is not None
    window.show()
    QTimer.singleShot(0, _collector_back_on)
    if os.environ.get(ENV_BENCH_READY):
        QTimer.singleShot(0, lambda: _report_ready(app, window))
    try:
        return app.exec()
    finally:
        wait_for_background_work()  # no worker may still hold a session when the vault closes
        if not session.is_locked:
            _backup_on_close(session.services)
        session.close()  # clears PeerDesk's clipboard copy; closes the vault unless locked


def _collector_back_on() -> None:
    """Start-up ran with the garbage collector paused (``cli.main``): the objects it made (the
    modules, the window, the first table) live as long as the app, so they are moved out of the
    collector's way for good, and it is turned on again for everything after."""
    gc.freeze()
    gc.enable()


def _backup_on_close(services: Services) -> None:
    """quick_check, then a verified backup if anything changed; a failure is said, not raised.
    It runs off the UI thread behind a moving bar, so closing never looks frozen."""
    from peerdesk.ui.busy import run_busy

    try:
        run_busy(None, APP_NAME, CLOSING_BACKUP, services.backups.on_close)
    except PeerDeskError as error:
        QMessageBox.warning(None, APP_NAME, f"PeerDesk made no backup on closing. {error}")


def _report_ready(app: QApplication, window: QWidget) -> None:
    """Benchmark hook: the window is shown and its table model has rows."""
    app.processEvents()
    rows = window.psw_page.model.rowCount()  # type: ignore[attr-defined]
    alembic = int(any(name.startswith("alembic") for name in sys.modules))
    print(f"READY {_since_process_start():.3f} rows={rows} alembic={alembic}", flush=True)
    window.close()
    app.quit()


def _since_process_start() -> float:
    """Seconds since this process was created (Linux /proc), else since Python started timing."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.process_time()


def _exit_on_error(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    sys.__excepthook__(kind, error, tb)
    os._exit(70)


def _fail(error: BaseException) -> int:
    print(f"PeerDesk: {error}", file=sys.stderr)
    if QApplication.instance() is not None and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        QMessageBox.critical(None, APP_NAME, str(error))
    return 1
