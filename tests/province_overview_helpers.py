"""A province with three enrolled communes in three different states, built from real offices
exchanging real bundles (tests/sync_helpers.py), for the province overview's service and screen:

- Xã Quảng Uyên (01576) sent three submitted dossiers; the province approved one, returned one
  and has the third waiting for review, and has sent nothing back yet;
- Xã Đông Khê (01786) sent its first bundle, which waits until its key is confirmed (blocked);
- Xã Lý Bôn (01294) was enrolled 45 days ago and has sent nothing (late).

Built once per process (and key folder), closed, and copied into each test's tmp_path (a build
takes about two seconds, a copy milliseconds); the caller closes the offices (``close``)."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from office_templates import fresh_office
from sqlalchemy import select
from sync_helpers import craft_bundle, deliver

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.db.models import Nomination, Person
from thidua_desktop.db.models.sync import QuarantinedRecord, SyncConflict, SyncImport, SyncPeer, WaitingBundle
from thidua_desktop.db.repositories import reviews as reviews_repo
from thidua_desktop.db.repositories.sync_rows import to_json
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.province_overview import CommuneRow, ProvinceOverviewService
from thidua_desktop.services.records import Subject

QUANG_UYEN, DONG_KHE, LY_BON = "01576", "01786", "01294"
SILENT_DAYS = 45


@dataclass
class Offices:
    province: App
    communes: dict[str, App]
    tmp: Path
    dossiers: dict[str, str] = field(default_factory=dict)  # "approved", "returned", "waiting" -> nomination id
    _usb: int = 0

    def stick(self) -> Path:
        """A fresh folder standing for a USB stick."""
        self._usb += 1
        return self.tmp / "usb" / str(self._usb)

    def send_up(self, code: str) -> Path:
        """The commune's next bundle for the province (not imported yet)."""
        [bundle] = self.communes[code].sync.export(self.stick()).files
        return bundle

    def send_down(self, code: str) -> dict[str, object]:
        """The province's bundle for the commune, imported there; returns the commune's report."""
        [bundle] = self.province.sync.export(self.stick(), to=code).files
        return self.communes[code].sync.import_bundle(bundle)

    def close(self) -> None:
        for app in (self.province, *self.communes.values()):
            app.close()


def enrol(province: App, tmp: Path, code: str) -> App:
    """A new commune office enrolled with ``province`` (its file loaded), not heard from yet."""
    enrolment = tmp / f"ket-noi-{code}.json"
    province.sync.export_enrollment(code, enrolment)
    commune = open_app(fresh_office(tmp / f"xa-{code}"), actor=f"xa-{code}")
    commune.office.init_office("commune", code)
    commune.sync.accept_enrollment(enrolment.read_bytes())
    return commune


def submit(app: App, name: str, batch_id: str) -> str:
    """A dossier for ``name`` voted by the council and submitted to the province; its id."""
    person = app.people.create(PersonInput(name, "female", birth="1985", ethnicity="Tày",
                                           employment_start="01/03/2015", position="Công chức"))
    app.records.set_rating(Subject(person_id=person.id), 2026, "excellent", "Kết quả xếp loại 2026")
    nomination = app.nominations.create(batch_id=batch_id, award_code="LDTT", person_id=person.id,
                                        as_of=date(2026, 11, 25))
    for status in ("council_voted", "submitted"):
        app.nominations.transition(nomination.id, status)
    return nomination.id


def backdate_enrolment(province: App, code: str, days: int) -> None:
    """The commune was enrolled ``days`` ago (the province's own bookkeeping row, nothing synced)."""
    with province.db.transaction("test") as session:
        peer = session.get(SyncPeer, code)
        assert peer is not None
        peer.enrolled_at = datetime.now() - timedelta(days=days)


# Built offices by this process's key folder: the folder and the dossier ids.
_BUILT: dict[str, tuple[Path, dict[str, str]]] = {}


