"""The building block of the history tabs: a table of one kind of record, a short form to add
one (errors shown under the form, the named field outlined) and Remove for the selected row."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...messages import render
from ...services.changes import Change
from ...services.records import RecordsService, Subject
from .. import dialogs, ops
from ..forms import widget_value
from ..locale_format import date_text
from ..models.paged import Column, PagedTableModel
from . import person_labels as labels


def day_text(value: date | str | None) -> str:
    return date_text(value)


def year_now() -> str:
    return str(date.today().year)


def fit_size(widget: QWidget, width: int, height: int) -> None:
    """Resize to (width, height), but never beyond the screen's free area (small laptops, 150% scaling)."""
    screen = widget.screen()
    if screen is not None:
        free = screen.availableGeometry()
        width, height = min(width, free.width() - 40), min(height, free.height() - 60)
    widget.resize(max(width, 320), max(height, 240))


class HistorySection(QWidget):
    """A table of one kind of record, a form to add one (errors shown under the form, the
    field named and outlined), and Remove for the selected row."""

    changed = Signal()

    def __init__(self, records: RecordsService, subject: Subject, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = records
        self.subject = subject
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self._rows: list[Any] = []
        self.model = PagedTableModel(self.columns(), self._fetch, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(3, 1)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a40000;")
        self.error.hide()
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)  # Enter in this tab's form adds (see eventFilter), never Save
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.add_button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.grid)
        layout.addWidget(self.error)
        layout.addLayout(self.buttons)

    # For subclasses -----------------------------------------------------------------------------
    def columns(self) -> list[Column]:
        raise NotImplementedError

    def load(self) -> Sequence[Any]:
        raise NotImplementedError

    def create_record(self, values: dict[str, Any]) -> object:
        raise NotImplementedError

    def delete(self, row: Any) -> None:
        raise NotImplementedError

    def titles(self) -> list[str]:
        raise NotImplementedError

    def retranslate(self) -> None:
        self.model.set_titles(self.titles())
        self.remove_button.setText(self.tr("Remove selected"))

    # Building -----------------------------------------------------------------------------------
    def field(self, name: str, widget: QWidget, row: int, column: int) -> QWidget:
        label = QLabel()
        label.setWordWrap(True)
        label.setBuddy(widget)
        self.grid.addWidget(label, row, column * 2)
        self.grid.addWidget(widget, row, column * 2 + 1)
        self.fields[name] = widget
        self.labels[name] = label
        widget.installEventFilter(self)
        return widget

    def combo(self, name: str) -> QComboBox:
        """A field made as a combo box (its codes refilled on a language switch)."""
        box = self.fields[name]
        assert isinstance(box, QComboBox)
        return box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in this tab's form adds the record here instead of pressing the dialog's Save."""
        if (event.type() == QEvent.Type.KeyPress and watched in self.fields.values()
                and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.add()
            return True
        return super().eventFilter(watched, event)

    def values(self) -> dict[str, Any]:
        return {name: widget_value(widget) for name, widget in self.fields.items()}

    # Actions ------------------------------------------------------------------------------------
    def _fetch(self, offset: int, limit: int) -> tuple[list[Any], int]:
        return self._rows[offset:offset + limit], len(self._rows)

    def reload(self) -> None:
        loaded = ops.run(self, self.load)
        self._rows = list(loaded or [])
        self.model.reload()
        self.table.resizeColumnsToContents()

    def clear_error(self) -> None:
        self.error.hide()
        for widget in self.fields.values():
            widget.setStyleSheet("")

    def show_error(self, error: DomainError) -> None:
        self.error.setText(render(error, ops.current_lang()))
        self.error.show()
        base = (error.field or "").split("[", 1)[0].split(".", 1)[0]
        widget = self.fields.get(base)
        if widget is not None:
            widget.setStyleSheet("border: 1px solid #a40000;")
            widget.setFocus()

    def add(self) -> bool:
        """An operation: a refusal shows under the row of fields, a bug as a short message (the typed
        values stay either way); a saved row is announced to the screens that count it (reports)."""
        self.clear_error()
        if not ops.perform(self, lambda: self.create_record(self.values()), changes=Change.RECORDS,
                           on_refusal=self.show_error).ok:
            return False
        self.reset_form()
        self.reload()
        self.changed.emit()
        return True

    def reset_form(self) -> None:
        for widget in self.fields.values():
            if isinstance(widget, QLineEdit):
                widget.clear()

    def selected(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()) if rows else None

    def remove(self) -> None:
        row = self.selected()
        if row is None:
            return
        if not dialogs.ask_yes_no(self, self.tr("Remove record"), self.tr("Remove the selected record?")):
            return
        if ops.perform(self, lambda: self.delete(row), changes=Change.RECORDS).ok:
            self.reload()
            self.changed.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def combo_of(items: list[tuple[str, str]]) -> QComboBox:
    box = QComboBox()
    labels.fill_combo(box, items)
    return box


