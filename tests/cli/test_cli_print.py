"""`thidua print`, `thidua print batch` and `thidua verify-qr` as real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import cli_process
import pytest
from pypdf import PdfReader


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "THIDUA_DOC_FONT": "bundled"}
    env.pop("THIDUA_DATA_DIR", None)
    return cli_process.run([sys.executable, "-m", "thidua_desktop.cli", "--data-dir", str(data), *args],
                          capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    data = tmp_path_factory.mktemp("cli-print") / "office"
    assert run(data, "init", "--role", "commune", "--unit-code", "01576").returncode == 0
    assert run(data, "demo", "--people", "60").returncode == 0
    from thidua_desktop.bootstrap import open_app

    app = open_app(data)
    try:
        batch = app.nominations.batches()[0].id
    finally:
        app.close()
    return data, batch


def test_print_then_verify_the_paper_copy(office: tuple[Path, str], tmp_path: Path) -> None:
    data, batch = office
    out = tmp_path / "to-trinh.pdf"
    result = run(data, "print", "submission", batch, "--out", str(out), "--json")
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert PdfReader(str(out)).metadata.subject == printed["qr"]
    check = run(data, "verify-qr", printed["qr"])
    assert check.returncode == 0 and check.stdout.startswith("KHỚP")
    forged = run(data, "verify-qr", printed["qr"][:-4] + "ffff")
    assert forged.returncode == 1 and forged.stdout.startswith("KHÔNG KHỚP")


def test_print_batch_writes_a_folder(office: tuple[Path, str], tmp_path: Path) -> None:
    data, batch = office
    result = run(data, "print", "batch", batch, "--out", str(tmp_path / "dot"), "--json")
    assert result.returncode == 0, result.stderr
    files = [Path(f) for f in json.loads(result.stdout)["files"]]
    assert len(files) >= 3 and all(f.is_file() and PdfReader(str(f)).pages for f in files)


@pytest.mark.parametrize(("args", "expected"), [
    (("print", "poster", "x", "--out", "x.pdf"), "Không có loại văn bản «poster»"),
    (("print", "list", "no-such-batch", "--out", "x.pdf"), "Không tìm thấy «Đợt đề nghị» có mã «no-such-batch»"),
    (("verify-qr", "hello"), "Chuỗi mã QR không đúng dạng"),
])
def test_bad_arguments_get_one_vietnamese_line(office: tuple[Path, str], tmp_path: Path,
                                               args: tuple[str, ...], expected: str) -> None:
    data, _batch = office
    result = run(data, *[str(tmp_path / a) if a.endswith(".pdf") else a for a in args])
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(expected)


def test_unwritable_output_is_refused_cleanly(office: tuple[Path, str], tmp_path: Path) -> None:
    data, batch = office
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run(data, "print", "list", batch, "--out", str(blocker / "sub" / "x.pdf"))
    assert result.returncode == 1 and "Không ghi được tệp" in result.stderr
