"""The commands that let a script build any situation without the GUI: ``thidua people add|edit``
(with the employment start and the Mẫu 05 fields), ``thidua ratings set|list``, ``thidua batches
add|list`` and ``thidua nominations create``.

Exit codes as everywhere: 0 success, 1 the data was refused (one line on stderr), 2 a malformed
command line. ``nominations create`` saves the draft and exits 0 whatever the app's check finds;
``thidua eligibility`` is the command that exits 1 for an ineligible nominee.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .cli_common import opened as _opened
from .cli_common import out as _out
from .cli_common import print_json as _json
from .cli_common import say as _t

__all__ = ["add_parsers", "cmd_batches_add", "cmd_nominations_create", "cmd_people_add", "cmd_people_edit",
           "cmd_ratings_set", "quota_line"]

# --flag -> PersonInput field, with its help text (the person form's fields, Mẫu 05 included).
_PERSON_FLAGS: tuple[tuple[str, str, str], ...] = (
    ("--birth", "birth", "ngày sinh dd/mm/yyyy hoặc năm / date of birth or year"),
    ("--ethnicity", "ethnicity", "dân tộc / ethnic group"),
    ("--cccd", "cccd", "số CCCD / citizen ID"),
    ("--phone", "phone", "số điện thoại / phone"),
    ("--position", "position", "chức vụ / position"),
    ("--workplace", "workplace", "đơn vị công tác / workplace"),
    ("--village", "village_id", "mã thôn, xóm / village id"),
    ("--address", "address", "địa chỉ / address"),
    ("--employment-start", "employment_start", "ngày bắt đầu công tác dd/mm/yyyy / employment start"),
    ("--hometown", "hometown", "quê quán / hometown"),
    ("--qualification", "qualification", "trình độ chuyên môn / professional qualification"),
    ("--political-theory", "political_theory", "lý luận chính trị / political theory"),
    ("--academic-title", "academic_title", "học hàm, học vị / academic title"),
    ("--duties", "duties", "nhiệm vụ được giao / duties assigned"),
    ("--notes", "notes", "ghi chú / notes"),
)


def _person_fields(args: argparse.Namespace) -> dict[str, Any]:
    """The PersonInput fields given on the command line (an empty value clears the field)."""
    fields: dict[str, Any] = {}
    for flag, name, _help in _PERSON_FLAGS:
        value = getattr(args, flag[2:].replace("-", "_"))
        if value is not None:
            fields[name] = value or None if name == "village_id" else value
    if args.direct_worker is not None:
        fields["is_direct_worker"] = args.direct_worker
    return fields


def cmd_people_add(args: argparse.Namespace) -> int:
    from .services.people import PersonInput

    with _opened(args) as app:
        person = app.people.create(PersonInput(full_name=args.name, gender=args.gender, **_person_fields(args)))
    if args.json:
        _json(person.to_json())
    else:
        _out(person.id)
    return 0


def cmd_people_edit(args: argparse.Namespace) -> int:
    fields = _person_fields(args)
    if args.name is not None:
        fields["full_name"] = args.name
    if args.gender is not None:
        fields["gender"] = args.gender
    if not fields:  # nothing to change: the command line is incomplete
        sys.stderr.write(_t(args.lang, "Lệnh không hợp lệ: cần ít nhất một trường để sửa (ví dụ --position). "
                                       "Xem «thidua people edit --help».",
                            "Usage error: give at least one field to change (e.g. --position). "
                            "See «thidua people edit --help».") + "\n")
        return 2
    with _opened(args) as app:
        person = app.people.edit(args.person_id, fields)
    if args.json:
        _json(person.to_json())
    else:
        _out(_t(args.lang, f"Đã sửa {person.full_name} ({person.id}).", f"Updated {person.full_name} ({person.id})."))
    return 0


def cmd_ratings_set(args: argparse.Namespace) -> int:
    from .services.records import Subject
    from .spreadsheets.record_fields import RATING_ABBREVIATIONS, rating_of

    rating = rating_of(args.rating)
    with _opened(args) as app:  # an unclear rating is refused by the service, naming the allowed values
        app.records.set_rating(Subject(person_id=args.person_id), args.year, rating.value if rating else args.rating,
                               args.source or "")
        person = app.people.get(args.person_id)
    short = RATING_ABBREVIATIONS[rating] if rating else args.rating
    _out(_t(args.lang, f"Đã ghi {person.full_name}, năm {args.year}: {short}.",
            f"Recorded {person.full_name}, {args.year}: {short}."))
    return 0


def cmd_ratings_list(args: argparse.Namespace) -> int:
    from .domain.enums import TaskRating
    from .services.records import Subject
    from .spreadsheets.record_fields import RATING_ABBREVIATIONS

    with _opened(args) as app:
        rows = app.records.ratings_of(Subject(person_id=args.person_id))
    if args.json:
        _json([{"id": r.id, "year": r.year, "rating": r.rating, "source_document": r.source_document} for r in rows])
        return 0
    for r in rows:
        _out(f"{r.year}  {RATING_ABBREVIATIONS[TaskRating(r.rating)]:<7} {r.source_document}")
    return 0


def cmd_batches_add(args: argparse.Namespace) -> int:
    with _opened(args) as app:
        batch = app.nominations.create_batch(args.name, args.year, args.kind, args.deadline or "")
    if args.json:
        _json(_batch_json(batch))
    else:
        _out(batch.id)
    return 0


def cmd_batches_list(args: argparse.Namespace) -> int:
    with _opened(args) as app:
        rows = app.nominations.batches()
    if args.json:
        _json([_batch_json(b) for b in rows])
        return 0
    for b in rows:
        _out(f"{b.id}  {b.year}  {b.name}")
    return 0


def _batch_json(batch: Any) -> dict[str, Any]:
    return {"id": batch.id, "name": batch.name, "year": batch.year, "kind": batch.kind,
            "deadline": batch.deadline.isoformat() if batch.deadline else None}


def cmd_nominations_create(args: argparse.Namespace) -> int:
    from .services.nomination_views import NomineeDraft

    draft = NomineeDraft(args.person, args.collective, args.summary or "", attested=list(args.attest or []),
                         initiative_ids=list(args.initiative or []))
    with _opened(args) as app:
        [view] = app.nominations.create_many(batch_id=args.batch_id, award_code=args.award, nominees=[draft],
                                             commendation_kind=args.kind)
        eligibility = app.nominations.eligibility(view.id)
        quota = app.nominations.quota(view.batch_id, view.award_code)
    if args.json:
        _json({**view.to_json(), "eligibility": eligibility, "quota": quota})
        return 0
    _out(view.id)
    _out(_t(args.lang, f"{view.nominee_name} — {view.award_name}: kết quả tự kiểm tra «{view.eligibility_outcome}».",
            f"{view.nominee_name} — {view.award_name}: the app's check says «{view.eligibility_outcome}»."))
    if line := quota_line(quota, args.lang):
        _out(line)
    return 0


def quota_line(quota: dict[str, Any], lang: str) -> str:
    """The batch's quota for the award in one line, or "" when the award has none."""
    if not quota.get("enabled"):
        return ""
    state = _t(lang, "trong giới hạn", "within") if quota["within"] else _t(lang, "VƯỢT tỷ lệ", "OVER the quota")
    return _t(lang, f"Tỷ lệ khống chế của đợt: {quota['count']}/{quota['limit']} ({state}).",
              f"Batch quota: {quota['count']}/{quota['limit']} ({state}).")


