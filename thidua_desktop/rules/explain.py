"""Turn reason codes and error codes into one clear sentence, in Vietnamese or English.

The rules only return codes and evidence; this module is the one place that words them, so the
UI, the CLI and printed reports say the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from thidua_desktop.domain.errors import DomainError

from .catalog import Catalog, load_catalog
from .labels import (
    DISCIPLINE,
    INITIATIVE,
    PENDING,
    RATING,
    SUBJECT,
    fmt_date,
    fmt_pct,
    join,
    word,
)
from .results import Decision, Outcome, Reason

# {reason code: (vi template, en template)}; placeholders are filled by _fields().
REASON_TEMPLATES: dict[str, tuple[str, str]] = {
    "RATING_OK": ("Đạt: {ratings} (yêu cầu: từ {rating_level} trở lên)",
                  "Met: {ratings} (required: {rating_level} or better)"),
    "RATING_TOO_LOW": ("Không đạt: {low_ratings}; yêu cầu từ {rating_level} trở lên",
                       "Not met: {low_ratings}; required: {rating_level} or better"),
    "RATING_MISSING": ("Chưa đủ thông tin: chưa có kết quả đánh giá, xếp loại năm {missing_years}",
                       "Incomplete: no task rating recorded for {missing_years}"),
    "TITLE_STREAK_OK": ("Đạt: {held_names} năm {years}{decisions}",
                        "Met: {held_names} in {years}{decisions}"),
    "TITLE_STREAK_SHORT": ("Không đạt: cần {names} các năm {years}, còn thiếu năm {missing_years}",
                           "Not met: {names} needed for {years}; missing {missing_years}"),
    "INITIATIVE_OK": ("Đạt: có {found} sáng kiến {initiative_level} trở lên chưa dùng cho khen thưởng "
                      "khác: {initiative_titles}",
                      "Met: {found} unused {initiative_level} or higher initiative(s): {initiative_titles}"),
    "INITIATIVE_MISSING": ("Không đạt: cần {count} sáng kiến {initiative_level} trở lên trong giai đoạn "
                           "{window}, mới có {found}",
                           "Not met: {count} {initiative_level} or higher initiative(s) needed in {window}; "
                           "{found} found"),
    "INITIATIVE_ALREADY_USED": ("Không đạt: sáng kiến {used_titles} đã được dùng làm căn cứ khen thưởng "
                                "khác (mỗi sáng kiến chỉ dùng một lần)",
                                "Not met: initiative {used_titles} already backed another award (each "
                                "initiative may be used only once)"),
    "DISCIPLINE_NONE": ("Đạt: không bị kỷ luật từ mức {discipline_level} trở lên trong giai đoạn {period}",
                        "Met: no discipline at {discipline_level} or above in {period}"),
    "DISCIPLINE_IN_PERIOD": ("Không đạt: bị kỷ luật {disciplines} trong giai đoạn {period}; thành tích chỉ "
                             "được tính từ khi hết thời hạn kỷ luật",
                             "Not met: discipline ({disciplines}) during {period}; achievements count "
                             "only from the end of the discipline period"),
    "DISCIPLINE_END_UNKNOWN": ("Chưa đủ thông tin: chưa rõ ngày hết thời hạn kỷ luật {disciplines}",
                               "Incomplete: end of the discipline period unknown ({disciplines})"),
    "PENDING_NONE": ("Đạt: không có vụ việc đang xem xét kỷ luật, điều tra hoặc khiếu nại vào ngày {as_of}",
                     "Met: no open discipline review, investigation or complaint on {as_of}"),
    "PENDING_MATTER_OPEN": ("Hoãn xét khen thưởng: {matters}",
                            "Deferred: {matters}"),
    "MONTHS_WORKED_OK": ("Đạt: đã công tác {months} tháng tính đến {period_end} (yêu cầu ít nhất "
                         "{months_required} tháng)",
                         "Met: {months} months worked by {period_end} ({months_required} required)"),
    "MONTHS_WORKED_SHORT": ("Không đạt: công tác từ {employment_start}, đến {period_end} mới được {months} "
                            "tháng; yêu cầu ít nhất {months_required} tháng",
                            "Not met: working since {employment_start}, only {months} months by "
                            "{period_end}; {months_required} required"),
    "EMPLOYMENT_START_UNKNOWN": ("Chưa đủ thông tin: chưa có ngày bắt đầu công tác",
                                 "Incomplete: the date work started is not recorded"),
    "MEMBER_SHARE_OK": ("Đạt: {with_title}/{members} thành viên ({share_pct}%) đạt {names}; yêu cầu từ "
                        "{min_pct}%",
                        "Met: {with_title} of {members} members ({share_pct}%) hold {names}; "
                        "{min_pct}% required"),
    "MEMBER_SHARE_LOW": ("Không đạt: chỉ {with_title}/{members} thành viên ({share_pct}%) đạt {names}; yêu "
                         "cầu từ {min_pct}%",
                         "Not met: only {with_title} of {members} members ({share_pct}%) hold {names}; "
                         "{min_pct}% required"),
    "MEMBERS_ALL_COMPLETED": ("Đạt: 100% thành viên ({members}) đạt mức {min_rating} trở lên",
                              "Met: all {members} members {min_rating} or better"),
    "MEMBERS_NOT_ALL_COMPLETED": ("Không đạt: {below} thành viên dưới mức {min_rating}",
                                  "Not met: {below} member(s) below '{min_rating}'"),
    "MEMBER_RATING_MISSING": ("Chưa đủ thông tin: chưa có kết quả xếp loại của {missing} thành viên",
                              "Incomplete: no task rating for {missing} member(s)"),
    "MEMBER_TITLE_OK": ("Đạt: có {holders} thành viên đạt {names}",
                        "Met: {holders} member(s) hold {names}"),
    "MEMBER_TITLE_MISSING": ("Không đạt: cần ít nhất {required} thành viên đạt {names}, hiện có {holders}",
                             "Not met: at least {required} member(s) with {names} needed; {holders} found"),
    "MEMBER_DISCIPLINED": ("Không đạt: có {disciplined} thành viên bị kỷ luật từ mức {discipline_level} "
                           "trở lên",
                           "Not met: {disciplined} member(s) disciplined at {discipline_level} or above"),
    "MEMBERS_NOT_DISCIPLINED": ("Đạt: không có thành viên bị kỷ luật từ mức {discipline_level} trở lên",
                                "Met: no member disciplined at {discipline_level} or above"),
    "MEMBERS_UNKNOWN": ("Chưa đủ thông tin: chưa có danh sách thành viên của tập thể",
                        "Incomplete: the collective's members are not recorded"),
    "ATTESTED": ("Đạt (đã xác nhận): {label}", "Met (attested): {label}"),
    "NEEDS_ATTESTATION": ("Cần cán bộ xác nhận: {label}", "Needs an officer's confirmation: {label}"),
    "NOT_ATTESTED": ("Không áp dụng (chưa được xác nhận): {label}", "Not applicable (not attested): {label}"),
    "ONE_OF_OK": ("Đạt: {label} (theo: {passed_labels})", "Met: {label} (by: {passed_labels})"),
    "ONE_OF_UNKNOWN": ("Chưa đủ thông tin: {label} (cần xác nhận: {unknown_labels})",
                       "Incomplete: {label} (to confirm: {unknown_labels})"),
    "ONE_OF_NONE": ("Không đạt: {label} (không đáp ứng điều kiện nào)",
                    "Not met: {label} (none of the options applies)"),
    "ALL_OF_OK": ("Đạt: {label}", "Met: {label}"),
    "ALL_OF_UNKNOWN": ("Chưa đủ thông tin: {label} (cần xác nhận: {unknown_labels})",
                       "Incomplete: {label} (to confirm: {unknown_labels})"),
    "ALL_OF_FAILED": ("Không đạt: {label} (chưa đạt: {failed_labels})",
                      "Not met: {label} (not met: {failed_labels})"),
    "SUBJECT_TYPE_MISMATCH": ("Không đạt: danh hiệu, hình thức này dành cho {expected}, không dành cho "
                              "{actual}",
                              "Not met: this award is for {expected}, not for {actual}"),
    "AWARD_ALREADY_RECEIVED": ("Không đạt: đã được tặng {held_names} năm {years}{decisions}; không khen thưởng "
                               "nhiều lần cho một thành tích",
                               "Not met: {held_names} already received for {years}{decisions}; one achievement "
                               "is not awarded twice"),
    "AWARD_NOT_YET_RECEIVED": ("Đạt: chưa được tặng {names} cho thành tích năm {years}",
                               "Met: {names} not yet received for the achievements of {years}"),
}

# {error code: (vi template, en template)}; placeholders are the error's field and params.
MESSAGES: dict[str, tuple[str, str]] = {
    "CATALOG_TOO_NEW": (
        "Danh mục khen thưởng có định dạng phiên bản {found}, mới hơn phiên bản {supported} mà ứng dụng "
        "hỗ trợ. Vui lòng cập nhật ứng dụng.",
        "The award catalog has format version {found}, newer than the version {supported} this app "
        "supports. Please update the app.",
    ),
    "CATALOG_INVALID": ("Danh mục khen thưởng không hợp lệ tại {field}: {problem}.",
                        "The award catalog is invalid at {field}: {problem}."),
    "CATALOG_NOT_FOUND": ("Không tìm thấy tệp danh mục khen thưởng: {path}.",
                          "The award catalog file was not found: {path}."),
    "AWARD_UNKNOWN": ("Danh mục không có danh hiệu, hình thức khen thưởng mã “{value}”.",
                      "The catalog has no award with code '{value}'."),
    "BASE_SALARY_UNKNOWN": ("Danh mục chưa có mức lương cơ sở áp dụng vào ngày {day}.",
                            "The catalog has no base salary in force on {day}."),
    "LOCAL_PARAM_INVALID": ("Giá trị cài đặt tại {field} không hợp lệ: {problem}.",
                            "The local setting {field} is invalid: {problem}."),
    "YEAR_IN_FUTURE": ("Năm xét {year} chưa kết thúc tại ngày {as_of}.",
                       "The year {year} is after the evaluation date {as_of}."),
    "VALUE_OUT_OF_RANGE": ("Giá trị {value} của {field} nằm ngoài phạm vi cho phép.",
                           "The value {value} of {field} is out of range."),
    "VALUE_NEGATIVE": ("Giá trị {value} của {field} không được âm.",
                       "The value {value} of {field} must not be negative."),
}

# Words for the "problem" parameter of CATALOG_INVALID and LOCAL_PARAM_INVALID.
PROBLEMS: dict[str, tuple[str, str]] = {
    "missing": ("thiếu trường bắt buộc", "a required field is missing"),
    "wrong_type": ("sai kiểu dữ liệu (cần {expected})", "wrong type (expected {expected})"),
    "empty": ("danh sách không được để trống", "the list must not be empty"),
    "unknown_key": ("trường không được hỗ trợ", "unsupported field"),
    "unknown_check": ("phép kiểm tra “{value}” không được hỗ trợ", "unsupported check '{value}'"),
    "unknown_value": ("giá trị “{value}” không hợp lệ (cho phép: {allowed})",
                      "invalid value '{value}' (allowed: {allowed})"),
    "unknown_award": ("mã danh hiệu “{value}” không có trong danh mục",
                      "award code '{value}' is not in the catalog"),
    "unknown_source": ("mã nguồn “{value}” không có trong danh sách nguồn", "source '{value}' not listed"),
    "duplicate": ("mã “{value}” bị trùng", "duplicate code '{value}'"),
    "out_of_range": ("giá trị {value} nằm ngoài phạm vi [{minimum}, {maximum}]",
                     "value {value} out of range [{minimum}, {maximum}]"),
    "json_syntax": ("lỗi cú pháp JSON ở dòng {line}, cột {column}", "JSON syntax error at line {line}, "
                    "column {column}"),
    "not_utf8": ("tệp không được mã hóa UTF-8", "the file is not UTF-8 encoded"),
    "not_allowed": ("tỉnh không cho phép xã điều chỉnh giá trị này", "the province does not allow this "
                    "value to be changed locally"),
    "not_applicable": ("danh hiệu này không có quy định về tỷ lệ", "this award has no quota"),
}


class _Params(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _idx(lang: str) -> int:
    return 0 if lang == "vi" else 1


def explain_error(error: DomainError, lang: str = "vi") -> str:
    """One sentence for a catalog or rules error."""
    params = _Params(error.params)
    params["field"] = error.field or "$"
    problem = str(params.get("problem", ""))
    if problem in PROBLEMS:
        params["problem"] = PROBLEMS[problem][_idx(lang)].format_map(params)
    template = MESSAGES.get(error.code)
    if template is None:
        return f"{error.code} {dict(error.params)}"
    return template[_idx(lang)].format_map(params)


def _names(codes: Sequence[str], lang: str, catalog: Catalog | None) -> str:
    out: list[str] = []
    for code in codes:
        try:
            award = catalog.award(code) if catalog is not None else None
        except DomainError:
            award = None
        name = (award.name_vi if lang == "vi" else award.name_en) if award else code
        if name not in out:  # LDTT and LDTT_LD share one printed name
            out.append(name)
    return join(out, lang, "hoặc" if lang == "vi" else "or")


def _label(reason: Reason, lang: str) -> str:
    return (reason.label_vi if lang == "vi" else reason.label_en) or reason.criterion_id


def _fields(reason: Reason, lang: str, catalog: Catalog | None) -> dict[str, Any]:
    ev: Mapping[str, Any] = reason.evidence
    year_word = "năm" if lang == "vi" else "in"
    f = _Params(ev)
    f["label"] = _label(reason, lang)
    f["years"] = join(ev.get("years", []), lang)
    f["missing_years"] = join(ev.get("missing_years", []), lang)
    f["names"] = _names(ev.get("award_codes", []), lang, catalog)
    awards = ev.get("awards", [])
    f["held_names"] = _names(list(dict.fromkeys(a["award_code"] for a in awards)), lang, catalog)
    numbers = [a["decision_number"] for a in awards if a.get("decision_number")]
    f["decisions"] = f" ({'QĐ số' if lang == 'vi' else 'decision'} {', '.join(numbers)})" if numbers else ""
    ratings = ev.get("ratings", [])
    f["ratings"] = "; ".join(f"{year_word} {r['year']}: {word(RATING, r['rating'], lang)}" for r in ratings)
    low = set(ev.get("low_years", []))
    f["low_ratings"] = "; ".join(
        f"{year_word} {r['year']}: {word(RATING, r['rating'], lang)}" for r in ratings if r["year"] in low
    )
    f["rating_level"] = word(RATING, ev.get("level"), lang)
    f["min_rating"] = word(RATING, ev.get("min_rating"), lang)
    f["discipline_level"] = word(DISCIPLINE, ev.get("min_level"), lang)
    f["initiative_level"] = word(INITIATIVE, ev.get("min_level"), lang)
    found = ev.get("initiatives", [])
    f["found"] = len(found)
    f["initiative_titles"] = "; ".join(f"“{i['title']}” ({i['decision_number'] or i['year']})" for i in found)
    f["used_titles"] = join([f"“{i['title']}”" for i in ev.get("already_used", [])], lang)
    if "years" in ev and reason.code.startswith("INITIATIVE"):
        f["window"] = f"{ev['years'][0]}–{ev['years'][1]}"
    if "period" in ev:
        start, end = ev["period"]
        if start[5:] == "01-01" and end[5:] == "12-31" and start[:4] == end[:4]:
            f["period"] = f"{'năm' if lang == 'vi' else 'the year'} {start[:4]}"
        else:
            f["period"] = f"{fmt_date(start, lang)}–{fmt_date(end, lang)}"
    f["disciplines"] = "; ".join(
        f"{word(DISCIPLINE, d['level'], lang)} ({'QĐ' if lang == 'vi' else 'decision'} "
        f"{d['decision_number'] or '?'}, {fmt_date(d['decided_on'], lang)})"
        for d in ev.get("disciplines", [])
    )
    f["matters"] = "; ".join(
        f"{word(PENDING, m['kind'], lang)} ({'từ ngày' if lang == 'vi' else 'since'} "
        f"{fmt_date(m['opened_on'], lang)})"
        for m in ev.get("open", [])
    )
    for key in ("as_of", "period_end", "employment_start"):
        if key in ev:
            f[key] = fmt_date(ev[key], lang)
    if "share" in ev:
        f["share_pct"] = fmt_pct(ev["share"] * 100)
        f["min_pct"] = fmt_pct(ev["min_share"] * 100)
    for key in ("below", "missing", "holders", "disciplined"):
        if isinstance(ev.get(key), list):
            f[key] = len(ev[key])
    f["expected"] = word(SUBJECT, ev.get("expected"), lang)
    f["actual"] = word(SUBJECT, ev.get("actual"), lang)
    by_id = {c.criterion_id: _label(c, lang) for c in reason.children}
    for key in ("passed", "unknown", "failed"):
        f[f"{key}_labels"] = "; ".join(by_id.get(i, i) for i in ev.get(key, []))
    return f


def explain_reason(reason: Reason, lang: str = "vi", catalog: Catalog | None = None) -> str:
    """One sentence for a reason. Award names come from ``catalog`` (default: the shipped one)."""
    if catalog is None:
        try:
            catalog = load_catalog()
        except DomainError:
            catalog = None  # still explain, with codes instead of names
    template = REASON_TEMPLATES.get(reason.code)
    if template is None:
        return f"{_label(reason, lang)}: {reason.code}"
    return template[_idx(lang)].format_map(_fields(reason, lang, catalog))


DECISION_LABELS: dict[str, tuple[str, str]] = {
    "eligible": ("Đủ điều kiện", "Eligible"),
    "not_eligible": ("Không đủ điều kiện", "Not eligible"),
    "incomplete": ("Chưa đủ thông tin để kết luận", "Incomplete: more information needed"),
}
UNVERIFIED = ("chưa xác minh", "not verified")
_MARKS = {Outcome.PASS: "✓", Outcome.FAIL: "✗", Outcome.UNKNOWN: "?"}


def explain_decision(decision: Decision, lang: str = "vi", catalog: Catalog | None = None,
                     unverified_mark: str | None = None) -> list[str]:
    """The overall outcome, then one line per criterion, marking rules whose source is not verified
    ("[chưa xác minh]", or ``unverified_mark`` where the screen explains its mark in a legend)."""
    if catalog is None:
        try:
            catalog = load_catalog()
        except DomainError:
            catalog = None
    lines = [DECISION_LABELS[decision.outcome.value][_idx(lang)]]
    for reason in decision.reasons:
        lines.extend(_reason_lines(reason, lang, catalog, 0, unverified_mark))
    return lines


def _reason_lines(reason: Reason, lang: str, catalog: Catalog | None, depth: int,
                  mark: str | None = None) -> list[str]:
    text = explain_reason(reason, lang, catalog)
    if not reason.verified:
        text += f" {mark}" if mark else f" [{UNVERIFIED[_idx(lang)]}]"
    lines = [f"{'    ' * depth}{_MARKS[reason.outcome]} {text}"]
    # Show why a one_of / all_of did not pass: the officer needs the options that fell short.
    if reason.outcome is not Outcome.PASS:
        for child in reason.children:
            lines.extend(_reason_lines(child, lang, catalog, depth + 1, mark))
    return lines
