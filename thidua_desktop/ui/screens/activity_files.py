"""Photos and PDF files chosen for an activity before it is saved: the file dialog (a module-level
function tests replace), the accepted file types, and the list box with its buttons."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import dialogs, ops

ATTACHABLE = {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".tif", ".tiff", ".heic", ".pdf"}
PATH_ROLE = Qt.ItemDataRole.UserRole


def open_files(parent: QWidget | None, title: str, filters: str) -> list[str]:
    """The file dialog for photos and PDFs (tests replace this function)."""
    paths, _ = QFileDialog.getOpenFileNames(parent, title, "", filters)
    return list(paths)


def attachable(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in ATTACHABLE


def file_filter() -> str:
    return QCoreApplication.translate("ActivityFiles", "Photos and PDF files (%1)").replace(
        "%1", " ".join(f"*{ext}" for ext in sorted(ATTACHABLE)))


def choose_files(parent: QWidget | None) -> list[str]:
    return open_files(parent, QCoreApplication.translate("ActivityFiles", "Add photos or PDF files"), file_filter())


def ask_blocked_file(parent: QWidget | None, name: str) -> str:
    """A file that is a program is never opened: "save" (a copy elsewhere), "folder" (show it in
    its folder) or "" (cancel). Tests replace this function."""
    text = QCoreApplication.translate(
        "ActivityFiles", "«%1» is a program or a script (a %2 file). For safety ThiĐua does not open it. You can "
        "save a copy or show it in its folder; have it checked by an antivirus before using it.")
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("ActivityFiles", "File not opened"),
                      text.replace("%1", name).replace("%2", Path(name).suffix.lower()), parent=parent)
    save = box.addButton(QCoreApplication.translate("ActivityFiles", "Save a copy…"), QMessageBox.ButtonRole.ActionRole)
    folder = box.addButton(QCoreApplication.translate("ActivityFiles", "Show in folder"),
                           QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "folder" if clicked is folder else ""


def show_in_folder(path: Path) -> bool:
    """The folder holding ``path`` in the system's file manager: the folder, never the file."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def handle_blocked_file(parent: QWidget | None, path: Path) -> None:
    """Instead of opening a program with the system's handler: offer a copy or its folder."""
    choice = ask_blocked_file(parent, path.name)
    if choice == "save":
        target = dialogs.save_file(parent, QCoreApplication.translate("ActivityFiles", "Save a copy"), path.name,
                                   QCoreApplication.translate("ActivityFiles", "All files (*)"))
        if target:
            ops.run(parent, lambda: shutil.copyfile(path, target), retry=False)
    elif choice == "folder":
        show_in_folder(path)


class FilesBox(QGroupBox):
    """The files to attach; emits ``changed`` when the list changes and ``skipped(names)`` when
    some files were not photos or PDFs."""

    changed = Signal()
    skipped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setMinimumHeight(70)
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.add_button.clicked.connect(lambda: self.add(choose_files(self)))
        self.remove_button.clicked.connect(self.remove_selected)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.error = QLabel()
        self.error.setStyleSheet("color: #a40000;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self.retranslate()

    def paths(self) -> list[str]:
        return [str(self.list.item(i).data(PATH_ROLE)) for i in range(self.list.count())]

    def add(self, paths: list[str]) -> list[str]:
        """Add photos or PDFs (each once); returns the names of the files that were skipped."""
        present = set(self.paths())
        skipped = []
        for text in paths:
            path = Path(text)
            if not attachable(path):
                skipped.append(path.name)
                continue
            if str(path) not in present:
                item = QListWidgetItem(path.name)
                item.setData(PATH_ROLE, str(path))
                item.setToolTip(str(path))
                self.list.addItem(item)
                present.add(str(path))
        if skipped:
            self.skipped.emit(skipped)
        self.changed.emit()
        return skipped

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.changed.emit()

    def clear(self) -> None:
        self.list.clear()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Photos and PDF files"))
        self.hint.setText(self.tr("Drag photos or PDF files onto this form, or use the button."))
        self.add_button.setText(self.tr("Add files…"))
        self.remove_button.setText(self.tr("Remove from list"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
