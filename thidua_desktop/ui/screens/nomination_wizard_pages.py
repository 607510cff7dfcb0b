"""Nomination wizard, steps 1 and 2: the batch and the award, then the nominees; plus the state the
steps share and the words for the codes they show."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ...services.changes import Change
from ...services.nominations import (
    BatchView,
    CandidatePreview,
    NominationService,
    NomineeDraft,
    NomineeOption,
)
from .. import ops
from ..forms import DateField, FormDialog, combo
from ..locale_format import date_text
from ..models.paged import Column, PagedTableModel
from ..texts import UNVERIFIED_MARK, award_label, unverified_legend

if TYPE_CHECKING:  # the catalog's award, as the nomination service hands it over
    from ...rules import AwardDef

Index = QModelIndex | QPersistentModelIndex
# The commendation kind a batch of each kind is usually about.
BATCH_TO_KIND = {"annual": "regular", "thematic": "thematic", "ad_hoc": "ad_hoc"}


def kind_text(kind: str) -> str:
    names = {
        "regular": QCoreApplication.translate("Nominations", "Regular"),
        "thematic": QCoreApplication.translate("Nominations", "Thematic"),
        "ad_hoc": QCoreApplication.translate("Nominations", "Ad hoc"),
        "contribution": QCoreApplication.translate("Nominations", "Long-service contribution"),
        "seniority": QCoreApplication.translate("Nominations", "Seniority"),
        "foreign": QCoreApplication.translate("Nominations", "Foreign relations"),
    }
    return names.get(kind, kind)


def batch_kind_text(kind: str) -> str:
    names = {"annual": QCoreApplication.translate("Nominations", "Annual"),
             "thematic": QCoreApplication.translate("Nominations", "Thematic"),
             "ad_hoc": QCoreApplication.translate("Nominations", "Ad hoc")}
    return names.get(kind, kind)


def subject_text(subject: str) -> str:
    names = {"individual": QCoreApplication.translate("Nominations", "individual"),
             "collective": QCoreApplication.translate("Nominations", "collective"),
             "household": QCoreApplication.translate("Nominations", "household")}
    return names.get(subject, subject)


def outcome_text(outcome: str) -> str:
    names = {"eligible": QCoreApplication.translate("NominationsScreen", "Eligible"),
             "not_eligible": QCoreApplication.translate("NominationsScreen", "Not eligible"),
             "incomplete": QCoreApplication.translate("NominationsScreen", "Needs information")}
    return names.get(outcome, outcome)


def award_name(award: AwardDef, lang: str) -> str:
    return award.name_vi if lang == "vi" else award.name_en


def show_quota(label: QLabel, nominations: NominationService, state: WizardState, parent: QWidget) -> None:
    """The live quota line, e.g. "Chiến sĩ thi đua cơ sở: 3 of at most 2 allowed", counting the
    nominees ticked but not saved yet; hidden when the award has no quota switched on."""
    award, batch = state.award, state.batch
    if award is None or batch is None:
        label.hide()
        return
    quota = ops.run(parent, lambda: nominations.quota(batch.id, award.code, adding=len(state.chosen)))
    if not quota or not quota["enabled"]:
        label.hide()
        return
    text = QCoreApplication.translate("EligibilityPage", "%1: %2 of at most %3 allowed") \
        .replace("%1", award_name(award, ops.current_lang())).replace("%2", str(quota["count"])) \
        .replace("%3", str(quota["limit"]))
    if not quota["verified"]:  # the source of the quota, not the nominees: a mark, explained on hover
        text += f" {UNVERIFIED_MARK}"
    label.setText(text)
    label.setToolTip(unverified_legend() if not quota["verified"] else "")
    label.setStyleSheet("color: #204a87;" if quota["within"] else "color: #a40000; font-weight: bold;")
    label.show()


@dataclass
class WizardState:
    """What the officer has chosen so far; every step reads and writes it."""

    batch: BatchView | None = None
    award: AwardDef | None = None
    kind: str = "regular"
    chosen: dict[str, NomineeOption] = field(default_factory=dict)  # subject id -> option, in pick order
    drafts: dict[str, NomineeDraft] = field(default_factory=dict)
    previews: dict[str, CandidatePreview] = field(default_factory=dict)

    def draft(self, subject_id: str) -> NomineeDraft:
        if subject_id not in self.drafts:
            option = self.chosen[subject_id]
            self.drafts[subject_id] = (NomineeDraft(person_id=option.id) if option.is_person
                                       else NomineeDraft(collective_id=option.id))
        return self.drafts[subject_id]

    def ordered_drafts(self) -> list[NomineeDraft]:
        return [self.draft(sid) for sid in self.chosen]


class Page(QWizardPage):
    """A wizard step that retranslates itself when the language changes."""

    def retranslate(self) -> None:  # pragma: no cover - every step implements it
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class BatchDialog(FormDialog):
    """A new nomination batch: name, year, kind and deadline."""

    changes = Change.NOMINATIONS

    def __init__(self, nominations: NominationService, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.nominations = nominations
        self.setWindowTitle(self.tr("New nomination batch"))
        name = QLineEdit()
        name.setPlaceholderText(self.tr("e.g. Emulation and commendation review, year %1").replace("%1", str(year)))
        self.add_field("name", self.tr("Name of the batch"), name)
        spin = QSpinBox()
        spin.setRange(2000, 2100)
        spin.setValue(year)
        self.add_field("year", self.tr("Year"), spin)
        self.add_field("kind", self.tr("Kind of batch"),
                       combo([(batch_kind_text(k), k) for k in ("annual", "thematic", "ad_hoc")]))
        self.add_field("deadline", self.tr("Deadline"), DateField())
        # A batch name is a whole phrase ("Xét khen thưởng thi đua năm 2026"): show all of it, not its tail.
        metrics = name.fontMetrics()
        name.setMinimumWidth(max(metrics.horizontalAdvance(name.placeholderText()),
                                 metrics.horizontalAdvance("Xét khen thưởng phong trào thi đua năm 2026")) + 24)
        self.dirty = False

    def save(self) -> BatchView:
        v = self.values()
        return self.nominations.create_batch(v["name"], v["year"], v["kind"], v["deadline"])


class BatchAwardPage(Page):
    """Step 1: the batch (or a new one), the award that fits it, and the kind of commendation."""

    def __init__(self, nominations: NominationService, state: WizardState, lang: str, year: int) -> None:
        super().__init__()
        self.nominations = nominations
        self.state = state
        self.lang = lang
        self.year = year
        self.batch = QComboBox()
        self.new_batch = QPushButton()
        self.award = QComboBox()
        self.kind = QComboBox()
        self.note = QLabel()
        self.note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.batch, 1)
        row.addWidget(self.new_batch)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels = [QLabel(), QLabel(), QLabel()]
        for label in self.labels:
            label.setWordWrap(True)
            label.setMinimumWidth(170)
        self.form.addRow(self.labels[0], row)
        self.form.addRow(self.labels[1], self.award)
        self.form.addRow(self.labels[2], self.kind)
        self.form.addRow(self.note)
        self.batch.currentIndexChanged.connect(lambda _i: self._fill_awards())
        self.award.currentIndexChanged.connect(lambda _i: self._fill_kinds())
        self.new_batch.clicked.connect(self.add_batch)
        self._fill_batches()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Step 1 of 6: batch and award"))
        self.setSubTitle(self.tr("Choose the nomination batch, the title or form proposed, and its kind."))
        self.new_batch.setText(self.tr("New batch…"))
        for label, text in zip(self.labels, (self.tr("Nomination batch"), self.tr("Award"),
                                             self.tr("Kind of commendation")), strict=True):
            label.setText(text)
        if self.award.count():  # names of batches, awards and kinds in the new language; choices kept
            self.lang = ops.current_lang()
            batch, kind = self.batch.currentData(), self.kind.currentData()
            self._fill_batches(select=batch.id if batch else None)
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))

    def _fill_batches(self, select: str | None = None) -> None:
        self.batch.blockSignals(True)
        self.batch.clear()
        for b in self.nominations.batches():
            due = f" — {date_text(b.deadline)}" if b.deadline else ""
            self.batch.addItem(f"{b.name} ({b.year}, {batch_kind_text(b.kind)}){due}", b)
        if select:
            self.batch.setCurrentIndex(max(0, next((i for i in range(self.batch.count())
                                                    if self.batch.itemData(i).id == select), 0)))
        self.batch.blockSignals(False)
        self._fill_awards()

    def add_batch(self) -> None:
        dialog = BatchDialog(self.nominations, self.year, self)
        if dialog.exec() and dialog.result_value is not None:
            self._fill_batches(select=dialog.result_value.id)

    def _fill_awards(self) -> None:
        batch: BatchView | None = self.batch.currentData()
        wanted = BATCH_TO_KIND.get(batch.kind, "regular") if batch else "regular"
        current = self.award.currentData()
        self.award.blockSignals(True)
        self.award.clear()
        for award in self.nominations.catalog.awards:
            if wanted in {k.value for k in award.commendation_kinds}:
                self.award.addItem(award_label(award, self.nominations.catalog, self.lang), award.code)
        self.award.setCurrentIndex(max(0, self.award.findData(current)))
        self.award.blockSignals(False)
        self._fill_kinds()

    def _fill_kinds(self) -> None:
        code = self.award.currentData()
        batch: BatchView | None = self.batch.currentData()
        self.kind.clear()
        if not code:
            self.completeChanged.emit()
            return
        award = self.nominations.catalog.award(code)
        for kind in award.commendation_kinds:
            self.kind.addItem(kind_text(kind.value), kind.value)
        if batch:
            self.kind.setCurrentIndex(max(0, self.kind.findData(BATCH_TO_KIND.get(batch.kind))))
        note = [self.tr("The commune chairman grants this award.") if award.commune_grants
                else self.tr("This award is proposed to a higher level.")]
        if not award.verified:
            note.append(self.tr("Its legal basis is not verified yet: %1").replace("%1",
                                                                                               award.source.ref))
        self.note.setText(" ".join(note))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.batch.currentData() is not None and bool(self.award.currentData())

    def validatePage(self) -> bool:
        award = self.nominations.catalog.award(self.award.currentData())
        if self.state.award is None or self.state.award.subject_type != award.subject_type:
            self.state.chosen.clear()  # people cannot be nominated for a collective title
            self.state.drafts.clear()
        elif self.state.award.code != award.code:
            for draft in self.state.drafts.values():
                draft.attested, draft.provided, draft.files, draft.achievement_summary = [], [], {}, ""
        self.state.batch = self.batch.currentData()
        self.state.award = award
        self.state.kind = self.kind.currentData()
        return True


class CheckableModel(PagedTableModel):
    """A paged list whose first column has a tick box; the ticks survive new searches."""

    def __init__(self, columns: list[Column], fetch: Any, chosen: dict[str, NomineeOption], parent: Any) -> None:
        super().__init__(columns, fetch, parent)
        self.chosen = chosen

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == 0:
            chosen = self.row_object(index.row()).id in self.chosen
            return Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        option: NomineeOption = self.row_object(index.row())
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.chosen[option.id] = option
        else:
            self.chosen.pop(option.id, None)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


class NomineesPage(Page):
    """Step 2: tick the nominees in the register (people, collectives or households), searching as you type."""

    def __init__(self, nominations: NominationService, state: WizardState) -> None:
        super().__init__()
        self.nominations = nominations
        self.state = state
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.table = QTableView()
        self.model = CheckableModel([Column("", lambda o: o.name), Column("", lambda o: o.detail)],
                                    self._fetch, state.chosen, self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._toggle)
        self.chosen_label = QLabel()
        self.quota = QLabel()
        self.quota.setWordWrap(True)
        self.quota.hide()
        self.chosen_list = QListWidget()
        self.remove = QPushButton()
        self.remove.clicked.connect(self._remove)
        self.model.dataChanged.connect(lambda *_: self._chosen_changed())
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.model.reload)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.table, 1)
        right = QVBoxLayout()
        right.addWidget(self.chosen_label)
        right.addWidget(self.chosen_list, 1)
        right.addWidget(self.quota)
        right.addWidget(self.remove)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Step 2 of 6: nominees"))
        self.setSubTitle(self.tr("Tick the nominees (Space or double-click). Search ignores accents."))
        self.search.setPlaceholderText(self.tr("Search by name, with or without accents…"))
        self.remove.setText(self.tr("Remove from the list"))
        self.model.set_titles([self.tr("Name"), self.tr("Position, village")])
        self._chosen_changed()

    def _fetch(self, offset: int, limit: int) -> tuple[list[NomineeOption], int]:
        if self.state.award is None:
            return [], 0
        return self.nominations.nominees(self.state.award.subject_type.value, self.search.text(),
                                         offset=offset, limit=limit)

    def initializePage(self) -> None:
        self.model.reload()
        self.table.resizeColumnToContents(0)
        self._chosen_changed()
        self.search.setFocus()

    def _toggle(self, index: QModelIndex) -> None:
        first = self.model.index(index.row(), 0)
        checked = self.model.data(first, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        self.model.setData(first, (Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked).value,
                           Qt.ItemDataRole.CheckStateRole)

    def _remove(self) -> None:
        for item in self.chosen_list.selectedItems():
            self.state.chosen.pop(item.data(Qt.ItemDataRole.UserRole), None)
        self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(max(0, self.model.rowCount() - 1), 0))

    def _chosen_changed(self) -> None:
        for gone in set(self.state.drafts) - set(self.state.chosen):
            del self.state.drafts[gone]
        self.chosen_list.clear()
        for option in self.state.chosen.values():
            item = QListWidgetItem(option.name)
            item.setData(Qt.ItemDataRole.UserRole, option.id)
            self.chosen_list.addItem(item)
        self.chosen_label.setText(self.tr("Chosen: %n", "", len(self.state.chosen)))
        if self.state.award is not None and self.state.award.quota is not None:  # live while ticking
            show_quota(self.quota, self.nominations, self.state, self)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.state.chosen)
