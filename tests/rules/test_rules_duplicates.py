"""The pure matching of rules/duplicates.py: who is the same person, what counts as the same
achievement, and when two award histories disagree, as tables of cases."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from thidua_desktop.rules.duplicates import (
    AwardRecord,
    FindingKind,
    MatchReason,
    NominationRecord,
    PersonRecord,
    compare_histories,
    detect,
    match,
)

BIRTH = date(1985, 3, 12)


def person(pid: str, node: str, name: str = "Hà Thị Nga", birth: date | None = BIRTH, ethnicity: str | None = "02",
           cccd: str | None = None, held_back: str = "", version: int = 1) -> PersonRecord:
    return PersonRecord(pid, node, name, birth, ethnicity, cccd, 1, version, held_back)


def nomination(nid: str, pid: str, node: str, award: str = "LDTT", year: int | None = 2026,
               status: str = "submitted") -> NominationRecord:
    return NominationRecord(nid, pid, node, award, year, status, 1, 1)


def award(aid: str, pid: str, node: str, code: str = "LDTT", year: int = 2024, title: str = "",
          **values: object) -> AwardRecord:
    return AwardRecord(aid, pid, node, code, year, title, values, 1, 1)


NFD = unicodedata.normalize("NFD", "Hà Thị Nga")


@pytest.mark.parametrize(("a", "b", "reason", "exact"), [
    (person("p1", "A", cccd="004185001234"), person("p2", "B", name="Hà Thi Nga", cccd="004185001234"),
     MatchReason.SAME_CCCD, False),
    (person("p1", "A"), person("p2", "B"), MatchReason.SAME_NAME_BIRTH_ETHNICITY, True),
    (person("p1", "A"), person("p2", "B", name=NFD), MatchReason.SAME_NAME_BIRTH_ETHNICITY, True),  # NFD = NFC
    (person("p1", "A", name="Hoàng Văn Hòa"), person("p2", "B", name="Hoàng Văn Hoà"),  # tone mark placement
     MatchReason.SAME_NAME_BIRTH_ETHNICITY, False),
    (person("p1", "A", name="HÀ  THỊ  NGA"), person("p2", "B"), MatchReason.SAME_NAME_BIRTH_ETHNICITY, False),
    (person("p1", "A", name="Đàm Thị Mai"), person("p2", "B", name="Ðàm Thị Mai"),  # Đ and the look-alike Ð
     MatchReason.SAME_NAME_BIRTH_ETHNICITY, False),
    (person("p1", "A", cccd="004185001234"), person("p2", "B"), MatchReason.SAME_NAME_BIRTH_ETHNICITY, True),
    (person("p1", "A", ethnicity=None), person("p2", "B", ethnicity=None), MatchReason.SAME_NAME_BIRTH_ETHNICITY,
     True),
    (person("p1", "A"), person("p1", "A"), MatchReason.SAME_RECORD, True),
])
def test_the_same_person(a: PersonRecord, b: PersonRecord, reason: MatchReason, exact: bool) -> None:
    found = match(a, b)
    assert found is not None and found.reason is reason and found.exact_name is exact


@pytest.mark.parametrize(("a", "b"), [
    (person("p1", "A", cccd="004185001234"), person("p2", "B", cccd="004185009999")),  # two CCCDs: two people
    (person("p1", "A"), person("p2", "B", birth=date(1985, 3, 13))),
    (person("p1", "A"), person("p2", "B", ethnicity="07")),
    (person("p1", "A"), person("p2", "B", ethnicity=None)),
    (person("p1", "A", birth=None), person("p2", "B", birth=None)),  # a birth year alone is too weak
    (person("p1", "A"), person("p2", "B", name="Hà Thị Ngân")),
])
def test_not_shown_to_be_the_same_person(a: PersonRecord, b: PersonRecord) -> None:
    assert match(a, b) is None


def test_same_person_needs_two_communes_and_both_nominated_or_one_held_back() -> None:
    people = [person("p1", "A", cccd="004185001234"), person("p2", "B", cccd="004185001234")]
    assert [f.kind for f in detect(people, [nomination("n1", "p1", "A")], [])] == []
    assert [f.kind for f in detect(people, [nomination("n1", "p1", "A"),
                                            nomination("n2", "p2", "B", award="CSTDCS")], [])] == [
        FindingKind.SAME_PERSON]
    # A draft or a returned nomination does not count; a decided one does.
    assert detect(people, [nomination("n1", "p1", "A"), nomination("n2", "p2", "B", status="draft")], []) == []
    assert detect(people, [nomination("n1", "p1", "A"), nomination("n2", "p2", "B", status="returned")], []) == []
    assert len(detect(people, [nomination("n1", "p1", "A"), nomination("n2", "p2", "B", status="decided")], [])) == 1
    held = [people[0], person("p2", "B", cccd="004185001234", held_back="REFERENCE_MISSING")]
    [finding] = detect(held, [], [])
    assert finding.kind is FindingKind.SAME_PERSON and (finding.a, finding.b) == ("p1", "p2")
    # One commune's own two records are its own register's matter, unless nominated twice.
    same_commune = [person("p1", "A"), person("p2", "A")]
    assert detect(same_commune, [nomination("n1", "p1", "A"), nomination("n2", "p2", "A", award="CSTDCS")], []) == []


@pytest.mark.parametrize(("award_code", "years", "periods", "twice"), [
    ("LDTT", (2026, 2026), {}, True),
    ("LDTT", (2025, 2026), {}, False),
    ("CSTD_TINH", (2024, 2026), {"CSTD_TINH": 3}, True),  # within one three-year period
    ("CSTD_TINH", (2023, 2026), {"CSTD_TINH": 3}, False),
    ("LDTT", (2026, None), {}, False),  # a batch not known here: no year to compare
])
def test_the_same_achievement(award_code: str, years: tuple[int, int | None], periods: dict[str, int],
                              twice: bool) -> None:
    people = [person("p1", "A", cccd="004185001234"), person("p2", "B", cccd="004185001234")]
    nominations = [nomination("n1", "p1", "A", award_code, years[0]), nomination("n2", "p2", "B", award_code, years[1])]
    kinds = [f.kind for f in detect(people, nominations, [], periods)]
    assert kinds == ([FindingKind.SAME_ACHIEVEMENT] if twice else [FindingKind.SAME_PERSON])


def test_one_record_nominated_twice_and_the_key_is_stable() -> None:
    people = [person("p1", "A")]
    found = detect(people, [nomination("n2", "p1", "A"), nomination("n1", "p1", "A")], [])
    [finding] = found
    assert finding.kind is FindingKind.SAME_ACHIEVEMENT and finding.identity.reason is MatchReason.SAME_RECORD
    assert finding.key == "same_achievement:n1:n2"
    again = detect(people, [nomination("n1", "p1", "A"), nomination("n2", "p1", "A")], [])
    assert again[0].key == finding.key and again[0].fingerprint == finding.fingerprint
    newer = detect([person("p1", "A", version=2)], [nomination("n1", "p1", "A"), nomination("n2", "p1", "A")], [])
    assert newer[0].key == finding.key and newer[0].fingerprint != finding.fingerprint  # a record changed


def test_releasing_a_held_back_record_keeps_the_finding_key() -> None:
    held = [person("p9", "A", cccd="004185001234"), person("p1", "B", cccd="004185001234", held_back="X")]
    applied = [person("p9", "A", cccd="004185001234"), person("p1", "B", cccd="004185001234")]
    assert detect(held, [], [])[0].key == "same_person:p1:p9"
    both = [nomination("n1", "p9", "A"), nomination("n2", "p1", "B", award="CSTDCS")]
    assert detect(applied, both, [])[0].key == "same_person:p1:p9"


@pytest.mark.parametrize(("a", "b", "codes"), [
    ([award("x1", "p1", "A", decision_number="15/QĐ-UBND")], [award("y1", "p2", "B", decision_number="16/QĐ-UBND")],
     [("AWARD_RECORDED_DIFFERENTLY", ("decision_number",))]),
    ([award("x1", "p1", "A", decision_number="15/QĐ-UBND")], [award("y1", "p2", "B", decision_number="15 / qđ-ubnd")],
     []),  # the same number written another way
    ([award("x1", "p1", "A", decision_number="15/QĐ-UBND")], [award("y1", "p2", "B", decision_number="")],
     []),  # left blank on one side: incomplete, not conflicting
    ([award("x1", "p1", "A", decision_date=date(2024, 12, 20), issuing_level="commune")],
     [award("y1", "p2", "B", decision_date=date(2024, 12, 21), issuing_level="province")],
     [("AWARD_RECORDED_DIFFERENTLY", ("decision_date", "issuing_level"))]),
    ([award("x1", "p1", "A"), award("x2", "p1", "A", code="CSTDCS", year=2025)], [award("y1", "p2", "B")],
     [("AWARD_MISSING", ())]),
    ([award("x1", "p1", "A", year=2023)], [award("y1", "p2", "B", year=2024)],
     [("AWARD_MISSING", ()), ("AWARD_MISSING", ())]),
    ([award("x1", "p1", "A", code="OTHER", title="Giấy khen Hội Nông dân")],
     [award("y1", "p2", "B", code="OTHER", title="Giay khen hoi nong dan")], []),
    ([award("x1", "p1", "A", code="OTHER", title="Giấy khen Hội Nông dân")],
     [award("y1", "p2", "B", code="OTHER", title="Giấy khen Đoàn Thanh niên")], [("AWARD_MISSING", ())] * 2),
])
def test_award_histories_compared(a: list[AwardRecord], b: list[AwardRecord],
                                  codes: list[tuple[str, tuple[str, ...]]]) -> None:
    assert [(d.code.value, d.fields) for d in compare_histories(a, b)] == codes


def test_a_history_conflict_between_communes_only() -> None:
    people = [person("p1", "A", cccd="004185001234"), person("p2", "B", cccd="004185001234")]
    awards = [award("x1", "p1", "A"), award("x2", "p1", "PROVINCE", code="BK_TINH_CN", year=2025)]
    [finding] = detect(people, [], awards)
    assert finding.kind is FindingKind.HISTORY_CONFLICT
    assert [(d.award_code, d.a_award, d.b_award) for d in finding.differences] == [
        ("BK_TINH_CN", "x2", None), ("LDTT", "x1", None)]
    # The same two records in one commune: no history conflict (one register, one history).
    assert detect([person("p1", "A"), person("p2", "A")], [], awards) == []
