"""Child process of the start-up figure.

``python -m bench.startup_child app DATA_DIR`` runs the real GUI entry point
(``thidua_desktop.__main__.main``, what the ``thidua-desktop`` launcher runs) on that office;
``python -m bench.startup_child bare`` shows a bare PySide6 main window. Either way the process
prints "shown" and ends the moment a main window has painted itself for the first time (its first
Paint event, not its Show event: Qt shows a window, and even runs a zero timer, before it paints),
so the parent's wall time of the process is the time from launch to the window on screen.

The app's window then is the main window itself, shown before the office opens (issue 15): its
title, its navigation and its status bar ("Đang mở dữ liệu…"). What it painted is printed after
"shown" (title | navigation entries | status), so the figure can say it was no splash.

``python -m bench.startup_child ready DATA_DIR`` runs the same entry point on, past the first
paint, until the office is open: the first screen built with its figures arrived (read off the
GUI thread) and the status bar's counts shown. It prints "ready" and ends then.

The only thing added to the real entry point is an event filter on the QApplication: it is made
here first (``run()`` takes ``QApplication.instance()`` when there is one, as it would its own)."""

from __future__ import annotations

import os
import sys


def _describe(window: object) -> str:
    """Title | navigation entries | status bar text of the painted main window."""
    from PySide6.QtWidgets import QLabel, QListWidget, QMainWindow

    assert isinstance(window, QMainWindow)
    nav = window.findChild(QListWidget)
    entries = nav.count() if nav is not None else 0
    status = " ".join(label.text() for label in window.statusBar().findChildren(QLabel) if label.text())
    return f"{window.windowTitle()} | {entries} navigation entries | {status}"


def _is_ready(window: object) -> bool:
    """The office is open: the screen shown has its figures, the status bar its counts."""
    if not getattr(window, "is_open", False):
        return False
    screen = window.stack.currentWidget()  # type: ignore[attr-defined]
    return getattr(screen, "data", None) is not None and bool(window.sync_label.text())  # type: ignore[attr-defined]


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    qt = QApplication(sys.argv[:1])
    mode = argv[0]

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
                if mode == "ready":
                    qt.removeEventFilter(self)
                    poll(watched)
                    return False
                print("shown", _describe(watched) if mode == "app" else "", flush=True)
                os._exit(0)  # nothing after the window counts; skip the teardown
            return False

    def poll(window: QMainWindow) -> None:
        if _is_ready(window):
            print("ready", flush=True)
            os._exit(0)
        QTimer.singleShot(20, lambda: poll(window))  # seldom: the office opens in a worker meanwhile

    spy = Painted()
    qt.installEventFilter(spy)
    if mode == "bare":
        from PySide6.QtWidgets import QLabel

        window = QMainWindow()
        window.setCentralWidget(QLabel("ThiĐua"))
        window.resize(1200, 800)
        window.show()
        return qt.exec()
    sys.argv = [sys.argv[0], "--data-dir", argv[1]]
    from thidua_desktop.__main__ import main as real_main

    return real_main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
