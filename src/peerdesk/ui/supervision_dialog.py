"""Record a supervision session, keyboard first: the meeting, each attendee's part, actions."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from peerdesk.domain.contact import ContactMode
from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PswId
from peerdesk.domain.psw import PswQuery
from peerdesk.domain.supervision import SupervisionKind
from peerdesk.domain.supervision_session import (
    CHECKIN_WORDS,
    Action,
    ActionDraft,
    AttendeeDraft,
    CarryChoice,
    KeptSession,
    SessionDraft,
    SessionId,
)
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.check_fields import (
    DateField,
    RecordsView,
    RowsModel,
    button,
    button_row,
    say_date,
    short_date,
)
from peerdesk.ui.check_tables import fit_to_rows
from peerdesk.ui.goal_progress_fields import FIELD, GoalProgressFields
from peerdesk.ui.item_checklist import ItemChecklist
from peerdesk.ui.long_form_dialog import LongFormDialog, confidentiality_box
from peerdesk.ui.peer_picker import PeerPicker, peer_label

NOTES_LINES = 6


def _combo(name: str, entries: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for text, data in entries:
        combo.addItem(text, data)
    return combo


@dataclass
class PartTyped:
    """One attendee's check-in, learning needs and actions as typed so far (kept while the form
    shows someone else's part)."""

    checkin: int = 0
    """The check-in list's row: 0 is "Not asked"."""
    note: str = ""
    learning: str = ""
    actions: list[ActionDraft] = dataclasses.field(default_factory=list)

    def draft(self, psw_id: PswId) -> AttendeeDraft:
        return AttendeeDraft(
            psw_id,
            checkin=self.checkin or None,
            checkin_note=self.note,
            learning_needs=tuple(self.learning.splitlines()),
            actions=tuple(self.actions),
        )

    @classmethod
    def typed(cls, part: AttendeeDraft) -> PartTyped:
        """``part`` as the form shows it (a last blank line kept: splitlines drops it)."""
        lines = part.learning_needs
        learning = "\n".join(lines) + ("\n" if lines and not lines[-1] else "")
        return cls(part.checkin or 0, part.checkin_note, learning, list(part.actions))


def carried_label(action: Action) -> str:
    due = f", due {say_date(action.due_on)}" if action.due_on else ""
    owner = f" ({action.owner})" if action.owner else ""
    return f"{action.text}{owner}: agreed {say_date(action.origin_on)}{due}"


