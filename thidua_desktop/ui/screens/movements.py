"""Phong trào: the emulation movements, searched as you type (accents optional) and filtered by
status; the selected movement shows its indicators with the progress reported so far. It follows
the movements changed anywhere (an activity recorded on its own screen moves the progress bars)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.changes import Change
from ...services.drafts import DraftStore
from ...services.excel_export import ExcelExportService
from ...services.movements import MovementRow, MovementService
from ...services.printing import PrintService
from .. import ops
from ..excel_actions import ExcelButton, export_workbook, file_name
from ..lists import search_as_you_type
from ..models.paged import Column, PagedTableModel
from ..print_actions import PrintButton, entries_for
from .movement_dialog import MovementDialog
from .movement_forms import (
    STATUSES,
    dmy,
    indicator_bar,
    kind_text,
    level_text,
    movement_status_text,
    period_text,
)


class MovementsScreen(QWidget, ops.Watcher):
    watches = Change.MOVEMENTS

    def __init__(self, movements: MovementService, drafts: DraftStore | None = None,
                 parent: QWidget | None = None, printing: PrintService | None = None,
                 excel_export: ExcelExportService | None = None) -> None:
        super().__init__(parent)
        self.movements = movements
        self.drafts = drafts
        self.dialog: MovementDialog | None = None
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem("", None)
        for status in STATUSES:
            self.status.addItem("", status)
        self.new_button = QPushButton()
        self.edit_button = QPushButton()
        self.new_button.clicked.connect(self.new_movement)
        self.edit_button.clicked.connect(self.edit_selected)
        shortcut = QShortcut(QKeySequence.StandardKey.New, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_movement)

        self.table = QTableView()
        self.model = PagedTableModel([
            Column("", lambda m: m.code), Column("", lambda m: m.name),
            Column("", lambda m: level_text(m.launch_level)),
            Column("", lambda m: period_text(m.period_start, m.period_end)),
            Column("", lambda m: movement_status_text(m.status))], self._fetch, self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._selected)

        self.detail_title = QLabel()
        self.detail_title.setWordWrap(True)
        self.detail_info = QLabel()
        self.detail_info.setWordWrap(True)
        self.detail_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.indicators_title = QLabel()
        self.indicators = QGridLayout()
        self.indicators.setColumnStretch(0, 3)
        self.indicators.setColumnStretch(1, 2)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail_info)
        detail_layout.addWidget(self.indicators_title)
        detail_layout.addLayout(self.indicators)
        detail_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(detail)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([720, 400])  # scaled to the real width; the detail panel must stay readable

        self.count = QLabel()
        self.status_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.status_label)
        top.addWidget(self.status, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        self.print_button = PrintButton(printing, self)
        self.print_button.add_group(self._print_header, lambda: m.id if (m := self.current()) else None,
                                    entries_for("movement"))
        top.addWidget(self.print_button)
        self.excel_button = ExcelButton(self)
        if excel_export is not None:
            self.excel_button.add_header(self._print_header)
            self.excel_button.add_entry("indicators", lambda: self.tr("Export the indicator table (Excel)…"),
                                        lambda: self.export_indicators(excel_export),
                                        enabled=lambda: self.current() is not None)
        top.addWidget(self.excel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count)

        self._debounce = search_as_you_type(self, self.search, self.refresh)
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.selected_id: str | None = None
        # Told of a change while shown, the screen re-reads on the next turn of the event loop; a
        # re-read before then (its own save re-reads at once) cancels it: one action, one re-read.
        self._refresh_soon = QTimer(self, singleShot=True, interval=0)
        self._refresh_soon.timeout.connect(self.refresh)
        self.retranslate()
        self.refresh()

    # Data ------------------------------------------------------------------------------------
    def _fetch(self, offset: int, limit: int) -> tuple[list[MovementRow], int]:
        return self.movements.search(self.search.text(), status=self.status.currentData(),
                                     offset=offset, limit=limit)

    def refresh(self) -> None:
        self._refresh_soon.stop()
        keep = self.selected_id
        self.model.reload()
        self._update_count()
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 240))
        if not (keep and self.select_movement(keep)):
            self._show_detail(None)

    def on_changed(self, changes: Change) -> None:
        """Hidden, it re-reads at once, to be current when shown; shown, after the action that
        changed it (which may re-read it itself). The selected movement stays selected."""
        if self.isVisible():
            self._refresh_soon.start()
        else:
            self.refresh()

    def _update_count(self) -> None:
        self.count.setText(self.tr("%n movements", "", self.model.total))

    def select_movement(self, movement_id: str | None) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.row_object(row).id == movement_id:
                self.table.selectRow(row)  # shows the detail through the selection signal
                return True
        return False

    def current(self) -> MovementRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()) if rows else None

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        movement = self.current()
        self._show_detail(movement.id if movement else None)

    def _clear_indicators(self) -> None:
        while self.indicators.count():
            item = self.indicators.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.deleteLater()

    def _show_detail(self, movement_id: str | None) -> None:
        self.selected_id = movement_id
        self._clear_indicators()
        self.edit_button.setEnabled(movement_id is not None)
        if movement_id is None:
            self.detail_title.setText(self.tr("Select a movement to see its indicators."))
            self.detail_info.clear()
            self.indicators_title.clear()
            return
        data = ops.run(self, lambda: self.movements.get(movement_id))
        indicators = ops.run(self, lambda: self.movements.indicators(movement_id))
        if data is None or indicators is None:
            return
        self.detail_title.setText(f"<b>{data.code}</b> — {data.name}")
        lines = [self.tr("Launched by: %1").replace("%1", level_text(data.launch_level))
                 + (f" ({data.launch_doc_number} {data.launch_doc_date})".rstrip() if data.launch_doc_number else ""),
                 self.tr("Kind of movement: %1").replace("%1", kind_text(data.kind)),
                 self.tr("Period: %1").replace("%1", period_text(data.period_start, data.period_end) or "—")]
        if data.interim_review_date or data.final_review_date:
            lines.append(self.tr("Interim review: %1 · final review: %2")
                         .replace("%1", data.interim_review_date or "—").replace("%2", data.final_review_date or "—"))
        if data.theme:
            lines.append(self.tr("Theme: %1").replace("%1", data.theme))
        for title, items in ((self.tr("Goals"), data.goals), (self.tr("Criteria"), data.criteria),
                             (self.tr("Participating units"), data.participants)):
            if items:
                lines.append(f"{title}:\n" + "\n".join(f"• {x}" for x in items))
        self.detail_info.setText("\n".join(lines))
        self.indicators_title.setText("<b>" + self.tr("Indicators: reported so far / target") + "</b>"
                                      if indicators else self.tr("This movement has no indicators yet."))
        for row, ind in enumerate(indicators):
            name = QLabel(f"{ind['name']} ({ind['unit']})" if ind["unit"] else str(ind["name"]))
            name.setWordWrap(True)
            dates = ", ".join(dmy(d) for d in ind.get("reporting_dates") or [])  # type: ignore[attr-defined]
            if dates:
                name.setToolTip(self.tr("Reporting dates: %1").replace("%1", dates))
            bar = QProgressBar()
            indicator_bar(bar, ind)
            self.indicators.addWidget(name, row, 0)
            self.indicators.addWidget(bar, row, 1)

    # Forms -----------------------------------------------------------------------------------
    def new_movement(self) -> MovementDialog:
        return self._open(None)

    def edit_selected(self) -> MovementDialog | None:
        movement = self.current()
        return self._open(movement.id) if movement else None

    def _double_clicked(self, index: QModelIndex) -> None:
        self._open(self.model.row_object(index.row()).id)

    def _open(self, movement_id: str | None) -> MovementDialog:
        dialog = MovementDialog(self.movements, self.drafts, movement_id, parent=self)
        dialog.accepted.connect(lambda: self._saved(dialog.result_value))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()  # window-modal; the screen refreshes when it is saved
        return dialog

    def _saved(self, movement_id: object) -> None:
        self.selected_id = str(movement_id) if movement_id else None
        self.refresh()

    def export_indicators(self, excel: ExcelExportService) -> object:
        movement = self.current()
        if movement is None:
            return None
        return export_workbook(self, excel, "indicators", file_name("chi-tieu", movement.code or movement.name),
                               movement_id=movement.id)

    def _print_header(self) -> str:
        movement = self.current()
        return (self.tr("Movement: %1").replace("%1", movement.code or movement.name) if movement
                else self.tr("Select a movement first"))

    # Language --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search by code or name, with or without accents…"))
        self.status_label.setText(self.tr("Status:"))
        self.status.setItemText(0, self.tr("All"))
        for i in range(1, self.status.count()):
            self.status.setItemText(i, movement_status_text(self.status.itemData(i)))
        self.new_button.setText(self.tr("New movement"))
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        self.edit_button.setText(self.tr("Edit"))
        self.model.set_titles([self.tr("Code"), self.tr("Name"), self.tr("Launched by"), self.tr("Period"),
                               self.tr("Status")])
        self._update_count()
        self._show_detail(self.selected_id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
