"""The dossier read as the chairman who signs it: each document of a batch lists exactly the
nominations the council passed and no decision has granted yet (never drafts, failed votes,
returned, rejected or decided ones), and every count agrees with the other documents and with the
database. The office holds nominations in every status a commune can see."""

from __future__ import annotations

import re
from datetime import date

import pytest

from thidua_desktop.domain.enums import in_dossier
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.reports.counting import count_nominees
from thidua_desktop.reports.model import NomineeRow
from thidua_desktop.services.council import BallotInput
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.print_context import DocumentSettings

from .pdfcheck import flat, read_pages

# The new drafts' qualitative criteria are not attested: the council says why it votes on them.
CHECKED = "Hội đồng đã xem xét hồ sơ tại cuộc họp"


@pytest.fixture
def office(commune, monkeypatch, load_demo):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    load_demo(commune, seed=2026, people=60, today=date(2026, 11, 25))
    commune.printing.set_document_settings(DocumentSettings(chairman_name="Hoàng Văn Chủ"))
    batch = commune.nominations.batches()[0]
    noms = commune.nominations
    # One more of each kind a commune meets: a fresh draft, a failed vote, a returned dossier, and a
    # person nominated for two awards (one person, two lines).
    people = [commune.people.create(PersonInput(name, "female", birth="1985", ethnicity="Tày")).id
              for name in ("Lăng Thị Nháp", "Lăng Thị Trượt", "Lăng Thị Hai Lần")]
    noms.create(batch_id=batch.id, award_code="LDTT", person_id=people[0])
    failed = noms.create(batch_id=batch.id, award_code="LDTT", person_id=people[1]).id
    twice = [noms.create(batch_id=batch.id, award_code=code, person_id=people[2]).id for code in ("LDTT", "GK_XA_CN")]
    members = [m["id"] for m in commune.council.members()]
    everyone = len(members)
    results = commune.council.record_meeting(
        held_on="25/11/2026", present_member_ids=members, absent_member_ids=[], batch_id=batch.id,
        ballots=[BallotInput(failed, everyone, everyone, 0, CHECKED),
                 *(BallotInput(n, everyone, everyone, everyone, CHECKED) for n in twice)])
    assert [r.passed for r in results] == [False, True, True]
    return commune


def _flat_pdf(pdf: bytes) -> str:
    return flat(" ".join(p.text for p in read_pages(pdf)))


def _expected(office, batch_id: str, commune_grants: bool | None) -> list:  # type: ignore[no-untyped-def]
    """The database's answer: the nominations a document of this level must carry."""
    rows = []
    for n in office.nominations.list(batch_id=batch_id, limit=1000):
        award = office.catalog.award(n.award_code)
        if in_dossier(n.status) and (commune_grants is None or award.commune_grants == commune_grants):
            rows.append(n)
    return rows


def _as_rows(noms) -> list[NomineeRow]:  # type: ignore[no-untyped-def]
    return [NomineeRow(n.id, n.nominee_name, n.collective_id is not None, "", None, "", "", "", n.award_code, "",
                       "", n.status, True, is_household=n.nominee_name.startswith("Hộ gia đình"),
                       nominee_id=n.person_id or n.collective_id or "") for n in noms]


def _absent_everywhere(office, batch_id: str) -> set[str]:  # type: ignore[no-untyped-def]
    """Names of people none of whose nominations belongs in the dossier (a collective's name may
    also be someone's workplace, so only people are looked for)."""
    inside, outside = set(), set()
    for n in office.nominations.list(batch_id=batch_id, limit=1000):
        if n.person_id:
            (inside if in_dossier(n.status) else outside).add(n.nominee_name)
    assert outside - inside, "the office has people whose nominations are all outside the dossier"
    return outside - inside


