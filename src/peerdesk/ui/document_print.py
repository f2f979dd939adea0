"""Printing a match summary (either copy), an annual review, or a blank form: via save_export."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.contacts import MatchId
from peerdesk.domain.match_summary import SummaryCopy
from peerdesk.domain.reviews import ReviewId
from peerdesk.services.bundle import Services
from peerdesk.ui.save_export import save_export
from peerdesk.ui.viewer_state import current_viewer

SUMMARY_TITLE = "Print match summary"
COPY_QUESTION = (
    "Which copy? The coordinator's copy holds risk notes, your notes and lived experience the "
    "peer worker has not agreed to share. The copy for the person leaves all of those out."
)
FORMS_TITLE = "Print blank forms"


def ask_copy(parent: QWidget) -> SummaryCopy | None:
    """The coordinator's copy or the person's copy; None on Cancel (the default)."""
    box = QMessageBox(parent)
    box.setWindowTitle(SUMMARY_TITLE)
    box.setIcon(QMessageBox.Icon.Question)
    box.setText(COPY_QUESTION)
    person = box.addButton("Copy for the &person", QMessageBox.ButtonRole.AcceptRole)
    person.setAccessibleName("Copy for the person")
    coordinator = box.addButton("&Coordinator's copy", QMessageBox.ButtonRole.AcceptRole)
    coordinator.setAccessibleName("Coordinator's copy")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is person:
        return SummaryCopy.PERSON
    if clicked is coordinator:
        return SummaryCopy.COORDINATOR
    return None


def print_match_summary(parent: QWidget, services: Services, match_id: MatchId) -> None:
    copy = ask_copy(parent)
    if copy is None:
        return
    viewer = current_viewer(parent, services.viewer)
    save_export(
        parent,
        title=SUMMARY_TITLE,
        make=lambda progress: services.match_documents.make(
            match_id, copy, progress, viewer=viewer
        ),
    )


def print_review(parent: QWidget, services: Services, review_id: ReviewId, revealed: bool) -> None:
    """The review as the tab shows it: private text only while "Show private text" is ticked."""
    viewer = current_viewer(parent, services.viewer)
    save_export(
        parent,
        title="Print annual review",
        make=lambda progress: services.review_documents.make(
            review_id, progress, viewer=viewer, private_revealed=revealed
        ),
    )


class BlankFormsDialog(QDialog):
    """Pick one of the four blank forms (each is its own PDF, its code in every footer)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(FORMS_TITLE)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Blank forms hold no one's details. Print one, fill it in by hand, then type it "
            "in on its screen, in the same order. Which form?"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.choices: dict[str, QRadioButton] = {}
        for n, form in enumerate(services.forms.forms()):
            text = f"&{n + 1}  {form.title} ({form.footer})"
            choice = QRadioButton(text)
            choice.setAccessibleName(f"{form.title}, {form.footer}")
            layout.addWidget(choice)
            self.choices[form.code] = choice
        next(iter(self.choices.values())).setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Print…")
        ok.setAccessibleName("Print")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> str:
        return next(code for code, radio in self.choices.items() if radio.isChecked())


def print_blank_form(window: QWidget, services: Services) -> QDialog:
    dialog = BlankFormsDialog(services, window)

    def chosen() -> None:
        code = dialog.chosen()
        save_export(
            window, title=FORMS_TITLE, make=lambda progress: services.forms.make(code, progress)
        )

    dialog.accepted.connect(chosen)
    dialog.finished.connect(lambda _result: dialog.deleteLater())
    dialog.open()
    return dialog


def install_blank_forms(window: QMainWindow, services: Services, menu: QMenu) -> QAction:
    """File > Print blank forms…"""
    action = QAction("Print blan&k forms…", window)
    action.setStatusTip("Contact log sheet, sign-up, referral or supervision note, to fill in")
    action.triggered.connect(lambda: print_blank_form(window, services))
    menu.addAction(action)
    return action
