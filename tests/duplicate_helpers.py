"""A province with duplicates planted across its communes, built from real offices exchanging real
bundles (the three communes of tests/province_overview_helpers.py), for the duplicates service,
screen and screenshot:

- Hà Thị Nga, CCCD 004185001234, on the registers of xã Quảng Uyên and xã Lý Bôn, nominated by
  both (LĐTT and CSTĐ cơ sở 2026); their award histories disagree: the decision numbers of her
  LĐTT 2024 differ, and Lý Bôn lacks her CSTĐ cơ sở 2025;
- Hoàng Văn Hòa (Quảng Uyên) and Hoàng Văn Hoà (Lý Bôn, stored in NFD by an older app), no CCCD,
  born 02/09/1979, Nùng: both nominated for LĐTT 2026, the same achievement twice;
- Lý Thị Lan (Quảng Uyên) nominated for LĐTT 2026 in two batches of the same year;
- Triệu Văn Sáng, CCCD 004079009876, on Quảng Uyên's register, and a record with the same CCCD
  from xã Đông Khê that the province holds back in the sync quarantine (its village has not arrived).

Built once per process (and key folder), closed, and copied into each test's folder; the caller
closes the offices (``close``)."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from province_overview_helpers import DONG_KHE, LY_BON, QUANG_UYEN, Offices, build
from sqlalchemy import select
from sync_helpers import craft_bundle, deliver

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.db.models import Person, Village
from thidua_desktop.db.repositories.sync_rows import to_json
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject

NGA_CCCD = "004185001234"
SANG_CCCD = "004079009876"
HELD_VILLAGE = "00000000-0000-4000-8000-00000000d0c1"  # the village Đông Khê's record waits for
HELD_PERSON = "00000000-0000-4000-8000-00000000d0c2"


@dataclass
class Planted:
    offices: Offices
    ids: dict[str, str] = field(default_factory=dict)  # what the story made, by name

    @property
    def province(self) -> App:
        return self.offices.province

    def commune(self, code: str) -> App:
        return self.offices.communes[code]

    def close(self) -> None:
        self.offices.close()


def register(app: App, name: str, *, cccd: str = "", birth: str = "", ethnicity: str = "Tày",
             gender: str = "female") -> str:
    person = app.people.create(PersonInput(name, gender, birth=birth, ethnicity=ethnicity, cccd=cccd,
                                           employment_start="01/03/2015", position="Công chức"))
    app.records.set_rating(Subject(person_id=person.id), 2026, "excellent", "Kết quả xếp loại 2026")
    return person.id


def nominate(app: App, person_id: str, award: str, batch_id: str) -> str:
    """A nomination voted by the council and submitted to the province; its id."""
    nomination = app.nominations.create(batch_id=batch_id, award_code=award, person_id=person_id,
                                        as_of=date(2026, 11, 25))
    for status in ("council_voted", "submitted"):
        app.nominations.transition(nomination.id, status)
    return nomination.id


def batch_of(app: App, name: str = "Khen thưởng năm 2026") -> str:
    return app.nominations.create_batch(name, 2026).id


def plant(offices: Offices) -> Planted:
    planted = Planted(offices)
    ids = planted.ids
    quang_uyen, ly_bon, dong_khe = (offices.communes[c] for c in (QUANG_UYEN, LY_BON, DONG_KHE))
    qu_batch, lb_batch = batch_of(quang_uyen), batch_of(ly_bon)

    ids["nga_qu"] = register(quang_uyen, "Hà Thị Nga", cccd=NGA_CCCD, birth="12/03/1985")
    ids["nga_qu_nomination"] = nominate(quang_uyen, ids["nga_qu"], "LDTT", qu_batch)
    subject = Subject(person_id=ids["nga_qu"])
    quang_uyen.records.add_award(subject, award_code="LDTT", year=2024, decision_number="15/QĐ-UBND",
                                 decision_date="20/12/2024")
    quang_uyen.records.add_award(subject, award_code="CSTDCS", year=2025, decision_number="21/QĐ-UBND",
                                 decision_date="22/12/2025")
    ids["nga_lb"] = register(ly_bon, "Hà Thị Nga", cccd=NGA_CCCD, birth="12/03/1985")
    ids["nga_lb_nomination"] = nominate(ly_bon, ids["nga_lb"], "CSTDCS", lb_batch)
    ly_bon.records.add_award(Subject(person_id=ids["nga_lb"]), award_code="LDTT", year=2024,
                             decision_number="16/QĐ-UBND", decision_date="20/12/2024")

    ids["hoa_qu"] = register(quang_uyen, "Hoàng Văn Hòa", birth="02/09/1979", ethnicity="Nùng", gender="male")
    ids["hoa_qu_nomination"] = nominate(quang_uyen, ids["hoa_qu"], "LDTT", qu_batch)
    ids["hoa_lb"] = register(ly_bon, "Hoàng Văn Hoà", birth="02/09/1979", ethnicity="Nùng", gender="male")
    ids["hoa_lb_nomination"] = nominate(ly_bon, ids["hoa_lb"], "LDTT", lb_batch)
    with ly_bon.db.transaction("older app") as session:  # an older app stored the name as typed, in NFD
        person = session.get(Person, ids["hoa_lb"])
        assert person is not None
        person.full_name = unicodedata.normalize("NFD", "Hoàng Văn Hoà")

    with quang_uyen.db.reader() as session:
        ids["lan"] = session.scalars(select(Person.id).where(Person.full_name == "Lý Thị Lan")).one()
    ids["lan_second"] = nominate(quang_uyen, ids["lan"], "LDTT", batch_of(quang_uyen, "Khen thưởng chuyên đề 2026"))
    ids["sang_qu"] = register(quang_uyen, "Triệu Văn Sáng", cccd=SANG_CCCD, birth="05/06/1979", gender="male",
                              ethnicity="Dao")

    deliver(offices.province, quang_uyen, offices.send_up(QUANG_UYEN))
    deliver(offices.province, ly_bon, offices.send_up(LY_BON))  # its first bundle: confirmed, applied
    deliver(offices.province, dong_khe, offices.send_up(DONG_KHE))  # confirms the one waiting, applies both
    send_held_back_sang(planted)
    return planted


def send_held_back_sang(planted: Planted) -> dict[str, Any]:
    """Đông Khê's key signs a record of Triệu Văn Sáng (Quảng Uyên's CCCD) in a village the
    province does not hold yet: the province holds it back in the quarantine."""
    dong_khe = planted.commune(DONG_KHE)
    with dong_khe.db.reader() as session:
        template = to_json(session.scalars(select(Person)).first())  # type: ignore[arg-type]
    record = {**template, "id": HELD_PERSON, "full_name": "Triệu Văn Sáng", "search_key": "trieu van sang",
              "family_name": "Triệu", "middle_name": "Văn", "given_name": "Sáng", "gender": "male",
              "cccd": SANG_CCCD, "birth_date": "1979-06-05", "birth_year": 1979, "ethnicity_code": "09",
              "village_id": HELD_VILLAGE, "version": int(template["version"]) + 50}
    planted.ids["sang_dk"] = HELD_PERSON
    bundle = craft_bundle(dong_khe, planted.province, planted.offices.tmp / "held-back.tdsync",
                          {"people": [json.dumps(record, ensure_ascii=False)]})
    return planted.province.sync.import_bundle(bundle)


def send_missing_village(planted: Planted) -> dict[str, Any]:
    """The village Đông Khê's held-back record names arrives: the record applies at this import."""
    dong_khe = planted.commune(DONG_KHE)
    office = dong_khe.office.office()
    village = {"id": HELD_VILLAGE, "origin_node": office.node_id, "origin_epoch": office.epoch, "version": 9_000,
               "clock": 9_000, "updated_at": "2026-12-01T08:00:00", "deleted": False, "name": "Bản Giới",
               "search_key": "ban gioi", "kind": "ban", "commune_code": DONG_KHE, "is_border": True,
               "is_remote": True}
    assert set(village) >= {c.key for c in Village.__table__.columns}
    bundle = craft_bundle(dong_khe, planted.province, planted.offices.tmp / "village.tdsync",
                          {"villages": [json.dumps(village, ensure_ascii=False)]})
    return planted.province.sync.import_bundle(bundle)


