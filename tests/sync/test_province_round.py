"""Issue 14, end to end: bundles of five communes, made by real offices (tests/province_round_helpers.py),
are imported at the province, which returns a dossier (the commune fixes and resubmits it, the
province sees the new version flagged and approves it), finds and answers a planted cross-commune
duplicate, decides the rest as its leader, prints the decision, its list and the certificates,
and publishes a new catalog. Every commune's next bundle then brings its own results and nobody
else's, the new catalog, and the provincial awards in its award history. Counted in the databases."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from io import BytesIO
from pathlib import Path

import nacl.pwhash
import pytest
from province_round_helpers import (
    AWARD,
    BAO_LAM,
    CODES,
    COMMUNE_A,
    COMMUNE_OF,
    DONG_KHE,
    NAME_OF,
    QUANG_UYEN,
    TWICE_CCCD,
    Offices,
    build,
)
from pypdf import PdfReader
from sqlalchemy import func, select

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.db.models import AwardHistory, Decision, DecisionRecipient, Nomination, Person
from thidua_desktop.db.models.sync import NominationReview
from thidua_desktop.paths import resource_path
from thidua_desktop.services import catalog_store
from thidua_desktop.services.records import Subject
from thidua_desktop.sync import passwords

NUMBER, DECIDED_ON = "210/QĐ-UBND", "15/12/2026"
RETURN_REASON = "Thiếu biên bản bình xét của Hội đồng Thi đua - Khen thưởng xã"
DUPLICATE_REASON = "Cùng một người (CCCD 004080001234) đã được xã 01273 đề nghị Bằng khen tỉnh năm 2026"
NEW_CATALOG, NEW_MULTIPLIER = "2027.1", 1.5
DECIDED = ("mai", "thang", "hung", "nga", "tai", "hanh", "tu_a", "hang")  # all but Thu (in review) and Tú's double


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[Offices]:
    built = build(tmp_path / "offices")
    yield built
    built.close()


def pdf_text(pdf: bytes) -> list[str]:
    """Each page's text with the layout's line breaks folded into single spaces."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(BytesIO(pdf)).pages]


def count(app: App, model: type, *where: object) -> int:
    with app.db.reader() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)  # type: ignore[arg-type]


def publish_catalog(province: App, folder: Path) -> str | None:
    """The province adopts a new catalog file (a new provincial regulation: a multiplier for the
    individual Bằng khen), as ``thidua catalog load`` does; it travels with the next bundles."""
    data = json.loads(resource_path("catalog/awards.json").read_text(encoding="utf-8"))
    data["catalog_version"] = NEW_CATALOG
    award = next(a for a in data["awards"] if a["code"] == AWARD)
    award["reward"]["multiplier"] = NEW_MULTIPLIER
    path = folder / "danh-muc-2027.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    version = catalog_store.load_file(province.db, path, province.actor)
    province.reload_catalog()
    return version


