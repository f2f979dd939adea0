"""Start-up floor: the least a PySide6 window with an empty table costs on this machine."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView


def since_process_start() -> float:
    """Seconds since this process was created (Linux /proc), as PeerDesk's READY line counts."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.process_time()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.resize(1200, 800)
    window.show()

    def ready() -> None:
        app.processEvents()
        print(f"READY {since_process_start():.3f} rows=0 alembic=0", flush=True)
        window.close()
        app.quit()

    QTimer.singleShot(0, ready)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
