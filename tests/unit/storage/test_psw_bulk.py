"""Bulk insert: records read back, sort and search exactly like ones saved one at a time."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from peerdesk.domain.journey import JourneyStatus, StatusChange
from peerdesk.domain.psw import (
    PswDetails,
    PswQuery,
)
from peerdesk.domain.psw_rules import tidied
from peerdesk.services import vault_service
from peerdesk.services.demo_data import DemoPsw, generate
from peerdesk.storage import list_items, psw_bulk, psw_queries, psw_store
from peerdesk.storage.psw_mapping import canonical, read_psw
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.workspace import Workspace
from tests.conftest import NOW, PASSPHRASE
from tests.factories import full_psw_details

SINCE = dt.date(2026, 10, 1)


def _details(ws: Workspace) -> PswDetails:
    with ws.reading() as s:
        return tidied(full_psw_details(list_items.all_items(s)))


def test_a_bulk_inserted_psw_reads_back_equal_to_one_saved_by_the_store(
    vault_paths: VaultPaths,
) -> None:
    ws = vault_service.unlock(vault_paths, PASSPHRASE)
    details = _details(ws)
    first = StatusChange(None, JourneyStatus.ENQUIRY, SINCE, "", NOW)
    with ws.transaction() as s:
        stored = psw_store.insert(s, details, status=JourneyStatus.ENQUIRY, since=SINCE, now=NOW)
        (bulk_id,) = psw_bulk.insert_many(
            s, [DemoPsw(details, JourneyStatus.ENQUIRY, SINCE, (first,), False, NOW, NOW)]
        )
    with ws.reading() as s:
        bulk = read_psw(psw_queries.load(s, bulk_id))
        found = psw_queries.list_ids(s, PswQuery(text="ZOE NGUYEN"))
    ws.close()
    assert bulk_id == stored.id + 1
    assert replace(bulk, id=stored.id) == stored
    assert bulk.details == canonical(details)
    assert found == [stored.id, bulk_id]


def test_generated_psws_keep_their_history_and_dates(vault_paths: VaultPaths) -> None:
    ws = vault_service.unlock(vault_paths, PASSPHRASE)
    with ws.reading() as s:
        items = list_items.all_items(s)
    records = generate(items, count=300, seed=11, now=NOW)
    with ws.transaction() as s:
        ids = psw_bulk.insert_many(s, records)
        assert psw_bulk.insert_many(s, []) == []
    with ws.reading() as s:
        back = [read_psw(psw_queries.load(s, i)) for i in ids]
        shown = psw_queries.count(s, PswQuery())
    ws.close()
    for record, psw in zip(records, back, strict=True):
        assert psw.details == record.details
        assert psw.history == record.history
        assert (psw.status, psw.status_since, psw.archived) == (
            record.status,
            record.status_since,
            record.archived,
        )
        assert (psw.created_at, psw.updated_at, psw.version) == (
            record.created_at,
            record.updated_at,
            1,
        )
    assert shown == sum(not r.archived for r in records)
