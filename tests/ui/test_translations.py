"""Every visible string of the GUI has a finished Vietnamese translation."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parents[2]


def test_every_tr_string_has_a_finished_vietnamese_translation(tmp_path: Path) -> None:
    ts = tmp_path / "thidua_vi.ts"
    shutil.copy(ROOT / "i18n" / "thidua_vi.ts", ts)
    lupdate = Path(PySide6.__file__).parent / "lupdate"
    sources = sorted(str(p) for p in (ROOT / "thidua_desktop" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(ts), "-no-obsolete", "-silent"], check=True)
    problems = []
    for message in ET.parse(ts).iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        texts = [translation.text or ""] + [n.text or "" for n in translation.iter("numerusform")]
        if translation.get("type") in ("unfinished", "vanished") or not any(t.strip() for t in texts):
            problems.append(source)
    assert problems == [], f"untranslated: {problems}"
