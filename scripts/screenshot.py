"""Take the README's screenshots on a fresh demo vault, rendered offscreen: the home page
(Needs attention) as docs/main-window.png and a peer worker's Checks tab as docs/checks.png.

Usage: .venv/bin/python scripts/screenshot.py [--out docs/main-window.png] [--scale 1.0]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from peerdesk.domain.psw import PswQuery
from peerdesk.services import vault_service
from peerdesk.services.bundle import build
from peerdesk.services.demo_service import create_demo_vault
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/main-window.png"))
    parser.add_argument("--scale", type=float, default=1.0, help="text scale, e.g. 2 for 200%%")
    parser.add_argument("--psws", type=int, default=60)
    args = parser.parse_args()

    app = QApplication(sys.argv[:1])
    from peerdesk.ui import background

    background.default_executor = background.InlineExecutor  # a picture wants the finished page
    font = app.font()
    font.setPointSizeF(font.pointSizeF() * args.scale)
    app.setFont(font)
    from peerdesk.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        paths = VaultPaths(Path(tmp) / "demo")
        create_demo_vault(
            paths, passphrase="screenshot passphrase", psws=args.psws, seed=7, kdf=TEST_KDF
        )
        services = build(vault_service.unlock(paths, "screenshot passphrase"))
        window = MainWindow(services)
        window.resize(int(1280 * max(1.0, args.scale * 0.8)), int(800 * max(1.0, args.scale * 0.8)))
        window.show()
        for _ in range(5):
            app.processEvents()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(args.out))
        window.open_psw(services.psws.find_ids(PswQuery())[0])
        form = window.psw_page.form
        form.tabs.setCurrentWidget(form.checks)
        for _ in range(5):
            app.processEvents()
        checks = args.out.with_name("checks.png")
        window.grab().save(str(checks))
        print(f"saved {checks}")
        window.close()
        services.close()
    print(f"saved {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
