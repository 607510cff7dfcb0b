"""Thống kê toàn tỉnh prints its papers: the screen's "In ▾" menu offers each yearly form (Biểu
0601–0605) and the report on the directive for the years chosen on the screen, opens the print
preview, and the PDF saved from the preview names the form and its years and carries the figures
the statistics service computes for those years. Over three real commune offices' bundles
(tests/province_statistics_helpers.py); the menu fits 1366×768, in Vietnamese and in the
pseudo-locale."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from province_overview_helpers import Offices
from province_statistics_helpers import build_with_figures
from pypdf import PdfReader
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from thidua_desktop.services.printing import file_target
from thidua_desktop.services.province_statistics import ProvinceStatisticsService
from thidua_desktop.ui import dialogs, i18n
from thidua_desktop.ui.main_window import MainWindow
from thidua_desktop.ui.print_actions import PrintButton
from thidua_desktop.ui.print_preview import PrintPreviewDialog
from thidua_desktop.ui.pseudo_locale import find_clipped, install_pseudo
from thidua_desktop.ui.screens.province_statistics import ProvinceStatisticsScreen

TODAY = date(2026, 12, 7)
NUMBERS = ["0601", "0602", "0603", "0604", "0605"]


@pytest.fixture(autouse=True)
def bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[Offices]:
    built = build_with_figures(tmp_path / "offices")
    yield built
    built.close()


@pytest.fixture
def service(offices: Offices) -> ProvinceStatisticsService:
    app = offices.province
    return ProvinceStatisticsService(app.db, app.actor, app.current_catalog)


@pytest.fixture
def screen(qtbot: QtBot, offices: Offices, service: ProvinceStatisticsService) -> ProvinceStatisticsScreen:
    screen = ProvinceStatisticsScreen(service, TODAY, printing=offices.province.printing)
    qtbot.addWidget(screen)
    return screen


def _years(screen: ProvinceStatisticsScreen, first: int, last: int) -> None:
    screen.first_year.setValue(first)
    screen.last_year.setValue(last)


def _preview(button: PrintButton, kind: str, target: str) -> PrintPreviewDialog:
    """Click the menu entry of ``kind`` for ``target``, as the officer would."""
    actions = [a for a in button.actions_for(kind) if a.property("target") == target]
    assert len(actions) == 1 and actions[0].isEnabled()
    button.last_dialog = None
    actions[0].trigger()
    dialog = button.last_dialog
    assert isinstance(dialog, PrintPreviewDialog) and dialog.isVisible()
    return dialog


def _saved_text(dialog: PrintPreviewDialog, out: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The preview's "Save PDF…" to ``out``, read back: the file is the preview's document."""
    try:
        monkeypatch.setattr(dialogs, "save_file", lambda *_a: str(out))
        assert dialog.save_pdf() == out
        reader = PdfReader(str(out))
        assert len(reader.pages) == dialog.page_count >= 1
        return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    finally:
        dialog.close()


def _headers(button: PrintButton) -> list[str]:
    button.refresh_menu()
    return [a.text() for a in button.menu().actions() if not a.isSeparator() and a.data() is None]


