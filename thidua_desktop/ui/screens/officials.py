"""Cài đặt → Lãnh đạo ký văn bản: the office's officials with their terms (chairman, vice-chairmen,
the council's chair, vice-chairs and secretary). Every document is signed by the holder in office
on its date; here the officer enters a term, ends one, or removes one entered by mistake."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.changes import Change
from ...services.officials import ROLES, OfficialsService, OfficialView, dmy
from .. import dialogs, ops
from ..forms import DateField


class OfficialsBox(QGroupBox):
    def __init__(self, officials: OfficialsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.officials = officials
        self.rows: list[OfficialView] = []
        self.table = QTableWidget(0, 5)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMinimumHeight(150)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem("", role)
        self.full_name = QLineEdit()
        self.full_name.setMaxLength(200)
        self.title_text = QLineEdit()
        self.title_text.setMaxLength(200)
        self.term_start = DateField()
        self.term_end = DateField()
        self.add = QPushButton()
        self.end_date = DateField()
        self.end = QPushButton()
        self.remove = QPushButton()
        self.labels = [QLabel() for _ in range(5)]
        grid = QGridLayout()
        for column, (label, field) in enumerate(zip(self.labels, (self.role, self.full_name, self.title_text,
                                                                  self.term_start, self.term_end), strict=True)):
            grid.addWidget(label, 0, column)
            grid.addWidget(field, 1, column)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 2)
        grid.addWidget(self.add, 1, 5)
        selected = QHBoxLayout()
        self.end_label = QLabel()
        for widget in (self.end_label, self.end_date, self.end, self.remove):
            selected.addWidget(widget)
        selected.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        layout.addLayout(selected)
        layout.addLayout(grid)
        self.add.clicked.connect(self.add_term)
        self.end.clicked.connect(self.end_term)
        self.remove.clicked.connect(self.remove_term)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        self.rows = self.officials.terms()
        self.table.setRowCount(len(self.rows))
        lang = ops.current_lang()
        for row, o in enumerate(self.rows):
            values = (self.officials.role_label(o.role, lang), o.full_name, o.title, dmy(o.term_start),
                      dmy(o.term_end) or self.tr("in office"))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, o.id)
                self.table.setItem(row, column, item)
        self._selection_changed()

    def selected(self) -> OfficialView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.end.setEnabled(chosen is not None)
        self.remove.setEnabled(chosen is not None)

    def add_term(self) -> None:
        done = ops.run(self, lambda: self.officials.add(
            role=self.role.currentData() or "", full_name=self.full_name.text(), title=self.title_text.text(),
            term_start=self.term_start.text(), term_end=self.term_end.text()), changes=Change.OFFICE)
        if done is not None:
            for field in (self.full_name, self.title_text, self.term_start, self.term_end):
                field.clear()
            self.refresh()

    def end_term(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        if ops.run(self, lambda: self.officials.end_term(chosen.id, self.end_date.text()),
                   changes=Change.OFFICE) is not None:
            self.end_date.clear()
            self.refresh()

    def remove_term(self) -> None:
        chosen = self.selected()
        if chosen is None or not dialogs.ask_yes_no(
                self, self.tr("Remove a term"),
                self.tr("Remove %1's term entered by mistake? A term that ended is ended, not removed.")
                .replace("%1", chosen.full_name)):
            return
        if ops.perform(self, lambda: self.officials.remove(chosen.id), changes=Change.OFFICE).ok:
            self.refresh()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Officials who sign documents"))
        self.hint.setText(self.tr("Every document is signed by the holder in office on its date: the decision "
                                  "and its certificates by the chairman (or a vice-chairman, KT.), the minutes "
                                  "by the council's chair and secretary. The commune chairman chairs the "
                                  "council unless another chair is entered."))
        lang = ops.current_lang()
        for index in range(self.role.count()):
            self.role.setItemText(index, self.officials.role_label(self.role.itemData(index), lang))
        for label, text in zip(self.labels, (self.tr("Post"), self.tr("Full name"), self.tr("Title printed"),
                                             self.tr("Term from"), self.tr("Term to (empty: in office)")),
                               strict=True):
            label.setText(text)
        self.title_text.setPlaceholderText(self.tr("Empty: the post's name"))
        self.table.setHorizontalHeaderLabels([self.tr("Post"), self.tr("Full name"), self.tr("Title printed"),
                                              self.tr("Term from"), self.tr("Term to")])
        self.add.setText(self.tr("Add term"))
        self.end_label.setText(self.tr("Selected term ends on"))
        self.end.setText(self.tr("End term"))
        self.remove.setText(self.tr("Remove…"))
        if self.rows:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
