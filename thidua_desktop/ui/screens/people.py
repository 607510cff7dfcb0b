"""Cá nhân & tập thể: the register of people, searched as you type (accents optional)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from ...services.office import OfficeService
from ...services.people import PeopleService, PersonView
from ..models.paged import Column, PagedTableModel


def _birth(p: PersonView) -> str:
    if p.birth_date:
        return p.birth_date.strftime("%d/%m/%Y")
    return str(p.birth_year or "")


class PeopleScreen(QWidget):
    def __init__(self, people: PeopleService, office: OfficeService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people = people
        self.office = office
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.village = QComboBox()
        self.count = QLabel()
        self.table = QTableView()
        self.model = PagedTableModel([
            Column("", lambda p: p.full_name), Column("", lambda p: self._gender(p.gender)),
            Column("", _birth), Column("", lambda p: p.ethnicity), Column("", lambda p: p.village),
            Column("", lambda p: p.position)], self._fetch, self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.village.currentIndexChanged.connect(lambda _i: self.refresh())

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.village, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.count)
        self._fill_villages()
        self.retranslate()
        self.refresh()

    def _gender(self, value: str) -> str:
        return self.tr("Female") if value == "female" else self.tr("Male")

    def _fill_villages(self) -> None:
        self.village.blockSignals(True)
        self.village.clear()
        self.village.addItem("", None)
        for v in self.office.villages():
            self.village.addItem(v.name, v.id)
        self.village.blockSignals(False)

    def _fetch(self, offset: int, limit: int) -> tuple[list[PersonView], int]:
        page = self.people.search(self.search.text(), offset=offset, limit=limit,
                                  village_id=self.village.currentData())
        return page.rows, page.total

    def refresh(self) -> None:
        self.model.reload()
        self.count.setText(self.tr("%n people", "", self.model.total))
        self.table.resizeColumnsToContents()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search by name, with or without accents…"))
        self.village.setItemText(0, self.tr("All villages"))
        self.model.set_titles([self.tr("Full name"), self.tr("Gender"), self.tr("Date of birth"),
                               self.tr("Ethnicity"), self.tr("Village"), self.tr("Position")])
        self.count.setText(self.tr("%n people", "", self.model.total))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
