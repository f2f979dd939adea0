"""Demo annual reviews: only for PSWs active on the day, next review 12 months on, repeatable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import text

from peerdesk.domain.goals import is_smart
from peerdesk.domain.reviews import ReviewForm, next_review_on
from peerdesk.services import vault_service
from peerdesk.services.bundle import build
from peerdesk.services.clock import FixedClock
from peerdesk.services.demo_service import create_demo_vault
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF
from peerdesk.storage.workspace import Workspace
from tests.conftest import NOW

PASSPHRASE = "bench lantern meadow 42"
TODAY = NOW.date().isoformat()


def _make(folder: Path) -> Workspace:
    paths = VaultPaths(folder)
    create_demo_vault(
        paths, passphrase=PASSPHRASE, psws=300, seed=11, kdf=TEST_KDF, clock=FixedClock(NOW)
    )
    return vault_service.unlock(paths, PASSPHRASE)


def _rows(ws: Workspace, sql: str) -> list[tuple[object, ...]]:
    with ws.reading() as s:
        return [tuple(r) for r in s.execute(text(sql))]


def _dump(ws: Workspace) -> list[tuple[object, ...]]:
    return _rows(
        ws,
        "SELECT r.psw_id, r.held_on, r.form, r.content, r.agreed_by_psw_on, g.what, g.status, "
        "(SELECT group_concat(p.[on] || p.note, '|') FROM goal_progress p WHERE p.goal_id = g.id) "
        "FROM annual_review r LEFT JOIN goal g ON g.review_id = r.id ORDER BY r.id, g.id",
    )


def test_reviews_are_consistent_and_repeatable(tmp_path: Path) -> None:
    ws = _make(tmp_path / "a")
    reviews = _rows(
        ws,
        "SELECT r.id, r.held_on, r.next_on, r.form, p.role, r.agreed_by_psw_on, "
        "r.agreed_by_reviewer_on, r.framework FROM annual_review r JOIN psw p ON p.id = r.psw_id",
    )
    assert len(reviews) > 20
    for _id, held_on, next_on, form, role, psw_on, reviewer_on, framework in reviews:
        held = dt.date.fromisoformat(str(held_on))
        assert str(next_on) == next_review_on(held).isoformat()
        assert ReviewForm(form).value == ("paid" if role == "paid" else "volunteer")
        assert psw_on == reviewer_on and (psw_on is None or str(psw_on) >= str(held_on))
        assert framework != "[]"
    assert {r[3] for r in reviews} == {"paid", "volunteer"}
    locked = sum(1 for r in reviews if r[5] is not None)
    assert 0 < locked < len(reviews)
    # only PSWs active (and still active) on the review date; nothing in the future
    wrong = _rows(
        ws,
        "SELECT count(*) FROM annual_review r JOIN psw p ON p.id = r.psw_id "
        "WHERE p.status != 'active' OR p.archived OR r.held_on < p.status_since "
        f"OR r.held_on > '{TODAY}' OR r.agreed_by_psw_on > '{TODAY}'",
    )
    assert wrong == [(0,)]
    # a review a year apart at most once a year
    assert _rows(
        ws,
        "SELECT count(*) FROM annual_review a JOIN annual_review b ON a.psw_id = b.psw_id "
        "AND a.id < b.id AND b.held_on < date(a.held_on, '+300 days')",
    ) == [(0,)]
    # progress notes dated from the goal's review to today
    assert _rows(
        ws,
        "SELECT count(*) FROM goal_progress p JOIN goal g ON g.id = p.goal_id "
        "JOIN annual_review r ON r.id = g.review_id "
        f"WHERE p.[on] < r.held_on OR p.[on] > '{TODAY}'",
    ) == [(0,)]
    goals = _rows(ws, "SELECT measure, target_on, status FROM goal")
    smart = [is_smart(str(m), t and dt.date.fromisoformat(str(t))) for m, t, _ in goals]
    assert any(smart) and not all(smart)
    assert {g[2] for g in goals} >= {"on_track", "achieved"}
    assert _rows(ws, "SELECT count(*) FROM goal_progress")[0][0] > 0  # type: ignore[operator]
    assert _rows(ws, "SELECT count(*) FROM framework_item WHERE kind = 'domain'") == [(9,)]

    services = build(ws, FixedClock(NOW))
    lines = [i for i in services.attention.items(30) if "annual review due" in i.item.lower()]
    assert {i.status for i in lines} == {"Review due", "Review overdue"}
    psw = _rows(ws, "SELECT psw_id FROM annual_review ORDER BY id LIMIT 1")[0][0]
    history = services.reviews.history(psw)  # type: ignore[arg-type]
    assert history and services.reviews.review(history[0].id).framework
    assert services.reviews.goals(psw)  # type: ignore[arg-type]
    first = _dump(ws)
    ws.close()

    again = _make(tmp_path / "b")
    assert _dump(again) == first
    again.close()
