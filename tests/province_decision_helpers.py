"""A province with two communes whose dossiers for provincial awards it approved, built from real
offices exchanging real bundles (tests/sync_helpers.py), for the provincial decisions and the
reward fund (services, screens):

- Xã Quảng Uyên (01576): Đàm Thị Mai for Chiến sĩ thi đua cấp tỉnh, Nông Văn Thắng for the
  provincial Bằng khen (an individual: no multiplier in the catalog), the Trường Tiểu học Quảng
  Uyên for the Bằng khen (a collective, 3.0), all approved; Lý Thị Lan for the Bằng khen, still in
  review; Hoàng Thị Thu for Lao động tiên tiến (the commune's own title, submitted
  for information);
- Xã Đông Khê (01786): Bế Văn Hùng for Chiến sĩ thi đua cấp tỉnh and the Hợp tác xã Đông Khê for
  the Bằng khen, both approved.

The province keeps its chairman (Hoàng Xuân Ánh) and, from 01/12/2026, a base salary of
2,530,000 đ beside the catalog's 2,340,000 đ (from 01/07/2024): a decision's date picks its base.

Built once per process (and key folder), closed, and copied into each test's tmp_path; the
caller closes the offices (``close``)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from office_templates import fresh_office
from province_overview_helpers import enrol
from sync_helpers import deliver

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.services.people import PersonInput

QUANG_UYEN, DONG_KHE = "01576", "01786"
CHAIRMAN = "Hoàng Xuân Ánh"
NEW_SALARY, NEW_SALARY_FROM = 2_530_000, "01/12/2026"
# (commune, key, name, award code, collective kind or None for a person, approved by the province)
DOSSIERS = (
    (QUANG_UYEN, "mai", "Đàm Thị Mai", "CSTD_TINH", None, True),
    (QUANG_UYEN, "thang", "Nông Văn Thắng", "BK_TINH_CN", None, True),
    (QUANG_UYEN, "school", "Trường Tiểu học Quảng Uyên", "BK_TINH_TT", "school", True),
    (QUANG_UYEN, "lan", "Lý Thị Lan", "BK_TINH_CN", None, False),
    (QUANG_UYEN, "thu", "Hoàng Thị Thu", "LDTT", None, True),
    (DONG_KHE, "hung", "Bế Văn Hùng", "CSTD_TINH", None, True),
    (DONG_KHE, "coop", "Hợp tác xã Đông Khê", "BK_TINH_TT", "cooperative", True),
)


@dataclass
class Offices:
    province: App
    communes: dict[str, App]
    tmp: Path
    dossiers: dict[str, str] = field(default_factory=dict)  # key -> nomination id
    subjects: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # key -> (person, collective)
    _usb: int = 0

    def stick(self) -> Path:
        self._usb += 1
        return self.tmp / "usb" / str(self._usb)

    def send_down(self, code: str) -> dict[str, object]:
        """The province's next bundle for the commune, imported there; the commune's report."""
        [bundle] = self.province.sync.export(self.stick(), to=code).files
        return self.communes[code].sync.import_bundle(bundle)

    def send_up(self, code: str) -> dict[str, object]:
        [bundle] = self.communes[code].sync.export(self.stick()).files
        return deliver(self.province, self.communes[code], bundle)

    def close(self) -> None:
        for app in (self.province, *self.communes.values()):
            app.close()


_BUILT: dict[str, tuple[Path, dict[str, str], dict[str, tuple[str | None, str | None]]]] = {}


def build(tmp: Path) -> Offices:
    """The story of the module in ``tmp``: a copy of this process's build."""
    cache_key = os.environ.get("THIDUA_CONFIG_DIR", "")
    if cache_key not in _BUILT:
        folder = Path(tempfile.mkdtemp(prefix="thidua-province-decisions-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        built = _build(folder)
        _BUILT[cache_key] = (folder, dict(built.dossiers), dict(built.subjects))
        built.close()
    folder, dossiers, subjects = _BUILT[cache_key]
    tmp.mkdir(parents=True, exist_ok=True)
    for name in ("tinh", f"xa-{QUANG_UYEN}", f"xa-{DONG_KHE}"):
        shutil.copytree(folder / name, tmp / name, ignore=shutil.ignore_patterns("logs"))
    province = open_app(tmp / "tinh", actor="tinh")
    communes = {code: open_app(tmp / f"xa-{code}", actor=f"xa-{code}") for code in (QUANG_UYEN, DONG_KHE)}
    return Offices(province, communes, tmp, dict(dossiers), dict(subjects))


def _build(tmp: Path) -> Offices:
    province = open_app(fresh_office(tmp / "tinh"), actor="tinh")
    province.office.init_office("province", "04")
    province.sync.create_recovery_key(tmp / "recovery.tdkey")
    return play_story(province, tmp)


def play_story(province: App, tmp: Path) -> Offices:
    """The story of the module at ``province`` (set up, with its recovery key), with two new
    commune offices in ``tmp`` (a PostgreSQL province plays it too: tests/pg)."""
    province.officials.add(role="chairman", full_name=CHAIRMAN, term_start="01/07/2025")
    province.settings.set_base_salary(NEW_SALARY, NEW_SALARY_FROM)
    offices = Offices(province, {code: enrol(province, tmp, code) for code in (QUANG_UYEN, DONG_KHE)}, tmp)
    batches = {code: app.nominations.create_batch("Khen thưởng năm 2026", 2026).id
               for code, app in offices.communes.items()}
    for code, key, name, award, kind, _approved in DOSSIERS:
        app = offices.communes[code]
        person_id = collective_id = None
        if kind is None:
            person_id = app.people.create(PersonInput(name, "female" if "Thị" in name else "male", birth="1984",
                                                      ethnicity="Tày", employment_start="01/03/2012",
                                                      position="Công chức")).id
        else:
            collective_id = app.collectives.create(name, kind, member_count=24, women_count=15).id
        nomination = app.nominations.create(batch_id=batches[code], award_code=award, person_id=person_id,
                                            collective_id=collective_id, as_of=date(2026, 11, 25),
                                            achievement_summary="Hoàn thành xuất sắc nhiệm vụ năm 2026")
        for status in ("council_voted", "submitted"):
            app.nominations.transition(nomination.id, status)
        offices.dossiers[key] = nomination.id
        offices.subjects[key] = (person_id, collective_id)
    for code in offices.communes:
        offices.send_up(code)
    for _code, key, _name, _award, _kind, approved in DOSSIERS:
        province.reviews.review(offices.dossiers[key], "approved" if approved else "in_review")
    return offices