@pytest.mark.parametrize("level", ["commune", "province"])
def test_submission_and_list_carry_exactly_the_passed_nominations(office, level: str) -> None:  # type: ignore[no-untyped-def]
    batch = office.nominations.batches()[0]
    expected = _expected(office, batch.id, level == "commune")
    assert expected, "the demo batch has passed nominations at both levels"
    submission = _flat_pdf(office.printing.render("submission", f"{batch.id}:{level}").pdf)
    listing = _flat_pdf(office.printing.render("list", f"{batch.id}:{level}").pdf)
    for text in (submission, listing):
        for n in expected:
            assert flat(n.nominee_name) in text, n.nominee_name
        for name in _absent_everywhere(office, batch.id):
            assert name not in text, f"{name} is not passed by the council, or already decided"
    counts = count_nominees(_as_rows(expected))
    assert counts.phrase() in submission  # "… 02 tập thể, 03 hộ gia đình và 12 cá nhân"
    assert f"Tổng số: {counts.phrase()}." in listing
    # One line per nomination in the list: its STT runs to the number of nominations.
    numbers = [int(x) for x in re.findall(r"(?<![\d/.,])(\d{1,3})(?= \S)", listing)]
    assert counts.nominations in numbers


def test_the_public_list_posts_every_passed_nominee_once(office) -> None:  # type: ignore[no-untyped-def]
    batch = office.nominations.batches()[0]
    expected = _expected(office, batch.id, None)
    text = _flat_pdf(office.printing.render("public-list", batch.id).pdf)
    counts = count_nominees(_as_rows(expected))
    assert f"danh sách {counts.phrase()} được đề nghị" in text
    for n in expected:
        assert flat(n.nominee_name) in text
    for name in _absent_everywhere(office, batch.id):
        assert name not in text
    assert "Lăng Thị Nháp" not in text and "Lăng Thị Trượt" not in text
    assert text.count("Lăng Thị Hai Lần") == 2  # two awards, two lines, one person in the count


def test_a_person_nominated_twice_is_counted_once() -> None:
    rows = [NomineeRow(str(i), "x", False, "", None, "", "", "", code, "", "", "council_voted", True,
                       nominee_id=nominee) for i, (nominee, code) in enumerate(
        [("p1", "LDTT"), ("p1", "GK_XA_CN"), ("p2", "LDTT")])]
    rows.append(NomineeRow("9", "Hộ gia đình", True, "", None, "", "", "", "GDVH", "", "", "council_voted", True,
                           is_household=True, nominee_id="h1"))
    counts = count_nominees(rows)
    assert (counts.people, counts.collectives, counts.households, counts.nominations) == (2, 0, 1, 4)
    assert counts.phrase() == "01 hộ gia đình và 02 cá nhân"


def test_the_nominee_workbook_lists_the_same_nominees_as_the_printed_list(office, tmp_path) -> None:  # type: ignore[no-untyped-def]
    batch = office.nominations.batches()[0]
    result = office.excel_export.export("nominees", tmp_path / "ds.xlsx", batch_id=batch.id)
    assert result.rows == len(_expected(office, batch.id, None))


def test_a_batch_with_nothing_passed_prints_no_dossier(commune) -> None:  # type: ignore[no-untyped-def]
    batch = commune.nominations.create_batch("Đợt chưa họp Hội đồng", 2026)
    person = commune.people.create(PersonInput("Nông Văn Chờ", "male"))
    commune.nominations.create(batch_id=batch.id, award_code="LDTT", person_id=person.id)
    for kind, target in (("submission", f"{batch.id}:commune"), ("list", f"{batch.id}:commune"),
                         ("public-list", batch.id)):
        with pytest.raises(DomainError) as caught:
            commune.printing.render(kind, target)
        assert caught.value.code == "DOSSIER_EMPTY"
    assert not [kind for kind, _t in commune.printing.batch_targets(batch.id)
                if kind in ("submission", "list", "public-list", "report")]


def test_the_public_notice_names_the_communes_own_kind_of_village(office) -> None:  # type: ignore[no-untyped-def]
    kinds = {v.kind for v in office.office.villages()}
    words = {"thon": "thôn", "xom": "xóm", "ban": "bản", "to_dan_pho": "tổ dân phố"}
    assert kinds and kinds <= set(words)
    text = _flat_pdf(office.printing.render("public-list", office.nominations.batches()[0].id).pdf)
    expected = ", ".join(words[k] for k in words if k in kinds)
    assert f"Các {expected}" in text
