"""This computer's choices (not synced): language and backups, in ``preferences.json`` in the
data folder, and the role of the office it last opened. Standard library only: the GUI reads the
language and that role before the database layer is loaded, to word the window it shows first and
give it the office's navigation (issue 15)."""

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
    # "commune" or "province" (domain.enums.Role), noted when the office was last opened: the window
    # shown before it opens again lists that office's screens. "" (never opened): a commune's.
    office_role: str = ""

    @classmethod
    def load(cls, folder: Path) -> Preferences:
        try:
            data = json.loads((folder / "preferences.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict):
            return cls()  # an edited or damaged file: the defaults, as for a missing one
        defaults = cls()
        # A value of another type than its default's (a number for the language, a list for a
        # date) is dropped, not carried into code that formats or parses it.
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__
                 and type(v) is type(getattr(defaults, k))}
        if "last_backup" in known and not _iso_date(known["last_backup"]):
            del known["last_backup"]
        return cls(**known)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / "preferences.json.tmp"
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, folder / "preferences.json")


def remember_office_role(folder: Path, role: str) -> None:
    """Note the role of the office this data folder opened; the file is written only when it
    changes (every start reads it, few write it). OSError when the folder cannot be written."""
    prefs = Preferences.load(folder)
    if prefs.office_role != role:
        prefs.office_role = role
        prefs.save(folder)


def _iso_date(text: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(text)
    except ValueError:
        return text == ""
    return True
