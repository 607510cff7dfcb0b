"""What every list screen wires the same way: search as you type (debounced, so each key press
does not run a query) and the keyboard of a register (Ctrl+N new, Enter edit, Delete remove)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QWidget


def search_as_you_type(owner: QWidget, search: QLineEdit, refresh: Callable[[], None], delay_ms: int = 200) -> QTimer:
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(delay_ms)
    timer.timeout.connect(refresh)
    search.textChanged.connect(lambda _text: timer.start())
    return timer


def enter_opens(table: QAbstractItemView, open_selected: Callable[[], object]) -> list[QShortcut]:
    """Return and Enter open the selected row while the table has the focus, and only then: Enter
    typed in a search box or a date field of the same screen does what that field does. (PySide6
    6.11 drops the context given to QShortcut's constructor, making the shortcut window-wide; it
    is set afterwards here.)"""
    shortcuts = []
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        shortcut = QShortcut(QKeySequence(key), table)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(open_selected)
        shortcuts.append(shortcut)
    return shortcuts


def bind_list_keys(owner: QWidget, table: QAbstractItemView, new: Callable[[], object],
                   edit: Callable[[], object], delete: Callable[[], object] | None = None) -> None:
    """Ctrl+N anywhere in the screen; Enter and Delete only while the list has the focus."""
    shortcut = QShortcut(QKeySequence.StandardKey.New, owner)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(new)
    enter_opens(table, edit)
    if delete is not None:
        shortcut = QShortcut(QKeySequence.StandardKey.Delete, table)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(delete)
