"""Windows and dialogs open at a size that fits their content and the screen, and come back where
the officer left them: size, position, maximised state and splitter positions are kept in
QSettings (an INI file in the user's config folder, beside the keys' folder, not in the data folder).

Qt sizes a new top-level window to at most two thirds of the screen, which at 150% scaling on a
1366×768 laptop (910×512 logical pixels) makes dialogs open at about 600×340 with their buttons cut
off; ``fit_to_screen`` gives a window its full size hint, bounded by the screen's free area.
One application-wide event filter does this for every window of ours, so no dialog needs code."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QSplitter, QWidget

_FITTED = "_thidua_fitted"
MARGIN = QSize(16, 48)  # window frame and title bar, which the available geometry does not include


def _ours(widget: QObject) -> bool:
    """Our own windows and dialogs; Qt's (message boxes, file and print dialogs) size themselves."""
    return isinstance(widget, QDialog | QMainWindow) and not type(widget).__module__.startswith("PySide6")


def _screen(widget: QWidget) -> QScreen | None:
    # QWidget.screen() by its class: MainWindow.screen(key) returns one of its screens instead.
    return QWidget.screen(widget) or QApplication.primaryScreen()


def state_key(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def free_area(widget: QWidget) -> QSize:
    screen = _screen(widget)
    if screen is None:
        return QSize(1366, 728)
    free = screen.availableGeometry().size()
    return QSize(max(free.width() - MARGIN.width(), 320), max(free.height() - MARGIN.height(), 240))


def fit_to_screen(widget: QWidget) -> None:
    """At least the size the content asks for (size hint) and at most the screen's free area;
    then moved so it lies inside the screen."""
    room = free_area(widget)
    wanted = widget.sizeHint().expandedTo(widget.minimumSizeHint()).expandedTo(widget.size())
    widget.resize(wanted.boundedTo(room))
    screen = _screen(widget)
    if screen is not None:
        area = screen.availableGeometry()
        frame = widget.frameGeometry()
        x = min(max(frame.x(), area.x()), area.right() - frame.width())
        y = min(max(frame.y(), area.y()), area.bottom() - frame.height())
        widget.move(max(x, area.x()), max(y, area.y()))


def splitters(window: QWidget) -> dict[str, QSplitter]:
    """The window's splitters by a stable name: their object name, else the classes of the widgets
    that hold them (screens are built lazily, so an index in the whole window would shift)."""
    named: dict[str, QSplitter] = {}
    for splitter in window.findChildren(QSplitter):
        name = splitter.objectName()
        if not name:
            parts, holder = [], splitter.parentWidget()
            while holder is not None and holder is not window:
                parts.append(type(holder).__name__)
                holder = holder.parentWidget()
            name = "/".join(reversed(parts)) or "window"
        unique, count = name, 1
        while unique in named:
            count += 1
            unique = f"{name}#{count}"
        named[unique] = splitter
    return named


class WindowStateKeeper(QObject):
    """Install on the QApplication: restores a window of ours when it is first shown, fitted to
    the screen, and saves its geometry and splitters when it is hidden."""

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Show, QEvent.Type.Hide) and _ours(watched):
            widget = watched
            assert isinstance(widget, QWidget)
            if kind == QEvent.Type.Show and not widget.property(_FITTED):
                widget.setProperty(_FITTED, True)
                if not isinstance(widget, QMainWindow):  # the main window is restored by the start-up code
                    self.restore(widget)
            elif kind == QEvent.Type.Hide and widget.property(_FITTED):
                self.save(widget)
        return False

    def restore(self, widget: QWidget) -> bool:
        """The saved geometry and splitters, else the fitted size; True when something was saved."""
        key = state_key(widget)
        saved = self.settings.value(f"{key}/geometry")
        restored = isinstance(saved, QByteArray | bytes) and widget.restoreGeometry(QByteArray(saved))
        if isinstance(widget, QMainWindow):
            state = self.settings.value(f"{key}/state")
            if isinstance(state, QByteArray | bytes):
                widget.restoreState(QByteArray(state))
        if restored:
            # A window saved on a bigger screen (or at 100%) must still fit this one.
            room = free_area(widget)
            if widget.width() > room.width() or widget.height() > room.height():
                widget.resize(widget.size().boundedTo(room))
        else:
            fit_to_screen(widget)
        self.restore_splitters(widget)
        return bool(restored)

    def restore_splitters(self, window: QWidget, within: QWidget | None = None) -> None:
        """The splitters of ``window`` (only those inside ``within``, e.g. a screen built later)."""
        key = state_key(window)
        for name, splitter in splitters(window).items():
            if within is not None and splitter is not within and not within.isAncestorOf(splitter):
                continue
            state = self.settings.value(f"{key}/splitter/{name}")
            if isinstance(state, QByteArray | bytes):
                splitter.restoreState(QByteArray(state))

    def save(self, widget: QWidget) -> None:
        key = state_key(widget)
        self.settings.setValue(f"{key}/geometry", widget.saveGeometry())
        if isinstance(widget, QMainWindow):
            self.settings.setValue(f"{key}/state", widget.saveState())
        for name, splitter in splitters(widget).items():
            self.settings.setValue(f"{key}/splitter/{name}", splitter.saveState())
        self.settings.sync()


def open_settings(path: str) -> QSettings:
    return QSettings(path, QSettings.Format.IniFormat)
