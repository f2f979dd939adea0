"""The Excluded tab of a person's suggestions: why-not groups with counts, and each PSW left out."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from peerdesk.domain.matching.constraints import headline
from peerdesk.services.matching_records import Exclusion, ExclusionGroup, Suggestions
from peerdesk.ui.check_fields import RecordsView, RowsModel
from peerdesk.ui.check_tables import fit_to_rows
from peerdesk.ui.record_section import details_label

ALL = "All excluded peer workers"
NONE_EXCLUDED = "No active peer worker is excluded for this person."


def group_label(group: ExclusionGroup | str) -> str:
    """ "Excluded: no places left" -> "No places left" (the tab already says "Excluded")."""
    text = group if isinstance(group, str) else group.headline
    text = text.removeprefix("Excluded: ")
    return text[:1].upper() + text[1:]


def group_line(group: ExclusionGroup) -> str:
    """ "No places left — 12" """
    return f"{group_label(group)} — {group.count}"


class ExcludedView(QWidget):
    """Pick a why-not group (or all) to list the PSWs it excludes; pick a PSW to read every
    sentence of their why-not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.found: Suggestions | None = None
        self.shown: list[Exclusion] = []
        self.none = QLabel(NONE_EXCLUDED)
        self.none.setWordWrap(True)
        self.groups_model = RowsModel(["Why not", "Peer workers"], self)
        self.groups = RecordsView(self.groups_model, "Why-not groups", on_open=self._to_people)
        self.groups_caption = QLabel("&Why not, with how many each excludes (pick one to filter):")
        self.groups_caption.setWordWrap(True)
        self.groups_caption.setBuddy(self.groups)
        self.people_model = RowsModel(["Peer worker", "Why not"], self)
        self.people = RecordsView(self.people_model, "Excluded peer workers", on_open=lambda: None)
        self.people_caption = QLabel("E&xcluded peer workers:")
        self.people_caption.setBuddy(self.people)
        self.why_not = details_label("Why the selected peer worker is excluded")
        layout = QVBoxLayout(self)
        layout.addWidget(self.none)
        for widget in (self.groups_caption, self.groups, self.people_caption, self.people):
            layout.addWidget(widget)
        layout.addWidget(self.why_not)
        layout.addStretch(1)
        self.groups.selectionModel().selectionChanged.connect(self._filter)
        self.people.selectionModel().selectionChanged.connect(self._show_why_not)
        self.set_found(None)

    def set_found(self, found: Suggestions | None) -> None:
        """Show ``found``'s exclusions, keeping the chosen group and PSW where they remain."""
        before = self.chosen_group()
        kept = self.selected()
        self.found = found
        groups = found.groups if found else ()
        total = len(found.excluded) if found else 0
        self.groups_model.set_rows(
            [[ALL, str(total)]] + [[group_label(g), str(g.count)] for g in groups]
        )
        fit_to_rows(self.groups, most=10)
        headlines = [g.headline for g in groups]
        self.groups.select_row(headlines.index(before) + 1 if before in headlines else 0)
        self._filter()
        if kept is not None:
            ids = [e.psw_id for e in self.shown]
            if kept.psw_id in ids:
                self.people.select_row(ids.index(kept.psw_id))
        for widget in (self.groups_caption, self.groups, self.people_caption, self.people):
            widget.setVisible(total > 0)
        self.none.setVisible(found is not None and total == 0)

    def chosen_group(self) -> str | None:
        """The headline picked, or None for all."""
        row = self.groups.selected_row()
        if self.found is None or not row or row > len(self.found.groups):
            return None
        return self.found.groups[row - 1].headline

    def select_group(self, headline_text: str | None) -> None:
        groups = [g.headline for g in self.found.groups] if self.found else []
        self.groups.select_row(groups.index(headline_text) + 1 if headline_text in groups else 0)

    def selected(self) -> Exclusion | None:
        row = self.people.selected_row()
        return None if row is None or row >= len(self.shown) else self.shown[row]

    def _filter(self) -> None:
        group = self.chosen_group()
        everyone = self.found.excluded if self.found else ()
        self.shown = [
            e for e in everyone if group is None or group in {headline(r) for r in e.why_not}
        ]
        self.people_model.set_rows(
            [[e.name, "; ".join(group_label(r) for r in e.why_not)] for e in self.shown]
        )
        fit_to_rows(self.people, most=8)
        which = "" if group is None else f" ({group_label(group).lower()})"
        self.people_caption.setText(f"E&xcluded peer workers{which}: {len(self.shown)}")
        self.people.select_row(0 if self.shown else None)
        self._show_why_not()

    def _to_people(self) -> None:
        self.people.setFocus()

    def _show_why_not(self) -> None:
        chosen = self.selected()
        self.why_not.setText(
            "" if chosen is None else f"{chosen.name}:\n" + "\n".join(chosen.why_not)
        )
        self.why_not.setVisible(chosen is not None)
