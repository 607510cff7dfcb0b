"""The record-keeping tabs of the Đồng bộ screen: export history, import history with each report,
conflicts (both versions side by side, field by field, and the user's choice), the records
waiting in quarantine, and the security log. Every list is a paged model over SyncViews."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelection, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.changes import Change
from ...services.sync_views import ConflictView, SyncViews
from .. import dialogs, ops
from ..models.paged import Column, Fetch, PagedTableModel
from .sync_texts import (
    counts_text,
    field_text,
    quarantine_reason_text,
    retitle,
    security_kind_text,
    table_text,
    value_text,
    when,
)


def _table(model: PagedTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class LogPanel(QWidget):
    """One paged list; ``titles`` gives the translated column titles at every retranslate."""

    def __init__(self, columns: list[Callable[[Any], object]], fetch: Fetch,
                 titles: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.titles = titles
        self.model = PagedTableModel([Column(t, c) for t, c in zip(titles(), columns, strict=True)], fetch, self)
        self.table = _table(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        self.model.reload()
        self.table.resizeColumnsToContents()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            retitle(self.model, self.titles())
            self.refresh()  # the cells carry translated words too
        super().changeEvent(event)


def exports_panel(views: SyncViews) -> LogPanel:
    def titles() -> list[str]:
        return [
            QCoreApplication.translate("SyncLogs", "Written"),
            QCoreApplication.translate("SyncLogs", "File"),
            QCoreApplication.translate("SyncLogs", "Sent to"),
            QCoreApplication.translate("SyncLogs", "Contents"),
        ]

    return LogPanel([lambda e: when(e.created_at), lambda e: e.file_name,
                     lambda e: f"{e.peer_name} ({e.peer_code})" if e.peer_code else "—",
                     lambda e: counts_text(e.counts)], views.exports, titles)


def imports_panel(views: SyncViews) -> LogPanel:
    keys = ("new", "updated", "unchanged", "conflicts", "quarantined", "gaps")

    def titles() -> list[str]:
        return [
            QCoreApplication.translate("SyncLogs", "Imported"),
            QCoreApplication.translate("SyncLogs", "File"),
            QCoreApplication.translate("SyncLogs", "From"),
            QCoreApplication.translate("SyncLogs", "New"),
            QCoreApplication.translate("SyncLogs", "Updated"),
            QCoreApplication.translate("SyncLogs", "Unchanged"),
            QCoreApplication.translate("SyncLogs", "Conflicts"),
            QCoreApplication.translate("SyncLogs", "Pending"),
            QCoreApplication.translate("SyncLogs", "Missing"),
        ]

    columns: list[Callable[[Any], object]] = [
        lambda i: when(i.imported_at), lambda i: i.file_name,
        lambda i: f"{i.peer_name} ({i.peer_code})" if i.peer_code else "—"]
    columns += [_report_count(key) for key in keys]
    return LogPanel(columns, views.imports, titles)


def _report_count(key: str) -> Callable[[Any], object]:
    return lambda i: i.report.get(key, 0)


def quarantine_panel(views: SyncViews) -> LogPanel:
    def titles() -> list[str]:
        return [
            QCoreApplication.translate("SyncLogs", "Data"),
            QCoreApplication.translate("SyncLogs", "Record"),
            QCoreApplication.translate("SyncLogs", "Attempts"),
            QCoreApplication.translate("SyncLogs", "Since"),
            QCoreApplication.translate("SyncLogs", "Reason"),
        ]

    return LogPanel([lambda q: table_text(q.table), lambda q: q.row_id, lambda q: q.attempts,
                     lambda q: when(q.created_at), lambda q: quarantine_reason_text(q.reason, q.detail)],
                    views.quarantine, titles)


def security_panel(views: SyncViews) -> LogPanel:
    def titles() -> list[str]:
        return [
            QCoreApplication.translate("SyncLogs", "Time"),
            QCoreApplication.translate("SyncLogs", "What happened"),
            QCoreApplication.translate("SyncLogs", "File"),
            QCoreApplication.translate("SyncLogs", "Detail"),
        ]

    return LogPanel([lambda s: when(s.at), lambda s: security_kind_text(s.kind), lambda s: s.file_name,
                     lambda s: s.detail], views.security_events, titles)


class ConflictsPanel(QWidget):
    """Open conflicts; the selected one's two versions field by field, differing fields in bold,
    and the choice: keep the version in use (the winner every office picked) or the other one."""

    def __init__(self, views: SyncViews, on_resolved: Callable[[], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.views = views
        self.on_resolved = on_resolved
        self.show_all = QCheckBox()
        values: list[Callable[[Any], object]] = [lambda c: table_text(c.table), lambda c: c.label,
                                                 lambda c: when(c.detected_at), self._state]
        self.model = PagedTableModel([Column(t, v) for t, v in zip(self._titles(), values, strict=True)],
                                     self._fetch, self)
        self.list = _table(self.model)
        self.fields = QTableWidget(0, 3)
        self.fields.verticalHeader().setVisible(False)
        self.fields.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.fields.setWordWrap(True)
        for stretched in (1, 2):
            self.fields.horizontalHeader().setSectionResizeMode(stretched, QHeaderView.ResizeMode.Stretch)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.keep_winner = QPushButton()
        self.keep_loser = QPushButton()
        self.show_all.toggled.connect(lambda _on: self.refresh())
        self.list.selectionModel().selectionChanged.connect(self._selected)
        self.keep_winner.clicked.connect(lambda: self.resolve("winner"))
        self.keep_loser.clicked.connect(lambda: self.resolve("loser"))
        detail = QWidget()
        column = QVBoxLayout(detail)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.fields, 1)
        column.addWidget(self.note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_winner)
        buttons.addWidget(self.keep_loser)
        column.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(detail)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.show_all)
        layout.addWidget(split, 1)
        self.current: ConflictView | None = None
        self.retranslate()

    def _fetch(self, offset: int, limit: int) -> tuple[list[ConflictView], int]:
        return self.views.conflicts(offset, limit, open_only=not self.show_all.isChecked())

    def _state(self, c: ConflictView) -> str:
        if not c.resolution:
            return self.tr("To decide")
        return self.tr("Kept the version in use") if c.resolution == "winner" else self.tr("Kept the other version")

    def refresh(self) -> None:
        chosen = self.current.id if self.current else None
        self.model.reload()
        self.show_conflict(None)
        for row in range(self.model.rowCount()):
            if self.model.row_object(row).id == chosen:
                self.list.selectRow(row)
                return
        if self.model.rowCount():
            self.list.selectRow(0)

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        rows = self.list.selectionModel().selectedRows()
        self.show_conflict(self.model.row_object(rows[0].row()) if rows else None)

    def show_conflict(self, conflict: ConflictView | None) -> None:
        self.current = conflict
        # The fields that differ first: they are what the officer has to decide about.
        fields = sorted(conflict.fields, key=lambda f: not f.differs) if conflict else []
        self.fields.setRowCount(len(fields))
        bold = QFont()
        bold.setBold(True)
        for row, field in enumerate(fields):
            items = [QTableWidgetItem(field_text(field.name)), QTableWidgetItem(value_text(field.winner)),
                     QTableWidgetItem(value_text(field.loser))]
            for col, item in enumerate(items):
                if field.differs:
                    item.setFont(bold)
                self.fields.setItem(row, col, item)
        self.fields.resizeRowsToContents()
        is_open = bool(conflict and not conflict.resolution)
        self.keep_winner.setEnabled(is_open)
        self.keep_loser.setEnabled(is_open)
        self.retranslate_detail()

    def resolve(self, keep: str) -> bool:
        conflict = self.current
        if conflict is None or conflict.resolution:
            return False
        if keep == "loser":
            question = (self.tr("Keep the other version of “%1”? This office will write it as a new version, "
                                "sent with the next bundle.") if conflict.owned_here else
                        self.tr("Keep the other version of “%1”? Another office writes this record: your choice "
                                "is noted here, and that office must make the change itself."))
            if not dialogs.ask_yes_no(self, self.tr("Conflict"), question.replace("%1", conflict.label)):
                return False
        # Keeping the other version writes it back: a record of any kind changes.
        changed = Change.ALL if keep == "loser" else Change.SYNC
        if ops.run(self, lambda: self.views.resolve_conflict(conflict.id, keep), changes=changed) is None:
            return False
        self.refresh()
        if self.on_resolved is not None:
            self.on_resolved()
        return True

    def retranslate(self) -> None:
        self.show_all.setText(self.tr("Also show conflicts already decided"))
        retitle(self.model, self._titles())
        self.keep_winner.setText(self.tr("Keep the version in use"))
        self.keep_loser.setText(self.tr("Keep the other version"))
        self.retranslate_detail()

    def _titles(self) -> list[str]:
        return [self.tr("Data"), self.tr("Record"), self.tr("Found"), self.tr("State")]

    def retranslate_detail(self) -> None:
        c = self.current
        self.fields.setHorizontalHeaderLabels([
            self.tr("Field"), self.tr("In use (from %1)").replace("%1", c.winner_origin if c else "…"),
            self.tr("Other version (from %1)").replace("%1", c.loser_origin if c else "…")])
        if c is None:
            self.note.setText(self.tr("Choose a conflict to compare its two versions."))
        else:
            self.note.setText(self.tr("Every office uses the same version until someone decides; the other one is "
                                      "kept here. Fields that differ are in bold."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()  # the states in the list are words too
        super().changeEvent(event)
