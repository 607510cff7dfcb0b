"""Start-up and search as you type stay fast (issue 15): the window opens before the overview is
summed up, the start imports no library the first screen does not need, and the people list
fits its columns once and counts a common name only so far."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtWidgets import QLabel

from thidua_desktop.db.migrate import head_revision
from thidua_desktop.services.people import PersonInput
from thidua_desktop.ui import background
from thidua_desktop.ui.main_window import MainWindow
from thidua_desktop.ui.screens import people as people_screen
from thidua_desktop.ui.screens.people import PeopleScreen

from .conftest import TODAY

START = """
import sys
from PySide6.QtWidgets import QApplication
from thidua_desktop.bootstrap import open_app
from thidua_desktop.ui.main_window import MainWindow
qt = QApplication(sys.argv[:1])
app = open_app(sys.argv[1])
window = MainWindow(app)
window.show()
qt.processEvents()
heavy = ("alembic", "reportlab", "openpyxl", "thidua_desktop.spreadsheets", "thidua_desktop.ui.screens.people",
         "thidua_desktop.services.printing", "thidua_desktop.services.excel_export")
print(sorted(name for name in heavy if name in sys.modules))
window.close()
app.close()
"""


def test_the_overview_is_filled_from_a_worker_after_the_window_is_up(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    threads: list[threading.Thread] = []
    summed_up = demo.overview.overview

    def overview(today):  # type: ignore[no-untyped-def]  # the real service, noting where it ran
        threads.append(threading.current_thread())
        return summed_up(today)

    demo.overview.overview = overview
    window = MainWindow(demo, TODAY)
    qtbot.addWidget(window)
    screen = window.overview
    assert screen.data is None and background.is_loading(screen)  # the window did not wait for it
    window.show()
    qtbot.waitUntil(lambda: screen.data is not None, timeout=10000)
    assert threads and threads[0] is not threading.main_thread()
    assert screen.data == summed_up(TODAY)
    labels = [w.text() for w in screen.status_box.findChildren(QLabel)]
    assert "Bản nháp" in labels  # shown once it arrived
    # A change re-reads it the same way, and only the newest answer is shown.
    screen.refresh()
    screen.refresh()
    qtbot.waitUntil(lambda: not background.is_loading(screen), timeout=10000)
    assert len(threads) == 3 and screen.data == summed_up(TODAY)


def test_a_start_at_head_imports_no_alembic_reportlab_openpyxl(tmp_path: Path, commune) -> None:  # type: ignore[no-untyped-def]
    """The real start of an office at the head revision (in a process of its own): the stored
    revision is read with one query, Alembic never loaded; printing and Excel wait for their screens."""
    commune.people.create(PersonInput("Nông Văn An", "male"))
    commune.officials.add(role="chairman", full_name="Hà Thành Vĩnh", term_start="01/07/2025")
    data_dir = commune.paths.data_dir
    commune.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", START, str(data_dir)], capture_output=True, text=True, env=env,
                         timeout=120, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stderr


def test_the_head_revision_is_read_from_the_files_as_alembic_reads_it() -> None:
    from alembic.script import ScriptDirectory

    from thidua_desktop.db.migrate import _config, _revisions

    scripts = ScriptDirectory.from_config(_config())
    assert head_revision() == scripts.get_current_head()
    assert set(_revisions()) == {s.revision for s in scripts.walk_revisions()}


def test_columns_are_fitted_once_not_at_every_keystroke(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    screen = PeopleScreen(commune.people, commune.office)
    qtbot.addWidget(screen)
    assert not screen._fitted  # an empty list: nothing to fit to yet
    commune.people.create_many([PersonInput("Lò Văn An", "male"),
                                PersonInput("Hoàng Thị Phương Thảo Nguyễn Ngọc Bích Trâm", "female")])
    screen.search.setText("an")
    screen.refresh()
    assert screen._fitted
    width = screen.table.columnWidth(0)
    screen.search.setText("tram")  # only the long name: the column keeps its width
    screen.refresh()
    assert screen.model.rowCount() == 1 and screen.table.columnWidth(0) == width


def test_a_common_name_is_counted_only_so_far(qtbot, commune, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(people_screen, "COUNT_UP_TO", 3)
    commune.people.create_many([PersonInput(f"Nguyễn Thị Số{i}", "female") for i in range(6)])
    screen = PeopleScreen(commune.people, commune.office)
    qtbot.addWidget(screen)
    assert screen.count.text() == "6 người"  # a first page holds them all: counted anyway
    screen.model.PAGE = 2  # pages of two: the count stops at 3
    screen.refresh()
    assert screen.model.rowCount() == 2
    assert "3" in screen.count.text() and "6" not in screen.count.text()  # "more than 3 people"
    while screen.model.canFetchMore(screen.model.index(-1, -1)):  # scrolling on still reaches the end
        screen.model.fetchMore(screen.model.index(-1, -1))
    assert screen.model.rowCount() == 6
    screen.search.setText("so1")
    screen.refresh()
    assert screen.count.text() == "1 người"
