"""A small demo vault shows Needs attention working: every kind of line, most actives ready."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.psw import PswQuery
from peerdesk.services import vault_service
from peerdesk.services.bundle import Services, build
from peerdesk.services.clock import FixedClock
from peerdesk.services.demo_catalogue import DEMO_COURSES
from peerdesk.services.demo_service import create_demo_vault
from peerdesk.storage import evidence_queries
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF
from tests.conftest import NOW

PASSPHRASE = "lantern meadow copper 47"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    paths = VaultPaths(Path(tmp_path_factory.mktemp("demo")) / "vault")
    create_demo_vault(
        paths, passphrase=PASSPHRASE, psws=300, seed=2026, kdf=TEST_KDF, clock=FixedClock(NOW)
    )
    services = build(vault_service.unlock(paths, PASSPHRASE), FixedClock(NOW))
    yield services
    services.close()


def _kind(status: str, item: str) -> str:
    if item.startswith("Active, not cleared"):
        return "active, not cleared"
    return status


def test_needs_attention_has_a_line_of_every_kind(demo: Services) -> None:
    kinds = Counter(_kind(i.status, i.item) for i in demo.attention.items(30))
    for kind in ("Expired", "Due soon", "In grace", "Stalled", "Awaited", "active, not cleared"):
        assert kinds[kind] > 0, (kind, kinds)
    assert kinds["active, not cleared"] <= 0.1 * sum(kinds.values())


def test_most_active_psws_are_ready(demo: Services) -> None:
    active = demo.psws.find_ids(PswQuery(statuses=frozenset({JourneyStatus.ACTIVE})))
    assert len(active) > 100
    ready = sum(demo.policies.readiness(i).ready for i in active)
    assert ready >= 0.9 * len(active)


def test_the_catalogue_was_filled_and_training_uses_it(demo: Services) -> None:
    courses = demo.training.courses()
    assert len(courses) == len(DEMO_COURSES)
    active = demo.psws.find_ids(PswQuery(statuses=frozenset({JourneyStatus.ACTIVE})))
    for psw_id in active[:20]:
        assert 8 <= len(demo.training.records(psw_id)) <= 12
        assert demo.induction.induction(psw_id).completed_on is not None


def test_due_rows_were_recomputed_with_the_inserts(demo: Services) -> None:
    ids = demo.psws.find_ids(PswQuery(archived=False)) + demo.psws.find_ids(PswQuery(archived=True))
    with demo.workspace.reading() as s:
        for psw_id in ids:
            expected = {
                r.policy_id: r.due_on for r in evidence_queries.results_for(s, psw_id, NOW.date())
            }
            assert evidence_queries.stored_due(s, psw_id) == expected
