"""Dates and numbers on screen follow the interface language through QLocale (ui/locale_format.py);
the printed documents stay Vietnamese whatever the screens speak."""

from __future__ import annotations

import io
import re
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from thidua_desktop.ui import i18n
from thidua_desktop.ui.locale_format import date_text, datetime_text, money_text, number_text, percent_text
from thidua_desktop.ui.screens.decisions import money
from thidua_desktop.ui.screens.reports import money as report_money


def test_vietnamese_numbers_and_dates() -> None:
    assert number_text(1234567.5) == "1.234.567,5"
    assert number_text(1234567) == "1.234.567"
    assert number_text(2.0) == "2"
    assert number_text(0.125) == "0,125"
    assert number_text(14.25, 1) == "14,3" or number_text(14.25, 1) == "14,2"  # banker's or half-up
    assert money_text(2340000) == "2.340.000 đồng" and money(710000) == "710.000 đ"
    assert report_money(2530000) == "2.530.000 đồng"
    assert percent_text(66.666) == "66,7%" and percent_text(None) == "—"
    assert date_text(date(2026, 1, 5)) == "05/01/2026" and date_text("2026-11-25") == "25/11/2026"
    assert date_text(None, "—") == "—" and date_text("25/11/2026") == "25/11/2026"
    assert datetime_text(datetime(2026, 11, 25, 8, 5)) == "25/11/2026 08:05"


def test_english_numbers_keep_dates_day_first() -> None:
    i18n.install("en")
    try:
        assert number_text(1234567.5) == "1,234,567.5"
        assert money_text(2340000) == "2,340,000 VND" and money(None) == "—"
        assert percent_text(66.666) == "66.7%"
        assert date_text(date(2026, 1, 5)) == "05/01/2026"  # dd/mm/yyyy in both languages
        assert datetime_text(datetime(2026, 11, 25, 18, 30)) == "25/11/2026 18:30"
    finally:
        i18n.install("vi")


@pytest.fixture
def bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def test_documents_print_in_vietnamese_with_the_english_interface(demo, bundled_font) -> None:  # type: ignore[no-untyped-def]
    batch = demo.nominations.batches()[0].id
    i18n.install("en")
    try:
        english = {kind: _text(demo.printing.render(kind, f"{batch}:commune").pdf) for kind in ("submission", "list")}
    finally:
        i18n.install("vi")
    vietnamese = {kind: _text(demo.printing.render(kind, f"{batch}:commune").pdf) for kind in ("submission", "list")}
    assert english == vietnamese  # the interface language changes nothing on paper
    submission = english["submission"]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in submission and "TỜ TRÌNH" in submission
    assert re.search(r"ngày \d{1,2} tháng \d{1,2} năm \d{4}", submission)  # the Vietnamese date line
    assert "Submission" not in submission and "Nominees" not in english["list"]
    assert not re.search(r"\b\d{1,3}(,\d{3})+\b", "\n".join(english.values()))  # no English thousands


def test_indicator_bars_group_thousands(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QProgressBar

    from thidua_desktop.ui.screens.movement_forms import indicator_bar

    bar = QProgressBar()
    qtbot.addWidget(bar)
    indicator_bar(bar, {"result": 1250, "target": 1500, "progress": 0.83, "direction": "up"})
    assert bar.format() == "1.250 / 1.500"
    indicator_bar(bar, {"result": 14.25, "target": 10, "baseline": 18.5, "progress": 0.5, "direction": "down"})
    assert bar.format() == "14,25 → 10" and "18,5" in bar.toolTip()
    i18n.install("en")
    try:
        indicator_bar(bar, {"result": 1250, "target": 1500, "progress": 0.83, "direction": "up"})
        assert bar.format() == "1,250 / 1,500"
    finally:
        i18n.install("vi")
