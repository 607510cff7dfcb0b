"""The window shown before the office opens (issue 15) lists the screens of the office this data
folder opened last time: a province officer sees the province's navigation from the first paint,
not a commune's that grows by five entries when the office opens. A folder that never noted its
office's role starts with a commune's, as before."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from thidua_desktop.services.preferences import Preferences, remember_office_role
from thidua_desktop.ui import app as gui
from thidua_desktop.ui.main_window import MainWindow


@pytest.fixture
def own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config folder of the test's own (window sizes are saved there) holding the session's
    key-encryption keys, so the offices made by the fixtures still open."""
    config = tmp_path / "config"
    keys = Path(os.environ["THIDUA_CONFIG_DIR"]) / "kek"
    if keys.is_dir():
        shutil.copytree(keys, config / "kek")
    config.mkdir(exist_ok=True)
    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(config))
    return config


class _FirstPaint(QObject):
    """Notes the main window's navigation at its first paint, then closes it once it is open."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: dict[str, object] = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, MainWindow) and "first" not in self.seen:
            self.seen["first"] = [watched.nav.item(row).text() for row in range(watched.nav.count())]
            self.seen.update(open_then=watched.is_open, enabled_then=watched.nav.isEnabled())
            QTimer.singleShot(0, lambda: self.until_open(watched))
        return False

    def until_open(self, window: MainWindow) -> None:
        if window.is_open and window.sync_label.text():
            self.seen["opened"] = [window.nav.item(row).text() for row in range(window.nav.count())]
            window.close()
            return
        QTimer.singleShot(20, lambda: self.until_open(window))


def start(folder: Path) -> dict[str, object]:
    """``thidua-desktop --data-dir folder``, closed as soon as its office is open."""
    qt = QApplication.instance()
    assert qt is not None
    spy = _FirstPaint()
    qt.installEventFilter(spy)
    try:
        assert gui.run(["--data-dir", str(folder), "--lang", "vi"]) == 0
    finally:
        qt.removeEventFilter(spy)
    return spy.seen


def test_a_province_started_again_shows_its_navigation_from_the_first_paint(
        qtbot, app_factory, tmp_path: Path, own_config: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "tinh"
    province = app_factory(folder)
    province.office.init_office("province", "04", officer_name="Cán bộ tỉnh")
    province.close()

    once = start(folder)  # nothing noted yet: a commune's navigation, grown when the office opened
    assert once["open_then"] is False and once["enabled_then"] is False
    assert len(once["first"]) < len(once["opened"])  # type: ignore[arg-type]
    assert Preferences.load(folder).office_role == "province"

    again = start(folder)
    assert again["open_then"] is False and again["enabled_then"] is False  # greyed out until it opens
    assert again["first"] == again["opened"] == once["opened"]  # the same entries, in the same order
    assert len(again["first"]) == 17  # type: ignore[arg-type]


def test_a_commune_keeps_its_navigation_and_the_role_is_kept_beside_the_other_choices(
        qtbot, commune, tmp_path: Path, own_config: Path) -> None:  # type: ignore[no-untyped-def]
    folder = commune.paths.data_dir
    prefs = Preferences.load(folder)
    prefs.language, prefs.keep_backups = "en", 3
    prefs.save(folder)
    remember_office_role(folder, "province")  # a wrong guess (the folder held a province before)
    commune.close()

    seen = start(folder)
    assert len(seen["first"]) == 17 and len(seen["opened"]) == 12  # type: ignore[arg-type]  # corrected on opening
    kept = Preferences.load(folder)
    assert (kept.office_role, kept.language, kept.keep_backups) == ("commune", "en", 3)
    assert start(folder)["first"] == seen["opened"]
