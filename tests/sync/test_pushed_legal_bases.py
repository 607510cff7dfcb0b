"""The province's regulation on emulation and commendation (number, date, title) is an office
setting at the province; it travels down in a real bundle with the wording, and a commune's own
value wins when it sets one."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from demo_helpers import open_enrolled_demo
from pypdf import PdfReader
from sync_helpers import deliver


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def offices(tmp_path: Path, monkeypatch, enrolled_demo_template):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    # Province 04 and its enrolled commune with DemoBuilder(seed=2026, 25/11/2026) of 40 people,
    # laid out in tmp_path as tinh/, xa/, recovery.tdkey, ket-noi.json: a copy of the session's one
    # build (tests/demo_helpers.build_enrolled_demo).
    province, xa = open_enrolled_demo(enrolled_demo_template, tmp_path)
    s = xa.printing.document_settings()
    xa.printing.set_document_settings(dataclasses.replace(s, chairman_name="Hà Thành Vĩnh",
                                                          vice_chairman_name="Nông Văn Tú"))
    yield province, xa, tmp_path
    xa.close()
    province.close()


def _send_down(province, xa, folder: Path) -> dict:  # type: ignore[no-untyped-def]
    for bundle in xa.sync.export(folder / "len").files:  # the commune must be known first
        deliver(province, xa, bundle)
    [bundle] = province.sync.export(folder / "xuong", to="01576").files
    return xa.sync.import_bundle(bundle)


def test_the_provinces_regulation_reaches_the_commune(offices) -> None:  # type: ignore[no-untyped-def]
    province, xa, tmp = offices
    s = province.printing.document_settings()
    province.printing.set_document_settings(dataclasses.replace(
        s, province_rules_number="25/2025/QĐ-UBND", province_rules_date="20/08/2025",
        province_rules_title="Quy định về công tác thi đua, khen thưởng trên địa bàn tỉnh Cao Bằng"))
    assert province.printing.wording_revision() == 1  # a change of the legal bases is a new revision
    batch = xa.nominations.batches()[0].id
    before = xa.printing.render("submission", batch)
    assert "Căn cứ Quyết định số ……/……/QĐ-UBND ngày ……" in _text(before.pdf)
    assert {n.code for n in before.missing} == {"BLANK_PROVINCE_RULES_NUMBER", "BLANK_PROVINCE_RULES_DATE"}

    report = _send_down(province, xa, tmp)
    assert report["templates"] == "1"
    assert xa.printing.province_legal_bases()["province_rules_number"] == "25/2025/QĐ-UBND"
    after = xa.printing.render("submission", batch)
    assert ("Căn cứ Quyết định số 25/2025/QĐ-UBND ngày 20 tháng 8 năm 2025 của Ủy ban nhân dân tỉnh Cao Bằng "
            "ban hành Quy định về công tác thi đua, khen thưởng trên địa bàn tỉnh Cao Bằng;") in _text(after.pdf)
    assert after.missing == ()
    assert xa.printing.document_settings().province_rules_number == ""  # the commune's own setting untouched

    # The commune's own value wins; what it leaves empty still comes from the province.
    own = xa.printing.document_settings()
    xa.printing.set_document_settings(dataclasses.replace(own, province_rules_number="30/2025/QĐ-UBND"))
    text = _text(xa.printing.render("submission", batch).pdf)
    assert "Căn cứ Quyết định số 30/2025/QĐ-UBND ngày 20 tháng 8 năm 2025" in text

    # Loading wording later keeps the legal bases in the next revision.
    edited = tmp / "mau"
    province.printing.export_wording(edited)
    assert province.printing.load_wording(edited / "list.json") == 2
    assert province.printing.province_legal_bases()["province_rules_date"] == "20/08/2025"
