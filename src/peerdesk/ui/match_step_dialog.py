"""Take a match's next dated step: introduce, start, end (with a reason) or withdraw."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.domain.match_lifecycle import (
    EndReason,
    Match,
    MatchStage,
    MatchStep,
    allowed_next,
    step_problems,
)
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.check_fields import DateField
from peerdesk.ui.contact_dialog import note_box
from peerdesk.ui.fitted_dialog import FittedCheckDialog
from peerdesk.ui.form_fields import compact

STEP_NAMES = {
    MatchStage.INTRODUCED: "Introduce",
    MatchStage.ACTIVE: "Start (active)",
    MatchStage.ENDED: "End",
    MatchStage.WITHDRAWN: "Withdraw",
}


class MatchStepDialog(FittedCheckDialog):
    """Offers only the moves the match may make now; dates may not be future or go back."""

    def __init__(
        self, services: Services, match: Match, who: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(f"Next step — {who}", "&Record step", parent)
        self.services = services
        self.match = match
        self.stage = compact(QComboBox())
        for stage in allowed_next(match.stage):
            self.stage.addItem(STEP_NAMES[stage], stage)
        self.on = DateField("on", "step", required=True)
        self.on.set_value(services.clock.today())
        self.by = QLineEdit(services.settings.coordinator_name())
        self.reason = compact(QComboBox())
        self.reason.addItem("(choose a reason)", None)
        for reason in EndReason:
            self.reason.addItem(reason.label, reason)
        self.note = note_box()
        self.back_to_list = QCheckBox(
            "Return them to the &waiting list, keeping their first referral date"
        )
        self.back_to_list.setChecked(True)
        self.add_field("stage", "&Step", self.stage)
        self.add_field("on", "&Date (dd/mm/yyyy)", self.on)
        self.add_field("by", "&By", self.by)
        self.reason_caption = self.add_field("end_reason", "&Why it ended", self.reason)
        self.add_field("note", "N&ote", self.note)
        self.add_tick("return", self.back_to_list)
        self.finish_layout()
        self.stage.currentIndexChanged.connect(self._stage_changed)
        self.reason.currentIndexChanged.connect(self.edited)
        for signal in (self.on.textEdited, self.by.textEdited, self.note.textChanged):
            signal.connect(self.edited)
        self._stage_changed()

    def chosen(self) -> MatchStage:
        stage: MatchStage = self.stage.currentData()
        return stage

    def _stage_changed(self) -> None:
        ending = self.chosen() is MatchStage.ENDED
        for widget in (self.reason, self.reason_caption, self.back_to_list):
            widget.setVisible(ending)
        if self._touched:
            self.edited()

    def step(self) -> MatchStep:
        ending = self.chosen() is MatchStage.ENDED
        return MatchStep(
            stage=self.chosen(),
            on=self.on.value() or self.services.clock.today(),
            by=self.by.text() or "?",
            note=self.note.toPlainText(),
            end_reason=self.reason.currentData() if ending else None,
        )

    def local_problems(self) -> list[Problem]:
        return self.on.problems()

    def service_problems(self) -> list[Problem]:
        new = self.step()
        consent = self.services.person_consents.has_consent_on(self.match.person_id, new.on)
        return step_problems(
            self.match.history, new, today=self.services.clock.today(), consent_to_share=consent
        )

    def submit(self) -> Changes:
        new = self.step()
        return self.services.matches.step(
            self.match.id,
            new.stage,
            on=new.on,
            by=self.by.text(),
            note=new.note,
            end_reason=new.end_reason,
            return_to_list=self.back_to_list.isChecked(),
        )[1]
