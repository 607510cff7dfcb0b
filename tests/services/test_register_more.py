"""The register's additions for the GUI: sorted people pages, listing and removing a subject's
records, the one-transaction ratings grid, and collectives edited with their members."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from thidua_desktop.db.models import CollectiveMember, TaskRating
from thidua_desktop.domain.errors import DomainError, NotFoundError, StateError, ValidationError
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject


def _people(app) -> dict[str, str]:  # type: ignore[no-untyped-def]
    village_a = app.office.add_village("Bản Giốc").id
    village_b = app.office.add_village("Nà Rị").id
    rows = [
        PersonInput("Nông Văn An", "male", birth="1990", village_id=village_b, position="Công chức"),
        PersonInput("Hoàng Thị Ánh", "female", birth="05/03/1975", ethnicity="Tày", village_id=village_a),
        PersonInput("Lý Văn Bình", "male", birth="12/12/1990", village_id=village_a, is_direct_worker=True,
                    position="Nông dân"),
        PersonInput("Bế Thị Đào", "female", position="Chủ tịch Hội Phụ nữ"),
    ]
    return {p.full_name: p.id for p in app.people.create_many(rows)}


def _names(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.full_name for p in page.rows]


def test_people_pages_sort_in_the_query(commune) -> None:  # type: ignore[no-untyped-def]
    _people(commune)
    search = commune.people.search
    assert _names(search(order="name")) == ["Nông Văn An", "Hoàng Thị Ánh", "Lý Văn Bình", "Bế Thị Đào"]
    assert _names(search(order="-name")) == ["Bế Thị Đào", "Lý Văn Bình", "Hoàng Thị Ánh", "Nông Văn An"]
    # Unknown birth last both ways; a year-only birth before the dated ones of the same year.
    assert _names(search(order="birth")) == ["Hoàng Thị Ánh", "Nông Văn An", "Lý Văn Bình", "Bế Thị Đào"]
    assert _names(search(order="-birth")) == ["Lý Văn Bình", "Nông Văn An", "Hoàng Thị Ánh", "Bế Thị Đào"]
    assert _names(search(order="village")) == ["Hoàng Thị Ánh", "Lý Văn Bình", "Nông Văn An", "Bế Thị Đào"]
    assert _names(search(order="-village")) == ["Nông Văn An", "Hoàng Thị Ánh", "Lý Văn Bình", "Bế Thị Đào"]
    # Paging keeps the order and the total.
    second = search(order="-name", offset=2, limit=2)
    assert (_names(second), second.total) == (["Hoàng Thị Ánh", "Nông Văn An"], 4)
    with pytest.raises(ValidationError) as err:
        search(order="salary")
    assert (err.value.code, err.value.field) == ("ENUM_INVALID", "order")


def test_filters_and_officials(commune) -> None:  # type: ignore[no-untyped-def]
    _people(commune)
    assert _names(commune.people.search(gender="female")) == ["Hoàng Thị Ánh", "Bế Thị Đào"]
    assert _names(commune.people.search(ethnic_minority=True)) == ["Hoàng Thị Ánh"]
    assert _names(commune.people.search(officials_only=True)) == ["Nông Văn An", "Bế Thị Đào"]
    with pytest.raises(ValidationError) as err:
        commune.people.search(gender="x")
    assert err.value.field == "gender"


def test_awards_from_catalog_or_free_text_can_be_listed_and_removed(commune) -> None:  # type: ignore[no-untyped-def]
    pid = _people(commune)["Nông Văn An"]
    me = Subject(person_id=pid)
    commune.records.add_award(me, award_code="LDTT", year=2024, decision_number="12/QĐ-UBND",
                              decision_date="20/12/2024")
    free = commune.records.add_award(me, award_code="OTHER", title="Giấy khen của Huyện đoàn", year="2023",
                                     award_kind="commendation_form", issuing_level="province")
    awards = commune.records.awards_of(me)
    assert [(a["award_code"], a["title"], a["award_kind"]) for a in awards] == [
        ("OTHER", "Giấy khen của Huyện đoàn", "commendation_form"),
        ("LDTT", "Lao động tiên tiến", "emulation_title")]  # title and kind come from the catalog
    commune.records.remove_award(free)
    assert [a["award_code"] for a in commune.records.awards_of(me)] == ["LDTT"]
    with pytest.raises(NotFoundError):
        commune.records.remove_award(free)


@pytest.mark.parametrize(
    ("kw", "code", "field"),
    [
        ({"award_code": "OTHER", "award_kind": "commendation_form"}, "REQUIRED", "title"),
        ({"award_code": "OTHER", "title": "Khen", "award_kind": ""}, "REQUIRED", "award_kind"),
        ({"award_code": "NOPE"}, "AWARD_UNKNOWN", "award_code"),
        ({"award_code": "LDTT", "decision_date": "01/01/2020"}, "DATE_ORDER", "decision_date"),
        ({"award_code": "LDTT", "issuing_level": "moon"}, "ENUM_INVALID", "issuing_level"),
    ],
)
def test_bad_awards_are_refused(commune, kw, code, field) -> None:  # type: ignore[no-untyped-def]
    pid = _people(commune)["Nông Văn An"]
    with pytest.raises(DomainError) as err:
        commune.records.add_award(Subject(person_id=pid), year=2024, **kw)
    assert (err.value.code, err.value.field) == (code, field)
    assert commune.records.awards_of(Subject(person_id=pid)) == []


def test_award_written_by_a_decision_is_not_removed_by_hand(commune) -> None:  # type: ignore[no-untyped-def]
    pid = _people(commune)["Nông Văn An"]
    award = commune.records.add_award(Subject(person_id=pid), award_code="LDTT", year=2025, source="decision")
    with pytest.raises(StateError) as err:
        commune.records.remove_award(award)
    assert err.value.code == "AWARD_FROM_DECISION"
    assert len(commune.records.awards_of(Subject(person_id=pid))) == 1


def test_ratings_initiatives_discipline_and_matters_round_trip(commune) -> None:  # type: ignore[no-untyped-def]
    pid = _people(commune)["Nông Văn An"]
    me = Subject(person_id=pid)
    records = commune.records
    records.set_rating(me, 2025, "excellent", "Biên bản 2025")
    rating_2024 = records.set_rating(me, 2024, "good")
    records.set_rating(me, 2025, "completed", "Biên bản sửa")  # replaces, never duplicates
    assert [(r.year, r.rating, r.source_document) for r in records.ratings_of(me)] == [
        (2024, "good", ""), (2025, "completed", "Biên bản sửa")]
    records.remove_rating(rating_2024)
    assert [r.year for r in records.ratings_of(me)] == [2025]

    initiative = records.add_initiative(title="Sổ tay song ngữ", level="grassroots", year=2025, owner_ids=[pid])
    assert [(i.title, i.level, i.used) for i in records.initiatives_of(me)] == [("Sổ tay song ngữ", "grassroots",
                                                                                 False)]
    records.remove_initiative(initiative)
    assert records.initiatives_of(me) == []

    discipline = records.add_discipline(me, level="reprimand", decided_on="10/03/2025", period_end="10/09/2025")
    assert [(d.level, d.period_end.isoformat()) for d in records.disciplines_of(me)] == [("reprimand", "2025-09-10")]
    records.remove_discipline(discipline)
    assert records.disciplines_of(me) == []

    matter = records.open_matter(me, kind="complaint", opened_on="02/10/2025", note="Đơn thư")
    assert [m.is_open for m in records.matters_of(me)] == [True]
    with pytest.raises(ValidationError) as err:
        records.close_matter(matter, "01/10/2025")
    assert err.value.field == "closed_on"
    records.close_matter(matter, "15/10/2025")
    assert [m.closed_on.isoformat() for m in records.matters_of(me)] == ["2025-10-15"]
    records.remove_matter(matter)
    assert records.matters_of(me) == []


def _rating_rows(app) -> int:  # type: ignore[no-untyped-def]
    with app.db.reader() as session:
        return int(session.scalar(select(func.count()).select_from(TaskRating).where(TaskRating.deleted.is_(False))))


def test_ratings_grid_is_one_transaction_naming_the_bad_row(commune) -> None:  # type: ignore[no-untyped-def]
    ids = list(_people(commune).values())
    grid = {Subject(person_id=pid): "good" for pid in ids}
    grid[Subject(person_id=ids[2])] = "brilliant"
    with pytest.raises(ValidationError) as err:
        commune.records.set_ratings(2025, grid)
    assert (err.value.field, err.value.params["row"]) == ("rows[3].rating", 3)
    assert _rating_rows(commune) == 0
    commune.people.delete(ids[3])
    grid[Subject(person_id=ids[2])] = ("excellent", "Biên bản riêng")
    with pytest.raises(NotFoundError) as missing:
        commune.records.set_ratings(2025, grid, source_document="Biên bản chung")
    assert missing.value.field == "rows[4].person"
    assert _rating_rows(commune) == 0
    del grid[Subject(person_id=ids[3])]
    assert commune.records.set_ratings(2025, grid, source_document="Biên bản chung") == 3
    found = commune.records.ratings_in_year(2025, ids)
    assert {pid: (r.rating, r.source_document) for pid, r in found.items()} == {
        ids[0]: ("good", "Biên bản chung"), ids[1]: ("good", "Biên bản chung"),
        ids[2]: ("excellent", "Biên bản riêng")}


def _links(app) -> int:  # type: ignore[no-untyped-def]
    with app.db.reader() as session:
        return int(session.scalar(select(func.count()).select_from(CollectiveMember)
                                  .where(CollectiveMember.deleted.is_(False))))


def test_collective_with_members_is_created_and_edited_in_one_go(commune) -> None:  # type: ignore[no-untyped-def]
    people = _people(commune)
    village = commune.office.villages()[0]
    school = commune.collectives.create("Trường Tiểu học Quảng Uyên", "school", village_id=village.id,
                                        member_count="25", women_count="18",
                                        member_ids=[people["Nông Văn An"], people["Bế Thị Đào"]])
    assert (school.member_count, school.women_count, school.registered_members) == (25, 18, 2)
    updated = commune.collectives.update(school.id, "Trường Tiểu học Quảng Uyên", "school", village_id=village.id,
                                         member_count=25, women_count=18,
                                         member_ids=[people["Bế Thị Đào"], people["Hoàng Thị Ánh"]])
    assert updated.registered_members == 2 and updated.village == village.name
    assert set(commune.collectives.member_ids(school.id)) == {people["Bế Thị Đào"], people["Hoàng Thị Ánh"]}
    assert [p.full_name for p in commune.people.get_many(commune.collectives.member_ids(school.id))] == [
        "Hoàng Thị Ánh", "Bế Thị Đào"]
    # A bad member id leaves the name and the member list as they were.
    with pytest.raises(NotFoundError) as err:
        commune.collectives.update(school.id, "Tên mới", "school", member_ids=[people["Nông Văn An"], "missing"])
    assert err.value.field == "members"
    assert commune.collectives.get(school.id).name == "Trường Tiểu học Quảng Uyên"
    assert _links(commune) == 2
    commune.collectives.delete(school.id)
    assert commune.collectives.search()[1] == 0 and _links(commune) == 0


@pytest.mark.parametrize(
    ("kw", "code", "field"),
    [
        ({"name": " "}, "REQUIRED", "name"),
        ({"kind": "club"}, "ENUM_INVALID", "kind"),
        ({"member_count": "mười"}, "NUMBER_INVALID", "member_count"),
        ({"member_count": "5", "women_count": "6"}, "NUMBER_OUT_OF_RANGE", "women_count"),
        ({"parent_id": "missing"}, "NOT_FOUND", "parent"),
    ],
)
def test_bad_collectives_are_refused(commune, kw, code, field) -> None:  # type: ignore[no-untyped-def]
    data = {"name": "Hội Nông dân xã", "kind": "mass_organisation", **kw}
    with pytest.raises(DomainError) as err:
        commune.collectives.create(data.pop("name"), data.pop("kind"), **data)
    assert (err.value.code, err.value.field) == (code, field)
    assert commune.collectives.search()[1] == 0


def test_unit_cannot_sit_under_itself_and_households_filter(commune) -> None:  # type: ignore[no-untyped-def]
    union = commune.collectives.create("Hội Phụ nữ xã", "mass_organisation")
    branch = commune.collectives.create("Chi hội Phụ nữ Bản Giốc", "mass_organisation", parent_id=union.id)
    with pytest.raises(ValidationError) as err:
        commune.collectives.update(union.id, "Hội Phụ nữ xã", "mass_organisation", parent_id=branch.id)
    assert err.value.code == "PARENT_IS_SELF"
    commune.collectives.create("Hộ gia đình ông Nông Văn An", "household", member_count=4)
    assert [c.name for c in commune.collectives.search(households=False)[0]] == [
        "Chi hội Phụ nữ Bản Giốc", "Hội Phụ nữ xã"]
    assert [c.kind for c in commune.collectives.search(households=True)[0]] == ["household"]
