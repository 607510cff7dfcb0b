"""The command line reports every field problem of a save at once, one line each (issue 9, point 5),
and refuses a future birth date (point 6)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from thidua_desktop.cli import main


def test_people_add_lists_every_problem(commune, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    code = main(["--data-dir", str(data_dir), "people", "add", "--name", "Lò Văn 😀", "--gender", "nam",
                 "--cccd", "12345"])
    assert code == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "Có 3 chỗ cần sửa:"
    assert len(lines) == 4 and all(line.startswith("– ") for line in lines[1:])
    for line, label in zip(lines[1:], ["«Họ và tên»", "«Giới tính»", "«Số CCCD»"], strict=True):
        assert label in line, line
    assert "«😀» (ký tự thứ 8)" in lines[1]
    assert commune.people.search().total == 0


def test_people_add_refuses_a_future_birth(commune, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    year = date.today().year + 1
    code = main(["--data-dir", str(data_dir), "--lang", "en", "people", "add", "--name", "Lò Văn Nông",
                 "--gender", "male", "--birth", str(year)])
    assert code == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"«Date of birth» is {year}, after today")
