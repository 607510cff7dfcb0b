"""A province reviewing dossiers from two communes, built from real offices exchanging real bundles
(the story of tests/province_overview_helpers.py, then more):

- Xã Quảng Uyên (01576): Đàm Thị Mai approved, Nông Thị Hoa returned, Lý Thị Lan waiting (all LĐTT,
  round "2026, annual"); then Hà Văn Tú (CCCD 004080001234) nominated for LĐTT 2026 in the same
  batch (its submission attached as a scanned PDF), and Hoàng Thị Thu in an ad-hoc batch
  (round "2026, ad hoc"); all submitted and imported;
- Xã Lý Bôn (01294): the same Hà Văn Tú (same CCCD) on its register, already granted LĐTT 2026
  there (QĐ số 12/QĐ-UBND), and Triệu Thị Nga submitted in its own "2026, annual" batch;
- Xã Đông Khê (01786): its first bundle still waits for its key (no dossier at the province).

Built once per process (and key folder) and copied into each test's folder; the caller closes
the offices (``Offices.close``)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

from office_templates import fresh_office
from province_overview_helpers import DONG_KHE, LY_BON, QUANG_UYEN, Offices, play_story, submit
from sync_helpers import deliver

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject

__all__ = ["AD_HOC", "ANNUAL", "CCCD", "DONG_KHE", "LY_BON", "QUANG_UYEN", "Offices", "build", "play_review_story",
           "resubmit"]

CCCD = "004080001234"
ANNUAL, AD_HOC = "2026:annual:", "2026:ad_hoc:"
CODES = (QUANG_UYEN, DONG_KHE, LY_BON)

_BUILT: dict[str, tuple[Path, dict[str, str]]] = {}


def build(tmp: Path) -> Offices:
    """The story of the module in ``tmp``: a copy of this process's build."""
    cache_key = os.environ.get("THIDUA_CONFIG_DIR", "")
    if cache_key not in _BUILT:
        folder = Path(tempfile.mkdtemp(prefix="thidua-review-queue-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        built = _build(folder)
        _BUILT[cache_key] = (folder, dict(built.dossiers))
        built.close()
    folder, dossiers = _BUILT[cache_key]
    tmp.mkdir(parents=True, exist_ok=True)
    for name in ["tinh", *(f"xa-{code}" for code in CODES)]:
        shutil.copytree(folder / name, tmp / name, ignore=shutil.ignore_patterns("logs"))
    province = open_app(tmp / "tinh", actor="tinh")
    communes = {code: open_app(tmp / f"xa-{code}", actor=f"xa-{code}") for code in CODES}
    return Offices(province, communes, tmp, dict(dossiers))


def _build(tmp: Path) -> Offices:
    province = open_app(fresh_office(tmp / "tinh"), actor="tinh")
    province.office.init_office("province", "04")
    province.sync.create_recovery_key(tmp / "recovery.tdkey")
    return play_review_story(province, tmp)


def play_review_story(province: App, tmp: Path) -> Offices:
    """The story of the module at ``province`` (set up, with its recovery key), with three new
    commune offices in ``tmp``."""
    offices = play_story(province, tmp)
    quang_uyen, ly_bon = offices.communes[QUANG_UYEN], offices.communes[LY_BON]

    moved = ly_bon.people.create(PersonInput("Hà Văn Tú", "male", birth="1980", cccd=CCCD))
    ly_bon.records.add_award(Subject(person_id=moved.id), award_code="LDTT", year=2026,
                             decision_number="12/QĐ-UBND", decision_date="20/11/2026")
    batch = ly_bon.nominations.create_batch("Khen thưởng năm 2026", 2026).id
    offices.dossiers["ly_bon"] = submit(ly_bon, "Triệu Thị Nga", batch)
    deliver(province, ly_bon, offices.send_up(LY_BON))  # its first bundle: confirmed on the phone

    offices.dossiers["twice"] = nominate(quang_uyen, "Hà Văn Tú", CCCD)
    scan = tmp / "to-trinh-ha-van-tu.pdf"  # the signed submission, scanned
    scan.write_bytes(b"%PDF-1.4\n% to trinh\n%%EOF\n")
    quang_uyen.nominations.attach_document(offices.dossiers["twice"], "TO_TRINH", scan)
    ad_hoc = quang_uyen.nominations.create_batch("Khen thưởng đột xuất", 2026, kind="ad_hoc").id
    offices.dossiers["ad_hoc"] = submit(quang_uyen, "Hoàng Thị Thu", ad_hoc)
    province.sync.import_bundle(offices.send_up(QUANG_UYEN))
    return offices


def nominate(app: App, name: str, cccd: str) -> str:
    """A man with this CCCD nominated for LĐTT 2026 in the commune's annual batch, submitted."""
    person = app.people.create(PersonInput(name, "male", birth="1980", cccd=cccd, ethnicity="Nùng",
                                           employment_start="01/01/2010", position="Công chức"))
    app.records.set_rating(Subject(person_id=person.id), 2026, "excellent", "Kết quả xếp loại 2026")
    [batch] = [b for b in app.nominations.batches() if b.kind == "annual"]
    nomination = app.nominations.create(batch_id=batch.id, award_code="LDTT", person_id=person.id,
                                        as_of=date(2026, 11, 25))
    for status in ("council_voted", "submitted"):
        app.nominations.transition(nomination.id, status)
    return nomination.id


def resubmit(app: App, nomination_id: str) -> None:
    """The commune takes a returned dossier back, corrects it and submits it again."""
    for status in ("draft", "council_voted", "submitted"):
        app.nominations.transition(nomination_id, status)
