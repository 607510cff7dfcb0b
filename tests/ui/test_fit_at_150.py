"""Every dialog and every screen of the main window (a commune's and the province's), in Vietnamese,
on a 1366×768 laptop at 150% Windows scaling: 911×512 logical pixels free. Each is shown as the
app shows it (the application's WindowStateKeeper fits a window to the screen's free area) and
must fit: its frame inside the screen, its buttons inside it and on the screen, no label or button
outside its window or narrower than its text, no wrapped label missing a line.

The screen's free area is what our code reads from ``QScreen.availableGeometry`` (the keeper, the
dialogs sized from it); the offscreen test screen is 800×800, so those reads are given 911×512.
Run against a real 1366×768 screen at 150% or 125% instead (nothing is replaced then):

    QT_QPA_PLATFORM="offscreen:configfile=tests/data/screens/laptop-1366x768.json" QT_SCALE_FACTOR=1.5 \\
        .venv/bin/python -m pytest -q -p no:cacheprovider tests/ui/test_fit_at_150.py

The screens are also checked with Windows' taskbar taking 40 of the 512 pixels (WITH_TASKBAR).

What did not fit before: the province's review queue (its four filters on one line, 1050 pixels,
made the whole main window 1231 pixels wide: every province screen ran off the right edge), the
province statistics' year/form/export row (854 pixels beside a 727-pixel screen area), and in the
dossier review the "data used" line lost its last line and the checklist's item names were left a
word per line. With the taskbar: the council's meeting tab (434 pixels high once absent members'
written votes show) and the province's Sync screen (455) were taller than the room left, and the
navigation's scroll bar covered the ends of the province's screen titles."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QWidget,
    QWizard,
)

from thidua_desktop.bootstrap import App
from thidua_desktop.ui.main_window import MainWindow
from thidua_desktop.ui.window_state import WindowStateKeeper, open_settings

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: no size hints to a WM

TODAY = date(2026, 11, 25)
ROOT = Path(__file__).resolve().parents[2]
LAPTOP_150 = QRect(0, 0, 911, 512)  # 1366×768 at 150%, in logical pixels
# With Windows' taskbar along the bottom (40 logical pixels): what a maximised window really gets.
WITH_TASKBAR = QRect(0, 0, 911, 472)
Make = Callable[[Any, Path], "QWidget | tuple[QWidget, Callable[[Any], object]]"]


@pytest.fixture
def laptop(qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
           request: pytest.FixtureRequest) -> Iterator[QRect]:
    """The free area windows are fitted to (LAPTOP_150 unless a test asks for another), and the
    app's window keeper installed. Under a real scale factor (QT_SCALE_FACTOR) the screen is taken
    as it is."""
    real = qapp.primaryScreen().availableGeometry()
    area = QRect(real) if os.environ.get("QT_SCALE_FACTOR") else QRect(getattr(request, "param", LAPTOP_150))
    if area != real:
        monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(area))
        monkeypatch.setattr(QScreen, "geometry", lambda _self: QRect(area))
    keeper = WindowStateKeeper(open_settings(str(tmp_path / "window-state.ini")))
    qapp.installEventFilter(keeper)
    yield area
    qapp.removeEventFilter(keeper)


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _in_scroll_area(widget: QWidget, window: QWidget) -> bool:
    """Inside a scroll area a widget may lie beyond the window's edge: it is scrolled to."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def misfits(window: QWidget, area: QRect, root: QWidget | None = None) -> list[str]:
    """What does not fit ``area``: the window's frame, its button boxes, the labels and push
    buttons of ``root`` (the window itself, or one screen in it)."""
    found: list[str] = []
    root = root or window
    frame = window.frameGeometry()
    if not area.contains(frame):
        found.append(f"frame {frame.width()}×{frame.height()} on a {area.width()}×{area.height()} screen "
                     f"(minimum {window.minimumSize().width()}×{window.minimumSize().height()})")
    buttons: list[QWidget] = [box for box in root.findChildren(QDialogButtonBox) if box.isVisible()]
    if isinstance(window, QWizard):
        buttons += [b for b in (window.button(k) for k in (QWizard.WizardButton.NextButton,
                                                           QWizard.WizardButton.FinishButton,
                                                           QWizard.WizardButton.CancelButton)) if b.isVisible()]
    for box in buttons:
        inside = QRect(box.mapTo(window, QPoint(0, 0)), box.size())
        on_screen = QRect(box.mapToGlobal(QPoint(0, 0)), box.size())
        if not window.rect().contains(inside) or not area.contains(on_screen):
            found.append(f"buttons {type(box).__name__} at {on_screen.x()},{on_screen.y()} "
                         f"{on_screen.width()}×{on_screen.height()} off the window or the screen")
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, QLabel | QPushButton) or not widget.isVisible() or widget.width() == 0 \
                or _in_scroll_area(widget, window):
            continue
        text = widget.text().replace("\n", " ")[:60]
        rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if not window.rect().contains(rect):
            found.append(f"{type(widget).__name__} '{text}' past the window's edge")
        least = widget.minimumSizeHint()
        if widget.width() < least.width() - 1 or widget.height() < least.height() - 1:
            found.append(f"{type(widget).__name__} '{text}' cut: {widget.width()}×{widget.height()} "
                         f"< {least.width()}×{least.height()}")
        if isinstance(widget, QLabel) and widget.wordWrap() and widget.heightForWidth(widget.width()) > \
                widget.height() + 1:
            found.append(f"label '{text}' loses wrapped lines: {widget.height()} of "
                         f"{widget.heightForWidth(widget.width())} pixels")
    return found


