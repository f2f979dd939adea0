"""The Plans tab: save a plan twice, see "no change" said, and compare versions word by word."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from peerdesk.domain.ids import PswId
from peerdesk.domain.plans import PlanKind
from peerdesk.domain.psw import LivedExperience
from peerdesk.domain.taxonomy import ListKind
from peerdesk.services.bundle import Services
from peerdesk.ui.plan_compare_dialog import LEGEND, PlanCompareDialog
from peerdesk.ui.plans_tab import PlansTab
from peerdesk.ui.psw_form import PswForm
from tests.gui.dialog_helpers import retype


def plans_tab(form: PswForm, services: Services, psw_id: PswId, qtbot: QtBot) -> PlansTab:
    form.load(services.psws.get(psw_id))
    index = form._tab_titles.index("Plans")
    form.tabs.setCurrentIndex(index)
    qtbot.wait(0)
    tab = form.tabs.widget(index)
    assert isinstance(tab, PlansTab)
    return tab


def retype_box(qtbot: QtBot, box: QPlainTextEdit, text: str) -> None:
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, text)


def test_save_a_plan_twice_and_view_the_diff(
    qtbot: QtBot, form: PswForm, services: Services, psw_id: PswId
) -> None:
    tab = plans_tab(form, services, psw_id, qtbot)
    plan = tab.wellbeing
    assert "No version saved yet" in plan.heading.text()
    assert not plan.compare_button.isEnabled()
    retype_box(qtbot, plan.texts["triggers"], "Night shifts and loud rooms")
    retype(qtbot, plan.agreed, "20/11/2026")
    plan.save_button.click()
    assert plan.message.text() == "Saved as version 1."
    assert plan.heading.text().startswith("Version 1, recorded 23 November 2026")
    plan.save_button.click()
    assert plan.message.text() == "No change: version 1 kept."
    assert plan.model.rowCount() == 1

    retype_box(qtbot, plan.texts["triggers"], "Late shifts and loud rooms")
    retype(qtbot, plan.review, "01/05/2027")
    plan.save_button.click()
    assert plan.message.text() == "Saved as version 2."
    assert plan.model.rowCount() == 2
    assert plan.texts["triggers"].toPlainText() == "Late shifts and loud rooms"

    plan.compare_button.click()
    dialog = plan.dialog
    assert isinstance(dialog, PlanCompareDialog) and dialog.isVisible()
    assert dialog.legend.text() == LEGEND
    assert "Review date: none \u2192 1 May 2027" in dialog.details.text()
    shown = dialog.shown_text().splitlines()
    triggers = shown[2]  # the third section, as DOMAIN.md orders them
    assert triggers == "[\u2212Night\u2212] shifts and loud rooms | [+Late+] shifts and loud rooms"
    assert "<s " in dialog.sides[2][0].text() and "<u " in dialog.sides[2][1].text()
    dialog.first.setCurrentIndex(0)  # version 2 against itself: nothing marked
    assert "[" not in dialog.shown_text()
    assert "Both sides show the same version." in dialog.details.text()
    dialog.reject()


def test_a_refused_save_keeps_what_was_typed(
    qtbot: QtBot, form: PswForm, services: Services, psw_id: PswId
) -> None:
    plan = plans_tab(form, services, psw_id, qtbot).wellbeing
    retype_box(qtbot, plan.texts["keeps_me_well"], "Walks at lunch")
    retype(qtbot, plan.agreed, "31/02/2026")
    plan.save_button.click()
    assert "agreed by them on date" in plan.problems.text()
    retype(qtbot, plan.agreed, "01/01/2027")
    plan.save_button.click()
    assert "in the future" in plan.problems.text()
    assert plan.texts["keeps_me_well"].toPlainText() == "Walks at lunch"
    assert services.plans.latest(psw_id, PlanKind.WELLBEING) is None


def test_story_conflict_shows_on_the_story_and_lived_experience_tabs(
    qtbot: QtBot, form: PswForm, services: Services, psw_id: PswId
) -> None:
    item = next(i for i in services.lists.items() if i.kind is ListKind.LIVED_EXPERIENCE)
    record = services.psws.get(psw_id)
    details = replace(record.details, lived_experience=(LivedExperience(item.id),))
    services.psws.update(psw_id, details, version=record.version)
    tab = plans_tab(form, services, psw_id, qtbot)
    tab.plans.setCurrentIndex(1)
    story = tab.story
    story.items.add.click()
    row = story.items.rows[0]
    row.experience.setCurrentIndex(1)
    assert row.what.text() == item.name
    row.audiences[next(iter(row.audiences))].click()  # people I support
    story.save_button.click()
    assert story.message.text() == "Saved as version 1."
    said = (
        f"Warning: Shares \u2018{item.name}\u2019 with people I support, but consent to share it "
        "with people supported is not given (Telling my story safely plan)."
    )
    assert tab.conflicts.text() == said and tab.conflicts.isVisible()
    assert form.lived_experience.plan_conflicts.text() == said
    form.tabs.setCurrentIndex(form._tab_titles.index("Lived experience"))
    assert form.lived_experience.plan_conflicts.isVisible()
