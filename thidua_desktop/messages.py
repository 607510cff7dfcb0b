"""Reason codes -> one clear sentence in Vietnamese (default) or English, naming the field.

Each core module that raises codes keeps its own ``MESSAGES`` table; this module merges them
with the service-level codes below. The GUI uses the same tables, so a code reads the same
everywhere."""

from __future__ import annotations

import re
import string
from typing import Any

from .account_messages import ACCOUNT_MESSAGES
from .domain.errors import DomainError, Notice, ValidationErrors
from .exchange_messages import EXCHANGE_MESSAGES
from .service_messages import SERVICE_MESSAGES  # re-exported: callers import it from here
from .storage_messages import STORAGE_MESSAGES

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "full_name": ("Họ và tên", "Full name"), "gender": ("Giới tính", "Gender"),
    "birth": ("Ngày sinh", "Date of birth"), "ethnicity": ("Dân tộc", "Ethnicity"),
    "cccd": ("Số CCCD", "Citizen ID number"), "phone": ("Số điện thoại", "Phone"),
    "village": ("Thôn, xóm", "Village"), "village_name": ("Tên thôn, xóm", "Village name"),
    "employment_start": ("Ngày bắt đầu công tác", "Employment start"),
    "role": ("Vai trò", "Role"), "unit_code": ("Mã đơn vị", "Unit code"),
    "award_code": ("Danh hiệu / hình thức khen thưởng", "Award"),
    "commendation_kind": ("Loại hình khen thưởng", "Kind of commendation"),
    "nominee": ("Người/tập thể được đề nghị", "Nominee"), "batch": ("Đợt xét khen thưởng", "Nomination batch"),
    "nomination": ("Đề nghị khen thưởng", "Nomination"), "status": ("Trạng thái", "Status"),
    "reason": ("Lý do", "Reason"), "year": ("Năm", "Year"), "rating": ("Mức độ hoàn thành nhiệm vụ", "Task rating"),
    "level": ("Mức", "Level"), "decided_on": ("Ngày quyết định", "Decision date"),
    "period_end": ("Ngày hết thời hạn", "End of period"), "number": ("Số quyết định", "Decision number"),
    "signer_name": ("Người ký", "Signer"), "recipients": ("Danh sách khen thưởng", "Recipients"),
    "held_on": ("Ngày tổ chức", "Date held"), "started_at": ("Giờ bắt đầu", "Start time"),
    "secretary": ("Thư ký cuộc họp", "Meeting secretary"), "head_person": ("Chủ hộ", "Head of household"),
    "province_rules_date": ("Ngày ban hành quy định của tỉnh", "Date of the province's rules"),
    "movement": ("Phong trào", "Movement"),
    "code": ("Mã", "Code"), "name": ("Tên", "Name"), "file": ("Tệp", "File"), "data_dir": ("Thư mục dữ liệu", "Data folder"),
    "present_members": ("Thành viên có mặt", "Members present"), "title": ("Tên", "Title"),
    "owners": ("Tác giả", "Owners"), "initiatives": ("Sáng kiến", "Initiatives"), "subject": ("Đối tượng", "Subject"),
    "people": ("Số người", "Number of people"), "decision_date": ("Ngày quyết định", "Decision date"),
    "participants_total": ("Tổng số người tham gia", "Participants"),
    "participants_women": ("Số nữ tham gia", "Women participants"),
    "participants_minority": ("Số người dân tộc thiểu số", "Minority participants"),
    "theme": ("Chủ đề", "Theme"), "launch_level": ("Cấp phát động", "Launching level"),
    "launch_doc_number": ("Số văn bản phát động", "Launch document number"),
    "launch_doc_date": ("Ngày văn bản phát động", "Launch document date"), "kind": ("Loại", "Kind"),
    "period_start": ("Ngày bắt đầu", "Start date"), "interim_review_date": ("Ngày sơ kết", "Interim review date"),
    "final_review_date": ("Ngày tổng kết", "Final review date"), "goals": ("Mục tiêu", "Goals"),
    "criteria": ("Tiêu chí", "Criteria"), "participants": ("Đơn vị tham gia", "Participants"),
    "indicators": ("Chỉ tiêu", "Indicators"), "indicator_values": ("Kết quả chỉ tiêu", "Indicator values"),
    "place": ("Địa điểm", "Place"), "description": ("Nội dung", "Description"),
    "discovered_on": ("Ngày phát hiện", "Date discovered"), "entered_on": ("Ngày chuyển bước", "Stage date"),
    "notes": ("Ghi chú", "Notes"), "attachment": ("Tệp đính kèm", "Attachment"), "activity": ("Hoạt động", "Activity"),
    "files": ("Tệp đính kèm", "Files"), "person": ("Cá nhân", "Person"), "collective": ("Tập thể", "Collective"),
    "exemplar": ("Điển hình tiên tiến", "Advanced example"), "stage": ("Bước", "Stage"),
    "valid_from": ("Ngày áp dụng", "Valid from"), "base_salary": ("Mức lương cơ sở", "Base salary"),
    "member_count": ("Số thành viên", "Number of members"), "women_count": ("Số nữ", "Women"),
    "parent": ("Đơn vị cấp trên", "Parent unit"), "members": ("Thành viên", "Members"),
    "award_kind": ("Loại khen thưởng", "Type of award"), "issuing_level": ("Cấp khen thưởng", "Issuing level"),
    "decision_number": ("Số quyết định", "Decision number"), "opened_on": ("Ngày bắt đầu", "Opened on"),
    "closed_on": ("Ngày kết thúc", "Closed on"), "source_document": ("Văn bản căn cứ", "Source document"),
    "order": ("Thứ tự sắp xếp", "Sort order"), "award": ("Khen thưởng", "Award record"),
    "initiative": ("Sáng kiến", "Initiative"), "discipline": ("Kỷ luật", "Discipline record"),
    "matter": ("Vụ việc", "Open matter"), "deadline": ("Hạn nộp hồ sơ", "Deadline"),
    "review_deadline": ("Hạn thẩm định", "Review deadline"), "comment": ("Ý kiến", "Comment"),
    "documents": ("Hồ sơ", "Documents"), "council_role": ("Vai trò trong Hội đồng", "Role in the council"),
    "override_reason": ("Lý do vẫn xét", "Reason to go on"),
    "meeting": ("Cuộc họp", "Meeting"), "decision": ("Quyết định", "Decision"),
    "amount": ("Số tiền", "Amount"), "received_on": ("Ngày nhận", "Date received"), "source": ("Nguồn", "Source"),
    "income": ("Khoản thu", "Income entry"),
    "signer_title": ("Chức vụ người ký", "Signer's title"), "absent_members": ("Thành viên vắng mặt", "Absent members"),
    "templates": ("Mẫu tóm tắt thành tích", "Summary templates"), "quota": ("Tỷ lệ khống chế", "Quota"),
    "conflict": ("Xung đột dữ liệu", "Conflict"), "keep": ("Bản được giữ", "Version kept"),
    "out": ("Nơi ghi tệp", "Destination"), "to": ("Đơn vị nhận", "Recipient"),
    "batch_id": ("Đợt đề nghị", "Nomination batch"), "nomination_id": ("Hồ sơ đề nghị", "Nomination"),
    "meeting_id": ("Cuộc họp Hội đồng", "Council meeting"), "decision_id": ("Quyết định", "Decision"),
    "movement_id": ("Phong trào", "Movement"), "target_id": ("Mã hồ sơ cần in", "Record to print"),
    "qr": ("Mã QR", "QR code"), "template": ("Mẫu văn bản", "Document template"),
    "votes_for": ("Phiếu đồng ý", "Votes in favour"), "ballots_valid": ("Phiếu hợp lệ", "Valid ballots"),
    "ballots_issued": ("Phiếu phát ra", "Ballots issued"),
    "mode": ("Cách in", "Print mode"), "calibration": ("Căn chỉnh in phôi", "Blank-form calibration"),
    "officials": ("Lãnh đạo ký văn bản", "Officials who sign"), "official_id": ("Lãnh đạo", "Official"),
    "term_start": ("Ngày bắt đầu nhiệm kỳ", "Term start"), "term_end": ("Ngày kết thúc nhiệm kỳ", "Term end"),
    "official_title": ("Chức vụ", "Title"),
    "position": ("Chức vụ", "Position"), "hometown": ("Quê quán", "Hometown"),
    "qualification": ("Trình độ chuyên môn, nghiệp vụ", "Professional qualification"),
    "political_theory": ("Trình độ lý luận chính trị", "Political theory"),
    "academic_title": ("Học hàm, học vị", "Academic title, degree"),
    "duties": ("Quyền hạn, nhiệm vụ được giao", "Duties assigned"), "scope": ("Phạm vi ảnh hưởng", "Scope of effect"),
    "effect": ("Hiệu quả", "Effect"), "achievement_summary": ("Tóm tắt thành tích", "Achievement summary"),
    "username": ("Tên đăng nhập", "Username"), "password": ("Mật khẩu", "Password"),
    "new_password": ("Mật khẩu mới", "New password"), "display_name": ("Họ và tên", "Full name"),
    "account": ("Tài khoản", "Account"), "account_role": ("Vai trò của tài khoản", "Account role"),
    "finding": ("Trường hợp trùng lặp", "Duplicate finding"), "choice": ("Cách xử lý", "Answer"),
    "server": ("Máy chủ", "Server"), "host": ("Địa chỉ máy chủ", "Server address"), "port": ("Cổng", "Port"),
    "database": ("Cơ sở dữ liệu", "Database"), "user": ("Tên đăng nhập cơ sở dữ liệu", "Database user"),
}

