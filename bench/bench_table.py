"""The peer workers table: open, sort and filter as a user would, against raw SQLCipher SELECTs.

Each figure is the model call plus the view's next paint (``view.grab()``), so lazily loaded
rows are counted. The floor for each is the bare SQL that finds the same ids, in the same order.
"""

from __future__ import annotations

import os
import sys
from functools import partial

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sqlcipher3
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView

from _common import (
    PASSPHRASE,
    Figure,
    demo_vault,
    median_of,
    parser,
    print_table,
    rss_mb,
    settings,
)
from peerdesk.domain.psw import PswQuery, PswSort
from peerdesk.domain.text import fold
from peerdesk.services import vault_service
from peerdesk.services.bundle import Services, build
from peerdesk.storage.psw_queries import like_pattern
from peerdesk.storage.vault import keyslots
from peerdesk.storage.vault.files import VaultPaths
from peerdesk.ui.psw_table_model import COLUMNS, PswTableModel

TARGET_SECONDS = 0.100
TARGET_RSS_MB = 200.0
TYPED = ("zo", "nguy", "a")

# The ORDER BY each sort runs, for the raw-SQL floor (kept in step with psw_queries by a check).
_ORDER = {
    PswSort.NAME: "p.name_key",
    PswSort.KNOWN_AS: "p.known_as, p.name_key",
    PswSort.STATUS: "p.status, p.name_key",
    PswSort.SINCE: "p.status_since, p.name_key",
    PswSort.ROLE: "p.role, p.name_key",
    PswSort.AREA: "a.name, p.name_key",
    PswSort.CAPACITY: "p.capacity, p.name_key",
    PswSort.UPDATED: "p.updated_at",
}


class RawFloor:
    """The same ids straight from SQLCipher with the raw key: what the table cannot beat."""

    def __init__(self, paths: VaultPaths) -> None:
        key = keyslots.unlock(paths, PASSPHRASE)
        self.connection = sqlcipher3.connect(str(paths.db))
        self.connection.execute(f"PRAGMA key = \"x'{bytes(key).hex()}'\"")
        keyslots.wipe(key)

    def ids(self, query: PswQuery) -> list[int]:
        direction = " DESC" if query.descending else ""
        order = ", ".join(part + direction for part in _ORDER[query.sort].split(", "))
        sql = (
            "SELECT p.id FROM psw p LEFT JOIN list_item a ON a.id = p.area_id WHERE p.archived = 0"
        )
        params: list[str] = []
        if fold(query.text):
            sql += " AND p.search_key LIKE ? ESCAPE '\\'"
            params.append(like_pattern(query.text))
        return [row[0] for row in self.connection.execute(f"{sql} ORDER BY {order}, p.id", params)]


class Table:
    """A PswTableModel in a QTableView set up as the Peer workers page sets up its table."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.view = QTableView()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.resize(1200, 800)
        self.model: PswTableModel | None = None

    def open(self) -> None:
        self.model = PswTableModel(self.services)
        self.view.setModel(self.model)
        self.view.grab()

    def run(self, query: PswQuery) -> None:
        assert self.model is not None
        self.model.set_query(query)
        self.view.grab()

    def sort(self, column: int, order: Qt.SortOrder) -> None:
        assert self.model is not None
        self.model.sort(column, order)
        self.view.grab()

    def ids(self) -> list[int]:
        assert self.model is not None
        return list(self.model.ids())

    def scroll(self, *, to_end: bool) -> None:
        if to_end:
            self.view.scrollToBottom()
        else:
            self.view.scrollToTop()
        self.view.grab()


class Bench:
    """Each figure: the table's median against the raw SQL floor for the same ids."""

    def __init__(self, table: Table, floor: RawFloor, runs: int) -> None:
        self.table, self.floor, self.runs = table, floor, runs

    def floor_of(self, query: PswQuery) -> float:
        return median_of(self.runs, partial(self.floor.ids, query))

    def opening(self) -> list[Figure]:
        base = PswQuery()
        opened = median_of(self.runs, self.table.open)  # a new model each run, as a new window
        self.table.view.show()
        QApplication.processEvents()
        assert self.table.ids() == self.floor.ids(base), "the table and the floor disagree"
        rows = len(self.table.ids())
        return [
            # Painting is part of every figure below; this shows how much of each it is.
            Figure(
                "floor: repaint alone (view.grab(), nothing changed)",
                median_of(self.runs, self.table.view.grab),
            ),
            Figure(
                f"open: model + first paint ({rows:,} rows)",
                opened,
                target=TARGET_SECONDS,
                floor=self.floor_of(base),
            ),
        ]

    def sorting(self) -> list[Figure]:
        figures = []
        for column, (label, sort) in enumerate(COLUMNS):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                descending = order == Qt.SortOrder.DescendingOrder
                query = PswQuery(sort=sort, descending=descending)
                away = PswQuery(sort=PswSort.UPDATED if sort is PswSort.NAME else PswSort.NAME)
                value = median_of(
                    self.runs,
                    partial(self.table.sort, column, order),
                    before=partial(self.table.run, away),
                )
                assert self.table.ids() == self.floor.ids(query), f"sort by {label} disagrees"
                arrow = "▼" if descending else "▲"
                figures.append(
                    Figure(
                        f"sort by {label} {arrow}",
                        value,
                        target=TARGET_SECONDS,
                        floor=self.floor_of(query),
                    )
                )
        return figures

    def filtering(self) -> list[Figure]:
        figures = []
        reset = partial(self.table.run, PswQuery())
        for text in TYPED:
            keystrokes = [PswQuery(text=text[: i + 1]) for i in range(len(text))]
            worst = max(
                median_of(self.runs, partial(self.table.run, q), before=reset) for q in keystrokes
            )
            assert self.table.ids() == self.floor.ids(keystrokes[-1]), f"{text!r} disagrees"
            found = len(self.table.ids())
            figures.append(
                Figure(
                    f'filter: type "{text}" (slowest keystroke; {found:,} rows)',
                    worst,
                    target=TARGET_SECONDS,
                    floor=self.floor_of(keystrokes[-1]),
                )
            )
        return figures

    def scrolling(self) -> list[Figure]:
        self.table.run(PswQuery())
        value = median_of(
            self.runs,
            partial(self.table.scroll, to_end=True),
            before=partial(self.table.scroll, to_end=False),
        )
        return [Figure("scroll to the last row + paint", value, target=TARGET_SECONDS)]


def main() -> int:
    args = parser(__doc__.splitlines()[0]).parse_args()
    s = settings(args)
    paths = VaultPaths(demo_vault(s.work, s.psws))
    _app = QApplication.instance() or QApplication(sys.argv[:1])  # kept alive to the end
    services = build(vault_service.unlock(paths, PASSPHRASE))
    bench = Bench(Table(services), RawFloor(paths), s.runs)
    figures = bench.opening()
    rss = rss_mb()
    figures += bench.sorting() + bench.filtering() + bench.scrolling()
    rss_target = TARGET_RSS_MB if s.psws <= 10_000 else None
    figures.append(Figure("memory (VmRSS) after opening", rss, target=rss_target, unit="MB"))
    ok = print_table(
        f"Peer workers table, {s.psws:,} PSWs, median of {s.runs} "
        f"(target ≤ {TARGET_SECONDS * 1000:.0f} ms each)",
        figures,
    )
    services.close()
    return 0 if ok or s.quick else 1


if __name__ == "__main__":
    sys.exit(main())
