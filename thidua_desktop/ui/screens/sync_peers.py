"""The head of the Đồng bộ screen: this office's key fingerprint (Mã xác thực); for a commune its
province, for the province its enrolled communes with their state, and the buttons to confirm a
fingerprint read over the phone, revoke a commune, issue an enrolment file (Tệp kết nối) and write
the recovery bundle (Gói khôi phục) that rebuilds a commune whose computer was lost. A new commune
install sends its keys from here, so the province can confirm them before anything else."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Role
from ...domain.errors import DomainError
from ...messages import render
from ...services.changes import Change
from ...services.office import OfficeService
from ...services.sync import SyncService
from ...services.sync_recovery import report_lines
from ...services.sync_views import PeerView, SyncViews
from ...services.sync_waiting import Confirmation
from .. import dialogs, ops
from ..models.paged import Column, PagedTableModel
from ..reflow import STRETCH, Reflow
from ..worker import run_with_progress
from . import recovery_key, sync_dialogs
from .sync_key_transfer import KeyTransferRow
from .sync_texts import peer_status_text, retitle, when


def _fingerprint_font() -> QFont:
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setBold(True)
    return font


class PeersPanel(QGroupBox):
    """Calls ``on_change`` after a confirmation, a revocation or a new enrolment."""

    def __init__(self, sync: SyncService, views: SyncViews, office: OfficeService,
                 on_change: Callable[[], None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sync, self.views, self.office = sync, views, office
        self.on_change = on_change
        self.is_province = False
        self.is_trial = False
        self.waiting: dict[str, list[str]] = {}  # commune code -> fingerprints of its waiting bundles
        self.own_label = QLabel()
        self.own_code = QLabel()
        self.own_code.setFont(_fingerprint_font())
        self.own_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Export and load of the office's keys for another computer of a server office.
        self.keys_row = KeyTransferRow(sync, on_change=self._keys_loaded)
        self.province_label = QLabel()
        self.province_label.setWordWrap(True)
        self.province_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableView()
        values: list[Callable[[PeerView], object]] = [
            lambda p: p.unit_code, lambda p: p.unit_name, lambda p: peer_status_text(p.status),
            self._fingerprint_text, lambda p: when(p.last_received_at), lambda p: when(p.last_sent_at)]
        self.model = PagedTableModel([Column(t, v) for t, v in zip(self._titles(), values, strict=True)],
                                     self.views.peers, self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(150)
        self.confirm_button = QPushButton()
        self.revoke_button = QPushButton()
        self.recover_button = QPushButton()  # province: rebuild a lost commune from this office's copy
        self.send_keys_button = QPushButton()  # commune: a first, empty bundle that brings this office's keys
        self.commune = QComboBox()
        self.commune.setMinimumContentsLength(18)
        self.commune.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.enrol_button = QPushButton()
        self.load_button = QPushButton()  # a commune loads the province's enrolment file
        self.load_button.clicked.connect(lambda: self.load_enrollment())
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.recover_button.clicked.connect(lambda: self.recover_selected())
        self.send_keys_button.clicked.connect(lambda: self.send_keys())
        self.enrol_button.clicked.connect(self.create_enrollment)

        own = QHBoxLayout()
        own.addWidget(self.own_label)
        own.addWidget(self.own_code)
        own.addStretch(1)
        # The new commune's enrolment goes under the peer's buttons on a narrow screen (150%).
        self.buttons = Reflow([([self.confirm_button, self.revoke_button, self.recover_button], 0), STRETCH,
                               ([self.commune, self.enrol_button], 0)])
        commune_row = QHBoxLayout()
        commune_row.addWidget(self.province_label, 1)
        commune_row.addWidget(self.load_button, 0, Qt.AlignmentFlag.AlignTop)
        commune_row.addWidget(self.send_keys_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(own)
        layout.addWidget(self.keys_row)
        layout.addLayout(commune_row)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.retranslate()

    # Data ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            self.is_province = self.office.office().role == Role.PROVINCE.value
        except DomainError:  # no office set up yet (a read on refresh): nothing to say
            self.is_province = False
        for widget in (self.table, self.buttons):
            widget.setVisible(self.is_province)
        self.province_label.setVisible(not self.is_province)
        self.is_trial = self.sync.is_trial()
        self.keys_row.refresh(self.is_province, self.is_trial)
        self.load_button.setVisible(not self.is_province and not self.is_trial)
        province = None if self.is_province or self.is_trial else self.views.province_peer()
        # Until this office has sent anything, the province has no key to seal a bundle (a recovery one) for.
        self.send_keys_button.setVisible(province is not None and province.last_sent_at is None)
        if self.is_province:
            chosen = self.selected_peer()
            self.waiting = {}
            for held in self.sync.waiting_bundles():
                fingerprints = self.waiting.setdefault(held.peer_code, [])
                if held.fingerprint not in fingerprints:
                    fingerprints.append(held.fingerprint)
            self.model.reload()
            if chosen is not None:
                self.select_peer(chosen.unit_code)
            current = self.commune.currentData()
            self.commune.clear()
            for code, name in self.views.enrollable_communes():
                self.commune.addItem(f"{name} ({code})", code)
            self.commune.setCurrentIndex(max(self.commune.findData(current), 0))
        self.retranslate()

    def fingerprint(self) -> str:
        try:
            return self.sync.fingerprint()
        except DomainError as exc:  # a read: the reason is shown where the fingerprint would be
            # (a server computer without keys: the key row's hint says what to do)
            return "—" if exc.code == "KEY_TRANSFER_NEEDED" else render(exc, ops.current_lang())

    def selected_peer(self) -> PeerView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()) if rows else None

    def select_peer(self, unit_code: str) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.row_object(row).unit_code == unit_code:
                self.table.selectRow(row)
                return True
        return False

    def _fingerprint_text(self, peer: PeerView) -> str:
        """The pinned fingerprint; while bundles wait, the fingerprint(s) they carry, to check."""
        if peer.fingerprint:
            return peer.fingerprint
        waiting = self.waiting.get(peer.unit_code)
        return self.tr("%1 (to check)").replace("%1", ", ".join(waiting)) if waiting else "—"

    # Actions ------------------------------------------------------------------------------
    def confirm_selected(self) -> Confirmation | None:
        """Show the fingerprint of the commune's waiting bundle (or its pinned key) and ask the
        officer to compare it with the one the commune reads over the phone. A match pins the key
        and imports the waiting bundles; no match offers to discard them."""
        peer = self.selected_peer()
        title = self.tr("Confirm fingerprint")
        if peer is None:
            dialogs.info(self, title, self.tr("Choose a commune in the list first."))
            return None
        code = peer.unit_code
        waiting = self.waiting.get(code, [])
        candidates = waiting or ([peer.fingerprint] if peer.fingerprint else [])
        if not candidates:
            ops.run(self, lambda: self.sync.confirm_peer(code, ""))  # explains: no bundle from it yet
            return None
        if len(candidates) == 1:
            question = self.tr("Call the officer of %1 (%2). Ask them to read the fingerprint shown on their "
                               "Sync screen, and compare it with this one:\n\n%3\n\nDo the two codes match "
                               "exactly?")
            matched = dialogs.ask_yes_no(self, title, question.replace("%1", peer.unit_name).replace("%2", code)
                                         .replace("%3", candidates[0]))
            chosen = candidates[0] if matched else ""
        else:
            chosen = sync_dialogs.choose_fingerprint(self, title, self.tr(
                "Bundles signed by %1 different keys claim to come from %2 (%3): only one can be the "
                "commune's. Call its officer, ask them to read the fingerprint shown on their Sync screen, "
                "and choose the one that matches exactly.").replace("%1", str(len(candidates)))
                .replace("%2", peer.unit_name).replace("%3", code), candidates)
        if not chosen:
            if waiting:
                self._offer_reject(peer)
            return None
        # The bundles that waited are imported now: they may carry anything, as an import does.
        done = ops.run(self, lambda: self.sync.confirm_peer(code, chosen), changes=Change.ALL)
        if done is None:
            return None
        self._after_change(code)
        if done.applied or done.discarded or done.failed:
            new = sum(int(report.get("new", 0)) for report in done.applied)
            text = self.tr("Fingerprint confirmed. Bundles that waited and are now imported: %1 (%2 new records). "
                           "Bundles signed by another key, discarded: %3.").replace("%1", str(len(done.applied))) \
                .replace("%2", str(new)).replace("%3", str(done.discarded))
            if done.failed:
                text += "\n" + self.tr("Could not be imported (ask the commune to send again): %1") \
                    .replace("%1", ", ".join(name for name, _code in done.failed))
            dialogs.info(self, title, text)
        return done

    def _offer_reject(self, peer: PeerView) -> None:
        question = self.tr("The codes do not match: the waiting bundle(s) were not sent by %1 (%2). Discard "
                           "them? The commune's own bundles will wait for the check again.")
        if dialogs.ask_yes_no(self, self.tr("Reject waiting bundles"), question.replace("%1", peer.unit_name)
                              .replace("%2", peer.unit_code)):
            if ops.run(self, lambda: self.sync.reject_waiting(peer.unit_code), changes=Change.SYNC) is not None:
                self._after_change(peer.unit_code)

    def load_enrollment(self, path: Path | None = None) -> str | None:
        """Commune: load the province's enrolment file and compare fingerprints (see sync_enrolment)."""
        from .sync_enrolment import load_enrolment

        fingerprint = load_enrolment(self, self.sync, path)
        if fingerprint is not None:
            self.refresh()
            if self.on_change is not None:
                self.on_change()
        return fingerprint

    def revoke_selected(self) -> None:
        peer = self.selected_peer()
        if peer is None:
            dialogs.info(self, self.tr("Revoke"), self.tr("Choose a commune in the list first."))
            return
        question = self.tr("Revoke %1 (%2)? Bundles from this office will be refused until it enrols again.")
        if not dialogs.ask_yes_no(self, self.tr("Revoke"), question.replace("%1", peer.unit_name)
                                  .replace("%2", peer.unit_code)):
            return
        ops.run(self, lambda: self.sync.revoke_peer(peer.unit_code))
        self._after_change(peer.unit_code)

    def recover_selected(self) -> Path | None:
        """Province: the recovery bundle for the selected commune, once its lost computer's key was
        revoked, a new install enrolled and its fingerprint confirmed; shows what it brings back."""
        peer = self.selected_peer()
        title = self.tr("Recovery bundle")
        if peer is None:
            dialogs.info(self, title, self.tr("Choose a commune in the list first."))
            return None
        question = self.tr("Write a recovery bundle for %1 (%2)? It holds all of the commune's data that reached "
                           "the province, for a new installation of the commune that was enrolled again and whose "
                           "fingerprint you confirmed. Use it only when the commune's computer was lost or broken.")
        if not dialogs.ask_yes_no(self, title, question.replace("%1", peer.unit_name).replace("%2", peer.unit_code)):
            return None
        folder = sync_dialogs.choose_folder(self, self.tr("Where to write the recovery bundle"))
        if not folder:
            return None
        code = peer.unit_code
        result = run_with_progress(self, self.tr("Writing the recovery bundle…"),
                                   lambda _p: self.sync.recover(code, Path(folder)), changes=Change.SYNC)
        if result is None:
            return None
        lines = report_lines(result.summary, ops.current_lang(), written=True)
        dialogs.info(self, title, "\n".join([self.tr("Recovery bundle written: %1").replace("%1", str(result.file)),
                                             "", *lines]))
        self._after_change(code)
        return Path(result.file)

    def send_keys(self) -> Path | None:
        """Commune: a first bundle even with nothing in it, so the province gets this office's keys
        and can confirm its fingerprint (then send a recovery bundle, if this is a new install)."""
        folder = sync_dialogs.choose_folder(self, self.tr("Where to write the sync bundle"))
        if not folder:
            return None
        result = ops.run(self, lambda: self.sync.export(Path(folder), even_if_empty=True), changes=Change.SYNC)
        if result is None or not result.files:
            return None
        dialogs.info(self, self.tr("Send this office's keys"), self.tr(
            "Bundle written: %1. Hand it to the province: the province imports it and confirms this office's "
            "fingerprint with you over the phone: %2").replace("%1", str(result.files[0]))
            .replace("%2", self.fingerprint()))
        self.refresh()
        if self.on_change is not None:
            self.on_change()
        return result.files[0]

    def create_enrollment(self) -> Path | None:
        code = self.commune.currentData()
        if not code:
            return None
        # The enrolment file carries the recovery key's public half: a province set up here makes it first.
        if not self.sync.has_recovery_key() and recovery_key.make_recovery_key(self, self.sync) is None:
            return None
        path = sync_dialogs.choose_save_file(self, self.tr("Save the enrolment file"), f"ket-noi-{code}.json")
        if not path:
            return None
        written = ops.run(self, lambda: self.sync.export_enrollment(code, Path(path)), changes=Change.SYNC)
        if written is None:
            return None
        dialogs.info(self, self.tr("Enrolment file"), self.tr(
            "The enrolment file for %1 was saved to %2. Hand it to the commune (on a USB stick). The commune "
            "loads it on its Sync screen with \"Load enrolment file…\" (or opens the file with ThiĐua), and "
            "both sides compare this province's fingerprint over the phone: %3")
            .replace("%1", self.commune.currentText()).replace("%2", str(written)).replace("%3", self.fingerprint()))
        self._after_change(code)
        return Path(written)

    def _keys_loaded(self) -> None:
        self.refresh()
        if self.on_change is not None:
            self.on_change()

    def _after_change(self, unit_code: str) -> None:
        self.refresh()
        self.select_peer(unit_code)
        if self.on_change is not None:
            self.on_change()

    # Texts --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setTitle(self.tr("Connection with other offices"))
        self.own_label.setText(self.tr("This office's fingerprint:"))
        self.own_code.setText(self.fingerprint())
        self.confirm_button.setText(self.tr("Confirm fingerprint"))
        self.revoke_button.setText(self.tr("Revoke"))
        self.recover_button.setText(self.tr("Recovery bundle…"))
        self.recover_button.setToolTip(self.tr("Rebuild a commune whose computer was lost: revoke it, issue a new "
                                               "enrolment file, confirm the new installation's fingerprint, then "
                                               "write this bundle for it."))
        self.send_keys_button.setText(self.tr("Send this office's keys…"))
        self.enrol_button.setText(self.tr("Create enrolment file…"))
        province = self.views.province_peer() if not self.is_province else None
        self.load_button.setText(self.tr("Load a new enrolment file…") if province else
                                 self.tr("Load enrolment file…"))
        retitle(self.model, self._titles())
        if not self.is_province:
            self.province_label.setText(self._province_text())

    def _titles(self) -> list[str]:
        return [self.tr("Code"), self.tr("Commune"), self.tr("Status"), self.tr("Fingerprint"),
                self.tr("Last received"), self.tr("Last sent")]

    def _province_text(self) -> str:
        if self.is_trial:
            return self.tr("This is a trial office with demo data: it is never connected with the province.")
        peer = self.views.province_peer()
        if peer is None:
            return self.tr("Not connected to the provincial office yet: ask it for an enrolment file (on a USB "
                           "stick), then click \"Load enrolment file…\".")
        return (self.tr("Provincial office: %1 (%2) · fingerprint %3 · last received %4 · last sent %5")
                .replace("%1", peer.unit_name).replace("%2", peer.unit_code).replace("%3", peer.fingerprint or "—")
                .replace("%4", when(peer.last_received_at)).replace("%5", when(peer.last_sent_at)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