# Built stories by this process's key folder: the folder and the ids.
_BUILT: dict[str, tuple[Path, dict[str, str]]] = {}


def planted_province(tmp: Path) -> Planted:
    """The story of this module in ``tmp``: a copy of this process's build."""
    cache_key = os.environ.get("THIDUA_CONFIG_DIR", "")
    if cache_key not in _BUILT:
        folder = Path(tempfile.mkdtemp(prefix="thidua-duplicates-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        built = plant(build(folder))
        _BUILT[cache_key] = (folder, dict(built.ids))
        built.close()
    folder, ids = _BUILT[cache_key]
    tmp.mkdir(parents=True, exist_ok=True)
    names = ["tinh", *(f"xa-{code}" for code in (QUANG_UYEN, DONG_KHE, LY_BON))]
    for name in names:
        shutil.copytree(folder / name, tmp / name, ignore=shutil.ignore_patterns("logs"))
    province = open_app(tmp / "tinh", actor="tinh")
    communes = {code: open_app(tmp / f"xa-{code}", actor=f"xa-{code}") for code in (QUANG_UYEN, DONG_KHE, LY_BON)}
    return Planted(Offices(province, communes, tmp), dict(ids))


# What the story plants, finding by finding: (kind, what says it is one person, the communes involved).
EXPECTED = sorted([
    ("same_person", "SAME_CCCD", (QUANG_UYEN, DONG_KHE)),  # Triệu Văn Sáng, held back at Đông Khê
    ("same_person", "SAME_CCCD", (LY_BON, QUANG_UYEN)),  # Hà Thị Nga
    ("same_achievement", "SAME_RECORD", (QUANG_UYEN,)),  # Lý Thị Lan
    ("same_achievement", "SAME_NAME_BIRTH_ETHNICITY", (LY_BON, QUANG_UYEN)),  # Hoàng Văn Hòa / Hoà
    ("history_conflict", "SAME_CCCD", (LY_BON, QUANG_UYEN)),  # Hà Thị Nga's awards
])


def summary(app: App) -> list[tuple[str, str, tuple[str, ...]]]:
    """The open findings as (kind, reason, sorted commune codes), sorted."""
    return sorted((v.kind, v.reason, tuple(sorted(v.commune_codes))) for v in app.duplicates.findings())
