"""A person in the register: new or edited. Errors appear beside the field the service names;
typed values are kept as a draft ("person-new", "person-<id>"). A second tab holds what the
achievement report (Mẫu 05) asks for (hometown, qualification, political theory, academic title,
duties), so the first stays short enough for a small laptop; when editing, a third tab holds the
person's award history, ratings, initiatives, discipline and open matters."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import SubjectType
from ...domain.errors import DomainError, Notice
from ...domain.ethnicity import ethnic_groups
from ...domain.text import search_key
from ...services.changes import Change
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
# The fields of the "Dossier" tab, in the order Mẫu 05 lists them.
DOSSIER_FIELDS = ("hometown", "qualification", "political_theory", "academic_title", "duties")
# Levels of political theory training as officers write them (a suggestion; any text is kept).
POLITICAL_THEORY_LEVELS = ("Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân")


class _FoldingCompleter(QCompleter):
    """Completes on a folded key (name, aliases and code without accents), so "hmong" or
    "tay" finds "Mông" and "Tày", but puts the official name in the box."""

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
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


class _GrowingScrollArea(QScrollArea):
    """Asks for the whole height of its page at its present width (a plain scroll area asks for a
    fixed size), so the dialog grows to show a wrapped error whole; it scrolls only where the screen
    is too small for that."""

    def sizeHint(self) -> QSize:
        page = self.widget()
        if page is None:
            return super().sizeHint()
        width = max(self.viewport().width(), page.minimumSizeHint().width())
        height = page.heightForWidth(width) if page.hasHeightForWidth() else page.sizeHint().height()
        frame = 2 * self.frameWidth()
        return QSize(max(page.sizeHint().width(), width) + frame, max(height, page.sizeHint().height()) + frame)


def _birth_text(p: PersonView) -> str:
    if p.birth_date:
        return p.birth_date.strftime("%d/%m/%Y")
    return str(p.birth_year or "")


class PersonDialog(FormDialog):
    """``PersonDialog(people, office, records, drafts, person_id=None)``; after Save,
    ``result_value`` is the saved PersonView."""

    changes = Change.PEOPLE

    def __init__(self, people: PeopleService, office: OfficeService, records: RecordsService | None = None,
                 drafts: DraftStore | None = None, person_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        # Read first: a person deleted meanwhile refuses here, before any window exists.
        person = people.get(person_id) if person_id else None
        super().__init__(drafts, f"person-{person_id}" if person_id else "person-new", parent)
        self.people = people
        self.person_id = person_id
        self.person: PersonView | None = person
        # The version loaded: the save hands it back, so a save by another officer meanwhile is
        # refused (RECORD_CHANGED) instead of overwritten; Reload takes the new one.
        self.token = person.token if person is not None else None
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
        self._make_tabs()
        self._add_dossier_tab(texts)
        self.history: SubjectHistory | None = None
        if self.person is not None and records is not None:
            self._add_history_tab(records, self.person.id)
        self.retranslate()
        if self.person is not None:
            self.set_values(self._stored_values(self.person))
        self.restore_draft()
        self.full_name.setFocus()
        fit_size(self, 920 if self.history else 640,
                 640 if self.history else min(max(self.sizeHint().height(), 420), 640))

    @staticmethod
    def _scrolled(page: QWidget) -> QScrollArea:
        scroll = _GrowingScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        return scroll

    def _make_tabs(self) -> None:
        """Move the form into a "Details" tab (scrolled: it fits a small screen at 150%)."""
        self.body.removeItem(self.form)
        self.form.setParent(None)
        details = QWidget()
        details.setLayout(self.form)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._scrolled(details), "")
        self.body.insertWidget(1, self.tabs, 1)

    def _add_dossier_tab(self, texts: dict[str, str]) -> None:
        """What Mẫu 05 asks for, on a tab of its own: blanks print as dotted lines and are listed
        before printing, so an officer may fill them in later."""
        page = QWidget()
        column = QVBoxLayout(page)
        self.dossier_hint = QLabel()
        self.dossier_hint.setWordWrap(True)
        column.addWidget(self.dossier_hint)
        self.dossier_form = QFormLayout()
        self.dossier_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        column.addLayout(self.dossier_form)
        column.addStretch(1)
        self.add_field("hometown", texts["hometown"], QLineEdit(), self.dossier_form)
        self.add_field("qualification", texts["qualification"], QLineEdit(), self.dossier_form)
        theory = QLineEdit()
        suggestions = QCompleter(list(POLITICAL_THEORY_LEVELS), theory)
        suggestions.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        theory.setCompleter(suggestions)
        self.add_field("political_theory", texts["political_theory"], theory, self.dossier_form)
        self.add_field("academic_title", texts["academic_title"], QLineEdit(), self.dossier_form)
        duties = QPlainTextEdit()
        duties.setTabChangesFocus(True)  # Tab moves on, as in the other fields
        duties.setMinimumHeight(duties.fontMetrics().lineSpacing() * 4 + 12)
        self.add_field("duties", texts["duties"], duties, self.dossier_form)
        self.dossier_page = page
        self.tabs.addTab(self._scrolled(page), "")

    def _add_history_tab(self, records: RecordsService, person_id: str) -> None:
        """The person's records, saved as soon as a row is added or removed."""
        self.history = SubjectHistory(records, Subject(person_id=person_id), SubjectType.INDIVIDUAL)
        self.history_hint = QLabel()
        self.history_hint.setWordWrap(True)
        history_page = QWidget()
        column = QVBoxLayout(history_page)
        column.addWidget(self.history_hint)
        column.addWidget(self.history, 1)
        self.tabs.addTab(history_page, "")

    @staticmethod
    def _stored_values(p: PersonView) -> dict[str, object]:
        return {"full_name": p.full_name, "gender": p.gender, "birth": _birth_text(p), "ethnicity": p.ethnicity,
                "cccd": p.cccd or "", "phone": p.phone or "", "position": p.position, "workplace": p.workplace,
                "village": p.village_id, "address": p.address, "is_direct_worker": p.is_direct_worker,
                "employment_start": p.employment_start.strftime("%d/%m/%Y") if p.employment_start else "",
                **{name: getattr(p, name) for name in DOSSIER_FIELDS}}

    def _texts(self) -> dict[str, str]:
        return {"full_name": self.tr("Full name"), "gender": self.tr("Gender"),
                "birth": self.tr("Date of birth"), "ethnicity": self.tr("Ethnicity"),
                "cccd": self.tr("Citizen ID (CCCD, 12 digits)"), "phone": self.tr("Phone"),
                "position": self.tr("Position"), "workplace": self.tr("Workplace or unit"),
                "village": self.tr("Village"), "address": self.tr("Address"),
                "is_direct_worker": self.tr("Direct worker"), "employment_start": self.tr("Employment start"),
                "hometown": self.tr("Hometown"), "qualification": self.tr("Professional qualification"),
                "political_theory": self.tr("Political theory"), "academic_title": self.tr("Academic title, degree"),
                "duties": self.tr("Duties assigned")}

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit person: %1").replace("%1", self.person.full_name) if self.person
                            else self.tr("New person"))
        labels.fill_combo(self.gender, labels.gender_items(), blank="")
        for name, text in self._texts().items():
            form = self.dossier_form if name in DOSSIER_FIELDS else self.form
            holder = self.fields[name].parentWidget()  # add_field puts each field in a holder row
            label = form.labelForField(holder) if holder is not None else None
            if isinstance(label, QLabel):
                label.setText(text)
                label.setWordWrap(True)
                # Wrap only past 200 px: a label wrapped narrower is taller than its one-line field.
                label.setMinimumWidth(min(label.fontMetrics().horizontalAdvance(text) + 2, 200))
        self.direct_text.set_text(self.tr("Works directly in production or services (not an official)"))
        editor = self.ethnicity.lineEdit()  # the box is editable: it always has one
        if editor is not None:
            editor.setPlaceholderText(self.tr("Type to search, e.g. tay, nung, mong"))
        self.fields["political_theory"].setPlaceholderText(self.tr("e.g. Trung cấp"))  # type: ignore[attr-defined]
        self.fields["academic_title"].setPlaceholderText(  # type: ignore[attr-defined]
            self.tr("e.g. Thạc sĩ, Tiến sĩ; write “Không” if none"))
        self.fields["duties"].setPlaceholderText(  # type: ignore[attr-defined]
            self.tr("One duty per line, as the job description says"))
        self.dossier_hint.setText(self.tr("Printed in the achievement report (Mẫu 05). What is left blank prints as "
                                          "a dotted line and is listed before printing."))
        self.tabs.setTabText(0, self.tr("Details"))
        self.tabs.setTabText(1, self.tr("Dossier profile"))
        if self.history is not None:
            self.tabs.setTabText(2, self.tr("Awards and history"))
            self.history_hint.setText(self.tr("Rows on these tabs are saved as soon as you add or remove them."))

    def _input(self) -> PersonInput:
        v = self.values()
        return PersonInput(
            full_name=v["full_name"], gender=v["gender"] or "", birth=v["birth"], ethnicity=v["ethnicity"],
            cccd=v["cccd"], phone=v["phone"], position=v["position"], workplace=v["workplace"],
            village_id=v["village"] or None, address=v["address"], is_direct_worker=bool(v["is_direct_worker"]),
            employment_start=v["employment_start"], **{name: v[name] for name in DOSSIER_FIELDS})

    def warnings(self) -> list[Notice]:
        return self.people.warnings(self._input())

    def show_errors(self, error: DomainError) -> None:
        """As every form, then the tab holding the first refused field comes to the front."""
        super().show_errors(error)
        first = next((name for name, label in self.errors.items() if not label.isHidden()), None)
        if first is None:
            return
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is not None and page.isAncestorOf(self.fields[first]):
                self.tabs.setCurrentIndex(index)
                self.fields[first].setFocus()
                break

    def save(self) -> PersonView:
        data = self._input()
        if self.person_id:
            return self.people.update(self.person_id, data, expected=self.token)
        return self.people.create(data)

    def reload_record(self) -> dict[str, object] | None:
        if not self.person_id:
            return None
        self.person = self.people.get(self.person_id)
        self.token = self.person.token
        return self._stored_values(self.person)