# Synced tables (and the demo builder's other counts) in words, for counts shown to people: the CLI's
# sync and demo summaries and the GUI's Đồng bộ screen. JSON output keeps the table names.
TABLE_LABELS: dict[str, tuple[str, str]] = {
    "people": ("Cá nhân", "People"), "collectives": ("Tập thể", "Collectives"),
    "nominations": ("Đề nghị khen thưởng", "Commendation nominations"),
    "nomination_reviews": ("Kết quả thẩm định", "Review results"),
    "nomination_batches": ("Đợt xét khen thưởng", "Nomination batches"),
    "nomination_documents": ("Thành phần hồ sơ", "Dossier documents"),
    "nomination_events": ("Diễn biến đề nghị khen thưởng", "Nomination history"),
    "movements": ("Phong trào thi đua", "Emulation movements"),
    "movement_indicators": ("Chỉ tiêu phong trào", "Movement indicators"),
    "activities": ("Hoạt động phong trào", "Movement activities"),
    "activity_indicator_values": ("Kết quả chỉ tiêu", "Indicator results"),
    "office_officials": ("Lãnh đạo ký văn bản", "Officials who sign"),
    "villages": ("Thôn, xóm", "Villages"), "attachments": ("Tệp đính kèm", "Attached files"),
    "initiatives": ("Sáng kiến", "Initiatives"), "initiative_owners": ("Tác giả sáng kiến", "Initiative owners"),
    "council_meetings": ("Cuộc họp Hội đồng", "Council meetings"),
    "council_members": ("Thành viên Hội đồng", "Council members"),
    "council_ballots": ("Kết quả bỏ phiếu", "Council ballots"),
    "decisions": ("Quyết định khen thưởng", "Commendation decisions"),
    "decision_recipients": ("Danh sách khen thưởng theo quyết định", "Decision recipients"),
    "award_history": ("Khen thưởng đã nhận", "Awards received"),
    "collective_members": ("Thành viên tập thể", "Collective members"),
    "discipline_records": ("Kỷ luật", "Discipline records"),
    "exemplars": ("Điển hình tiên tiến", "Advanced examples"),
    "exemplar_stages": ("Các bước của điển hình tiên tiến", "Advanced example stages"),
    "pending_matters": ("Vụ việc đang xử lý", "Open matters"),
    "registrations": ("Đăng ký thi đua", "Emulation registrations"),
    "task_ratings": ("Xếp loại hằng năm", "Task ratings"),
    "fund_income": ("Khoản thu của Quỹ thi đua, khen thưởng", "Reward fund income"),
    # The demo builder's counts that are not tables.
    "households": ("Hộ gia đình", "Households"),
    "decided": ("Đề nghị đã có quyết định", "Nominations decided"),
    "submitted": ("Đề nghị đã trình cấp trên", "Nominations submitted"),
}

