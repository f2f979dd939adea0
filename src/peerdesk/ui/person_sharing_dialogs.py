"""Dialogs of the People form's "Consent and conflicts" tab: consent, conflicts, linking records."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from peerdesk.domain.conflicts import ConflictKind
from peerdesk.domain.consent import CHOOSABLE_HOWS
from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.psw import PswQuery
from peerdesk.domain.viewer import Viewer
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.check_fields import DateField
from peerdesk.ui.fitted_dialog import FittedCheckDialog

PICK_PSW = "Choose a peer worker from the list (type part of their name)."


class PswPicker(QComboBox):
    """Type part of a name and pick from the PSWs the viewer may see (current and archived)."""

    def __init__(self, services: Services, viewer: Viewer, name: str) -> None:
        super().__init__()
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setAccessibleName(name)
        rows = [
            row
            for archived in (False, True)
            for row in services.psws.rows(
                services.psws.find_ids(PswQuery(archived=archived), viewer=viewer)
            )
        ]
        for row in rows:
            label = f"{row.full_name} ({row.known_as})" if row.known_as else row.full_name
            self.addItem(label, row.id)
        self.setCurrentIndex(-1)
        self.setEditText("")
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)

    def value(self) -> PswId | None:
        """The PSW whose name is in the box (None until one from the list is there)."""
        index = self.findText(self.currentText().strip(), Qt.MatchFlag.MatchFixedString)
        return None if index < 0 else PswId(self.itemData(index))


class _PersonDialog(FittedCheckDialog):
    def __init__(
        self, services: Services, person_id: PersonId, title: str, ok: str, parent: QWidget | None
    ) -> None:
        super().__init__(title, ok, parent)
        self.services = services
        self.person_id = person_id

    def _dated(self, key: str, what: str) -> DateField:
        field = DateField(key, what, required=True)
        field.set_value(self.services.clock.today())
        field.textEdited.connect(self.edited)
        return field


class GiveConsentDialog(_PersonDialog):
    """Record that the person agreed to their details going to a PSW: when and how."""

    def __init__(self, services: Services, person_id: PersonId, parent: QWidget | None) -> None:
        super().__init__(services, person_id, "Consent to share given", "&Record", parent)
        self.add_note(
            "They agree that their details (name, contact details and what they hope for) may "
            "be shared with the peer support worker they are introduced to."
        )
        self.on = self._dated("given_on", "given")
        self.add_field("given_on", "&Given on", self.on)
        self.how = QComboBox()
        for how in CHOOSABLE_HOWS:
            self.how.addItem(how.label, how)
        self.add_field("how", "&How", self.how)
        self.note = QLineEdit()
        self.note.textEdited.connect(self.edited)
        self.add_field("note", "What was &said", self.note, hint="Optional")
        self.finish_layout()

    def local_problems(self) -> list[Problem]:
        return self.on.problems()

    def service_problems(self) -> list[Problem]:
        day = self.on.value() or self.services.clock.today()
        return self.services.person_consents.check_give(self.person_id, day, self.note.text())

    def submit(self) -> Changes:
        day = self.on.value()
        assert day is not None  # local_problems insists on a date
        return self.services.person_consents.give(
            self.person_id, on=day, how=self.how.currentData(), note=self.note.text()
        )[1]


class WithdrawConsentDialog(_PersonDialog):
    """Record the date the person withdrew their consent to share."""

    def __init__(self, services: Services, person_id: PersonId, parent: QWidget | None) -> None:
        super().__init__(services, person_id, "Consent to share withdrawn", "&Record", parent)
        self.add_note("The history keeps when consent was given; this adds when it ended.")
        self.on = self._dated("withdrawn_on", "withdrawn")
        self.add_field("withdrawn_on", "&Withdrawn on", self.on)
        self.finish_layout()

    def local_problems(self) -> list[Problem]:
        return self.on.problems()

    def service_problems(self) -> list[Problem]:
        day = self.on.value() or self.services.clock.today()
        return self.services.person_consents.check_withdraw(self.person_id, day)

    def submit(self) -> Changes:
        day = self.on.value()
        assert day is not None
        return self.services.person_consents.withdraw(self.person_id, on=day)[1]


class DeclareConflictDialog(_PersonDialog):
    """Declare a conflict of interest with a PSW: the pair is never matched."""

    def __init__(
        self, services: Services, person_id: PersonId, viewer: Viewer, parent: QWidget | None
    ) -> None:
        super().__init__(services, person_id, "Declare a conflict", "&Declare", parent)
        self.psw = PswPicker(services, viewer, "Peer worker")
        self.psw.editTextChanged.connect(lambda _text: self.edited())
        self.add_field("psw_id", "&Peer worker", self.psw)
        self.kind = QComboBox()
        for kind in ConflictKind:
            self.kind.addItem(kind.label, kind)
        self.kind.currentIndexChanged.connect(self.edited)
        self.add_field("kind", "&Kind", self.kind)
        self.note = QLineEdit()
        self.note.textEdited.connect(self.edited)
        self.add_field("note", "&Note", self.note, hint="Needed for Other")
        self.on = self._dated("declared_on", "declared")
        self.add_field("declared_on", "Declared &on", self.on)
        self.finish_layout()

    def local_problems(self) -> list[Problem]:
        picked = [] if self.psw.value() is not None else [Problem("psw_id", PICK_PSW)]
        return picked + self.on.problems()

    def service_problems(self) -> list[Problem]:
        return self.services.conflicts.check(
            self.kind.currentData(), self.note.text(), self.on.value()
        )

    def submit(self) -> Changes:
        psw_id = self.psw.value()
        assert psw_id is not None
        return self.services.conflicts.declare(
            self.person_id,
            psw_id,
            self.kind.currentData(),
            self.note.text(),
            on=self.on.value(),
        )[1]


class LinkPswDialog(_PersonDialog):
    """This person is also one of the organisation's PSWs: link the two records."""

    def __init__(
        self, services: Services, person_id: PersonId, viewer: Viewer, parent: QWidget | None
    ) -> None:
        super().__init__(services, person_id, "Link to their peer worker record", "&Link", parent)
        self.add_note(
            "Linked records become protected: both are hidden from lists, search, suggestions "
            "and exports until someone turns on View › Show protected records."
        )
        self.psw = PswPicker(services, viewer, "Their peer worker record")
        self.psw.editTextChanged.connect(lambda _text: self.edited())
        self.add_field("psw_id", "&Peer worker", self.psw)
        self.finish_layout()

    def local_problems(self) -> list[Problem]:
        return [] if self.psw.value() is not None else [Problem("psw_id", PICK_PSW)]

    def submit(self) -> Changes:
        psw_id = self.psw.value()
        assert psw_id is not None
        return self.services.protection.link(self.person_id, psw_id)
