"""Hoạt động: quick entry of an activity on top, the recent activities below (paged, filtered by
movement) and the photos and PDF files of the selected activity, which can be opened, added to
and removed. It follows the movements and villages changed anywhere (Movements, Settings, a sync)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelection, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.attachments import is_executable_name
from ...services.changes import Change
from ...services.drafts import DraftStore
from ...services.movements import ActivityView, MovementService
from ...services.office import OfficeService
from .. import dialogs, ops
from ..models.paged import Column, PagedTableModel
from . import activity_files
from .activity_entry import ActivityEntry
from .movement_forms import compact, dmy

ID_ROLE = Qt.ItemDataRole.UserRole


def open_path(path: Path) -> bool:
    """Open a file with the system's viewer (tests replace this function)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _size_text(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{max(1, round(size / 1024))} KB"


class ActivitiesScreen(QWidget, ops.Watcher):
    watches = Change.MOVEMENTS | Change.OFFICE  # movements, activities and their files; villages

    def __init__(self, movements: MovementService, office: OfficeService, drafts: DraftStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.movements = movements
        self.office = office
        self.entry = ActivityEntry(movements, office, drafts)
        self.entry.saved.connect(self._saved)
        self.entry_box = QGroupBox()
        entry_layout = QVBoxLayout(self.entry_box)
        entry_layout.addWidget(self.entry)
        entry_scroll = QScrollArea()
        entry_scroll.setWidgetResizable(True)
        entry_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        entry_scroll.setWidget(self.entry_box)
        entry_part = QWidget()
        entry_column = QVBoxLayout(entry_part)
        entry_column.setContentsMargins(0, 0, 0, 0)
        entry_column.addWidget(entry_scroll, 1)
        entry_column.addWidget(self.entry.actions_bar)

        self.filter = compact(QComboBox())
        self.filter_label = QLabel()
        self.table = QTableView()
        self.model = PagedTableModel([
            Column("", lambda a: dmy(a.held_on)), Column("", lambda a: a.movement), Column("", lambda a: a.village),
            Column("", lambda a: a.participants_total, Qt.AlignmentFlag.AlignRight),
            Column("", lambda a: a.participants_women, Qt.AlignmentFlag.AlignRight),
            Column("", lambda a: a.participants_minority, Qt.AlignmentFlag.AlignRight),
            Column("", lambda a: a.attachments, Qt.AlignmentFlag.AlignRight),
            Column("", lambda a: a.description)], self._fetch, self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.count = QLabel()

        self.files_box = QGroupBox()
        self.files = QListWidget()
        self.files.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.open_button, self.remove_button, self.add_button = QPushButton(), QPushButton(), QPushButton()
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.add_button.clicked.connect(self.add_to_selected)
        files_layout = QVBoxLayout(self.files_box)
        files_layout.addWidget(self.files, 1)
        for button in (self.open_button, self.remove_button, self.add_button):
            files_layout.addWidget(button)

        list_part = QWidget()
        list_layout = QVBoxLayout(list_part)
        list_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.list_title = QLabel()
        top.addWidget(self.list_title, 1)
        top.addWidget(self.filter_label)
        top.addWidget(self.filter, 1)
        body = QHBoxLayout()
        body.addWidget(self.table, 4)
        body.addWidget(self.files_box, 1)
        list_layout.addLayout(top)
        list_layout.addLayout(body, 1)
        list_layout.addWidget(self.count)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(entry_part)
        splitter.addWidget(list_part)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.filter.currentIndexChanged.connect(lambda _i: self.reload_list())
        # Told of a change while shown, the screen re-reads on the next turn of the event loop; a
        # re-read before then (its own save re-reads at once) cancels it: one action, one re-read.
        self._refresh_soon = QTimer(self, singleShot=True, interval=0)
        self._refresh_soon.timeout.connect(self.refresh)
        self.retranslate()
        self._fill_filter()
        self.reload_list()

    # The list of recent activities -------------------------------------------------------------
    def _fetch(self, offset: int, limit: int) -> tuple[list[ActivityView], int]:
        return self.movements.activities_page(self.filter.currentData(), offset=offset, limit=limit)

    def _fill_filter(self) -> None:
        current = self.filter.currentData()
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(self.tr("All movements"), None)
        rows, _total = self.movements.search(limit=500)
        for m in rows:
            self.filter.addItem(f"{m.code} — {m.name}", m.id)
        self.filter.setCurrentIndex(max(0, self.filter.findData(current)))
        self.filter.blockSignals(False)

    def refresh(self, select_id: str | None = None) -> None:
        """Reload the choices (movements, villages) and the list, e.g. after another screen changed
        them; the activity selected stays selected (or ``select_id`` is). What is typed stays."""
        self._refresh_soon.stop()
        current = self.current()
        self.entry.reload_choices()
        self._fill_filter()
        self.reload_list(select_id=select_id or (current.id if current else None))

    def on_changed(self, changes: Change) -> None:
        """Hidden, it re-reads at once, to be current when shown; shown, after the action that
        changed it (which may re-read it itself)."""
        if self.isVisible():
            self._refresh_soon.start()
        else:
            self.refresh()

    def reload_list(self, select_id: str | None = None) -> None:
        self.model.reload()
        self.count.setText(self.tr("%n activities", "", self.model.total))
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 320))
        self._show_files(None)
        if select_id:
            for row in range(self.model.rowCount()):
                if self.model.row_object(row).id == select_id:
                    self.table.selectRow(row)
                    break

    def _saved(self, activity_id: str) -> None:
        self.refresh(select_id=activity_id)  # announced as changed movements: one re-read for both

    def current(self) -> ActivityView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()) if rows else None

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        activity = self.current()
        self._show_files(activity.id if activity else None)

    # Files of the selected activity ---------------------------------------------------------
    def _show_files(self, activity_id: str | None) -> None:
        self.files.clear()
        for button in (self.open_button, self.remove_button, self.add_button):
            button.setEnabled(activity_id is not None)
        if activity_id is None:
            return
        for att in ops.run(self, lambda: self.movements.activity_attachments(activity_id)) or []:
            item = QListWidgetItem(f"{att.file_name} ({_size_text(att.size)})")
            item.setData(ID_ROLE, att.id)
            item.setToolTip(att.file_name)
            self.files.addItem(item)
        if self.files.count():
            self.files.setCurrentRow(0)

    def _selected_attachment(self) -> str | None:
        item = self.files.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else None

    def open_selected(self) -> None:
        attachment_id = self._selected_attachment()
        if attachment_id is None:
            return
        path = ops.run(self, lambda: self.movements.attachment_path(attachment_id))
        if path is not None and is_executable_name(path.name):  # never run a program someone attached
            activity_files.handle_blocked_file(self, path)
            return
        if path is not None and not open_path(path):
            dialogs.error(self, self.tr("Cannot open the file"),
                          self.tr("No program on this computer opens «%1».").replace("%1", path.name))

    def remove_selected(self) -> None:
        attachment_id, item = self._selected_attachment(), self.files.currentItem()
        if attachment_id is None or item is None:
            return
        if not dialogs.ask_yes_no(self, self.tr("Remove file"),
                                  self.tr("Remove «%1» from this activity?").replace("%1", item.toolTip())):
            return
        if ops.run(self, lambda: self.movements.remove_attachment(attachment_id)):
            self.refresh()

    def add_to_selected(self) -> None:
        activity = self.current()
        if activity is None:
            return
        paths = [Path(p) for p in activity_files.choose_files(self)]
        paths = [p for p in paths if activity_files.attachable(p)]
        if not paths:
            return
        if ops.run(self, lambda: self.movements.attach_files(activity.id, paths), changes=Change.MOVEMENTS):
            self.refresh(select_id=activity.id)

    # Language ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.entry_box.setTitle(self.tr("Record an activity"))
        self.list_title.setText("<b>" + self.tr("Recent activities") + "</b>")
        self.filter_label.setText(self.tr("Movement:"))
        if self.filter.count():
            self.filter.setItemText(0, self.tr("All movements"))
        self.files_box.setTitle(self.tr("Files of the selected activity"))
        self.open_button.setText(self.tr("Open"))
        self.remove_button.setText(self.tr("Remove"))
        self.add_button.setText(self.tr("Add files…"))
        self.model.set_titles([self.tr("Date"), self.tr("Movement"), self.tr("Village"), self.tr("Participants"),
                               self.tr("Women"), self.tr("Ethnic minority"), self.tr("Files"),
                               self.tr("What was done")])
        self.count.setText(self.tr("%n activities", "", self.model.total))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
