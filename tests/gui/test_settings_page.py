"""The Settings page, driven by keyboard and mouse: names, stage targets, requirements,
the induction template and the training catalogue."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from peerdesk.domain.journey import JourneyStatus
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import CheckDialog
from peerdesk.ui.course_dialog import CourseDialog
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.policy_dialog import PolicyDialog
from peerdesk.ui.settings_page import SettingsPage
from tests.gui.typing_helpers import answer_next_modal, click_button, type_text, unnamed
from tests.unit.services.checks_helpers import dbs_details, new_psw


@pytest.fixture
def page(qtbot: QtBot, services: Services, bus: ChangeBus) -> Iterator[SettingsPage]:
    widget = SettingsPage(services, bus)
    widget.resize(1100, 800)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    yield widget


def retype(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Select what is there (Ctrl+A) and type over it, as a keyboard user would."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    type_text(qtbot, field, text)


def click_row(qtbot: QtBot, table: QTableView, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def shown_problems(dialog: CheckDialog) -> str:
    return " ".join(
        label.text() for label in [*dialog.problems.values(), dialog.summary] if label.isVisible()
    )


def test_settings_follows_lists_in_the_main_window(qtbot: QtBot, services: Services) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles[-2:] == ["Lists", "Settings"]
    window.navigation.setCurrentRow(titles.index("Settings"))
    assert window.pages.currentWidget() is window.settings_page


def test_organisation_and_recorder_names(
    qtbot: QtBot, page: SettingsPage, services: Services, published: list[Changes]
) -> None:
    section = page.organisation
    retype(qtbot, section.coordinator, "Zoë Nguyễn 李")
    qtbot.keyClick(section.coordinator, Qt.Key.Key_Return)
    assert services.settings.coordinator_name() == "Zoë Nguyễn 李"
    assert section.status.text() == "Status changes will be recorded by “Zoë Nguyễn 李”."
    retype(qtbot, section.name, "   ")
    section.rename_button.click()
    assert section.name_problem.isVisible()
    assert section.name_problem.text().startswith("Error: Enter a name of 1 to")
    retype(qtbot, section.name, "Wirral Peers")
    section.rename_button.click()
    assert not section.name_problem.isVisible()
    assert services.settings.organisation().name == "Wirral Peers"
    assert [c.settings for c in published] == [True, True]


def test_a_stage_target_is_saved_and_a_bad_one_refused(
    qtbot: QtBot, page: SettingsPage, services: Services, published: list[Changes]
) -> None:
    section = page.stage_targets
    enquiry = section.fields[JourneyStatus.ENQUIRY]
    assert [f.text() for f in section.fields.values()] == ["14", "21", "21", "42", "56"]
    retype(qtbot, enquiry, "0")
    qtbot.keyClick(enquiry, Qt.Key.Key_Return)
    problem = section.field_problems[JourneyStatus.ENQUIRY]
    assert problem.isVisible()
    assert problem.text() == "Error: The target for enquiry must be 1 to 3,650 days."
    retype(qtbot, section.fields[JourneyStatus.CHECKS], "six weeks")
    section.save_button.click()
    assert section.field_problems[JourneyStatus.CHECKS].text() == (
        "Error: The target for checks must be a whole number, such as 12."
    )
    assert services.settings.stage_targets()[JourneyStatus.ENQUIRY] == 14
    assert published == []

    retype(qtbot, enquiry, "10")
    retype(qtbot, section.fields[JourneyStatus.CHECKS], "49")
    section.save_button.click()
    assert not problem.isVisible()
    saved = services.settings.stage_targets()
    assert (saved[JourneyStatus.ENQUIRY], saved[JourneyStatus.CHECKS]) == (10, 49)
    assert section.status.text() == "Stage targets saved."
    assert published == [Changes(settings=True)]

    section.reset_button.click()
    assert services.settings.stage_targets()[JourneyStatus.ENQUIRY] == 14
    assert enquiry.text() == "14"


def edit_dbs_policy(qtbot: QtBot, page: SettingsPage) -> PolicyDialog:
    page.tabs.setCurrentWidget(page.policies)
    click_row(qtbot, page.policies.table, 0)
    assert page.policies.selected() is not None
    assert page.policies.selected().name == "DBS (enhanced)"  # type: ignore[union-attr]
    page.policies.edit_button.click()
    dialog = page.policies.dialog
    assert isinstance(dialog, PolicyDialog)
    assert dialog.isVisible()
    return dialog


def test_a_policy_change_is_previewed_before_it_is_saved(
    qtbot: QtBot, page: SettingsPage, services: Services, published: list[Changes]
) -> None:
    for name in ("Alexandra Quinn", "Bo Chen"):
        services.dbs.add(new_psw(services, name), dbs_details())  # issued 1 Sep 2026
    dialog = edit_dbs_policy(qtbot, page)
    retype(qtbot, dialog.validity, "0")
    assert dialog.problems["validity_months"].isVisible()
    assert "Validity must be at least 1 month" in shown_problems(dialog)
    retype(qtbot, dialog.validity, "2")
    assert "renewal window of 60 days is longer" in shown_problems(dialog)
    retype(qtbot, dialog.renewal, "30")
    assert shown_problems(dialog) == ""

    asked = answer_next_modal(click_button("Cancel"))
    dialog.ok.click()
    assert asked == ["This makes 2 PSWs overdue. Save the change?"]
    assert services.policies.policies()[0].validity_months == 36  # Cancel saved nothing
    assert dialog.isVisible() and published == []

    asked = answer_next_modal(click_button("Save"))
    dialog.ok.click()
    assert asked == ["This makes 2 PSWs overdue. Save the change?"]
    assert not dialog.isVisible()
    saved = services.policies.policies()[0]
    assert (saved.validity_months, saved.window_days) == (2, 30)
    assert page.policies.model.index(0, 3).data() == "2 months"
    assert published == [Changes(policies=True)]
    assert "Everyone’s due dates were re-checked" in page.policies.status.text()


def test_a_change_that_makes_nobody_overdue_saves_without_asking(
    qtbot: QtBot, page: SettingsPage, services: Services
) -> None:
    dialog = edit_dbs_policy(qtbot, page)
    retype(qtbot, dialog.grace, "14")
    dialog.ok.click()
    assert not dialog.isVisible()
    assert services.policies.policies()[0].grace_days == 14


def test_a_policy_is_added_and_removed_after_asking(
    qtbot: QtBot, page: SettingsPage, services: Services
) -> None:
    page.tabs.setCurrentWidget(page.policies)
    page.policies.add_button.click()
    dialog = page.policies.dialog
    assert isinstance(dialog, PolicyDialog)
    assert unnamed(dialog) == []
    dialog.kind.setCurrentIndex(dialog.kind.findText("Training"))
    assert dialog.topic.isVisible() and not dialog.dbs_level.isVisible()
    dialog.ok.click()
    assert "Give the requirement a name." in shown_problems(dialog)
    type_text(qtbot, dialog.name, "Lone working")
    dialog.topic.setCurrentText("Lone working")
    retype(qtbot, dialog.validity, "12")
    dialog.ok.click()
    assert not dialog.isVisible()
    names = [p.name for p in services.policies.policies()]
    assert names[-1] == "Lone working"
    assert page.policies.selected().name == "Lone working"  # type: ignore[union-attr]

    asked = answer_next_modal(click_button("Remove"))
    page.policies.remove_button.click()
    assert asked == ["Remove “Lone working”? Nobody will be checked for it any more."]
    assert "Lone working" not in [p.name for p in services.policies.policies()]
    assert page.policies.model.rowCount() == len(names) - 1


def test_an_induction_template_item_is_added_moved_and_removed(
    qtbot: QtBot, page: SettingsPage, services: Services, published: list[Changes]
) -> None:
    section = page.induction
    page.tabs.setCurrentIndex(2)
    type_text(qtbot, section.name, "Meet the team")
    qtbot.keyClick(section.name, Qt.Key.Key_Return)
    names = [item.name for item in services.induction.template()]
    assert names[-1] == "Meet the team"
    assert section.names() == names
    assert section.items.currentRow() == len(names) - 1
    section.up_button.click()
    assert [i.name for i in services.induction.template()][-2] == "Meet the team"
    retype(qtbot, section.name, "Meet the whole team")
    section.rename_button.click()
    assert "Meet the whole team" in section.names()
    retype(qtbot, section.name, "Shadowing")
    section.add_button.click()  # already there
    assert section.name_problem.text() == ("Error: Each item can appear in the template only once.")
    section.items.setCurrentRow(0)
    section.remove_button.click()
    assert section.names()[0] == "E-learning modules"
    assert all(c.policies for c in published) and len(published) == 4


def test_a_course_with_validity_zero_is_refused_then_fixed(
    qtbot: QtBot, page: SettingsPage, services: Services
) -> None:
    page.tabs.setCurrentIndex(3)
    page.courses.add_button.click()
    dialog = page.courses.dialog
    assert isinstance(dialog, CourseDialog)
    assert unnamed(dialog) == []
    type_text(qtbot, dialog.name, "Safeguarding adults level 2")
    dialog.topic.setCurrentText("Safeguarding adults")
    type_text(qtbot, dialog.provider, "Wirral Council")
    type_text(qtbot, dialog.hours, "3.5")
    type_text(qtbot, dialog.validity, "0")
    dialog.ok.click()
    assert dialog.isVisible()
    assert dialog.problems["validity_months"].text() == (
        "Error: Validity must be from 1 to 1,200 months, or none for training that never "
        "needs refreshing."
    )
    assert services.training.courses() == []
    retype(qtbot, dialog.validity, "24")
    dialog.ok.click()
    assert not dialog.isVisible()
    [course] = services.training.courses()
    assert (course.topic, course.details.hours, course.details.validity_months) == (
        "Safeguarding adults",
        3.5,
        24,
    )
    model = page.courses.model
    assert [model.index(0, c).data() for c in range(5)] == [
        "Safeguarding adults level 2",
        "24 months",
        "3.5",
        "Safeguarding adults",
        "Wirral Council",
    ]
    assert page.courses.status.text() == "Saved the course “Safeguarding adults level 2”."


def test_topics_are_added_renamed_and_retired(
    qtbot: QtBot, page: SettingsPage, services: Services
) -> None:
    section = page.topics
    type_text(qtbot, section.name, "Peer supervision")
    section.add_button.click()
    assert section.selected() is not None and section.selected().name == "Peer supervision"  # type: ignore[union-attr]
    section.add_button.click()
    assert section.name_problem.text() == 'Error: "Peer supervision" is already a topic.'
    retype(qtbot, section.name, "Group supervision")
    section.rename_button.click()
    section.retire_button.click()
    topic = next(t for t in services.training.topics() if t.name == "Group supervision")
    assert topic.retired
    assert section.list.currentItem().text() == "Group supervision (retired)"
    assert section.retire_button.text() == "&Restore topic"


def test_the_page_rereads_what_others_change(
    page: SettingsPage, services: Services, bus: ChangeBus
) -> None:
    bus.publish(services.settings.set_stage_targets({JourneyStatus.INTERVIEW: 30}))
    assert page.stage_targets.fields[JourneyStatus.INTERVIEW].text() == "30"
    _items, changes = services.induction.set_template(["Welcome"])
    bus.publish(changes)
    assert page.induction.names() == ["Welcome"]


def test_every_control_has_an_accessible_name(page: SettingsPage) -> None:
    assert unnamed(page) == []
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        assert unnamed(page) == []


def test_table_models_pass_the_model_tester(
    qtmodeltester: ModelTester, page: SettingsPage, services: Services
) -> None:
    qtmodeltester.check(page.policies.model)
    qtmodeltester.check(page.courses.model)
