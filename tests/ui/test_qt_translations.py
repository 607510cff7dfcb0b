"""Qt's own dialogs in Vietnamese: i18n/qtbase_vi.ts gives the file dialog (used under Linux), the
message boxes and the standard buttons Vietnamese text, since Qt ships no Vietnamese catalog."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QToolButton, QTreeView

from thidua_desktop.ui import i18n

ROOT = Path(__file__).resolve().parents[2]


def _tr(context: str, source: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate(context, source, disambiguation)


def test_file_dialog_strings_are_vietnamese(qapp) -> None:  # type: ignore[no-untyped-def]
    i18n.install("vi")
    assert _tr("QFileDialog", "&Look in:") == "Tìm tr&ong:"
    assert _tr("QFileDialog", "Look in:") == "Tìm trong:"
    assert _tr("QFileDialog", "File &name:") == "&Tên tệp:"
    assert _tr("QFileDialog", "Files of &type:") == "&Loại tệp:"
    assert _tr("QFileDialog", "Back") == "Quay lại"
    assert _tr("QFileDialog", "Detail View") == "Xem chi tiết"
    assert _tr("QFileDialog", "New Folder") == "Thư mục mới"
    assert _tr("QFileDialog", "All files (*)") == "Tất cả các tệp (*)"
    assert _tr("QFileSystemModel", "Date Modified") == "Ngày sửa"
    # Qt asks for these with a disambiguation; the catalog's plain entry answers.
    assert _tr("QFileSystemModel", "Type", "All other platforms") == "Loại"
    assert _tr("QAbstractFileIconProvider", "Folder", "All other platforms") == "Thư mục"
    assert _tr("QMessageBox", "Show Details...") == "Xem chi tiết..."
    assert _tr("QPlatformTheme", "Cancel") == "Hủy"
    i18n.install("en")
    assert _tr("QFileDialog", "&Look in:") == "&Look in:"
    i18n.install("vi")


def test_qt_file_dialog_shows_vietnamese(qtbot) -> None:  # type: ignore[no-untyped-def]
    i18n.install("vi")
    dialog = QFileDialog(None, "Chọn tệp", str(ROOT / "i18n"))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"Tìm tr&ong:", "&Tên tệp:", "&Loại tệp:"} <= labels, labels
    tips = {button.toolTip() for button in dialog.findChildren(QToolButton)}
    assert {"Quay lại", "Tiến tới", "Thư mục cấp trên", "Tạo thư mục mới", "Xem chi tiết"} <= tips, tips
    buttons = {b.text() for b in dialog.findChild(QDialogButtonBox).buttons()}
    assert buttons == {"&Mở", "Hủy"}, buttons
    tree = dialog.findChild(QTreeView)
    model = tree.model()
    titles = [model.headerData(c, tree.header().orientation()) for c in range(model.columnCount())]
    assert titles == ["Tên", "Kích thước", "Loại", "Ngày sửa"], titles


def test_every_entry_of_the_qt_catalog_is_translated_and_compiled(qapp) -> None:  # type: ignore[no-untyped-def]
    from thidua_desktop.paths import i18n_path
    from thidua_desktop.ui.i18n import compile_catalogs

    compile_catalogs()  # a fresh clone has no .qm yet (they are built, not committed)
    translator = QTranslator()
    assert translator.load(str(i18n_path("qtbase_vi.qm")))
    for context in ET.parse(ROOT / "i18n" / "qtbase_vi.ts").getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source, translation = message.findtext("source") or "", message.findtext("translation") or ""
            assert translation.strip() and message.find("translation").get("type") is None, (name, source)
            assert translator.translate(name, source) == translation, (name, source)
