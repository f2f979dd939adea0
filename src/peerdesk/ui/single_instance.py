"""One PeerDesk per data folder: a lock file, and a local socket to bring the first forward."""

from __future__ import annotations

import getpass
import hashlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QLockFile, QObject, QSysInfo, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

ALREADY_OPEN = "PeerDesk is already open; brought its window to the front."
ALREADY_OPEN_NO_ANSWER = (
    "PeerDesk is already open with this data folder, but its window did not answer. Look for it "
    "on the taskbar, or wait a moment and try again."
)
RAISE = b"raise\n"
CONNECT_TIMEOUT_MS = 2000


def server_name_for(folder: Path) -> str:
    """A local-socket name unique to this user and data folder, short enough for every platform.

    Unix sockets live in a shared temporary folder with a ~100-byte path limit, so the name is a
    short hash rather than the folder path itself.
    """
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no login name (some containers): fall back to the numeric id
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    resolved = str(folder.expanduser().resolve())
    if sys.platform == "win32":  # file names are case-insensitive there
        resolved = resolved.casefold()
    digest = hashlib.sha256(f"{user}\0{resolved}".encode()).hexdigest()
    return f"peerdesk-{digest[:20]}"


class SingleInstance(QObject):
    """Holds the data folder's lock while PeerDesk runs and listens for later launches.

    The app calls ``acquire()``; on False it calls ``notify_running()`` and exits. The first
    instance emits ``raise_requested`` when a later launch asks it to come to the front.
    """

    raise_requested = Signal()

    def __init__(self, lock_path: Path, server_name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock_path = lock_path
        self.server_name = server_name
        self._lock = QLockFile(str(lock_path))
        # Never treat a lock as stale by age: a PeerDesk left open for a week still owns it.
        # A lock whose process has gone is recovered by the owner check in acquire().
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None
        self._sockets: list[QLocalSocket] = []

    def acquire(self) -> bool:
        """Take the lock and start listening; False when another live PeerDesk holds it."""
        if self._lock.isLocked():
            return True
        if not self._lock.tryLock(0):
            if self._lock.error() != QLockFile.LockError.LockFailedError:
                return False  # e.g. a read-only folder: the caller reports it when opening
            if not self._owner_is_gone() or not self._lock.removeStaleLockFile():
                return False
            if not self._lock.tryLock(0):
                return False
        self._listen()
        return True

    def is_held(self) -> bool:
        return self._lock.isLocked()

    def notify_running(self) -> bool:
        """Ask the PeerDesk holding the lock to bring its window forward; True if it heard."""
        socket = QLocalSocket()
        socket.connectToServer(self.server_name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(QByteArray(RAISE))
        sent = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(CONNECT_TIMEOUT_MS)
        return sent

    def release(self) -> None:
        """Stop listening and remove the lock file (also safe to call twice)."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        for socket in self._sockets:
            socket.abort()
        self._sockets.clear()
        if self._lock.isLocked():
            self._lock.unlock()

    def _owner_is_gone(self) -> bool:
        """True when the lock file names a process on this machine that no longer runs."""
        pid, host, _app = self._lock.getLockInfo()
        if pid <= 0:
            return False  # unreadable or half-written: Qt's own check decides
        if host and host != QSysInfo.machineHostName():
            return False  # a folder shared with another computer: its PIDs mean nothing here
        if pid == os.getpid():
            return False  # this process holds it through another QLockFile
        return not _process_exists(pid)

    def _listen(self) -> None:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # A crashed instance can leave its socket file behind; we hold the lock, so it is ours.
        QLocalServer.removeServer(self.server_name)
        if not server.listen(self.server_name):
            server.deleteLater()
            return  # the lock still protects the vault; only "bring to front" is lost
        server.newConnection.connect(self._accept)
        self._server = server

    def _accept(self) -> None:
        while self._server is not None and self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._sockets.append(socket)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._drop(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        if RAISE.strip() in data:
            self.raise_requested.emit()

    def _drop(self, socket: QLocalSocket) -> None:
        if socket.bytesAvailable():
            self._read(socket)
        if socket in self._sockets:
            self._sockets.remove(socket)
        socket.deleteLater()


def _process_exists(pid: int) -> bool:
    if sys.platform == "win32":
        # os.kill would terminate the process on Windows; Qt's tryLock already checks it there.
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True