def test_each_form_prints_with_the_years_and_figures_on_screen(screen: ProvinceStatisticsScreen,
                                                               service: ProvinceStatisticsService,
                                                               monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    button = screen.print_button
    assert not button.isHidden() and button.text() == "In"
    _years(screen, 2026, 2026)
    [header] = _headers(button)  # its Vietnamese waits in i18n/pending/stats-print.json
    assert "2026" in header and "2025" not in header
    forms = button.actions_for("statistics-form")
    assert [a.property("target") for a in forms] == [f"{n}-2026" for n in NUMBERS]
    assert forms[0].text() == "Biểu báo cáo thống kê năm (Biểu 0601)"
    assert [a.property("target") for a in button.actions_for("directive-report")] == ["2026"]

    # 2026 and 2025 have different awards: the figures on paper follow the years chosen.
    totals = {}
    for year in (2026, 2025):
        _years(screen, year, year)
        dialog = _preview(button, "statistics-form", f"0601-{year}")
        assert (dialog.doc.kind, dialog.doc.target_id) == ("statistics-form", f"0601-{year}")
        assert dialog.doc.file_name() == f"statistics-form-0601-{year}.pdf"  # the whole target, not "0601-202"
        text = _saved_text(dialog, tmp_path / f"bieu-0601-{year}.pdf", monkeypatch)
        assert "Biểu số 0601" in text and f"Kỳ báo cáo: Năm {year}" in text
        expected = service.fill_form("0601", service.period(year)).rows[0]
        assert expected.key == "total"
        printed = re.search(r"1 Tổng số Lượt ((?:\d+ ?)+)", text)
        assert printed is not None, text
        values = [int(v) for v in printed.group(1).split()][:len(expected.values)]
        assert values == list(expected.values)
        assert values[0] == screen.cell_value("total", "total")  # as the form on screen shows it
        totals[year] = values[0]
    assert totals == {2026: 10, 2025: 1}

    # Another form, over a run of years.
    _years(screen, 2025, 2026)
    dialog = _preview(button, "statistics-form", "0602-2025-2026")
    text = _saved_text(dialog, tmp_path / "bieu-0602.pdf", monkeypatch)
    assert "Biểu số 0602" in text and "2025" in text and "2026" in text


def test_the_directive_report_prints_for_the_years_chosen(screen: ProvinceStatisticsScreen,
                                                          service: ProvinceStatisticsService,
                                                          monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _years(screen, 2025, 2026)
    button = screen.print_button
    [header] = _headers(button)
    assert "2025–2026" in header
    dialog = _preview(button, "directive-report", "2025-2026")
    assert dialog.doc.file_name() == "directive-report-2025-2026.pdf"
    text = _saved_text(dialog, tmp_path / "bao-cao.pdf", monkeypatch)
    assert "Chỉ thị số 12/CT-UBND" in text and "giai đoạn 2025 - 2026" in text
    figures = service.figures(service.period(2025, 2026))
    total = sum(c.total for c in figures.communes)
    assert total == 11  # ten awards of 2026 and one of 2025
    assert f"toàn tỉnh có {total} lượt khen thưởng" in text


def test_reversed_years_grey_the_entries(screen: ProvinceStatisticsScreen, dialog_log: list[tuple[str, str]]) -> None:
    screen.first_year.setValue(2026)
    screen.last_year.setValue(2024)
    # Said on the screen itself, not in a message box: no dialog while typing the years, and none
    # when a change made elsewhere refreshes the screen (it would pop up over another screen).
    assert not screen.year_hint.isHidden() and screen.year_hint.text()
    screen.on_changed(object())
    button = screen.print_button
    [header] = _headers(button)
    assert "2024" not in header and "2026" not in header  # no period is named: there is none
    entries = [a for a in button.menu().actions() if a.data()]  # one per kind, with no years to print
    assert [a.data() for a in entries] == ["statistics-form", "directive-report"]
    assert not any(a.isEnabled() for a in entries)
    assert dialog_log == []  # neither the years, the refresh nor opening the menu raised a message
    screen.last_year.setValue(2026)
    assert screen.year_hint.isHidden()


def test_without_a_print_service_there_is_no_print_button(qtbot: QtBot, service: ProvinceStatisticsService) -> None:
    screen = ProvinceStatisticsScreen(service, TODAY)
    qtbot.addWidget(screen)
    assert screen.print_button.isHidden()


@pytest.mark.parametrize("language", ["vi", "pseudo"])
def test_the_print_button_fits_1366x768(qtbot: QtBot, offices: Offices, monkeypatch: pytest.MonkeyPatch,
                                        language: str) -> None:
    app = offices.province  # the main window's own screen: the officer's path to the print menu
    if language == "pseudo":
        install_pseudo()
    try:
        window = MainWindow(app)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        window.nav.setCurrentRow(window.keys.index("province_statistics"))
        screen = window.screen_widget("province_statistics")
        assert isinstance(screen, ProvinceStatisticsScreen)
        _years(screen, 2025, 2026)
        QApplication.processEvents()
        assert screen.print_button.isVisible()
        for button in screen.findChildren(QAbstractButton):
            if button.isVisible() and button.text():
                assert button.width() >= button.sizeHint().width(), button.text()
        assert [str(hit) for hit in find_clipped(screen)] == []
    finally:
        i18n.install("vi")


@pytest.mark.parametrize(("target", "part"), [
    ("0601-2024-2026", "0601-2024-2026"),  # a form and its years: the paper's whole name
    ("2026", "2026"),
    ("3f2a9c1e-7b4d-4e5f-9a0b-1c2d3e4f5a6b", "3e4f5a6b"),  # a record's id: its last 8 (random) characters
    ("3f2a9c1e-7b4d-4e5f-9a0b-1c2d3e4f5a6b:province", "3e4f5a6b"),  # a batch's submission to one level
    ("QĐ 12/2026", "Q-12-2026"),  # nothing a file name cannot hold
])
def test_a_print_file_name_keeps_a_period_whole(target: str, part: str) -> None:
    assert file_target(target) == part
