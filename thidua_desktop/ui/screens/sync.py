"""Đồng bộ: exchanging sync bundles (Gói đồng bộ) with the province or the communes on a USB
stick. At the top this office's fingerprint and its peers; below, tabs to export (Xuất), import
(Nhập, with a preview first), and the histories, conflicts, quarantine and security log.

``SyncScreen(sync, views, office)``; ``open_file(path)`` shows the import preview of a .tdsync
file, or loads an enrolment file (the app passes the path it was started with).

What it shows counts every change not yet sent, so it watches every kind; the count is a query per
table, so it is re-read when next shown, not after each change made elsewhere."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from ...services.changes import Change
from ...services.office import OfficeService
from ...services.sync import SyncService
from ...services.sync_views import SyncViews
from .. import ops
from .sync_logs import ConflictsPanel, LogPanel, exports_panel, imports_panel, quarantine_panel, security_panel
from .sync_peers import PeersPanel
from .sync_transfer import ExportPanel, ImportPanel


class SyncScreen(QWidget, ops.Watcher):
    """Emits ``changed`` whenever an export, import, confirmation or conflict choice changed the
    sync state, so the main window can update its status bar (unsent changes, last exchange)."""

    changed = Signal()
    watches = Change.ALL
    live = False

    def __init__(self, sync: SyncService, views: SyncViews, office: OfficeService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sync, self.views, self.office = sync, views, office
        # Told of a change while shown, the screen re-reads on the next turn of the event loop; a
        # re-read before then (each of its own actions re-reads at once) cancels it.
        self._refresh_soon = QTimer(self, singleShot=True, interval=0)
        self._refresh_soon.timeout.connect(self.refresh)
        self.peers = PeersPanel(sync, views, office, on_change=self._changed)
        self.export_panel = ExportPanel(sync, views, office, on_export=self._changed)
        self.import_panel = ImportPanel(sync, office, on_attempt=self._changed,
                                        on_enrollment=self.peers.load_enrollment)
        self.exports: LogPanel = exports_panel(views)
        self.imports: LogPanel = imports_panel(views)
        self.conflicts = ConflictsPanel(views, on_resolved=self._changed)
        self.quarantine: LogPanel = quarantine_panel(views)
        self.security: LogPanel = security_panel(views)
        self.tabs = QTabWidget()
        self.tabs.setUsesScrollButtons(True)
        for panel in (self.export_panel, self.import_panel, self.exports, self.imports, self.conflicts,
                      self.quarantine, self.security):
            self.tabs.addTab(panel, "")
        # The province's list of communes above the tabs makes the screen about 455 pixels high:
        # more than a laptop at 150% with the taskbar leaves it. It scrolls there, as it is elsewhere.
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.peers)
        inner.addWidget(self.tabs, 1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area)
        self.refresh()

    def refresh(self) -> None:
        self._refresh_soon.stop()
        self.peers.refresh()
        self.export_panel.refresh()
        for panel in (self.exports, self.imports, self.quarantine, self.security):
            panel.refresh()
        self.conflicts.refresh()
        self.retranslate()

    def on_changed(self, changes: Change) -> None:
        self._refresh_soon.start()

    def open_bundle(self, path: str | Path) -> bool:
        """Show the import preview of a bundle (e.g. double-clicked in the file manager)."""
        self.tabs.setCurrentWidget(self.import_panel)
        return self.import_panel.open_bundle(Path(path))

    def open_file(self, path: str | Path) -> bool:
        """A file given to the app (double-clicked, or on the command line): a sync bundle opens
        the import preview, an enrolment file the connection with the province."""
        from ...services.sync import file_kind

        if file_kind(Path(path)) == "enrollment":
            return self.peers.load_enrollment(Path(path)) is not None
        return self.open_bundle(path)

    def show_tab(self, panel: QWidget) -> None:
        self.tabs.setCurrentWidget(panel)

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()

    def retranslate(self) -> None:
        conflicts = self.conflicts.model.total if not self.conflicts.show_all.isChecked() else None
        titles = [
            self.tr("Export"), self.tr("Import"), self.tr("Bundles sent"), self.tr("Bundles received"),
            self.tr("Data conflicts") + (f" ({conflicts})" if conflicts else ""),
            self.tr("Pending records") + (f" ({self.quarantine.model.total})" if self.quarantine.model.total else ""),
            self.tr("Security log"),
        ]
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
