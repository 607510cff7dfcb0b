"""Help → User guide (F1): the short Vietnamese guide shipped in resources/guide/, shown offline in
a QTextBrowser. Its images are PNG files beside index.html, found through relative paths, so the
same folder works in a checkout, an installed wheel and a frozen build (paths.resource_path).

The guide is written in Vietnamese only (the officers' language); the English interface opens the
same pages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..paths import resource_path

HELP_MENU_NAME = "help_menu"  # the object name by which the Help menu's other entries find it


def guide_index() -> Path:
    return resource_path("guide/index.html")


class UserGuideDialog(QDialog):
    """A non-modal window beside the main one, so the officer can read while working."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("UserGuideDialog")
        self.browser = QTextBrowser()
        # Links inside the guide move between its pages; a web address (none today) opens outside.
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(True)
        index = guide_index()
        self.browser.setSearchPaths([str(index.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(index)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(900, 640)  # inside a 1366×768 screen, beside the taskbar
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("User guide"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def help_menu(window: QMainWindow) -> QMenu:
    """The window's Help menu, made (last on the menu bar) when nothing has made it yet."""
    found = window.menuBar().findChild(QMenu, HELP_MENU_NAME)
    if found is not None:
        return found
    menu = window.menuBar().addMenu("")
    menu.setObjectName(HELP_MENU_NAME)
    return menu


class GuideAction(QAction):
    """Help → User guide, F1 anywhere in the window. The dialog is kept: pressing F1 again brings
    the open guide forward instead of a second copy."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("user_guide_action")
        self.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.window_ = window
        self.dialog: UserGuideDialog | None = None
        self.triggered.connect(self.open_guide)
        window.addAction(self)  # F1 works with the menu closed

    def open_guide(self) -> UserGuideDialog:
        if self.dialog is None:
            self.dialog = UserGuideDialog(self.window_)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def retranslate(self) -> None:
        self.setText(self.tr("User guide"))


def add_user_guide(window: QMainWindow) -> GuideAction:
    """Put Help → User guide (F1) on ``window``; call ``retranslate_help`` on LanguageChange."""
    menu = help_menu(window)
    action = GuideAction(window)
    if menu.actions():
        menu.insertAction(menu.actions()[0], action)  # the guide first, as in most programs
    else:
        menu.addAction(action)
    retranslate_help(window)
    return action


def retranslate_help(window: QMainWindow) -> None:
    # The main window's context: whoever else adds to the Help menu words its title the same way.
    help_menu(window).setTitle(QCoreApplication.translate("MainWindow", "&Help"))
    for action in window.findChildren(GuideAction):
        action.retranslate()