def show_fitted(qtbot, made: QWidget | tuple[QWidget, Callable[[Any], object]]) -> QWidget:  # type: ignore[no-untyped-def]
    widget, before = made if isinstance(made, tuple) else (made, None)
    qtbot.addWidget(widget)
    widget.show()
    settle()
    if before is not None:
        before(widget)
        settle()
    return widget


# The dialogs ------------------------------------------------------------------------------------
def _person_errors(app: App, _tmp: Path) -> tuple[QWidget, Callable[[Any], object]]:
    from thidua_desktop.ui.screens.person_dialog import PersonDialog

    return PersonDialog(app.people, app.office, app.records, app.drafts), lambda d: d.try_save()


def _person_edit(app: App, _tmp: Path) -> QWidget:
    from thidua_desktop.ui.screens.person_dialog import PersonDialog

    return PersonDialog(app.people, app.office, app.records, app.drafts, app.people.search("").rows[0].id)


def _import_preview(app: App, _tmp: Path) -> tuple[QWidget, Callable[[Any], object]]:
    from thidua_desktop.ui.import_wizard import ImportWizard

    def to_preview(wizard: Any) -> None:  # the file, the column mapping, then the preview of the rows
        wizard.file_page.load(str(ROOT / "tests/data/import/people_merged_header.xlsx"))
        wizard.next()
        wizard.next()

    return ImportWizard(app.excel_import, "people"), to_preview


def _override_nominees(app: App) -> list[Any]:
    from thidua_desktop.ui.screens.override_reasons import Nominee

    return [Nominee(n.id, n.nominee_name, n.award_name, app.nominations.evaluate(n.id, TODAY, store=False))
            for n in app.nominations.list()[:3]]


def _first_card(app: App) -> dict[str, object]:
    return next(card for cards in app.exemplars.board().values() for card in cards)


def _ui(module: str, name: str) -> Any:
    return getattr(__import__(f"thidua_desktop.ui.{module}", fromlist=[name]), name)


