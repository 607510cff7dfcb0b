"""The pseudo-locale (English stretched by 40%, accented) finds no clipped text on the main screens
at 1366×768; the detector itself does find text that is cut."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QWidget

from thidua_desktop.ui import i18n
from thidua_desktop.ui.pseudo_locale import find_clipped, install_pseudo, pseudo

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from pseudo_screens import survey  # the script the screenshots come from

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_pseudo_text_is_longer_accented_and_keeps_placeholders() -> None:
    text = pseudo("Save %1 of %n files to &USB<br>now")
    assert text.startswith("[") and text.endswith("]")
    assert "%1" in text and "%n" in text and "<br>" in text
    assert "&Ü" in text  # the mnemonic stays, on the accented letter
    assert "Šàvé" in text
    assert len(pseudo("Emulation council")) >= 1.4 * len("Emulation council")
    assert pseudo("") == "" and pseudo("Line one\nLine two").count("\n") == 1


def test_the_pseudo_translator_answers_every_context(qapp) -> None:  # type: ignore[no-untyped-def]
    install_pseudo()
    try:
        assert QCoreApplication.translate("MainWindow", "Settings").startswith("[Šéţţíñĝš")
        assert QCoreApplication.translate("QDialogButtonBox", "Cancel").startswith("[")
        from thidua_desktop.ui import ops

        assert ops.current_lang() == "en"  # numbers and dates as in English
    finally:
        i18n.install("vi")
    assert QCoreApplication.translate("MainWindow", "Settings") == "Cài đặt"


def test_the_detector_finds_cut_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    row = QWidget()
    qtbot.addWidget(row)
    layout = QHBoxLayout(row)
    label, button, box = QLabel("A long label that cannot fit"), QPushButton("A long button text"), QCheckBox("Box")
    for widget in (label, button, box):
        widget.setMaximumWidth(40)
        layout.addWidget(widget)
    wrapped = QLabel("Many words that wrap onto several lines of a very narrow label")
    wrapped.setWordWrap(True)
    wrapped.setFixedSize(60, 20)
    layout.addWidget(wrapped)
    row.show()
    texts = {hit.text for hit in find_clipped(row)}
    assert texts == {label.text(), button.text(), box.text(), wrapped.text()}
    for widget in (label, button, box):
        widget.setMaximumWidth(16777215)
    wrapped.setFixedSize(400, 80)
    row.resize(1200, 120)
    qtbot.waitUntil(lambda: not find_clipped(row))


def test_no_clipped_text_on_the_main_screens_in_the_pseudo_locale(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    install_pseudo()
    try:
        found = survey(demo, None, dialogs=True)
    finally:
        i18n.install("vi")
    assert len(found) >= 20  # every screen and dialog was looked at
    clipped = [f"{name}: {hit}" for name, hits in found.items() for hit in hits]
    assert clipped == []


def test_no_clipped_text_on_the_main_screens_in_vietnamese(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    found = survey(demo, None, dialogs=False)  # the real language too (its words are not English's)
    clipped = [f"{name}: {hit}" for name, hits in found.items() for hit in hits]
    assert clipped == []


def test_no_clipped_text_on_the_province_screens_in_the_pseudo_locale(qtbot, app_factory) -> None:  # type: ignore[no-untyped-def]
    province = app_factory()
    province.office.init_office("province", "04", officer_name="Hoàng Văn Tỉnh")
    install_pseudo()
    try:
        found = survey(province, None, dialogs=False)
    finally:
        i18n.install("vi")
    assert {"province_overview", "review_queue", "duplicates", "province_statistics"} <= set(found)
    clipped = [f"{name}: {hit}" for name, hits in found.items() for hit in hits]
    assert clipped == []
