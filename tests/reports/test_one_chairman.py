"""One source of truth for who signs: the demo batch printed as a dossier (minutes, decision,
certificates, tờ trình, public notice) names ONE chairman, and it is the holder in the database
on each document's date; names typed in the old settings or a former chairman never appear. A
missing holder stops printing with a message saying what to fill in and where."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from thidua_desktop.domain.errors import DomainError
from thidua_desktop.messages import render
from thidua_desktop.services.print_context import DocumentSettings

from .pdfcheck import flat, read_pages

TYPED = "Hoàng Văn Chủ"  # what an office typed in Cài đặt → Văn bản in before officials were kept
FORMER = "Lục Văn Cũ"  # the chairman of the former commune, before 1/7/2025


@pytest.fixture
def office(commune, monkeypatch, load_demo):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    load_demo(commune, seed=2026, people=60, today=date(2026, 11, 25))
    commune.printing.set_document_settings(DocumentSettings(chairman_name=TYPED, vice_chairman_name=TYPED))
    for role in ("chairman", "council_chair"):
        commune.officials.add(role=role, full_name=FORMER, term_start="01/01/2021", term_end="30/06/2025")
    return commune


def _text(pdf: bytes) -> str:
    return flat(" ".join(p.text for p in read_pages(pdf)))


def test_the_dossier_names_one_chairman_the_holder_on_its_dates(office) -> None:  # type: ignore[no-untyped-def]
    batch = office.nominations.batches()[0]
    targets = office.printing.batch_targets(batch.id)
    kinds = {kind for kind, _target in targets}
    assert {"minutes", "decision", "certificate", "submission", "public-list"} <= kinds
    [meeting] = office.council.meetings()[0]
    [decision] = office.decisions.page()[0]
    # The holders in the database on the documents' dates: the meeting, the decision, today's print.
    chairs = {office.officials.holder("council_chair", meeting.held_on).full_name,
              office.officials.holder("chairman", decision.decided_on).full_name,
              office.officials.holder("chairman", date.today()).full_name}
    assert len(chairs) == 1
    chairman = chairs.pop()
    assert decision.signer_name == chairman and decision.signer_title == "CHỦ TỊCH"
    members = {m["full_name"]: m["council_role"] for m in office.council.members()}
    assert members[chairman] == "chair"  # the commune chairman chairs the council
    texts: dict[str, list[str]] = {}
    for kind, target in targets:
        if kind in ("minutes", "decision", "certificate", "submission", "public-list"):
            texts.setdefault(kind, []).append(_text(office.printing.render(kind, target).pdf))
    certificates = [p.text for kind, target in targets if kind == "certificate"
                    for p in read_pages(office.printing.render(kind, target).pdf)]
    assert len(certificates) == len(decision.recipients)
    for kind, found in texts.items():
        for text in found:
            assert chairman in text, kind
            assert TYPED not in text and FORMER not in text, kind
    for page in certificates:  # every certificate is signed by the decision's signer
        assert chairman in flat(page)
    minutes = texts["minutes"][0]
    assert "CHỦ TỌA" in minutes or "CHỦ TRÌ" in minutes.upper()
    # The secretary who signs the minutes is the council's secretary in office that day.
    secretary = office.officials.holder("secretary", meeting.held_on).full_name
    assert secretary in minutes


def test_a_missing_holder_stops_printing_and_says_where_to_fill_it_in(office) -> None:  # type: ignore[no-untyped-def]
    batch = office.nominations.batches()[0]
    today = date.today()
    [current] = [o for o in office.officials.terms() if o.role == "chairman" and o.term_end is None]
    office.officials.end_term(current.id, (today - timedelta(days=1)).strftime("%d/%m/%Y"))  # resigned yesterday
    with pytest.raises(DomainError) as refused:
        office.printing.render("submission", f"{batch.id}:province")
    assert refused.value.code == "OFFICIAL_MISSING"
    assert render(refused.value).startswith(
        f"Cài đặt → Lãnh đạo ký văn bản: chưa có Chủ tịch UBND xã tại ngày {today.strftime('%d/%m/%Y')}.")
    # The minutes (the council's chair presides) and the signed decision still print.
    [meeting] = office.council.meetings()[0]
    [decision] = office.decisions.page()[0]
    assert current.full_name in _text(office.printing.render("minutes", meeting.id).pdf)
    assert current.full_name in _text(office.printing.render("decision", decision.id).pdf)
    # A decision dated after the term needs a chairman in office that day.
    with pytest.raises(DomainError) as no_signer:
        office.decisions.issue(number="99/QĐ-UBND", decided_on=today.strftime("%d/%m/%Y"), award_code="LDTT",
                               nomination_ids=[n.id for n in office.nominations.list(status="council_voted")][:1])
    assert no_signer.value.code == "OFFICIAL_MISSING"
    assert today.strftime("%d/%m/%Y") in render(no_signer.value)
