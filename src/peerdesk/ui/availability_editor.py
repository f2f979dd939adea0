"""The Availability tab: the weekly grid, hours per week, area, travel distance and capacity."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.ids import TaxonomyItemId
from peerdesk.domain.psw import PswDetails
from peerdesk.domain.psw_rules import MAX_CAPACITY, MAX_HOURS_PER_WEEK, MAX_TRAVEL_MILES
from peerdesk.domain.taxonomy import ListItem
from peerdesk.ui.availability_grid import AvailabilityGrid
from peerdesk.ui.form_fields import ProblemLabel, add_row, compact, new_form_layout, section
from peerdesk.ui.item_checklist import item_label

NOT_RECORDED = "Not recorded"


def hours_text(hours: float) -> str:
    """12.0 -> "12", 7.5 -> "7.5"."""
    return f"{hours:g}"


class AvailabilityEditor(QWidget):
    """Edits availability, hours, area, travel and capacity of ``PswDetails``."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._areas: list[ListItem] = []
        self.grid = AvailabilityGrid()
        self.ticked = QLabel()
        self.ticked.setAccessibleName("Hours ticked")
        self.hours = QDoubleSpinBox()
        self.hours.setRange(-0.5, MAX_HOURS_PER_WEEK)
        self.hours.setSingleStep(0.5)
        self.hours.setDecimals(1)
        self.hours.setSpecialValueText(NOT_RECORDED)
        self.hours.setSuffix(" hours")
        self.use_ticked = QPushButton("Use &ticked hours")
        self.use_ticked.setAccessibleName("Use ticked hours as hours per week")
        self.area = compact(QComboBox())
        self.travel = QSpinBox()
        self.travel.setRange(-1, MAX_TRAVEL_MILES)
        self.travel.setSpecialValueText(NOT_RECORDED)
        self.travel.setSuffix(" miles")
        self.capacity = QSpinBox()
        self.capacity.setRange(0, MAX_CAPACITY)
        self.capacity.setSuffix(" at once")

        grid_box = QVBoxLayout()
        how = QLabel(
            "Tick the half-hours they are usually free: click or drag across cells, or move with "
            "the arrow keys and press Space. Scroll for early mornings and late evenings."
        )
        how.setWordWrap(True)
        grid_box.addWidget(how)
        grid_box.addWidget(self.grid, 1)
        grid_box.addWidget(self.ticked)

        form = new_form_layout()
        hours_row = QWidget()
        hours_layout = QHBoxLayout(hours_row)
        hours_layout.setContentsMargins(0, 0, 0, 0)
        hours_layout.addWidget(self.hours, 1)
        hours_layout.addWidget(self.use_ticked)
        hours_row.setFocusProxy(self.hours)
        add_row(form, "Hours &per week", hours_row)
        self.hours.setAccessibleName("Hours per week")
        self.problems = {"hours_per_week": ProblemLabel().attach(form, self.hours)}
        add_row(form, "Area they &cover", self.area, name="Area")
        self.problems["area_id"] = ProblemLabel().attach(form, self.area)
        add_row(form, "Trave&l up to", self.travel, name="Travel distance in miles")
        self.problems["travel_miles"] = ProblemLabel().attach(form, self.travel)
        add_row(form, "Capacit&y (people)", self.capacity, name="Capacity: people at once")
        self.problems["capacity"] = ProblemLabel().attach(form, self.capacity)

        layout = QVBoxLayout(self)
        layout.addWidget(section("Weekly availability", grid_box), 1)
        layout.addWidget(section("Hours, area and capacity", form))

        self.grid.changed.connect(self._on_grid)
        self.use_ticked.clicked.connect(self._use_ticked)
        self.hours.valueChanged.connect(self.changed)
        self.area.currentIndexChanged.connect(self.changed)
        self.travel.valueChanged.connect(self.changed)
        self.capacity.valueChanged.connect(self.changed)
        self._fill_areas(None)
        self._update_ticked()

    def set_items(self, areas: Iterable[ListItem]) -> None:
        self._areas = list(areas)
        self._fill_areas(self.area.currentData())

    def show_details(self, d: PswDetails) -> None:
        self.grid.set_value(d.availability)
        self.hours.setValue(-0.5 if d.hours_per_week is None else d.hours_per_week)
        self._fill_areas(d.area_id)
        self.travel.setValue(-1 if d.travel_miles is None else d.travel_miles)
        self.capacity.setValue(d.capacity)
        self._update_ticked()

    def apply_to(self, d: PswDetails) -> PswDetails:
        hours = self.hours.value()
        miles = self.travel.value()
        return replace(
            d,
            availability=self.grid.value(),
            hours_per_week=None if hours < 0 else hours,
            area_id=self.area.currentData(),
            travel_miles=None if miles < 0 else miles,
            capacity=self.capacity.value(),
        )

    def _fill_areas(self, chosen: TaxonomyItemId | None) -> None:
        self.area.blockSignals(True)
        self.area.clear()
        self.area.addItem(NOT_RECORDED, None)
        for item in self._areas:
            if not item.retired or item.id == chosen:
                self.area.addItem(item_label(item), item.id)
        if chosen is not None and self.area.findData(chosen) < 0:
            self.area.addItem(f"Unknown area #{chosen}", chosen)
        self.area.setCurrentIndex(self.area.findData(chosen) if chosen is not None else 0)
        self.area.blockSignals(False)

    def _on_grid(self) -> None:
        self._update_ticked()
        self.changed.emit()

    def _update_ticked(self) -> None:
        hours = self.grid.value().hours_per_week
        unit = "hour" if hours == 1 else "hours"
        self.ticked.setText(f"{hours_text(hours)} {unit} a week ticked.")
        self.use_ticked.setEnabled(hours > 0 and hours <= MAX_HOURS_PER_WEEK)

    def _use_ticked(self) -> None:
        self.hours.setValue(self.grid.value().hours_per_week)
