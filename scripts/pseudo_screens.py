"""Every main screen and main dialog at 1366×768, offscreen, on demo data, in the pseudo-locale
(English stretched by 40%, thidua_desktop/ui/pseudo_locale.py) or in Vietnamese: saves a picture of
each into docs/screenshots/pseudo/ and lists the text that does not fit (clipped or elided).

    .venv/bin/python scripts/pseudo_screens.py [--lang pseudo|vi] [--out FOLDER] [--no-headers]

Exit code 1 when some text is clipped."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt, QThreadPool
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.services.demo import DemoBuilder
from thidua_desktop.ui import i18n
from thidua_desktop.ui.main_window import MainWindow
from thidua_desktop.ui.pseudo_locale import Clipped, find_clipped, install_pseudo

TODAY = date(2026, 11, 25)
SCREEN = (1366, 768)
ROOT = Path(__file__).resolve().parents[1]


def settle() -> None:
    """Posted events handled and layouts done; first, the reads screens and the status bar run on
    Qt's thread pool (ui/background.py) finish, so their text is in place before it is measured."""
    qt = QApplication.instance()
    for _ in range(6):
        # Each pass may start another read (a screen shown, the status bar told of a change).
        QThreadPool.globalInstance().waitForDone()
        qt.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # type: ignore[union-attr]
        qt.processEvents()  # type: ignore[union-attr]


def picture(widget: QWidget, path: Path) -> None:
    """The widget at full size in 256 colours (flat greys and text lose nothing; a quarter the bytes)."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Indexed8,
                                                    Qt.ImageConversionFlag.ThresholdDither)
    image.save(str(path), quality=0)  # PNG, by the name; 0: smallest file


def main_dialogs(app: App, window: QWidget) -> Iterator[tuple[str, Callable[[], QWidget]]]:
    """The dialogs an officer meets every day (the rarer ones are in scripts/screenshots.py)."""
    from thidua_desktop.ui.print_preview import PrintPreviewDialog
    from thidua_desktop.ui.screens.collective_dialog import CollectiveDialog
    from thidua_desktop.ui.screens.council import MemberDialog
    from thidua_desktop.ui.screens.exemplar_dialog import NewExemplarDialog
    from thidua_desktop.ui.screens.movement_dialog import MovementDialog
    from thidua_desktop.ui.screens.nomination_wizard import NominationWizard
    from thidua_desktop.ui.screens.nomination_wizard_pages import BatchDialog
    from thidua_desktop.ui.screens.person_dialog import PersonDialog

    person = app.people.search("").rows[0].id
    yield "person-new", lambda: PersonDialog(app.people, app.office, app.records, None, parent=window)
    yield "person-edit", lambda: PersonDialog(app.people, app.office, app.records, None, person, window)
    yield "collective-new", lambda: CollectiveDialog(app.collectives, app.people, app.office, app.records, None,
                                                     parent=window)
    yield "movement-new", lambda: MovementDialog(app.movements, None, parent=window)
    yield "exemplar-new", lambda: NewExemplarDialog(app.exemplars, app.movements, app.people, app.collectives,
                                                    None, parent=window)
    yield "council-member-new", lambda: MemberDialog(app.council, None, window)
    yield "batch-new", lambda: BatchDialog(app.nominations, TODAY.year, window)
    yield "nomination-wizard", lambda: NominationWizard(app.nominations, app.nominations.attachments, TODAY, window)
    batch = app.nominations.batches()[0].id
    yield "print-preview", lambda: PrintPreviewDialog(app.printing, app.printing.render(
        "submission", f"{batch}:commune"), window)


def survey(app: App, out: Path | None, headers: bool = True, dialogs: bool = True,
           keys: list[str] | None = None) -> dict[str, list[Clipped]]:
    """Each screen (and dialog) shown in a 1366×768 main window: what is clipped on it."""
    window = MainWindow(app, TODAY)
    window.resize(*SCREEN)
    window.show()
    found: dict[str, list[Clipped]] = {}
    try:
        for key in keys or window.keys:
            screen = window.show_screen(key)
            if hasattr(screen, "prepare_screenshot"):
                screen.prepare_screenshot()
            settle()
            found[key] = find_clipped(window, headers)
            if out is not None:
                picture(window, out / f"{key}.png")
        if dialogs:
            for name, make in main_dialogs(app, window):
                dialog = make()
                dialog.show()
                settle()
                found[name] = find_clipped(dialog, headers)
                if out is not None:
                    picture(dialog, out / f"{name}.png")
                if isinstance(dialog, QDialog):
                    dialog.done(0)
                dialog.close()
                dialog.deleteLater()
                settle()
    finally:
        window.close()
        window.deleteLater()
        settle()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("pseudo", "vi"), default="pseudo")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots" / "pseudo")
    parser.add_argument("--no-headers", action="store_true", help="leave table headers out of the report")
    args = parser.parse_args(argv)
    qt = QApplication(sys.argv[:1])
    qt.setQuitOnLastWindowClosed(False)
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.rglob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as folder:
        app = open_app(Path(folder) / "xa", actor="Nông Thị Hoa")
        try:
            app.office.init_office("commune", "01576", officer_name="Nông Thị Hoa")
            DemoBuilder(app, today=TODAY).build(people=120)
            if args.lang == "pseudo":
                install_pseudo()
            else:
                i18n.install("vi")
            found = survey(app, args.out, headers=not args.no_headers)
        finally:
            app.close()
        # The provincial office's own screens (its workplace; empty of communes' data here).
        province = open_app(Path(folder) / "tinh", actor="Hoàng Văn Tỉnh")
        try:
            province.office.init_office("province", "04", officer_name="Hoàng Văn Tỉnh")
            (args.out / "province").mkdir(exist_ok=True)
            for name, hits in survey(province, args.out / "province", headers=not args.no_headers,
                                     dialogs=False).items():
                found[f"province/{name}"] = hits
        finally:
            province.close()
    total = 0
    for name, hits in found.items():
        for hit in hits:
            print(f"{name}: {hit}")
        total += len(hits)
    print(f"{total} clipped text(s); pictures in {args.out}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
