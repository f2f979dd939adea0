"""Find in notes: search supervision notes, check-ins, actions and plans as you type; Enter opens.

Results arrive from the search service in the background, a moment after typing stops. Every
result shows its PSW, kind and date as plain text; the snippet is the one piece of rich text,
built by the domain from escaped text with only its matches made bold.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk.domain.errors import PeerDeskError
from peerdesk.domain.ids import PswId
from peerdesk.domain.roles import Role
from peerdesk.domain.search_results import SearchKind, SearchPage, SearchResult
from peerdesk.domain.viewer import Viewer
from peerdesk.services.bundle import Services
from peerdesk.ui import background

SEARCH_DELAY_MS = 250
HEADING_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2
RESULT_ROLE = Qt.ItemDataRole.UserRole + 3
PLANS_TAB = "Plans"
SUPERVISION_TAB = "Supervision"
FAILED = "The search could not be run: try again, or restart PeerDesk if this persists."

Opener = Callable[[PswId, str], bool]
"""Opens a PSW at the form tab with that title; False if they could not be shown."""


NO_NOTES = "Trustees see counts only: no notes are searched."
"""What a trustee sees instead of "Include confidential"."""
COORDINATOR_TIP = "Search confidential notes and plans too. Private notes are never searched."
SUPERVISOR_TIP = (
    "Search the confidential notes of your own sessions (where you are the supervisor) and your "
    "supervisees' confidential plans too. Other supervisors' confidential notes and private "
    "notes are never searched."
)


def tab_for(kind: SearchKind) -> str:
    """The PSW form tab a result of ``kind`` opens at."""
    return PLANS_TAB if kind.is_plan else SUPERVISION_TAB


def show_tab(tabs: QTabWidget, title: str) -> None:
    """Make the tab called ``title`` current (its mnemonic ampersands ignored), if there is one."""
    for index in range(tabs.count()):
        if tabs.tabText(index).replace("&", "") == title:
            tabs.setCurrentIndex(index)
            return


def heading(result: SearchResult) -> str:
    return f"{result.psw_name} · {result.kind_label} · {result.date_text}"


class SnippetDelegate(QStyledItemDelegate):
    """Paints a result: its heading as plain text, then the snippet (matches in bold)."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view

    def _document(self, html: str, width: int) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(self._view.font())
        doc.setDocumentMargin(0)
        doc.setHtml(html)
        doc.setTextWidth(max(width, 80))
        return doc

    def _inner_width(self) -> int:
        return self._view.viewport().width() - self._pad() * 2

    def _pad(self) -> int:
        return max(4, self._view.fontMetrics().height() // 4)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        doc = self._document(str(index.data(HTML_ROLE) or ""), self._inner_width())
        height = self._view.fontMetrics().lineSpacing() + int(doc.size().height())
        return QSize(self._inner_width(), height + self._pad() * 3)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = self._view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, self._view)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        pad = self._pad()
        rect = opt.rect.adjusted(pad, pad, -pad, -pad)
        painter.save()
        painter.setPen(opt.palette.color(role))
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        line = self._view.fontMetrics().lineSpacing()
        text = self._view.fontMetrics().elidedText(
            str(index.data(HEADING_ROLE) or ""), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(rect.x(), rect.y(), rect.width(), line, Qt.TextFlag.TextSingleLine, text)
        doc = self._document(str(index.data(HTML_ROLE) or ""), rect.width())
        painter.translate(rect.x(), rect.y() + line + pad // 2)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        doc.documentLayout().draw(painter, context)
        painter.restore()


class SearchField(QLineEdit):
    """The query field: Down moves into the results, Enter opens the highlighted one."""

    def __init__(self, dialog: SearchDialog) -> None:
        super().__init__()
        self._dialog = dialog

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self._dialog.results.count():
            self._dialog.results.setFocus(Qt.FocusReason.TabFocusReason)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._dialog.open_top()
            return
        super().keyPressEvent(event)


class ResultsList(QListWidget):
    """Results, one per row; Enter opens the current one."""

    def __init__(self, dialog: SearchDialog) -> None:
        super().__init__()
        self._dialog = dialog

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._dialog.open_current()
            return
        super().keyPressEvent(event)


class SearchDialog(QDialog):
    """Find in notes: a query field, "Include confidential", and the results best first."""

    def __init__(
        self,
        services: Services,
        viewer: Callable[[], Viewer],
        opener: Opener,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Find in notes")
        self.services = services
        self._viewer = viewer
        self._opener = opener
        self._serial = 0
        self._answered = 0
        self._open_when_answered = False
        self._page: SearchPage | None = None

        self.query = SearchField(self)
        self.query.setAccessibleName("Find in notes")
        self.query.setPlaceholderText('Words, or "a phrase"')
        self.query.setMaxLength(10_000)
        label = QLabel("F&ind:")
        label.setBuddy(self.query)
        self.include_confidential = QCheckBox("Include &confidential")
        self.include_confidential.setAccessibleName("Include confidential")
        role = services.viewer.role
        supervisor = role is Role.SUPERVISOR
        self.include_confidential.setToolTip(SUPERVISOR_TIP if supervisor else COORDINATOR_TIP)
        self.include_confidential.setAccessibleDescription(self.include_confidential.toolTip())
        searches = role is not Role.TRUSTEE
        self.include_confidential.setHidden(not searches)
        self.include_confidential.setEnabled(searches)
        self.no_notes = QLabel(NO_NOTES)
        self.no_notes.setAccessibleName(NO_NOTES)
        self.no_notes.setHidden(searches)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Search status")
        self.results = ResultsList(self)
        self.results.setAccessibleName("Results")
        self.results.setItemDelegate(SnippetDelegate(self.results))
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.itemActivated.connect(lambda _item: self.open_current())
        self.open_button = QPushButton("&Open")
        self.open_button.setAccessibleName("Open the peer worker")
        self.open_button.clicked.connect(self.open_current)
        self.more_button = QPushButton("Show &more")
        self.more_button.setAccessibleName("Show more results")
        self.more_button.clicked.connect(self.show_more)
        self.export_button = QPushButton("E&xport results…")
        self.export_button.setAccessibleName("Export results")
        self.export_button.clicked.connect(self.export_results)
        close = QPushButton("C&lose")
        close.setAccessibleName("Close")
        close.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.query, 1)
        top.addWidget(self.include_confidential)
        top.addWidget(self.no_notes)
        buttons = QHBoxLayout()
        buttons.addWidget(self.more_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.results, 1)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.query.textChanged.connect(self._timer.start)
        self.include_confidential.toggled.connect(lambda _on: self.search_now())
        em = self.fontMetrics().averageCharWidth()
        self.resize(em * 100, self.fontMetrics().lineSpacing() * 30)
        self._show(SearchPage((), "Type a word to search."), append=False)

    def start(self) -> None:
        """Show the dialog with its field focused and selected (records indexed first, once)."""
        try:
            self.services.search.ensure_indexed()
        except PeerDeskError as error:
            self.message.setText(str(error))
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    # --- searching --------------------------------------------------------------------------

    def search_now(self, page: int = 0) -> None:
        """Search for what is typed now (typing waits a moment first)."""
        self._timer.stop()
        self._serial += 1
        serial = self._serial
        typed = self.query.text()
        include = self.include_confidential.isEnabled() and self.include_confidential.isChecked()
        viewer = self._viewer()
        search = self.services.search
        background.default_executor().submit(
            lambda: search.search(typed, include_confidential=include, viewer=viewer, page=page),
            lambda found: self._arrived(serial, found, append=page > 0),
            lambda error: self._failed(serial, error),
        )

    def show_more(self) -> None:
        if self._page is not None and self._page.has_more:
            self.search_now(self._page.page + 1)

    def _arrived(self, serial: int, found: object, *, append: bool) -> None:
        if serial != self._serial:  # an older search finishing late: its answer is stale
            return
        assert isinstance(found, SearchPage)
        self._answered = serial
        self._show(found, append=append)
        if self._open_when_answered:
            self._open_when_answered = False
            self.open_current()

    def _failed(self, serial: int, error: BaseException) -> None:
        if serial == self._serial:
            self._answered, self._open_when_answered = serial, False
            self.message.setText(str(error) if isinstance(error, PeerDeskError) else FAILED)

    def _show(self, page: SearchPage, *, append: bool) -> None:
        self._page = page
        first_new = self.results.count() if append else 0
        if not append:
            self.results.clear()
        for result in page.results:
            item = QListWidgetItem(f"{heading(result)}\n{result.snippet_text}")
            item.setData(HEADING_ROLE, heading(result))
            item.setData(HTML_ROLE, result.snippet_html)
            item.setData(RESULT_ROLE, result)
            self.results.addItem(item)
        self.message.setText(page.message)
        self.more_button.setEnabled(page.has_more)
        self.open_button.setEnabled(self.results.count() > 0)
        if self.results.count() > first_new:
            self.results.setCurrentRow(first_new)

    # --- opening ----------------------------------------------------------------------------

    def export_results(self) -> None:
        """Save the results listed now for a spreadsheet (after the unencrypted-file warning)."""
        from peerdesk.ui.table_sources import export_search_results

        listed = (self.results.item(row).data(RESULT_ROLE) for row in range(self.results.count()))
        found = [r for r in listed if isinstance(r, SearchResult)]
        export_search_results(self, self.services, found)

    def current_result(self) -> SearchResult | None:
        item = self.results.currentItem()
        found = None if item is None else item.data(RESULT_ROLE)
        return found if isinstance(found, SearchResult) else None

    def open_top(self) -> None:
        """Enter in the field: open the highlighted result of what is typed now (waiting for
        the search if typing has just stopped)."""
        if self._timer.isActive():
            self.search_now()
        if self._answered == self._serial:
            self.open_current()
        else:
            self._open_when_answered = True

    def open_current(self) -> None:
        """Open the highlighted result's PSW at the tab it belongs to, and step aside."""
        result = self.current_result()
        if result is None:
            return
        if self._opener(result.psw_id, tab_for(result.kind)):
            self.hide()
        else:
            self.message.setText(
                f"{result.psw_name} could not be opened: they may have been removed, or the "
                "peer worker form has unsaved changes to someone else."
            )
