"""Supervision history of a PSW with 500 sessions: listed and the latest shown, beside raw SQL."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from sqlalchemy import text

import _common
from _people import NOW, open_services, people_vault
from floor_due import open_raw
from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.supervision import SupervisionKind
from peerdesk.domain.supervision_session import ActionDraft, AttendeeDraft, SessionDraft
from peerdesk.services import vault_service
from peerdesk.services.bundle import Services
from peerdesk.storage import supervision_bulk
from peerdesk.storage.vault.files import VaultPaths

SESSIONS = 500
TARGET = 0.100
MARK = "bench.supervision_history"


def _seed_sessions(folder: Path) -> int:
    """Give the first active PSW 500 sessions (once: a settings mark records it)."""
    ws = vault_service.unlock(VaultPaths(folder), _common.PASSPHRASE)
    with ws.transaction() as s:
        row = s.execute(text("SELECT value FROM setting WHERE key = :k"), {"k": MARK}).scalar()
        if row is not None:
            ws.close()
            return int(row)
        psw = int(
            s.execute(text("SELECT id FROM psw WHERE status='active' ORDER BY id LIMIT 1")).scalar()
        )
        sessions = [
            supervision_bulk.PastSession(
                SessionDraft(
                    kind=SupervisionKind.MANAGERIAL if i % 2 else SupervisionKind.REFLECTIVE,
                    supervisor="Sam Lee",
                    held_on=NOW.date() - dt.timedelta(days=7 * i + 1),
                    minutes=60,
                    attendees=(
                        AttendeeDraft(
                            psw,
                            checkin=3,
                            learning_needs=("Lone working",),
                            actions=(ActionDraft("Read the policy"),),
                        ),
                    ),
                    notes="Talked through the week's contacts. " * 8,
                    confidentiality=Confidentiality.SHARED if i % 3 else Confidentiality.PRIVATE,
                ),
                NOW,
            )
            for i in range(SESSIONS)
        ]
        supervision_bulk.insert_sessions(s, sessions, recorded_by="bench")
        s.execute(
            text("INSERT INTO setting (key, value) VALUES (:k, :v)"),
            {"k": MARK, "v": str(psw)},
        )
    ws.close()
    return psw


def main() -> int:
    args = _common.parser(__doc__ or "", default_psws=2_000).parse_args()
    cfg = _common.settings(args, quick_psws=150)
    folder = people_vault(cfg.work, cfg.psws, 0)
    psw = _seed_sessions(folder)
    services = open_services(folder)

    def through_service() -> None:
        rows = services.supervision.history(psw)  # type: ignore[arg-type]
        services.supervision.session(rows[0].id, psw)  # type: ignore[arg-type]

    figures = [_common.Figure("history + latest (service)", _common.median_of(cfg.runs,
               through_service), TARGET, _floor(folder, psw, cfg.runs))]  # fmt: skip
    tab = _tab_figure(services, psw, cfg.runs)
    if tab is not None:
        figures.append(_common.Figure("Supervision tab shows PSW", tab, TARGET, figures[0].floor))
    ok = _common.print_table(
        f"Supervision history, {SESSIONS} sessions, {cfg.psws:,} PSWs", figures
    )
    return 0 if ok else 1


def _floor(folder: Path, psw: int, runs: int) -> float:
    """The same rows by raw SQL through sqlcipher3: the history list and the latest session."""
    conn = open_raw(VaultPaths(folder), _common.PASSPHRASE)

    def run() -> None:
        rows = conn.execute(
            "SELECT s.id, s.held_on, s.kind, s.is_group, s.supervisor, s.minutes, "
            "s.confidentiality, substr(s.notes, 1, 120) FROM supervision_session s "
            "JOIN supervision_attendee a ON a.session_id = s.id WHERE a.psw_id = ? "
            "ORDER BY s.held_on DESC, s.id DESC",
            (psw,),
        ).fetchall()
        latest = rows[0][0]
        conn.execute("SELECT * FROM supervision_session WHERE id = ?", (latest,)).fetchall()
        conn.execute(
            "SELECT * FROM supervision_action WHERE session_id = ? AND psw_id = ?", (latest, psw)
        ).fetchall()
        conn.execute(
            "SELECT * FROM supervision_learning_need WHERE session_id = ? AND psw_id = ?",
            (latest, psw),
        ).fetchall()

    return _common.median_of(runs, run)


def _tab_figure(services: Services, psw: int, runs: int) -> float | None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtWidgets import QApplication

        from peerdesk.ui.change_bus import ChangeBus
        from peerdesk.ui.supervision_tab import SupervisionTab
    except ImportError:
        return None
    app = QApplication.instance() or QApplication(sys.argv[:1])
    tab = SupervisionTab(services, ChangeBus())
    tab.show()
    result = _common.median_of(
        runs, lambda: (tab.show_psw(psw), app.processEvents()),  # type: ignore[arg-type]
        before=lambda: tab.show_psw(None),
    )  # fmt: skip
    tab.close()
    return result


if __name__ == "__main__":
    raise SystemExit(main())
