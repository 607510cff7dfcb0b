"""A position and its unit written together say the unit once (lists, decisions, certificates)."""

from __future__ import annotations

import unicodedata

import pytest

from thidua_desktop.domain.positions import position_with_unit


@pytest.mark.parametrize(("position", "unit", "expected"), [
    ("Chủ tịch Hội Liên hiệp Phụ nữ xã", "Hội Liên hiệp Phụ nữ xã", "Chủ tịch Hội Liên hiệp Phụ nữ xã"),
    ("Chủ tịch UBND xã", "UBND xã", "Chủ tịch UBND xã"),
    ("Chuyên viên Văn phòng HĐND - UBND xã", "Văn phòng HĐND - UBND xã", "Chuyên viên Văn phòng HĐND - UBND xã"),
    ("Chủ tịch Hội Nông dân", "Hội Nông dân xã Quảng Uyên", "Chủ tịch Hội Nông dân xã Quảng Uyên"),
    ("Trưởng xóm", "Xóm Nà Cạn", "Trưởng xóm Nà Cạn"),
    ("Giáo viên", "Trường Mầm non xã", "Giáo viên, Trường Mầm non xã"),
    # The position names its unit by a short form: the unit's full name is written once.
    ("Bí thư Đoàn xã", "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", "Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh xã"),
    ("Chủ tịch Hội LHPN xã", "Hội Liên hiệp Phụ nữ xã", "Chủ tịch Hội Liên hiệp Phụ nữ xã"),
    # Not a short form: another association of the commune, so both are said.
    ("Chủ tịch Hội Nông dân xã", "Hội Cựu chiến binh xã", "Chủ tịch Hội Nông dân xã, Hội Cựu chiến binh xã"),
    ("Chủ tịch Hội ND xã", "Hội Cựu chiến binh xã", "Chủ tịch Hội ND xã, Hội Cựu chiến binh xã"),
    ("Công chức", "UBND xã", "Công chức, UBND xã"),
    ("", "Xóm Bó Hay", "Xóm Bó Hay"),
    ("Nông dân", "", "Nông dân"),
    ("", "", ""),
    # Typed without accents or in another case, the unit is still recognised.
    ("Trưởng Công an xã", "cong an xa", "Trưởng Công an xã"),
])
def test_the_unit_is_said_once(position: str, unit: str, expected: str) -> None:
    assert position_with_unit(position, unit) == expected


def test_decomposed_text_compares_and_comes_out_nfc() -> None:
    out = position_with_unit(unicodedata.normalize("NFD", "Chủ tịch Hội Cựu chiến binh xã"), "Hội Cựu chiến binh xã")
    assert out == "Chủ tịch Hội Cựu chiến binh xã" and unicodedata.is_normalized("NFC", out)
