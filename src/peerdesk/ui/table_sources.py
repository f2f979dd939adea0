"""Which table Export table… takes from each page: its rows as shown, in its filter and sort."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStackedWidget, QTableView, QWidget

from peerdesk.domain.ids import PswId
from peerdesk.domain.progress import Progress
from peerdesk.domain.search_results import SearchResult
from peerdesk.export.table_rows import (
    ATTENTION_HEADERS,
    PEOPLE_HEADERS,
    PSW_HEADERS,
    SEARCH_HEADERS,
    attention_cells,
    person_cells,
    psw_cells,
    search_cells,
)
from peerdesk.services.bundle import Services
from peerdesk.ui import message_boxes
from peerdesk.ui.needs_attention_page import NeedsAttentionPage
from peerdesk.ui.people_page import PeoplePage
from peerdesk.ui.psw_page import PswPage
from peerdesk.ui.table_export_flow import (
    TITLE,
    Row,
    TableExport,
    records_table,
    save_table,
    visible_columns,
)

READ_BLOCK = 1000
"""Peer workers read per query while exporting (their table model holds ids only)."""
NO_TABLE = "This page has no table to export. Go to Needs attention, Peer workers or People."


def psw_table(services: Services, page: PswPage) -> TableExport:
    """The peer workers the page lists now (its search, filter, sort and viewer)."""
    columns = visible_columns(page.table)
    ids = tuple(page.model.ids())

    def rows(progress: Progress) -> list[Row]:
        out: list[Row] = []
        total = len(ids)
        progress.step(0, total)
        for start in range(0, total, READ_BLOCK):
            block: Sequence[PswId] = ids[start : start + READ_BLOCK]
            found = {row.id: row for row in services.psws.rows(block)}
            for psw_id in block:
                row = found.get(psw_id)
                if row is not None:  # removed since the list was read
                    values = psw_cells(row)
                    out.append(tuple(values[c] for c in columns))
            progress.step(min(start + READ_BLOCK, total), total)
        return out

    headers = tuple(PSW_HEADERS[c] for c in columns)
    return TableExport(_stem(services, "peer-workers"), headers, rows)


def people_table(services: Services, page: PeoplePage) -> TableExport:
    """The waiting list as the page shows it; the wait as a number of days."""
    model = page.model
    return records_table(
        page.table,
        stem=_stem(services, "people-waiting"),
        headers=PEOPLE_HEADERS,
        records=[model.line(row) for row in range(model.rowCount())],
        cells=person_cells,
    )


def attention_table(services: Services, page: NeedsAttentionPage) -> TableExport:
    """The Needs attention lines in the order the page sorts them."""
    model = page.model
    items = [item for r in range(model.rowCount()) if (item := model.item_at(r)) is not None]
    today = model.today
    return records_table(
        page.table,
        stem=_stem(services, "needs-attention"),
        headers=ATTENTION_HEADERS,
        records=items,
        cells=lambda item: attention_cells(item, today),
    )


def export_search_results(
    parent: QWidget, services: Services, results: Sequence[SearchResult]
) -> None:
    """Find in notes: the results listed now, best first, snippets as plain text."""
    if not results:
        message_boxes.show_error(parent, TITLE, "There are no results to export: search first.")
        return
    kept = tuple(results)

    def rows(progress: Progress) -> list[Row]:
        progress.step(0, len(kept))
        return [search_cells(result) for result in kept]

    save_table(parent, TableExport(_stem(services, "notes-found"), SEARCH_HEADERS, rows))


def _stem(services: Services, what: str) -> str:
    return f"{what}-{services.clock.today().isoformat()}"


def table_of(services: Services, page: QWidget | None) -> TableExport | None:
    """The exportable table on ``page``, or None if it has none."""
    if isinstance(page, PswPage):
        return psw_table(services, page)
    if isinstance(page, PeoplePage):
        return people_table(services, page)
    if isinstance(page, NeedsAttentionPage):
        return attention_table(services, page)
    return None


def export_current_table(window: QWidget, services: Services, page: QWidget | None) -> None:
    """Export table… on ``page``: the save flow, or a plain word that it has no table."""
    table = table_of(services, page)
    if table is None:
        message_boxes.show_error(window, TITLE, NO_TABLE)
        return
    save_table(window, table)


def install_table_export(
    window: QMainWindow, services: Services, pages: QStackedWidget, menu: QMenu
) -> QAction:
    """File > Export table… (Ctrl+Shift+E) for the page shown, and the same on each table's
    context menu (right-click, or the Menu key)."""
    action = QAction("E&xport table…", window)
    action.setShortcut(QKeySequence("Ctrl+Shift+E"))
    action.setStatusTip("Save the table on this page, as filtered and sorted, for a spreadsheet")
    action.triggered.connect(lambda: export_current_table(window, services, pages.currentWidget()))
    menu.addAction(action)
    for index in range(pages.count()):
        page = pages.widget(index)
        view = getattr(page, "table", None)
        if isinstance(page, PswPage | PeoplePage | NeedsAttentionPage) and isinstance(
            view, QTableView
        ):
            context = QAction("E&xport table…", view)
            context.triggered.connect(
                lambda _checked=False, p=page: export_current_table(window, services, p)
            )
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            view.addAction(context)
    return action