class SupervisionDialog(LongFormDialog):
    """The whole session in one form; Save records it and decides earlier actions at once."""

    def __init__(self, services: Services, psw_id: PswId, parent: QWidget | None = None) -> None:
        super().__init__("Record a supervision session", "&Save session", parent)
        self.services = services
        self.psw_id = psw_id
        self.session_id: int | None = None
        self.correcting: SessionId | None = None
        """The session this form corrects; None when it records a new one."""
        today = services.clock.today()
        self.kind = _combo("Kind", [(k.label, k) for k in SupervisionKind])
        self.group = QCheckBox("&Group session")
        self.peer_picker = PeerPicker()
        self.peer_picker.setAccessibleName("Other attendee")
        rows = services.psws.rows(services.psws.find_ids(PswQuery()))
        self.peer_picker.set_peers([r for r in rows if r.id != psw_id])
        self._names = {r.id: peer_label(r) for r in rows}
        self.add_attendee_button = button("Add attend&ee", "Add attendee")
        self.others: list[PswId] = []
        self.others_label = QLabel("No other attendees yet.")
        self.others_label.setWordWrap(True)
        self.remove_attendee_button = button("Remove last attendee", "Remove last attendee")
        self.supervisor = QLineEdit()
        self.held_on = DateField("held_on", "session", required=True)
        self.held_on.set_value(today)
        self.starts_at = QLineEdit()
        self.starts_at.setPlaceholderText("HH:MM (optional)")
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 999)
        self.minutes.setValue(60)
        self.minutes.setSuffix(" minutes")
        self.mode = _combo("Mode", [(m.label, m) for m in ContactMode])
        self.topics = ItemChecklist("topics")
        self.topics.set_items(services.supervision.topics())
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(self.fontMetrics().lineSpacing() * NOTES_LINES)
        self.checkin = _combo(
            "Check-in", [("Not asked", None), *((w, n) for n, w in enumerate(CHECKIN_WORDS, 1))]
        )
        self.checkin_note = QLineEdit()
        self.learning = QPlainTextEdit()
        self.learning.setTabChangesFocus(True)
        self.learning.setPlaceholderText("One learning need a line")
        self.learning.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.action_text = QLineEdit()
        self.action_owner = QLineEdit()
        self.action_due = DateField("action_due", "action's due")
        self.add_action_button = button("Add ac&tion", "Add action")
        self.parts: dict[PswId, PartTyped] = {psw_id: PartTyped()}
        self.whose_part = psw_id
        self.agreed_actions = self.parts[psw_id].actions
        self.whose = _combo("Own part being recorded for", [])
        self.actions_model = RowsModel(("Action", "Owner", "Due"), self)
        self.actions_view = RecordsView(self.actions_model, "Actions agreed", on_open=lambda: None)
        self.remove_action_button = button("Remo&ve action", "Remove action")
        self.next_on = DateField("next_on", "next")
        self.level = confidentiality_box()
        self.carried = services.supervision.open_actions(psw_id)
        self.carry_boxes: list[QComboBox] = []

        self.add_field("kind", "&Kind", self.kind)
        self.add_tick("is_group", self.group)
        self.add_field("attendees", "Other &attendee", self.peer_picker)
        self.form.addRow(
            QLabel(), button_row([self.add_attendee_button, self.remove_attendee_button])
        )
        self.form.addRow(QLabel(), self.others_label)
        self.add_field("supervisor", "S&upervisor", self.supervisor)
        self.add_field("held_on", "&Date", self.held_on)
        self.add_field("starts_at", "Start t&ime", self.starts_at)
        self.add_field("minutes", "&Minutes", self.minutes)
        self.add_field("mode", "M&ode", self.mode)
        self.add_field("topics", "To&pics", self.topics)
        self.add_field("notes", "&Notes (shared with a group)", self.notes)
        self.add_field("whose", "Own part &being recorded for", self.whose)
        self.add_field("checkin", "&Check-in", self.checkin)
        self.add_field("checkin_note", "C&heck-in note", self.checkin_note)
        self.add_field("learning_needs", "&Learning needs", self.learning)
        self.add_field("actions", "&What to do", self.action_text)
        self.add_field("action_owner", "Owne&r", self.action_owner)
        self.add_field("action_due", "Due b&y", self.action_due)
        self.form.addRow(QLabel(), button_row([self.add_action_button, self.remove_action_button]))
        self.form.addRow(QLabel("Actions agreed:"), self.actions_view)
        self.add_field("next_on", "Ne&xt date", self.next_on)
        self.add_field("confidentiality", "Con&fidentiality", self.level)
        if self.carried:
            self.form.addRow(QLabel("Open actions from earlier sessions:"))
            for action in self.carried:
                box = _combo(f"Earlier action: {action.text}", [(c.label, c) for c in CarryChoice])
                box.setCurrentIndex(list(CarryChoice).index(CarryChoice.KEPT))
                text = QLabel(carried_label(action))
                text.setTextFormat(Qt.TextFormat.PlainText)
                text.setWordWrap(True)
                text.setBuddy(box)
                self.form.addRow(text, box)
                self.carry_boxes.append(box)
            self.problems["carried"] = self.summary
        self.goals = GoalProgressFields(services.reviews.goals(psw_id))
        self.goals.add_to(self.form)
        first_goal = self.goals.first_field()
        if first_goal is not None:
            self.problems[FIELD] = self.goals.problems
            self._fields[FIELD] = first_goal
        self.finish_layout()
        self._show_actions()
        self._group_toggled()
        self._show_whose()
        self.group.toggled.connect(self._group_toggled)
        self.whose.currentIndexChanged.connect(self._switch_part)
        self.add_attendee_button.clicked.connect(self._add_attendee)
        self.remove_attendee_button.clicked.connect(self._remove_attendee)
        self.add_action_button.clicked.connect(self._add_action)
        self.remove_action_button.clicked.connect(self._remove_action)
        for edit in (self.supervisor, self.starts_at, self.held_on, self.next_on):
            edit.textEdited.connect(self.edited)
        self.minutes.valueChanged.connect(self.edited)
        self.mark_unchanged()

    # --- attendees and actions ----------------------------------------------------------------

    def _group_toggled(self) -> None:
        on = self.group.isChecked()
        for part in (self.peer_picker, self.add_attendee_button, self.remove_attendee_button):
            part.setEnabled(on)
        self.others_label.setVisible(on)
        self._show_whose()

    def _add_attendee(self) -> None:
        chosen = self.peer_picker.chosen()
        if chosen is None:
            self.problems["attendees"].set_problems(
                [Problem("attendees", "Type part of a peer worker's name, then choose them.")]
            )
            return
        if chosen not in self.others:
            self.others.append(chosen)
        self.peer_picker.setCurrentIndex(-1)
        self.peer_picker.clearEditText()
        self._show_others()
        self._show_whose()
        self.edited()

    def _remove_attendee(self) -> None:
        removed = self.others.pop() if self.others else None
        self._show_others()
        self._show_whose()
        if removed is not None:
            self.parts.pop(removed, None)  # what was typed for them goes with them
        self.edited()

    def attending(self) -> list[PswId]:
        """This PSW first, then the others in the order added (when it is a group)."""
        return [self.psw_id, *(self.others if self.group.isChecked() else [])]

    def _show_whose(self) -> None:
        """The attendees whose own part can be typed; the one shown stays chosen if still here."""
        people = self.attending()
        if self.whose_part not in people:
            self._switch_to(self.psw_id)
        self.whose.blockSignals(True)
        self.whose.clear()
        for psw in people:
            self.whose.addItem(self._names.get(psw, "?"), psw)
        self.whose.setCurrentIndex(people.index(self.whose_part))
        self.whose.blockSignals(False)
        self.whose.setEnabled(len(people) > 1)

    def _switch_part(self) -> None:
        chosen = self.whose.currentData()
        if chosen is not None and chosen != self.whose_part:
            self._switch_to(chosen)

    def _switch_to(self, psw: PswId) -> None:
        """Keep what is typed for the attendee shown, then show ``psw``'s part."""
        self._keep_typed()
        self._show_part(psw)

    def _show_part(self, psw: PswId) -> None:
        part = self.parts.setdefault(psw, PartTyped())
        self.whose_part = psw
        self.checkin.setCurrentIndex(part.checkin)
        self.checkin_note.setText(part.note)
        self.learning.setPlainText(part.learning)
        self.agreed_actions = part.actions
        self._show_actions()

    def _keep_typed(self) -> None:
        part = self.parts.setdefault(self.whose_part, PartTyped())
        part.checkin = self.checkin.currentIndex()
        part.note = self.checkin_note.text()
        part.learning = self.learning.toPlainText()

    def _show_others(self) -> None:
        names = [self._names.get(p, "?") for p in self.others]
        self.others_label.setText(
            "Also attending: " + ", ".join(names) if names else "No other attendees yet."
        )

    def _add_action(self) -> None:
        problems = self.action_due.problems()
        if not self.action_text.text().strip():
            problems.append(Problem("actions", "Say what the action is, then add it."))
        if problems:
            self.show_problems(problems)
            self.action_text.setFocus()
            return
        due = self.action_due.value()
        self.agreed_actions.append(
            ActionDraft(self.action_text.text(), self.action_owner.text(), due)
        )
        for field in (self.action_text, self.action_owner, self.action_due):
            field.clear()
        self._show_actions()
        self.action_text.setFocus()
        self.edited()

    def _remove_action(self) -> None:
        row = self.actions_view.selected_row()
        if row is None and self.agreed_actions:
            row = len(self.agreed_actions) - 1
        if row is not None:
            del self.agreed_actions[row]
        self._show_actions()

    def _show_actions(self) -> None:
        self.actions_model.set_rows(
            [[a.text, a.owner, short_date(a.due_on)] for a in self.agreed_actions]
        )
        fit_to_rows(self.actions_view, least=1, most=6)
        self.remove_action_button.setEnabled(bool(self.agreed_actions))

    def mark_unchanged(self) -> None:
        """What the form holds now counts as nothing typed yet (see ``is_dirty``)."""
        self._opened = (self.draft(), self.goals.updates())

    def is_dirty(self) -> bool:
        """Something was typed or chosen since the form opened."""
        return (self.draft(), self.goals.updates()) != self._opened

    def kept(self) -> KeptSession:
        return KeptSession(self.psw_id, self.draft(), self.goals.updates(), self.correcting)

    def restore(self, kept: KeptSession) -> None:
        """Type ``kept`` back in (attendees and earlier actions no longer here are left out)."""
        d = kept.draft
        self.kind.setCurrentIndex(max(self.kind.findData(d.kind), 0))
        self.mode.setCurrentIndex(max(self.mode.findData(d.mode), 0))
        self.level.setCurrentIndex(max(self.level.findData(d.confidentiality), 0))
        self.supervisor.setText(d.supervisor)
        self.held_on.set_value(d.held_on)
        self.starts_at.setText(d.starts_at)
        self.minutes.setValue(d.minutes)
        self.topics.set_value(d.topics)
        self.notes.setPlainText(d.notes)
        self.next_on.set_value(d.next_on)
        for action, box in zip(self.carried, self.carry_boxes, strict=True):
            if action.id in d.carried:
                box.setCurrentIndex(box.findData(d.carried[action.id]))
        self.goals.set_updates(kept.goals)
        parts = [p for p in d.attendees if p.psw_id == self.psw_id or p.psw_id in self._names]
        self.others = [p.psw_id for p in parts if p.psw_id != self.psw_id]
        self.parts = {p.psw_id: PartTyped.typed(p) for p in parts}
        self._show_part(self.psw_id)
        self.group.setChecked(d.is_group)
        self._show_others()
        self._show_whose()

    # --- checking and saving ------------------------------------------------------------------

    def draft(self) -> SessionDraft:
        """What the form holds now (a date not typed properly stands in as today)."""
        self._keep_typed()
        group = self.group.isChecked()
        attendees = tuple(self.parts.setdefault(p, PartTyped()).draft(p) for p in self.attending())
        return SessionDraft(
            kind=self.kind.currentData(),
            supervisor=self.supervisor.text(),
            held_on=self.held_on.value() or self.services.clock.today(),
            minutes=self.minutes.value(),
            attendees=attendees,
            is_group=group,
            starts_at=self.starts_at.text(),
            mode=self.mode.currentData(),
            topics=self.topics.value(),
            notes=self.notes.toPlainText(),
            next_on=self.next_on.value(),
            confidentiality=self.level.currentData(),
            carried={
                a.id: box.currentData()
                for a, box in zip(self.carried, self.carry_boxes, strict=True)
            },
        )

    def local_problems(self) -> list[Problem]:
        return self.held_on.problems() + self.next_on.problems()

    def service_problems(self) -> list[Problem]:
        return self.services.supervision.check(self.draft(), self.goals.updates())

    def submit(self) -> Changes:
        session_id, changes = self.services.supervision.record(self.draft(), self.goals.updates())
        self.session_id = session_id
        return changes
