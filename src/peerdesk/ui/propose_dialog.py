"""Proposing a suggested peer worker: below the top suggestion a written reason is needed."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from peerdesk.domain.errors import Problem
from peerdesk.domain.text import tidy
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.services.match_service import RATIONALE_MIN, rationale_problems
from peerdesk.services.matching_records import Suggestion, Suggestions
from peerdesk.ui.fitted_dialog import FittedCheckDialog


def explanation(found: Suggestions, chosen: Suggestion) -> str:
    """Why a reason is (or is not) asked for, naming the top suggestion."""
    who = f"Propose {chosen.name} as {found.person_name}'s peer worker."
    if chosen.rank == 1:
        return f"{who} They are the top suggestion, so a reason is optional."
    top = found.suggestions[0].name if found.suggestions else "another peer worker"
    return (
        f"{who} They are suggestion {chosen.rank} of {found.total}; the top suggestion is "
        f"{top}. Choosing someone below the top needs a reason of at least {RATIONALE_MIN} "
        "characters, so whoever reads the match later knows why. It is kept on the match."
    )


def counter_text(length: int, *, required: bool) -> str:
    """ "4 characters typed; at least 15 needed." (live, under the reason box)."""
    typed = f"{length} character{'' if length == 1 else 's'} typed"
    if required or length:
        if length >= RATIONALE_MIN:
            return f"{typed}: enough."
        return f"{typed}; at least {RATIONALE_MIN} needed."
    return f"{typed} (optional; at least {RATIONALE_MIN} if you give one)."


class ProposeDialog(FittedCheckDialog):
    """Saves a proposed match through the matching service, which may refuse with a why-not."""

    def __init__(
        self,
        services: Services,
        found: Suggestions,
        chosen: Suggestion,
        parent: QWidget | None = None,
        *,
        viewer: Viewer = COORDINATOR,
    ) -> None:
        super().__init__("Propose this peer", "&Propose", parent)
        self.services = services
        self.viewer = viewer
        self.found = found
        self.chosen = chosen
        self.required = chosen.rank != 1
        self.note = self.add_note(explanation(found, chosen))
        self.note.setAccessibleName("Why a reason is asked for")
        self.rationale = QPlainTextEdit()
        self.rationale.setTabChangesFocus(True)
        self.rationale.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.add_field(
            "rationale",
            "&Why this peer worker" + (" *" if self.required else ""),
            self.rationale,
        )
        self.counter = QLabel()
        self.counter.setAccessibleName("Characters typed")
        self.form.addRow(QLabel(), self.counter)
        self.finish_layout()
        self.rationale.textChanged.connect(self._typed)
        self._show_count()
        self.rationale.setFocus()

    def text(self) -> str:
        return tidy(self.rationale.toPlainText())

    def _show_count(self) -> None:
        self.counter.setText(counter_text(len(self.text()), required=self.required))
        self.rationale.setAccessibleDescription(self.counter.text())

    def _typed(self) -> None:
        self._show_count()
        self.edited()

    def local_problems(self) -> list[Problem]:
        text = self.text()
        if self.required and len(text) < RATIONALE_MIN:
            return [
                Problem(
                    "rationale",
                    f"{self.chosen.name} is not the top suggestion: say why you chose them, in "
                    f"at least {RATIONALE_MIN} characters ({len(text)} so far).",
                )
            ]
        return rationale_problems(text)

    def submit(self) -> Changes:
        return self.services.matching.propose(
            self.found.person_id, self.chosen.psw_id, self.text(), viewer=self.viewer
        )
