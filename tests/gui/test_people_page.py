"""The People page: referrals typed in, the waiting list by wait, holds, search and names."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from peerdesk.domain.person import PersonDetails, PersonStatus
from peerdesk.services.bundle import Services
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.people_page import PeoplePage
from peerdesk.ui.people_table_model import PeopleTableModel
from peerdesk.ui.psw_form_contact import format_uk_date
from tests.gui.typing_helpers import answer_next_modal, type_text, unnamed


@pytest.fixture
def page(qtbot: QtBot, services: Services, bus: ChangeBus) -> PeoplePage:
    widget = PeoplePage(services, bus)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    return widget


def names(page: PeoplePage) -> list[str]:
    return [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())]


def refer(services: Services, name: str, weeks_ago: int) -> None:
    today = services.clock.today()
    services.people.create(
        PersonDetails(full_name=name, referred_on=today - dt.timedelta(weeks=weeks_ago))
    )


def test_typed_referral_with_a_non_ascii_name_joins_the_waiting_list(
    page: PeoplePage, qtbot: QtBot
) -> None:
    page.new_action.trigger()
    type_text(qtbot, page.form.referral.full_name, "Łucja Wójcik-Ōta")
    assert page.form.save_button.isEnabled()
    qtbot.keyClick(page.form.referral.full_name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert names(page) == ["Łucja Wójcik-Ōta"]
    assert page.model.data(page.model.index(0, 2)) == "0 weeks"
    assert page.model.data(page.model.index(0, 4)) == "Waiting"
    assert not page.form.is_dirty()
    assert page.form.current_id() == page.model.id_at(0)


def test_a_referral_in_the_future_is_an_error_and_save_is_disabled(
    page: PeoplePage, qtbot: QtBot, services: Services
) -> None:
    page.new_person()
    type_text(qtbot, page.form.referral.full_name, "Amira Haddad")
    future = services.clock.today() + dt.timedelta(days=3)
    page.form.referral.referred_on.setText(format_uk_date(future))
    label = page.form.referral.problems["referred_on"]
    assert label.isVisible()
    assert label.text() == "Error: The date referred cannot be in the future."
    assert not page.form.save_button.isEnabled()
    assert not page.form.save_action.isEnabled()
    assert page.form.save() is False
    assert page.model.rowCount() == 0


def test_time_on_hold_is_not_counted_in_the_wait(
    page: PeoplePage, qtbot: QtBot, services: Services
) -> None:
    refer(services, "Dev Patel", weeks_ago=10)
    refer(services, "Sam Okafor", weeks_ago=8)
    page.model.requery()
    assert names(page) == ["Dev Patel", "Sam Okafor"]
    assert page.model.data(page.model.index(0, 2)) == "10 weeks — Over 6 weeks"
    page.open_person(page.model.id_at(0))  # type: ignore[arg-type]
    today = services.clock.today()

    def fill(dialog: object) -> None:
        on = dialog.on  # type: ignore[attr-defined]
        on.setText(format_uk_date(today - dt.timedelta(weeks=4)))
        dialog.status.setCurrentIndex(  # type: ignore[attr-defined]
            dialog.status.findData(PersonStatus.ON_HOLD)  # type: ignore[attr-defined]
        )
        reason: QPlainTextEdit = dialog.reason  # type: ignore[attr-defined]
        reason.setPlainText("In hospital for a few weeks")
        dialog.accept()  # type: ignore[attr-defined]

    answer_next_modal(fill)
    page.form.status_button.click()
    page.status_filter.setCurrentIndex(page.status_filter.findText("All"))
    assert names(page) == ["Sam Okafor", "Dev Patel"]
    assert page.model.data(page.model.index(1, 2)) == "6 weeks (on hold 4 weeks)"
    assert page.model.data(page.model.index(1, 4)) == "On hold"


def test_a_hold_without_a_reason_is_refused(
    page: PeoplePage, qtbot: QtBot, services: Services
) -> None:
    refer(services, "Dev Patel", weeks_ago=3)
    page.model.requery()
    page.open_person(page.model.id_at(0))  # type: ignore[arg-type]
    seen: list[str] = []

    def try_hold(dialog: object) -> None:
        dialog.status.setCurrentIndex(  # type: ignore[attr-defined]
            dialog.status.findData(PersonStatus.ON_HOLD)  # type: ignore[attr-defined]
        )
        dialog.accept()  # type: ignore[attr-defined]
        seen.append(dialog.problems.text())  # type: ignore[attr-defined]
        dialog.reject()  # type: ignore[attr-defined]

    answer_next_modal(try_hold)
    page.form.status_button.click()
    assert "Error: Say why they are on hold." in seen[0]
    assert services.people.get(page.model.id_at(0)).status is PersonStatus.WAITING  # type: ignore[arg-type]


def test_search_folds_accents(page: PeoplePage, qtbot: QtBot, services: Services) -> None:
    refer(services, "Zoë Brennan", weeks_ago=2)
    refer(services, "Ahmed Ali", weeks_ago=1)
    page.model.requery()
    type_text(qtbot, page.search, "zoe")
    page.apply_filters()
    assert names(page) == ["Zoë Brennan"]


def test_every_control_has_an_accessible_name(page: PeoplePage, services: Services) -> None:
    refer(services, "Zoë Brennan", weeks_ago=2)
    page.model.requery()
    page.open_person(page.model.id_at(0))  # type: ignore[arg-type]
    page.form.experience.add_button.click()
    page.form.identity.add_button.click()
    assert unnamed(page) == []


def test_table_model_passes_the_model_tester(qtmodeltester: object, services: Services) -> None:
    refer(services, "Zoë Brennan", weeks_ago=9)
    refer(services, "Ahmed Ali", weeks_ago=1)
    model = PeopleTableModel(services)
    assert model.rowCount() == 2
    qtmodeltester.check(model)  # type: ignore[attr-defined]
