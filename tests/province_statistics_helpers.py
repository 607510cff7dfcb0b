"""The province of tests/province_overview_helpers.py (three communes) with awards, movements and
indicator reports entered at two communes and delivered in real bundles, for the province's
statistics (service and screen).

- Xã Quảng Uyên: four people (two women, one Tày direct worker in a border village …) and a
  collective with awards of 2026 at commune, province and central level, one award of 2025; a
  movement "PT-2026" with a count (models built) and a percentage (poor households) reported twice;
- Xã Đông Khê (its first bundle waits for the fingerprint; ``deliver`` confirms it): two people
  and a household with awards, the same movement code with the same indicators."""

from __future__ import annotations

from pathlib import Path

from province_overview_helpers import DONG_KHE, QUANG_UYEN, Offices, build
from sync_helpers import deliver

from thidua_desktop.bootstrap import App
from thidua_desktop.services.movements import IndicatorInput, MovementInput
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject


def _movement(app: App, reports: list[tuple[str, int, float, float]]) -> None:
    """PT-2026 with its two indicators; ``reports``: (day, participants, models, poor-household %)."""
    movement = app.movements.create(MovementInput(
        "PT-2026", "Thi đua thực hiện Chỉ thị 12/CT-UBND", launch_level="province", kind="thematic",
        period_start="01/01/2026", period_end="31/12/2030",
        indicators=[IndicatorInput("Mô hình kinh tế mới", "mô hình", 0, 10),
                    IndicatorInput("Tỷ lệ hộ nghèo", "%", 20, 10, kind="percentage", direction="down")]))
    ids = {str(i["name"]): str(i["id"]) for i in app.movements.indicators(movement)}
    for day, participants, models, poor in reports:
        app.movements.record_activity(movement_id=movement, held_on=day, participants_total=participants,
                                      description="Báo cáo định kỳ",
                                      indicator_values={ids["Mô hình kinh tế mới"]: models,
                                                        ids["Tỷ lệ hộ nghèo"]: poor})


def _award(app: App, subject: Subject, code: str, year: int, level: str = "commune", kind: str = "regular") -> None:
    app.records.add_award(subject, award_code=code, year=year, issuing_level=level, commendation_kind=kind,
                          decision_number=f"{year}/QĐ")


def fill_quang_uyen(app: App) -> None:
    border = app.office.add_village("Xóm Pác Bó", is_border=True)
    mai = app.people.create(PersonInput("Hà Thị Mai", "female", birth="1980", ethnicity="Tày",
                                        is_direct_worker=True, village_id=border.id))
    lan = app.people.create(PersonInput("Trần Thị Lan", "female", birth="1982", ethnicity="Kinh"))
    duc = app.people.create(PersonInput("Nông Văn Đức", "male", birth="1979", ethnicity="Nùng"))
    binh = app.people.create(PersonInput("Lê Văn Bình", "male", birth="1975", ethnicity="Kinh"))
    school = app.collectives.create("Trường Tiểu học Quảng Uyên", "school")
    _award(app, Subject(person_id=mai.id), "LDTT", 2026)
    _award(app, Subject(person_id=mai.id), "BK_TINH_CN", 2026, "province", "thematic")
    _award(app, Subject(person_id=lan.id), "CSTDCS", 2026)
    _award(app, Subject(person_id=duc.id), "GK_XA_CN", 2026, "commune", "ad_hoc")
    _award(app, Subject(person_id=binh.id), "BK_TTG_CN", 2026, "central")
    _award(app, Subject(person_id=binh.id), "LDTT", 2025)
    _award(app, Subject(collective_id=school.id), "TTLDTT", 2026)
    _movement(app, [("30/06/2026", 100, 3, 18.0), ("30/11/2026", 200, 2, 15.0)])


def fill_dong_khe(app: App) -> None:
    hoa = app.people.create(PersonInput("Đinh Thị Hoa", "female", birth="1990", ethnicity="Mông",
                                        is_direct_worker=True))
    son = app.people.create(PersonInput("Vi Văn Sơn", "male", birth="1988", ethnicity="Dao"))
    home = app.collectives.create("Hộ ông Vi Văn Sơn", "household")
    _award(app, Subject(person_id=hoa.id), "LDTT", 2026)
    _award(app, Subject(person_id=son.id), "LDTT", 2026)
    _award(app, Subject(person_id=son.id), "BK_TINH_CN", 2026, "province")
    _award(app, Subject(collective_id=home.id), "GD_VH", 2026)
    _movement(app, [("15/09/2026", 300, 4, 30.0)])


def build_with_figures(tmp: Path) -> Offices:
    offices = build(tmp)
    fill_quang_uyen(offices.communes[QUANG_UYEN])
    fill_dong_khe(offices.communes[DONG_KHE])
    for code in (QUANG_UYEN, DONG_KHE):
        deliver(offices.province, offices.communes[code], offices.send_up(code))
    return offices
