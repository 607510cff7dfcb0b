"""Child process of the start-up figure.

``python -m bench.startup_child app DATA_DIR`` runs the real GUI entry point
(``thidua_desktop.__main__.main``, what the ``thidua-desktop`` launcher runs) on that office;
``python -m bench.startup_child bare`` shows a bare PySide6 main window. Either way the process
prints "shown" and ends the moment a main window receives its first Show event, so the parent's
wall time of the process is the time from launch to the window on screen.

The only thing added to the real entry point is an event filter on the QApplication: it is made
here first (``run()`` takes ``QApplication.instance()`` when there is one, as it would its own)."""

from __future__ import annotations

import os
import sys


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow

    qt = QApplication(sys.argv[:1])

    class Shown(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Show and isinstance(watched, QMainWindow):
                print("shown", flush=True)
                os._exit(0)  # nothing after the window counts; skip the teardown
            return False

    spy = Shown()
    qt.installEventFilter(spy)
    if argv[0] == "bare":
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
