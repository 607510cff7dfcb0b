"""Starts the app on fresh demo data and saves a screenshot of every main screen at 1366×768.

Run through scripts/screenshots.sh, which provides a real X server (Xvfb):
    bash scripts/screenshots.sh            # writes docs/screenshots/*.png
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication

from thidua_desktop.bootstrap import open_app
from thidua_desktop.services.demo import DemoBuilder
from thidua_desktop.ui import i18n
from thidua_desktop.ui.main_window import MainWindow

TODAY = date(2026, 11, 25)


def _settle(qt: QApplication) -> None:
    for _ in range(3):
        qt.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qt.processEvents()


def _dialogs(qt: QApplication, app, window, out: Path, done: int) -> list[Path]:  # type: ignore[no-untyped-def]
    """The print preview of a submission and the Excel import wizard at its preview step."""
    from thidua_desktop.ui.import_wizard import ImportWizard
    from thidua_desktop.ui.print_preview import PrintPreviewDialog

    shots: list[Path] = []
    batch = app.nominations.batches()[0].id
    preview = PrintPreviewDialog(app, app.printing.render("submission", f"{batch}:commune"), window)
    preview.resize(1000, 740)
    preview.show()
    _settle(qt)
    shots.append(out / f"{done + 1:02d}-print-preview.png")
    preview.grab().save(str(shots[-1]))
    preview.close()
    wizard = ImportWizard(app.excel_import, "people", window)
    wizard.resize(1100, 660)
    wizard.show()
    wizard.file_page.load(str(Path(__file__).resolve().parents[1] / "tests/data/import/people_merged_header.xlsx"))
    wizard.next()
    wizard.next()
    _settle(qt)
    shots.append(out / f"{done + 2:02d}-import-preview.png")
    wizard.grab().save(str(shots[-1]))
    wizard.done(0)
    return shots


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    qt = QApplication(sys.argv[:1])
    i18n.install("vi")
    with tempfile.TemporaryDirectory() as tmp:
        app = open_app(tmp, actor="Cán bộ văn hóa - xã hội")
        app.office.init_office("commune", "01576", officer_name="Nông Thị Hoa")
        DemoBuilder(app, today=TODAY).build(people=300)
        window = MainWindow(app, TODAY)
        window.setGeometry(0, 0, 1366, 768)
        window.show()
        shots: list[Path] = []

        def capture() -> None:
            for index, (key, screen) in enumerate(window.screens, start=1):
                window.show_screen(key)
                if hasattr(screen, "prepare_screenshot"):
                    screen.prepare_screenshot()
                for _ in range(3):  # let replaced widgets go (deferred deletes) and layouts settle
                    qt.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                    qt.processEvents()
                path = out / f"{index:02d}-{key}.png"
                window.grab().save(str(path))
                shots.append(path)
            shots.extend(_dialogs(qt, app, window, out, len(shots)))
            qt.quit()

        QTimer.singleShot(300, capture)
        qt.exec()
        app.close()
    for path in shots:
        print(path)
    return 0 if shots else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")))
