"""One plan (wellbeing, or telling my story safely): its latest version to edit, save as new."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from peerdesk.domain.confidentiality import Confidentiality
from peerdesk.domain.errors import PeerDeskError, Problem, ValidationFailed
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.plans import (
    ADJUSTMENTS,
    COMFORTABLE,
    PLAN_TEXT_MAX,
    PlanDraft,
    PlanKind,
    PlanVersion,
)
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.check_fields import (
    DateField,
    RecordsView,
    RowsModel,
    button,
    button_row,
    short_date,
)
from peerdesk.ui.form_fields import ProblemLabel, add_row, new_form_layout, section
from peerdesk.ui.plan_compare_dialog import PlanCompareDialog
from peerdesk.ui.psw_print import print_plan
from peerdesk.ui.psw_section_tab import boxed
from peerdesk.ui.story_items_editor import StoryItemsEditor

COLUMNS = ("Version", "Recorded", "By", "Agreed by them", "Review")
ADJUSTMENTS_NOTE = (
    "Copied from the reasonable adjustments on the Checks tab when the plan is saved, so each "
    "version keeps what was agreed then."
)


def _row(v: PlanVersion) -> list[str]:
    d = v.draft
    return [
        str(v.number),
        short_date(v.recorded_at.date()),
        v.recorded_by,
        short_date(d.agreed_by_psw_on, "not agreed"),
        short_date(d.review_on, "none"),
    ]


class PlanEditor(QWidget):
    """Sections of the latest version (plain text), dates, "Save as new version", versions."""

    saved = Signal(object)
    """The Changes a save made."""

    def __init__(self, services: Services, kind: PlanKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.kind = kind
        self.psw_id: PswId | None = None
        self.loaded: PlanDraft | None = None
        self.versions: list[PlanVersion] = []
        self.dialog: PlanCompareDialog | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.texts: dict[str, QPlainTextEdit] = {}
        self.items = StoryItemsEditor()
        self.adjustments_changed = QLabel()
        self.adjustments_changed.setWordWrap(True)
        self.agreed = DateField("agreed", "agreed by them on")
        self.review = DateField("review", "review")
        self.confidentiality = QComboBox()
        for level in Confidentiality:
            self.confidentiality.addItem(level.label, level.value)
        self.problems = ProblemLabel(heading=True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = button("Save as new versi&on", "Save as new version")
        self.compare_button = button("Com&pare versions…", "Compare versions")
        self.print_button = button(
            "Pri&nt version…",
            "Print version",
            tip="Print the version chosen in the list (the latest if none is chosen).",
        )
        self.model = RowsModel(COLUMNS, self)
        self.table = RecordsView(self.model, f"{kind.label} versions", on_open=self.compare)

        self.body = QVBoxLayout()
        self.body.addWidget(self.heading)
        self._sections = QVBoxLayout()
        self.body.addLayout(self._sections)
        dates = new_form_layout()
        add_row(dates, "A&greed by them on:", self.agreed, name="Agreed by them on")
        add_row(dates, "Review da&te:", self.review, name="Review date")
        add_row(dates, "&Confidentiality:", self.confidentiality, name="Confidentiality")
        self.body.addLayout(dates)
        self.body.addWidget(self.problems)
        self.body.addWidget(button_row([self.save_button, self.compare_button, self.print_button]))
        self.body.addWidget(self.message)
        self.body.addWidget(section("Versions", boxed(self.table)))
        layout = QVBoxLayout(self)
        layout.addLayout(self.body)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)
        self.compare_button.clicked.connect(self.compare)
        self.print_button.clicked.connect(self.print_version)
        self._built = False

    # --- building and loading ---------------------------------------------------------------

    def _build(self, draft: PlanDraft) -> None:
        """One box per section, in the draft's order (done once: the sections are the kind's)."""
        self._built = True
        for n, s in enumerate(draft.sections, start=1):
            inner = QVBoxLayout()
            caption = QLabel(f"&{n} {s.title}" if n < 10 else s.title)
            inner.addWidget(caption)
            if s.key == COMFORTABLE:
                caption.setBuddy(self.items.add)
                inner.addWidget(self.items)
            else:
                box = QPlainTextEdit()
                box.setAccessibleName(s.title)
                box.setTabChangesFocus(True)
                box.setMinimumHeight(box.fontMetrics().height() * 4)
                caption.setBuddy(box)
                inner.addWidget(box)
                self.texts[s.key] = box
                if s.key == ADJUSTMENTS:
                    box.setReadOnly(True)
                    note = QLabel(ADJUSTMENTS_NOTE)
                    note.setWordWrap(True)
                    inner.addWidget(note)
                    inner.addWidget(self.adjustments_changed)
            self._sections.addLayout(inner)

    def show_psw(self, psw_id: PswId | None, *, keep_edits: bool = False) -> None:
        """Show ``psw_id``'s latest version; ``keep_edits`` keeps typed edits of the same PSW."""
        same = psw_id == self.psw_id
        self.psw_id = psw_id
        if psw_id is None:
            return
        self.versions = self.services.plans.versions(psw_id, self.kind)
        self.model.set_rows([_row(v) for v in self.versions])
        latest = self.versions[0] if self.versions else None
        self.heading.setText(
            latest.heading()
            if latest
            else "No version saved yet: fill in what they want, then save."
        )
        self.compare_button.setEnabled(len(self.versions) >= 2)
        self.print_button.setEnabled(bool(self.versions))
        self.compare_button.setToolTip(
            "" if len(self.versions) >= 2 else "Needs two saved versions."
        )
        draft = self.services.plans.draft(psw_id, self.kind)
        if not self._built:
            self._build(draft)
        if latest is not None and self.kind is PlanKind.WELLBEING:
            then = latest.draft.section(ADJUSTMENTS).text
            now = draft.section(ADJUSTMENTS).text
            self.adjustments_changed.setText(
                ""
                if then == now
                else f"Changed since version {latest.number}: saving keeps the list as shown."
            )
        if keep_edits and same and self.is_dirty():
            if ADJUSTMENTS in self.texts:
                self.texts[ADJUSTMENTS].setPlainText(draft.section(ADJUSTMENTS).text)
            return
        self._fill(draft)

    def _fill(self, draft: PlanDraft) -> None:
        self.loaded = draft
        self._show(draft, skip=())
        self.problems.set_problems([])

    def restore(self, draft: PlanDraft) -> None:
        """Type ``draft`` (kept when PeerDesk locked) over the version shown: unsaved until Save.
        The adjustments stay as the Checks tab has them now."""
        self._show(draft, skip=(ADJUSTMENTS,))

    def _show(self, draft: PlanDraft, *, skip: tuple[str, ...]) -> None:
        for key, box in self.texts.items():
            if key not in skip:
                box.setPlainText(draft.section(key).text)
        self.items.set_value(draft.section(COMFORTABLE).items, self._experiences())
        self.agreed.set_value(draft.agreed_by_psw_on)
        self.review.set_value(draft.review_on)
        self.confidentiality.setCurrentIndex(
            self.confidentiality.findData(draft.confidentiality.value)
        )

    def _experiences(self) -> list[tuple[TaxonomyItemId, str]]:
        if self.psw_id is None or self.kind is not PlanKind.STORY:
            return []
        names = {i.id: i.name for i in self.services.lists.items()}
        held = self.services.psws.get(self.psw_id).details.lived_experience
        return [(le.item_id, names.get(le.item_id, "(removed item)")) for le in held]

    # --- saving --------------------------------------------------------------------------------

    def value(self) -> PlanDraft:
        assert self.loaded is not None
        sections = []
        for s in self.loaded.sections:
            if s.key == COMFORTABLE:
                sections.append(replace(s, items=self.items.value()))
            elif s.key in self.texts:
                sections.append(replace(s, text=self.texts[s.key].toPlainText()))
            else:
                sections.append(s)
        return replace(
            self.loaded,
            sections=tuple(sections),
            agreed_by_psw_on=self.agreed.value(),
            review_on=self.review.value(),
            confidentiality=Confidentiality(self.confidentiality.currentData()),
        )

    def is_dirty(self) -> bool:
        return self.loaded is not None and (self.value() != self.loaded or bool(self._local()))

    def _local(self) -> list[Problem]:
        found = self.agreed.problems() + self.review.problems()
        for key, box in self.texts.items():
            if len(box.toPlainText()) > PLAN_TEXT_MAX:
                found.append(Problem(key, f"A section holds at most {PLAN_TEXT_MAX:,} characters."))
        return found

    def save(self) -> None:
        if self.psw_id is None or self.loaded is None:
            return
        self.message.setText("")
        local = self._local()
        if local:
            self.problems.set_problems(local)
            return
        try:
            done, changes = self.services.plans.save(self.psw_id, self.value())
        except ValidationFailed as error:
            self.problems.set_problems(error.problems)
            return
        except PeerDeskError as error:
            self.problems.set_problems([Problem("", str(error))])
            return
        self.problems.set_problems([])
        self.show_psw(self.psw_id)
        self.message.setText(done.message + ("" if done.created else "."))
        self.saved.emit(changes if done.created else Changes())

    def print_version(self) -> None:
        """Print the version chosen in the list, or the latest."""
        if self.psw_id is None or not self.versions:
            return
        chosen = self.table.selected_row()
        version = self.versions[chosen if chosen is not None else 0]
        print_plan(self, self.services, self.psw_id, self.kind, version.number)

    # --- comparing -----------------------------------------------------------------------------

    def compare(self) -> None:
        if self.psw_id is None or len(self.versions) < 2:
            return
        chosen = self.table.selected_row()
        older = self.versions[chosen if chosen is not None and chosen > 0 else 1].number
        dialog = PlanCompareDialog(
            self.services,
            self.psw_id,
            self.kind,
            older=older,
            newer=self.versions[0].number,
            parent=self,
        )
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: PlanCompareDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