OUTCOME_LABELS: dict[str, tuple[str, str]] = {
    "eligible": ("đủ điều kiện", "eligible"), "not_eligible": ("không đạt", "not eligible"),
    "incomplete": ("chưa đủ căn cứ để kết luận", "not enough to conclude"),
}

STATUS_LABELS: dict[str, tuple[str, str]] = {
    "draft": ("Bản nháp", "Draft"), "council_voted": ("Đã qua Hội đồng", "Council voted"),
    "submitted": ("Đã trình cấp trên", "Submitted"), "received": ("Cấp trên đã nhận", "Received"),
    "in_review": ("Đang thẩm định", "In review"), "approved": ("Đã thẩm định, đồng ý", "Approved"),
    "returned": ("Trả lại để bổ sung", "Returned"), "rejected": ("Không đồng ý", "Rejected"),
    "decided": ("Đã có quyết định", "Decided"),
}


def _tables() -> dict[str, tuple[str, str]]:
    from .domain.validation import MESSAGES as validation_messages
    from .reports.messages import MESSAGES as report_messages
    from .rules.explain import MESSAGES as rule_messages
    from .rules.plausibility import MESSAGES as plausibility_messages
    from .spreadsheets.export_messages import MESSAGES as export_messages
    from .spreadsheets.import_messages import MESSAGES as import_messages
    from .sync import MESSAGES as sync_messages

    return {**validation_messages, **plausibility_messages, **rule_messages, **sync_messages, **report_messages, **export_messages,
            **import_messages, **SERVICE_MESSAGES, **STORAGE_MESSAGES, **ACCOUNT_MESSAGES,
            **EXCHANGE_MESSAGES}


