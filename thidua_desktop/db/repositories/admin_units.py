"""Administrative units come from the maintained ``vietnam-provinces`` package (post-1/7/2025
units per Resolution 1657/NQ-UBTVQH15 for Cao Bằng) and are copied into the database so the
province can later push corrections in a bundle."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from ..models import AdminUnit

SOURCE = "vietnam-provinces (PyPI), đơn vị hành chính sau 1/7/2025"


def province_units(province_code: str) -> list[tuple[str, str, str]]:
    """(code, name, division type) of the province itself and its communes and wards."""
    from vietnam_provinces import Province, ProvinceCode, Ward

    province = Province.from_code(ProvinceCode(int(province_code)))
    units = [(f"{int(province_code):02d}", province.name, province.division_type.value)]
    for ward in Ward.iter_all():
        if int(ward.province_code) == int(province_code):
            units.append((f"{int(ward.code):05d}", ward.name, ward.division_type.value))
    return units


def find_unit(unit_code: str) -> tuple[str, str, str, str] | None:
    """(code, name, division type, province code) for a province (2 digits) or commune/ward (5 digits)."""
    from vietnam_provinces import Province, ProvinceCode, Ward, WardCode

    code = unit_code.strip()
    if not code.isdigit():
        return None
    try:
        if len(code) <= 2:
            p = Province.from_code(ProvinceCode(int(code)))
            return (f"{int(code):02d}", p.name, p.division_type.value, f"{int(code):02d}")
        w = Ward.from_code(WardCode(int(code)))
        return (f"{int(code):05d}", w.name, w.division_type.value, f"{int(w.province_code):02d}")
    except ValueError:
        return None


def stored_units(session: Session) -> list[AdminUnit]:
    """Every administrative unit in the database (as seeded, or as the province corrected it), by code."""
    return session.query(AdminUnit).order_by(AdminUnit.code).all()


def stored_units_of_province(session: Session, province_code: str) -> list[AdminUnit]:
    """The province's units in the database, by code."""
    return session.query(AdminUnit).filter(AdminUnit.province_code == province_code).order_by(AdminUnit.code).all()


def seed(session: Session, province_code: str, key: Callable[[str], str]) -> int:
    existing = {u.code for u in session.query(AdminUnit).filter_by(province_code=province_code)}
    added = 0
    for code, name, division in province_units(province_code):
        if code not in existing:
            session.add(AdminUnit(code=code, name=name, division_type=division, province_code=province_code,
                                  search_key=key(name), source=SOURCE))
            added += 1
    return added
