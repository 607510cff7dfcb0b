"""Fast, realistic commune offices and their bundles, cached by parameters.

An office is made by the app itself (``open_app``, ``init_office``, the enrolment, villages and
nomination batches through the services), then its register is written with Core ``insert()``
over the real ORM tables: people with Vietnamese names, birth dates, ethnic groups and CCCDs,
their award history, annual ratings, and nominations with their dossier checklist and history.
Every row carries the sync columns the app's own writes would (origin node and epoch, the
office's change counter as ``version``, the Lamport clock), and the office's counters are moved
past them, so the app's real export path (``app.sync.export``) writes real bundles. About 30 s a
commune through the demo builder; about a second here.

Before the register is written, each commune exports an empty first bundle: a province copy that
imported it and confirmed the commune's fingerprint is the "province that has heard from the
commune before" the timed imports start from (the fingerprint call is not what is measured)."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .common import ROOT, log

PROVINCE = "04"  # Cao Bằng: 56 communes and wards since 1/7/2025
TODAY = date(2026, 11, 25)
YEAR = 2026
GEN_VERSION = 6  # bump when the generated rows or the schema under one migration name change (6: 0022 name index)
DUPLICATE_EVERY = 2000  # one person in 2,000 is also on the previous commune's register (same CCCD)
DUPLICATE_AT = 250  # ... the one at this position in each block of 2,000 (a villager, never an official)
CHUNK = 5000


def set_config(cache: Path) -> None:
    """Every process shares the cache's key-encryption keys, so cached offices and bundles open."""
    os.environ["THIDUA_CONFIG_DIR"] = str(cache / "config")
    os.environ.setdefault("THIDUA_DOC_FONT", "bundled")


def schema_tag() -> str:
    """Part of every cache key: a bundle made by another schema or container format is remade."""
    from thidua_desktop.sync.container_format import FORMAT_VERSION

    names = sorted(p.name for p in (ROOT / "thidua_desktop" / "db" / "migrations" / "versions").glob("0*.py"))
    text = json.dumps([GEN_VERSION, FORMAT_VERSION, names])
    return hashlib.sha256(text.encode()).hexdigest()[:10]


def province_codes() -> list[str]:
    from thidua_desktop.db.repositories.admin_units import province_units

    return [code for code, _name, _kind in province_units(PROVINCE)[1:]]


def home_commune() -> str:
    """The commune the one-commune figures use: Xã Quảng Uyên (the demo's), else the first xã."""
    from thidua_desktop.db.repositories.admin_units import province_units

    units = province_units(PROVINCE)[1:]
    codes = [code for code, _name, kind in units if kind == "xã"]
    return "01576" if "01576" in codes else codes[0]


def copy_office(source: Path, dest: Path) -> Path:
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("logs", "backups"))
    return dest


# The province, and its enrolment of each commune ------------------------------------------------
def province_base(cache: Path) -> Path:
    """The province (enrolment files in ``enrol/``, made as communes are needed), built once."""
    folder = cache / f"province-{schema_tag()}"
    if (folder / "done").exists():
        return folder
    from thidua_desktop.bootstrap import open_app

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    log(f"  building the province {PROVINCE} …")
    province = open_app(folder / "tinh", actor="Sở Nội vụ")
    try:
        province.office.init_office("province", PROVINCE)
        province.sync.create_recovery_key(folder / "recovery.tdkey")
    finally:
        province.close()
    (folder / "done").write_text("ok")
    return folder


def ensure_enrolled(cache: Path, codes: Iterable[str]) -> None:
    """The province's enrolment file for each commune that has none yet, in one opening of the
    province (before any worker reads them; the province copies are made after this)."""
    folder = province_base(cache)
    missing = sorted({c for c in codes if not (folder / "enrol" / f"{c}.json").exists()})
    if not missing:
        return
    from thidua_desktop.bootstrap import open_app

    province = open_app(folder / "tinh", actor="Sở Nội vụ")
    try:
        for code in missing:
            province.sync.export_enrollment(code, folder / "enrol" / f"{code}.json")
    finally:
        province.close()


