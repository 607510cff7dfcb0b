"""A data folder whose config.json, or a THIDUA_DATABASE_URL, names no usable database: one
Vietnamese line naming the file or the variable, exit 1, never "Unexpected error" and never a
new local database in its place."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from thidua_desktop.cli import main


@pytest.mark.parametrize("content", ["[1]", '{"database_url": "nonsense"}', '{"database_url": 5}', "{not json"])
def test_a_damaged_database_setting_is_refused_with_its_file(data_dir: Path, tmp_path: Path, content: str,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "office"
    shutil.copytree(data_dir, folder)
    assert main(["--data-dir", str(folder), "init", "--role", "commune", "--unit-code", "01576"]) == 0
    capsys.readouterr()
    before = sorted(p.name for p in folder.iterdir())
    (folder / "config.json").write_text(content, encoding="utf-8")
    assert main(["--data-dir", str(folder), "people", "list"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [err.strip()] and "không mong đợi" not in err
    assert f"«{folder / 'config.json'}» bị hỏng" in err
    assert sorted(p.name for p in folder.iterdir()) == sorted({*before, "config.json"})


def test_a_mistyped_database_variable_is_refused(data_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("THIDUA_DATABASE_URL", "postgres//tinh")
    assert main(["--data-dir", str(data_dir), "--lang", "en", "people", "list"]) == 1
    assert "The database setting in «THIDUA_DATABASE_URL» is damaged" in capsys.readouterr().err
