"""Help → Hướng dẫn sử dụng (F1) opens the Vietnamese user guide offline, with its pictures, from the
package's resources (so it ships with the app)."""

from __future__ import annotations

import re

from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtGui import QImage, QPixmap, QTextDocument
from PySide6.QtWidgets import QApplication, QMenu

from thidua_desktop.paths import resource_path
from thidua_desktop.ui.main_window import MainWindow
from thidua_desktop.ui.user_guide import HELP_MENU_NAME, UserGuideDialog, guide_index

SECTIONS = ("Mở phần mềm lần đầu", "Ghi nhận hoạt động", "Lập hồ sơ đề nghị khen thưởng",
            "Họp Hội đồng và bỏ phiếu", "In văn bản", "Gửi, nhận dữ liệu qua USB")


def _images() -> list[str]:
    return re.findall(r'<img src="([^"]+)"', guide_index().read_text(encoding="utf-8"))


def test_the_guide_ships_in_the_resources_with_small_pictures() -> None:
    assert guide_index() == resource_path("guide/index.html") and guide_index().is_file()
    html = guide_index().read_text(encoding="utf-8")
    for title in SECTIONS:
        assert title in html
    images = _images()
    assert len(images) >= 6
    files = [guide_index().parent / name for name in images]
    assert all(not name.startswith(("/", "http", "file:")) for name in images)  # relative: works anywhere
    assert all(f.is_file() for f in files), [f for f in files if not f.is_file()]
    total = sum(f.stat().st_size for f in (guide_index().parent / "images").glob("*"))
    assert total < 2 * 1024 * 1024


def test_f1_opens_the_guide_with_its_images(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(commune)
    qtbot.addWidget(window)
    window.show()
    menu = window.menuBar().findChild(QMenu, HELP_MENU_NAME)
    assert menu is not None and menu.title().replace("&", "") == "Trợ giúp"
    entry = window.guide_action
    assert entry in menu.actions() and entry.text() == "Hướng dẫn sử dụng"
    assert entry.shortcut().toString() == "F1"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.nav, Qt.Key.Key_F1)  # the real key, through Qt's shortcut map
    dialog = entry.dialog
    assert isinstance(dialog, UserGuideDialog) and dialog.isVisible()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.nav, Qt.Key.Key_F1)  # again: the same window comes forward, no second copy
    assert entry.dialog is dialog and len(window.findChildren(UserGuideDialog)) == 1
    browser = dialog.browser
    assert "Hướng dẫn sử dụng ThiĐua Desktop" in browser.toPlainText()
    for title in SECTIONS:
        assert title in browser.toPlainText()
    QApplication.processEvents()
    for name in _images():
        loaded = browser.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        image = QImage.fromData(loaded) if isinstance(loaded, QByteArray) else loaded
        assert isinstance(image, (QImage, QPixmap)) and not image.isNull(), name
        cached = browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        assert cached is not None and not cached.isNull(), name
    dialog.close()


def test_the_menu_entry_opens_the_guide_in_english_too(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    from thidua_desktop.ui import i18n

    window = MainWindow(commune)
    qtbot.addWidget(window)
    i18n.install("en")
    try:
        QApplication.processEvents()
        assert window.guide_action.text() == "User guide"
        window.guide_action.trigger()
        assert window.guide_action.dialog is not None and window.guide_action.dialog.windowTitle() == "User guide"
        assert "Ghi nhận hoạt động" in window.guide_action.dialog.browser.toPlainText()  # the guide is Vietnamese
    finally:
        i18n.install("vi")