def confirmed_province(cache: Path, name: str, firsts: list[tuple[str, Path]]) -> Path:
    """A copy of the province that has imported each commune's empty first bundle and confirmed
    its fingerprint (as the officer does after the phone call); cached under ``name``."""
    base = province_base(cache)
    # Named by the first bundles too: a commune made again (new keys) gets a province that trusts it.
    digest = hashlib.sha256(b"".join(first.read_bytes() for _code, first in firsts)).hexdigest()[:10]
    folder = cache / f"confirmed-{schema_tag()}" / f"{name}-{digest}"
    if (folder / "done").exists():
        return folder / "tinh"
    from thidua_desktop.bootstrap import open_app

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    copy_office(base / "tinh", folder / "tinh")
    province = open_app(folder / "tinh", actor="Sở Nội vụ")
    try:
        confirm_firsts(province, firsts)
    finally:
        province.close()
    (folder / "done").write_text("ok")
    return folder / "tinh"


def confirm_firsts(province: Any, firsts: list[tuple[str, Path]]) -> None:
    """The open province imports each commune's empty first bundle, which waits, and the officer
    confirms the commune's fingerprint (after the phone call): set-up, never timed."""
    from thidua_desktop.domain.errors import DomainError

    for code, first in firsts:
        try:
            province.sync.import_bundle(first)
            continue  # already confirmed (a second office with the same key): nothing waits
        except DomainError as exc:
            if exc.code != "BUNDLE_WAITS_FOR_FINGERPRINT":
                raise
        fingerprint = province.sync.waiting_bundles(code)[0].fingerprint
        done = province.sync.confirm_peer(code, fingerprint)
        if done.failed:
            raise RuntimeError(f"first bundle of {code} refused: {done.failed}")


# Communes ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CommuneSpec:
    code: str
    index: int  # the commune's place in the run: CCCD serials, and whose people the duplicates copy
    people: int
    nominations: int
    duplicates: bool = False  # one person in DUPLICATE_EVERY also on commune index-1's register
    keep_office: bool = True  # the read-only figures (print, search, start-up) open the office

    def key(self) -> str:
        return (f"{self.code}-i{self.index}-p{self.people}-k{self.nominations}-d{int(self.duplicates)}"
                f"-{schema_tag()}")


@dataclass
class Commune:
    folder: Path
    spec: CommuneSpec
    counts: dict[str, Any]

    @property
    def office(self) -> Path:
        return self.folder / "xa"

    @property
    def first(self) -> Path:
        return self.folder / "first.tdsync"

    @property
    def bundle(self) -> Path:
        return self.folder / "bundle.tdsync"

    @property
    def records(self) -> int:
        return int(self.counts.get("records", 0))


def commune_folder(cache: Path, spec: CommuneSpec) -> Path:
    return cache / "communes" / spec.key()


def load_commune(cache: Path, spec: CommuneSpec) -> Commune | None:
    folder = commune_folder(cache, spec)
    done = folder / "done"
    if not done.exists():
        return None
    return Commune(folder, spec, json.loads(done.read_text()))


def build_commune(job: tuple[str, dict[str, Any]]) -> dict[str, Any]:
    """One commune office, its empty first bundle and its full bundle (a pool worker)."""
    cache_name, spec_fields = job
    cache = Path(cache_name)
    set_config(cache)
    spec = CommuneSpec(**spec_fields)
    if (found := load_commune(cache, spec)) is not None:
        return found.counts
    from thidua_desktop.bootstrap import open_app

    base = province_base(cache)
    folder = commune_folder(cache, spec)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    app = open_app(folder / "xa", actor="Cán bộ thi đua xã")
    try:
        app.office.init_office("commune", spec.code)
        app.sync.accept_enrollment((base / "enrol" / f"{spec.code}.json").read_bytes())
        [first] = app.sync.export(folder / "first.tdsync", even_if_empty=True).files
        if first != folder / "first.tdsync":
            shutil.move(first, folder / "first.tdsync")
        counts = write_register(app, spec)
        result = app.sync.export(folder / "bundle.tdsync")
        if len(result.files) != 1:
            raise RuntimeError(f"expected one bundle file, got {result.files}")
        if result.files[0] != folder / "bundle.tdsync":
            shutil.move(result.files[0], folder / "bundle.tdsync")
        counts["records"] = sum(result.counts.values())
        counts["bundle_bytes"] = (folder / "bundle.tdsync").stat().st_size
        counts.update({f"exported_{k}": v for k, v in result.counts.items()})
    finally:
        app.close()
    if not spec.keep_office:
        shutil.rmtree(folder / "xa")
    (folder / "done").write_text(json.dumps(counts))
    return counts


