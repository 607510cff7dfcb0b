"""Writing the council's reason to vote on a nominee the check does not pass, as the officer does:
double-click the row's reason cell, type in the window, OK."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from thidua_desktop.ui.screens.council import OVERRIDE, CouncilScreen
from thidua_desktop.ui.screens.override_reasons import ReasonDialog

from .conftest import type_text


def write_reason(qtbot, screen: CouncilScreen, row: int, text: str) -> list[ReasonDialog]:  # type: ignore[no-untyped-def]
    """Returns the window that opened (checked by the caller), closed again once typed in."""
    seen: list[ReasonDialog] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, ReasonDialog), dialog
            seen.append(dialog)
            type_text(dialog.box.editor, text)
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    item = screen.override(row)
    screen.grid.scrollToItem(item)
    centre = screen.grid.visualItemRect(item).center()
    qtbot.mouseClick(screen.grid.viewport(), Qt.MouseButton.LeftButton, pos=centre)  # the press a double-click ends
    QTimer.singleShot(0, fill)
    qtbot.mouseDClick(screen.grid.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert screen.grid.column(item) == OVERRIDE
    return seen
