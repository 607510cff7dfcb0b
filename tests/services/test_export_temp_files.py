"""Exports go through a private temporary file next to the destination: removed on any failure,
and one left by a killed export (with the register's CCCD numbers in it) is removed at the next
start of the app, or by the next export into that folder."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import cli_process
import pytest
from checkpoint_runner import command

from thidua_desktop.bootstrap import open_app
from thidua_desktop.checkpoints import EXPORT_ROWS_WRITTEN
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.private_files import TEMP_PREFIX, clean_stale_temps, temp_beside
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.printing import write_atomically
from thidua_desktop.spreadsheets.style import replace_atomically


def _temps(folder: Path) -> list[Path]:
    return sorted(folder.glob(TEMP_PREFIX + "*"))


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_register_export_killed_mid_write_leaves_no_temp_file_after_the_next_start(
        commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    commune.people.create_many([PersonInput(f"Nông Văn Số{i}", "male", cccd=f"0040900{i:05d}")
                                for i in range(300)])
    data = commune.paths.data_dir
    commune.close()
    out = tmp_path / "xuat"
    out.mkdir()
    marker = tmp_path / "paused"
    env = {**os.environ, "THIDUA_TEST_KILL_POINT": EXPORT_ROWS_WRITTEN, "THIDUA_TEST_KILL_MARKER": str(marker)}
    proc = cli_process.spawn(command("--data-dir", str(data), "export", "register", "--out",
                                    str(out / "so-khen-thuong.xlsx")), env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.time() + 120
        while not marker.exists() and time.time() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert marker.exists(), proc.stderr.read().decode() if proc.stderr else ""
        [temp] = _temps(out)
        if os.name == "posix":
            assert stat.S_IMODE(temp.stat().st_mode) == 0o600  # private while it exists
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert _temps(out) == [temp] and not (out / "so-khen-thuong.xlsx").exists()  # what the kill left

    again = open_app(data)
    try:
        # The next start already removed it (the export noted its folder in the data folder), so
        # a laptop lost after that power cut holds no copy of the register beside the USB export.
        assert _temps(out) == [] and list((data / ".exports-in-progress").iterdir()) == []
        result = again.excel_export.export("register", out / "so-lan-hai.xlsx")
    finally:
        again.close()
    assert result.rows == 300
    assert _temps(out) == []
    assert sorted(p.name for p in out.iterdir()) == ["so-lan-hai.xlsx"]


def test_a_failing_export_removes_its_temp_file(tmp_path: Path) -> None:
    def build(temp: Path) -> int:
        temp.write_bytes(b"004090000001 half a workbook")
        raise OSError("disk full")

    with pytest.raises(OSError):
        replace_atomically(build, tmp_path / "so.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_an_export_in_progress_is_not_taken_for_a_stale_one(tmp_path: Path) -> None:
    stale = tmp_path / f"{TEMP_PREFIX}abc123.xlsx"  # what a killed process leaves: nobody holds it
    stale.write_bytes(b"004090000001")
    with temp_beside(tmp_path / "so.xlsx") as temp:
        assert not stale.exists()  # cleaned when this export began
        temp.write_bytes(b"PK new workbook")
        assert clean_stale_temps(tmp_path) == 0  # another export starting now leaves ours alone
        assert temp.exists()
    assert (tmp_path / "so.xlsx").read_bytes() == b"PK new workbook"
    assert _temps(tmp_path) == []


def test_pdf_writing_cleans_stale_temps_and_writes_privately(tmp_path: Path) -> None:
    stale = tmp_path / f"{TEMP_PREFIX}old.pdf"
    stale.write_bytes(b"%PDF half a dossier")
    write_atomically(tmp_path / "to-trinh.pdf", b"%PDF-1.4 whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["to-trinh.pdf"]
    assert (tmp_path / "to-trinh.pdf").read_bytes() == b"%PDF-1.4 whole"
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / "to-trinh.pdf").stat().st_mode) & 0o077 == 0


def test_pdf_writing_into_a_missing_place_is_refused_and_leaves_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "tep"
    blocker.write_bytes(b"")
    with pytest.raises(DomainError) as error:
        write_atomically(blocker / "to-trinh.pdf", b"%PDF")
    assert error.value.code == "OUTPUT_UNWRITABLE"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tep"]
