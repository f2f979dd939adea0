"""Bulk insert: records read back, sort and search exactly like ones saved one at a time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from peerdesk.domain.availability import Availability, TimeRange
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.demographics import DemographicAnswer
from peerdesk.domain.journey import JourneyStatus, StatusChange
from peerdesk.domain.psw import (
    EmergencyContact,
    LanguageSkill,
    LivedExperience,
    PswDetails,
    PswQuery,
    Role,
)
from peerdesk.domain.psw_rules import tidied
from peerdesk.domain.taxonomy import ListKind
from peerdesk.services import vault_service
from peerdesk.services.demo_data import generate
from peerdesk.storage import list_items, psw_bulk, psw_queries, psw_store
from peerdesk.storage.psw_mapping import canonical, read_psw
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.workspace import Workspace
from tests.conftest import NOW, PASSPHRASE

SINCE = dt.date(2026, 10, 1)


@dataclass(frozen=True)
class _New:
    details: PswDetails
    status: JourneyStatus
    status_since: dt.date
    history: tuple[StatusChange, ...]
    archived: bool
    created_at: dt.datetime
    updated_at: dt.datetime


def _details(ws: Workspace) -> PswDetails:
    with ws.reading() as s:
        items = list_items.all_items(s)
    of = {k: [i.id for i in items if i.kind is k] for k in ListKind}
    return tidied(
        PswDetails(
            full_name="Zoë Nguyễn",
            known_as="Zo",
            pronouns="she/they",
            date_of_birth=dt.date(1990, 2, 28),
            role=Role.PAID,
            email="zoe@example.org",
            phone="07700 900123",
            address="1 Church Street\nLiverpool",
            postcode="L1 1AA",
            emergency_contact=EmergencyContact("Minh Nguyễn", "Brother", "07700 900456"),
            contact_modes=(ContactMode.PHONE, ContactMode.FACE_TO_FACE),
            lived_experience=(
                LivedExperience(of[ListKind.LIVED_EXPERIENCE][4], "Since my teens", True, False),
                LivedExperience(of[ListKind.LIVED_EXPERIENCE][0], "", False, True),
            ),
            skills=(of[ListKind.SKILL][2], of[ListKind.SKILL][0]),
            interests=(of[ListKind.INTEREST][1],),
            languages=(
                LanguageSkill(of[ListKind.LANGUAGE][17], False),
                LanguageSkill(of[ListKind.LANGUAGE][0], True),
            ),
            demographics=(
                DemographicAnswer("religion", "Prefer not to say", False),
                DemographicAnswer("gender", "Non-binary", True),
                DemographicAnswer("ethnicity", "", True),
            ),
            availability=Availability.of([TimeRange(3, 36, 40), TimeRange(1, 20, 28)]),
            hours_per_week=6.5,
            area_id=of[ListKind.AREA][2],
            travel_miles=10,
            capacity=3,
            notes="Likes the walking group.",
        )
    )


def test_a_bulk_inserted_psw_reads_back_equal_to_one_saved_by_the_store(
    vault_paths: VaultPaths,
) -> None:
    ws = vault_service.unlock(vault_paths, PASSPHRASE)
    details = _details(ws)
    first = StatusChange(None, JourneyStatus.ENQUIRY, SINCE, "", NOW)
    with ws.transaction() as s:
        stored = psw_store.insert(s, details, status=JourneyStatus.ENQUIRY, since=SINCE, now=NOW)
        (bulk_id,) = psw_bulk.insert_many(
            s, [_New(details, JourneyStatus.ENQUIRY, SINCE, (first,), False, NOW, NOW)]
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
