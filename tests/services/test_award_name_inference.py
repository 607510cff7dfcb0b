"""Award names from outside the catalog: who issued them and what they are, read from the name when
the file has no issuer column (issue 12, §4); catalog synonyms kept as data next to the catalog.

The table holds names as other offices' histories write them: with and without diacritics, in any
case, abbreviated. Each row says the issuing body, its level (what the register and the rules use),
the form and the kind (emulation title or commendation form, never mixed)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from thidua_desktop.db.models import Person
from thidua_desktop.db.repositories.history import candidate_for_person, load_history
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.paths import resource_path
from thidua_desktop.rules.award_names import AwardNames, load_award_names
from thidua_desktop.rules.catalog import load_catalog
from thidua_desktop.rules.evaluator import evaluate
from thidua_desktop.rules.results import Outcome
from thidua_desktop.services.excel_import import ExcelImportService
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject

# Issuing bodies and their level.
PRES, GOV, MIN, PROV, DIST, COMM = "president", "government", "ministry", "province", "district", "commune"
CENTRAL, PROVINCE, COMMUNE = "central", "province", "commune"  # a former district's powers are the commune's now
# Forms and kinds.
ORDER, MEDAL, HONOUR, PRIZE, KNC = "order", "medal", "state_honorary_title", "state_prize", "commemorative_medal"
BK, GK, FLAG, TITLE, OTHER = ("merit_certificate", "commendation_certificate", "emulation_flag", "emulation_title",
                              "other")
CF, ET = "commendation_form", "emulation_title"

OUTSIDE_THE_CATALOG: list[tuple[str, str, str, str, str]] = [
    # name, issuing body, level, form, kind
    # Huân chương: the President (Law 06/2022 Art. 9)
    ("Huân chương Lao động hạng Ba", PRES, CENTRAL, ORDER, CF),
    ("huân chương lao động hạng nhì", PRES, CENTRAL, ORDER, CF),
    ("HUÂN CHƯƠNG KHÁNG CHIẾN HẠNG NHẤT", PRES, CENTRAL, ORDER, CF),
    ("Huan chuong Bao ve To quoc hang Ba", PRES, CENTRAL, ORDER, CF),
    ("Huân chương Chiến công hạng Ba", PRES, CENTRAL, ORDER, CF),
    ("Huân chương Độc lập hạng Ba", PRES, CENTRAL, ORDER, CF),
    ("Huân chương Đại đoàn kết dân tộc", PRES, CENTRAL, ORDER, CF),
    ("Huân chương Dũng cảm", PRES, CENTRAL, ORDER, CF),
    ("HCLĐ hạng Ba", PRES, CENTRAL, ORDER, CF),
    ("Được tặng Huân chương Quân công hạng Nhì", PRES, CENTRAL, ORDER, CF),
    # Huy chương: the President
    ("Huy chương Quân kỳ quyết thắng", PRES, CENTRAL, MEDAL, CF),
    ("Huy chương Chiến sĩ vẻ vang hạng Nhất", PRES, CENTRAL, MEDAL, CF),
    ("huy chuong vi an ninh to quoc", PRES, CENTRAL, MEDAL, CF),
    ("Huy chương Hữu nghị", PRES, CENTRAL, MEDAL, CF),
    ("HUY CHƯƠNG KHÁNG CHIẾN HẠNG NHÌ", PRES, CENTRAL, MEDAL, CF),
    # State honorary titles: the President, a commendation form, not an emulation title
    ("Danh hiệu Anh hùng Lao động", PRES, CENTRAL, HONOUR, CF),
    ("Anh hùng Lực lượng vũ trang nhân dân", PRES, CENTRAL, HONOUR, CF),
    ("anh hung luc luong vu trang nhan dan", PRES, CENTRAL, HONOUR, CF),
    ("Bà mẹ Việt Nam anh hùng", PRES, CENTRAL, HONOUR, CF),
    ("BA ME VIET NAM ANH HUNG", PRES, CENTRAL, HONOUR, CF),
    ("Danh hiệu vinh dự Nhà nước “Bà mẹ Việt Nam anh hùng”", PRES, CENTRAL, HONOUR, CF),
    ("Nhà giáo Nhân dân", PRES, CENTRAL, HONOUR, CF),
    ("Nhà giáo Ưu tú", PRES, CENTRAL, HONOUR, CF),
    ("NGƯT", PRES, CENTRAL, HONOUR, CF),
    ("Thầy thuốc Nhân dân", PRES, CENTRAL, HONOUR, CF),
    ("thầy thuốc ưu tú", PRES, CENTRAL, HONOUR, CF),
    ("Nghệ sĩ Nhân dân", PRES, CENTRAL, HONOUR, CF),
    ("nghe si uu tu", PRES, CENTRAL, HONOUR, CF),
    ("Nghệ nhân Ưu tú", PRES, CENTRAL, HONOUR, CF),
    ("Giải thưởng Hồ Chí Minh", PRES, CENTRAL, PRIZE, CF),
    ("Giải thưởng Nhà nước về văn học nghệ thuật", PRES, CENTRAL, PRIZE, CF),
    # The Government (the Hội đồng Bộ trưởng before 1992)
    ("Bằng khen của Hội đồng Bộ trưởng", GOV, CENTRAL, BK, CF),
    ("Cờ thi đua của Hội đồng Bộ trưởng", GOV, CENTRAL, FLAG, ET),
    # Ministries and central bodies
    ("Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo", MIN, CENTRAL, BK, CF),
    ("Bằng khen Bộ Công an", MIN, CENTRAL, BK, CF),
    ("bang khen bo quoc phong", MIN, CENTRAL, BK, CF),
    ("Bằng khen của Bộ trưởng Bộ Lao động - Thương binh và Xã hội", MIN, CENTRAL, BK, CF),
    ("Bằng khen của Bộ Y tế", MIN, CENTRAL, BK, CF),
    ("Bằng khen của Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh", MIN, CENTRAL, BK, CF),
    ("Bằng khen Trung ương Hội Liên hiệp Phụ nữ Việt Nam", MIN, CENTRAL, BK, CF),
    ("Bằng khen của Tổng Liên đoàn Lao động Việt Nam", MIN, CENTRAL, BK, CF),
    ("Bằng khen của Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", MIN, CENTRAL, BK, CF),
    ("BẰNG KHEN HỘI NÔNG DÂN VIỆT NAM", MIN, CENTRAL, BK, CF),
    ("Bằng khen của Bộ Tư lệnh Bộ đội Biên phòng", MIN, CENTRAL, BK, CF),
    ("Cờ thi đua của Bộ Công an", MIN, CENTRAL, FLAG, ET),
    ("Kỷ niệm chương Vì sự nghiệp giáo dục", MIN, CENTRAL, KNC, CF),
    ("ky niem chuong vi su nghiep phat trien nong thon", MIN, CENTRAL, KNC, CF),
    ("Huy chương Vì thế hệ trẻ", MIN, CENTRAL, KNC, CF),
    ("Gương mặt trẻ tiêu biểu toàn quốc", MIN, CENTRAL, TITLE, ET),
    # The province
    ("Bằng khen của Ban Thường vụ Tỉnh ủy", PROV, PROVINCE, BK, CF),
    ("Bằng khen của Hội Nông dân tỉnh Cao Bằng", PROV, PROVINCE, BK, CF),
    ("Giấy khen của Giám đốc Sở Giáo dục và Đào tạo", PROV, PROVINCE, GK, CF),
    ("Giấy khen của Giám đốc Công an tỉnh", PROV, PROVINCE, GK, CF),
    ("Giấy khen Bộ Chỉ huy Quân sự tỉnh", PROV, PROVINCE, GK, CF),
    ("giấy khen sở nội vụ", PROV, PROVINCE, GK, CF),
    ("Nông dân sản xuất kinh doanh giỏi cấp tỉnh", PROV, PROVINCE, TITLE, ET),
    ("Thanh niên tình nguyện tiêu biểu cấp tỉnh", PROV, PROVINCE, TITLE, ET),
    ("Huy chương vàng Hội khỏe Phù Đổng toàn tỉnh", PROV, PROVINCE, OTHER, CF),
    ("Bằng khen", PROV, PROVINCE, BK, CF),
    # The former district levels (abolished on 1/7/2025): history
    ("Giấy khen của Chủ tịch UBND huyện Hòa An", DIST, COMMUNE, GK, CF),
    ("Giấy khen cấp huyện", DIST, COMMUNE, GK, CF),
    ("GIẤY KHEN UBND HUYỆN HÀ QUẢNG", DIST, COMMUNE, GK, CF),
    ("giay khen chu tich ubnd huyen quang uyen", DIST, COMMUNE, GK, CF),
    ("Giấy khen của Huyện đoàn Nguyên Bình", DIST, COMMUNE, GK, CF),
    ("Giấy khen của Ban Thường vụ Huyện ủy", DIST, COMMUNE, GK, CF),
    ("Giấy khen Phòng Giáo dục và Đào tạo huyện", DIST, COMMUNE, GK, CF),
    ("Giấy khen của Liên đoàn Lao động huyện Bảo Lạc", DIST, COMMUNE, GK, CF),
    ("Giấy khen của Chủ tịch UBND thành phố Cao Bằng", DIST, COMMUNE, GK, CF),
    ("Giấy khen Hội Liên hiệp Phụ nữ huyện Thạch An", DIST, COMMUNE, GK, CF),
    ("Bằng khen Chủ tịch UBND huyện", DIST, COMMUNE, BK, CF),
    ("Chiến sĩ thi đua cấp huyện", DIST, COMMUNE, TITLE, ET),
    ("Đơn vị tiên tiến cấp huyện", DIST, COMMUNE, TITLE, ET),
    # The commune
    ("Giấy khen của Đảng ủy xã", COMM, COMMUNE, GK, CF),
    ("Giấy khen của Ban Chấp hành Đoàn xã", COMM, COMMUNE, GK, CF),
    ("giay khen hoi nong dan xa", COMM, COMMUNE, GK, CF),
    ("Giấy khen của Ủy ban Mặt trận Tổ quốc xã", COMM, COMMUNE, GK, CF),
    ("Giấy khen", COMM, COMMUNE, GK, CF),
    ("Gương điển hình tiên tiến cấp xã", COMM, COMMUNE, TITLE, ET),
    ("Gia đình văn hóa tiêu biểu", COMM, COMMUNE, TITLE, ET),
]


@pytest.fixture(scope="module")
def names() -> AwardNames:
    return load_award_names()


def test_the_table_is_large_and_has_no_repeats() -> None:
    assert len(OUTSIDE_THE_CATALOG) >= 60
    assert len({n for n, *_ in OUTSIDE_THE_CATALOG}) == len(OUTSIDE_THE_CATALOG)


@pytest.mark.parametrize(("name", "body", "level", "form", "kind"), OUTSIDE_THE_CATALOG,
                         ids=[n for n, *_ in OUTSIDE_THE_CATALOG])
def test_issuer_level_and_kind_inferred_from_the_name(names: AwardNames, name: str, body: str, level: str,
                                                      form: str, kind: str) -> None:
    guess = names.infer(name)
    assert (guess.body, guess.level, guess.form, guess.award_kind) == (body, level, form, kind)
    assert guess.from_name  # no issuer column: marked as inferred


def test_an_issuer_column_decides_over_the_name(names: AwardNames) -> None:
    guess = names.infer("Giấy khen", "Chủ tịch UBND huyện Quảng Uyên")
    assert (guess.body, guess.level, guess.source, guess.from_name, guess.issuer) == (
        DIST, COMMUNE, "issuer", False, "")  # the file's own issuer is kept, not replaced
    # The form alone decides a Huân chương; an issuer that says the same is not an inference.
    assert names.infer("Huân chương Lao động hạng Ba", "Chủ tịch nước").from_name is False
    assert names.infer("Huân chương Lao động hạng Ba", "UBND tỉnh").body == PRES
    # An issuer that names no level leaves the name to decide.
    guess = names.infer("Bằng khen của Bộ Y tế", "Ông Nguyễn Văn A")
    assert (guess.body, guess.source, guess.from_name) == (MIN, "title", True)


def test_the_issuer_written_when_the_file_names_none(names: AwardNames) -> None:
    assert names.infer("Huân chương Lao động hạng Ba").issuer == "Chủ tịch nước"
    assert names.infer("Giấy khen của Chủ tịch UBND huyện Hòa An").issuer == "Chủ tịch UBND huyện Hòa An"
    assert names.infer("Giấy khen cấp huyện").issuer == "Chủ tịch Ủy ban nhân dân huyện"
    assert names.infer("Bằng khen của Bộ Y tế").issuer == "Bộ Y tế"
    assert names.infer("Giấy khen của Đảng ủy xã").issuer == "Đảng ủy xã"
    assert names.infer("Bằng khen").issuer == ""  # the achievement report's default for the level applies


# --- catalog matches -------------------------------------------------------------------------------

CATALOG_MATCHES = [
    ("Thôn văn hóa", "THON_VH"), ("Tổ dân phố văn hóa", "THON_VH"), ("to dan pho van hoa", "THON_VH"),
    ("XÓM VĂN HÓA", "THON_VH"), ("Bản văn hoá", "THON_VH"), ("Làng văn hóa", "THON_VH"),
    ("Chiến sĩ thi đua cấp Bộ, ngành, tỉnh, đoàn thể trung ương", "CSTD_TINH"),
    ("chien si thi dua cap bo", "CSTD_TINH"), ("Chiến sĩ thi đua bộ, ban, ngành, tỉnh", "CSTD_TINH"),
    ("Bằng khen của Chủ tịch UBND tỉnh Cao Bằng", "BK_TINH_CN"), ("BK tỉnh", "BK_TINH_CN"),
    ("Giấy khen của Chủ tịch UBND phường", "GK_XA_CN"), ("Giấy khen của UBND xã Quảng Uyên", "GK_XA_CN"),
    ("Bằng khen Chính phủ", "BK_TTG_CN"),
    ("Bằng khen của Thủ tướng Chính phủ về thành tích phòng, chống dịch COVID-19", "BK_TTG_CN"),
    ("Đơn vị quyết thắng", "TTLDXS"),
]


def _index(names: AwardNames) -> dict[str, set[str]]:
    """Catalog codes by match key, as the import's matcher builds them."""
    keys: dict[str, set[str]] = {}
    for award in load_catalog().awards:
        for text in (award.name_vi, award.short_vi):
            keys.setdefault(names.match_key(text), set()).add(award.code)
    for key, codes in names.synonym_items():
        keys.setdefault(key, set()).update(codes)
    return keys


