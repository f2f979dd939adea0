"""The Suggestions tab: ranked peers with reasons and bars, the Excluded tab, and proposing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.domain.contact import ContactMode
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.journey import JourneyStatus
from peerdesk.domain.matching.criteria import Criterion
from peerdesk.domain.person import PersonDetails
from peerdesk.domain.psw import PswDetails
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.person_form import PersonForm
from peerdesk.ui.propose_dialog import ProposeDialog
from peerdesk.ui.suggestions_tab import SuggestionsTab
from tests.gui.dialog_helpers import shown_problems
from tests.gui.typing_helpers import type_text
from tests.unit.services.test_matching_service import ready_psw, waiting

D = dt.date


@pytest.fixture
def person_form(qtbot: QtBot, services: Services, bus: ChangeBus) -> Iterator[PersonForm]:
    widget = PersonForm(services, bus)
    widget.resize(1100, 900)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def open_suggestions(form: PersonForm, services: Services, who: PersonId) -> SuggestionsTab:
    form.load(services.people.get(who))
    tab = next(
        form.tabs.widget(i)
        for i in range(form.tabs.count())
        if form.tabs.tabText(i) == "Suggestions"
    )
    assert isinstance(tab, SuggestionsTab)
    form.tabs.setCurrentWidget(tab)  # shown: it reads now (inline in tests)
    return tab


def unchecked_psw(services: Services, name: str) -> PswId:
    """Active, but never inducted: excluded with a why-not."""
    details = PswDetails(full_name=name, contact_modes=(ContactMode.PHONE,))
    return services.psws.create(details, status=JourneyStatus.ACTIVE, since=D(2026, 10, 1))[0].id


def rows(tab: SuggestionsTab) -> list[list[str]]:
    m = tab.model
    return [[str(m.index(r, c).data()) for c in range(4)] for r in range(m.rowCount())]


def pool(services: Services) -> tuple[PersonId, PswId, PswId]:
    top = ready_psw(services, "Łukasz Nowak", languages=("Polish",))
    second = ready_psw(services, "Ann Smith", languages=("English",))
    unchecked_psw(services, "Zoë Brennan")
    who = waiting(services, "Marta Wiśniewska", languages=("Polish",), referred=D(2026, 9, 1))
    return who, top, second


def test_ranked_peers_with_reasons_bars_and_an_excluded_tab(
    qtbot: QtBot, services: Services, person_form: PersonForm
) -> None:
    who, _top, _second = pool(services)
    tab = open_suggestions(person_form, services, who)

    assert rows(tab) == [["1", "Łukasz Nowak", "100.0", "2"], ["2", "Ann Smith", "33.3", "2"]]
    assert tab.inner.tabText(0) == "Suggested (2)" and tab.inner.tabText(1) == "Excluded (1)"
    assert "Showing 2 of 2 eligible peer workers" in tab.status.text()
    assert not tab.more_button.isEnabled()
    assert "Both speak Polish" in tab.reasons.text()
    assert tab.bars.texts() == ["Language 1.00", "Contact mode 1.00"]
    assert tab.bars.bars[Criterion.LANGUAGE].value() == 1.0
    assert not tab.bars.bars[Criterion.TRAVEL].isVisible()  # no wish on travel: no bar

    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)  # the second, by keyboard
    assert "Ann Smith" in tab.reasons.text()
    assert "Language 0.00" in tab.bars.texts()

    qtbot.keyClick(tab.table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tab.inner.currentIndex() == 1
    view = tab.excluded
    groups = view.groups_model
    shown = [[groups.index(r, c).data() for c in range(2)] for r in range(groups.rowCount())]
    assert shown[0] == ["All excluded peer workers", "1"]
    assert ["Induction not complete", "1"] in shown
    view.groups.setFocus()
    for _ in range(shown.index(["Induction not complete", "1"])):
        qtbot.keyClick(view.groups, Qt.Key.Key_Down)
    assert view.chosen_group() == "Excluded: induction not complete"
    assert view.people_caption.text() == "E&xcluded peer workers (induction not complete): 1"
    assert view.people_model.index(0, 0).data() == "Zoë Brennan"
    assert "Excluded: induction not complete" in view.why_not.text()


def test_proposing_the_second_needs_a_reason_of_15_characters(
    qtbot: QtBot, services: Services, person_form: PersonForm, published: list[Changes]
) -> None:
    who, _top, second = pool(services)
    tab = open_suggestions(person_form, services, who)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)  # Enter proposes the selected peer
    dialog = tab.dialog
    assert isinstance(dialog, ProposeDialog) and dialog.isVisible()
    assert "suggestion 2 of 2; the top suggestion is Łukasz Nowak" in dialog.note.text()

    dialog.ok.click()  # no reason: refused, and the dialog says why
    assert dialog.isVisible()
    assert "Ann Smith is not the top suggestion: say why" in shown_problems(dialog)
    assert services.matches.for_person(who) == []

    type_text(qtbot, dialog.rationale, "Marta asked fo")  # 14 characters
    assert dialog.counter.text() == "14 characters typed; at least 15 needed."
    dialog.ok.click()
    assert dialog.isVisible() and services.matches.for_person(who) == []

    type_text(qtbot, dialog.rationale, "r Ann by name")
    assert dialog.counter.text() == "27 characters typed: enough."
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)
    assert tab.dialog is None or not dialog.isVisible()

    (match,) = services.matches.for_person(who)
    assert match.psw_id == second
    assert services.matches.rationale(match.id) == "Marta asked for Ann by name"
    assert any(c.matches for c in published)  # the Matches tab and others hear of it
    # read again: Ann, proposed now, is no longer suggested but excluded, saying why
    assert [r[1] for r in rows(tab)] == ["Łukasz Nowak"]
    assert tab.found is not None
    why = {e.name: e.why_not for e in tab.found.excluded}
    assert why["Ann Smith"] == ("Excluded: already proposed for or matched with this person",)


def test_a_refusal_from_the_service_is_shown_in_the_dialog(
    qtbot: QtBot, services: Services, person_form: PersonForm, bus: ChangeBus
) -> None:
    only = ready_psw(services, "Łukasz Nowak", languages=("Polish",), capacity=1)
    who = waiting(services, "Marta", languages=("Polish",), referred=D(2026, 9, 1))
    other = waiting(services, "Ewa", languages=("Polish",), referred=D(2026, 8, 1))
    tab = open_suggestions(person_form, services, who)
    assert rows(tab) == [["1", "Łukasz Nowak", "100.0", "1"]]

    services.matches.propose(other, only, "")  # elsewhere, and not yet heard of here
    tab.propose_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, ProposeDialog)
    assert "a reason is optional" in dialog.note.text()
    dialog.ok.click()
    assert dialog.isVisible()
    assert "Excluded: no places left (1 of 1 in use)" in shown_problems(dialog)
    dialog.reject()

    bus.publish(Changes(settings=True))  # something that can move suggestions: read again
    assert tab.everyone.isVisible() and not tab.table.isVisible()
    assert "Everyone is excluded" in tab.everyone.text()
    assert "• No places left — 1" in tab.everyone.text()
    assert tab.inner.tabText(0) == "Suggested (0)"


def test_show_more_and_no_wishes(qtbot: QtBot, services: Services, person_form: PersonForm) -> None:
    for n in range(23):
        ready_psw(services, f"Peer {n:02d}", capacity=1 + n % 3)
    who = services.people.create(PersonDetails(full_name="Nadia", referred_on=D(2026, 9, 1)))[0].id
    tab = open_suggestions(person_form, services, who)
    assert "No wishes recorded: ranked by hours available." in tab.status.text()
    assert "Showing 20 of 23" in tab.status.text()
    assert tab.model.rowCount() == 20 and rows(tab)[0][2] == "—"
    assert "No wishes recorded" in tab.bars.empty.text() and tab.bars.empty.isVisible()
    tab.table.selectRow(19)
    tab.more_button.setFocus()
    qtbot.keyClick(tab.more_button, Qt.Key.Key_Space)
    assert tab.model.rowCount() == 23 and "Showing 23 of 23" in tab.status.text()
    assert not tab.more_button.isEnabled()
    assert tab.selected() is not None and tab.selected().rank == 20  # kept where it was


def test_an_unsaved_referral_asks_to_be_saved_first(person_form: PersonForm) -> None:
    tab = next(
        w
        for w in (person_form.tabs.widget(i) for i in range(person_form.tabs.count()))
        if isinstance(w, SuggestionsTab)
    )
    person_form.tabs.setCurrentWidget(tab)
    assert tab.unsaved.isVisible() and not tab.inner.isVisible()
