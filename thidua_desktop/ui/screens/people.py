"""Cá nhân & tập thể: the register of people, searched as you type (accents optional), sorted
by clicking a column header (in the query, so the list stays paged), filtered by village,
gender and ethnic minority; New (Ctrl+N), Edit (double-click or Enter) and Delete."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.changes import Change
from ...services.collectives import CollectiveService
from ...services.drafts import DraftStore
from ...services.excel_export import ExcelExportService
from ...services.excel_import import ExcelImportService
from ...services.office import OfficeService
from ...services.people import PeopleService, PersonView
from ...services.records import RecordsService
from .. import dialogs, ops
from ..excel_actions import ExcelButton, export_workbook, file_name, open_import
from ..import_wizard import ImportWizard
from ..lists import bind_list_keys, search_as_you_type
from ..locale_format import date_text
from ..models.paged import Column, PagedTableModel
from . import person_labels as labels
from .collectives import CollectivesScreen
from .person_dialog import PersonDialog
from .ratings_grid import RatingsGrid

# Column -> the service's sort order; columns without one keep the current order.
SORTABLE = {0: "name", 2: "birth", 4: "village"}
COUNT_UP_TO = 1000  # the list says "more than 1000 people" past this


def _birth(p: PersonView) -> str:
    if p.birth_date:
        return date_text(p.birth_date)
    return str(p.birth_year or "")


class PeopleScreen(QWidget):
    """``PeopleScreen(people, office, records=None, drafts=None)``. Without ``records`` the
    person dialog has no history tab; without ``drafts`` it keeps no drafts."""

    def __init__(self, people: PeopleService, office: OfficeService, records: RecordsService | None = None,
                 drafts: DraftStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people = people
        self.office = office
        self.records = records
        self.drafts = drafts
        self.order = "name"
        self.dialog: PersonDialog | None = None
        self._more = False  # the count stopped at COUNT_UP_TO
        self._fitted = False  # column widths fitted to the first rows shown
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.village = QComboBox()
        self.gender = QComboBox()
        self.minority = QComboBox()
        self.new_button = QPushButton()
        self.edit_button = QPushButton()
        self.delete_button = QPushButton()
        self.count = QLabel()
        self.table = QTableView()
        self.model = PagedTableModel([
            Column("", lambda p: p.full_name), Column("", lambda p: self._gender(p.gender)),
            Column("", _birth), Column("", lambda p: p.ethnicity), Column("", lambda p: p.village),
            Column("", lambda p: p.position)], self._fetch, self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self._debounce = search_as_you_type(self, self.search, self.refresh)
        for box in (self.village, self.gender, self.minority):
            box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.doubleClicked.connect(lambda index: self.edit_person(self._id_at(index)))
        self.new_button.clicked.connect(lambda: self.new_person())
        self.edit_button.clicked.connect(lambda: self.edit_person(self.current_id()))
        self.delete_button.clicked.connect(self.delete_selected)
        bind_list_keys(self, self.table, self.new_person, lambda: self.edit_person(self.current_id()),
                       self.delete_selected)

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.village, 1)
        top.addWidget(self.gender, 1)
        top.addWidget(self.minority, 1)
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
        self.setTabOrder(self.search, self.village)
        self.setTabOrder(self.village, self.gender)
        self.setTabOrder(self.gender, self.minority)
        self.setTabOrder(self.minority, self.table)
        self._fill_villages()
        self.retranslate()
        self.refresh()

    # Data ---------------------------------------------------------------------------------------
    def _gender(self, value: str) -> str:
        return self.tr("Female") if value == "female" else self.tr("Male")

    def _fill_villages(self) -> None:
        current = self.village.currentData()
        self.village.blockSignals(True)
        self.village.clear()
        self.village.addItem(self.tr("All villages"), None)
        for v in self.office.villages():
            self.village.addItem(v.name, v.id)
        self.village.setCurrentIndex(max(self.village.findData(current), 0))
        self.village.blockSignals(False)

    def _fetch(self, offset: int, limit: int) -> tuple[list[PersonView], int]:
        # Counted no further than COUNT_UP_TO (or the rows scrolled to): "more than 1000" is all
        # an officer typing a name needs, and an exact count of a common name is a scan of the register.
        page = self.people.search(self.search.text(), offset=offset, limit=limit,
                                  village_id=self.village.currentData(), gender=self.gender.currentData(),
                                  ethnic_minority=self.minority.currentData(), order=self.order,
                                  count_up_to=COUNT_UP_TO)
        self._more = page.more
        return page.rows, page.total

    def refresh(self) -> None:
        self.model.reload()
        self._show_count()
        if not self._fitted and self.model.rowCount():
            # Once, on the first rows: fitting 200 rows' text cost a third of each keystroke, and
            # columns that jump at every letter typed are hard to read anyway.
            self.table.resizeColumnsToContents()
            self._fitted = True
        elif not self._fitted:
            self.table.resizeColumnsToContents()  # no rows yet: each column title shown whole

    def _show_count(self) -> None:
        if self._more:
            self.count.setText(self.tr("More than %1 people").replace("%1", str(self.model.total - 1)))
        else:
            self.count.setText(self.tr("%n people", "", self.model.total))

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if column not in SORTABLE:  # no order in the query for this column: keep the current one
            current = next((c for c, key in SORTABLE.items() if key == self.order.lstrip("-")), 0)
            descending = self.order.startswith("-")
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(current, Qt.SortOrder.DescendingOrder if descending
                                    else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.order = ("-" if descending else "") + SORTABLE[column]
        self.refresh()

    # Actions ------------------------------------------------------------------------------------
    def _id_at(self, index: QModelIndex) -> str | None:
        return self.model.row_object(index.row()).id if index.isValid() else None

    def current_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()).id if rows else None

    def new_person(self) -> PersonDialog | None:
        return self._open(None)

    def edit_person(self, person_id: str | None) -> PersonDialog | None:
        return self._open(person_id) if person_id else None

    def _open(self, person_id: str | None) -> PersonDialog | None:
        if self.dialog is not None and not self.dialog.isVisible():
            self.dialog.deleteLater()
            self.dialog = None
        # The person may have been deleted since the list was loaded: say so instead of failing.
        dialog = ops.run(self, lambda: PersonDialog(self.people, self.office, self.records, self.drafts, person_id,
                                                    parent=self))
        if dialog is None:
            self.refresh()
            return None
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self.refresh())
        if dialog.history is not None:
            dialog.history.changed.connect(self.refresh)
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        person = self.model.row_object(rows[0].row())
        question = self.tr("Delete %1 from the register? Award history stays in the database.").replace(
            "%1", person.full_name)
        if not dialogs.ask_yes_no(self, self.tr("Delete person"), question):
            return
        if ops.perform(self, lambda: self.people.delete(person.id), changes=Change.PEOPLE).ok:
            self.refresh()

    # Language -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search by name, with or without accents…"))
        self.village.setItemText(0, self.tr("All villages"))
        labels.fill_combo(self.gender, labels.gender_items(), blank=self.tr("Both genders"))
        labels.fill_combo(self.minority, [(self.tr("Ethnic minority"), True),
                                          (self.tr("Not an ethnic minority"), False)],
                          blank=self.tr("All ethnic groups"))
        self.new_button.setText(self.tr("New person"))
        self.new_button.setToolTip("Ctrl+N")
        self.edit_button.setText(self.tr("Edit"))
        self.delete_button.setText(self.tr("Delete"))
        self.model.set_titles([self.tr("Full name"), self.tr("Gender"), self.tr("Date of birth"),
                               self.tr("Ethnicity"), self.tr("Village"), self.tr("Position")])
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()


class RegisterScreen(QWidget, ops.Watcher):
    """Cá nhân & tập thể as one navigation entry: people, collectives and households, and the
    yearly ratings grid, as tabs. ``RegisterScreen(people, collectives, office, records, drafts)``;
    with ``excel_import`` / ``excel_export`` its "Excel" button imports lists and exports the register.
    The lists follow changes made anywhere (an import, a sync, a village added in Settings)."""

    watches = Change.PEOPLE | Change.COLLECTIVES | Change.RECORDS | Change.OFFICE | Change.SYNC

    def __init__(self, people: PeopleService, collectives: CollectiveService, office: OfficeService,
                 records: RecordsService, drafts: DraftStore | None = None, parent: QWidget | None = None,
                 excel_import: ExcelImportService | None = None,
                 excel_export: ExcelExportService | None = None) -> None:
        super().__init__(parent)
        self.people_screen = PeopleScreen(people, office, records, drafts)
        self.collectives_screen = CollectivesScreen(collectives, people, office, records, drafts)
        self.ratings_grid = RatingsGrid(records, people, collectives)
        self.search = self.people_screen.search  # Ctrl+F and the main window reach the people search
        self.tabs = QTabWidget()
        for page in (self.people_screen, self.collectives_screen, self.ratings_grid):
            self.tabs.addTab(page, "")
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        self.import_wizard: ImportWizard | None = None
        self.excel_button = ExcelButton(self)
        if excel_import is not None:
            self.excel_button.add_entry("import", lambda: self.tr("Import from Excel…"),
                                        lambda: self.import_from_excel(excel_import))
        if excel_export is not None:
            self.excel_button.add_entry("register", lambda: self.tr("Export the award register (Excel)…"),
                                        lambda: export_workbook(self, excel_export, "register",
                                                                file_name("so-theo-doi-khen-thuong", date.today())))
        self.tabs.setCornerWidget(self.excel_button, Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.retranslate()

    def import_from_excel(self, service: ExcelImportService) -> ImportWizard:
        """The import wizard, for the list the visible tab shows; the lists refresh when it closes."""
        kind = "collectives" if self.tabs.currentWidget() is self.collectives_screen else "people"
        self.import_wizard = open_import(self, service, kind, self._imported)
        return self.import_wizard

    def _imported(self) -> None:
        self.people_screen._fill_villages()
        self.people_screen.refresh()
        self.collectives_screen.refresh()

    def on_changed(self, changes: Change) -> None:
        """The paged lists re-read at once (cheap); the ratings grid only when it is the tab shown,
        as choosing its tab re-reads it anyway."""
        if changes & (Change.OFFICE | Change.SYNC):
            self.people_screen._fill_villages()
        if changes & (Change.PEOPLE | Change.OFFICE | Change.SYNC):
            self.people_screen.refresh()
        if changes & (Change.COLLECTIVES | Change.PEOPLE | Change.OFFICE | Change.SYNC):  # members are people
            self.collectives_screen.refresh()
        if self.tabs.currentWidget() is self.ratings_grid and changes & ~Change.OFFICE:
            self.refresh()

    def refresh(self) -> None:
        """Refresh the visible tab (the ratings grid keeps unsaved edits until asked)."""
        current = self.tabs.currentWidget()
        if current is self.ratings_grid:
            if not self.ratings_grid.model.edits:
                self.ratings_grid.refresh()
        elif isinstance(current, PeopleScreen | CollectivesScreen):
            current.refresh()

    def focus_search(self) -> None:
        if self.tabs.currentWidget() is self.collectives_screen:
            self.collectives_screen.focus_search()
            return
        self.tabs.setCurrentWidget(self.people_screen)
        self.people_screen.focus_search()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Individuals"))
        self.tabs.setTabText(1, self.tr("Collectives and households"))
        self.tabs.setTabText(2, self.tr("Annual task ratings"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