@pytest.mark.parametrize(("name", "code"), CATALOG_MATCHES)
def test_synonyms_match_the_catalog(names: AwardNames, name: str, code: str) -> None:
    assert code in _index(names)[names.match_key(name)]


def test_no_name_of_the_table_matches_the_catalog(names: AwardNames) -> None:
    index = _index(names)
    assert [n for n, *_ in OUTSIDE_THE_CATALOG if names.match_key(n) in index] == []


def test_every_synonym_names_a_catalog_award_and_catalog_names_stay_apart(names: AwardNames) -> None:
    codes = set(load_catalog().codes)
    assert {c for _, cs in names.synonym_items() for c in cs} <= codes
    # Two catalog awards of different names never fold onto one key (LĐTT and LĐTT (NLĐ) share one name).
    by_name: dict[str, set[str]] = {}
    for award in load_catalog().awards:
        by_name.setdefault(names.match_key(award.name_vi), set()).add(award.name_vi)
    assert all(len(v) == 1 for v in by_name.values())


def test_the_province_can_extend_the_synonyms_as_data(tmp_path: Path) -> None:
    data = json.loads(resource_path("catalog/award_synonyms.json").read_text(encoding="utf-8"))
    data["synonyms"].append({"codes": ["THON_VH"], "names": ["Khu phố văn minh"]})
    path = tmp_path / "award_synonyms.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    extended = load_award_names(synonyms=path)
    assert extended.catalog_codes("KHU PHO VAN MINH") == ("THON_VH",)
    assert load_award_names().catalog_codes("Khu phố văn minh") == ()