class _Lenient(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "…"


def field_label(field: str | None, lang: str = "vi") -> str:
    if not field:
        return ""
    row = re.fullmatch(r"rows\[(\d+)\]\.(.+)", field)
    if row:
        inner = field_label(row.group(2), lang)
        return f"dòng {row.group(1)}, {inner}" if lang == "vi" else f"row {row.group(1)}, {inner}"
    ballot = re.fullmatch(r"ballots\[(\d+)\](?:\.(.+))?", field)
    if ballot:  # the council's vote grid, counted from 1
        inner = f", {field_label(ballot.group(2), lang)}" if ballot.group(2) else ""
        return (f"dòng {ballot.group(1)} của bảng bỏ phiếu{inner}" if lang == "vi"
                else f"row {ballot.group(1)} of the vote table{inner}")
    recipient = re.fullmatch(r"recipients\[(\d+)\]", field)
    if recipient:  # the decision's list of recipients, counted from 1
        return (f"dòng {recipient.group(1)} của danh sách khen thưởng" if lang == "vi"
                else f"row {recipient.group(1)} of the recipients")
    base = field.split("[", 1)[0]
    label = FIELD_LABELS.get(base)
    if label is None:
        return field
    return label[0 if lang == "vi" else 1] + field[len(base):]


def status_label(status: str, lang: str = "vi") -> str:
    pair = STATUS_LABELS.get(status)
    return pair[0 if lang == "vi" else 1] if pair else status


def table_label(table: str, lang: str = "vi") -> str:
    """A synced table in words; an unknown one (from a newer app) shows as is."""
    pair = TABLE_LABELS.get(table)
    return pair[0 if lang == "vi" else 1] if pair else table


def counts_label(counts: dict[str, int], lang: str = "vi", *, by_label: bool = False) -> str:
    """{"people": 2, "nominations": 1} -> "Cá nhân: 2; Đề nghị khen thưởng: 1" (zero counts left out;
    "; " between them, since some labels hold a comma), in the given order or ``by_label``."""
    from .domain.text import vi_collation_key

    labelled = [(table_label(table, lang), n) for table, n in counts.items() if n]
    if by_label:
        labelled.sort(key=lambda pair: vi_collation_key(pair[0]))
    return "; ".join(f"{label}: {n}" for label, n in labelled) or "—"


CHECK_LABELS: dict[str, tuple[str, str]] = {  # problems found by ``thidua check``
    "SQLITE_INTEGRITY": ("Tệp cơ sở dữ liệu bị hỏng", "The database file is damaged"),
    "FOREIGN_KEY_BROKEN": ("Bản ghi trỏ tới một bản ghi không còn", "A record points to a record that is gone"),
    "SCHEMA_NOT_CURRENT": ("Cấu trúc dữ liệu chưa được nâng cấp", "The database structure is not up to date"),
    "OFFICE_NOT_INITIALISED": ("Chưa khởi tạo đơn vị", "The office is not set up"),
    "ATTACHMENT_MISSING": ("Thiếu tệp đính kèm", "An attached file is missing"),
    "ATTACHMENT_CORRUPT": ("Tệp đính kèm bị hỏng hoặc đã bị sửa", "An attached file is damaged or altered"),
}


def check_problem_label(code: str, detail: str = "", lang: str = "vi") -> str:
    """One problem of the integrity check in words, the table names in its detail too."""
    pair = CHECK_LABELS.get(code)
    label = pair[0 if lang == "vi" else 1] if pair else code
    detail = re.sub(r"\b[a-z_]+\b", lambda m: table_label(m.group(0), lang), detail).strip()
    return f"{label}: {detail}" if detail else label


# Codes whose sentence names a value that may be missing: the wording to use without it.
WHEN_VALUE_EMPTY: dict[str, tuple[str, str]] = {
    # A commune exporting before it has loaded the province's enrolment file.
    "PEER_UNKNOWN": ("Văn phòng này chưa được kết nối đồng bộ với văn phòng cấp tỉnh: hãy nạp tệp kết nối do tỉnh "
                     "cấp.", "This office is not enrolled for sync with the provincial office yet: load the "
                     "enrolment file the province issued."),
}

_NAME_AND_CODE = re.compile(r"\{(\w+)_name\} \((mã|code) \{\1_code\}\)")
_QUOTED = re.compile(r" ?\(«\{(\w+)\}»\)| ?«\{(\w+)\}»| ?\(\{(\w+)\}\)")


def _blank(params: dict[str, Any], key: str) -> bool:
    value = params.get(key)
    return value is None or not str(value).strip()


def _around_empty_values(template: str, params: dict[str, Any]) -> str:
    """The template worded around values that are empty, so a sentence never shows «» or ():
    "{sender_name} (mã {sender_code})" without a name becomes "đơn vị mã {sender_code}", and an
    empty «{value}» or ({value}) is left out."""

    def name_and_code(match: re.Match[str]) -> str:
        prefix, vi = match.group(1), match.group(2) == "mã"
        if not _blank(params, f"{prefix}_name"):
            return match.group(0)
        if _blank(params, f"{prefix}_code"):
            return "một đơn vị không rõ" if vi else "an unknown office"
        return ("đơn vị mã {%s_code}" if vi else "the office with code {%s_code}") % prefix

    template = _NAME_AND_CODE.sub(name_and_code, template)
    return _QUOTED.sub(lambda m: "" if _blank(params, next(g for g in m.groups() if g)) else m.group(0), template)


def render_line(error: DomainError | Notice, lang: str = "vi") -> str:
    """The sentence for one refusal or notice, starting with its field's label when the sentence
    itself does not name the field (e.g. "Số CCCD: Số CCCD này đã có …" is not repeated)."""
    text = render(error, lang)
    where = field_label(error.field, lang)
    return text if not where or where in text else f"{where}: {text}"


def render(error: DomainError | Notice, lang: str = "vi") -> str:
    """The user's sentence for a refusal; unknown codes still name the code and the field.

    Several refusals at once (:class:`ValidationErrors`) give a heading and one line per error,
    each naming its field."""
    from .rules.explain import MESSAGES as rule_messages

    if isinstance(error, ValidationErrors):
        head = render(DomainError(error.code, count=len(error.errors)), lang)
        return "\n".join([head, *(f"– {render_line(e, lang)}" for e in error.errors)])
    if isinstance(error, Notice):
        error = DomainError(error.code, field=error.field, **error.params)
    from .rules.explain import explain_error

    if error.code in rule_messages and error.code not in SERVICE_MESSAGES:
        return explain_error(error, lang)  # the rules word their own catalog problems
    pair = _tables().get(error.code)
    params = _Lenient(error.params)
    params["field"] = error.field or ""
    params["field_label"] = field_label(error.field, lang)
    for key in ("current", "target"):
        if key in error.params:
            params[f"{key}_label"] = status_label(str(error.params[key]), lang)
    if "outcome" in error.params:
        params["outcome_label"] = OUTCOME_LABELS.get(str(error.params["outcome"]), ("", ""))[0 if lang == "vi" else 1]
    if pair is None:
        where = f" ({params['field_label']})" if error.field else ""
        return (f"Không thực hiện được: {error.code}{where}." if lang == "vi"
                else f"Could not be done: {error.code}{where}.")
    if error.code in WHEN_VALUE_EMPTY and _blank(params, "value"):
        pair = WHEN_VALUE_EMPTY[error.code]
    template = _around_empty_values(pair[0 if lang == "vi" else 1], params)
    return string.Formatter().vformat(template, (), params)
