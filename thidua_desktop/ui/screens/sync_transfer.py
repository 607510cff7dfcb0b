"""The two working tabs of the Đồng bộ screen. Xuất: what goes out to whom, where to write it (a
detected USB stick or any folder), then the bundle written off the GUI thread. Nhập: a preview
of the bundle's header first, then the import off the GUI thread, then its report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Role
from ...domain.errors import DomainError
from ...messages import render
from ...services.changes import Change
from ...services.office import OfficeService
from ...services.sync import ExportResult, SyncService, file_kind
from ...services.sync_views import SyncViews
from .. import dialogs, ops
from ..locale_format import number_text
from ..worker import run_with_progress
from . import sync_dialogs
from .sync_texts import REPORT_KEYS, counts_text, header_time, report_label, table_text

CHOOSE = "__choose__"  # the "Chọn thư mục…" entry of the target picker


def _wrapping_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    return label


class ExportPanel(QWidget):
    """Calls ``on_export`` after a bundle was written (or there was nothing new)."""

    def __init__(self, sync: SyncService, views: SyncViews, office: OfficeService,
                 on_export: Callable[[], None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sync, self.views, self.office = sync, views, office
        self.on_export = on_export
        self.counts: dict[str, int] = {}
        self.folders: list[str] = []  # folders the user chose, kept while the screen lives
        self.last_result: ExportResult | None = None
        self.recipient = QComboBox()
        self.contents = QTableWidget(0, 2)
        self.contents.verticalHeader().setVisible(False)
        self.contents.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.contents.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.unsent = QLabel()
        self.target = QComboBox()
        self.target.setMinimumContentsLength(30)
        self.rescan_button = QPushButton()
        self.export_button = QPushButton()
        self.result = _wrapping_label()
        self.lbl_recipient, self.lbl_target, self.lbl_contents = QLabel(), QLabel(), QLabel()
        self.recipient.currentIndexChanged.connect(lambda _i: self._fill_contents())
        self.target.activated.connect(self._target_activated)
        self.rescan_button.clicked.connect(self._fill_targets)
        self.export_button.clicked.connect(self.export)

        form = QFormLayout()
        form.addRow(self.lbl_recipient, self.recipient)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(self.rescan_button)
        form.addRow(self.lbl_target, target_row)
        actions = QHBoxLayout()
        actions.addWidget(self.unsent)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.lbl_contents)
        layout.addWidget(self.contents, 1)
        layout.addLayout(actions)
        layout.addWidget(self.result)
        self.retranslate()

    # Data ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        current = self.recipient.currentData()
        self.recipient.blockSignals(True)
        self.recipient.clear()
        try:
            is_province = self.office.office().role == Role.PROVINCE.value
        except DomainError:  # no office set up yet (a read on refresh): nothing to say
            is_province = False
        peers, _total = self.views.peers(0, 1000)
        for peer in peers:
            # A commune whose first bundle has not arrived has no key to encrypt for yet.
            if peer.status != "revoked" and peer.has_keys and (peer.role == Role.COMMUNE.value) == is_province:
                self.recipient.addItem(f"{peer.unit_name} ({peer.unit_code})", peer.unit_code)
        self.recipient.setCurrentIndex(max(self.recipient.findData(current), 0))
        self.recipient.setEnabled(self.recipient.count() > 1)
        self.recipient.blockSignals(False)
        self._fill_contents()
        self._fill_targets()

    def _fill_contents(self) -> None:
        code = self.recipient.currentData()
        self.counts = {}
        if code:
            try:
                self.counts = self.sync.exchange.build_payload(code).counts
            except DomainError as exc:  # e.g. a peer removed meanwhile: say so, no dialog on refresh
                self.result.setText(render(exc, ops.current_lang()))
        self.contents.setRowCount(len(self.counts))
        for row, (table, count) in enumerate(sorted(self.counts.items(), key=lambda kv: table_text(kv[0]))):
            self.contents.setItem(row, 0, QTableWidgetItem(table_text(table)))
            number = QTableWidgetItem(str(count))
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.contents.setItem(row, 1, number)
        self.export_button.setEnabled(bool(code))
        # Read with the contents, not on every re-wording: counting touches every synced table.
        self._counters = self.views.counters(code) if code else self.views.counters()
        self.retranslate()

    def _fill_targets(self) -> None:
        current = self.target.currentData()
        self.target.clear()
        for drive in self.views.removable_drives():
            self.target.addItem(self.tr("USB drive %1").replace("%1", str(drive)), str(drive))
        for folder in self.folders:
            self.target.addItem(folder, folder)
        self.target.addItem(self.tr("Choose a folder…"), CHOOSE)
        self.target.setCurrentIndex(max(self.target.findData(current), 0))

    def _to_communes(self) -> bool:
        try:
            return self.office.office().role == Role.PROVINCE.value
        except DomainError:  # no office set up yet (a read on refresh): nothing to say
            return False

    def _target_activated(self, index: int) -> None:
        if self.target.itemData(index) == CHOOSE:
            self.choose_folder()

    def choose_folder(self) -> str:
        folder = sync_dialogs.choose_folder(self, self.tr("Where to write the sync bundle"))
        if folder:
            if folder not in self.folders:
                self.folders.append(folder)
            self._fill_targets()
            self.target.setCurrentIndex(self.target.findData(folder))
        else:
            self.target.setCurrentIndex(0)
        return folder

    # Action -------------------------------------------------------------------------------
    def export(self) -> ExportResult | None:
        code = self.recipient.currentData()
        if not code:
            return None
        folder = self.target.currentData()
        if folder in (None, CHOOSE):
            folder = self.choose_folder()
            if not folder:
                return None
        target = Path(folder)
        result = run_with_progress(self, self.tr("Writing the sync bundle…"),
                                   lambda _p: self.sync.export(target, to=code), changes=Change.SYNC)
        if result is None:
            return None
        self.last_result = result
        if result.nothing_new:
            text = self.tr("Nothing new to send.")
        else:
            text = self.tr("Sync bundle written: %1").replace("%1", ", ".join(str(f) for f in result.files))
        self.result.setText(text)
        dialogs.info(self, self.tr("Export"), text)
        self.refresh()
        if self.on_export is not None:
            self.on_export()
        return result

    def retranslate(self) -> None:
        self.lbl_recipient.setText(self.tr("Send to:"))
        self.lbl_target.setText(self.tr("Write to:"))
        self.lbl_contents.setText(self.tr("What goes out:") if self.counts else self.tr("What goes out: nothing new"))
        self.contents.setHorizontalHeaderLabels([self.tr("Data"), self.tr("Records")])
        code = self.recipient.currentData()
        counters = getattr(self, "_counters", None)
        if counters is None:  # worded before the first refresh
            counters = self._counters = self.views.counters(code) if code else self.views.counters()
        self.unsent.setText(self.tr("Not yet sent: %1 · sent, awaiting confirmation by the province: %2")
                            .replace("%1", number_text(counters.unsent)).replace("%2", number_text(counters.awaiting))
                            if code != "" and not self._to_communes() else
                            self.tr("Not yet sent: %1 · sent, awaiting confirmation by the commune: %2")
                            .replace("%1", number_text(counters.unsent)).replace("%2", number_text(counters.awaiting)))
        self.unsent.setToolTip(self.tr("A bundle carries everything the other office has not confirmed yet, so "
                                       "a lost stick is covered by the next one. Records awaiting "
                                       "confirmation go out again until the other office's bundle confirms "
                                       "them."))
        self.rescan_button.setText(self.tr("Look for USB drives again"))
        self.export_button.setText(self.tr("Export sync bundle"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


PREVIEW_KEYS = ("file", "sender", "fingerprint", "recipient", "created", "contents", "versions", "intact")


class ImportPanel(QWidget):
    """Calls ``on_attempt`` after every import attempt: a refused bundle goes to the security log."""

    def __init__(self, sync: SyncService, office: OfficeService, on_attempt: Callable[[], None] | None = None,
                 parent: QWidget | None = None, on_enrollment: Callable[[Path], object] | None = None) -> None:
        super().__init__(parent)
        self.sync, self.office = sync, office
        self.on_attempt = on_attempt
        self.on_enrollment = on_enrollment  # an enrolment file chosen here goes to the connection flow
        self.path: Path | None = None
        self.preview: dict[str, Any] | None = None
        self.last_report: dict[str, Any] | None = None
        self.choose_button = QPushButton()
        self.preview_box = QGroupBox()
        self.fields = {key: (QLabel(), _wrapping_label()) for key in PREVIEW_KEYS}
        preview_form = QFormLayout()
        for label, value in self.fields.values():
            preview_form.addRow(label, value)
        self.warning = _wrapping_label()
        self.warning.setStyleSheet("color: #a00;")
        self.import_button = QPushButton()
        self.cancel_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        box = QVBoxLayout(self.preview_box)
        box.addLayout(preview_form)
        box.addWidget(self.warning)
        box.addLayout(buttons)
        self.report_box = QGroupBox()
        self.report_values = {key: (QLabel(), QLabel()) for key in (*REPORT_KEYS, "released")}
        report_form = QFormLayout(self.report_box)
        for label, value in self.report_values.values():
            report_form.addRow(label, value)
        self.choose_button.clicked.connect(self.choose)
        self.import_button.clicked.connect(self.run_import)
        self.cancel_button.clicked.connect(self.cancel)
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(self.preview_box, 3)
        columns.addWidget(self.report_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(columns)
        layout.addStretch(1)
        self.preview_box.setVisible(False)
        self.report_box.setVisible(False)
        self.retranslate()

    def choose(self) -> bool:
        path = sync_dialogs.choose_bundle(self, self.tr("Choose a sync bundle"))
        return self.open_bundle(Path(path)) if path else False

    def open_bundle(self, path: Path) -> bool:
        """Show what the bundle's header says, checked but not imported; False when refused."""
        self.cancel()
        if self.on_enrollment is not None and file_kind(Path(path)) == "enrollment":
            return self.on_enrollment(Path(path)) is not None
        info = ops.run(self, lambda: self.sync.inspect(Path(path)))
        if info is None:
            return False
        self.path, self.preview = Path(path), info
        self.preview_box.setVisible(True)
        self.report_box.setVisible(False)
        self.retranslate()
        self.import_button.setFocus()
        return True

    def cancel(self) -> None:
        self.path, self.preview = None, None
        self.preview_box.setVisible(False)

    def run_import(self) -> dict[str, Any] | None:
        if self.path is None:
            return None
        path = self.path
        # A bundle may carry anything (a newer catalog too): every screen hears of it.
        report = run_with_progress(self, self.tr("Importing the sync bundle…"),
                                   lambda _p: self.sync.import_bundle(path), changes=Change.ALL)
        self.cancel()
        if self.on_attempt is not None:
            self.on_attempt()
        if report is None:
            return None
        self.last_report = report
        self.report_box.setVisible(True)
        self.retranslate()
        text = self.tr("Bundle %1 imported: %2 new, %3 updated, %4 conflicts, %5 pending records.") \
            .replace("%1", path.name).replace("%2", number_text(report.get("new", 0))) \
            .replace("%3", number_text(report.get("updated", 0))) \
            .replace("%4", number_text(report.get("conflicts", 0))) \
            .replace("%5", number_text(report.get("quarantined", 0)))
        if report.get("recovery"):  # rebuilt from the province's copy: what came back, and from when edits are lost
            from ...services.sync_recovery import report_lines

            text = "\n".join([text, "", *report_lines(report["recovery"], ops.current_lang())])
        dialogs.info(self, self.tr("Import"), text)
        return report

    def preview_text(self, key: str) -> str:
        return self.fields[key][1].text()

    def retranslate(self) -> None:
        self.choose_button.setText(self.tr("Choose a sync bundle…"))
        self.preview_box.setTitle(self.tr("Before importing: what the bundle says"))
        self.import_button.setText(self.tr("Import"))
        self.cancel_button.setText(self.tr("Cancel"))
        titles = {"file": self.tr("File"), "sender": self.tr("From"), "fingerprint": self.tr("Sender's fingerprint"),
                  "recipient": self.tr("To"), "created": self.tr("Created"), "contents": self.tr("Contents"),
                  "versions": self.tr("Versions"), "intact": self.tr("Check")}
        for key, (label, _value) in self.fields.items():
            label.setText(titles[key] + ":")
        self._fill_preview()
        self.report_box.setTitle(self.tr("Import report"))
        for key, (label, value) in self.report_values.items():
            label.setText(report_label(key) + ":")
            value.setText(str((self.last_report or {}).get(key, 0)))

    def _fill_preview(self) -> None:
        info = self.preview or {}
        sender, recipient = info.get("sender") or {}, info.get("recipient") or {}
        values = {
            "file": self.path.name if self.path else "",
            "sender": f"{sender.get('name', '')} ({sender.get('code', '')})" if sender else "",
            "fingerprint": str(info.get("sender_fingerprint", "")),
            "recipient": f"{recipient.get('name', '')} ({recipient.get('code', '')})" if recipient else "",
            "created": header_time(str(info.get("created_at", ""))),
            "contents": counts_text(dict(info.get("counts") or {})),
            "versions": self.tr("format %1, data schema %2, app %3").replace("%1", str(info.get("format_version", "")))
            .replace("%2", str(info.get("schema_version", ""))).replace("%3", str(info.get("app_version", ""))),
            "intact": self.tr("Intact: the file is complete and undamaged") if info.get("intact") else "",
        }
        for key, (_label, value) in self.fields.items():
            value.setText(values[key])
        self.warning.setText("")
        if recipient and self.preview is not None:
            try:
                mine = self.office.office().unit_code
            except DomainError:  # no office set up yet (a read on refresh): nothing to say
                mine = ""
            if recipient.get("code") != mine:
                self.warning.setText(self.tr("This bundle is meant for %1, not for this office.")
                                     .replace("%1", values["recipient"]))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
