"""This computer's choices (not synced): language and backups, in ``preferences.json`` in the
data folder. Standard library only: the GUI reads the language before the database layer is
loaded, to word the window it shows first (issue 15)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass
class Preferences:
    """This computer's choices (not synced): language and backups."""

    language: str = "vi"
    backup_dir: str = ""
    backup_every_days: int = 7  # 0 = never automatically
    last_backup: str = ""  # ISO date
    keep_backups: int = 10

    @classmethod
    def load(cls, folder: Path) -> Preferences:
        try:
            data = json.loads((folder / "preferences.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / "preferences.json.tmp"
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, folder / "preferences.json")
