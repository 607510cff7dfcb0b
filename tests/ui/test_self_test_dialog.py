"""Help → Kiểm tra máy: the machine check runs in the worker and shows one line per check, the
Qt check included; a failing check is a ✗ line, never an error box or a trace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication

from thidua_desktop.ui import i18n
from thidua_desktop.ui.self_test_dialog import SelfTestDialog


def _dialog(qtbot, data_dir: Path) -> SelfTestDialog:  # type: ignore[no-untyped-def]
    dialog = SelfTestDialog(data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _lines(dialog: SelfTestDialog) -> list[str]:
    return [dialog.lines.item(row).text() for row in range(dialog.lines.count())]


def test_every_check_passes_on_a_good_folder(qtbot, tmp_path: Path, dialog_log) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, tmp_path)
    assert dialog.lines.count() == 0 and not dialog.copy_button.isEnabled()
    report = dialog.start()
    assert report is not None and report.ok, [r.line() for r in report.failed]
    lines = _lines(dialog)
    assert len(lines) == 9 and all(line.startswith("✓ ") for line in lines)
    assert lines[0].startswith("✓ Phông chữ:") and lines[-1].startswith("✓ Giao diện:")
    assert dialog.summary.text() == "Máy này đạt cả 9 mục kiểm tra."
    assert dialog_log == []
    dialog.copy_lines()
    assert QGuiApplication.clipboard().text().splitlines() == [*lines, dialog.summary.text()]


def test_a_missing_usb_stick_is_one_failed_line_in_english(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                           dialog_log) -> None:
    dialog = _dialog(qtbot, tmp_path)
    dialog.usb_edit.setText(str(tmp_path / "khong-co"))
    i18n.install("en")
    report = dialog.start()
    assert report is not None and [r.code for r in report.failed] == ["usb"]
    lines = _lines(dialog)
    assert "✗ Writing to USB: the USB folder does not exist" in lines
    assert sum(line.startswith("✓") for line in lines) == 8
    assert dialog.summary.text() == "1 of 9 checks failed."
    assert dialog.windowTitle() == "Check this computer" and dialog.run_button.text() == "Check again"
    assert dialog_log == []
    i18n.install("vi")  # the lines follow the language switch
    qtbot.waitUntil(lambda: "✗ Ghi ra USB: không thấy thư mục USB" in _lines(dialog))


def test_no_text_is_clipped_in_the_pseudo_locale(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from thidua_desktop.ui.pseudo_locale import find_clipped, install_pseudo

    dialog = _dialog(qtbot, tmp_path)
    assert dialog.start() is not None
    install_pseudo()
    try:
        qtbot.waitUntil(lambda: dialog.windowTitle().startswith("["))
        qtbot.wait(100)  # the layouts follow the longer words
        assert dialog.width() <= 1366 and dialog.height() <= 768
        assert find_clipped(dialog) == []
    finally:
        i18n.install("vi")
