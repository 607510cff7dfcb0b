"""The point of the QR: the province, holding the commune's records after a sync bundle, checks a
paper copy the commune printed, and sees when the commune changed the record afterwards."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sync_helpers import deliver

from thidua_desktop.bootstrap import open_app
from thidua_desktop.services.council import BallotInput
from thidua_desktop.services.demo import DemoBuilder
from thidua_desktop.services.people import PersonInput

# Drafts whose qualitative criteria are not attested: the council records why it votes on them.
CHECKED = "Hội đồng đã xem xét hồ sơ tại cuộc họp"


def test_province_checks_the_communes_paper_copies(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    province = open_app(tmp_path / "tinh", actor="tinh")
    xa = open_app(tmp_path / "xa", actor="xa")
    try:
        province.office.init_office("province", "04")
        province.sync.create_recovery_key(tmp_path / "recovery.tdkey")
        province.sync.export_enrollment("01576", tmp_path / "ket-noi.json")
        xa.office.init_office("commune", "01576")
        xa.sync.accept_enrollment((tmp_path / "ket-noi.json").read_bytes())
        DemoBuilder(xa, seed=2026, today=date(2026, 11, 25)).build(people=60)
        batch = xa.nominations.batches()[0].id
        papers: dict[str, str] = {}
        for kind, target in xa.printing.batch_targets(batch):
            papers.setdefault(kind, xa.printing.render(kind, target).qr_text)
        assert {"submission", "report", "list", "minutes", "ballots", "decision", "public-list"} <= set(papers)
        for bundle in xa.sync.export(tmp_path / "usb").files:
            deliver(province, xa, bundle)  # the first waits for the fingerprint check, then applies
        assert {k: province.printing.verify_qr(q).status for k, q in papers.items()} == dict.fromkeys(papers, "match")

        # The council passes one more nominee after printing: the province's next bundle shows the list changed.
        person = xa.people.create(PersonInput("Hoàng Thị Sau In", "female", birth="1990"))
        added = xa.nominations.create(batch_id=batch, award_code="LDTT", person_id=person.id).id
        members = [m["id"] for m in xa.council.members()]
        xa.council.record_meeting(held_on="26/11/2026", present_member_ids=members, absent_member_ids=[],
                                  ballots=[BallotInput(added, len(members), len(members), len(members), CHECKED)],
                                  batch_id=batch)
        for bundle in xa.sync.export(tmp_path / "usb2").files:
            province.sync.import_bundle(bundle)
        assert province.printing.verify_qr(papers["public-list"]).status == "changed"
        assert province.printing.verify_qr(papers["decision"]).status == "match"
    finally:
        xa.close()
        province.close()
