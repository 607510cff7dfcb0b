"""Cài đặt → Văn bản in: a commune writes the wording out to edit it; the province loads edited
wording for every commune, and the printed documents use it."""

from __future__ import annotations

import json
from pathlib import Path

from thidua_desktop.ui import dialogs

from .settings_helpers import wording_tools


def test_commune_can_write_out_but_not_load(qtbot, commune, monkeypatch, tmp_path: Path, dialog_log) -> None:  # type: ignore[no-untyped-def]
    tools = wording_tools(commune)
    qtbot.addWidget(tools)
    assert tools.load_button.isHidden() and tools.reset_button.isHidden()
    monkeypatch.setattr(dialogs, "choose_folder", lambda *_a: str(tmp_path / "mau"))
    tools.export_button.click()
    assert json.loads((tmp_path / "mau" / "decision.json").read_text(encoding="utf-8"))["layout"]
    assert dialog_log[-1][0] == "info" and dialog_log[-1][1].startswith("Đã ghi")


def test_province_loads_wording_and_documents_use_it(qtbot, app_factory, monkeypatch, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      dialog_log) -> None:
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    province = app_factory()
    province.office.init_office("province", "04")
    tools = wording_tools(province)
    qtbot.addWidget(tools)
    assert tools.state.text() == "Mẫu văn bản gốc của phần mềm"
    edited = tmp_path / "sua"
    edited.mkdir()
    (edited / "public-list.json").write_text(json.dumps({"doc_type": "THÔNG BÁO NIÊM YẾT"}, ensure_ascii=False),
                                             encoding="utf-8")
    monkeypatch.setattr(dialogs, "choose_folder", lambda *_a: str(edited))
    tools.load_button.click()
    assert dialog_log[-1] == ("info", "Đã lưu lần sửa 1. Mẫu sẽ được gửi tới mọi xã trong các gói đồng bộ tới.")
    assert tools.state.text() == "Mẫu văn bản của tỉnh: lần sửa 1"
    (edited / "public-list.json").write_text("{hỏng", encoding="utf-8")
    tools.load_button.click()  # a broken file is refused and the revision stays
    assert dialog_log[-1][0] == "error" and "public-list.json" in dialog_log[-1][1]
    assert province.printing.wording_revision() == 1
    tools.reset_button.click()
    assert province.printing.wording_revision() == 2 and tools.state.text() == "Mẫu văn bản của tỉnh: lần sửa 2"
