"""Reason codes raised while printing, in Vietnamese and English."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "PRINT_KIND_UNKNOWN": (
        "Không có loại văn bản «{value}». Các loại có thể in: {allowed}.",
        "There is no document kind «{value}». Kinds that can be printed: {allowed}."),
    "QR_TEXT_INVALID": (
        "Chuỗi mã QR không đúng dạng của ThiĐua (TDQR1|loại|mã hồ sơ|mã kiểm tra). Hãy quét lại hoặc gõ lại đủ chuỗi.",
        "The QR text is not a ThiĐua code (TDQR1|kind|record id|hash). Scan it again or type it in full."),
    "OUTPUT_UNWRITABLE": (
        "Không ghi được tệp vào «{value}». Hãy kiểm tra USB hoặc thư mục còn chỗ trống và không bị khóa ghi.",
        "Cannot write to «{value}». Check that the stick or folder has free space and is not write-protected."),
    "TEMPLATE_UNREADABLE": (
        "Tệp mẫu văn bản «{file}» bị hỏng hoặc không đúng định dạng JSON. Hãy sửa hoặc xóa bản sửa đổi của đơn vị.",
        "Document template «{file}» is damaged or not valid JSON. Fix it or remove the office's override."),
    "WORDING_INVALID": (
        "Mẫu văn bản «{name}» không dùng được ({problem}). Mỗi tệp phải là JSON dạng đối tượng, tên tệp trùng "
        "tên một văn bản của ThiĐua (ví dụ submission.json, decision.json), không quá 256 KB.",
        "Document wording «{name}» cannot be used ({problem}). Each file must be a JSON object named after a "
        "ThiĐua document (e.g. submission.json, decision.json), at most 256 KB."),
    "WORDING_PROVINCE_ONLY": (
        "Chỉ Sở Nội vụ nạp mẫu văn bản cho cả tỉnh. Ở xã, đặt tệp mẫu riêng vào thư mục «documents» trong thư mục "
        "dữ liệu.",
        "Only the provincial office loads wording for the whole province. A commune puts its own files in the "
        "«documents» folder of its data folder."),
}