COMMUNE_DIALOGS: dict[str, Make] = {
    "first-run": lambda _a, _t: _ui("first_run", "FirstRunDialog")(),
    "about": lambda _a, tmp: _ui("about", "AboutDialog")("2026.2", tmp),
    "self-test": lambda _a, tmp: _ui("self_test_dialog", "SelfTestDialog")(tmp),
    "user-guide": lambda _a, _t: _ui("user_guide", "UserGuideDialog")(),
    "login": lambda _a, _t: _ui("login_dialog", "LoginDialog")(lambda *_x: None, lambda *_x: None),
    "first-admin": lambda _a, _t: _ui("login_dialog", "FirstAdminDialog")(lambda *_x: None),
    "change-password": lambda _a, _t: _ui("login_dialog", "ChangePasswordDialog")(lambda *_x: None),
    "person-new-errors": _person_errors,
    "person-edit": _person_edit,
    "collective-new": lambda a, _t: _ui("screens.collective_dialog", "CollectiveDialog")(
        a.collectives, a.people, a.office, a.records, a.drafts),
    "movement-new": lambda a, _t: _ui("screens.movement_dialog", "MovementDialog")(a.movements, a.drafts),
    "exemplar-new": lambda a, _t: _ui("screens.exemplar_dialog", "NewExemplarDialog")(
        a.exemplars, a.movements, a.people, a.collectives, a.drafts),
    "exemplar-advance": lambda a, _t: _ui("screens.exemplar_dialog", "AdvanceDialog")(
        a.exemplars, _first_card(a), a.drafts),
    "council-member-new": lambda a, _t: _ui("screens.council_members", "MemberDialog")(a.council, a.drafts),
    "council-reason": lambda a, _t: _ui("screens.override_reasons", "ReasonDialog")(
        _override_nominees(a)[0], a.nominations.catalog),
    "batch-new": lambda a, _t: _ui("screens.nomination_wizard_pages", "BatchDialog")(a.nominations, TODAY.year),
    "nomination-wizard": lambda a, _t: _ui("screens.nomination_wizard", "NominationWizard")(
        a.nominations, a.nominations.attachments, TODAY),
    "decision-override-reasons": lambda a, _t: _ui("screens.override_reasons", "OverrideReasonsDialog")(
        _override_nominees(a), a.decisions.catalog),
    "decision-reissue": lambda a, _t: _ui("screens.decision_reissue", "ReissueDialog")(
        a.decisions, a.nominations, a.decisions.page()[0][0]),
    "print-preview": lambda a, _t: _ui("print_preview", "PrintPreviewDialog")(a.printing, a.printing.render(
        "submission", f"{a.nominations.batches()[0].id}:commune")),
    "import-preview": _import_preview,
    "certificate-calibration": lambda a, _t: _ui("certificate_calibration", "CalibrationDialog")(
        a.certificate_layout, a.printing),
    "recovery-key": lambda _a, tmp: _ui("screens.recovery_key", "RecoveryKeyDialog")(str(tmp / "khoa.tdkey")),
    "restore-recovery": lambda _a, _t: _ui("screens.restore_recovery", "RestoreRecoveryDialog")(
        "sao-luu-2026-11-25.zip"),
    "key-export": lambda _a, tmp: _ui("screens.sync_key_transfer", "KeyExportDialog")(str(tmp / "khoa.tdkeys")),
    "key-import": lambda _a, _t: _ui("screens.sync_key_transfer", "KeyImportDialog")(),
}


