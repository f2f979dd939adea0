"""Consent boxes saved on the record form write the ledger, which stays the source of truth."""

from __future__ import annotations

from pathlib import Path

from peerdesk.domain.consent import EntryKind, lived_experience_purpose
from peerdesk.domain.psw import LivedExperience, PswDetails, PswQuery
from peerdesk.domain.taxonomy import ListKind
from peerdesk.services import vault_service
from peerdesk.services.bundle import Services, build
from peerdesk.services.demo_service import create_demo_vault
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.storage.vault.keyslots import TEST_KDF


def test_ticking_unticking_and_removing_on_the_form_are_ledgered(services: Services) -> None:
    first, second = services.lists.items(ListKind.LIVED_EXPERIENCE)[:2]
    details = PswDetails(
        full_name="Zoë Nguyễn",
        lived_experience=(
            LivedExperience(first.id, "", True, False),
            LivedExperience(second.id, "", True, True),
        ),
    )
    psw, _ = services.psws.create(details)
    kinds = [(e.purpose, e.kind) for e in services.consents.ledger(psw.id)]
    assert sorted(kinds) == sorted(
        [
            (lived_experience_purpose(first.id, "matching"), EntryKind.GIVEN),
            (lived_experience_purpose(second.id, "matching"), EntryKind.GIVEN),
            (lived_experience_purpose(second.id, "sharing"), EntryKind.GIVEN),
        ]
    )
    assert services.consents.matching_consents([psw.id]) == {
        (psw.id, first.id),
        (psw.id, second.id),
    }

    # Untick matching on the first item and take the second off the record.
    edited = PswDetails(
        full_name="Zoë Nguyễn", lived_experience=(LivedExperience(first.id, "", False, False),)
    )
    saved, _ = services.psws.update(psw.id, edited, version=psw.version)
    assert services.consents.matching_consents([psw.id]) == set()
    withdrawn = [e for e in services.consents.ledger(psw.id) if e.kind is EntryKind.WITHDRAWN]
    assert len(withdrawn) == 3
    assert services.psws.get(psw.id).details.lived_experience == edited.lived_experience

    # Saving again with nothing changed adds nothing.
    before = len(services.consents.ledger(psw.id))
    services.psws.update(psw.id, edited, version=saved.version)
    assert len(services.consents.ledger(psw.id)) == before


def test_a_demo_vault_ledgers_every_ticked_box(tmp_path: Path) -> None:
    paths = VaultPaths(tmp_path / "demo")
    create_demo_vault(paths, passphrase="demo passphrase here", psws=40, seed=5, kdf=TEST_KDF)
    services = build(vault_service.unlock(paths, "demo passphrase here"))
    ids = services.psws.find_ids(PswQuery())
    ticked = {
        (i, le.item_id)
        for i in ids
        for le in services.psws.get(i).details.lived_experience
        if le.use_for_matching
    }
    assert ticked and services.consents.matching_consents(ids) == ticked
    services.close()
