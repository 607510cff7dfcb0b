"""Nomination wizard, steps 4 and 5: the achievement summary from the award's template, then the
dossier checklist with the attached documents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.nominations import NominationService
from .. import dialogs, ops
from .nomination_wizard_pages import Page, WizardState


def pick_files(parent: QWidget | None, title: str) -> list[str]:
    """The file picker for dossier documents (tests replace this function)."""
    filters = QCoreApplication.translate("DossierPage", "Documents and photos (*.pdf *.jpg *.jpeg *.png *.doc "
                                                       "*.docx *.xls *.xlsx);;All files (*)")
    paths, _ = QFileDialog.getOpenFileNames(parent, title, "", filters)
    return list(paths)


class _NomineeList(QListWidget):
    """The chosen nominees, in the order they were picked."""

    def fill(self, state: WizardState) -> None:
        current = self.currentItem().data(Qt.ItemDataRole.UserRole) if self.currentItem() else None
        self.blockSignals(True)
        self.clear()
        for option in state.chosen.values():
            item = QListWidgetItem(option.name)
            item.setData(Qt.ItemDataRole.UserRole, option.id)
            self.addItem(item)
        self.blockSignals(False)
        ids = list(state.chosen)
        self.setCurrentRow(ids.index(current) if current in ids else 0)

    def current_id(self) -> str | None:
        item = self.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def select(self, subject_id: str) -> None:
        ids = [self.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.count())]
        self.setCurrentRow(ids.index(subject_id))


class SummaryPage(Page):
    """Step 4: each nominee's achievement summary, started from the award's template."""

    def __init__(self, nominations: NominationService, state: WizardState) -> None:
        super().__init__()
        self.nominations = nominations
        self.state = state
        self.people = _NomineeList()
        self.text = QPlainTextEdit()
        self.fill_button = QPushButton()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.people.currentItemChanged.connect(lambda *_: self._show())
        self.text.textChanged.connect(self._typed)
        self.fill_button.clicked.connect(self.fill_from_template)
        right = QVBoxLayout()
        right.addWidget(self.text, 1)
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.fill_button)
        right.addLayout(row)
        layout = QHBoxLayout(self)
        layout.addWidget(self.people, 1)
        layout.addLayout(right, 3)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Step 4 of 6: achievement summary"))
        self.setSubTitle(self.tr("Each summary starts from the template for this award. Edit it freely."))
        self.fill_button.setText(self.tr("Fill from the template"))
        self.hint.setText(self.tr("Replace every “…” with the nominee's own results."))

    def initializePage(self) -> None:
        for subject_id in self.state.chosen:
            draft = self.state.draft(subject_id)
            if not draft.achievement_summary.strip():
                draft.achievement_summary = self._template(subject_id) or ""
        self.people.fill(self.state)
        self._show()

    def _template(self, subject_id: str) -> str | None:
        draft, award, batch = self.state.draft(subject_id), self.state.award, self.state.batch
        assert award is not None and batch is not None
        return ops.run(self, lambda: self.nominations.draft_summary(
            award.code, batch.year, person_id=draft.person_id, collective_id=draft.collective_id))

    def _show(self) -> None:
        subject_id = self.people.current_id()
        self.text.blockSignals(True)
        self.text.setPlainText(self.state.draft(subject_id).achievement_summary if subject_id else "")
        self.text.blockSignals(False)

    def _typed(self) -> None:
        subject_id = self.people.current_id()
        if subject_id:
            self.state.draft(subject_id).achievement_summary = self.text.toPlainText()

    def fill_from_template(self) -> None:
        subject_id = self.people.current_id()
        if not subject_id:
            return
        if self.text.toPlainText().strip() and not dialogs.ask_yes_no(
                self, self.tr("Replace the summary"), self.tr("Replace the text typed with the template?")):
            return
        text = self._template(subject_id)
        if text is not None:
            self.text.setPlainText(text)


class DossierPage(Page):
    """Step 5: tick the dossier items each nominee has, and attach the scanned documents."""

    def __init__(self, nominations: NominationService, state: WizardState) -> None:
        super().__init__()
        self.nominations = nominations
        self.state = state
        self.people = _NomineeList()
        self.table = QTableWidget(0, 4)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.copy_all = QPushButton()
        self.people.currentItemChanged.connect(lambda *_: self._show())
        self.table.itemChanged.connect(self._ticked)
        self.copy_all.clicked.connect(self.tick_for_everyone)
        right = QVBoxLayout()
        right.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.missing, 1)
        row.addWidget(self.copy_all)
        right.addLayout(row)
        layout = QHBoxLayout(self)
        layout.addWidget(self.people, 1)
        layout.addLayout(right, 3)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Step 5 of 6: dossier"))
        self.setSubTitle(self.tr("Tick the documents this nominee's dossier has and attach their scans or files."))
        self.table.setHorizontalHeaderLabels([self.tr("Document (* required)"), self.tr("Attached files"), "", ""])
        self.copy_all.setText(self.tr("Same ticks for every nominee"))
        if self.state.award is not None:
            self._show()

    def initializePage(self) -> None:
        self.people.fill(self.state)
        self._show()

    def _show(self) -> None:
        subject_id, award = self.people.current_id(), self.state.award
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        if subject_id is None or award is None:
            self.table.blockSignals(False)
            return
        draft = self.state.draft(subject_id)
        lang = ops.current_lang()
        self.table.setRowCount(len(award.dossier))
        for row, doc in enumerate(award.dossier):
            name = (doc.name_vi if lang == "vi" else doc.name_en) + (" *" if doc.required else "")
            item = QTableWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, doc.code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if doc.code in draft.provided else Qt.CheckState.Unchecked)
            self.table.setItem(row, 0, item)
            files = QTableWidgetItem("; ".join(Path(p).name for p in draft.files.get(doc.code, [])))
            files.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(row, 1, files)
            attach = QPushButton(self.tr("Attach…"))
            attach.clicked.connect(lambda _c=False, code=doc.code: self.attach(code))
            remove = QPushButton(self.tr("Remove files"))
            remove.setEnabled(bool(draft.files.get(doc.code)))
            remove.clicked.connect(lambda _c=False, code=doc.code: self.remove_files(code))
            self.table.setCellWidget(row, 2, attach)
            self.table.setCellWidget(row, 3, remove)
        self.table.resizeRowsToContents()
        self.table.blockSignals(False)
        self._show_missing()

    def _show_missing(self) -> None:
        subject_id, award = self.people.current_id(), self.state.award
        if subject_id is None or award is None:
            return
        draft = self.state.draft(subject_id)
        lang = ops.current_lang()
        missing = [(d.name_vi if lang == "vi" else d.name_en) for d in award.dossier
                   if d.required and d.code not in draft.provided]
        self.missing.setText(self.tr("Still missing: %1").replace("%1", "; ".join(missing)) if missing
                             else self.tr("Every required document is ticked."))
        self.missing.setStyleSheet("color: #a40000;" if missing else "color: #2e7d32;")

    def _ticked(self, item: QTableWidgetItem) -> None:
        subject_id = self.people.current_id()
        if subject_id is None or item.column() != 0:
            return
        self.tick(subject_id, item.data(Qt.ItemDataRole.UserRole), item.checkState() == Qt.CheckState.Checked)

    def tick(self, subject_id: str, code: str, provided: bool) -> None:
        draft = self.state.draft(subject_id)
        rest = [c for c in draft.provided if c != code]
        draft.provided = [*rest, code] if provided else rest
        if subject_id == self.people.current_id():  # keep the row (a signal may be running on it)
            for row in range(self.table.rowCount()):
                item = self.table.item(row, 0)
                state = Qt.CheckState.Checked if provided else Qt.CheckState.Unchecked
                if item is not None and item.data(Qt.ItemDataRole.UserRole) == code and item.checkState() != state:
                    self.table.blockSignals(True)
                    item.setCheckState(state)
                    self.table.blockSignals(False)
            self._show_missing()

    def attach(self, code: str) -> None:
        subject_id = self.people.current_id()
        if subject_id is None:
            return
        paths = pick_files(self, self.tr("Attach documents"))
        if not paths:
            return
        draft = self.state.draft(subject_id)
        draft.files.setdefault(code, []).extend(str(p) for p in paths)
        if code not in draft.provided:
            draft.provided.append(code)  # an attached document is a document provided
        self._show()

    def remove_files(self, code: str) -> None:
        subject_id = self.people.current_id()
        if subject_id is not None:
            self.state.draft(subject_id).files.pop(code, None)
            self._show()

    def tick_for_everyone(self) -> None:
        subject_id = self.people.current_id()
        if subject_id is None:
            return
        ticks = list(self.state.draft(subject_id).provided)
        for other in self.state.chosen:
            draft = self.state.draft(other)
            draft.provided = list(dict.fromkeys([*draft.provided, *ticks]))
        self._show()
