"""The province edits a document's wording once; it travels down in the next bundle and the
commune's documents use it, while the commune's own override folder still wins."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import cli_process
import pytest
from demo_helpers import open_enrolled_demo
from pypdf import PdfReader
from sync_helpers import deliver

from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services import template_store


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def offices(tmp_path: Path, monkeypatch, enrolled_demo_template):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    # Province 04 and its enrolled commune with DemoBuilder(seed=2026, 25/11/2026) of 40 people,
    # laid out in tmp_path as tinh/, xa/, recovery.tdkey, ket-noi.json: a copy of the session's one
    # build (tests/demo_helpers.build_enrolled_demo).
    province, xa = open_enrolled_demo(enrolled_demo_template, tmp_path)
    yield province, xa, tmp_path
    xa.close()
    province.close()


def _send_down(province, xa, folder: Path) -> dict:  # type: ignore[no-untyped-def]
    for bundle in xa.sync.export(folder / "len").files:  # the commune must be known first
        deliver(province, xa, bundle)
    [bundle] = province.sync.export(folder / "xuong", to="01576").files
    return xa.sync.import_bundle(bundle)


def test_province_wording_reaches_the_commune(offices) -> None:  # type: ignore[no-untyped-def]
    province, xa, tmp = offices
    edited = tmp / "mau"
    template_store.export(province.db, edited)
    common = json.loads((edited / "common.json").read_text(encoding="utf-8"))
    common["grounds"]["province_rules"] = ("Căn cứ Quyết định số 25/2025/QĐ-UBND ngày 20 tháng 8 năm 2025 của "
                                          "Ủy ban nhân dân tỉnh Cao Bằng;")
    (edited / "common.json").write_text(json.dumps(common, ensure_ascii=False), encoding="utf-8")
    assert template_store.load(province.db, edited / "common.json", "tinh") == 1
    batch = xa.nominations.batches()[0].id
    assert "25/2025/QĐ-UBND" not in _text(xa.printing.render("submission", batch).pdf)
    report = _send_down(province, xa, tmp)
    assert report["templates"] == "1"
    assert "Căn cứ Quyết định số 25/2025/QĐ-UBND ngày 20 tháng 8 năm 2025" in _text(
        xa.printing.render("submission", batch).pdf)
    # The commune's own file still wins over the province's wording.
    local = xa.paths.data_dir / "documents"
    local.mkdir()
    (local / "common.json").write_text(json.dumps({"grounds": {"province_rules": "Căn cứ văn bản riêng của xã;"}},
                                                  ensure_ascii=False), encoding="utf-8")
    assert "Căn cứ văn bản riêng của xã" in _text(xa.printing.render("submission", batch).pdf)


def test_an_old_or_bad_wording_set_is_not_adopted(offices) -> None:  # type: ignore[no-untyped-def]
    province, xa, tmp = offices
    with xa.db.transaction("xa") as session:
        assert template_store.adopt(session, {"revision": 3, "files": {"list": {"totals": "Cộng: {person_count}"}}},
                                    "xa") == 3
        assert template_store.adopt(session, {"revision": 2, "files": {"list": {"totals": "cũ"}}}, "xa") is None
        with pytest.raises(DomainError) as bad:
            template_store.adopt(session, {"revision": 9, "files": {"../../etc/passwd": {}}}, "xa")
        assert bad.value.code == "WORDING_INVALID"
    with xa.db.reader() as session:
        assert template_store.pushed_templates(session) == {"list": {"totals": "Cộng: {person_count}"}}
    (tmp / "hong.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DomainError):
        template_store.load(province.db, tmp / "hong.json", "tinh")
    with province.db.reader() as session:
        assert template_store.revision(session) == 0  # nothing kept from a refused load


def test_cli_refuses_a_commune_loading_wording(offices) -> None:  # type: ignore[no-untyped-def]
    _province, xa, tmp = offices
    xa.close()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    out = cli_process.run([sys.executable, "-m", "thidua_desktop.cli", "--data-dir", str(tmp / "xa"), "templates",
                          "load", str(tmp)], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 1 and out.stderr.startswith("Chỉ Sở Nội vụ nạp mẫu văn bản")
    exported = cli_process.run([sys.executable, "-m", "thidua_desktop.cli", "--data-dir", str(tmp / "xa"),
                               "templates", "export", str(tmp / "ra")], capture_output=True, text=True, env=env,
                              timeout=120)
    assert exported.returncode == 0 and (tmp / "ra" / "submission.json").is_file()
