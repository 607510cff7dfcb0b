"""The sentences for the reason codes the services raise, in Vietnamese and English.

Each core layer keeps its own table (domain/validation, rules/explain, sync, reports, spreadsheets);
``thidua_desktop.messages`` merges them and fills in the parameters."""

from __future__ import annotations

SERVICE_MESSAGES: dict[str, tuple[str, str]] = {
    "NOT_FOUND": ("Không tìm thấy «{field_label}» có mã «{id}».", "No {field_label} with id «{id}»."),
    "UNIT_CODE_UNKNOWN": ("Mã đơn vị «{value}» không có trong danh mục đơn vị hành chính.",
                          "Unit code «{value}» is not in the list of administrative units."),
    "UNIT_CODE_NOT_PROVINCE": ("Mã «{value}» là mã xã/phường; văn phòng cấp tỉnh dùng mã tỉnh (ví dụ 04).",
                               "«{value}» is a commune code; a provincial office uses the province code (e.g. 04)."),
    "UNIT_CODE_NOT_COMMUNE": ("Mã «{value}» là mã tỉnh; văn phòng xã dùng mã xã/phường (ví dụ 01576).",
                              "«{value}» is a province code; a commune office uses its commune code (e.g. 01576)."),
    "OFFICE_ALREADY_INITIALISED": ("Thư mục dữ liệu này đã được khởi tạo cho một đơn vị.",
                                   "This data folder is already set up for an office."),
    "OFFICE_NOT_INITIALISED": ("Chưa khởi tạo đơn vị. Hãy chạy «thidua init» trước.",
                               "The office is not set up yet. Run «thidua init» first."),
    "ETHNICITY_UNKNOWN": ("Dân tộc «{value}» không có trong danh mục 54 dân tộc.",
                          "Ethnic group «{value}» is not one of the 54 official groups."),
    "CCCD_DUPLICATE": ("Số CCCD này đã có trong sổ theo dõi.", "This citizen ID number is already in the register."),
    "TEXT_TOO_LONG": ("Trường «{field_label}» dài quá {max} ký tự.", "{field_label} is longer than {max} characters."),
    "SUBJECT_REQUIRED": ("Cần chọn đúng một cá nhân hoặc một tập thể.", "Choose exactly one person or one collective."),
    "SUBJECT_TYPE_MISMATCH": ("Đối tượng không phù hợp với danh hiệu/hình thức này (cần: {expected}).",
                              "This award is for another kind of nominee (expected: {expected})."),
    "COMMENDATION_KIND_NOT_ALLOWED": ("Loại hình khen thưởng «{value}» không áp dụng cho danh hiệu/hình thức này.",
                                      "Kind of commendation «{value}» does not apply to this award."),
    "INITIATIVE_ALREADY_USED": ("Sáng kiến «{title}» đã được dùng làm căn cứ cho một khen thưởng khác.",
                                "Initiative «{title}» already backed another award."),
    "INITIATIVE_NOT_OWN": ("Sáng kiến «{title}» không phải của người được khen thưởng này.",
                           "Initiative «{title}» is not one of this person's."),
    # Imports of ratings, initiatives and discipline (services/excel_import_records.py).
    "IMPORT_RATING_YEAR_MISSING": (
        "Tệp «{file}», trang «{sheet}»: không có cột năm đánh giá và dòng tiêu đề không ghi năm (ví dụ «Kết quả "
        "xếp loại năm 2025»). Hãy thêm cột «Năm» hoặc ghi năm vào tiêu đề.",
        "File «{file}», sheet «{sheet}»: there is no year column and no title row names the year (e.g. «Kết quả "
        "xếp loại năm 2025»). Add a «Năm» column or write the year in the title."),
    "IMPORT_RATING_UNKNOWN": (
        "Mức «{value}» không rõ: hãy ghi HTXSNV, HTTNV, HTNV hoặc KHTNV, hoặc viết đầy đủ (ví dụ «Hoàn thành tốt "
        "nhiệm vụ»).",
        "Rating «{value}» is unclear: write HTXSNV, HTTNV, HTNV or KHTNV, or in full (e.g. «Hoàn thành tốt nhiệm "
        "vụ»)."),
    "IMPORT_RATING_CONFLICT": (
        "Dòng {first_row} đã ghi mức {other} cho người này trong năm {year}; mỗi năm chỉ có một mức.",
        "Row {first_row} already gives this person {other} for {year}; there is one rating a year."),
    "IMPORT_RECORD_REPEATED": ("Dòng này lặp lại dòng {first_row}, bỏ qua.",
                               "This row repeats row {first_row}; skipped."),
    "IMPORT_DATE_YEAR_ONLY": ("«{value}» chỉ có năm; cần ngày, tháng, năm đầy đủ.",
                              "«{value}» gives the year only; the whole date is needed."),
    "IMPORT_DISCIPLINE_FORM_UNKNOWN": (
        "Hình thức kỷ luật «{value}» không rõ: khiển trách, cảnh cáo, hạ bậc lương, giáng chức, cách chức hoặc buộc "
        "thôi việc.",
        "Disciplinary form «{value}» is unclear: khiển trách, cảnh cáo, hạ bậc lương, giáng chức, cách chức or buộc "
        "thôi việc."),
    "IMPORT_INITIATIVE_LEVEL_UNKNOWN": ("Cấp công nhận «{value}» không rõ: cơ sở, tỉnh (bộ, ngành) hoặc toàn quốc.",
                                        "Level «{value}» is unclear: cơ sở, tỉnh (bộ, ngành) or toàn quốc."),
    "IMPORT_INITIATIVE_LEVEL_INFERRED": ("Không ghi cấp công nhận: lấy cấp {level_vi} theo cơ quan công nhận «{value}».",
                                         "No level given: taken as {level_en} from the recognising body «{value}»."),
    "IMPORT_SCOPE_UNCLEAR": ("Phạm vi ảnh hưởng «{value}» không rõ là cơ sở, tỉnh hay toàn quốc; ghi vào phần hiệu quả.",
                             "Scope «{value}» is not clearly grassroots, provincial or national; kept with the effect."),
    "IMPORT_INITIATIVE_NOT_FOUND": (
        "«{name}» chưa có sáng kiến «{value}» trong sổ theo dõi. Hãy nhập danh sách sáng kiến trước.",
        "«{name}» has no initiative «{value}» in the register. Import the initiatives first."),
    "IMPORT_INITIATIVE_TWICE": (
        "Sáng kiến «{value}» đã làm căn cứ cho khen thưởng ở dòng {first_row}; mỗi sáng kiến chỉ làm căn cứ cho "
        "một khen thưởng.",
        "Initiative «{value}» already backs the award in row {first_row}; one initiative backs one award."),
    "STATUS_TRANSITION_INVALID": ("Không thể chuyển đề nghị từ trạng thái «{current_label}» sang «{target_label}».",
                                  "A nomination cannot move from «{current_label}» to «{target_label}»."),
    "REASON_REQUIRED": ("Cần ghi rõ lý do.", "A reason is required."),
    "CRITERION_UNKNOWN": ("Tiêu chí «{value}» không thuộc danh hiệu này.", "Criterion «{value}» is not part of this award."),
    "MEMBER_BOTH_PRESENT_AND_ABSENT": ("Một thành viên không thể vừa có mặt vừa vắng mặt.",
                                       "A member cannot be both present and absent."),
    "BALLOT_COUNTS_INCONSISTENT": ("Số phiếu ở «{field_label}» không hợp lệ: phiếu hợp lệ ≤ phiếu phát ra ≤ số thành "
                                   "viên, và phiếu đồng ý ≤ phiếu hợp lệ (phiếu đồng ý gồm cả phiếu biểu quyết bằng "
                                   "văn bản đồng ý của thành viên vắng mặt).",
                                   "Ballot counts at «{field_label}» are inconsistent: valid ≤ issued ≤ members, and in "
                                   "favour (written votes of absent members included) ≤ valid."),
    # Meeting time and secretary, household head, legal bases; blanks a document would still print.
    "MEETING_TIME_INVALID": ("Giờ bắt đầu «{value}» không hợp lệ; ghi theo dạng giờ:phút, ví dụ 08:30.",
                             "Start time «{value}» is not valid; write hours:minutes, e.g. 08:30."),
    "MEETING_SECRETARY_NOT_PRESENT": ("Thư ký cuộc họp phải là thành viên có mặt tại cuộc họp.",
                                      "The meeting's secretary must be a member present at the meeting."),
    "HEAD_PERSON_UNKNOWN": ("Chủ hộ phải là một người có trong sổ theo dõi (không tìm thấy «{value}»).",
                            "The head of household must be a person in the register («{value}» not found)."),
    "BLANK_PROVINCE_RULES_NUMBER": ("Chưa có số Quyết định của UBND tỉnh ban hành Quy định công tác thi đua, khen "
                                    "thưởng (Cài đặt → Văn bản in).",
                                    "The number of the province's decision on its emulation and commendation rules "
                                    "is not set (Settings → Printed documents)."),
    "BLANK_PROVINCE_RULES_DATE": ("Chưa có ngày ban hành Quy định công tác thi đua, khen thưởng của tỉnh (Cài đặt → "
                                  "Văn bản in).",
                                  "The date of the province's emulation and commendation rules is not set "
                                  "(Settings → Printed documents)."),
    "BLANK_MEETING_START_TIME": ("Chưa ghi giờ bắt đầu cuộc họp Hội đồng.",
                                 "The council meeting's start time is not recorded."),
    "BLANK_MEETING_SECRETARY": ("Chưa có thư ký cuộc họp Hội đồng.",
                                "The council meeting's secretary is not recorded."),
    "BLANK_MEETING_CHAIR": ("Chưa có người chủ trì cuộc họp Hội đồng.", "Nobody chaired the council meeting."),
    "BLANK_HOUSEHOLD_HEAD": ("Chưa có chủ hộ của «{name}».", "The head of household of «{name}» is not set."),
    "BLANK_DECISION_NUMBER": ("Quyết định chưa có số.", "The decision has no number."),
    "BLANK_DOCUMENT_NUMBER": ("Văn bản chưa có số (để trống cho văn thư ghi).",
                              "The document has no number (left for the clerk to write)."),
    "BLANK_MEETING_END_TIME": ("Giờ kết thúc cuộc họp (ghi tay).", "The meeting's end time (written by hand)."),
    # Mẫu 05 (báo cáo thành tích): what the person record or the initiative does not hold yet.
    "BLANK_PERSON_POSITION": ("Chưa có chức vụ của «{name}» (Cá nhân & tập thể → sửa cá nhân).",
                              "{name}: no position (People & collectives → edit the person)."),
    "BLANK_PERSON_HOMETOWN": ("Chưa có quê quán của «{name}» (Cá nhân & tập thể → sửa cá nhân → thẻ Hồ sơ khen "
                              "thưởng).",
                              "{name}: no hometown (People & collectives → edit the person → Dossier profile)."),
    "BLANK_PERSON_QUALIFICATION": ("Chưa có trình độ chuyên môn, nghiệp vụ của «{name}» (Cá nhân & tập thể → sửa cá "
                                   "nhân → thẻ Hồ sơ khen thưởng).",
                                   "{name}: no professional qualification (People & collectives → edit the person → "
                                   "Dossier profile)."),
    "BLANK_PERSON_POLITICAL_THEORY": ("Chưa có trình độ lý luận chính trị của «{name}» (Cá nhân & tập thể → sửa cá "
                                      "nhân → thẻ Hồ sơ khen thưởng).",
                                      "{name}: no political theory level (People & collectives → edit the person → "
                                      "Dossier profile)."),
    "BLANK_PERSON_ACADEMIC_TITLE": ("Chưa có học hàm, học vị của «{name}»; nếu không có, ghi «Không» (Cá nhân & tập "
                                    "thể → sửa cá nhân → thẻ Hồ sơ khen thưởng).",
                                    "{name}: no academic title or degree; write “Không” if none (People & collectives "
                                    "→ edit the person → Dossier profile)."),
    "BLANK_PERSON_DUTIES": ("Chưa có quyền hạn, nhiệm vụ được giao của «{name}» (Cá nhân & tập thể → sửa cá nhân → "
                            "thẻ Hồ sơ khen thưởng).",
                            "{name}: no duties assigned (People & collectives → edit the person → Dossier profile)."),
    "BLANK_ACHIEVEMENTS": ("Chưa có nội dung thành tích của «{name}»: chưa có tóm tắt thành tích, cũng chưa có kết quả "
                           "đánh giá, xếp loại của năm xét.",
                           "{name}: no achievements to print: no summary and no task rating for the year."),
    "BLANK_INITIATIVE_EFFECT": ("Sáng kiến «{title}» chưa ghi hiệu quả (Cá nhân & tập thể → sửa cá nhân → Khen "
                                "thưởng và quá trình → Sáng kiến).",
                                "Initiative «{title}» has no effect recorded (People & collectives → edit the person "
                                "→ Awards and history → Initiatives)."),
    "BLANK_INITIATIVE_SCOPE": ("Sáng kiến «{title}» chưa ghi phạm vi ảnh hưởng (Cá nhân & tập thể → sửa cá nhân → "
                               "Khen thưởng và quá trình → Sáng kiến).",
                               "Initiative «{title}» has no scope of effect recorded (People & collectives → edit "
                               "the person → Awards and history → Initiatives)."),
    "WRITTEN_VOTE_NOT_ABSENT": ("Chỉ thành viên vắng mặt mới có phiếu biểu quyết bằng văn bản; thành viên có mặt "
                                "biểu quyết tại cuộc họp.",
                                "Only absent members vote in writing; members present vote at the meeting."),
    "WRITTEN_VOTE_UNKNOWN_NOMINEE": ("Phiếu biểu quyết bằng văn bản đồng ý với một trường hợp không được biểu quyết "
                                     "tại cuộc họp này (chưa có số phiếu phát ra).",
                                     "A written vote agrees to a nominee who is not voted on at this meeting "
                                     "(no ballots issued)."),
    "NOMINATION_NOT_DRAFT": ("Đề nghị ở «{field_label}» không còn ở trạng thái bản nháp.",
                             "The nomination at «{field_label}» is no longer a draft."),
    "AWARD_NOT_COMMUNE_LEVEL": ("Chủ tịch UBND xã không có thẩm quyền quyết định «{value}».",
                                "The commune chairman cannot grant «{value}»."),
    "AWARD_NOT_PROVINCE_LEVEL": ("«{value}» không phải danh hiệu, hình thức khen thưởng do Chủ tịch UBND tỉnh quyết định.",
                                 "«{value}» is not one of the titles and forms the provincial chairman grants."),
    "PROVINCE_DECISION_PROVINCE_ONLY": ("Chỉ văn phòng cấp tỉnh mới ghi quyết định của Chủ tịch UBND tỉnh.",
                                        "Only the provincial office records the provincial chairman's decisions."),
    "NOMINATION_NOT_APPROVED": ("Hồ sơ của «{name}» chưa được thẩm định đồng ý (hiện tại: {current_label}); chỉ ra "
                                "quyết định cho hồ sơ đã thẩm định đồng ý.",
                                "The dossier of «{name}» is not approved (now: {current_label}); only approved "
                                "dossiers can be decided."),
    "DECISION_NUMBER_DUPLICATE": ("Số quyết định «{value}» đã được dùng.", "Decision number «{value}» is already used."),
    "DECISION_AWARD_MISMATCH": ("Có đề nghị không cùng danh hiệu với quyết định ({value}).",
                                "A nomination is for another award ({value})."),
    "NOMINATION_NOT_COUNCIL_VOTED": ("Chỉ ra quyết định cho đề nghị đã qua Hội đồng (hiện tại: {status}).",
                                     "Only council-voted nominations can be decided (now: {status})."),
    "MOVEMENT_CODE_DUPLICATE": ("Mã phong trào «{value}» đã tồn tại.", "Movement code «{value}» already exists."),
    "INDICATOR_NOT_IN_MOVEMENT": ("Chỉ tiêu không thuộc phong trào đã chọn.", "The indicator is not part of this movement."),
    "DATE_ORDER": ("Ngày ở trường «{field_label}» không được trước ngày bắt đầu.",
                   "{field_label} cannot be before the start date."),
    "EXEMPLAR_LAST_STAGE": ("Điển hình đã ở bước cuối (nhân rộng).", "The example is already at the last stage."),
    "ATTACHMENTS_UNAVAILABLE": ("Không lưu được tệp đính kèm.", "Attachments cannot be stored here."),
    "ATTACHMENT_HASH_INVALID": ("Mã tệp đính kèm không hợp lệ.", "Invalid attachment hash."),
    "DEMO_OFFICE_CHANGED": ("Dữ liệu của đơn vị đã thay đổi trong lúc tạo dữ liệu mẫu nên chưa thêm gì. Hãy chạy lại.",
                            "The office's data changed while the demo data was being built, so nothing was added. "
                            "Run it again."),
    "NOT_A_FILE": ("Cần chọn một tệp, không phải thư mục («{path}»).", "Choose a file, not a folder («{path}»)."),
    "NOT_A_FOLDER": ("Đường dẫn có một phần không phải thư mục («{path}»).",
                     "Part of the path is not a folder («{path}»)."),
    "ROW_OWNED_BY_OTHER_OFFICE": ("Bản ghi này do đơn vị khác quản lý; chỉ đơn vị đó được sửa.",
                                  "This record belongs to another office; only that office may change it."),
    "REVIEW_PROVINCE_ONLY": ("Chỉ văn phòng cấp tỉnh mới thẩm định hồ sơ.", "Only the provincial office reviews dossiers."),
    "DECIMAL_INVALID": ("«{value}» ở trường «{field_label}» không phải là số. Hãy nhập, ví dụ: 12 hoặc 12,5.",
                        "«{value}» in «{field_label}» is not a number. Enter for example 12 or 12.5."),
    "AWARD_FROM_DECISION": ("Khen thưởng này được ghi theo quyết định số {value} của xã; không xóa thủ công được.",
                            "This award was written by our decision {value}; it cannot be removed by hand."),
    "PARENT_IS_SELF": ("Đơn vị cấp trên không thể là chính tập thể này hoặc một đơn vị trực thuộc nó.",
                       "The parent unit cannot be this collective or one of its own sub-units."),
    "NOMINATION_DUPLICATE": ("Người/tập thể này đã có trong đợt xét với «{award}».",
                             "This nominee is already in the batch for «{award}»."),
    "DOSSIER_ITEM_UNKNOWN": ("Thành phần hồ sơ «{value}» không thuộc danh hiệu này.",
                             "Dossier item «{value}» is not part of this award."),
    "SETTINGS_UNAVAILABLE": ("Không lưu được tham số của đơn vị.", "The office's values cannot be saved here."),
    # Two officers editing the same record (services/record_tokens.py): the later save is refused.
    "RECORD_CHANGED": ("Hồ sơ này vừa được {who} sửa lúc {when}. Hãy tải lại để xem bản mới rồi sửa tiếp.",
                       "This record was just changed by {who} at {when}. Reload it to see the new version, "
                       "then make your changes again."),
    "RECORD_DELETED": ("Hồ sơ này đã bị {who} xoá lúc {when} nên không lưu được nữa.",
                       "This record was deleted by {who} at {when}, so it cannot be saved any more."),
    "DUPLICATE_FINDING_CHANGED": ("Hồ sơ của trường hợp trùng lặp này đã thay đổi từ lúc mở (hoặc trường hợp đã được "
                                  "xử lý). Hãy tải lại danh sách rồi xem lại.",
                                  "The records of this duplicate finding changed since it was opened (or it was "
                                  "answered). Reload the list and look again."),
    "DUPLICATE_ALREADY_RESOLVED": ("Trường hợp trùng lặp này đã được {actor} xử lý lúc {at}. Hãy tải lại danh sách.",
                                   "This duplicate finding was already answered by {actor} at {at}. Reload the list."),
    "DUPLICATE_CHOICE_NOT_ALLOWED": ("Cách xử lý này không áp dụng được cho trường hợp trùng lặp này.",
                                     "This answer does not apply to this duplicate finding."),
    "DUPLICATE_NOMINATION_NOT_IN_FINDING": ("Hãy chọn một đề nghị khen thưởng của trường hợp trùng lặp này để trả lại.",
                                            "Choose one of this finding's nominations to return."),
    "DUPLICATE_NOMINATION_HELD_BACK": ("Đề nghị này còn nằm trong các bản ghi chờ xử lý (tỉnh chưa nhận được vào cơ sở "
                                       "dữ liệu), nên chưa trả lại được. Hãy chọn đề nghị kia hoặc cách xử lý khác.",
                                       "This nomination is still among the pending records (not applied at the "
                                       "province), so it cannot be returned. Choose the other one or another answer."),
    "MANY_ERRORS": ("Có {count} chỗ cần sửa:", "{count} things to fix:"),
    "NOMINATION_NOT_ELIGIBLE": ("«{name}» chưa đạt tiêu chuẩn theo kết quả tự kiểm tra ({outcome_label}). Chỉ xét tiếp "
                                "trường hợp này khi ghi rõ lý do ở «{field_label}».",
                                "«{name}» does not meet the criteria by the app's check ({outcome_label}). It can go "
                                "on only with a reason written in «{field_label}»."),
    "OFFICIAL_MISSING": ("Cài đặt → Lãnh đạo ký văn bản: chưa có {role_vi} tại ngày {date}. Hãy nhập người giữ "
                         "chức vụ này và nhiệm kỳ của họ rồi in lại.",
                         "Settings → Officials who sign: no {role_en} in office on {date}. Enter who holds "
                         "the post and their term, then print again."),
    "OFFICIAL_TERM_OVERLAP": ("Nhiệm kỳ trùng với {other} ({role_vi}, {other_term}): mỗi thời điểm chỉ có một "
                              "{role_vi}. Hãy kết thúc nhiệm kỳ trước rồi nhập người mới.",
                              "The term overlaps {other} ({role_en}, {other_term}): there is one {role_en} at a "
                              "time. End the earlier term first, then enter the new holder."),
    "OFFICIAL_TERM_ORDER": ("Ngày kết thúc nhiệm kỳ ({term_end}) trước ngày bắt đầu ({term_start}).",
                            "The term ends ({term_end}) before it starts ({term_start})."),
    "OFFICIAL_TERM_ENDED": ("Nhiệm kỳ của {name} đã kết thúc ngày {term_end}.",
                            "{name}'s term already ended on {term_end}."),
    "SIGNER_NOT_IN_OFFICE": ("{name} không phải {role_vi} tại ngày {date} (Cài đặt → Lãnh đạo ký văn bản).",
                             "{name} is not the {role_en} on {date} (Settings → Officials who sign)."),
    "DOSSIER_EMPTY": ("Đợt «{batch}» không có đề nghị nào để đưa vào văn bản này: hồ sơ chỉ gồm những đề nghị đã "
                      "được Hội đồng Thi đua - Khen thưởng thông qua và chưa có quyết định khen thưởng.",
                      "Batch «{batch}» has no nomination for this document: a dossier holds only nominations the "
                      "council passed that no decision has granted yet."),
    "DEMO_NEEDS_COMMUNE": ("Dữ liệu mẫu chỉ tạo cho văn phòng cấp xã.", "Demo data is for commune offices."),
    # Province statistics (services/province_statistics.py)
    "PERIOD_REVERSED": ("Năm cuối của kỳ ({value}) đứng trước năm đầu.",
                        "The period's last year ({value}) comes before its first year."),
    "STAT_FORM_UNKNOWN": ("Không có biểu thống kê số «{value}». Các biểu có: {allowed}.",
                          "There is no statistical form «{value}». The forms are: {allowed}."),
    "STAT_TARGET_INVALID": ("«{value}» không phải kỳ thống kê: ghi năm (2026) hoặc giai đoạn (2024-2026); với biểu "
                            "thống kê, ghi số biểu trước (0601-2026).",
                            "«{value}» is not a statistics period: write a year (2026) or a run of years "
                            "(2024-2026); for a statistical form, its number first (0601-2026)."),
    "EXPORT_NOT_PDF": ("Tệp «{value}» phải có đuôi .pdf.", "The file «{value}» must end in .pdf."),
}
