"""Shared by the review queue's and the dossier review's screen tests: where screenshots go."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QWidget

ROOT = Path(__file__).resolve().parents[2]


def save_screenshot(widget: QWidget, name: str, tmp_path: Path) -> Path:
    """``widget`` as it is drawn, into docs/screenshots/ when THIDUA_SAVE_SCREENSHOTS is set (else
    into ``tmp_path``: the test still proves it renders)."""
    target = ROOT / "docs" / "screenshots" / name
    if not os.environ.get("THIDUA_SAVE_SCREENSHOTS"):
        target = tmp_path / name
    target.parent.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(target))
    assert target.stat().st_size > 10_000
    return target