def _person_arguments(p: argparse.ArgumentParser) -> None:
    for flag, _name, text in _PERSON_FLAGS:
        p.add_argument(flag, help=text)
    p.add_argument("--json", action="store_true")


def add_parsers(sub: Any, parser_class: type[argparse.ArgumentParser], *, people: Any, nominations: Any) -> None:
    """Add the commands to ``thidua``: ``sub`` is build_parser's sub-commands, ``people`` and
    ``nominations`` the sub-commands of those groups (``people add`` is declared there already;
    its fields are added here)."""
    p = people.choices["add"]
    for flag, _name, text in _PERSON_FLAGS:
        try:
            p.add_argument(flag, help=text)
        except argparse.ArgumentError:  # cli.py declares some of them already
            continue
    p.add_argument("--direct-worker", action="store_const", const=True, default=None,
                   help="lao động trực tiếp / a direct worker")
    p.set_defaults(func=cmd_people_add)

    p = people.add_parser("edit", help="sửa một cá nhân (chỉ các trường được ghi) / change a person's given fields")
    p.add_argument("person_id")
    p.add_argument("--name", help="họ và tên / full name")
    p.add_argument("--gender", help="male | female")
    _person_arguments(p)
    worker = p.add_mutually_exclusive_group()
    worker.add_argument("--direct-worker", dest="direct_worker", action="store_const", const=True, default=None,
                        help="là lao động trực tiếp / is a direct worker")
    worker.add_argument("--not-direct-worker", dest="direct_worker", action="store_const", const=False,
                        help="không phải lao động trực tiếp / is not a direct worker")
    p.set_defaults(func=cmd_people_edit)

    ratings = sub.add_parser("ratings", help="mức độ hoàn thành nhiệm vụ hằng năm / annual task ratings") \
        .add_subparsers(dest="action", required=True, parser_class=parser_class)
    p = ratings.add_parser("set", help="ghi mức của một năm (thay mức cũ) / set a year's rating (replaces it)")
    p.add_argument("person_id")
    p.add_argument("year")
    p.add_argument("rating", help="HTXSNV | HTTNV | HTNV | KHTNV, viết tắt hoặc đầy đủ / abbreviated or in full")
    p.add_argument("--source", help="văn bản căn cứ / source document")
    p.set_defaults(func=cmd_ratings_set)
    p = ratings.add_parser("list", help="các năm đã ghi của một người / a person's ratings")
    p.add_argument("person_id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_ratings_list)

    batches = sub.add_parser("batches", help="đợt xét khen thưởng / nomination batches") \
        .add_subparsers(dest="action", required=True, parser_class=parser_class)
    p = batches.add_parser("add", help="tạo đợt mới / create a batch")
    p.add_argument("--name", required=True)
    p.add_argument("--year", required=True)
    p.add_argument("--kind", default="annual", help="annual | thematic | … (mặc định / default annual)")
    p.add_argument("--deadline", help="hạn nộp dd/mm/yyyy / deadline")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_batches_add)
    p = batches.add_parser("list", help="liệt kê đợt / list batches")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_batches_list)

    p = nominations.add_parser("create", help="lập đề nghị nháp / draft a nomination")
    p.add_argument("batch_id", help="mã đợt / batch id")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--person", help="mã cá nhân / person id")
    who.add_argument("--collective", help="mã tập thể, hộ / collective or household id")
    p.add_argument("--award", required=True, help="mã danh hiệu, hình thức / award code (LDTT, CSTDCS …)")
    p.add_argument("--kind", default="regular", help="loại hình khen thưởng / kind of commendation")
    p.add_argument("--initiative", action="append", help="mã sáng kiến làm căn cứ (lặp lại được) / initiative id")
    p.add_argument("--attest", action="append", help="tiêu chí cán bộ xác nhận / criterion attested")
    p.add_argument("--summary", help="tóm tắt thành tích / achievement summary")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_nominations_create)
