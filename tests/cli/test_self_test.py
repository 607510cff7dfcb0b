"""``thidua --version`` and ``thidua self-test`` (issue 16): one line per check in Vietnamese
(English with --lang en), exit 0 when every check passes, 1 when one fails, 2 for a malformed
command line; no office needed and nothing created in the data folder; no traceback ever.
Also the GUI entry point's ``--self-test`` (the frozen build's smoke test), as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from thidua_desktop import __version__
from thidua_desktop.cli import main
from thidua_desktop.db.migrate import head_revision
from thidua_desktop.rules.catalog import load_catalog
from thidua_desktop.services.self_test import (
    CheckFailed,
    check_data_folder,
    check_free_space,
    run_self_test,
)

CHECKS_VI = ["Phông chữ", "Thư mục dữ liệu", "Dung lượng đĩa", "Cơ sở dữ liệu", "Khóa bảo mật",
             "Xét tiêu chuẩn khen thưởng", "In văn bản (PDF)", "Ghi ra USB"]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_version_names_the_app_and_its_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    catalog = load_catalog().catalog_version
    assert _run(capsys, "--version") == (0, f"ThiĐua Desktop {__version__} (danh mục khen thưởng {catalog})\n", "")
    assert _run(capsys, "--lang", "en", "--version") == (0, f"ThiĐua Desktop {__version__} (award catalog {catalog})\n",
                                                         "")


def test_self_test_passes_with_one_line_per_check_and_creates_nothing(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "chua-co" / "du-lieu"  # a laptop where the app never ran
    usb = tmp_path / "usb"
    usb.mkdir()
    code, out, err = _run(capsys, "--data-dir", str(folder), "self-test", "--usb", str(usb))
    assert (code, err) == (0, ""), out
    lines = out.splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [f"✓ {label}" for label in CHECKS_VI]
    assert lines[-1] == "Máy này đạt cả 8 mục kiểm tra."
    assert f"nâng cấp đến {head_revision()}" in out and "chưa có (máy chưa dùng ứng dụng)" in out
    assert not (tmp_path / "chua-co").exists() and list(usb.iterdir()) == []  # probes removed


def test_an_existing_data_folder_is_left_as_it_was(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "du-lieu"
    folder.mkdir()
    (folder / "ghi-chu.txt").write_text("giữ nguyên\n", encoding="utf-8")
    code, out, _err = _run(capsys, "--lang", "en", "--data-dir", str(folder), "self-test")
    assert code == 0 and "✓ Data folder: writable, readable, files can be removed" in out
    assert out.splitlines()[-1] == "This computer passed all 8 checks."
    assert sorted(p.name for p in folder.iterdir()) == ["ghi-chu.txt"]


def test_a_missing_usb_folder_fails_its_line_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--data-dir", str(tmp_path), "self-test", "--usb", str(tmp_path / "khong-co"))
    assert code == 1 and err == ""
    lines = out.splitlines()
    assert "✗ Ghi ra USB: không thấy thư mục USB" in lines
    assert sum(line.startswith("✓") for line in lines) == 7
    assert lines[-1] == "Có 1/8 mục không đạt."
    assert "Traceback" not in out + err


def test_a_bad_command_line_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--data-dir", str(tmp_path), "self-test", "--nhanh")
    assert code == 2 and out == "" and err.startswith("Lệnh không hợp lệ:")


def test_a_data_folder_that_is_a_file_fails_without_a_trace(tmp_path: Path) -> None:
    file = tmp_path / "du-lieu"
    file.write_text("không phải thư mục", encoding="utf-8")
    report = run_self_test(file, tmp_path)
    [failed] = report.failed
    assert failed.code == "data_folder" and failed.line() == ("✗ Thư mục dữ liệu: đường dẫn thư mục dữ liệu không "
                                                              "phải là thư mục")
    assert file.read_text(encoding="utf-8") == "không phải thư mục"


def test_free_space_below_the_minimum_fails(tmp_path: Path) -> None:
    with pytest.raises(CheckFailed) as caught:
        check_free_space(tmp_path, minimum=1 << 62)
    assert caught.value.vi.startswith("chỉ còn ") and "cần ít nhất" in caught.value.vi
    assert check_data_folder(tmp_path)[1] == "writable, readable, files can be removed"


def test_the_gui_entry_point_self_test_runs_offscreen(tmp_path: Path) -> None:
    """What the frozen build's smoke test runs (installer/build_linux.sh), from a real interpreter
    with no display: the core checks plus the Qt one."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "THIDUA_CONFIG_DIR": str(tmp_path / "config")}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    result = subprocess.run([sys.executable, "-m", "thidua_desktop", "--self-test", "--data-dir",
                             str(tmp_path / "data"), "--lang", "en"], capture_output=True, text=True, env=env,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-2].startswith("✓ User interface: draws Vietnamese text") and "(offscreen)" in lines[-2]
    assert lines[-1] == "This computer passed all 9 checks."
    bad = subprocess.run([sys.executable, "-m", "thidua_desktop", "--self-test", "--bogus"], capture_output=True,
                         text=True, env=env, timeout=300)
    assert bad.returncode == 2 and bad.stderr.startswith("Lệnh không hợp lệ:") and bad.stdout == ""


def test_any_error_in_a_check_is_one_line_without_a_trace() -> None:
    from thidua_desktop.domain.errors import DomainError
    from thidua_desktop.services.self_test import Check, run_check

    def unreadable_key() -> tuple[str, str]:
        raise DomainError("KEY_MISSING", key_id="k1")

    def missing_module() -> tuple[str, str]:
        raise ModuleNotFoundError("No module named '_cffi_backend'", name="_cffi_backend")

    assert run_check(Check("x", "Thử", "Try", lambda: (str(1 // 0), ""))).line() == "✗ Thử: lỗi ZeroDivisionError"
    assert run_check(Check("x", "Thử", "Try", missing_module)).line("en") == \
        "✗ Try: error ModuleNotFoundError: _cffi_backend"  # what a build left out, for support
    line = run_check(Check("x", "Thử", "Try", unreadable_key)).line()
    assert line.startswith("✗ Thử: Không tìm thấy khóa bí mật") and "\n" not in line
