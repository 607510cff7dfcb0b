"""The "Excel ▾" button of a screen, beside its "In ▾" button: the screen's Excel exports (and, on
the register, the import wizard). An export asks where to save under a name without diacritics,
writes off the GUI thread, then says how many rows went where. The button hides when it would
offer nothing (no Excel service was given to the screen)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QSize, QStandardPaths, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QStyle, QToolButton, QWidget

from ..domain.text import search_key
from ..services.excel_export import ExcelExportService, ExportResult
from ..services.excel_import import ExcelImportService
from . import dialogs
from .import_wizard import ImportWizard
from .locale_format import number_text
from .worker import run_with_progress


def with_menu_arrow(button: QToolButton, hint: QSize) -> QSize:
    """Qt leaves the menu arrow that the style draws on an instant-popup button out of its size hint,
    so the arrow covers the last letters, and a layout (a tab corner) that trusts the hint cuts the
    button off at the window edge. Count the arrow in."""
    arrow = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    return QSize(hint.width() + arrow, hint.height())


@dataclass(frozen=True)
class _Entry:
    key: str  # "" for a greyed header
    label: Callable[[], str]  # asked each time the menu opens, so it follows the language
    run: Callable[[], Any] | None = None
    enabled: Callable[[], bool] | None = None


class ExcelButton(QToolButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[_Entry] = []
        self.last_result: Any = None  # what the last entry returned (an ExportResult, the wizard …)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setMenu(QMenu(self))
        self.menu().aboutToShow.connect(self.refresh_menu)
        self.setHidden(True)
        self.retranslate()

    def sizeHint(self) -> QSize:
        return with_menu_arrow(self, super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return with_menu_arrow(self, super().minimumSizeHint())

    def add_header(self, text: Callable[[], str]) -> None:
        """A greyed line naming the record the next entries are about."""
        self.entries.append(_Entry("", text))

    def add_entry(self, key: str, label: Callable[[], str], run: Callable[[], Any],
                  enabled: Callable[[], bool] | None = None) -> None:
        self.entries.append(_Entry(key, label, run, enabled))
        self.setHidden(False)

    def refresh_menu(self) -> None:
        """Rebuilt each time it opens: the selection and the language may have changed."""
        menu = self.menu()
        menu.clear()
        for entry in self.entries:
            if not entry.key:
                if not menu.isEmpty():
                    menu.addSeparator()
                menu.addAction(entry.label()).setEnabled(False)
                continue
            action = menu.addAction(entry.label())
            action.setData(entry.key)
            action.setEnabled(entry.enabled() if entry.enabled else True)
            action.triggered.connect(lambda _c=False, e=entry: self._run(e))

    def action(self, key: str) -> QAction | None:
        """The menu action of ``key``, as the menu would show it now."""
        self.refresh_menu()
        return next((a for a in self.menu().actions() if a.data() == key), None)

    def _run(self, entry: _Entry) -> None:
        if entry.run is not None:
            self.last_result = entry.run()

    def retranslate(self) -> None:
        self.setText(self.tr("Excel"))
        self.setToolTip(self.tr("Import from and export to Excel workbooks"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)



def file_name(*parts: object) -> str:
    """"Xét khen thưởng năm 2026" -> "xet-khen-thuong-nam-2026.xlsx": safe on every file system and
    readable by officers whose machines mangle diacritics in file names."""
    words = [re.sub(r"[^a-z0-9]+", "-", search_key(str(p))).strip("-") for p in parts if str(p).strip()]
    return "-".join(w for w in words if w)[:80].strip("-") + ".xlsx"


def default_folder() -> Path:
    documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or "")
    return documents if str(documents) and documents.is_dir() else Path.home()


def export_workbook(parent: QWidget | None, service: ExcelExportService, kind: str, suggested: str,
                    **target: Any) -> ExportResult | None:
    """Ask where to save, write the workbook with a progress dialog, say how many rows went where."""
    title = QCoreApplication.translate("ExcelActions", "Export to Excel")
    path = dialogs.save_file(parent, title, str(default_folder() / suggested),
                             QCoreApplication.translate("ExcelActions", "Excel workbooks (*.xlsx)"))
    if not path:
        return None
    if not Path(path).suffix:
        path += ".xlsx"
    result = run_with_progress(parent, QCoreApplication.translate("ExcelActions", "Writing the Excel workbook…"),
                               lambda _progress: service.export(kind, path, **target))
    if result is None:
        return None
    done = QCoreApplication.translate("ExcelActions", "Exported %1 rows to %2.")
    dialogs.info(parent, title, done.replace("%1", number_text(result.rows)).replace("%2", str(result.path)))
    return result


def open_import(parent: QWidget, service: ExcelImportService, kind: str,
                on_finished: Callable[[], None] | None = None) -> ImportWizard:
    """The import wizard, modal to its window; ``on_finished`` runs when it closes (written or not)."""
    wizard = ImportWizard(service, kind, parent)
    if on_finished is not None:
        wizard.finished.connect(lambda _result: on_finished())
    wizard.open()
    return wizard
