"""No internal table names or codes in the command line's sentences, and no empty «» in messages.

The counts of `demo`, `bundle export`, `bundle inspect` and the problems of `check` are worded in
Vietnamese (English with --lang en); --json keeps the table names."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import cli_process
import pytest

from thidua_desktop.db.repositories.sync_rows import synced_models
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.messages import TABLE_LABELS, check_problem_label, counts_label, render, table_label

INTERNAL = re.compile(r"\b(" + "|".join(sorted(TABLE_LABELS, key=len, reverse=True)) + r")\b")


def thidua(data: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("THIDUA_DATA_DIR", None)
    result = cli_process.run([sys.executable, "-m", "thidua_desktop.cli", "--data-dir", str(data), *args],
                            capture_output=True, text=True, env=env, timeout=300)
    if ok:
        assert result.returncode == 0, result.stderr
    return result


def test_every_synced_table_has_a_label_in_both_languages() -> None:
    for model in synced_models():
        vi, en = TABLE_LABELS[model.__tablename__]
        assert vi and en and vi != model.__tablename__ and en != model.__tablename__
    assert table_label("activities") == "Hoạt động phong trào"
    assert table_label("activities", "en") == "Movement activities"
    assert table_label("from_a_newer_app") == "from_a_newer_app"


def test_counts_label_words_the_tables_and_keeps_labels_with_commas_apart() -> None:
    counts = {"villages": 6, "people": 2, "attachments": 0, "activities": 1}
    assert counts_label(counts) == "Thôn, xóm: 6; Cá nhân: 2; Hoạt động phong trào: 1"
    assert counts_label(counts, "vi", by_label=True) == "Cá nhân: 2; Hoạt động phong trào: 1; Thôn, xóm: 6"
    assert counts_label(counts, "en") == "Villages: 6; People: 2; Movement activities: 1"
    assert counts_label({}) == "—"


def test_check_problems_are_worded() -> None:
    line = check_problem_label("ATTACHMENT_MISSING", "0123456789ab… (people)")
    assert line == "Thiếu tệp đính kèm: 0123456789ab… (Cá nhân)"
    assert check_problem_label("FOREIGN_KEY_BROKEN", "people rowid=3 -> villages", "en") == (
        "A record points to a record that is gone: People rowid=3 -> Villages")
    assert check_problem_label("OFFICE_NOT_INITIALISED") == "Chưa khởi tạo đơn vị"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_messages_never_show_an_empty_unit(lang: str) -> None:
    errors = [
        DomainError("PEER_UNKNOWN", field="to", value=""),
        DomainError("BUNDLE_WRONG_RECIPIENT", field="file", file="a.tdsync", intended_code="04", intended_name=""),
        DomainError("BUNDLE_SENDER_UNKNOWN", field="file", file="a.tdsync", sender_code="01576", sender_name=None),
        DomainError("ENROLLMENT_WRONG_UNIT", field="unit_code", expected="01576", got="01273", got_name=""),
        DomainError("UNIT_CODE_UNKNOWN", field="unit_code", value=" "),
    ]
    for error in errors:
        text = render(error, lang)
        assert "«»" not in text and "« »" not in text and "()" not in text and "  " not in text, text
        assert "None" not in text and "…" not in text, text
    # The unit's code stands in for a missing name.
    assert "04" in render(errors[1], lang) and "01576" in render(errors[2], lang)
    assert "01273" in render(errors[3], lang)
    # A commune that never loaded the province's file is told so, not about an office «».
    assert render(errors[0], "vi") == ("Văn phòng này chưa được kết nối đồng bộ với văn phòng cấp tỉnh: hãy nạp tệp "
                                       "kết nối do tỉnh cấp.")
    # With the value there, the sentences are unchanged.
    assert render(DomainError("PEER_UNKNOWN", field="to", value="01576"), "vi") == (
        "Đơn vị «01576» chưa được kết nối đồng bộ với văn phòng này.")
    named = DomainError("BUNDLE_WRONG_RECIPIENT", field="file", file="a.tdsync", intended_code="04",
                        intended_name="Tỉnh Cao Bằng")
    assert "Tỉnh Cao Bằng (mã 04)" in render(named, "vi") and "Tỉnh Cao Bằng (code 04)" in render(named, "en")


def _summary(result: subprocess.CompletedProcess[str]) -> str:
    return result.stdout.strip().splitlines()[-1]


def test_demo_and_sync_counts_are_worded(tmp_path: Path) -> None:
    usb, province, commune = tmp_path / "usb", tmp_path / "tinh", tmp_path / "xa"
    thidua(province, "init", "--role", "province", "--unit-code", "04", "--recovery-out", str(tmp_path / "k.tdkey"))
    thidua(province, "enroll", "export", "--unit-code", "01576", "--out", str(usb / "ket-noi.json"))

    lone = tmp_path / "chua-ket-noi"  # a commune that has not loaded the province's file
    thidua(lone, "init", "--role", "commune", "--unit-code", "01273")
    refused = thidua(lone, "bundle", "export", "--out", str(usb), ok=False)
    assert refused.returncode == 1 and "«»" not in refused.stderr
    assert "chưa được kết nối đồng bộ với văn phòng cấp tỉnh" in refused.stderr

    thidua(commune, "init", "--role", "commune", "--unit-code", "01576", "--enrollment", str(usb / "ket-noi.json"))
    demo = _summary(thidua(commune, "demo", "--people", "30"))
    assert demo.startswith("Đã tạo dữ liệu mẫu (") and "Cá nhân: 30" in demo and "Tập thể: " in demo
    assert not INTERNAL.search(demo), demo

    exported = _summary(thidua(commune, "bundle", "export", "--out", str(usb)))
    assert exported.startswith("Đã xuất ") and "Cá nhân: 30" in exported and "Thôn, xóm: " in exported
    assert not INTERNAL.search(exported), exported

    [bundle] = usb.glob("TD-01576-04-*.tdsync")
    lines = thidua(province, "bundle", "inspect", str(bundle)).stdout.strip().splitlines()
    assert lines[0].startswith("Gửi từ: ") and "(01576) → " in lines[0] and "None" not in lines[0]
    counted = [line.strip() for line in lines[1:]]
    assert "Cá nhân: 30" in counted and not any(INTERNAL.search(line) for line in counted), counted
    english = thidua(province, "--lang", "en", "bundle", "inspect", str(bundle)).stdout
    english_labels = {label.strip().rsplit(":", 1)[0] for label in english.strip().splitlines()[1:]}
    assert "  People: 30" in english and english_labels <= {en for _vi, en in TABLE_LABELS.values()}, english_labels
    raw = json.loads(thidua(province, "bundle", "inspect", str(bundle), "--json").stdout)
    assert raw["counts"]["people"] == 30  # JSON keeps the table names

    check = thidua(commune, "check").stdout
    assert "tệp đính kèm đã kiểm tra" in check