def test_five_communes_round_at_the_province(offices: Offices, monkeypatch: pytest.MonkeyPatch) -> None:
    province, d = offices.province, offices.dossiers
    assert count(province, Nomination) == len(d) == 10
    assert {i.nomination_id for i in province.review_queue.queue().items if i.waiting} == set(d.values())

    # 1. The planted duplicate: the same CCCD nominated by two communes, both sides shown.
    [finding] = [v for v in province.duplicates.findings() if v.a.values.get("cccd") == TWICE_CCCD]
    assert finding.reason == "SAME_CCCD" and sorted(finding.commune_codes) == [COMMUNE_A, BAO_LAM]
    assert {n.id for n in finding.nominations} == {d["tu_a"], d["tu_b"]}
    assert {finding.a.person_id, finding.b.person_id} == {offices.subjects["tu_a"][0], offices.subjects["tu_b"][0]}
    province.duplicates.resolve(finding.key, finding.fingerprint, "return_nomination", DUPLICATE_REASON,
                                nomination_id=d["tu_b"])
    assert finding.key not in {v.key for v in province.duplicates.findings()}
    assert count(province, Person, Person.cccd == TWICE_CCCD, Person.deleted.is_(False)) == 2  # neither dropped

    # 2. Review: Thắng goes back to Quảng Uyên with a reason, the rest (but Thu) are approved.
    review = province.dossier_review
    review.decide(d["thang"], "returned", RETURN_REASON)
    for key in DECIDED:
        if key != "thang":
            review.decide(d[key], "approved")
    offices.send_down(QUANG_UYEN)
    quang_uyen = offices.communes[QUANG_UYEN]
    returned = quang_uyen.nominations.get(d["thang"])
    assert (returned.status, returned.status_reason) == ("returned", RETURN_REASON)
    quang_uyen.nominations.transition(d["thang"], "draft")  # taken back to correct
    quang_uyen.nominations.set_document_provided(d["thang"], "BIEN_BAN_BINH_XET", True)
    for status in ("council_voted", "submitted"):
        quang_uyen.nominations.transition(d["thang"], status)
    offices.send_up(QUANG_UYEN)
    [again] = [i for i in province.review_queue.queue().items if i.nomination_id == d["thang"]]
    assert (again.status, again.changed_since_review) == ("received", True)
    assert again.reviewed_version is not None and again.version > again.reviewed_version
    assert review.dossier(d["thang"]).changed_since_review
    review.decide(d["thang"], "approved")
    assert not review.dossier(d["thang"]).changed_since_review

    # 3. The leader decides every approved dossier in one decision of the provincial chairman.
    monkeypatch.setattr(passwords, "OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(passwords, "MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)
    province.accounts.create("quantri", "Hoàng Văn Quản", "admin", "Quan-tri-2026")
    province.sign_in("quantri", "Quan-tri-2026")
    province.accounts.create("lanhdao", "Lục Văn Lãnh", "leader", "Lanh-dao-2026")
    leader = open_app(province.paths.data_dir)
    try:
        leader.sign_in("lanhdao", "Lanh-dao-2026")
        decisions = leader.province_decisions
        ready = {r.nomination_id for r in decisions.ready(AWARD)}
        assert ready == {d[k] for k in DECIDED}
        decision = decisions.issue(number=NUMBER, decided_on=DECIDED_ON, award_code=AWARD,
                                   nomination_ids=sorted(ready))
        assert {r.nomination_id for r in decision.recipients} == ready and decisions.ready() == []

        # Printed: the decision and its list, and one certificate for each recipient.
        pages = pdf_text(leader.printing.render("province-decision", decision.id).pdf)
        whole = " ".join(pages)
        assert f"Số: {NUMBER}" in pages[0] and "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CAO BẰNG" in pages[0]
        listed = whole[whole.index("DANH SÁCH"):]
        assert f"Kèm theo Quyết định số {NUMBER}" in listed
        for key in DECIDED:
            assert NAME_OF[key] in listed, key
        assert NAME_OF["thu"] not in whole  # in review: not decided
        assert listed.count(NAME_OF["tu_a"]) == 1  # the duplicate once, from the commune kept
        certificates = pdf_text(leader.printing.render("province-certificate", decision.id).pdf)
        assert len(certificates) == len(DECIDED)
        assert all("BẰNG KHEN" in p and f"Số quyết định: {NUMBER}" in p for p in certificates)
        assert sorted(next(NAME_OF[k] for k in DECIDED if NAME_OF[k] in p) for p in certificates) == sorted(
            NAME_OF[k] for k in DECIDED)

        # 4. A new catalog version, published by the province.
        assert publish_catalog(leader, offices.tmp) == NEW_CATALOG
    finally:
        leader.close()
    province.reload_catalog()
    assert province.catalog.catalog_version == NEW_CATALOG

    # 5. Every commune's next bundle: its own results, nobody else's; the new catalog; the awards.
    for code in CODES:
        report = offices.send_down(code)
        assert report["quarantined"] == 0 and report["conflicts"] == 0, (code, report)
        assert report["catalog"] == NEW_CATALOG
    for code in CODES:
        app = offices.communes[code]
        own = {k for k in d if COMMUNE_OF[k] == code}
        decided = own & set(DECIDED)
        node = app.office.office().node_id
        with app.db.reader() as session:
            assert set(session.scalars(select(Nomination.id))) == {d[k] for k in own}, code
            assert set(session.scalars(select(Person.origin_node))) == {node}, code  # no other commune's people
            assert {d[k] for k in decided} == set(session.scalars(select(DecisionRecipient.nomination_id))), code
            assert set(session.scalars(select(Decision.number))) == {NUMBER}
            reviewed = set(session.scalars(select(NominationReview.nomination_id)))
            assert reviewed and reviewed <= {d[k] for k in own}, code
            awards = session.scalars(select(AwardHistory).where(AwardHistory.source == "decision")).all()
            assert sorted(a.person_id or "" for a in awards) == sorted(offices.subjects[k][0] or "" for k in decided)
            others = {NAME_OF[k] for k in d if COMMUNE_OF[k] != code} - {NAME_OF[k] for k in own}
            assert not others & set(session.scalars(select(Person.full_name))), code
        assert app.catalog.catalog_version == NEW_CATALOG
        assert app.catalog.award(AWARD).reward.multiplier == NEW_MULTIPLIER
        for key in decided:
            assert app.nominations.get(d[key]).status == "decided", (code, key)
            history = app.records.awards_of(Subject(*offices.subjects[key]))
            assert [(a["award_code"], a["decision_number"], a["decision_date"], a["issuing_level"],
                     a["issuer"], a["issuing_body"]) for a in history] == [
                (AWARD, NUMBER, date(2026, 12, 15).isoformat(), "province", "Chủ tịch UBND tỉnh", "province")]
    # The returns, each at its own commune only, with the province's reason.
    bao_lam = offices.communes[BAO_LAM].nominations.get(d["tu_b"])
    assert bao_lam.status == "returned" and DUPLICATE_REASON in bao_lam.status_reason
    assert offices.communes[DONG_KHE].nominations.get(d["thu"]).status != "decided"
    assert count(offices.communes[QUANG_UYEN], NominationReview, NominationReview.status == "returned") == 1
