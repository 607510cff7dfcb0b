"""preferences.json is read before any window opens: whatever an editor or a power cut left in it,
the start-up gets the defaults for what it cannot use, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from thidua_desktop.services.preferences import Preferences


@pytest.mark.parametrize("text", ["[]", "null", '"vi"', "42", "{", "", '{"language": 5}',
                                  '{"keep_backups": "ten"}', '{"last_backup": "hôm qua"}',
                                  '{"last_backup": ["2026-01-01"]}', '{"office_role": {"x": 1}}'])
def test_a_damaged_or_mistyped_file_gives_the_defaults(tmp_path: Path, text: str) -> None:
    (tmp_path / "preferences.json").write_text(text, encoding="utf-8")
    assert Preferences.load(tmp_path) == Preferences()


def test_good_values_are_kept_beside_a_bad_one(tmp_path: Path) -> None:
    (tmp_path / "preferences.json").write_text(
        '{"language": "en", "keep_backups": 3, "last_backup": "2026-12-01", "backup_every_days": "x",'
        ' "office_role": "province", "unknown": true}', encoding="utf-8")
    prefs = Preferences.load(tmp_path)
    assert (prefs.language, prefs.keep_backups, prefs.last_backup, prefs.office_role) == \
        ("en", 3, "2026-12-01", "province")
    assert prefs.backup_every_days == Preferences().backup_every_days