@pytest.mark.parametrize("name", list(COMMUNE_DIALOGS))
def test_commune_dialog_fits(qtbot, demo: App, laptop: QRect, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    dialog = show_fitted(qtbot, COMMUNE_DIALOGS[name](demo, tmp_path))
    assert misfits(dialog, laptop) == []
    if isinstance(dialog, QDialog):
        dialog.done(0)


# The province ---------------------------------------------------------------------------------------
@pytest.fixture
def province(tmp_path: Path) -> Iterator[Any]:
    """A province reviewing dossiers from two communes (tests/review_queue_helpers.py)."""
    from review_queue_helpers import build

    offices = build(tmp_path / "offices")
    yield offices
    offices.close()


def _accounts(province: App) -> App:
    """The admin signed in, a reviewer made."""
    province.accounts.create("quantri", "Hoàng Văn Quản", "admin", "Quan-tri-2026")
    province.sign_in("quantri", "Quan-tri-2026")
    province.accounts.create("hoa.nt", "Nông Thị Hoa", "reviewer", "Tam-thoi-123")
    return province


def _enrolment(offices: Any, tmp: Path) -> QWidget:
    from office_templates import fresh_office

    from thidua_desktop.bootstrap import open_app
    from thidua_desktop.ui.screens.sync_enrolment import EnrolmentDialog

    path = tmp / "ket-noi.json"
    offices.province.sync.export_enrollment("01786", path)
    fresh = open_app(fresh_office(tmp / "xa-moi"), actor="xa-moi")
    try:
        fresh.office.init_office("commune", "01786")
        return EnrolmentDialog(fresh.sync.preview_enrollment(path), fresh.sync.fingerprint())
    finally:
        fresh.close()


PROVINCE_DIALOGS: dict[str, Make] = {
    "dossier-review": lambda o, _t: (_ui("screens.dossier_review", "DossierReviewScreen")(
        o.province.dossier_review, o.province.printing, TODAY), lambda d: d.load(o.dossiers["twice"])),
    "accounts": lambda o, _t: _ui("screens.accounts", "AccountsDialog")(_accounts(o.province).accounts),
    "account-new": lambda o, _t: _ui("screens.accounts", "AccountFormDialog")(_accounts(o.province).accounts),
    "account-reset": lambda o, _t: _ui("screens.accounts", "ResetPasswordDialog")(
        _accounts(o.province).accounts, "hoa.nt"),
    "enrolment": _enrolment,
}


@pytest.mark.parametrize("name", list(PROVINCE_DIALOGS))
def test_province_dialog_fits(qtbot, province, laptop: QRect, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                              name: str) -> None:
    import nacl.pwhash

    from thidua_desktop.sync import passwords

    # Accounts' passwords hashed at the cheapest setting: the layout is what is checked here.
    monkeypatch.setattr(passwords, "OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(passwords, "MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)
    dialog = show_fitted(qtbot, PROVINCE_DIALOGS[name](province, tmp_path))
    assert misfits(dialog, laptop) == []
    if isinstance(dialog, QDialog):
        dialog.done(0)


# The main window's screens --------------------------------------------------------------------------
def maximised(qtbot, app: App, area: QRect) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window filling the screen's free area, frame and all, as Windows maximises it."""
    window = MainWindow(app, TODAY)
    qtbot.addWidget(window)
    window.show()
    settle()
    inner, outer = window.geometry(), window.frameGeometry()
    window.setGeometry(area.adjusted(inner.left() - outer.left(), inner.top() - outer.top(),
                                     inner.right() - outer.right(), inner.bottom() - outer.bottom()))
    settle()
    return window


COMMUNE_SCREENS = ["overview", "movements", "activities", "exemplars", "people", "nominations", "council",
                   "decisions", "reward_fund", "reports", "sync", "settings"]
PROVINCE_SCREENS = ["province_overview", "review_queue", "duplicates", *COMMUNE_SCREENS[:8], "province_decisions",
                    "reward_fund", "reports", "province_statistics", "sync", "settings"]


def _screen_fits(qtbot, app: App, area: QRect, key: str) -> None:  # type: ignore[no-untyped-def]
    window = maximised(qtbot, app, area)
    screen = window.show_screen(key)
    settle()
    hint = window.minimumSizeHint()
    assert hint.width() <= area.width() and hint.height() <= area.height(), (key, hint)
    assert misfits(window, area, screen) == []


AREAS = pytest.mark.parametrize("laptop", [LAPTOP_150, WITH_TASKBAR], ids=["free", "taskbar"], indirect=True)


@AREAS
@pytest.mark.parametrize("key", COMMUNE_SCREENS)
def test_commune_screen_fits(qtbot, demo: App, laptop: QRect, key: str) -> None:  # type: ignore[no-untyped-def]
    _screen_fits(qtbot, demo, laptop, key)


@AREAS
@pytest.mark.parametrize("key", PROVINCE_SCREENS)
def test_province_screen_fits(qtbot, province, laptop: QRect, key: str) -> None:  # type: ignore[no-untyped-def]
    assert province.province.office.office().role == "province"
    _screen_fits(qtbot, province.province, laptop, key)


def test_every_screen_of_both_roles_is_checked(qtbot, province, commune: App) -> None:  # type: ignore[no-untyped-def]
    """The lists above are the navigation's: a new screen must be added to them."""
    for app, keys in ((province.province, PROVINCE_SCREENS), (commune, COMMUNE_SCREENS)):
        window = MainWindow(app, TODAY)
        qtbot.addWidget(window)
        assert window.keys == keys


def test_rows_wrap_only_on_the_narrow_screen(qtbot, province) -> None:  # type: ignore[no-untyped-def]
    """At 100% (1366×728 free) the province's filter and button rows keep their one line; at 150%
    the review queue's filters and the statistics' exports take two, which lets the window fit
    (the sync screen's peer buttons only when its scroll bar takes some of the width)."""
    window = MainWindow(province.province, TODAY)
    qtbot.addWidget(window)
    window.show()
    rows = {"review_queue": lambda s: s.filters, "province_statistics": lambda s: s.top,
            "sync": lambda s: s.peers.buttons}
    for size, wrapped in (((1366, 728), ()), ((911 - 2, 512 - 2), ("review_queue", "province_statistics"))):
        window.resize(*size)
        for key, row in rows.items():
            window.show_screen(key)
            settle()
            assert row(window.screen_widget(key)).line_count == (2 if key in wrapped else 1), (key, size)


def test_the_navigation_scrolls_without_cutting_titles(qtbot, province) -> None:  # type: ignore[no-untyped-def]
    """The province's 17 screens outgrow a short window (Windows' fonts are taller than the test's):
    the list scrolls, and its scroll bar gets room of its own instead of covering the titles."""
    window = MainWindow(province.province, TODAY)
    qtbot.addWidget(window)
    window.show()
    for height in (700, 300):
        window.resize(911, height)
        settle()
        bar = window.nav.verticalScrollBar()
        assert bar.isVisible() == (height == 300)
        assert window.nav.horizontalScrollBar().maximum() == 0  # no title wider than the list's inside
        widest = max(window.nav.visualItemRect(window.nav.item(r)).right() for r in range(window.nav.count()))
        assert widest <= window.nav.viewport().width()
