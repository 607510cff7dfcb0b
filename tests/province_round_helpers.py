"""A province and five communes, built from real offices exchanging real bundles (the enrolment of
tests/province_overview_helpers.py, the dossiers of tests/province_decision_helpers.py), for the
end-to-end round of issue 14 (tests/sync/test_province_round.py):

- each commune submits Bằng khen of the provincial chairman (BK_TINH_CN) for two of its people;
- xã Đông Khê also submits Hoàng Thị Thu, which the province leaves in review (never decided);
- Hà Văn Tú, CCCD 004080001234, is on the registers of xã Bảo Lâm (01290) and xã 01273, and both
  nominate him for the same Bằng khen: the planted cross-commune duplicate;
- every commune's bundle is imported at the province (the first one after the phone check).

Built once per process (and key folder), closed, and copied into each test's folder; the caller
closes the offices (``Offices.close``)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

from office_templates import fresh_office
from province_decision_helpers import CHAIRMAN, Offices
from province_overview_helpers import enrol

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.services.people import PersonInput

__all__ = ["AWARD", "BAO_LAM", "CODES", "COMMUNE_A", "COMMUNE_OF", "DONG_KHE", "LY_BON", "NAME_OF", "QUANG_UYEN",
           "TWICE_CCCD", "Offices", "build"]

QUANG_UYEN, DONG_KHE, LY_BON, COMMUNE_A, BAO_LAM = "01576", "01786", "01294", "01273", "01290"
CODES = (QUANG_UYEN, DONG_KHE, LY_BON, COMMUNE_A, BAO_LAM)
TWICE_CCCD = "004080001234"
AWARD = "BK_TINH_CN"
# (commune, key, name, CCCD); every one is nominated for AWARD
DOSSIERS = (
    (QUANG_UYEN, "mai", "Đàm Thị Mai", ""),
    (QUANG_UYEN, "thang", "Nông Văn Thắng", ""),  # returned by the province, fixed, resubmitted
    (DONG_KHE, "hung", "Bế Văn Hùng", ""),
    (DONG_KHE, "thu", "Hoàng Thị Thu", ""),  # left in review: never decided
    (LY_BON, "nga", "Triệu Thị Nga", ""),
    (LY_BON, "tai", "Lục Văn Tài", ""),
    (COMMUNE_A, "hanh", "Lương Thị Hạnh", ""),
    (COMMUNE_A, "tu_a", "Hà Văn Tú", TWICE_CCCD),
    (BAO_LAM, "hang", "Vi Thị Hằng", ""),
    (BAO_LAM, "tu_b", "Hà Văn Tú", TWICE_CCCD),  # the same man again: returned as the duplicate
)
COMMUNE_OF = {key: code for code, key, _name, _cccd in DOSSIERS}
NAME_OF = {key: name for _code, key, name, _cccd in DOSSIERS}

_BUILT: dict[str, tuple[Path, dict[str, str], dict[str, tuple[str | None, str | None]]]] = {}


def build(tmp: Path) -> Offices:
    """The story of the module in ``tmp``: a copy of this process's build."""
    cache_key = os.environ.get("THIDUA_CONFIG_DIR", "")
    if cache_key not in _BUILT:
        folder = Path(tempfile.mkdtemp(prefix="thidua-province-round-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        built = _build(folder)
        _BUILT[cache_key] = (folder, dict(built.dossiers), dict(built.subjects))
        built.close()
    folder, dossiers, subjects = _BUILT[cache_key]
    tmp.mkdir(parents=True, exist_ok=True)
    for name in ("tinh", *(f"xa-{code}" for code in CODES)):
        shutil.copytree(folder / name, tmp / name, ignore=shutil.ignore_patterns("logs"))
    province = open_app(tmp / "tinh", actor="tinh")
    communes = {code: open_app(tmp / f"xa-{code}", actor=f"xa-{code}") for code in CODES}
    return Offices(province, communes, tmp, dict(dossiers), dict(subjects))


def _build(tmp: Path) -> Offices:
    province = open_app(fresh_office(tmp / "tinh"), actor="tinh")
    province.office.init_office("province", "04")
    province.sync.create_recovery_key(tmp / "recovery.tdkey")
    province.officials.add(role="chairman", full_name=CHAIRMAN, term_start="01/07/2025")
    offices = Offices(province, {code: enrol(province, tmp, code) for code in CODES}, tmp)
    batches = {code: app.nominations.create_batch("Khen thưởng năm 2026", 2026).id
               for code, app in offices.communes.items()}
    for code, key, name, cccd in DOSSIERS:
        app: App = offices.communes[code]
        gender, birth = "female" if "Thị" in name else "male", "1980" if cccd else "1984"  # as the CCCD says
        person = app.people.create(PersonInput(name, gender, birth=birth, cccd=cccd, ethnicity="Tày",
                                               employment_start="01/03/2012", position="Công chức"))
        nomination = app.nominations.create(batch_id=batches[code], award_code=AWARD, person_id=person.id,
                                            as_of=date(2026, 11, 25),
                                            achievement_summary="Hoàn thành xuất sắc nhiệm vụ năm 2026")
        for status in ("council_voted", "submitted"):
            app.nominations.transition(nomination.id, status)
        offices.dossiers[key] = nomination.id
        offices.subjects[key] = (person.id, None)
    for code in CODES:
        offices.send_up(code)  # each commune's first bundle: confirmed on the phone, applied
    return offices
