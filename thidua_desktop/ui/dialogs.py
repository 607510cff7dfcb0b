"""Every message box and file dialog goes through here, so tests can replace them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


def info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def open_file(parent: QWidget | None, title: str, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path


def save_file(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    """Where to save a file; "" when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path


def choose_folder(parent: QWidget | None, title: str) -> str:
    """A folder to write into; "" when cancelled."""
    return QFileDialog.getExistingDirectory(parent, title, "")


def setup_printer(parent: QWidget | None, printer: QPrinter, pages: int) -> bool:
    """The system print dialog (printer, copies, page range) for a document of ``pages`` pages;
    False when cancelled."""
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog  # loaded only when printing

    dialog = QPrintDialog(printer, parent)
    dialog.setMinMax(1, max(pages, 1))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
    return dialog.exec() == QDialog.DialogCode.Accepted
