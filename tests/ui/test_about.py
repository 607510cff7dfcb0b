"""Help → Giới thiệu: the version, the catalog in force, the data folder and the licences of the
font and the libraries; the Help menu carries it and Kiểm tra máy after the user guide."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from thidua_desktop import __version__
from thidua_desktop.ui import i18n
from thidua_desktop.ui.about import AboutDialog
from thidua_desktop.ui.main_window import MainWindow
from thidua_desktop.ui.self_test_dialog import SelfTestDialog
from thidua_desktop.ui.user_guide import HELP_MENU_NAME


def _table(dialog: AboutDialog) -> list[tuple[str, str, str]]:
    return [tuple(dialog.table.item(row, col).text() for col in range(3))  # type: ignore[misc]
            for row in range(dialog.table.rowCount())]


def test_about_shows_versions_folder_and_licences(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    i18n.install("en")
    dialog = AboutDialog("2026.2", tmp_path / "du-lieu")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "About ThiĐua Desktop"
    assert (dialog.version_value.text(), dialog.catalog_value.text()) == (__version__, "2026.2")
    assert dialog.folder_value.text() == str(tmp_path / "du-lieu")
    rows = {name: (version, licence) for name, version, licence in _table(dialog)}
    assert rows["Liberation Serif 2.1.5 (font for printed documents)"] == ("", "SIL Open Font License 1.1")
    assert rows["Qt / PySide6"][1] == "LGPL-3.0" and rows["Qt / PySide6"][0].startswith("6.")
    assert rows["SQLAlchemy"][1] == "MIT" and rows["SQLAlchemy"][0].startswith("2.")
    assert rows["ReportLab"][1] == "BSD" and rows["openpyxl"][1] == "MIT"
    assert all(version for name, (version, _l) in rows.items() if not name.startswith("Liberation")), rows
    assert not dialog.font_text.isVisible()
    dialog.font_button.click()
    assert dialog.font_text.isVisible() and "SIL OPEN FONT LICENSE Version 1.1" in dialog.font_text.toPlainText()


def test_the_help_menu_opens_about_and_the_machine_check(qtbot, commune, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    i18n.install("en")
    window = MainWindow(commune)
    qtbot.addWidget(window)
    window.show()
    menu = window.menuBar().findChild(QMenu, HELP_MENU_NAME)
    assert menu is not None
    entries = window.help_entries
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[-2:] == ["Check this computer…", "About ThiĐua Desktop"]
    assert menu.actions().index(window.guide_action) < menu.actions().index(entries.self_test_action)
    entries.about_action.trigger()
    about = window.findChild(AboutDialog)
    assert about is not None and about.isVisible()
    assert about.catalog_value.text() == commune.current_catalog().catalog_version
    assert about.folder_value.text() == str(commune.paths.data_dir)
    about.close()
    started: list[SelfTestDialog] = []
    monkeypatch.setattr(SelfTestDialog, "start", lambda self: started.append(self))  # the checks: the other file
    entries.self_test_action.trigger()
    assert len(started) == 1 and started[0].isVisible() and started[0].data_dir == commune.paths.data_dir
    started[0].close()
    i18n.install("vi")
    assert entries.about_action.text() != "" and entries.self_test_action.text() != ""


def test_no_text_is_clipped_in_the_pseudo_locale(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from thidua_desktop.ui.pseudo_locale import find_clipped, install_pseudo

    dialog = AboutDialog("2026.2", tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    install_pseudo()
    try:
        qtbot.waitUntil(lambda: dialog.windowTitle().startswith("["))
        qtbot.wait(100)  # the layouts follow the longer words
        assert dialog.width() <= 1366 and dialog.height() <= 768
        assert find_clipped(dialog, headers=False) == []
    finally:
        i18n.install("vi")
