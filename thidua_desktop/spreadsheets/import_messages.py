"""Reason codes raised by Excel imports, in Vietnamese and English.

A refusal of the whole file names the file (and the sheet when there is one). A problem in a row
is shown after its place, "Tệp «…», trang «…», dòng 7, cột D («Ngày sinh»):" (IMPORT_AT), so
its own sentence only says what is wrong; ``{field_label}`` is then the column's header as written
in the file. Codes of the register's own validation (REQUIRED, CCCD_FORMAT …) are reused as they are.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- where -----------------------------------------------------------------------------------
    "IMPORT_AT": (
        "Tệp «{file}», trang «{sheet}», dòng {row}, cột {column} («{header}»):",
        "File «{file}», sheet «{sheet}», row {row}, column {column} («{header}»):",
    ),
    "IMPORT_AT_ROW": (
        "Tệp «{file}», trang «{sheet}», dòng {row}:",
        "File «{file}», sheet «{sheet}», row {row}:",
    ),
    # --- the whole file --------------------------------------------------------------------------
    "IMPORT_FILE_NOT_FOUND": (
        "Không tìm thấy tệp «{file}». Hãy kiểm tra lại đường dẫn hoặc ổ USB.",
        "File «{file}» was not found. Check the path or the USB drive.",
    ),
    "IMPORT_FILE_EMPTY": (
        "Tệp «{file}» rỗng (0 byte), không có gì để nhập.",
        "File «{file}» is empty (0 bytes); there is nothing to import.",
    ),
    "IMPORT_FILE_TOO_LARGE": (
        "Tệp «{file}» nặng {size_mb} MB, vượt giới hạn {max_mb} MB cho một lần nhập. Hãy chia thành nhiều tệp nhỏ "
        "hoặc xóa các trang không cần thiết.",
        "File «{file}» is {size_mb} MB, over the {max_mb} MB limit for one import. Split it into smaller files "
        "or remove the sheets you do not need.",
    ),
    "IMPORT_NOT_XLSX": (
        "Tệp «{file}» không phải tệp Excel .xlsx. Hãy mở tệp bằng Excel rồi chọn Lưu thành → "
        "«Excel Workbook (*.xlsx)».",
        "File «{file}» is not an Excel .xlsx workbook. Open it in Excel and use Save As → "
        "«Excel Workbook (*.xlsx)».",
    ),
    "IMPORT_OLD_XLS": (
        "Tệp «{file}» ở định dạng Excel cũ (.xls, Excel 97-2003). Hãy mở bằng Excel rồi lưu lại dạng .xlsx.",
        "File «{file}» is in the old Excel format (.xls, Excel 97-2003). Open it in Excel and save it as .xlsx.",
    ),
    "IMPORT_PASSWORD_PROTECTED": (
        "Tệp «{file}» được đặt mật khẩu nên không đọc được. Hãy mở bằng Excel, bỏ mật khẩu (Tệp → Thông tin → "
        "Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa trống) rồi lưu lại.",
        "File «{file}» is password-protected and cannot be read. Open it in Excel, remove the password "
        "(File → Info → Protect Workbook → Encrypt with Password, leave it empty) and save it again.",
    ),
    "IMPORT_UNSAFE_FILE": (
        "Tệp «{file}» có cấu trúc bất thường ({detail}): dữ liệu nén giải ra quá lớn. Không mở tệp này để bảo vệ máy.",
        "File «{file}» has an abnormal structure ({detail}): its compressed data would inflate far too much. "
        "It was not opened, to protect this computer.",
    ),
    "IMPORT_XML_UNSAFE": (
        "Tệp «{file}» chứa khai báo XML không an toàn ({part}); tệp Excel bình thường không có. Không mở tệp này.",
        "File «{file}» contains unsafe XML declarations ({part}) that a normal Excel file never has. "
        "It was not opened.",
    ),
    "IMPORT_XML_PARSER_UNSAFE": (
        "Không nhập được tệp «{file}»: máy này thiếu thư viện defusedxml để đọc Excel an toàn. Hãy cài lại ứng dụng.",
        "Cannot import «{file}»: the defusedxml library needed to read Excel files safely is missing. "
        "Reinstall the app.",
    ),
    "IMPORT_FILE_UNREADABLE": (
        "Không đọc được tệp «{file}» ({detail}): tệp bị hỏng hoặc không phải bảng tính Excel. Hãy mở bằng Excel "
        "và lưu lại.",
        "File «{file}» cannot be read ({detail}): it is damaged or not an Excel workbook. Open it in Excel and "
        "save it again.",
    ),
    "IMPORT_SHEET_UNKNOWN": (
        "Tệp «{file}» không có trang «{sheet}».",
        "File «{file}» has no sheet «{sheet}».",
    ),
    "IMPORT_TOO_MANY_ROWS": (
        "Trang «{sheet}» của tệp «{file}» có {rows} dòng, vượt giới hạn {max_rows} dòng cho một lần nhập. "
        "Hãy chia thành nhiều tệp.",
        "Sheet «{sheet}» of «{file}» has {rows} rows, over the limit of {max_rows} for one import. Split the file.",
    ),
    "IMPORT_NO_SHEET": (
        "Tệp «{file}» không có trang nào chứa dữ liệu.",
        "File «{file}» has no sheet with data.",
    ),
    "IMPORT_NO_HEADER": (
        "Không tìm thấy dòng tiêu đề trong trang «{sheet}» của tệp «{file}»: cần ít nhất cột «{needed}». "
        "Hãy chỉ ra dòng tiêu đề và chọn cột bằng tay.",
        "No header row found in sheet «{sheet}» of «{file}»: at least a «{needed}» column is needed. "
        "Point at the header row and choose the columns by hand.",
    ),
    "IMPORT_KIND_UNKNOWN": (
        "Loại dữ liệu nhập «{value}» không hợp lệ. Chọn một trong: people (cá nhân), collectives (tập thể), "
        "awards (quá trình khen thưởng).",
        "Unknown import kind «{value}». Choose one of: people, collectives, awards.",
    ),
    "IMPORT_MAPPING_FIELD_UNKNOWN": (
        "Trường «{value}» không dùng được khi nhập «{kind}» từ tệp «{file}».",
        "Field «{value}» cannot be used when importing «{kind}» from «{file}».",
    ),
    "IMPORT_MAPPING_COLUMN_INVALID": (
        "Cột số {value} không có trong trang «{sheet}» của tệp «{file}».",
        "Column {value} does not exist in sheet «{sheet}» of «{file}».",
    ),
    "IMPORT_MAPPING_COLUMN_TWICE": (
        "Cột {column} của trang «{sheet}» (tệp «{file}») được chọn cho hai trường: «{value}» và «{other}».",
        "Column {column} of sheet «{sheet}» («{file}») is chosen for two fields: «{value}» and «{other}».",
    ),
    "IMPORT_REQUIRED_COLUMN_MISSING": (
        "Chưa chọn cột cho «{needed}» (trang «{sheet}», tệp «{file}»).",
        "No column is chosen for «{needed}» (sheet «{sheet}», file «{file}»).",
    ),
    "IMPORT_ALREADY_COMMITTED": (
        "Dữ liệu từ tệp «{file}» đã được ghi vào sổ; hãy phân tích lại tệp nếu muốn nhập lần nữa.",
        "The data from «{file}» has already been written; analyse the file again to import it once more.",
    ),
    "IMPORT_COMMIT_FAILED": (
        "Không ghi được dòng {row} của tệp «{file}» (trang «{sheet}»): {reason_vi} Chưa có gì được ghi vào sổ; "
        "hãy phân tích lại tệp.",
        "Row {row} of «{file}» (sheet «{sheet}») could not be written: {reason_en} Nothing was written; "
        "analyse the file again.",
    ),
    "IMPORT_RESOLUTION_INVALID": (
        "Dòng {row} của tệp «{file}» không thể xử lý theo lựa chọn «{value}».",
        "Row {row} of «{file}» cannot be handled as «{value}».",
    ),
    "IMPORT_CANCELLED": (
        "Đã dừng phân tích tệp «{file}» theo yêu cầu; chưa có gì được ghi.",
        "Analysing «{file}» was stopped; nothing was written.",
    ),
    # --- notices about the whole sheet -----------------------------------------------------------
    "IMPORT_TCVN3_CONVERTED": (
        "Tệp «{file}», trang «{sheet}»: {count} ô chữ dùng bảng mã cũ TCVN3 (phông .VnTime) đã được chuyển sang "
        "Unicode. Hãy xem lại họ tên trước khi ghi.",
        "File «{file}», sheet «{sheet}»: {count} text cells in the old TCVN3 encoding (.VnTime fonts) were "
        "converted to Unicode. Check the names before writing.",
    ),
    "IMPORT_NFD_NORMALISED": (
        "Tệp «{file}», trang «{sheet}»: {count} ô chữ Unicode dạng tổ hợp (NFD) đã được chuẩn hóa về dạng dựng sẵn "
        "(NFC).",
        "File «{file}», sheet «{sheet}»: {count} text cells in decomposed Unicode (NFD) were normalised to NFC.",
    ),
    # --- one row or cell ---------------------------------------------------------------------------
    "IMPORT_CCCD_NUMBER": (
        "Số CCCD ở cột «{field_label}» được lưu dạng số ({value}) nên đã mất số 0 ở đầu. Hãy định dạng cột là "
        "Văn bản (Text) và nhập lại đủ 12 chữ số.",
        "The citizen ID in «{field_label}» is stored as a number ({value}) and has lost its leading zero(s). "
        "Format the column as Text and type all 12 digits again.",
    ),
    "IMPORT_CMND_OLD": (
        "«{value}» ở cột «{field_label}» là số CMND cũ 9 chữ số, không phải số CCCD 12 chữ số; không lưu số này.",
        "«{value}» in «{field_label}» is an old 9-digit ID card number, not a 12-digit citizen ID; it is not kept.",
    ),
    "IMPORT_PHONE_NUMBER": (
        "Số điện thoại ở cột «{field_label}» được lưu dạng số ({value}) nên đã mất số 0 ở đầu; không lưu số này. "
        "Hãy định dạng cột là Văn bản (Text) và nhập lại.",
        "The phone number in «{field_label}» is stored as a number ({value}) and has lost its leading 0; it is "
        "not kept. Format the column as Text and type it again.",
    ),
    "IMPORT_GENDER_UNKNOWN": (
        "Giới tính «{value}» ở cột «{field_label}» không rõ: hãy ghi «Nam» hoặc «Nữ».",
        "Gender «{value}» in «{field_label}» is unclear: write «Nam» (male) or «Nữ» (female).",
    ),
    "IMPORT_GENDER_MISSING": (
        "Không rõ giới tính: cần cột «Giới tính» hoặc năm sinh ghi ở cột Nam hay cột Nữ.",
        "The gender is unknown: a «Giới tính» column is needed, or the birth year in the Nam or Nữ column.",
    ),
    "IMPORT_BIRTH_BOTH_GENDERS": (
        "Năm sinh được ghi ở cả cột Nam và cột Nữ; chỉ ghi ở cột đúng giới tính.",
        "The birth year is written in both the Nam and the Nữ column; keep only the one of the person's gender.",
    ),
    "IMPORT_GENDER_CONFLICT": (
        "Cột «{field_label}» ghi «{value}» nhưng năm sinh lại ghi ở cột của giới tính kia.",
        "«{field_label}» says «{value}» but the birth year is in the other gender's column.",
    ),
    "IMPORT_DATE_MONTH_ONLY": (
        "«{value}» ở cột «{field_label}» chỉ có tháng và năm; chỉ lưu năm {year}.",
        "«{value}» in «{field_label}» has only a month and a year; only the year {year} is kept.",
    ),
    "IMPORT_FLAG_UNKNOWN": (
        "Không hiểu «{value}» ở cột «{field_label}»: ghi «x» nếu đúng, để trống nếu không; đã coi là không.",
        "«{value}» in «{field_label}» is unclear: write «x» for yes, leave it empty for no; taken as no.",
    ),
    "IMPORT_NAME_NO_MARKS": (
        "Họ tên «{value}» không có dấu tiếng Việt; hãy kiểm tra và sửa lại trong sổ sau khi nhập.",
        "The name «{value}» has no Vietnamese diacritics; check it and correct it in the register after import.",
    ),
    "IMPORT_VILLAGE_UNKNOWN": (
        "Thôn, xóm «{value}» chưa có trong danh sách thôn của xã; đã ghi vào địa chỉ. Hãy thêm thôn trong phần "
        "Cài đặt nếu cần.",
        "Village «{value}» is not in the commune's list of villages; it was put in the address. Add the village "
        "in Settings if needed.",
    ),
    "IMPORT_PARENT_UNKNOWN": (
        "Không tìm thấy đơn vị cấp trên «{value}» trong sổ; tập thể được nhập không có đơn vị cấp trên.",
        "Parent unit «{value}» is not in the register; the collective is imported without a parent.",
    ),
    "IMPORT_COLLECTIVE_KIND_UNKNOWN": (
        "Loại tập thể «{value}» ở cột «{field_label}» không rõ. Ví dụ: thôn, trường học, hợp tác xã, hội, đoàn thể, "
        "cơ quan, trạm y tế, doanh nghiệp, hộ gia đình, khác.",
        "Kind of collective «{value}» in «{field_label}» is unclear. For example: thôn, trường học, hợp tác xã, "
        "hội, đoàn thể, cơ quan, trạm y tế, doanh nghiệp, hộ gia đình, khác.",
    ),
    "IMPORT_CCCD_REPEATED": (
        "Số CCCD «{value}» đã có ở dòng {first_row} của tệp; hai người không thể cùng một số CCCD.",
        "Citizen ID «{value}» already appears in row {first_row} of the file; two people cannot share one ID.",
    ),
    "IMPORT_CCCD_OTHER_PERSON": (
        "Số CCCD «{value}» đã thuộc về «{name}» trong sổ theo dõi, khác với họ tên ở dòng này.",
        "Citizen ID «{value}» already belongs to «{name}» in the register, not to the name in this row.",
    ),
    "IMPORT_DUPLICATE_IN_REGISTER": (
        "Có thể trùng với người đã có trong sổ: {names}. Dòng này sẽ bỏ qua trừ khi chọn nhập cả dòng trùng "
        "hoặc chọn cập nhật người đã có.",
        "May be the same person as one already in the register: {names}. The row is skipped unless duplicates are "
        "included or the existing person is chosen for update.",
    ),
    "IMPORT_DUPLICATE_IN_FILE": (
        "Có thể trùng với dòng {first_row} của tệp ({name}). Dòng này sẽ bỏ qua trừ khi chọn nhập cả dòng trùng.",
        "May be the same as row {first_row} of the file ({name}). The row is skipped unless duplicates are "
        "included.",
    ),
    "IMPORT_PERSON_NOT_FOUND": (
        "Không tìm thấy «{name}» trong sổ theo dõi (theo số CCCD hoặc họ tên và năm sinh). Hãy nhập danh sách cá "
        "nhân trước.",
        "«{name}» is not in the register (by citizen ID, or by name and birth year). Import the people first.",
    ),
    "IMPORT_PERSON_AMBIGUOUS": (
        "Có {count} người tên «{name}» trong sổ theo dõi; thêm năm sinh hoặc số CCCD để biết đúng người.",
        "There are {count} people named «{name}» in the register; add the birth year or the citizen ID.",
    ),
    "IMPORT_COLLECTIVE_NOT_FOUND": (
        "Không tìm thấy tập thể «{name}» trong sổ theo dõi. Hãy nhập danh sách tập thể trước.",
        "Collective «{name}» is not in the register. Import the collectives first.",
    ),
    "IMPORT_COLLECTIVE_AMBIGUOUS": (
        "Có {count} tập thể tên «{name}» trong sổ theo dõi; hãy ghi tên đầy đủ hơn.",
        "There are {count} collectives named «{name}» in the register; write a fuller name.",
    ),
    "IMPORT_AWARD_NOT_IN_CATALOG": (
        "«{value}» không có trong danh mục danh hiệu, hình thức khen thưởng; sẽ ghi là khen thưởng khác "
        "({kind_label}).",
        "«{value}» is not in the award catalog; it is recorded as another award ({kind_label_en}).",
    ),
    "IMPORT_DECISION_BEFORE_YEAR": (
        "Quyết định ngày {value} ở cột «{field_label}» có trước năm khen thưởng {year}; hãy kiểm tra lại năm hoặc "
        "ngày quyết định.",
        "The decision dated {value} in «{field_label}» is earlier than the award year {year}; check the year or "
        "the decision date.",
    ),
    "IMPORT_AWARD_MISSING": (
        "Có năm hoặc số quyết định khen thưởng nhưng thiếu tên danh hiệu, hình thức khen thưởng.",
        "There is an award year or decision number but no title or form of the award.",
    ),
    # --- files from other software, numbers Excel damaged (issue 12) --------------------------------
    "IMPORT_AWARD_YEAR_MISSING": (
        "Tệp «{file}», trang «{sheet}» không có cột năm khen thưởng và tiêu đề không ghi năm, nên không biết các "
        "khen thưởng thuộc năm nào. Hãy chọn cột năm, hoặc cho biết năm khen thưởng: «--year» khi nhập bằng dòng "
        "lệnh, ô «Năm khen thưởng» trong cửa sổ nhập từ Excel.",
        "File «{file}», sheet «{sheet}» has no award-year column and its title names no year, so the year of "
        "the awards is unknown. Choose the year column, or give the award year: «--year» on the command line, "
        "the «Award year» field in the Excel import window.",
    ),
    "IMPORT_LOOKUP_APPLIED": (
        "Tệp «{file}», trang «{sheet}»: cột {column} («{header}») ghi mã; {count} ô đã được đổi sang tên theo "
        "trang danh mục «{lookup}».",
        "File «{file}», sheet «{sheet}»: column {column} («{header}») holds codes; {count} cells were translated "
        "into names through the lookup sheet «{lookup}».",
    ),
    "IMPORT_CODE_COLUMN_UNUSED": (
        "Tệp «{file}», trang «{sheet}»: cột {column} («{header}») ghi mã nhưng tệp không có trang danh mục nào "
        "tra được các mã này, nên cột không được dùng làm «{needed}». Hãy chọn cột bằng tay nếu cần.",
        "File «{file}», sheet «{sheet}»: column {column} («{header}») holds codes that no lookup sheet of the "
        "file translates, so it is not used as «{needed}». Choose the column by hand if needed.",
    ),
    "IMPORT_YEAR_FROM_TITLE": (
        "Tệp «{file}», trang «{sheet}»: không có cột năm khen thưởng; dùng năm {year} ghi ở tiêu đề «{title}» "
        "(dòng {row}).",
        "File «{file}», sheet «{sheet}»: no award-year column; the year {year} named by the title «{title}» "
        "(row {row}) is used.",
    ),
    "IMPORT_FORMULA_ROWS": (
        "Tệp «{file}», trang «{sheet}»: {count} dòng chỉ có công thức không ra giá trị (trống, #N/A hoặc 0), là "
        "dòng mẫu để trống; các dòng này được bỏ qua.",
        "File «{file}», sheet «{sheet}»: {count} rows hold only formulas that show nothing (empty, #N/A or 0), "
        "blank template rows; they are skipped.",
    ),
    "IMPORT_MIXED_SUBJECTS": (
        "Tệp «{file}», trang «{sheet}»: cột {column} («{header}») cho biết mỗi dòng là cá nhân, tập thể hay hộ "
        "gia đình; mỗi dòng được nhập vào đúng danh sách ({individual} cá nhân, {collective} tập thể, "
        "{household} hộ gia đình).",
        "File «{file}», sheet «{sheet}»: column {column} («{header}») says whether each row is a person, a "
        "collective or a household; each row goes to its own register ({individual} people, {collective} "
        "collectives, {household} households).",
    ),
    "IMPORT_CODE_UNKNOWN": (
        "Mã «{value}» ở cột «{field_label}» không có trong trang danh mục «{lookup}»; dòng này không được nhập. "
        "Hãy bổ sung mã vào danh mục hoặc sửa lại mã.",
        "Code «{value}» in «{field_label}» is not in the lookup sheet «{lookup}»; the row is not imported. Add "
        "the code to the lookup sheet or correct it.",
    ),
    "IMPORT_CODE_NO_LOOKUP": (
        "«{value}» ở cột «{field_label}» là một mã số, không phải tên danh hiệu, hình thức khen thưởng, và tệp "
        "không có trang danh mục để tra mã này; dòng này không được nhập.",
        "«{value}» in «{field_label}» is a code, not the name of an award, and no lookup sheet of the file "
        "translates it; the row is not imported.",
    ),
    "IMPORT_CELL_ERROR": (
        "Ô ở cột «{field_label}» hiện lỗi công thức {value}; hãy sửa công thức trong Excel (hoặc xóa ô) rồi "
        "nhập lại.",
        "The cell in «{field_label}» shows the formula error {value}; correct the formula in Excel (or clear "
        "the cell) and import again.",
    ),
    "IMPORT_SUBJECT_TYPE_UNKNOWN": (
        "Không rõ «{value}» ở cột «{field_label}» là cá nhân, tập thể hay hộ gia đình. Hãy ghi một trong: cá nhân "
        "(CANHAN), tập thể (TAPTHE), hộ gia đình (HOGIADINH).",
        "«{value}» in «{field_label}» does not say whether the row is a person, a collective or a household. "
        "Write one of: cá nhân (CANHAN), tập thể (TAPTHE), hộ gia đình (HOGIADINH).",
    ),
    "IMPORT_CCCD_RESTORED": (
        "Số CCCD ở cột «{field_label}» được lưu dạng số ({value}) nên mất số 0 ở đầu; đã khôi phục thành "
        "{restored} (đúng mã tỉnh, khớp năm sinh và giới tính). Hãy kiểm tra lại.",
        "The citizen ID in «{field_label}» was stored as a number ({value}) and lost its leading zero(s); it was "
        "restored to {restored} (a known province code, matching the birth year and sex). Check it.",
    ),
    "IMPORT_PHONE_RESTORED": (
        "Số điện thoại ở cột «{field_label}» được lưu dạng số ({value}) nên mất số 0 ở đầu; đã khôi phục thành "
        "{restored}.",
        "The phone number in «{field_label}» was stored as a number ({value}) and lost its leading 0; it was "
        "restored to {restored}.",
    ),
    # --- why a row is skipped ------------------------------------------------------------------------
    "IMPORT_ROW_SUMMARY": ("Dòng tổng cộng, bỏ qua.", "A totals row; skipped."),
    "IMPORT_ROW_SECTION": ("Dòng tiêu đề nhóm, bỏ qua.", "A section heading; skipped."),
    "IMPORT_ROW_FOOTER": ("Phần ký tên, ngày tháng cuối bảng, bỏ qua.",
                          "Signature or date lines under the table; skipped."),
    "IMPORT_ROW_UNCHANGED": ("Đã có trong sổ, không có gì thay đổi.", "Already in the register, nothing changes."),
    "IMPORT_ROW_REPEATED": ("Dòng này lặp lại dòng {first_row} (cùng người, cùng số CCCD), bỏ qua.",
                            "This row repeats row {first_row} (same person, same citizen ID); skipped."),
    "IMPORT_AWARD_EXISTS": ("Khen thưởng này đã có trong sổ.", "This award is already in the register."),
}
