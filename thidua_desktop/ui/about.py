"""Help → Giới thiệu (About): the app's version, the award catalog in force, the data folder, and
the licences of the font and the libraries shipped with the app; and the Help menu's entries for
it and for Help → Kiểm tra máy (ui/self_test_dialog.py).

The entries join the Help menu the user guide made (ui/user_guide.help_menu), after its entries,
and word themselves again on a language switch (an event filter on the window), so the main
window only calls ``add_help_entries`` once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..paths import resource_path
from .user_guide import help_menu

FONT_LICENCE_FILE = "fonts/LICENSE-LiberationSerif.txt"


@dataclass(frozen=True)
class Component:
    name: str
    distribution: str  # its package, for the version (importlib.metadata); "" when not a package
    licence: str


# What the build ships (installer/thidua.spec), with the licence each package declares.
COMPONENTS = (
    Component("Qt / PySide6", "PySide6_Essentials", "LGPL-3.0"),
    Component("SQLAlchemy", "SQLAlchemy", "MIT"),
    Component("Alembic", "alembic", "MIT"),
    Component("ReportLab", "reportlab", "BSD"),
    Component("segno (QR)", "segno", "BSD-3-Clause"),
    Component("openpyxl", "openpyxl", "MIT"),
    Component("PyNaCl (libsodium)", "PyNaCl", "Apache-2.0 (libsodium: ISC)"),
    Component("SQLCipher (sqlcipher3)", "sqlcipher3", "BSD-3-Clause (sqlcipher3: zlib)"),
    Component("pypdfium2 (PDFium)", "pypdfium2", "Apache-2.0 / BSD-3-Clause"),
    Component("psycopg", "psycopg", "LGPL-3.0"),
    Component("Pillow", "pillow", "MIT-CMU"),
    Component("platformdirs", "platformdirs", "MIT"),
    Component("defusedxml", "defusedxml", "PSF-2.0"),
    Component("vietnam-provinces", "vietnam-provinces", ""),
)


def component_version(component: Component) -> str:
    if component.name.startswith("Qt"):
        return qVersion()
    try:
        return version(component.distribution)
    except PackageNotFoundError:  # a frozen build without the package's metadata
        return ""


def font_licence() -> tuple[str, str, str]:
    """(font name and version, licence name, full text) from the licence file beside the fonts."""
    path = resource_path(FONT_LICENCE_FILE)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return "Liberation Serif", "SIL Open Font License 1.1", ""
    first = text.splitlines()[0].split("(")[0].strip() if text else "Liberation Serif"
    licence = next((line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("License:")),
                   "SIL-OFL-1.1")
    return first, licence.replace("SIL-OFL-1.1", "SIL Open Font License 1.1"), text


class AboutDialog(QDialog):
    def __init__(self, catalog_version: str, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AboutDialog")
        self.data_dir = data_dir
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.version_label, self.version_value = QLabel(), QLabel(__version__)
        self.catalog_label, self.catalog_value = QLabel(), QLabel(catalog_version)
        self.folder_label, self.folder_value = QLabel(), QLabel(str(data_dir))
        self.folder_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_value.setWordWrap(True)
        self.open_folder = QPushButton()
        self.open_folder.clicked.connect(self.show_folder)
        form = QFormLayout()
        form.addRow(self.version_label, self.version_value)
        form.addRow(self.catalog_label, self.catalog_value)
        form.addRow(self.folder_label, self.folder_value)
        form.addRow("", self.open_folder)
        self.licences_label = QLabel()
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("licences")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.font_name, self.font_licence_name, font_text = font_licence()
        self.qt_note = QLabel()
        self.qt_note.setWordWrap(True)
        self.font_button = QPushButton()
        self.font_button.setCheckable(True)
        self.font_text = QPlainTextEdit(font_text)
        self.font_text.setReadOnly(True)
        self.font_text.setVisible(False)
        self.font_button.toggled.connect(self.font_text.setVisible)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.licences_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.qt_note)
        layout.addWidget(self.font_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.font_text, 1)
        layout.addWidget(buttons)
        self.resize(680, 560)  # inside 1366×768 at 150% scaling too
        self.retranslate()

    def rows(self) -> list[tuple[str, str, str]]:
        """(component, version, licence) as shown, the font first."""
        rows = [(self.font_name + self.tr(" (font for printed documents)"), "", self.font_licence_name)]
        for component in COMPONENTS:
            rows.append((component.name, component_version(component),
                         component.licence or self.tr("not stated in its package")))
        return rows

    def show_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About ThiĐua Desktop"))
        self.title.setText(self.tr("ThiĐua Desktop — Emulation and commendation"))
        self.version_label.setText(self.tr("Version:"))
        self.catalog_label.setText(self.tr("Award catalog:"))
        self.folder_label.setText(self.tr("Data folder:"))
        self.open_folder.setText(self.tr("Open the data folder"))
        self.licences_label.setText(self.tr("The font and the libraries shipped with the app, and their licences:"))
        self.table.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Version"), self.tr("Licence")])
        rows = self.rows()
        self.table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.qt_note.setText(self.tr("Qt is used under the GNU LGPL version 3: its libraries are separate files in "
                                     "the installation folder and can be replaced with compatible versions."))
        self.font_button.setText(self.tr("Show the font licence"))
        if self.close_button is not None:
            self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class HelpEntries(QObject):
    """Help → Kiểm tra máy… and Help → Giới thiệu, on ``window``'s Help menu. ``catalog_version``
    is asked when the About box opens (the province may push a newer catalog meanwhile)."""

    def __init__(self, window: QMainWindow, catalog_version: Callable[[], str], data_dir: Path) -> None:
        super().__init__(window)
        self.setObjectName("help_entries")
        self.window_ = window
        self.catalog_version = catalog_version
        self.data_dir = data_dir
        menu = help_menu(window)
        if menu.actions():
            menu.addSeparator()
        self.self_test_action = QAction(window)
        self.self_test_action.setObjectName("self_test_action")
        self.self_test_action.triggered.connect(self.open_self_test)
        self.about_action = QAction(window)
        self.about_action.setObjectName("about_action")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.open_about)
        menu.addAction(self.self_test_action)
        menu.addAction(self.about_action)
        window.installEventFilter(self)
        self.retranslate()

    def open_about(self) -> AboutDialog:
        dialog = AboutDialog(self.catalog_version(), self.data_dir, self.window_)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_self_test(self) -> QDialog:
        from .self_test_dialog import SelfTestDialog

        dialog = SelfTestDialog(self.data_dir, self.window_)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.start()
        return dialog

    def retranslate(self) -> None:
        self.self_test_action.setText(self.tr("Check this computer…"))
        self.about_action.setText(self.tr("About ThiĐua Desktop"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Qt may still deliver events while the window is torn down, after Python has already
        # cleared this object's attributes: read them defensively.
        if watched is getattr(self, "window_", None) and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False


def add_help_entries(window: QMainWindow, catalog_version: Callable[[], str], data_dir: Path) -> HelpEntries:
    return HelpEntries(window, catalog_version, data_dir)
