"""Record one consent given or withdrawn: how, on what day and (giving) what they were told."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from peerdesk.domain.consent import (
    CHOOSABLE_HOWS,
    MATCHING,
    OTHER_PURPOSES,
    ConsentEntry,
    ConsentHow,
    parse_lived_experience,
    wording_for,
)
from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PswId
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.check_fields import DateField
from peerdesk.ui.fitted_dialog import FittedCheckDialog
from peerdesk.ui.reference_dialog import text_box

USED_FOR_MATCHING = "used for matching"
SHARED = "shared with the person supported"
TOLD_HINT = "What they were told starts as the standard wording: change it to what was said."


def purpose_words(purpose: str, item_names: dict[int, str]) -> str:
    """ "Anxiety: used for matching", or the other purpose's own label."""
    parsed = parse_lived_experience(purpose)
    if parsed is None:
        return next((p.label for p in OTHER_PURPOSES if p.key == purpose), purpose)
    item_id, use = parsed
    name = item_names.get(int(item_id), "A lived experience no longer on the lists")
    return f"{name}: {USED_FOR_MATCHING if use == MATCHING else SHARED}"


def how_combo() -> QComboBox:
    """Written, in person, phone or message; nothing chosen until the user picks one."""
    combo = QComboBox()
    for how in CHOOSABLE_HOWS:
        combo.addItem(how.label, how)
    combo.setPlaceholderText("Choose how…")
    combo.setCurrentIndex(-1)
    return combo


class ConsentDialog(FittedCheckDialog):
    """Giving (``giving``) or withdrawing consent for ``purpose``; OK writes the ledger at once.

    ``what`` completes "They agree that …", e.g. "their lived experience “Anxiety” may be used
    for matching".
    """

    def __init__(
        self,
        services: Services,
        psw_id: PswId,
        purpose: str,
        *,
        giving: bool,
        what: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "Record consent given" if giving else "Record consent withdrawn",
            "&Record consent" if giving else "&Record withdrawal",
            parent,
        )
        self.services = services
        self.psw_id = psw_id
        self.purpose = purpose
        self.giving = giving
        self.entry: ConsentEntry | None = None
        """The ledger entry the save made."""
        self.wording = wording_for(purpose)
        lead = "They agree that" if giving else "They no longer agree that"
        self.what = QLabel(f"{lead} {what}.")
        self.what.setWordWrap(True)
        self._layout.addWidget(self.what)
        self.how = how_combo()
        self.on = DateField("given_on" if giving else "withdrawn_on", "consent", required=True)
        self.on.set_value(services.clock.today())
        self.told = text_box(5, self)
        self.told.setPlainText(self.wording.text)
        how_key = "how" if giving else "withdrawn_how"
        self.add_field(how_key, "&How:", self.how)
        self.add_field(self.on.field, "Given &on:" if giving else "Withdrawn &on:", self.on)
        if giving:
            self.add_note(TOLD_HINT)
            self.told.setAccessibleDescription(TOLD_HINT)
            self.add_field("told", "What they were &told:", self.told)
        else:
            self.told.hide()
        self.finish_layout()
        self.how.currentIndexChanged.connect(self.edited)
        self.on.textEdited.connect(self.edited)
        self.told.textChanged.connect(self.edited)

    def showEvent(self, event: QShowEvent) -> None:
        """Tall enough for the wrapped sentence at the top, at any text size."""
        super().showEvent(event)
        self.show_problems([])

    def chosen_how(self) -> ConsentHow | None:
        found = self.how.currentData()
        return found if isinstance(found, ConsentHow) else None

    def local_problems(self) -> list[Problem]:
        problems = list(self.on.problems())
        day = self.on.value()
        if day is not None and day > self.services.clock.today():
            when = "consent was given" if self.giving else "of withdrawal"
            problems.append(Problem(self.on.field, f"The date {when} cannot be in the future."))
        if self.chosen_how() is None:
            key = "how" if self.giving else "withdrawn_how"
            problems.append(Problem(key, "Choose how: written, in person, phone or message."))
        if self.giving and not self.told.toPlainText().strip():
            problems.append(Problem("told", "Record what they were told when they gave consent."))
        return problems

    def submit(self) -> Changes:
        how = self.chosen_how()
        day = self.on.value()
        assert how is not None and day is not None  # local_problems blocks saving otherwise
        if self.giving:
            told = self.told.toPlainText()
            unchanged = told.strip() == self.wording.text.strip()
            self.entry, changes = self.services.consents.give(
                self.psw_id,
                self.purpose,
                how=how,
                told=told,
                given_on=day,
                wording_version=self.wording.version if unchanged else None,
            )
        else:
            self.entry, changes = self.services.consents.withdraw(
                self.psw_id, self.purpose, how=how, on=day
            )
        return changes
