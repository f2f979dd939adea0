"""What every Settings section shares: one service call per save, a status line and the bus."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from peerdesk.domain.errors import PeerDeskError, Problem, ValidationFailed
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.check_fields import CheckDialog, OpensDialogs
from peerdesk.ui.form_fields import ProblemLabel

Outcome = tuple[Changes, str]
"""What a save changed, and the sentence the status line shows afterwards."""


def note(text: str) -> QLabel:
    """A wrapped explanation under a section's title."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def whole_number(
    text: str, *, field: str, what: str, problems: list[Problem], blank_ok: bool = False
) -> int | None:
    """``text`` as a whole number; a problem naming ``what`` when it is not one."""
    clean = text.strip().replace(",", "")
    if not clean:
        if not blank_ok:
            problems.append(Problem(field, f"Enter the {what} as a whole number."))
        return None
    try:
        return int(clean)
    except ValueError:
        problems.append(Problem(field, f"The {what} must be a whole number, such as 12."))
        return None


class SettingsSection(QWidget, OpensDialogs):
    """One part of the Settings page. Each save is one service call, published on the bus.

    ``status`` says what the last save did; ``problem`` shows a refusal that names no field.
    """

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.dialog: CheckDialog | None = None
        """The dialog open now (window-modal but not blocking, so tests can fill it in)."""
        self.problem = ProblemLabel(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Last change")
        self.status.hide()  # an empty line would leave a gap under every section
        self.column = QVBoxLayout(self)

    def finish(self, *, stretch: bool = True) -> None:
        """Call after adding the section's own widgets: problems and status go last.

        ``stretch=False`` when a table above should take the spare height instead.
        """
        self.column.addWidget(self.problem)
        self.column.addWidget(self.status)
        if stretch:
            self.column.addStretch(1)

    def say(self, message: str) -> None:
        """Show what the last save did (or nothing)."""
        self.status.setText(message)
        self.status.setVisible(bool(message))

    def cares(self, changes: Changes) -> bool:
        """Whether ``changes`` (made elsewhere) may alter what this section shows."""
        return changes.policies

    def refresh(self) -> None:
        raise NotImplementedError

    def show_problems(self, problems: Sequence[Problem]) -> None:
        self.problem.set_problems(problems)

    def attempt(self, action: Callable[[], Outcome]) -> bool:
        """Run one save; show a refusal inline (what was typed stays), else publish it."""
        self.say("")
        try:
            changes, message = action()
        except ValidationFailed as error:
            self.show_problems(error.problems)
            return False
        except PeerDeskError as error:
            self.show_problems([Problem("", str(error))])
            self.refresh()
            return False
        self.show_problems([])
        self.refresh()
        self.say(message)
        self.bus.publish(changes, origin=self)
        return True

    def open_dialog(self, dialog: CheckDialog, message: Callable[[], str]) -> None:
        """Show ``dialog``; when it saves, re-read, say ``message()`` and publish its changes."""
        self.say("")
        self.open_kept(dialog, lambda: self._saved(dialog, message))

    def _saved(self, dialog: CheckDialog, message: Callable[[], str]) -> None:
        self.refresh()
        self.say(message())
        self.bus.publish(dialog.changes, origin=self)
