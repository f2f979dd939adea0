"""Demo supervision: sessions only for PSWs active then, at the policy's rhythm, repeatable."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from peerdesk.services import vault_service
from peerdesk.services.bundle import build
from peerdesk.services.clock import FixedClock
from peerdesk.services.demo_service import create_demo_vault
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF
from tests.conftest import NOW

PASSPHRASE = "bench lantern meadow 42"
TABLES = (
    "supervision_session",
    "supervision_attendee",
    "supervision_action",
    "supervision_learning_need",
    "plan_version",
    "safeguarding_concern",
)


def _make(folder: Path) -> VaultPaths:
    paths = VaultPaths(folder)
    create_demo_vault(
        paths, passphrase=PASSPHRASE, psws=300, seed=7, kdf=TEST_KDF, clock=FixedClock(NOW)
    )
    return paths


def _scalar(ws: object, sql: str) -> object:
    with ws.reading() as s:  # type: ignore[attr-defined]
        return s.execute(text(sql)).scalar()


def test_histories_are_consistent_and_repeatable(tmp_path: Path) -> None:
    paths = _make(tmp_path / "a")
    ws = vault_service.unlock(paths, PASSPHRASE)
    counts = {t: _scalar(ws, f"SELECT count(*) FROM {t}") for t in TABLES}
    assert all(isinstance(n, int) and n > 0 for n in counts.values()), counts
    # every attendee was active (and is now) on the day, and nothing is in the future
    wrong = _scalar(
        ws,
        "SELECT count(*) FROM supervision_attendee a "
        "JOIN supervision_session s ON s.id = a.session_id JOIN psw p ON p.id = a.psw_id "
        "WHERE p.status != 'active' OR p.archived OR s.held_on < p.status_since "
        f"OR s.held_on > '{NOW.date().isoformat()}'",
    )
    assert wrong == 0
    groups = _scalar(ws, "SELECT count(*) FROM supervision_session WHERE is_group")
    assert isinstance(groups, int) and groups > 0
    assert (
        _scalar(
            ws,
            "SELECT count(*) FROM supervision_session s WHERE is_group AND "
            "(SELECT count(*) FROM supervision_attendee a WHERE a.session_id = s.id) < 3",
        )
        == 0
    )
    open_actions = _scalar(ws, "SELECT count(*) FROM supervision_action WHERE status = 'open'")
    actions = counts["supervision_action"]
    assert isinstance(open_actions, int) and isinstance(actions, int)
    assert 0 < open_actions < actions / 2  # a few open; the rest done at the next session
    shares = {
        level: _scalar(
            ws, f"SELECT count(*) FROM supervision_session WHERE confidentiality = '{level}'"
        )
        for level in ("shared", "confidential", "private")
    }
    assert shares["confidential"] > shares["shared"] + shares["private"]  # type: ignore[operator]
    assert _scalar(ws, "SELECT max(number) FROM plan_version") in (1, 2, 3)

    services = build(ws, FixedClock(NOW))
    psw = _scalar(ws, "SELECT psw_id FROM supervision_attendee ORDER BY psw_id LIMIT 1")
    history = services.supervision.history(psw)  # type: ignore[arg-type]
    assert history and services.supervision.session(history[0].id, psw)  # type: ignore[arg-type]
    kinds = {row.kind for row in history}
    assert len(kinds) == 2  # managerial and reflective
    ws.close()

    again = vault_service.unlock(_make(tmp_path / "b"), PASSPHRASE)
    assert {t: _scalar(again, f"SELECT count(*) FROM {t}") for t in TABLES} == counts
    again.close()