def build(tmp: Path) -> Offices:
    """The three communes' story (see the module), in ``tmp``: a copy of this process's build."""
    cache_key = os.environ.get("THIDUA_CONFIG_DIR", "")
    if cache_key not in _BUILT:
        folder = Path(tempfile.mkdtemp(prefix="thidua-province-overview-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        built = _build(folder)
        _BUILT[cache_key] = (folder, dict(built.dossiers))
        built.close()
    folder, dossiers = _BUILT[cache_key]
    tmp.mkdir(parents=True, exist_ok=True)
    names = ["tinh", *(f"xa-{code}" for code in (QUANG_UYEN, DONG_KHE, LY_BON))]
    for name in names:
        shutil.copytree(folder / name, tmp / name, ignore=shutil.ignore_patterns("logs"))
    province = open_app(tmp / "tinh", actor="tinh")
    communes = {code: open_app(tmp / f"xa-{code}", actor=f"xa-{code}") for code in (QUANG_UYEN, DONG_KHE, LY_BON)}
    return Offices(province, communes, tmp, dossiers)


def _build(tmp: Path) -> Offices:
    province = open_app(fresh_office(tmp / "tinh"), actor="tinh")
    province.office.init_office("province", "04")
    province.sync.create_recovery_key(tmp / "recovery.tdkey")
    return play_story(province, tmp)


def play_story(province: App, tmp: Path) -> Offices:
    """The story of the module at ``province`` (set up, with its recovery key), with three new
    commune offices in ``tmp``."""
    offices = Offices(province, {code: enrol(province, tmp, code) for code in (QUANG_UYEN, DONG_KHE, LY_BON)}, tmp)
    quang_uyen = offices.communes[QUANG_UYEN]
    batch = quang_uyen.nominations.create_batch("Khen thưởng năm 2026", 2026).id
    for key, name in (("approved", "Đàm Thị Mai"), ("returned", "Nông Thị Hoa"), ("waiting", "Lý Thị Lan")):
        offices.dossiers[key] = submit(quang_uyen, name, batch)
    deliver(province, quang_uyen, offices.send_up(QUANG_UYEN))  # its first: confirmed on the phone, applied
    province.reviews.review(offices.dossiers["approved"], "approved")
    province.reviews.review(offices.dossiers["returned"], "returned", "Thiếu biên bản bình xét")

    dong_khe = offices.communes[DONG_KHE]
    dong_khe.people.create(PersonInput("Hoàng Văn Đức", "male"))
    with pytest.raises(DomainError) as waits:
        province.sync.import_bundle(offices.send_up(DONG_KHE))
    assert waits.value.code == "BUNDLE_WAITS_FOR_FINGERPRINT"

    backdate_enrolment(province, LY_BON, SILENT_DAYS)
    return offices


# The same counts read row by row ------------------------------------------------------------------
COUNTS = ("waiting_review", "returned_open", "results_unsent", "conflicts", "quarantined", "keys_waiting",
          "bundles_waiting")


def counted(row: CommuneRow) -> dict[str, int]:
    return {name: getattr(row, name) for name in COUNTS}


def from_the_database(app: App) -> dict[str, dict[str, int]]:
    """The overview's counts per commune, read row by row with the review rules of
    repositories/reviews.py (the service counts in a few grouped queries)."""
    out: dict[str, dict[str, int]] = {}
    with app.db.reader() as session:
        peers = session.scalars(select(SyncPeer).where(SyncPeer.role == "commune")).all()
        conflicts = session.scalars(select(SyncConflict).where(SyncConflict.resolved_at.is_(None))).all()
        for peer in peers:
            node = peer.node_id
            nominations = session.scalars(select(Nomination).where(
                Nomination.origin_node == node, Nomination.deleted.is_(False))).all() if node else []
            latest = reviews_repo.latest_reviews(session, [n.id for n in nominations])
            sent = {str(k): int(v) for k, v in (peer.sent_upto or {}).items()}
            waiting = returned = unsent = 0
            for n in nominations:
                review = latest.get(n.id)
                if reviews_repo.effective_state(n, review).status in ("submitted", "received", "in_review"):
                    waiting += 1
                if review is None:
                    continue
                resubmitted = n.status == "submitted" and (n.origin_epoch, n.version) > (
                    review.reviewed_epoch, review.reviewed_version)
                returned += review.status == "returned" and not resubmitted
                unsent += review.status in ("approved", "returned", "rejected") and review.version > sent.get(
                    str(review.origin_epoch), 0)
            imports = {i.bundle_id for i in session.scalars(select(SyncImport).where(SyncImport.peer_node_id == node))}
            quarantined = sum(1 for q in session.scalars(select(QuarantinedRecord)) if q.resolved_at is None
                              and q.bundle_id in imports) if node else 0
            held = session.scalars(select(WaitingBundle).where(WaitingBundle.peer_code == peer.unit_code)).all()
            out[peer.unit_code] = {
                "waiting_review": waiting, "returned_open": returned, "results_unsent": unsent,
                "conflicts": sum(1 for c in conflicts if node and node in (c.winner.get("origin_node"),
                                                                           c.loser.get("origin_node"))),
                "quarantined": quarantined, "keys_waiting": len({h.fingerprint for h in held}),
                "bundles_waiting": len(held)}
    return out


def overview_rows(app: App, **kwargs: Any) -> dict[str, CommuneRow]:
    service = ProvinceOverviewService(app.db, app.actor, app.current_catalog)
    return {row.unit_code: row for row in service.overview(**kwargs).rows}


def agrees_with_the_database(app: App) -> dict[str, CommuneRow]:
    """The overview's rows by code, once their counts were found equal to ``from_the_database``."""
    shown = overview_rows(app)
    assert {code: counted(row) for code, row in shown.items()} == from_the_database(app)
    return shown


def send_bad_and_conflicting(offices: Offices) -> dict[str, Any]:
    """Xã Quảng Uyên's key signs a bundle with the same version of a person it sent, with other
    content (a bug, or a restored copy: a conflict), and a person whose birth date is no date (it
    waits in the quarantine); the province imports it. Returns the import report."""
    province, quang_uyen = offices.province, offices.communes[QUANG_UYEN]
    with quang_uyen.db.reader() as session:
        person = to_json(session.scalars(select(Person).where(Person.full_name == "Đàm Thị Mai")).one())
    conflicting = {**person, "full_name": "Đàm Thị Mai Khác"}
    broken = {**person, "id": "00000000-0000-4000-8000-0000000000b1", "birth_date": "không rõ", "version": 9_000}
    return province.sync.import_bundle(craft_bundle(quang_uyen, province, offices.tmp / "crafted.tdsync", {
        "people": [json.dumps(conflicting, ensure_ascii=False), json.dumps(broken, ensure_ascii=False)]}))
