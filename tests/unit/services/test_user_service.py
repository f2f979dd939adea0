"""Users: turning on, adding, roles, removal, resets, pickers; the header and rows agree."""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.domain.errors import NotFound, StorageUnavailable, ValidationFailed, WrongPassphrase
from peerdesk.domain.roles import Action, NotAllowed, Role
from peerdesk.domain.users import NAME_MAX, clean_name, same_name
from peerdesk.domain.viewer import Right, Viewer
from peerdesk.services import vault_service
from peerdesk.services.bundle import Services
from peerdesk.services.user_service import LastCoordinator, UserService
from peerdesk.storage import audit_log
from peerdesk.storage.vault import user_slots
from peerdesk.storage.vault.user_slots import SlotRefused
from tests.conftest import PASSPHRASE
from tests.unit.services.checks_helpers import new_psw
from tests.unit.services.test_attention_visibility import protect

SAM = "purple elephant kettle drum"
JO = "seven quiet lanterns glowing"


def _on(services: Services) -> int:
    owner, _ = services.users.turn_on("  Priya   Shah ")
    assert owner.name == "Priya Shah" and owner.role is Role.COORDINATOR
    return owner.id


def _header(services: Services) -> bytes:
    return services.paths.header.read_bytes()


def test_without_users_nobody_is_listed_and_turning_on_binds_the_setup_slot(
    services: Services,
) -> None:
    assert not services.users.users_on()
    assert services.users.list() == []
    header = _header(services)
    owner_id = _on(services)
    assert services.users.users_on()
    [owner] = services.users.list()
    assert owner.id == owner_id and owner.slot == user_slots.owner_slot(services.paths)
    assert _header(services) == header  # turning on writes no key slot
    with pytest.raises(ValidationFailed, match="already turned on"):
        services.users.turn_on("Someone Else")


def test_adding_a_user_gives_them_a_slot_of_their_own(services: Services) -> None:
    _on(services)
    sam, _ = services.users.add_user("Sam Okafor", Role.SUPERVISOR, SAM)
    assert sam.role is Role.SUPERVISOR and sam.active
    assert user_slots.unlock_slot(services.paths, SAM).slot_id == sam.slot
    assert [u.name for u in services.users.list()] == ["Priya Shah", "Sam Okafor"]


def test_users_must_be_turned_on_first_and_names_are_unique_ignoring_case(
    services: Services,
) -> None:
    with pytest.raises(ValidationFailed, match="Turn users on first"):
        services.users.add_user("Sam", Role.SUPERVISOR, SAM)
    _on(services)
    header = _header(services)
    with pytest.raises(ValidationFailed, match="already a user called Priya Shah"):
        services.users.add_user("PRIYA  shah", Role.TRUSTEE, SAM)
    with pytest.raises(ValidationFailed, match="Enter the person's name"):
        services.users.add_user("   ", Role.TRUSTEE, SAM)
    with pytest.raises(SlotRefused, match="already opens"):
        services.users.add_user("Sam", Role.TRUSTEE, PASSPHRASE)
    assert _header(services) == header
    assert len(services.users.list()) == 1


def test_a_failed_row_save_removes_the_new_slot_again(services: Services) -> None:
    _on(services)
    header = _header(services)
    with (
        mock.patch(
            "peerdesk.storage.user_store.add",
            side_effect=StorageUnavailable("Not saved: the disk is full."),
        ),
        pytest.raises(StorageUnavailable),
    ):
        services.users.add_user("Sam Okafor", Role.SUPERVISOR, SAM)
    assert user_slots.passphrase_slots(services.paths) == (user_slots.owner_slot(services.paths),)
    with pytest.raises(WrongPassphrase):
        user_slots.unlock_slot(services.paths, SAM)
    assert len(services.users.list()) == 1
    assert header != b""


def test_a_failed_header_write_puts_a_removed_user_back(services: Services) -> None:
    _on(services)
    sam, _ = services.users.add_user("Sam Okafor", Role.SUPERVISOR, SAM)
    header = _header(services)
    with (
        mock.patch(
            "peerdesk.storage.vault.user_slots.write_atomic",
            side_effect=StorageUnavailable("PeerDesk cannot write to the data folder."),
        ),
        pytest.raises(StorageUnavailable),
    ):
        services.users.remove(sam.id)
    assert _header(services) == header
    assert {u.name: u.active for u in services.users.list()} == {
        "Priya Shah": True,
        "Sam Okafor": True,
    }


def test_removing_deactivates_keeps_the_row_and_drops_the_slot(services: Services) -> None:
    _on(services)
    sam, _ = services.users.add_user("Sam Okafor", Role.SUPERVISOR, SAM)
    services.users.remove(sam.id)
    assert {u.name: u.active for u in services.users.list()} == {
        "Priya Shah": True,
        "Sam Okafor": False,
    }
    with pytest.raises(WrongPassphrase):
        vault_service.unlock(services.paths, SAM)
    services.users.remove(sam.id)  # removing again changes nothing
    with pytest.raises(ValidationFailed, match="has been removed"):
        services.users.reset_passphrase(sam.id, JO)


