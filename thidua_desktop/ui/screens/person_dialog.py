"""A person in the register: new or edited. Errors appear beside the field the service names;
typed values are kept as a draft ("person-new", "person-<id>"). When editing, a second tab
holds the person's award history, ratings, initiatives, discipline and open matters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import SubjectType
from ...domain.errors import Notice
from ...domain.ethnicity import ethnic_groups
from ...domain.text import search_key
from ...services.drafts import DraftStore
from ...services.office import OfficeService
from ...services.people import PeopleService, PersonInput, PersonView
from ...services.records import RecordsService, Subject
from ..check_label import wrap_check_text
from ..forms import DateField, FormDialog
from . import person_labels as labels
from .person_history import SubjectHistory
from .person_section import fit_size

_MATCH_ROLE = Qt.ItemDataRole.UserRole + 1


class _FoldingCompleter(QCompleter):
    """Completes on a folded key (name, aliases and code without accents), so "hmong" or
    "tay" finds "Mông" and "Tày", but puts the official name in the box."""

    def pathFromIndex(self, index) -> str:  # type: ignore[no-untyped-def, override]
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")

    def splitPath(self, path: str) -> list[str]:
        return [search_key(path)]


class EthnicityBox(QComboBox):
    """The 54 ethnic groups, with typing to search. The typed text goes to the service, which
    also accepts the common spellings (H'Mông, Khmer …)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("")
        source = QStandardItemModel(self)
        for group in ethnic_groups():
            self.addItem(group.name)
            item = QStandardItem(group.name)
            item.setData(" ".join([search_key(group.name), group.code, *map(search_key, group.aliases)]),
                         _MATCH_ROLE)
            source.appendRow(item)
        completer = _FoldingCompleter(source, self)
        completer.setCompletionRole(_MATCH_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)


def _birth_text(p: PersonView) -> str:
    if p.birth_date:
        return p.birth_date.strftime("%d/%m/%Y")
    return str(p.birth_year or "")


class PersonDialog(FormDialog):
    """``PersonDialog(people, office, records, drafts, person_id=None)``; after Save,
    ``result_value`` is the saved PersonView."""

    def __init__(self, people: PeopleService, office: OfficeService, records: RecordsService | None = None,
                 drafts: DraftStore | None = None, person_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        # Read first: a person deleted meanwhile refuses here, before any window exists.
        person = people.get(person_id) if person_id else None
        super().__init__(drafts, f"person-{person_id}" if person_id else "person-new", parent)
        self.people = people
        self.person_id = person_id
        self.person: PersonView | None = person
        texts = self._texts()
        self.full_name = self.add_field("full_name", texts["full_name"], QLineEdit())
        self.gender = self.add_field("gender", texts["gender"], QComboBox())
        self.birth = self.add_field("birth", texts["birth"], DateField(year_allowed=True))
        self.ethnicity = self.add_field("ethnicity", texts["ethnicity"], EthnicityBox())
        cccd = QLineEdit()
        cccd.setMaxLength(20)
        self.add_field("cccd", texts["cccd"], cccd)
        self.add_field("phone", texts["phone"], QLineEdit())
        self.add_field("position", texts["position"], QLineEdit())
        self.add_field("workplace", texts["workplace"], QLineEdit())
        village = QComboBox()
        village.addItem("", None)
        for v in office.villages():
            village.addItem(v.name, v.id)
        self.add_field("village", texts["village"], village)
        self.add_field("address", texts["address"], QLineEdit())
        self.direct = self.add_field("is_direct_worker", texts["is_direct_worker"], QCheckBox())
        self.direct_text = wrap_check_text(self.direct)  # long in Vietnamese: wraps instead of being cut
        self.add_field("employment_start", texts["employment_start"], DateField())
        self.history: SubjectHistory | None = None
        if self.person is not None and records is not None:
            self._add_history_tab(records, self.person.id)
        self.retranslate()
        if self.person is not None:
            self.set_values(self._stored_values(self.person))
        self.restore_draft()
        self.full_name.setFocus()
        fit_size(self, 920 if self.history else 600,
                 640 if self.history else min(max(self.sizeHint().height(), 420), 640))

    def _add_history_tab(self, records: RecordsService, person_id: str) -> None:
        """Move the form into a "Details" tab and add the history next to it."""
        self.body.removeItem(self.form)
        self.form.setParent(None)  # type: ignore[call-overload]
        details = QWidget()
        details.setLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(details)
        self.history = SubjectHistory(records, Subject(person_id=person_id), SubjectType.INDIVIDUAL)
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

    @staticmethod
    def _stored_values(p: PersonView) -> dict[str, object]:
        return {"full_name": p.full_name, "gender": p.gender, "birth": _birth_text(p), "ethnicity": p.ethnicity,
                "cccd": p.cccd or "", "phone": p.phone or "", "position": p.position, "workplace": p.workplace,
                "village": p.village_id, "address": p.address, "is_direct_worker": p.is_direct_worker,
                "employment_start": p.employment_start.strftime("%d/%m/%Y") if p.employment_start else ""}

    def _texts(self) -> dict[str, str]:
        return {"full_name": self.tr("Full name"), "gender": self.tr("Gender"),
                "birth": self.tr("Date of birth"), "ethnicity": self.tr("Ethnicity"),
                "cccd": self.tr("Citizen ID (CCCD, 12 digits)"), "phone": self.tr("Phone"),
                "position": self.tr("Position"), "workplace": self.tr("Workplace or unit"),
                "village": self.tr("Village"), "address": self.tr("Address"),
                "is_direct_worker": self.tr("Direct worker"), "employment_start": self.tr("Employment start")}

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit person: %1").replace("%1", self.person.full_name) if self.person
                            else self.tr("New person"))
        labels.fill_combo(self.gender, labels.gender_items(), blank="")
        for name, text in self._texts().items():
            label = self.form.labelForField(self.fields[name].parentWidget())
            if isinstance(label, QLabel):
                label.setText(text)
                label.setWordWrap(True)
        self.direct_text.set_text(self.tr("Works directly in production or services (not an official)"))
        self.fields["ethnicity"].lineEdit().setPlaceholderText(self.tr("Type to search, e.g. tay, nung, mong"))
        if self.history is not None:
            self.tabs.setTabText(0, self.tr("Details"))
            self.tabs.setTabText(1, self.tr("Awards and history"))
            self.history_hint.setText(self.tr("Rows on these tabs are saved as soon as you add or remove them."))

    def _input(self) -> PersonInput:
        v = self.values()
        return PersonInput(
            full_name=v["full_name"], gender=v["gender"] or "", birth=v["birth"], ethnicity=v["ethnicity"],
            cccd=v["cccd"], phone=v["phone"], position=v["position"], workplace=v["workplace"],
            village_id=v["village"] or None, address=v["address"], is_direct_worker=bool(v["is_direct_worker"]),
            employment_start=v["employment_start"])

    def warnings(self) -> list[Notice]:
        return self.people.warnings(self._input())

    def save(self) -> PersonView:
        data = self._input()
        if self.person_id:
            return self.people.update(self.person_id, data)
        return self.people.create(data)
