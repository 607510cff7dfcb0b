"""The 54 ethnic groups and the lookup used by forms and importers."""

from __future__ import annotations

import json
import unicodedata

import pytest

from thidua_desktop.domain.ethnicity import (
    CAO_BANG_MIX,
    CODE_LIST,
    EthnicGroup,
    ethnic_group_by_code,
    ethnic_groups,
    find_ethnic_group,
)
from thidua_desktop.paths import resource_path

# Decision 121-TCTK/PPCĐ (1979), as in the project glossary.
OFFICIAL = {
    "01": "Kinh", "02": "Tày", "03": "Thái", "04": "Hoa", "05": "Khơ-me", "06": "Mường", "07": "Nùng",
    "08": "Mông", "09": "Dao", "10": "Gia-rai", "11": "Ngái", "12": "Ê-đê", "13": "Ba-na",
    "14": "Xơ-đăng", "15": "Sán Chay", "16": "Cơ-ho", "17": "Chăm", "18": "Sán Dìu", "19": "Hrê",
    "20": "Mnông", "21": "Ra-glai", "22": "Xtiêng", "23": "Bru-Vân Kiều", "24": "Thổ", "25": "Giáy",
    "26": "Cơ-tu", "27": "Gié-Triêng", "28": "Mạ", "29": "Khơ-mú", "30": "Co", "31": "Tà-ôi",
    "32": "Chơ-ro", "33": "Kháng", "34": "Xinh-mun", "35": "Hà Nhì", "36": "Chu-ru", "37": "Lào",
    "38": "La Chí", "39": "La Ha", "40": "Phù Lá", "41": "La Hủ", "42": "Lự", "43": "Lô Lô",
    "44": "Chứt", "45": "Mảng", "46": "Pà Thẻn", "47": "Cơ Lao", "48": "Cống", "49": "Bố Y",
    "50": "Si La", "51": "Pu Péo", "52": "Brâu", "53": "Ơ-đu", "54": "Rơ-măm",
}


def test_all_54_groups_with_official_codes_and_names() -> None:
    groups = ethnic_groups()
    assert len(groups) == 54
    assert len({g.code for g in groups}) == 54
    assert len({g.name for g in groups}) == 54
    assert {g.code: g.name for g in groups} == OFFICIAL
    assert [g.code for g in groups] == sorted(OFFICIAL)


def test_only_kinh_is_not_a_minority() -> None:
    assert [g.name for g in ethnic_groups() if not g.is_minority] == ["Kinh"]


def test_data_file_is_nfc_and_names_its_source() -> None:
    path = resource_path("data/ethnic_groups.json")
    text = path.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text
    raw = json.loads(text)
    assert raw["format_version"] == 1
    assert raw["code_list"]["id"] == CODE_LIST == "121-TCTK/PPCĐ"
    assert raw["code_list"]["date"] == "1979-03-02"
    assert raw["source"]


def test_ethnic_groups_is_cached() -> None:
    assert ethnic_groups() is ethnic_groups()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("07", "07"),
        ("7", "07"),
        (" 54 ", "54"),
        ("Tày", "02"),
        ("tay", "02"),
        ("TÀY", "02"),
        ("Dân tộc Tày", "02"),
        ("DT Nùng", "07"),
        ("HMong", "08"),
        ("h'mông", "08"),
        ("H’Mông", "08"),  # typographic apostrophe
        ("Mông", "08"),
        ("mong", "08"),
        ("Hmông", "08"),
        ("Khmer", "05"),
        ("Khơ Me", "05"),
        ("khơ-me", "05"),
        ("Ede", "12"),
        ("Ê Đê", "12"),
        ("ê-đê", "12"),
        ("Ba Na", "13"),
        ("Việt", "01"),
        ("kinh", "01"),
        ("Kinh (Việt)", "01"),
        ("Cao Lan-Sán Chỉ", "15"),
        ("san chay", "15"),
        ("Bru Vân Kiều", "23"),
        ("Gia Rai", "10"),
        ("Xơ Đăng", "14"),
        ("Cơ Ho", "16"),
        ("Lô Lô", "43"),
        ("LoLo", "43"),
        ("Pà Thẻn", "46"),
        (unicodedata.normalize("NFD", "Sán Dìu"), "18"),
    ],
)
def test_find_ethnic_group(text: str, code: str) -> None:
    group = find_ethnic_group(text)
    assert group is not None, text
    assert group.code == code


@pytest.mark.parametrize("text", ["", "  ", None, "0", "55", "99", "Tây Ban Nha", "Mèo Mán", "Kinh Việt Nam"])
def test_find_ethnic_group_unknown(text: str | None) -> None:
    assert find_ethnic_group(text) is None


def test_every_name_and_alias_finds_its_own_group() -> None:
    for group in ethnic_groups():
        for spelling in (group.name, *group.aliases):
            assert find_ethnic_group(spelling) is group, spelling
        assert find_ethnic_group(group.code) is group
        assert ethnic_group_by_code(int(group.code)) is group


def test_aliases_the_glossary_requires() -> None:
    wanted = {
        "Mông": {"H'Mông", "Hmông"},
        "Khơ-me": {"Khmer", "Khơ Me"},
        "Ê-đê": {"Ê Đê"},
        "Ba-na": {"Ba Na"},
        "Kinh": {"Việt"},
        "Sán Chay": {"Cao Lan-Sán Chỉ"},
        "Bru-Vân Kiều": {"Bru Vân Kiều"},
        "Gia-rai": {"Gia Rai"},
        "Xơ-đăng": {"Xơ Đăng"},
        "Cơ-ho": {"Cơ Ho"},
    }
    by_name = {g.name: g for g in ethnic_groups()}
    for name, aliases in wanted.items():
        assert aliases <= set(by_name[name].aliases), name


def test_cao_bang_mix() -> None:
    assert sum(CAO_BANG_MIX.values()) == pytest.approx(1.0)
    groups = {name: find_ethnic_group(name) for name in CAO_BANG_MIX}
    assert all(isinstance(g, EthnicGroup) and g.name == name for name, g in groups.items())
    assert CAO_BANG_MIX["Tày"] == pytest.approx(0.41)
    assert CAO_BANG_MIX["Nùng"] == pytest.approx(0.31)
    assert CAO_BANG_MIX["Mông"] == CAO_BANG_MIX["Dao"] == pytest.approx(0.10)
    assert CAO_BANG_MIX["Kinh"] == pytest.approx(0.05)
    with pytest.raises(TypeError):
        CAO_BANG_MIX["Tày"] = 0.5  # type: ignore[index]