def build_communes(cache: Path, specs: list[CommuneSpec], jobs: int = 2) -> list[Commune]:
    """Every commune of ``specs``, built in ``jobs`` processes where not cached yet."""
    missing = [s for s in specs if load_commune(cache, s) is None]
    if missing:
        ensure_enrolled(cache, [s.code for s in missing])  # once, before the workers read them
        log(f"  generating {len(missing)} commune office(s) and bundle(s) into {cache} …")
        work = [(str(cache), asdict(s)) for s in missing]
        if jobs > 1 and len(missing) > 1:
            import multiprocessing

            with multiprocessing.get_context("spawn").Pool(min(jobs, len(missing))) as pool:
                for done, _counts in enumerate(pool.imap_unordered(build_commune, work), start=1):
                    if done % 8 == 0 or done == len(missing):
                        log(f"    {done}/{len(missing)} built")
        else:
            for item in work:
                build_commune(item)
    found = [load_commune(cache, s) for s in specs]
    return [c for c in found if c is not None]


# The register ---------------------------------------------------------------------------------
def _post(index: int) -> tuple[str, str, str | None, int, int]:
    from thidua_desktop.services import demo_data as data

    if index < len(data.UNIQUE_POSTS):
        return data.UNIQUE_POSTS[index]
    return data.STAFF_POSTS[(index - len(data.UNIQUE_POSTS)) % len(data.STAFF_POSTS)]


def _cccd(serial_number: int, birth_year: int, female: bool) -> str:
    """Province 004, the century-and-sex digit, the birth year, then a serial: a bijection of the
    person's number in the run, so two people of the run share one only on purpose."""
    century = 0 if birth_year < 2000 else 2
    return f"004{century + int(female)}{birth_year % 100:02d}{(serial_number * 7919 + 12345) % 1_000_000:06d}"


def identity(commune_index: int, i: int, people: int) -> dict[str, Any]:
    """Who the i-th villager of a commune is (name, sex, birth, ethnic group, CCCD), from the
    commune's place and the person's alone: a deliberate duplicate is the same person exactly."""
    from thidua_desktop.domain.ethnicity import CAO_BANG_MIX
    from thidua_desktop.services import demo_data as data

    rng = random.Random(f"person:{commune_index}:{i}")
    ethnicity = rng.choices(list(CAO_BANG_MIX), list(CAO_BANG_MIX.values()))[0]
    female = rng.random() < 0.5
    family = rng.choice(data.FAMILY_NAMES.get(ethnicity, data.FAMILY_NAMES["Kinh"]))
    if ethnicity == "Mông":
        middle = rng.choice(data.MONG_FEMALE_MIDDLE if female else data.MONG_MALE_MIDDLE)
    else:
        middle = rng.choice(data.FEMALE_MIDDLE if female else data.MALE_MIDDLE)
    given = rng.choice(data.FEMALE_GIVEN if female else data.MALE_GIVEN)
    birth_year = rng.randint(YEAR - 64, YEAR - 24)
    birth = date(birth_year, rng.randint(1, 12), rng.randint(1, 28)) if rng.random() < 0.7 else None
    has_cccd = rng.random() < 0.8 or i % DUPLICATE_EVERY == DUPLICATE_AT
    return {"full_name": f"{family} {middle} {given}", "female": female, "ethnicity": ethnicity,
            "birth_year": birth_year, "birth_date": birth,
            "cccd": _cccd(commune_index * people + i, birth_year, female) if has_cccd else None}


