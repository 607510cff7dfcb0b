"""Lãnh đạo ký văn bản: the holder of a post on a date, overlapping terms refused, a gap in a term
stops printing with a message saying what to fill in and where, and the names typed in the old
document settings become terms once."""

from __future__ import annotations

from datetime import date

import pytest

from thidua_desktop.bootstrap import open_app
from thidua_desktop.domain.errors import DomainError, StateError, ValidationError
from thidua_desktop.messages import render
from thidua_desktop.services.officials import CHAIRMAN, COUNCIL_VICE_CHAIR, SECRETARY, VICE_CHAIRMAN
from thidua_desktop.services.print_context import DocumentSettings


def test_the_holder_on_a_date_follows_the_terms(commune) -> None:  # type: ignore[no-untyped-def]
    officials = commune.officials
    first = officials.add(role=CHAIRMAN, full_name="Hoàng Văn Thắng", term_start="01/07/2025",
                          term_end="30/06/2026")
    officials.add(role=CHAIRMAN, full_name="Nông Thị Hà", term_start="01/07/2026")
    assert first.title == "Chủ tịch UBND xã"
    assert officials.holder(CHAIRMAN, date(2025, 7, 1)).full_name == "Hoàng Văn Thắng"
    assert officials.holder(CHAIRMAN, date(2026, 6, 30)).full_name == "Hoàng Văn Thắng"
    assert officials.holder(CHAIRMAN, date(2026, 7, 1)).full_name == "Nông Thị Hà"
    assert officials.holder(CHAIRMAN, date(2030, 1, 1)).full_name == "Nông Thị Hà"
    assert officials.holder(CHAIRMAN, date(2025, 6, 30)) is None
    assert officials.holder(SECRETARY, date(2026, 7, 1)) is None
    # A post with several holders (vice-chairmen) lists them all.
    officials.add(role=VICE_CHAIRMAN, full_name="Đàm Ngọc Thu", term_start="01/07/2025")
    officials.add(role=VICE_CHAIRMAN, full_name="Lục Văn Quân", term_start="01/07/2025")
    assert {o.full_name for o in officials.holders(VICE_CHAIRMAN, date(2026, 1, 1))} == {"Đàm Ngọc Thu",
                                                                                          "Lục Văn Quân"}
    assert [o.role for o in officials.terms()][:2] == [CHAIRMAN, CHAIRMAN]


def test_overlapping_terms_of_one_post_are_refused(commune) -> None:  # type: ignore[no-untyped-def]
    officials = commune.officials
    current = officials.add(role=CHAIRMAN, full_name="Hoàng Văn Thắng", term_start="01/07/2025")
    with pytest.raises(StateError) as refused:
        officials.add(role=CHAIRMAN, full_name="Nông Thị Hà", term_start="01/03/2026")
    assert refused.value.code == "OFFICIAL_TERM_OVERLAP" and refused.value.field == "term_start"
    assert render(refused.value) == (
        "Nhiệm kỳ trùng với Hoàng Văn Thắng (Chủ tịch UBND xã, 01/07/2025 – …): mỗi thời điểm chỉ có một "
        "Chủ tịch UBND xã. Hãy kết thúc nhiệm kỳ trước rồi nhập người mới.")
    assert "overlaps Hoàng Văn Thắng" in render(refused.value, "en")
    # Ending the term first makes room for the successor from the next day.
    officials.end_term(current.id, "28/02/2026")
    officials.add(role=CHAIRMAN, full_name="Nông Thị Hà", term_start="01/03/2026")
    # Extending the old term back over the new one is refused too; an end before the start as well.
    with pytest.raises(StateError, match="OFFICIAL_TERM_OVERLAP"):
        officials.end_term(current.id, "31/12/2026")
    with pytest.raises(ValidationError, match="OFFICIAL_TERM_ORDER"):
        officials.end_term(current.id, "30/06/2025")
    # Several vice-chairs at once are normal; one person twice in the same post is not.
    officials.add(role=COUNCIL_VICE_CHAIR, full_name="Đàm Ngọc Thu", term_start="01/07/2025")
    officials.add(role=COUNCIL_VICE_CHAIR, full_name="Lục Văn Quân", term_start="01/07/2025")
    with pytest.raises(StateError, match="OFFICIAL_TERM_OVERLAP"):
        officials.add(role=COUNCIL_VICE_CHAIR, full_name="Đàm Ngọc Thu", term_start="01/01/2026")
    with pytest.raises(DomainError) as bad:
        officials.add(role="king", full_name="", term_start="")
    assert [e.field for e in bad.value.errors] == ["role", "full_name", "term_start"]  # type: ignore[attr-defined]


def test_a_gap_between_terms_stops_printing_with_what_to_fill_in(commune) -> None:  # type: ignore[no-untyped-def]
    officials = commune.officials
    old = officials.add(role=CHAIRMAN, full_name="Hoàng Văn Thắng", term_start="01/07/2025")
    officials.end_term(old.id, "31/10/2026")
    officials.add(role=CHAIRMAN, full_name="Nông Thị Hà", term_start="01/12/2026")
    # A decision dated inside the gap has nobody to sign it.
    with pytest.raises(StateError) as refused:
        with commune.db.reader() as session:
            commune.decisions._signer(session, date(2026, 11, 24), "", "CHỦ TỊCH")
    assert refused.value.code == "OFFICIAL_MISSING"
    assert render(refused.value).startswith(
        "Cài đặt → Lãnh đạo ký văn bản: chưa có Chủ tịch UBND xã tại ngày 24/11/2026.")
    assert render(refused.value, "en").startswith(
        "Settings → Officials who sign: no chairman of the commune People's Committee in office on 24/11/2026.")
    assert commune.decisions.signers("24/11/2026") == []
    assert commune.decisions.signers("01/12/2026") == ["Nông Thị Hà"]


def test_names_typed_in_the_settings_become_terms_once(commune, data_dir) -> None:  # type: ignore[no-untyped-def]
    commune.printing.set_document_settings(DocumentSettings(chairman_name="Hoàng Văn Thắng",
                                                            vice_chairman_name="Đàm Ngọc Thu", place="Quảng Uyên"))
    assert not commune.officials.kept()
    # Before the office keeps officials, the typed names still sign (backwards compatible).
    assert commune.decisions.signers("24/11/2026") == ["Hoàng Văn Thắng"]
    assert commune.decisions.signers("24/11/2026", "PHÓ CHỦ TỊCH") == ["Đàm Ngọc Thu"]
    reopened = open_app(data_dir, actor="tester")
    try:
        terms = {(o.role, o.full_name, o.term_start, o.term_end) for o in reopened.officials.terms()}
        assert terms == {(CHAIRMAN, "Hoàng Văn Thắng", date(2025, 7, 1), None),
                         (VICE_CHAIRMAN, "Đàm Ngọc Thu", date(2025, 7, 1), None)}
        # Only once: a term removed later is not brought back at the next start.
        for o in reopened.officials.terms():
            reopened.officials.remove(o.id)
        assert reopened.officials.adopt_document_settings() == 0
    finally:
        reopened.close()