@pytest.mark.parametrize(("change", "problem"), [
    (lambda d: d["form_rules"].append({"pattern": "(", "form": "order"}), "wrong_type"),
    (lambda d: d["form_rules"].append({"pattern": "^x", "form": "sash"}), "unknown_value"),
    (lambda d: d["bodies"]["president"].update(level="galaxy"), "unknown_value"),
    (lambda d: d.update(surprise=1), "unknown_key"),
])
def test_a_damaged_inference_file_is_refused_with_its_place(tmp_path: Path, change: Any, problem: str) -> None:
    data = json.loads(resource_path("catalog/award_inference.json").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "award_inference.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DomainError) as err:
        load_award_names(inference=path)
    assert (err.value.code, err.value.params["problem"]) == ("CATALOG_INVALID", problem)


# --- through an import -----------------------------------------------------------------------------


def _service(app: Any) -> ExcelImportService:
    return getattr(app, "excel_import", None) or ExcelImportService(app.db, app.actor, app.current_catalog)


def _write(path: Path, header: list[str], rows: list[list[Any]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Khen thưởng"
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _import(app: Any, path: Path) -> Any:
    service = _service(app)
    report = service.preview(service.analyse(path, "awards"))
    return report, service.commit(report)


def test_an_award_history_without_issuer_column_stores_the_inferred_level_and_kind(commune, tmp_path) -> None:  # type: ignore[no-untyped-def]
    person = commune.people.create(PersonInput("Hoàng Văn Minh", "male", birth="1960"))
    rows = [[i + 1, "Hoàng Văn Minh", 1960, 1990 + i % 35, name, f"{i + 1}/QĐ"]
            for i, (name, *_rest) in enumerate(OUTSIDE_THE_CATALOG)]
    path = _write(tmp_path / "lich_su_khen_thuong.xlsx",
                  ["STT", "Họ và tên", "Năm sinh", "Năm", "Danh hiệu, hình thức khen thưởng", "Số quyết định"], rows)
    report, result = _import(commune, path)
    # Every row is written, each with one warning: the name is not in the catalog (nothing else).
    assert {(r.action, tuple((p.column, p.code, p.severity) for p in r.problems)) for r in report.rows} == {
        ("create", (("E", "IMPORT_AWARD_NOT_IN_CATALOG", "warning"),))}
    assert result.awards_added == len(OUTSIDE_THE_CATALOG)
    first = report.rows[0].problems[0]
    assert first.message("vi").endswith("sẽ ghi là khen thưởng khác (hình thức khen thưởng: Huân chương; "
                                        "cấp khen: Chủ tịch nước, suy ra từ tên).")
    assert first.message("en").endswith("(commendation form: order; issued by the President, inferred from the name).")
    stored = {a["title"]: a for a in commune.records.awards_of(Subject(person_id=person.id))}
    assert {title: (a["issuing_body"], a["issuing_level"], a["award_form"], a["award_kind"], a["award_code"],
                    a["inferred_from_name"], a["source"]) for title, a in stored.items()} == {
        name: (body, level, form, kind, "OTHER", True, "import")
        for name, body, level, form, kind in OUTSIDE_THE_CATALOG}
    assert stored["Huân chương Lao động hạng Ba"]["issuer"] == "Chủ tịch nước"
    assert stored["Giấy khen của Chủ tịch UBND huyện Hòa An"]["issuer"] == "Chủ tịch UBND huyện Hòa An"


def test_an_issuer_column_is_kept_and_not_marked_as_inferred(commune, tmp_path) -> None:  # type: ignore[no-untyped-def]
    person = commune.people.create(PersonInput("Lục Thị Mai", "female", birth="1975"))
    path = _write(tmp_path / "co_cot_co_quan.xlsx",
                  ["STT", "Họ và tên", "Năm sinh", "Năm", "Hình thức khen thưởng", "Cơ quan ban hành"],
                  [[1, "Lục Thị Mai", 1975, 2019, "Giấy khen", "Chủ tịch UBND huyện Quảng Uyên"],
                   [2, "Lục Thị Mai", 1975, 2020, "Kỷ niệm chương Vì sự nghiệp giáo dục", "Thủ trưởng đơn vị"],
                   [3, "Lục Thị Mai", 1975, 2021, "Chiến sĩ thi đua cơ sở", "Chủ tịch UBND huyện Quảng Uyên"]])
    _report, result = _import(commune, path)
    assert result.awards_added == 3
    stored = [(a["award_code"], a["title"], a["issuing_body"], a["issuing_level"], a["award_form"],
               a["inferred_from_name"], a["issuer"])
              for a in commune.records.awards_of(Subject(person_id=person.id))]
    assert stored == [
        ("OTHER", "Giấy khen", DIST, COMMUNE, GK, False, "Chủ tịch UBND huyện Quảng Uyên"),
        # an issuer that names no level: the form's usual body, inferred
        ("OTHER", "Kỷ niệm chương Vì sự nghiệp giáo dục", MIN, CENTRAL, KNC, True, "Thủ trưởng đơn vị"),
        # a catalog title keeps the catalog's level; the issuer says it was the former district
        ("CSTDCS", "Chiến sĩ thi đua cơ sở", DIST, COMMUNE, TITLE, False, "Chủ tịch UBND huyện Quảng Uyên"),
    ]


def test_catalog_synonyms_in_an_import_and_the_national_title_counts_them(commune, tmp_path) -> None:  # type: ignore[no-untyped-def]
    person = commune.people.create(PersonInput("Nông Văn Dền", "male", birth="1970"))
    commune.collectives.create("Xóm Nà Vài", "village")
    path = _write(tmp_path / "dong_nghia.xlsx",
                  ["STT", "Họ và tên", "Năm sinh", "Tên tập thể", "Năm", "Danh hiệu thi đua"],
                  [[1, "Nông Văn Dền", 1970, None, 2022, "Chiến sĩ thi đua cấp Bộ, ngành, tỉnh, đoàn thể trung ương"],
                   [2, "Nông Văn Dền", 1970, None, 2025, "chien si thi dua cap tinh"],
                   [3, "Nông Văn Dền", 1970, None, 2021, "Bằng khen của Chủ tịch UBND tỉnh Cao Bằng"],
                   [4, None, None, "Xóm Nà Vài", 2023, "Thôn văn hóa"],
                   [5, None, None, "Xóm Nà Vài", 2024, "Tổ dân phố văn hóa"],
                   [6, None, None, "Xóm Nà Vài", 2025, "Xom van hoa"]])
    report, result = _import(commune, path)
    assert [(r.row, r.action, r.problems) for r in report.rows] == [(n, "create", []) for n in range(2, 8)]
    assert result.awards_added == 6
    mine = commune.records.awards_of(Subject(person_id=person.id))
    assert [(a["award_code"], a["year"], a["issuing_level"], a["inferred_from_name"]) for a in mine] == [
        ("BK_TINH_CN", 2021, PROVINCE, False), ("CSTD_TINH", 2022, PROVINCE, False),
        ("CSTD_TINH", 2025, PROVINCE, False)]
    village = commune.collectives.search("na vai")[0][0]
    assert [(a["award_code"], a["year"]) for a in commune.records.awards_of(Subject(collective_id=village.id))] == [
        ("THON_VH", 2023), ("THON_VH", 2024), ("THON_VH", 2025)]
    # Chiến sĩ thi đua toàn quốc: "02 lần liên tục" the provincial title (Law Art. 21) counts both.
    with commune.db.reader() as session:
        row = session.get(Person, person.id)
        decision = evaluate(candidate_for_person(row), load_catalog().award("CSTD_TQ"),
                            load_history(session, person.id, None, 2025), date(2026, 1, 15), 2025)
    streak = next(r for r in decision.reasons if r.criterion_id == "cstd_tinh_2_times")
    assert streak.outcome is Outcome.PASS
