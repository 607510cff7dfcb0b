"""Help → Kiểm tra máy: the machine check (services/self_test.py) with one line per check, and the
GUI's ``--self-test`` (``python -m thidua_desktop --self-test``, the frozen build's smoke test).

The checks run in the worker thread (ui/worker.py, with its progress dialog and Cancel); the one
check that needs Qt itself (a window drawn with Vietnamese text, the translation catalog, the
print support) runs on the GUI thread, where widgets may be made."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import NoReturn

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..paths import i18n_path
from ..services.self_test import Check, CheckFailed, SelfTestReport, run_check, run_self_test
from . import dialogs, ops
from .worker import run_with_progress

QT_SAMPLE = "Cộng hòa xã hội chủ nghĩa Việt Nam — Độc lập, Tự do, Hạnh phúc"


def check_qt() -> tuple[str, str]:
    """Qt draws a window with Vietnamese text, reads the Vietnamese catalog and knows a printer
    (the platform, image and print plugins a frozen build must carry). GUI thread only."""
    from PySide6.QtCore import QTranslator
    from PySide6.QtPrintSupport import QPrinter

    label = QLabel(QT_SAMPLE)
    try:
        label.adjustSize()
        image = label.grab().toImage()
        if image.isNull() or image.width() < 50:
            raise CheckFailed("không vẽ được cửa sổ", "could not draw a window")
    finally:
        label.deleteLater()
    catalog = QTranslator()
    if not catalog.load(str(i18n_path("thidua_vi.qm"))) or catalog.isEmpty():
        raise CheckFailed("thiếu bản dịch giao diện (thidua_vi.qm)", "the interface translation is missing "
                                                                   "(thidua_vi.qm)")
    printer = QPrinter()
    printer.setPageSize(printer.pageLayout().pageSize())  # touches the print plugin
    platform = QGuiApplication.platformName()
    return (f"vẽ được chữ tiếng Việt, có bản dịch ({platform})",
            f"draws Vietnamese text, translation present ({platform})")


QT_CHECK = Check("qt", "Giao diện", "User interface", check_qt)


class SelfTestDialog(QDialog):
    """``data_dir``: the office's data folder (its permissions and free space are checked). The
    USB folder is a temporary one unless the officer chooses the stick."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SelfTestDialog")
        self.data_dir = data_dir
        self.report: SelfTestReport | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.usb_label = QLabel()
        self.usb_edit = QLineEdit()
        self.usb_edit.setReadOnly(True)
        self.usb_button = QPushButton()
        self.usb_button.clicked.connect(self.choose_usb)
        usb_row = QHBoxLayout()
        usb_row.addWidget(self.usb_label)
        usb_row.addWidget(self.usb_edit, 1)
        usb_row.addWidget(self.usb_button)
        self.lines = QListWidget()
        self.lines.setObjectName("self_test_lines")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        bold = QFont(self.summary.font())
        bold.setBold(True)
        self.summary.setFont(bold)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.run_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.run_button.clicked.connect(self.start)
        self.copy_button.clicked.connect(self.copy_lines)
        self.copy_button.setEnabled(False)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(usb_row)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(720, 420)  # eight lines and the summary without scrolling, inside 1366×768
        self.retranslate()

    def usb_folder(self) -> Path | None:
        text = self.usb_edit.text().strip()
        return Path(text) if text else None

    def choose_usb(self) -> None:
        folder = dialogs.choose_folder(self, self.tr("Choose the USB stick"))
        if folder:
            self.usb_edit.setText(folder)

    def start(self) -> SelfTestReport | None:
        """Run every check (in the worker; the Qt one here) and show one line per check."""
        data_dir, usb = self.data_dir, self.usb_folder()
        report = run_with_progress(self, self.tr("Checking this computer…"),
                                   lambda progress: run_self_test(data_dir, usb, progress))
        if report is None:  # cancelled, or refused (the worker showed why)
            return None
        self.show_report(SelfTestReport((*report.results, run_check(QT_CHECK))))
        return self.report

    def show_report(self, report: SelfTestReport) -> None:
        self.report = report
        lang = ops.current_lang()
        self.lines.clear()
        for result in report.results:
            self.lines.addItem(result.line(lang))
        self.summary.setText(report.summary(lang))
        self.copy_button.setEnabled(True)
        self.run_button.setText(self.tr("Check again"))

    def copy_lines(self) -> None:
        """The lines as plain text, to paste into a message to whoever supports the office."""
        if self.report is not None:
            QGuiApplication.clipboard().setText("\n".join(self.report.lines(ops.current_lang())))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Check this computer"))
        self.intro.setText(self.tr("Checks what the app needs on this computer: the fonts, the data folder and its "
                                   "free space, the database, the security keys, the award rules, printing to PDF "
                                   "and writing to a USB stick. Nothing in the office's data is changed."))
        self.usb_label.setText(self.tr("USB stick:"))
        self.usb_edit.setPlaceholderText(self.tr("a temporary folder (choose the stick to check it)"))
        self.usb_button.setText(self.tr("Choose…"))
        self.run_button.setText(self.tr("Check again") if self.report is not None else self.tr("Check"))
        self.copy_button.setText(self.tr("Copy the results"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        if self.report is not None:
            self.show_report(self.report)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, no usage block (as ``thidua``)
        raise ValueError(message)


def run_headless(argv: Sequence[str]) -> int:
    """``--self-test`` of the GUI entry point: the same checks plus the Qt one, offscreen, printed
    one per line; 0 when all pass, 1 when any fails, 2 for a malformed command line."""
    parser = _Parser(prog="thidua-desktop", add_help=False)
    parser.add_argument("--self-test", action="store_true")
    parser.add_argument("--data-dir")
    parser.add_argument("--lang", choices=["vi", "en"], default="vi")
    parser.add_argument("--usb")
    try:
        args = parser.parse_args(list(argv))
    except ValueError as exc:
        english = "--lang=en" in argv or any(a == "--lang" and b == "en" for a, b in pairwise(argv))
        line = f"Usage error: {exc}." if english else f"Lệnh không hợp lệ: {exc}."
        if sys.stderr is not None:
            sys.stderr.write(line + "\n")
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window, also on a machine with no display
    from ..config import resolve_data_dir

    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    assert qt_app is not None
    usb = Path(args.usb) if args.usb else None
    report = run_self_test(resolve_data_dir(args.data_dir), usb, extra=[QT_CHECK])
    _print(report.lines(args.lang))
    return 0 if report.ok else 1


def _print(lines: Sequence[str]) -> None:
    # A windowed Windows build has no console (sys.stdout is None): the exit code still tells.
    stream = sys.stdout
    if stream is None:
        return
    for line in lines:
        try:
            stream.write(line + "\n")
        except UnicodeEncodeError:  # an old Windows console code page: the marks without the accents
            stream.write(line.encode("ascii", "replace").decode("ascii") + "\n")
    stream.flush()