def test_the_last_active_coordinator_cannot_be_removed_or_demoted(services: Services) -> None:
    owner = _on(services)
    header = _header(services)
    for attempt in (
        lambda: services.users.remove(owner),
        lambda: services.users.change_role(owner, Role.SUPERVISOR),
        lambda: services.users.change_role(owner, Role.TRUSTEE),
    ):
        with pytest.raises(LastCoordinator, match="at least one active coordinator"):
            attempt()
    assert _header(services) == header
    assert services.users.list()[0].role is Role.COORDINATOR
    jo, _ = services.users.add_user("Jo Reid", Role.TRUSTEE, JO)
    services.users.change_role(jo.id, Role.COORDINATOR)
    services.users.change_role(owner, Role.SUPERVISOR)  # now someone else coordinates
    with pytest.raises(LastCoordinator):
        services.users.remove(jo.id)
    services.users.change_role(owner, Role.COORDINATOR)
    services.users.remove(jo.id)


def test_reset_gives_another_user_a_new_passphrase_and_touches_only_their_slot(
    services: Services,
) -> None:
    _on(services)
    sam, _ = services.users.add_user("Sam Okafor", Role.SUPERVISOR, SAM)
    owner_slot = user_slots.slot_document(services.paths, user_slots.owner_slot(services.paths))
    services.users.reset_passphrase(sam.id, JO)
    assert user_slots.unlock_slot(services.paths, JO).slot_id == sam.slot
    with pytest.raises(WrongPassphrase):
        user_slots.unlock_slot(services.paths, SAM)
    assert user_slots.slot_document(services.paths, owner_slot["id"]) == owner_slot


def test_supervisees_and_named_protected_records(services: Services) -> None:
    _on(services)
    sam, _ = services.users.add_user("Sam Okafor", Role.SUPERVISOR, SAM)
    ann = new_psw(services, "Ann Smith", known_as="")
    bob = new_psw(services, "Bob Jones", known_as="")
    zoe = new_psw(services, "Zoë Nguyễn", known_as="")
    protect(services, zoe)
    assert services.users.psw_choices(protected=False) == [(ann, "Ann Smith"), (bob, "Bob Jones")]
    assert services.users.psw_choices(protected=True) == [(zoe, f"PSW-{zoe:04d}")]  # not shown
    shown = services.viewer.with_right(Right.VIEW_PROTECTED)
    assert services.users.psw_choices(protected=True, viewer=shown) == [(zoe, "Zoë Nguyễn")]
    changed, _ = services.users.set_supervisees(sam.id, [ann, bob])
    assert changed.supervisees == {ann, bob}
    changed, _ = services.users.set_supervisees(sam.id, [bob])
    assert changed.supervisees == {bob}
    changed, _ = services.users.set_named(sam.id, [zoe])
    assert changed.named == {zoe}
    with pytest.raises(NotFound):
        services.users.set_supervisees(sam.id, [bob, 99999])
    assert services.users.list()[1].supervisees == {bob}


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.TRUSTEE])
def test_only_those_who_may_manage_users_can(services: Services, role: Role) -> None:
    _on(services)
    users = UserService(services.workspace, services.clock, Viewer("Sam", role=role, user_id=2))
    assert not Viewer("x", role=role).can(Action.MANAGE_USERS)
    for attempt in (
        users.list,
        lambda: users.add_user("Kim", Role.COORDINATOR, JO),
        lambda: users.change_role(1, Role.TRUSTEE),
        lambda: users.remove(1),
        lambda: users.reset_passphrase(1, JO),
        lambda: users.set_supervisees(1, []),
        lambda: users.set_named(1, []),
        lambda: users.turn_on("Kim"),
    ):
        with pytest.raises(NotAllowed, match="cannot manage users"):
            attempt()


def test_user_changes_are_audited_without_passphrases(services: Services) -> None:
    _on(services)
    sam, _ = services.users.add_user("Sam Okafor", Role.SUPERVISOR, SAM)
    services.users.change_role(sam.id, Role.TRUSTEE)
    services.users.reset_passphrase(sam.id, JO)
    services.users.remove(sam.id)
    with services.workspace.reading() as s:
        everything = audit_log.rows_after(s, 0, 100_000)
    rows = [r for r in everything if r.record_kind == "user_account" and r.record_id == sam.id]
    actions = [r.action for r in rows]
    assert actions[0] != "reset passphrase" and "reset passphrase" in actions
    assert len(rows) >= 4  # added, role changed, reset, removed
    assert {r.user for r in rows} == {"Priya Shah"}
    text = repr(everything)
    for secret in (SAM, JO, PASSPHRASE, "Sam Okafor"):
        assert secret not in text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=260))
def test_names_are_trimmed_one_line_and_1_to_200_characters(text: str) -> None:
    try:
        name = clean_name(text)
    except ValidationFailed as error:
        assert error.problems[0].field == "name"
        return
    assert 1 <= len(name) <= NAME_MAX
    assert name == name.strip() and "\n" not in name and "  " not in name
    assert same_name(name, text) and same_name(name.upper(), name.lower()) is (
        name.upper().casefold() == name.lower().casefold()
    )
