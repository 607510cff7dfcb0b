"""scripts/merge_translations.py folds i18n/pending/*.json into the catalog: a flat entry only fills
a message still untranslated, while an entry grouped by context also replaces a finished
translation of that context (how a reviewed wording, i18n/pending/review.json, lands) and nothing
in another context. Run on a copy: a small source file and catalog in tmp_path."""

from __future__ import annotations

import importlib.util
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

SOURCE = '''
from PySide6.QtWidgets import QWidget


class FirstScreen(QWidget):
    def texts(self):
        return [self.tr("Received"), self.tr("Number"), self.tr("New words")]


class SecondScreen(QWidget):
    def texts(self):
        return [self.tr("Received"), self.tr("Number")]
'''

CATALOG = '''<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context><name>FirstScreen</name>
<message><source>Received</source><translation>Đã nhận</translation></message>
<message><source>Number</source><translation>Số lượng</translation></message>
</context>
<context><name>SecondScreen</name>
<message><source>Received</source><translation>Thu</translation></message>
<message><source>Number</source><translation>Số lượng</translation></message>
</context>
</TS>
'''


def _translations(ts: Path) -> dict[tuple[str, str], str]:
    return {(c.findtext("name") or "", m.findtext("source") or ""): m.findtext("translation") or ""
            for c in ET.parse(ts).iter("context") for m in c.iter("message")}


@pytest.fixture
def merge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    (tmp_path / "thidua_desktop" / "ui").mkdir(parents=True)
    (tmp_path / "thidua_desktop" / "ui" / "screens.py").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "i18n" / "pending").mkdir(parents=True)
    (tmp_path / "i18n" / "thidua_vi.ts").write_text(CATALOG, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("merge_translations", ROOT / "scripts" / "merge_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "TS", tmp_path / "i18n" / "thidua_vi.ts")
    monkeypatch.setattr(module, "PENDING", tmp_path / "i18n" / "pending")
    monkeypatch.setattr(sys, "argv", ["merge_translations.py"])
    return module


def test_grouped_entries_replace_finished_translations_of_their_context_only(merge, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pending = tmp_path / "i18n" / "pending"
    (pending / "review.json").write_text(json.dumps(
        {"FirstScreen": {"Number": "Số quyết định"}}, ensure_ascii=False), encoding="utf-8")
    (pending / "helper.json").write_text(json.dumps(
        {"Received": "Nhận", "New words": "Từ mới"}, ensure_ascii=False), encoding="utf-8")
    assert merge.main() == 0
    after = _translations(tmp_path / "i18n" / "thidua_vi.ts")
    assert after[("FirstScreen", "Number")] == "Số quyết định"  # reviewed: replaced
    assert after[("SecondScreen", "Number")] == "Số lượng"  # another context: untouched
    assert after[("FirstScreen", "Received")] == "Đã nhận"  # a flat entry never replaces
    assert after[("SecondScreen", "Received")] == "Thu"
    assert after[("FirstScreen", "New words")] == "Từ mới"  # but fills what was missing
    assert list(pending.glob("*.json")) == []  # merged files are removed
