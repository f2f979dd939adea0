"""The People form's "Consent and conflicts" tab: consent to share, conflicts, linked records."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from peerdesk.domain.conflicts import Conflict
from peerdesk.domain.ids import PersonId
from peerdesk.domain.person_consent import ShareConsent
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui import message_boxes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import (
    CheckDialog,
    OpensDialogs,
    RecordsView,
    RowsModel,
    button,
    button_row,
    say_date,
    short_date,
)
from peerdesk.ui.check_tables import fit_to_rows
from peerdesk.ui.form_fields import section
from peerdesk.ui.person_sharing_dialogs import (
    DeclareConflictDialog,
    GiveConsentDialog,
    LinkPswDialog,
    WithdrawConsentDialog,
)

LINK_EXPLAINED = (
    "If this person is also one of your peer support workers, link the two records. Linked "
    "records are protected: both are hidden from lists, search, suggestions and exports until "
    "someone turns on View › Show protected records (which asks for the passphrase and is "
    "written to the access log)."
)


def _text(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class PersonSharingTab(QWidget, OpensDialogs):
    """Consent-to-share ledger (history shown, never edited), conflicts and the protected link."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.viewer: Viewer = COORDINATOR
        self.person_id: PersonId | None = None
        self.dialog: CheckDialog | None = None
        """The dialog open now (tests fill it in)."""
        self._consents: list[ShareConsent] = []
        self._conflicts: list[Conflict] = []
        self._has_open = False
        self._linked = False

        self.consent_state = _text(QLabel())
        self.consent_state.setAccessibleName("Consent to share now")
        self.consent_model = RowsModel(["Given", "How", "Withdrawn", "What was said", "By"], self)
        self.consent_table = RecordsView(
            self.consent_model, "Consent history", on_open=lambda: None
        )
        self.give_button = button("&Give consent…", "Give consent")
        self.give_button.clicked.connect(self.give_consent)
        self.withdraw_button = button("&Withdraw consent…", "Withdraw consent")
        self.withdraw_button.clicked.connect(self.withdraw_consent)

        self.conflict_model = RowsModel(["Peer worker", "Kind", "Note", "Declared"], self)
        self.conflict_table = RecordsView(
            self.conflict_model, "Declared conflicts", on_open=lambda: None
        )
        self.conflict_table.selectionModel().selectionChanged.connect(self._update)
        self.no_conflicts = _text(QLabel("No conflicts declared."))
        self.declare_button = button("&Declare a conflict…", "Declare a conflict")
        self.declare_button.clicked.connect(self.declare_conflict)
        self.remove_button = button("Re&move conflict…", "Remove conflict")
        self.remove_button.clicked.connect(self.remove_conflict)

        self.link_state = _text(QLabel())
        self.link_state.setAccessibleName("Linked peer worker record")
        self.link_button = button("&Link records…", "Link records")
        self.link_button.clicked.connect(self.link_records)
        self.unlink_button = button("&Unlink records…", "Unlink records")
        self.unlink_button.clicked.connect(self.unlink_records)

        consent = QVBoxLayout()
        consent.addWidget(self.consent_state)
        consent.addWidget(self.consent_table)
        consent.addWidget(button_row([self.give_button, self.withdraw_button]))
        conflicts = QVBoxLayout()
        never = "A declared conflict means this person and that peer worker are never matched."
        conflicts.addWidget(_text(QLabel(never)))
        conflicts.addWidget(self.conflict_table)
        conflicts.addWidget(self.no_conflicts)
        conflicts.addWidget(button_row([self.declare_button, self.remove_button]))
        link = QVBoxLayout()
        link.addWidget(_text(QLabel(LINK_EXPLAINED)))
        link.addWidget(self.link_state)
        link.addWidget(button_row([self.link_button, self.unlink_button]))
        layout = QVBoxLayout(self)
        layout.addWidget(section("Consent to share their details with a peer worker", consent))
        layout.addWidget(section("Declared conflicts", conflicts))
        layout.addWidget(section("This person is also a peer worker", link))
        layout.addStretch(1)
        bus.changed.connect(self._on_changed)

    # --- what the form and page call ----------------------------------------------------------

    def show_person(self, person_id: PersonId | None) -> None:
        self.person_id = person_id
        self.refresh()

    def follow_viewer(self, state: object) -> None:
        """Offer the PSWs ``state``'s viewer may see (a ``ViewerState``) in the pickers."""
        self.viewer = state.viewer  # type: ignore[attr-defined]
        state.changed.connect(self._set_viewer)  # type: ignore[attr-defined]

    def _set_viewer(self, viewer: Viewer) -> None:
        self.viewer = viewer
        self.refresh()

    def _on_changed(self, changes: Changes, _origin: object) -> None:
        if self.person_id is not None and (self.person_id in changes.people or changes.psws):
            self.refresh()

    def refresh(self) -> None:
        who = self.person_id
        self._consents = self.services.person_consents.history(who) if who else []
        self._conflicts = self.services.conflicts.for_person(who) if who else []
        linked = self.services.protection.linked_psw(who) if who else None
        names = self._names({c.psw_id for c in self._conflicts} | ({linked} if linked else set()))

        open_entry = next((e for e in self._consents if e.withdrawn_on is None), None)
        if who is None:
            self.consent_state.setText("Save the referral first.")
        elif open_entry is not None:
            self.consent_state.setText(
                f"Consent given on {say_date(open_entry.given_on)} "
                f"({open_entry.how.label.lower()}): their details may be shared with their peer."
            )
        else:
            self.consent_state.setText(
                "No consent to share is in force: they cannot be introduced to a peer yet."
            )
        self.consent_model.set_rows(
            [
                [
                    short_date(e.given_on),
                    e.how.label,
                    short_date(e.withdrawn_on, "—"),
                    e.note,
                    e.recorded_by,
                ]
                for e in self._consents
            ]
        )
        self.conflict_model.set_rows(
            [
                [
                    names.get(c.psw_id, "(protected record)"),
                    c.kind.label,
                    c.note,
                    short_date(c.declared_on),
                ]
                for c in self._conflicts
            ]
        )
        for view in (self.consent_table, self.conflict_table):
            fit_to_rows(view)
        if linked is None:
            self.link_state.setText("Not linked to a peer worker record.")
        else:
            self.link_state.setText(
                f"Linked to the peer worker record of {names.get(linked, 'a protected record')}: "
                "both records are protected."
            )
        self._has_open = open_entry is not None
        self._linked = linked is not None
        self._update()

    def _names(self, ids: set[object]) -> dict[object, str]:
        if not ids:
            return {}
        return {r.id: r.full_name for r in self.services.psws.rows(sorted(ids))}  # type: ignore[arg-type]

    def _update(self) -> None:
        saved = self.person_id is not None
        self.consent_table.setVisible(bool(self._consents))
        self.conflict_table.setVisible(bool(self._conflicts))
        self.no_conflicts.setVisible(not self._conflicts)
        self.give_button.setEnabled(saved and not self._has_open)
        self.withdraw_button.setEnabled(saved and self._has_open)
        self.declare_button.setEnabled(saved)
        self.remove_button.setEnabled(saved and self.conflict_table.selected_row() is not None)
        self.link_button.setEnabled(saved)
        self.unlink_button.setEnabled(saved and self._linked)

    # --- actions --------------------------------------------------------------------------------

    def give_consent(self) -> None:
        self._open(lambda who: GiveConsentDialog(self.services, who, self))

    def withdraw_consent(self) -> None:
        self._open(lambda who: WithdrawConsentDialog(self.services, who, self))

    def declare_conflict(self) -> None:
        self._open(lambda who: DeclareConflictDialog(self.services, who, self.viewer, self))

    def link_records(self) -> None:
        self._open(lambda who: LinkPswDialog(self.services, who, self.viewer, self))

    def remove_conflict(self) -> None:
        row = self.conflict_table.selected_row()
        if row is None or row >= len(self._conflicts):
            return
        conflict = self._conflicts[row]
        name = self.conflict_model.data(self.conflict_model.index(row, 0))
        if message_boxes.confirm(
            self,
            title="Remove conflict",
            text=f"Remove the declared conflict with {name}? They could then be matched.",
            action="Remove",
        ):
            remove = self.services.conflicts.remove
            self._run("Could not remove the conflict", lambda: remove(conflict.id))

    def unlink_records(self) -> None:
        who = self.person_id
        if who is not None and message_boxes.confirm(
            self,
            title="Unlink records",
            text="Unlink this person's record from the peer worker record? Both will be listed "
            "for everyone again.",
            action="Unlink",
        ):
            self._run("Could not unlink the records", lambda: self.services.protection.unlink(who))

    def _open(self, make: Callable[[PersonId], CheckDialog]) -> None:
        if self.person_id is None:
            return
        dialog = make(self.person_id)
        self.open_kept(dialog, lambda: self.bus.publish(dialog.changes, self))

    def _run(self, title: str, action: Callable[[], Changes]) -> None:
        changes = message_boxes.saved(self, title, action, self.refresh)
        if changes is not None:
            self.bus.publish(changes, self)
