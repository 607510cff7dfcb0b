"""Cài đặt: language, the officer's name, the office's own values where the catalog allows them
(each change audited), and backups (schedule, folder, back up now, restore).

It follows the catalog, the local values and the office changed anywhere. Hidden, it is re-read when
next shown; shown, only the part that changed is (a value typed elsewhere on the page stays)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...config import AppPaths
from ...domain.errors import DomainError
from ...services.access import ADMIN
from ...services.accounts import AccountService
from ...services.certificate_layout import CertificateLayoutService
from ...services.changes import Change
from ...services.decisions import DecisionService
from ...services.maintenance import MaintenanceService, check_backup
from ...services.office import OfficeService
from ...services.officials import OfficialsService
from ...services.printing import PrintService
from ...services.settings import Preferences, SettingsService
from .. import dialogs, i18n, ops
from ..forms import DateField
from ..locale_format import date_text, number_text
from ..texts import award_label
from ..worker import run_with_progress
from .accounts import AccountsBox
from .document_settings import DocumentSettingsBox
from .officials import OfficialsBox
from .restore_recovery import recovery_key_for

if TYPE_CHECKING:
    from ...sync.keys import RecoveryKeys

# Replaces the office's data with a backup while the app runs (``App.restore_from``: the database
# is closed, swapped and upgraded, the catalog re-read); the recovery key opens a backup from a
# computer that is gone.
Restore = Callable[[Path, "RecoveryKeys | None"], object]


class SettingsScreen(QWidget, ops.Watcher):
    """Takes the services it shows; the boxes for officials and documents get theirs from it."""

    watches = Change.CATALOG | Change.SETTINGS | Change.OFFICE
    live = False  # a re-read puts back the stored values over what was typed but not saved

    def __init__(self, settings: SettingsService, office: OfficeService, maintenance: MaintenanceService,
                 paths: AppPaths, restore: Restore, *, officials: OfficialsService, printing: PrintService,
                 decisions: DecisionService, certificate_layout: CertificateLayoutService,
                 accounts: AccountService | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings, self.office, self.maintenance = settings, office, maintenance
        self.paths, self.restore_from = paths, restore
        self.accounts = accounts
        self.prefs = Preferences.load(paths.data_dir)
        self.language = QComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(self.prefs.language))
        self.officer = QLineEdit(office.office().officer_name)
        self.officer_save = QPushButton()
        self.awards = QTableWidget(0, 3)
        self.salary = QSpinBox()
        self.salary.setRange(0, 100_000_000)
        self.salary.setSingleStep(10_000)
        self.salary.setGroupSeparatorShown(True)
        self.salary_from = DateField()
        self.params_save = QPushButton()
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.backup_dir = QLineEdit(self.prefs.backup_dir or str(paths.backups_dir))
        self.backup_every = QSpinBox()
        self.backup_every.setRange(0, 90)
        self.backup_every.setValue(self.prefs.backup_every_days)
        self.backup_now = QPushButton()
        self.restore = QPushButton()
        self.prune = QPushButton()  # attached files no record names any more (an admin's action)
        self.backup_state = QLabel()

        self.box_general, self.box_params, self.box_backup = QGroupBox(), QGroupBox(), QGroupBox()
        self.box_villages = QGroupBox()
        self.box_documents = DocumentSettingsBox(printing, decisions, office, certificate_layout)
        self.box_officials = OfficialsBox(officials)
        # Who is signed in and the accounts (a server office only: the box hides itself elsewhere).
        self.box_accounts = AccountsBox(accounts) if accounts is not None else None
        self.village_list = QLabel()
        self.village_list.setWordWrap(True)
        self.village_legend = QLabel()  # what the ★ after a village's name means
        self.village_legend.setWordWrap(True)
        self.village_legend.setStyleSheet("color: #555;")
        self.village_name = QLineEdit()
        self.village_kind = QComboBox()
        for kind in ("thon", "xom", "ban", "to_dan_pho"):
            self.village_kind.addItem("", kind)
        self.village_border = QCheckBox()
        self.village_remote = QCheckBox()
        self.village_add = QPushButton()
        villages = QVBoxLayout(self.box_villages)
        villages.addWidget(self.village_list)
        villages.addWidget(self.village_legend)
        add_row = QHBoxLayout()
        for widget in (self.village_name, self.village_kind, self.village_border, self.village_remote,
                       self.village_add):
            add_row.addWidget(widget)
        villages.addLayout(add_row)
        general = QFormLayout(self.box_general)
        self.lbl_language, self.lbl_officer = QLabel(), QLabel()
        row = QHBoxLayout()
        row.addWidget(self.officer, 1)
        row.addWidget(self.officer_save)
        general.addRow(self.lbl_language, self.language)
        general.addRow(self.lbl_officer, row)
        params = QVBoxLayout(self.box_params)
        params.addWidget(self.awards)
        salary_row = QHBoxLayout()
        self.lbl_salary, self.lbl_from = QLabel(), QLabel()
        for part in (self.lbl_salary, self.salary, self.lbl_from, self.salary_from):
            salary_row.addWidget(part)
        salary_row.addStretch(1)
        salary_row.addWidget(self.params_save)
        params.addLayout(salary_row)
        params.addWidget(self.history)
        backup = QFormLayout(self.box_backup)
        self.lbl_dir, self.lbl_every = QLabel(), QLabel()
        backup.addRow(self.lbl_dir, self.backup_dir)
        backup.addRow(self.lbl_every, self.backup_every)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_now)
        buttons.addWidget(self.restore)
        buttons.addWidget(self.prune)
        buttons.addStretch(1)
        backup.addRow(buttons)
        backup.addRow(self.backup_state)

        content = QWidget()
        column = QVBoxLayout(content)
        for box in (self.box_general, self.box_accounts, self.box_villages, self.box_officials, self.box_documents,
                    self.box_params, self.box_backup):
            if box is not None:
                column.addWidget(box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        self.language.currentIndexChanged.connect(self.change_language)
        self.officer_save.clicked.connect(self.save_officer)
        self.village_add.clicked.connect(self.add_village)
        self.village_name.returnPressed.connect(self.add_village)
        self.params_save.clicked.connect(self.save_parameters)
        self.backup_now.clicked.connect(self.run_backup)
        self.restore.clicked.connect(self.run_restore)
        self.prune.clicked.connect(self.prune_attachments)
        self.backup_every.valueChanged.connect(self._save_prefs)
        self.backup_dir.editingFinished.connect(self._save_prefs)
        self._show_values()  # the officer, officials and documents were read as they were built
        self.retranslate()

    # Data -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Everything re-read from the office (after a restore, or shown after changes elsewhere)."""
        self.officer.setText(self.office.office().officer_name)
        self.box_officials.refresh()
        self.box_documents.load()
        self.box_documents.retranslate()
        self._show_values()
        self.retranslate()

    def on_changed(self, changes: Change) -> None:
        """Shown: a change made on this page or in a dialog over it. Only what it touched is re-read."""
        if changes & (Change.CATALOG | Change.SETTINGS):
            self._show_values()
        if changes & Change.OFFICE:
            self.box_documents.show_signers()  # a term entered above: who signs today
        self.retranslate()  # the villages, the recent changes of the values

    def _show_values(self) -> None:
        catalog = self.settings.catalog  # the one in force now, the office's own values applied
        voted = [a for a in catalog.awards if (a.vote and a.vote.required) or a.quota]
        self.awards.setRowCount(len(voted))
        for row, award in enumerate(voted):
            name = QTableWidgetItem(award_label(award, catalog, ops.current_lang()))
            name.setData(256, award.code)
            self.awards.setItem(row, 0, name)
            spin = QSpinBox()
            spin.setRange(50, 100)
            spin.setSuffix(" %")
            spin.setValue(int(award.vote.threshold_pct) if award.vote else 50)
            self.awards.setCellWidget(row, 1, spin)
            check = QCheckBox()
            check.setEnabled(award.quota is not None)
            check.setChecked(bool(award.quota and award.quota.enabled))
            self.awards.setCellWidget(row, 2, check)
        self.awards.verticalHeader().setVisible(False)
        self.awards.setMinimumHeight(240)
        self.awards.horizontalHeader().setStretchLastSection(True)
        entries = catalog.parameters.base_salary
        if entries:
            self.salary.setValue(entries[-1].amount)
            self.salary_from.setText(entries[-1].valid_from.strftime("%d/%m/%Y"))

    def _changes(self) -> list[tuple[str, str, object]]:
        base = self.settings.catalog
        changes: list[tuple[str, str, object]] = []
        for row in range(self.awards.rowCount()):
            cell = self.awards.item(row, 0)
            assert cell is not None  # every award row is built with its code cell
            code = cell.data(256)
            award = base.award(code)
            threshold = self.awards.cellWidget(row, 1).value()  # type: ignore[attr-defined]
            if award.vote and threshold != int(award.vote.threshold_pct):
                changes.append((code, "vote_threshold_pct", threshold))
            quota = self.awards.cellWidget(row, 2).isChecked()  # type: ignore[attr-defined]
            if award.quota and quota != award.quota.enabled:
                changes.append((code, "quota_enabled", quota))
        return changes

    def save_parameters(self) -> None:
        awards: dict[str, dict[str, object]] = {}
        for code, key, value in self._changes():
            awards.setdefault(code, {})[key] = value
        latest = self.settings.catalog.parameters.base_salary[-1]
        salary = None
        if self.salary.value() != latest.amount or self.salary_from.text() != latest.valid_from.strftime("%d/%m/%Y"):
            salary = (self.salary.value(), self.salary_from.text())
        # One save, one transaction: a bad salary date leaves the thresholds unsaved as well. The
        # service returns what it changed (settings, catalog): the reports show the new values at once.
        # Refused, what was typed stays for the officer to correct.
        if ops.run(self, lambda: self.settings.save_parameters(awards, base_salary=salary)) is not None:
            self._show_values()
            self.retranslate()

    def add_village(self) -> None:
        """A thôn, xóm, bản or tổ dân phố of the commune (activities and people are placed in them)."""
        added = ops.run(self, lambda: self.office.add_village(
            self.village_name.text(), self.village_kind.currentData(), self.village_border.isChecked(),
            self.village_remote.isChecked()), changes=Change.OFFICE)
        if added is not None:
            self.village_name.clear()
            self.village_border.setChecked(False)
            self.village_remote.setChecked(False)
            self.retranslate()

    def save_officer(self) -> None:
        ops.run(self, lambda: self.office.set_officer_name(self.officer.text()))  # announces OFFICE

    def change_language(self) -> None:
        self.prefs.language = self.language.currentData()
        self._save_prefs()
        i18n.install(self.prefs.language)  # every screen retranslates; typed text stays

    def _save_prefs(self) -> None:
        self.prefs.backup_dir = self.backup_dir.text().strip()
        self.prefs.backup_every_days = self.backup_every.value()
        self.prefs.save(self.paths.data_dir)

    def run_backup(self) -> Path | None:
        folder = Path(self.backup_dir.text().strip() or self.paths.backups_dir)
        target = folder / f"thidua-{self.office.office().unit_code}-{date.today().isoformat()}.zip"
        title = QCoreApplication.translate("SettingsScreen", "Backing up…")
        done = run_with_progress(self, title, lambda _p: self.maintenance.backup(target))
        if done is not None:
            self.prefs.last_backup = date.today().isoformat()
            self._save_prefs()
            dialogs.info(self, self.tr("Backup"), self.tr("Backed up to %1").replace("%1", str(done)))
            self.retranslate()
        return done

    def run_restore(self) -> None:
        path = dialogs.open_file(self, self.tr("Choose a backup"), self.tr("ThiĐua backups (*.zip)"))
        if not path:
            return
        backup = Path(path)
        recovery = None
        key_missing: list[DomainError] = []

        def refused(exc: DomainError) -> None:
            if exc.code == "BACKUP_KEY_MISSING":  # not an error yet: the province's recovery key may open it
                key_missing.append(exc)
            else:
                ops.show_refusal(self, exc)

        # The file and its key first: a backup from a computer that is gone needs the province's key.
        # An unplugged stick or a foreign file is said as any operation says it (nothing is written).
        checked = ops.perform(self, lambda: check_backup(backup, self.paths), retry=False, on_refusal=refused)
        if key_missing:
            recovery = recovery_key_for(self, backup, self.paths)
            if recovery is None:
                return
        elif not checked.ok:
            return
        if not dialogs.ask_yes_no(self, self.tr("Restore"), self.tr(
                "Restoring replaces all current data with the backup. Continue?")):
            return
        result = ops.run(self, lambda: self.restore_from(backup, recovery), changes=Change.ALL)
        if result is not None:
            dialogs.info(self, self.tr("Restore"), self.tr("The backup was restored."))
            self.refresh()

    def prune_attachments(self) -> None:
        """Remove the attached files no record names any more, unused for over 24 hours, once the
        officer has seen how many and how large (MaintenanceService.prune_attachments)."""
        found = ops.run(self, self.maintenance.unreferenced_attachments)
        if found is None:
            return
        title = self.tr("Unused attached files")
        if not found.ready_count:
            dialogs.info(self, title, self.tr("No attached file has been unused for more than 24 hours: "
                                              "nothing to remove."))
            return
        if not dialogs.ask_yes_no(self, title, self.tr(
                "%1 attached file(s) (%2) are no longer used by any record, live or deleted, and have not been for "
                "more than 24 hours. Remove them? This cannot be undone.")
                .replace("%1", str(found.ready_count)).replace("%2", _size_text(found.ready_size))):
            return
        done = ops.run(self, self.maintenance.prune_attachments)
        if done is not None:
            dialogs.info(self, title, self.tr("Removed %1 attached file(s) (%2).")
                         .replace("%1", str(done.count)).replace("%2", _size_text(done.size)))

    # Text -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.box_general.setTitle(self.tr("General"))
        self.box_villages.setTitle(self.tr("Villages and residential groups"))
        names = [v.name + (" ★" if v.is_border or v.is_remote else "") for v in self.office.villages()]
        empty = self.tr("No village yet: add the commune's villages here.")
        self.village_list.setText(", ".join(names) if names else empty)
        legend = "★ = " + self.tr("in a border area or a remote area (counted in the overview's priority groups)")
        self.village_legend.setText(legend)
        self.village_legend.setVisible(any(name.endswith(" ★") for name in names))
        self.village_list.setToolTip(legend)
        self.village_name.setPlaceholderText(self.tr("Name, e.g. Xóm Nà Cạn"))
        for index, text in enumerate((self.tr("Village (thôn)"), self.tr("Hamlet (xóm)"), self.tr("Hamlet (bản)"),
                                      self.tr("Residential group (tổ dân phố)"))):
            self.village_kind.setItemText(index, text)
        self.village_border.setText(self.tr("Border area"))
        self.village_remote.setText(self.tr("Remote area"))
        self.village_add.setText(self.tr("Add village"))
        self.box_params.setTitle(self.tr("Local values (where the province's rules allow)"))
        self.box_backup.setTitle(self.tr("Backups"))
        self.lbl_language.setText(self.tr("Language"))
        self.lbl_officer.setText(self.tr("Officer's full name"))
        self.officer_save.setText(self.tr("Save name"))
        self.awards.setHorizontalHeaderLabels([self.tr("Award"), self.tr("Vote threshold"), self.tr("Apply quota")])
        self.awards.resizeColumnsToContents()
        self.lbl_salary.setText(self.tr("Base salary (đồng)"))
        self.lbl_from.setText(self.tr("from"))
        self.params_save.setText(self.tr("Save values"))
        changes = self.settings.history(5)
        lines = [f"{c['at']:%d/%m/%Y %H:%M} — {c['actor']}" for c in changes]
        self.history.setText(self.tr("Recent changes: %1").replace("%1", "; ".join(lines)) if lines
                             else self.tr("No local values changed yet."))
        self.lbl_dir.setText(self.tr("Backup folder"))
        self.lbl_every.setText(self.tr("Back up automatically every (days, 0 = never)"))
        self.backup_now.setText(self.tr("Back up now"))
        self.restore.setText(self.tr("Restore from a backup…"))
        self.prune.setText(self.tr("Remove unused attached files…"))
        self._offer_prune()
        last = date_text(self.prefs.last_backup)
        self.backup_state.setText(self.tr("Last backup: %1").replace("%1", last) if last
                                  else self.tr("No backup made yet."))

    def _offer_prune(self) -> None:
        """Pruning is an admin's on an office with accounts: anyone else sees the button greyed out
        and why, rather than a refusal after clicking. The accounts service answers (the role read
        now); the prune itself checks again."""
        allowed = True
        if self.accounts is not None:
            try:
                self.accounts.access.require(ADMIN)
            except DomainError:
                allowed = False
        self.prune.setEnabled(allowed)
        self.prune.setToolTip("" if allowed else self.tr(
            "Only an administrator account can remove unused attached files."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _size_text(size: int) -> str:
    mb = size / (1024 * 1024)
    return f"{number_text(mb, 1)} MB" if size >= 100 * 1024 else f"{number_text(-(-size // 1024))} KB"
