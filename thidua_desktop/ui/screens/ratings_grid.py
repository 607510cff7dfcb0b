"""Ratings for a whole unit, entered in one grid per year: pick the year and a collective (its
members) or all officials, choose each person's task-completion rating (the stored value is
pre-filled) and save every changed row in one transaction. A refused row is named by its
number and the person's name, and nothing is written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...messages import render
from ...services.changes import Change
from ...services.collectives import CollectiveService
from ...services.people import PeopleService, PersonView
from ...services.records import RatingView, RecordsService, Subject
from .. import dialogs, ops
from ..locale_format import date_text
from ..models.paged import Column, PagedTableModel
from . import person_labels as labels

Index = QModelIndex | QPersistentModelIndex
PeopleFetch = Callable[[int, int], tuple[list[PersonView], int]]
RATING, SOURCE = 3, 4
_EDITED = QBrush(QColor("#fff6c8"))


def _birth(p: PersonView) -> str:
    return date_text(p.birth_date) if p.birth_date else str(p.birth_year or "")


class RatingsModel(PagedTableModel):
    """People a page at a time, with the year's stored rating and the officer's edits on top."""

    def __init__(self, records: RecordsService, parent: Any = None) -> None:
        super().__init__([Column("", lambda p: p.full_name), Column("", _birth), Column("", lambda p: p.position),
                          Column("", lambda p: ""), Column("", lambda p: "")], self._fetch_page, parent)
        self.records = records
        self.year = date.today().year
        self.people_fetch: PeopleFetch = lambda _offset, _limit: ([], 0)
        self.current: dict[str, RatingView] = {}
        self.edits: dict[str, dict[str, str]] = {}

    def _fetch_page(self, offset: int, limit: int) -> tuple[list[PersonView], int]:
        rows, total = self.people_fetch(offset, limit)
        self.current.update(self.records.ratings_in_year(self.year, [p.id for p in rows]))
        return rows, total

    def load(self, year: int, people_fetch: PeopleFetch) -> None:
        self.year, self.people_fetch = year, people_fetch
        self.current.clear()
        self.edits.clear()
        self.reload()

    def rating_of(self, person_id: str) -> str:
        edit = self.edits.get(person_id, {})
        if "rating" in edit:
            return edit["rating"]
        stored = self.current.get(person_id)
        return stored.rating if stored else ""

    def source_of(self, person_id: str) -> str:
        edit = self.edits.get(person_id, {})
        if "source" in edit:
            return edit["source"]
        stored = self.current.get(person_id)
        return stored.source_document if stored else ""

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() in (RATING, SOURCE) else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        person = self.row_object(index.row())
        if role == Qt.ItemDataRole.BackgroundRole and person.id in self.edits:
            return _EDITED
        if index.column() == RATING and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            code = self.rating_of(person.id)
            return code if role == Qt.ItemDataRole.EditRole else labels.label_of(labels.rating_items(), code)
        if index.column() == SOURCE and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.source_of(person.id)
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() not in (RATING, SOURCE):
            return False
        person = self.row_object(index.row())
        key, text = ("rating", str(value or "")) if index.column() == RATING else ("source", str(value or ""))
        stored = self.current.get(person.id)
        before = (stored.rating if key == "rating" else stored.source_document) if stored else ""
        edit = self.edits.setdefault(person.id, {})
        if text == before:
            edit.pop(key, None)
        else:
            edit[key] = text
        if not edit:
            self.edits.pop(person.id)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), SOURCE))
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)  # the row number a refusal names
        return super().headerData(section, orientation, role)

    def pending(self) -> list[tuple[int, PersonView, str, str]]:
        """(grid row, person, rating, own source) of every changed row that has a rating, in grid order."""
        out = []
        for row in range(self.rowCount()):
            person = self.row_object(row)
            if person.id in self.edits and self.rating_of(person.id):
                out.append((row, person, self.rating_of(person.id), self.source_of(person.id)))
        return out


class RatingDelegate(QStyledItemDelegate):
    """A combo of the four ratings (and a blank "not rated yet"), committed as soon as it changes."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        box = QComboBox(parent)
        labels.fill_combo(box, labels.rating_items(), blank="")
        box.currentIndexChanged.connect(lambda _i: self.commitData.emit(box))
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.blockSignals(True)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole) or None), 0))
        editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData() or "", Qt.ItemDataRole.EditRole)


