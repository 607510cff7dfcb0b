"""Tập thể và hộ gia đình: a paged list searched as you type (accents optional) with a kind
filter; New (Ctrl+N), Edit (double-click or Enter) and Delete."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.changes import Change
from ...services.collectives import CollectiveService, CollectiveView
from ...services.drafts import DraftStore
from ...services.office import OfficeService
from ...services.people import PeopleService
from ...services.records import RecordsService
from .. import dialogs, ops
from ..lists import bind_list_keys, search_as_you_type
from ..models.paged import Column, PagedTableModel
from . import person_labels as labels
from .collective_dialog import CollectiveDialog


def _members(c: CollectiveView) -> str:
    """The declared head count, or the members linked in the register when none was declared."""
    if c.member_count is not None:
        return str(c.member_count)
    return str(c.registered_members) if c.registered_members else ""


class CollectivesScreen(QWidget):
    """``CollectivesScreen(collectives, people, office, records=None, drafts=None)``."""

    def __init__(self, collectives: CollectiveService, people: PeopleService, office: OfficeService,
                 records: RecordsService | None = None, drafts: DraftStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.collectives = collectives
        self.people = people
        self.office = office
        self.records = records
        self.drafts = drafts
        self.dialog: CollectiveDialog | None = None
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.new_button = QPushButton()
        self.edit_button = QPushButton()
        self.delete_button = QPushButton()
        self.count = QLabel()
        self.table = QTableView()
        self.model = PagedTableModel([
            Column("", lambda c: c.name), Column("", lambda c: labels.label_of(labels.collective_kind_items(), c.kind)),
            Column("", lambda c: c.village), Column("", _members, Qt.AlignmentFlag.AlignRight),
            Column("", lambda c: "" if c.women_count is None else c.women_count, Qt.AlignmentFlag.AlignRight),
            Column("", lambda c: c.registered_members or "", Qt.AlignmentFlag.AlignRight)], self._fetch, self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._debounce = search_as_you_type(self, self.search, self.refresh)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.doubleClicked.connect(lambda index: self.edit_collective(self._id_at(index)))
        self.new_button.clicked.connect(lambda: self.new_collective())
        self.edit_button.clicked.connect(lambda: self.edit_collective(self.current_id()))
        self.delete_button.clicked.connect(self.delete_selected)
        bind_list_keys(self, self.table, self.new_collective, lambda: self.edit_collective(self.current_id()),
                       self.delete_selected)

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.kind, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        actions.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(actions)
        self.retranslate()
        self.refresh()

    def _fetch(self, offset: int, limit: int) -> tuple[list[CollectiveView], int]:
        return self.collectives.search(self.search.text(), kind=self.kind.currentData(), offset=offset, limit=limit)

    def refresh(self) -> None:
        self.model.reload()
        self.count.setText(self.tr("%n collectives and households", "", self.model.total))
        if not getattr(self, "_fitted", False) and self.model.rowCount():
            self.table.resizeColumnsToContents()  # once, as the people list: widths stay put as one types
            self._fitted = True

    def _id_at(self, index: QModelIndex) -> str | None:
        return self.model.row_object(index.row()).id if index.isValid() else None

    def current_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()).id if rows else None

    def new_collective(self) -> CollectiveDialog | None:
        return self._open(None)

    def edit_collective(self, collective_id: str | None) -> CollectiveDialog | None:
        return self._open(collective_id) if collective_id else None

    def _open(self, collective_id: str | None) -> CollectiveDialog | None:
        if self.dialog is not None and not self.dialog.isVisible():
            self.dialog.deleteLater()
            self.dialog = None
        dialog = ops.run(self, lambda: CollectiveDialog(self.collectives, self.people, self.office, self.records,
                                                        self.drafts, collective_id, parent=self))
        if dialog is None:  # deleted meanwhile: the refusal was shown
            self.refresh()
            return None
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self.refresh())
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        unit = self.model.row_object(rows[0].row())
        question = self.tr("Delete %1? Its members stay in the register.").replace("%1", unit.name)
        if not dialogs.ask_yes_no(self, self.tr("Delete collective"), question):
            return
        if ops.perform(self, lambda: self.collectives.delete(unit.id), changes=Change.COLLECTIVES).ok:
            self.refresh()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search collectives and households, with or without accents…"))
        labels.fill_combo(self.kind, labels.collective_kind_items(), blank=self.tr("All kinds"))
        self.new_button.setText(self.tr("New collective"))
        self.new_button.setToolTip("Ctrl+N")
        self.edit_button.setText(self.tr("Edit"))
        self.delete_button.setText(self.tr("Delete"))
        self.model.set_titles([self.tr("Name"), self.tr("Kind"), self.tr("Village"), self.tr("Members"),
                               self.tr("Women"), self.tr("In the register")])
        self.count.setText(self.tr("%n collectives and households", "", self.model.total))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
