"""A collective or household: name, kind, parent unit, village, head counts and members picked
from the register with search. Saving writes the collective and its member list in one
transaction. When editing, a second tab holds its award history, ratings, discipline and
open matters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import SubjectType
from ...services.changes import Change
from ...services.collectives import CollectiveService, CollectiveView
from ...services.drafts import DraftStore
from ...services.office import OfficeService
from ...services.people import PeopleService, PersonView
from ...services.records import RecordsService, Subject
from ..forms import FormDialog
from ..models.paged import Column, PagedTableModel
from . import person_labels as labels
from .person_history import SubjectHistory
from .person_section import fit_size


class MemberPicker(QWidget):
    """Search the register on the left, the chosen members on the right."""

    changed = Signal()

    def __init__(self, people: PeopleService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people = people
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.results = QTableView()
        self.model = PagedTableModel([Column("", lambda p: p.full_name), Column("", lambda p: p.village)],
                                     self._fetch, self)
        self.results.setModel(self.model)
        self.results.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.results.verticalHeader().setVisible(False)
        self.results.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.results.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.results.setColumnWidth(1, 140)
        self.members = QListWidget()
        self.members.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)  # Enter in the dialog always means Save
        self.members_label = QLabel()
        self.search.textChanged.connect(lambda _t: self.model.reload())
        self.results.doubleClicked.connect(lambda _i: self.add_selected())
        self.add_button.clicked.connect(self.add_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.search, 0, 0)
        grid.addWidget(self.members_label, 0, 1)
        grid.addWidget(self.results, 1, 0)
        grid.addWidget(self.members, 1, 1)
        grid.addWidget(self.add_button, 2, 0)
        grid.addWidget(self.remove_button, 2, 1)
        self.results.setMinimumHeight(150)
        self.model.reload()

    def _fetch(self, offset: int, limit: int) -> tuple[list[PersonView], int]:
        page = self.people.search(self.search.text(), offset=offset, limit=limit)
        return page.rows, page.total

    def ids(self) -> list[str]:
        return [str(self.members.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.members.count())]

    def set_people(self, people: list[PersonView]) -> None:
        self.members.clear()
        for person in people:
            self._append(person)

    def _append(self, person: PersonView) -> None:
        item = QListWidgetItem(person.full_name + (f" — {person.village}" if person.village else ""))
        item.setData(Qt.ItemDataRole.UserRole, person.id)
        self.members.addItem(item)

    def add_selected(self) -> None:
        chosen = set(self.ids())
        added = False
        for index in self.results.selectionModel().selectedRows():
            person = self.model.row_object(index.row())
            if person.id not in chosen:
                self._append(person)
                chosen.add(person.id)
                added = True
        if added:
            self.changed.emit()

    def remove_selected(self) -> None:
        rows = sorted((self.members.row(item) for item in self.members.selectedItems()), reverse=True)
        for row in rows:
            self.members.takeItem(row)
        if rows:
            self.changed.emit()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search the register by name…"))
        self.model.set_titles([self.tr("Full name"), self.tr("Village")])
        self.members_label.setText(self.tr("Members (%1)").replace("%1", str(self.members.count())))
        self.add_button.setText(self.tr("Add selected people"))
        self.remove_button.setText(self.tr("Remove from members"))


class CollectiveDialog(FormDialog):
    """``CollectiveDialog(collectives, people, office, records, drafts, collective_id=None)``;
    after Save, ``result_value`` is the saved CollectiveView."""

    changes = Change.COLLECTIVES

    def __init__(self, collectives: CollectiveService, people: PeopleService, office: OfficeService,
                 records: RecordsService | None = None, drafts: DraftStore | None = None,
                 collective_id: str | None = None, parent: QWidget | None = None) -> None:
        collective = collectives.get(collective_id) if collective_id else None  # refuses before any window exists
        super().__init__(drafts, f"collective-{collective_id}" if collective_id else "collective-new", parent)
        self.collectives = collectives
        self.people = people
        self.collective_id = collective_id
        self.collective: CollectiveView | None = collective
        # The version loaded, handed back on save (RECORD_CHANGED if someone saved meanwhile).
        self.token = collective.token if collective is not None else None
        texts = self._texts()
        self.add_field("name", texts["name"], QLineEdit())
        self.kind = self.add_field("kind", texts["kind"], QComboBox())
        parent_box = QComboBox()
        parent_box.addItem("", None)
        units, _total = collectives.search(households=False, limit=500)
        for unit in units:
            if unit.id != collective_id:
                parent_box.addItem(unit.name, unit.id)
        self.add_field("parent", texts["parent"], parent_box)
        village = QComboBox()
        village.addItem("", None)
        for v in office.villages():
            village.addItem(v.name, v.id)
        self.add_field("village", texts["village"], village)
        self.add_field("member_count", texts["member_count"], QLineEdit())
        self.add_field("women_count", texts["women_count"], QLineEdit())
        self.add_field("address", texts["address"], QLineEdit())
        self.picker = MemberPicker(people)
        # The head of household: one of the members, or anyone picked in the search by "Head of household".
        head = QComboBox()
        head.addItem("", None)  # before add_field: the first item is no change of the officer's
        self.head = self.add_field("head", texts["head"], head)
        self.head_button = QPushButton()
        self.head_button.setAutoDefault(False)
        self.head_button.clicked.connect(self.make_head)
        grid = self.picker.layout()
        assert isinstance(grid, QGridLayout)  # MemberPicker lays itself out on a grid
        grid.addWidget(self.head_button, 3, 0)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_head())
        self._add_picker(texts["members"])
        self.history: SubjectHistory | None = None
        if self.collective is not None and records is not None:
            self._add_history_tab(records, self.collective)
        self.retranslate()
        if self.collective is not None:
            self.set_values(self._stored_values(self.collective))
        self.restore_draft()
        self._show_head()
        self.fields["name"].setFocus()
        fit_size(self, 960, 660)

    def _add_picker(self, label: str) -> None:
        """The member picker is no plain field: its errors ("members") show under it all the same."""
        error = QLabel()
        error.setStyleSheet("color: #a40000;")
        error.setWordWrap(True)
        error.hide()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.picker)
        column.addWidget(error)
        self.form.addRow(label, holder)
        self.fields["members"] = self.picker.search
        self.errors["members"] = error
        self.picker.changed.connect(self._members_changed)

    def _members_changed(self) -> None:
        self.picker.retranslate()
        self._head_choices()
        self._changed()

    # The head of household --------------------------------------------------------------------
    def _show_head(self) -> None:
        household = self.kind.currentData() == "household"
        holder = self.errors["head"].parentWidget()  # the field and its error line, one form row
        if holder is not None:
            self.form.setRowVisible(holder, household)
        self.head_button.setVisible(household)

    def _head_choices(self, extra: list[PersonView] | None = None) -> None:
        """Blank, the members picked, the head chosen (kept even when not a member)."""
        current = self.head.currentData()
        people = {self.picker.members.item(i).data(Qt.ItemDataRole.UserRole): self.picker.members.item(i).text()
                  for i in range(self.picker.members.count())}
        for i in range(1, self.head.count()):
            if self.head.itemData(i) == current:
                people.setdefault(current, self.head.itemText(i))
        for person in extra or []:
            people.setdefault(person.id, person.full_name + (f" — {person.village}" if person.village else ""))
        self.head.blockSignals(True)
        self.head.clear()
        self.head.addItem("", None)
        for person_id, text in people.items():
            self.head.addItem(text, person_id)
        self.head.setCurrentIndex(max(0, self.head.findData(current)) if current else 0)
        self.head.blockSignals(False)

    def make_head(self) -> None:
        """The person selected in the search results (or among the members) heads the household."""
        rows = self.picker.results.selectionModel().selectedRows()
        if rows:
            person = self.picker.model.row_object(rows[0].row())
            self._head_choices([person])
            person_id = person.id
        elif self.picker.members.selectedItems():
            person_id = self.picker.members.selectedItems()[0].data(Qt.ItemDataRole.UserRole)
        else:
            return
        self.head.setCurrentIndex(self.head.findData(person_id))

    def _add_history_tab(self, records: RecordsService, collective: CollectiveView) -> None:
        self.body.removeItem(self.form)
        self.form.setParent(None)
        details = QWidget()
        details.setLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(details)
        kind = SubjectType.HOUSEHOLD if collective.is_household else SubjectType.COLLECTIVE
        self.history = SubjectHistory(records, Subject(collective_id=collective.id), kind)
        self.history_hint = QLabel()
        self.history_hint.setWordWrap(True)
        history_page = QWidget()
        column = QVBoxLayout(history_page)
        column.addWidget(self.history_hint)
        column.addWidget(self.history, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, "")
        self.tabs.addTab(history_page, "")
        self.body.insertWidget(1, self.tabs, 1)

    # Values (the member list travels as ids, also in drafts) ----------------------------------
    def values(self) -> dict[str, Any]:
        values = super().values()
        values.pop("members", None)
        values["member_ids"] = self.picker.ids()
        values["head"] = self.head.currentData() or ""  # never the blank entry's text
        return values

    def set_values(self, values: dict[str, Any]) -> None:
        rest = dict(values)
        ids = rest.pop("member_ids", None)
        rest.pop("members", None)
        head = rest.pop("head", None)
        super().set_values(rest)
        if ids is not None:
            self.picker.set_people(self.people.get_many([str(i) for i in ids]))
            self.picker.retranslate()
        if head:
            self._head_choices(self.people.get_many([str(head)]))
            self._loading = True
            try:
                self.head.setCurrentIndex(max(0, self.head.findData(head)))
            finally:
                self._loading = False
        else:
            self._head_choices()

    def _stored_values(self, c: CollectiveView) -> dict[str, Any]:
        return {"name": c.name, "kind": c.kind, "parent": c.parent_id, "village": c.village_id,
                "member_count": "" if c.member_count is None else str(c.member_count),
                "women_count": "" if c.women_count is None else str(c.women_count), "address": c.address,
                "member_ids": self.collectives.member_ids(c.id), "head": c.head_person_id}

    def _texts(self) -> dict[str, str]:
        return {"name": self.tr("Name"), "kind": self.tr("Kind"), "parent": self.tr("Parent unit"),
                "village": self.tr("Village"), "member_count": self.tr("Number of members"),
                "women_count": self.tr("Of whom women"), "address": self.tr("Address"),
                "members": self.tr("Members from the register"), "head": self.tr("Head of household")}

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit collective: %1").replace("%1", self.collective.name) if self.collective
                            else self.tr("New collective or household"))
        labels.fill_combo(self.kind, labels.collective_kind_items(), blank="")
        for name, text in self._texts().items():
            holder = self.errors[name].parentWidget()
            label = self.form.labelForField(holder) if holder is not None else None
            if isinstance(label, QLabel):
                label.setText(text)
                label.setWordWrap(True)
        self.picker.retranslate()
        self.head.setItemText(0, self.tr("(not recorded)"))
        self.head_button.setText(self.tr("Make the selected person head of household"))
        if self.history is not None:
            self.tabs.setTabText(0, self.tr("Details"))
            self.tabs.setTabText(1, self.tr("Awards and history"))
            self.history_hint.setText(self.tr("Rows on these tabs are saved as soon as you add or remove them."))

    def save(self) -> CollectiveView:
        v = self.values()
        kwargs: dict[str, Any] = {
            "parent_id": v["parent"] or None, "village_id": v["village"] or None,
            "member_count": v["member_count"], "women_count": v["women_count"], "address": v["address"],
            "member_ids": v["member_ids"],
            "head_person_id": (v["head"] or "") if v["kind"] == "household" else None}
        if self.collective_id:
            return self.collectives.update(self.collective_id, v["name"], v["kind"] or "", expected=self.token,
                                           **kwargs)
        return self.collectives.create(v["name"], v["kind"] or "", **kwargs)

    def reload_record(self) -> dict[str, Any] | None:
        if not self.collective_id:
            return None
        self.collective = self.collectives.get(self.collective_id)
        self.token = self.collective.token
        return self._stored_values(self.collective)
