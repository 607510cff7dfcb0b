"""Reason codes raised by Excel exports, in Vietnamese and English."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "EXPORT_KIND_UNKNOWN": ("Không có loại bảng tính «{value}». Chọn một trong: {allowed}.",
                            "There is no export «{value}». Choose one of: {allowed}."),
    "EXPORT_NEEDS_BATCH": ("Cần chọn đợt xét khen thưởng để xuất danh sách đề nghị khen thưởng.",
                           "Choose a nomination batch to export its list of nominees."),
    "EXPORT_NEEDS_YEAR": ("Cần chọn năm để xuất báo cáo thống kê khen thưởng.",
                          "Choose a year to export the award statistics."),
    "EXPORT_NEEDS_MOVEMENT": ("Cần chọn phong trào thi đua để xuất bảng chỉ tiêu.",
                              "Choose an emulation movement to export its indicators."),
    "EXPORT_PATH_REQUIRED": ("Cần chọn nơi lưu tệp Excel.", "Choose where to save the Excel file."),
    "EXPORT_NOT_XLSX": ("Tệp «{value}» phải có đuôi .xlsx (bảng tính Excel).",
                        "The file «{value}» must end in .xlsx (an Excel workbook)."),
    "EXPORT_PATH_IS_FOLDER": ("«{value}» là một thư mục; hãy ghi thêm tên tệp, ví dụ danh-sach.xlsx.",
                              "«{value}» is a folder; add a file name, e.g. list.xlsx."),
    "EXPORT_FOLDER_MISSING": ("Không có thư mục «{value}» để lưu tệp.", "The folder «{value}» does not exist."),
    "EXPORT_PATH_UNWRITABLE": ("Không ghi được tệp «{value}». Hãy kiểm tra quyền ghi và chỗ trống của ổ đĩa, "
                               "và đóng tệp nếu đang mở trong Excel.",
                               "Cannot write «{value}». Check that the folder is writable and the disk has room, "
                               "and close the file if Excel has it open."),
    "EXPORT_TOO_MANY_ROWS": ("Bảng tính vượt quá {max} dòng, giới hạn của một trang Excel.",
                             "The table has more than {max} rows, the limit of one Excel sheet."),
}