class _Stamper:
    """The sync columns of the office's next write, as stamping.py gives them."""

    def __init__(self, node: str, epoch: int, counter: int) -> None:
        self.node, self.epoch, self.counter = node, epoch, counter
        self.now = datetime(2026, 11, 25, 8, 30)

    def __call__(self, row: dict[str, Any]) -> dict[str, Any]:
        from thidua_desktop.db.models.base import new_uuid  # the app's own ids, made as it makes them

        self.counter += 1
        row.update(id=new_uuid(), origin_node=self.node, origin_epoch=self.epoch, version=self.counter,
                   clock=self.counter, updated_at=self.now, deleted=False)
        return row


def write_register(app: Any, spec: CommuneSpec) -> dict[str, Any]:
    """Villages and batches through the services; people, history, ratings and nominations with
    Core inserts in one transaction. Returns the row counts."""
    from sqlalchemy import insert, update

    from thidua_desktop.db.models import (
        AwardHistory,
        Nomination,
        NominationDocument,
        NominationEvent,
        Office,
        Person,
        TaskRating,
    )
    from thidua_desktop.domain.ethnicity import find_ethnic_group
    from thidua_desktop.domain.text import name_sort_string, search_key, split_name
    from thidua_desktop.services import demo_data as data

    rng = random.Random(f"commune:{spec.index}:{spec.people}")
    villages = [app.office.add_village(n, "xom" if n.startswith("Xóm") else "to_dan_pho", b, r)
                for n, b, r in data.VILLAGES]
    annual = app.nominations.create_batch(f"Xét khen thưởng năm {YEAR}", YEAR, "annual", deadline="10/12/2026").id
    extra = (app.nominations.create_batch(f"Khen thưởng đột xuất năm {YEAR}", YEAR, "ad_hoc", deadline="15/12/2026").id
             if spec.nominations > 500 else annual)
    unit = app.office.office()
    with app.db.reader() as session:
        office = session.get(Office, 1)
        stamp = _Stamper(office.node_id, office.epoch, office.change_counter or 0)
    groups = {name: find_ethnic_group(name) for name in data.FAMILY_NAMES}
    officials = max(24, spec.people // 10)
    people: list[dict[str, Any]] = []
    awards: list[dict[str, Any]] = []
    ratings: list[dict[str, Any]] = []
    nominees: list[tuple[str, str]] = []  # (person id, award code)
    issuer = f"Chủ tịch UBND {unit.unit_name[:1].lower()}{unit.unit_name[1:]}"
    for i in range(spec.people):
        source = spec.index - 1 if (spec.duplicates and spec.index > 0 and i % DUPLICATE_EVERY == DUPLICATE_AT
                                    and i >= officials) else spec.index
        who = identity(source, i, spec.people)
        post = _post(i) if i < officials else None
        village = rng.choice(villages)
        group = groups[who["ethnicity"]]
        if group is None:
            raise RuntimeError(f"ethnic group {who['ethnicity']!r} of demo_data is unknown to the app")
        row = {"full_name": who["full_name"], "search_key": search_key(who["full_name"]),
               "sort_key": name_sort_string(who["full_name"]), "gender": "female" if who["female"] else "male",
               "birth_date": who["birth_date"], "birth_year": who["birth_year"], "cccd": who["cccd"],
               "ethnicity_code": group.code, "is_ethnic_minority": group.is_minority,
               "phone": f"09{rng.randrange(10**8):08d}" if rng.random() < 0.5 else "",
               "village_id": village.id, "address": f"{village.name}, {unit.unit_name}",
               "is_direct_worker": post is None, "notes": ""}
        row["family_name"], row["middle_name"], row["given_name"] = split_name(who["full_name"])
        if post is None:
            # Every row of one executemany has the same keys: a villager's Mẫu 05 fields are blank.
            row.update(position=rng.choice(data.DIRECT_POSITIONS), workplace="", employment_start=None, hometown="",
                       qualification="", political_theory="", academic_title="", duties="")
        else:
            position, workplace, *_ages = post
            dossier = data.POST_DOSSIERS[(position, workplace)]
            qualification, degree = rng.choice(dossier.qualifications)
            first_year = min(max(who["birth_year"] + 21, YEAR - 30), YEAR - 4)
            row.update(position=position, workplace=workplace,
                       employment_start=date(rng.randint(first_year, YEAR - 4), rng.randint(1, 12), 1),
                       hometown=rng.choice(data.HOMETOWNS), qualification=qualification,
                       political_theory=dossier.political_theory, academic_title=degree, duties=dossier.duties)
        person = stamp(row)
        people.append(person)
        if post is not None:
            best = _history(rng, stamp, person["id"], awards, ratings, issuer)
            nominees.append((person["id"], "CSTDCS" if best else "LDTT"))
        elif rng.random() < 0.02:  # a Giấy khen of the commune from some earlier year
            year = rng.randint(YEAR - 6, YEAR - 1)
            awards.append(stamp(_award(person["id"], "GK_XA_CN", "Giấy khen của Chủ tịch UBND xã", year,
                                       "commendation_form", issuer, rng)))
    nominated = nominees[: spec.nominations]
    villagers = [p["id"] for p in people[officials:]]
    nominated += [(pid, "GK_XA_CN") for pid in villagers[: max(0, spec.nominations - len(nominated))]]
    noms, docs, events = _nominations(rng, stamp, nominated, annual, extra)
    tables = [(Person, people), (AwardHistory, awards), (TaskRating, ratings), (Nomination, noms),
              (NominationDocument, docs), (NominationEvent, events)]
    with app.db.engine.begin() as conn:
        for model, rows in tables:
            for start in range(0, len(rows), CHUNK):
                conn.execute(insert(model), rows[start:start + CHUNK])  # Core executemany, no ORM
        conn.execute(update(Office).where(Office.id == 1).values(change_counter=stamp.counter, clock=stamp.counter))
    _signers(app, people)
    counts: dict[str, Any] = {model.__tablename__: len(rows) for model, rows in tables}
    counts["villages"] = len(villages)
    counts["annual_batch_id"] = annual  # the batch figure 4 prints
    counts["duplicates"] = sum(1 for i in range(officials, spec.people)
                               if spec.duplicates and spec.index > 0 and i % DUPLICATE_EVERY == DUPLICATE_AT)
    return counts


def _signers(app: Any, people: list[dict[str, Any]]) -> None:
    """Who signs (Cài đặt → Lãnh đạo ký văn bản), through the service as the demo does: the
    chairman, who chairs the council, the vice-chairman, its vice-chair, and the council's
    secretary, in office since the commune was formed on 1/7/2025."""
    from thidua_desktop.services.officials import (
        CHAIRMAN,
        COUNCIL_CHAIR,
        COUNCIL_VICE_CHAIR,
        REFORM_DAY,
        SECRETARY,
        VICE_CHAIRMAN,
    )

    def holder(position: str) -> str:
        return str(next(p["full_name"] for p in people if p["position"] == position))

    chair, vice = holder("Chủ tịch UBND xã"), holder("Phó Chủ tịch UBND xã")
    secretary = holder("Chuyên viên Phòng Văn hóa - Xã hội")
    start = REFORM_DAY.strftime("%d/%m/%Y")
    for role, name in ((CHAIRMAN, chair), (COUNCIL_CHAIR, chair), (VICE_CHAIRMAN, vice), (COUNCIL_VICE_CHAIR, vice),
                       (SECRETARY, secretary)):
        app.officials.add(role=role, full_name=name, term_start=start)


def _award(person_id: str, code: str, title: str, year: int, kind: str, issuer: str,
           rng: random.Random) -> dict[str, Any]:
    return {"person_id": person_id, "collective_id": None, "award_code": code, "title": title, "award_kind": kind,
            "commendation_kind": "regular", "year": year, "decision_number": f"{rng.randint(10, 99)}/QĐ-UBND",
            "decision_date": date(year, 12, 20), "issuing_level": "commune", "issuer": issuer,
            "source": "manual", "period_from": None, "period_to": None, "decision_id": None}


def _history(rng: random.Random, stamp: _Stamper, person_id: str, awards: list[dict[str, Any]],
             ratings: list[dict[str, Any]], issuer: str) -> bool:
    """An official's ratings of the last four years and the titles they earned; True when the
    official was excellent this year and the year before (a CSTĐCS nominee)."""
    excellent = []
    for year in range(YEAR - 3, YEAR + 1):
        roll = rng.random()
        rating = "excellent" if roll < 0.3 else "good" if roll < 0.9 else "completed"
        ratings.append(stamp({"person_id": person_id, "collective_id": None, "year": year, "rating": rating,
                              "source_document": f"Kết quả đánh giá, xếp loại năm {year}"}))
        excellent.append(rating == "excellent")
        if year < YEAR and rating != "completed":
            awards.append(stamp(_award(person_id, "LDTT", "Lao động tiên tiến", year, "emulation_title", issuer, rng)))
            if rating == "excellent" and rng.random() < 0.6:
                awards.append(stamp(_award(person_id, "CSTDCS", "Chiến sĩ thi đua cơ sở", year, "emulation_title",
                                           issuer, rng)))
    return excellent[-1] and excellent[-2]


SUMMARIES = {
    "LDTT": "Hoàn thành tốt nhiệm vụ được giao năm 2026; chấp hành tốt chủ trương, chính sách của Đảng, "
            "pháp luật của Nhà nước; có tinh thần tự lực, tự cường, đoàn kết, tương trợ.",
    "CSTDCS": "Hoàn thành xuất sắc nhiệm vụ năm 2026; có sáng kiến được Hội đồng sáng kiến xã công nhận, "
              "áp dụng hiệu quả tại địa phương.",
    "GK_XA_CN": "Có thành tích xuất sắc trong phong trào thi đua xây dựng nông thôn mới, giữ gìn an ninh "
                "trật tự ở xóm năm 2026.",
}
DOSSIER = {"LDTT": ["TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_BINH_XET"],
           "CSTDCS": ["TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_BINH_XET", "XAC_NHAN_SANG_KIEN",
                      "BIEN_BAN_KIEM_PHIEU"],
           "GK_XA_CN": ["TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_BINH_XET"]}


def _nominations(rng: random.Random, stamp: _Stamper, nominated: Iterable[tuple[str, str]], annual: str,
                 extra: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Nominations (the first 500 in the annual batch, the rest ad hoc), each with its dossier
    checklist and its history: created, then passed by the council."""
    noms: list[dict[str, Any]] = []
    docs: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    for n, (person_id, code) in enumerate(nominated):
        nom = stamp({"person_id": person_id, "collective_id": None, "batch_id": annual if n < 500 else extra,
                     "award_code": code, "commendation_kind": "regular", "achievement_summary": SUMMARIES[code],
                     "status": "council_voted", "status_reason": "", "eligibility": None, "attested": [],
                     "initiative_ids": [], "created_on": date(YEAR, 11, rng.randint(1, 20))})
        noms.append(nom)
        for item in DOSSIER[code]:
            docs.append(stamp({"nomination_id": nom["id"], "item_code": item, "provided": rng.random() < 0.7,
                               "attachment_id": None}))
        # Created, then passed by the council: the dossier the batch prints (domain.enums.IN_DOSSIER).
        for before, after, day in (("", "draft", 20), ("draft", "council_voted", 28)):
            events.append(stamp({"nomination_id": nom["id"], "from_status": before, "to_status": after,
                                 "at": datetime(YEAR, 11, day, 9, 0), "actor": "Cán bộ thi đua xã", "reason": ""}))
    return noms, docs, events
