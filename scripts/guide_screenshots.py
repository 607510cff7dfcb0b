"""The user guide's pictures (resources/guide/images/): the app's real screens on fresh demo data,
in Vietnamese, the main window at 1366×768, taken offscreen (no X server needed) and scaled down
to keep the guide small (it ships inside the app).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/guide_screenshots.py [OUT_FOLDER]
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from screenshots import province_enrolment  # noqa: E402  (beside this script)

from thidua_desktop.bootstrap import open_app  # noqa: E402
from thidua_desktop.services.demo import DemoBuilder  # noqa: E402
from thidua_desktop.ui import i18n  # noqa: E402
from thidua_desktop.ui.main_window import MainWindow  # noqa: E402

TODAY = date(2026, 11, 25)
SCREEN = (1366, 768)
WIDTH = 800  # pixels of a picture in the guide: readable, and a few tens of kB each


def settle(qt: QApplication) -> None:
    for _ in range(4):  # replaced widgets go (deferred deletes) and layouts settle
        qt.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qt.processEvents()


def save(widget: QWidget, path: Path, width: int = WIDTH) -> Path:
    settle(QApplication.instance())  # type: ignore[arg-type]
    image = widget.grab().toImage()
    if image.width() > width:
        image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    # 256 colours: a screen of flat greys and text loses nothing visible and shrinks four-fold.
    image = image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither)
    image.save(str(path), quality=0)  # PNG, by the name; 0: smallest file
    return path


def dialog(make: Callable[[], QWidget], path: Path, before: Callable[[QWidget], object] | None = None,
           width: int = WIDTH) -> Path:
    widget = make()
    widget.show()
    settle(QApplication.instance())  # type: ignore[arg-type]
    if before is not None:
        before(widget)
    try:
        return save(widget, path, width)
    finally:
        if isinstance(widget, QDialog):
            widget.done(0)
        widget.close()
        widget.deleteLater()


def capture(out: Path, tmp: Path) -> list[Path]:
    from thidua_desktop.ui.first_run import FirstRunDialog
    from thidua_desktop.ui.print_preview import PrintPreviewDialog
    from thidua_desktop.ui.screens.nomination_wizard import NominationWizard
    from thidua_desktop.ui.screens.sync_enrolment import EnrolmentDialog

    shots = []
    fresh = open_app(tmp / "moi")
    try:
        shots.append(dialog(lambda: FirstRunDialog(
            preview_enrollment=lambda path, code: fresh.sync.preview_enrollment(path, code)),
            out / "first-run.png", width=560))
    finally:
        fresh.close()
    app = open_app(tmp / "xa", actor="Nông Thị Hoa")
    app.office.init_office("commune", "01576", officer_name="Nông Thị Hoa")
    DemoBuilder(app, today=TODAY).build(people=120)
    window = MainWindow(app, TODAY)
    window.resize(*SCREEN)
    window.show()
    try:
        for key, name in (("overview", "overview"), ("activities", "activities"), ("nominations", "nominations"),
                          ("council", "council"), ("sync", "sync")):
            screen = window.show_screen(key)
            if hasattr(screen, "prepare_screenshot"):
                screen.prepare_screenshot()
            shots.append(save(window, out / f"{name}.png"))
        shots.append(dialog(lambda: NominationWizard(app.nominations, app.nominations.attachments, TODAY, window),
                            out / "nomination-wizard.png", width=640))
        batch = app.nominations.batches()[0].id
        shots.append(dialog(lambda: PrintPreviewDialog(app.printing, app.printing.render(
            "submission", f"{batch}:commune"), window), out / "print-preview.png"))
        enrolment = province_enrolment(tmp)
        commune = open_app(tmp / "xa-moi", actor="Nông Thị Hoa")
        try:
            commune.office.init_office("commune", "01576", officer_name="Nông Thị Hoa")
            preview = commune.sync.preview_enrollment(enrolment)
            shots.append(dialog(lambda: EnrolmentDialog(preview, commune.sync.fingerprint(), window),
                                out / "enrolment.png", width=640))
        finally:
            commune.close()
    finally:
        window.close()
        app.close()
    return shots


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    qt = QApplication(sys.argv[:1])
    qt.setQuitOnLastWindowClosed(False)
    i18n.install("vi")
    with tempfile.TemporaryDirectory() as folder:
        shots = capture(out, Path(folder))
    total = sum(p.stat().st_size for p in shots)
    for path in shots:
        print(f"{path}  {path.stat().st_size // 1024} kB")
    print(f"total {total // 1024} kB")
    return 0 if shots else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "guide" / "images"))
