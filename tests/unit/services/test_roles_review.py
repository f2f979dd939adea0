"""Role holes found on review: a supervisor may not sign a session in someone else's name, show
protected records with anyone's passphrase, link records or read outcomes; the recovery key
resets a coordinator's passphrase, never whoever happens to hold the first slot."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from peerdesk.domain.errors import PeerDeskError, WrongPassphrase
from peerdesk.domain.outcome_records import MeasureId
from peerdesk.domain.outcomes import Stage
from peerdesk.domain.person import PersonDetails
from peerdesk.domain.roles import NotAllowed, Role
from peerdesk.domain.viewer import Right
from peerdesk.services import vault_service
from peerdesk.services.bundle import Services, build
from peerdesk.services.login import viewer_for
from peerdesk.storage.vault import keyslots
from peerdesk.storage.vault.files import VaultPaths
from tests.conftest import PASSPHRASE
from tests.unit.services.checks_helpers import new_psw
from tests.unit.services.test_roles_writes import SAM, World, as_, draft, records, sam

SAM_PASSPHRASE = "purple elephant kettle drum"
TRUSTEE_PASSPHRASE = "seven quiet lanterns glowing"
NEW = "a brand new long passphrase"


@pytest.fixture
def world(services: Services) -> World:
    mine = new_psw(services, "Ann Mine", known_as="Ann")
    theirs = new_psw(services, "Dan Theirs", known_as="Dan")
    return World(records(services, mine), records(services, theirs))


def test_a_supervisor_records_sessions_in_their_own_name_only(
    services: Services, world: World
) -> None:
    as_sam = as_(services, sam(world))
    session, _ = as_sam.supervision.record(replace(draft(world.mine.psw), supervisor="Priya Shah"))
    stored, version = services.supervision.meeting(session)
    assert stored.supervisor == SAM  # the name decides who reads confidential notes
    as_sam.supervision.edit_meeting(
        session, replace(stored, supervisor="Priya Shah", notes="Corrected"), version=version
    )
    assert services.supervision.meeting(session)[0].supervisor == SAM


def test_a_supervisor_cannot_correct_a_session_someone_else_ran(
    services: Services, world: World
) -> None:
    theirs, _ = services.supervision.record(replace(draft(world.mine.psw), supervisor="Priya"))
    stored, version = services.supervision.meeting(theirs)
    with pytest.raises(PeerDeskError, match="Only the supervisor who ran this session"):
        as_(services, sam(world)).supervision.edit_meeting(
            theirs, replace(stored, notes="Mine now"), version=version
        )
    assert services.supervision.meeting(theirs) == (stored, version)


def test_linking_records_and_outcomes_are_for_coordinators(
    services: Services, world: World
) -> None:
    person, _ = services.people.create(
        PersonDetails(full_name="Pat Person", referred_on=dt.date(2026, 1, 5))
    )
    as_sam = as_(services, sam(world))
    with pytest.raises(NotAllowed):
        as_sam.protection.link(person.id, world.mine.psw)
    with pytest.raises(NotAllowed):
        as_sam.protection.unlink(person.id)
    with pytest.raises(NotAllowed):
        as_sam.protection.access_log()
    with pytest.raises(NotAllowed):
        as_sam.protection.show_protected(PASSPHRASE)
    with pytest.raises(NotAllowed):
        as_sam.outcomes.scores(person.id)
    with pytest.raises(NotAllowed):  # refused before the measure is even looked up
        as_sam.outcomes.record_score(
            person.id,
            MeasureId(1),
            taken_on=dt.date(2026, 11, 1),
            stage=Stage.START,
            answers=[3],
        )
    assert services.protection.linked_psw(person.id) is None
    assert services.outcomes.scores(person.id) == []


def _vault(tmp_path: Path) -> tuple[VaultPaths, str]:
    paths = VaultPaths(tmp_path / "vault")
    made = vault_service.create(
        paths, organisation="Org", passphrase=PASSPHRASE, kdf=keyslots.TEST_KDF
    )
    owner = build(made.workspace)
    owner.users.turn_on("Priya Shah")
    owner.users.add_user("Sam Patel", Role.COORDINATOR, SAM_PASSPHRASE)
    owner.users.add_user("Tom Trustee", Role.TRUSTEE, TRUSTEE_PASSPHRASE)
    owner.close()
    return paths, made.recovery_key


def test_show_protected_takes_only_the_signed_in_users_own_passphrase(tmp_path: Path) -> None:
    paths, _ = _vault(tmp_path)
    sam_services = build(vault_service.unlock(paths, SAM_PASSPHRASE))
    try:
        with pytest.raises(WrongPassphrase):
            sam_services.protection.show_protected(PASSPHRASE)  # Priya's, not Sam's
        assert sam_services.protection.show_protected(SAM_PASSPHRASE).may(Right.VIEW_PROTECTED)
    finally:
        sam_services.close()


def test_recovery_resets_a_coordinator_even_after_the_owner_was_removed(tmp_path: Path) -> None:
    paths, recovery = _vault(tmp_path)
    sam_services = build(vault_service.unlock(paths, SAM_PASSPHRASE))
    try:
        users = {u.name: u for u in sam_services.users.list()}
        sam_services.users.remove(users["Priya Shah"].id)  # the owner's first slot goes
    finally:
        sam_services.close()
    workspace = vault_service.unlock_with_recovery_key(paths, recovery, NEW)
    try:
        viewer = viewer_for(workspace)
    finally:
        workspace.close()
    assert (viewer.id, viewer.role) == ("Sam Patel", Role.COORDINATOR)
    trustee = build(vault_service.unlock(paths, TRUSTEE_PASSPHRASE))  # the trustee's slot kept
    try:
        assert trustee.viewer.role is Role.TRUSTEE
    finally:
        trustee.close()
