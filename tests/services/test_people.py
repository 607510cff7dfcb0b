"""The register of people: validation, search that ignores diacritics, Vietnamese order, atomic batches."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from thidua_desktop.db.models import AuditEntry, Person
from thidua_desktop.domain.errors import NotFoundError, ValidationError
from thidua_desktop.services.people import PersonInput


def _person(name: str, **kw: object) -> PersonInput:
    return PersonInput(full_name=name, gender=str(kw.pop("gender", "female")), **kw)  # type: ignore[arg-type]


def test_create_normalises_and_derives_flags(commune) -> None:  # type: ignore[no-untyped-def]
    nfd = "Nông Thị Ánh".encode().decode()  # typed NFC
    import unicodedata

    view = commune.people.create(_person(unicodedata.normalize("NFD", nfd), birth="05/03/1990", ethnicity="tay",
                                         cccd="004190012345"))
    assert view.full_name == unicodedata.normalize("NFC", nfd)
    assert view.ethnicity == "Tày" and view.is_ethnic_minority and view.is_woman
    assert view.birth_date is not None and view.birth_date.isoformat() == "1990-03-05"
    assert view.cccd == "004190012345"


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"full_name": "  "}, "REQUIRED", "full_name"),
        ({"gender": "x"}, "ENUM_INVALID", "gender"),
        ({"birth": "31/02/1990"}, "DATE_INVALID", "birth"),
        ({"cccd": "12345"}, "CCCD_FORMAT", "cccd"),
        ({"ethnicity": "Martian"}, "ETHNICITY_UNKNOWN", "ethnicity"),
        ({"employment_start": "hôm qua"}, "DATE_INVALID", "employment_start"),
    ],
)
def test_bad_input_is_refused_with_code_and_field(commune, changes, code, field) -> None:  # type: ignore[no-untyped-def]
    data = {"full_name": "Lý Văn Cường", "gender": "male", **changes}
    with pytest.raises(ValidationError) as err:
        commune.people.create(PersonInput(**data))
    assert (err.value.code, err.value.field) == (code, field)
    assert commune.people.search("").total == 0


def test_search_ignores_diacritics_and_d_stroke(commune) -> None:  # type: ignore[no-untyped-def]
    commune.people.create_many([_person("Nguyễn Thị Ánh"), _person("Hoàng Văn Đức", gender="male"),
                                _person("Bế Thị Dung")])
    assert [p.full_name for p in commune.people.search("nguyen thi anh").rows] == ["Nguyễn Thị Ánh"]
    assert [p.full_name for p in commune.people.search("duc").rows] == ["Hoàng Văn Đức"]
    assert {p.full_name for p in commune.people.search("THI").rows} == {"Nguyễn Thị Ánh", "Bế Thị Dung"}
    assert commune.people.search("100%_").total == 0  # LIKE wildcards are literal


def test_list_is_paged_in_vietnamese_name_order(commune) -> None:  # type: ignore[no-untyped-def]
    names = ["Lý Văn Bình", "Hoàng Thị Ánh", "Nông Văn An", "Bế Thị Đào", "Vi Văn Dũng", "Đàm Thị Ân"]
    commune.people.create_many([_person(n) for n in names])
    first = commune.people.search("", offset=0, limit=4)
    second = commune.people.search("", offset=4, limit=4)
    assert first.total == 6
    ordered = [p.full_name for p in first.rows + second.rows]
    assert ordered == ["Nông Văn An", "Hoàng Thị Ánh", "Đàm Thị Ân", "Lý Văn Bình", "Vi Văn Dũng", "Bế Thị Đào"]


def test_a_bad_row_leaves_nothing_half_written(commune) -> None:  # type: ignore[no-untyped-def]
    rows = [_person("Nông Văn An"), _person("Lý Thị Hoa"), _person("Sai Ngày Sinh", birth="45/13/1990")]
    with pytest.raises(ValidationError) as err:
        commune.people.create_many(rows)
    assert err.value.field == "rows[3].birth"
    with commune.db.reader() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 0
        assert session.scalar(select(func.count()).select_from(AuditEntry)
                              .where(AuditEntry.table_name == "people")) == 0


def test_duplicate_cccd_is_refused(commune) -> None:  # type: ignore[no-untyped-def]
    commune.people.create(_person("Nông Văn An", gender="male", cccd="004090000001"))
    with pytest.raises(ValidationError) as err:
        commune.people.create(_person("Lý Văn An", gender="male", cccd="004090000001"))
    assert err.value.code == "CCCD_DUPLICATE"


def test_delete_is_a_tombstone(commune) -> None:  # type: ignore[no-untyped-def]
    view = commune.people.create(_person("Nông Văn An", gender="male"))
    commune.people.delete(view.id)
    assert commune.people.search("").total == 0
    with pytest.raises(NotFoundError):
        commune.people.get(view.id)
    with commune.db.reader() as session:
        row = session.get(Person, view.id)
        assert row is not None and row.deleted is True