class RatingsGrid(QWidget):
    """``RatingsGrid(records, people, collectives)``."""

    def __init__(self, records: RecordsService, people: PeopleService, collectives: CollectiveService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = records
        self.people = people
        self.collectives = collectives
        self._shown: tuple[int, str | None] = (0, None)
        self.year = QSpinBox()
        self.year.setRange(1945, 2100)
        self.year.setValue(date.today().year)
        self.unit = QComboBox()
        self.unit.setMinimumContentsLength(28)
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.source = QLineEdit()
        self.save_button = QPushButton()
        self.year_label, self.unit_label, self.source_label = QLabel(), QLabel(), QLabel()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a40000;")
        self.error.hide()
        self.status = QLabel()
        self.model = RatingsModel(records, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(RATING, RatingDelegate(self.table))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.DoubleClicked | QTableView.EditTrigger.EditKeyPressed
                                   | QTableView.EditTrigger.AnyKeyPressed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.model.modelReset.connect(lambda: self._open_editors(0, self.model.rowCount() - 1))
        self.model.rowsInserted.connect(lambda _parent, first, last: self._open_editors(first, last))
        self.model.dataChanged.connect(lambda *_args: self._update_status())
        self.year.valueChanged.connect(lambda _v: self._selection_changed())
        self.unit.currentIndexChanged.connect(lambda _i: self._selection_changed())
        self.save_button.clicked.connect(self.save)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)

        top = QHBoxLayout()
        for label, widget, stretch in ((self.year_label, self.year, 0), (self.unit_label, self.unit, 2),
                                       (self.source_label, self.source, 3)):
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget, stretch)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self._fill_units()
        self.retranslate()
        self.refresh()

    # Loading ------------------------------------------------------------------------------------
    def _fill_units(self) -> None:
        current = self.unit.currentData()
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItem(self.tr("All officials"), None)
        units, _total = self.collectives.search(households=False, limit=500)
        for unit in units:
            self.unit.addItem(unit.name, unit.id)
        self.unit.setCurrentIndex(max(self.unit.findData(current), 0))
        self.unit.blockSignals(False)

    def _people_fetch(self, unit_id: str | None) -> PeopleFetch:
        if unit_id is None:
            def officials(offset: int, limit: int) -> tuple[list[PersonView], int]:
                page = self.people.search(offset=offset, limit=limit, officials_only=True)
                return page.rows, page.total
            return officials
        member_ids = self.collectives.member_ids(unit_id)

        def members(offset: int, limit: int) -> tuple[list[PersonView], int]:
            return self.people.get_many(member_ids[offset:offset + limit]), len(member_ids)
        return members

    def refresh(self) -> None:
        """Load the chosen year and unit afresh (unsaved edits are dropped)."""
        self._shown = (self.year.value(), self.unit.currentData())
        self.error.hide()
        def load() -> None:
            self.model.load(self.year.value(), self._people_fetch(self.unit.currentData()))

        if ops.perform(self, load).ok:
            self.table.resizeColumnsToContents()
            self.table.setColumnWidth(RATING, max(self.table.columnWidth(RATING), 260))
        self._update_status()

    def _selection_changed(self) -> None:
        if self.model.edits and not dialogs.ask_yes_no(
                self, self.tr("Unsaved ratings"), self.tr("Discard the ratings you have not saved?")):
            year, unit = self._shown  # stay on the grid being edited
            for box, value in ((self.year, year), (self.unit, unit)):
                box.blockSignals(True)
                if isinstance(box, QSpinBox):
                    box.setValue(int(value or 0))
                else:
                    box.setCurrentIndex(max(box.findData(value), 0))
                box.blockSignals(False)
            return
        self.refresh()

    def _open_editors(self, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self.table.openPersistentEditor(self.model.index(row, RATING))

    def editor(self, row: int) -> QComboBox:
        """The rating combo of a grid row (0-based)."""
        widget = self.table.indexWidget(self.model.index(row, RATING))
        assert isinstance(widget, QComboBox)
        return widget

    def _update_status(self) -> None:
        self.status.setText(self.tr("%n people in the grid", "", self.model.total) + " · "
                            + self.tr("%n changed", "", len(self.model.pending())))

    # Saving -------------------------------------------------------------------------------------
    def save(self) -> bool:
        self.error.hide()
        pending = self.model.pending()
        if not pending:
            self.status.setText(self.tr("Nothing to save: no rating was changed."))
            return False
        grid = {Subject(person_id=person.id): (rating, source) for _row, person, rating, source in pending}
        # An operation: a refusal names its row here, a bug goes to the log; the grid keeps every edit.
        outcome = ops.perform(self, lambda: self.records.set_ratings(self.year.value(), grid,
                                                                     source_document=self.source.text()),
                              changes=Change.RECORDS, on_refusal=lambda exc: self._show_refusal(exc, pending))
        if not outcome.ok:
            return False
        saved = outcome.value or 0
        self.refresh()
        self.status.setText(self.tr("Saved %n rating(s).", "", saved))
        return True

    def _show_refusal(self, error: DomainError, pending: list[tuple[int, PersonView, str, str]]) -> None:
        text = render(error, ops.current_lang())
        index = error.params.get("row")
        if isinstance(index, int) and 1 <= index <= len(pending):
            row, person = pending[index - 1][0], pending[index - 1][1]
            text = self.tr("Row %1 (%2): %3").replace("%1", str(row + 1)).replace("%2", person.full_name) \
                .replace("%3", text)
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self.error.setText(text)
        self.error.show()

    # Language -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.year_label.setText(self.tr("Year"))
        self.unit_label.setText(self.tr("Unit"))
        self.source_label.setText(self.tr("Source document"))
        self.source.setPlaceholderText(self.tr("e.g. the minutes of the annual review"))
        self.source.setToolTip(self.tr("Used for the rows that have no source document of their own."))
        self.unit.setItemText(0, self.tr("All officials"))
        self.save_button.setText(self.tr("Save ratings"))
        self.save_button.setToolTip("Ctrl+S")
        self.model.set_titles([self.tr("Full name"), self.tr("Date of birth"), self.tr("Position"),
                               self.tr("Task rating"), self.tr("Source document")])
        for row in range(self.model.rowCount()):  # persistent combos keep their code, get new texts
            labels.fill_combo(self.editor(row), labels.rating_items(), blank="")
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
