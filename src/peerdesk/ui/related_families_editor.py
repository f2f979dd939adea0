"""Settings › Matching: which lived-experience families count as related to each other."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QWidget

from peerdesk.domain.taxonomy import ListKind
from peerdesk.domain.text import fold
from peerdesk.services.bundle import Services
from peerdesk.services.changes import Changes
from peerdesk.ui.change_bus import ChangeBus
from peerdesk.ui.form_fields import stacked
from peerdesk.ui.settings_parts import Outcome, SettingsSection, note

INTRODUCTION = (
    "For a person's wished-for experience, a peer worker with the same experience counts 1, "
    "one with other experience in the same family 0.6, and one with experience in a family "
    "marked related here 0.3 (anything else 0). Choose a family, then tick the families "
    "related to it. Related goes both ways, and each tick is saved at once."
)
NO_FAMILIES = "There are no lived-experience families yet: add them on the Lists page."


def toggled(
    related: Mapping[str, Collection[str]], a: str, b: str, on: bool
) -> dict[str, set[str]]:
    """``related`` with ``a`` and ``b`` related (``on``) or not, in both directions.

    Names are compared folded, so a pair saved as "perinatal" is the same as "Perinatal".
    """
    result = {family: set(others) for family, others in related.items()}
    if on:
        result.setdefault(a, set()).add(b)
        return result
    ends = {fold(a), fold(b)}
    for family, others in result.items():
        if fold(family) in ends:
            others -= {o for o in others if fold(o) in ends}
    return result


def families(services: Services) -> list[str]:
    """Every lived-experience family once (retired entries' too), in alphabetical order."""
    seen: dict[str, str] = {}
    for item in services.lists.items(ListKind.LIVED_EXPERIENCE):
        if item.family.strip():
            seen.setdefault(fold(item.family), item.family)
    return sorted(seen.values(), key=fold)


class RelatedFamiliesSection(SettingsSection):
    """Families on the left; on the right a tick for each other family related to the chosen one."""

    def __init__(self, services: Services, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(services, bus, parent)
        self.column.addWidget(note(INTRODUCTION))
        self.empty = note(NO_FAMILIES)
        self.column.addWidget(self.empty)
        self.families = QListWidget(self)
        self.families.setAccessibleName("Family")
        self.related = QListWidget(self)
        self.related.setAccessibleName("Families related to it")
        for view in (self.families, self.related):
            view.setMinimumWidth(view.fontMetrics().averageCharWidth() * 28)
            view.setMinimumHeight(view.fontMetrics().height() * 8)
        self.related_caption = QLabel("&Which are related:", self)
        self.related_caption.setBuddy(self.related)
        family_caption = QLabel("Famil&y:", self)
        family_caption.setBuddy(self.families)
        self.lists = QWidget(self)
        side_by_side = QHBoxLayout(self.lists)
        side_by_side.setContentsMargins(0, 0, 0, 0)
        side_by_side.addWidget(stacked(family_caption, self.families), 1)
        side_by_side.addWidget(stacked(self.related_caption, self.related), 1)
        self.column.addWidget(self.lists)
        self.pairs = note("")
        self.pairs.setAccessibleName("Related families now")
        self.column.addWidget(self.pairs)
        self.finish()
        self._names: list[str] = []
        self._related: dict[str, set[str]] = {}  # folded family -> folded related families
        self.families.currentRowChanged.connect(lambda _row: self._fill_related())
        self.related.itemChanged.connect(self._ticked)
        self.refresh()

    def cares(self, changes: Changes) -> bool:
        return changes.settings or changes.lists

    def chosen(self) -> str | None:
        item = self.families.currentItem()
        return item.text() if item is not None else None

    def refresh(self) -> None:
        keep = self.chosen()
        names = families(self.services)
        stored = self.services.matching_settings.related_families()
        self._related = {}
        for family, others in stored.items():
            self._related.setdefault(fold(family), set()).update(fold(o) for o in others)
        if names != self._names:
            self._names = names
            self.families.blockSignals(True)
            self.families.clear()
            self.families.addItems(names)
            self.families.blockSignals(False)
            folded = [fold(n) for n in names]
            row = folded.index(fold(keep)) if keep and fold(keep) in folded else 0
            self.families.setCurrentRow(row if names else -1)
        self.empty.setVisible(not names)
        self.lists.setVisible(bool(names))
        self._fill_related()
        self._say_pairs()

    def _fill_related(self) -> None:
        chosen = self.chosen()
        keep = self.related.currentRow()
        self.related.blockSignals(True)
        self.related.clear()
        if chosen is not None:
            ticked = self._related.get(fold(chosen), set())
            for name in self._names:
                if fold(name) == fold(chosen):
                    continue
                item = QListWidgetItem(name, self.related)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                on = fold(name) in ticked
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.related_caption.setText(f"&Which are related to {chosen.replace('&', '&&')}:")
        self.related.setCurrentRow(min(max(keep, 0), self.related.count() - 1))
        self.related.blockSignals(False)

    def _say_pairs(self) -> None:
        by_fold = {fold(n): n for n in self._names}
        pairs = sorted(
            {
                (by_fold[a], by_fold[b])
                for a, others in self._related.items()
                for b in others
                if a in by_fold and b in by_fold and fold(by_fold[a]) < fold(by_fold[b])
            },
            key=lambda pair: (fold(pair[0]), fold(pair[1])),
        )
        listed = "; ".join(f"{a} and {b}" for a, b in pairs)
        self.pairs.setText(f"Related now: {listed}." if pairs else "No families are related yet.")

    def _ticked(self, item: QListWidgetItem) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        other = item.text()
        on = item.checkState() == Qt.CheckState.Checked

        def run() -> Outcome:
            stored = self.services.matching_settings.related_families()
            changes = self.services.matching_settings.set_related_families(
                toggled(stored, chosen, other, on)
            )
            said = "are now related" if on else "are no longer related"
            return changes, f"{chosen} and {other} {said}."

        self.attempt(run)
