"""Screenshots of every main screen and every dialog, on fresh demo data, as an officer sees them on
a 1366×768 laptop: the whole screen is grabbed, so a dialog that does not fit shows it.

Run through scripts/screenshots.sh, which provides a real X server (Xvfb) and runs this twice:
at 100% (docs/screenshots/100/) and at 150% scaling (QT_SCALE_FACTOR=1.5, docs/screenshots/150/).
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.services.demo import DemoBuilder
from thidua_desktop.ui import i18n
from thidua_desktop.ui.main_window import MainWindow
from thidua_desktop.ui.window_state import WindowStateKeeper, open_settings

TODAY = date(2026, 11, 25)
ROOT = Path(__file__).resolve().parents[1]


def settle(qt: QApplication) -> None:
    for _ in range(4):  # let replaced widgets go (deferred deletes) and layouts settle
        qt.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qt.processEvents()


class Camera:
    def __init__(self, qt: QApplication, out: Path) -> None:
        self.qt, self.out, self.shots = qt, out, []  # type: ignore[var-annotated]

    def whole_screen(self, name: str) -> Path:
        settle(self.qt)
        path = self.out / f"{len(self.shots) + 1:02d}-{name}.png"
        screen = QApplication.primaryScreen()
        screen.grabWindow(0).save(str(path))
        self.shots.append(path)
        return path

    def dialog(self, name: str, make: Callable[[], QWidget], before: Callable[[QWidget], object] | None = None) -> None:
        widget = make()
        widget.show()
        settle(self.qt)
        if before is not None:
            before(widget)
        self.whole_screen(name)
        if isinstance(widget, QDialog):
            widget.done(0)
        widget.close()
        widget.deleteLater()
        settle(self.qt)


def province_enrolment(tmp: Path) -> Path:
    province = open_app(tmp / "tinh", actor="Cán bộ tỉnh")
    try:
        province.office.init_office("province", "04", officer_name="Hoàng Văn Tỉnh")
        province.sync.create_recovery_key(tmp / "khoa.tdkey")
        path = tmp / "ket-noi-01576.json"
        province.sync.export_enrollment("01576", path)
        return path
    finally:
        province.close()


def dialogs(cam: Camera, app: App, window: MainWindow, tmp: Path) -> None:
    from thidua_desktop.ui.certificate_calibration import CalibrationDialog
    from thidua_desktop.ui.import_wizard import ImportWizard
    from thidua_desktop.ui.print_preview import PrintPreviewDialog
    from thidua_desktop.ui.screens.collective_dialog import CollectiveDialog
    from thidua_desktop.ui.screens.council import MemberDialog
    from thidua_desktop.ui.screens.exemplar_dialog import NewExemplarDialog
    from thidua_desktop.ui.screens.movement_dialog import MovementDialog
    from thidua_desktop.ui.screens.nomination_wizard import NominationWizard
    from thidua_desktop.ui.screens.nomination_wizard_pages import BatchDialog
    from thidua_desktop.ui.screens.person_dialog import PersonDialog
    from thidua_desktop.ui.screens.sync_enrolment import EnrolmentDialog

    person = app.people.search("").rows[0].id
    cam.dialog("person-new-errors", lambda: PersonDialog(app.people, app.office, app.records, None, parent=window),
               lambda d: d.try_save())  # Save on an empty form: every problem shown at once
    cam.dialog("person-edit", lambda: PersonDialog(app.people, app.office, app.records, None, person, window))
    cam.dialog("collective-new", lambda: CollectiveDialog(app.collectives, app.people, app.office, app.records,
                                                          None, parent=window))
    cam.dialog("movement-new", lambda: MovementDialog(app.movements, None, parent=window))
    cam.dialog("exemplar-new", lambda: NewExemplarDialog(app.exemplars, app.movements, app.people,
                                                         app.collectives, None, parent=window))
    cam.dialog("council-member-new", lambda: MemberDialog(app.council, None, window))
    cam.dialog("batch-new", lambda: BatchDialog(app.nominations, TODAY.year, window))
    cam.dialog("nomination-wizard", lambda: NominationWizard(app.nominations, app.nominations.attachments,
                                                             TODAY, window))
    batch = app.nominations.batches()[0].id
    cam.dialog("print-preview", lambda: PrintPreviewDialog(app.printing, app.printing.render(
        "submission", f"{batch}:commune"), window))

    def to_preview(wizard: QWidget) -> None:
        wizard.file_page.load(str(ROOT / "tests/data/import/people_merged_header.xlsx"))  # type: ignore[attr-defined]
        wizard.next()  # type: ignore[attr-defined]
        wizard.next()  # type: ignore[attr-defined]

    cam.dialog("import-wizard", lambda: ImportWizard(app.excel_import, "people", window), to_preview)
    cam.dialog("certificate-calibration", lambda: CalibrationDialog(app.certificate_layout, app.printing, window))
    enrolment = province_enrolment(tmp)
    commune = open_app(tmp / "xa-moi", actor="Nông Thị Hoa")
    try:
        commune.office.init_office("commune", "01576", officer_name="Nông Thị Hoa")
        preview = commune.sync.preview_enrollment(enrolment)
        cam.dialog("enrolment", lambda: EnrolmentDialog(preview, commune.sync.fingerprint(), window))
    finally:
        commune.close()


def first_run(cam: Camera, tmp: Path) -> None:
    from thidua_desktop.ui.first_run import FirstRunDialog

    fresh = open_app(tmp / "moi")
    try:
        cam.dialog("first-run", lambda: FirstRunDialog(
            preview_enrollment=lambda path, code: fresh.sync.preview_enrollment(path, code)))
    finally:
        fresh.close()


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    qt = QApplication(sys.argv[:1])
    # The first-run dialog is shot before the main window exists: closing it must not end the app
    # (a quitting app returns at once from the event loop a progress dialog runs).
    qt.setQuitOnLastWindowClosed(False)
    i18n.install("vi")
    cam = Camera(qt, out)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        keeper = WindowStateKeeper(open_settings(str(tmp / "window-state.ini")))
        qt.installEventFilter(keeper)

        def capture() -> None:
            try:
                first_run(cam, tmp)
                app = open_app(tmp / "xa", actor="Nông Thị Hoa")
                app.office.init_office("commune", "01576", officer_name="Nông Thị Hoa")
                DemoBuilder(app, today=TODAY).build(people=300)
                window = MainWindow(app, TODAY, state_keeper=keeper)
                window.setGeometry(QApplication.primaryScreen().availableGeometry())  # maximised, no WM here
                window.show()
                for key in window.keys:
                    screen = window.show_screen(key)
                    if hasattr(screen, "prepare_screenshot"):
                        screen.prepare_screenshot()
                    cam.whole_screen(key)
                dialogs(cam, app, window, tmp)
                window.close()
                app.close()
            finally:
                qt.quit()

        QTimer.singleShot(300, capture)
        qt.exec()
        qt.removeEventFilter(keeper)
    for path in cam.shots:
        print(path)
    return 0 if cam.shots else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs/screenshots/100"))
