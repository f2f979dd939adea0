"""The Recruitment tab of the PSW form: application support, interviews and leaving outcomes.

Like the Checks tab, nothing here is part of the form's Save: each add, edit or removal is its
own user action and transaction in ``services.interviews``. The tab publishes what changed on
the change bus and refreshes itself when anything changes its PSW's recruitment or record (a
status change may have recorded a leaving outcome).
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from peerdesk.domain.ids import PswId
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.form_fields import section
from peerdesk.ui.interviews_editor import InterviewsEditor
from peerdesk.ui.leaving_outcomes_view import LeavingOutcomesView
from peerdesk.ui.psw_section_tab import PswSectionTab, boxed
from peerdesk.ui.support_editor import SupportEditor

UNSAVED_TEXT = "Save the record first to add recruitment details."
LEAVING_TITLE = "Leaving before becoming active"


class RecruitmentTab(PswSectionTab):
    """Shows one saved PSW's recruitment; loads lazily, when the tab is first shown for them."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(services, bus, UNSAVED_TEXT, parent)
        self.support = SupportEditor(services)
        self.interviews = InterviewsEditor(services)
        self.leaving = LeavingOutcomesView()

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(section("Application support given", boxed(self.support)))
        column.addWidget(section("Interviews", boxed(self.interviews)))
        self.leaving_box = section(LEAVING_TITLE, boxed(self.leaving))
        column.addWidget(self.leaving_box)
        column.addStretch(1)
        self.finish(inner, [self.support, self.interviews])

    def refresh_more(self) -> None:
        records = self.services.psws.leaving_outcomes(self.psw_id) if self.psw_id else []
        self.leaving.show_records(records)
        self.leaving_box.setVisible(bool(records))

    def concerns(self, changes: Changes, psw_id: PswId) -> bool:
        return psw_id in changes.recruitment or psw_id in changes.psws
