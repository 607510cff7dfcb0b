"""USB sync bundles: office keys, enrolment files and the encrypted, signed .tdsync container.

Standard library and PyNaCl only: no Qt, no database. ``MESSAGES`` maps every reason code raised
here (and the few the import side raises about bundles) to a Vietnamese and an English sentence."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "BUNDLE_NOT_A_BUNDLE": (
        "Tệp «{file}» không phải là gói dữ liệu đồng bộ của ThiĐua (tệp .tdsync).",
        "«{file}» is not a ThiĐua sync bundle (.tdsync file)."),
    "BUNDLE_TRUNCATED": (
        "Gói dữ liệu «{file}» bị thiếu phần cuối (tệp bị cắt ngắn, có thể do rút USB khi đang ghi). "
        "Hãy yêu cầu đơn vị gửi xuất lại gói.",
        "Bundle «{file}» is cut short (perhaps the stick was removed while writing). "
        "Ask the sender to export it again."),
    "BUNDLE_CORRUPT": (
        "Gói dữ liệu «{file}» bị hỏng hoặc đã bị sửa đổi nên không được nhập. Hãy yêu cầu đơn vị gửi xuất lại gói.",
        "Bundle «{file}» is damaged or has been altered, so it was not imported. Ask the sender to export it again."),
    "BUNDLE_SIGNATURE_INVALID": (
        "Chữ ký số của gói dữ liệu «{file}» không hợp lệ: gói không do {sender_name} (mã {sender_code}) tạo ra "
        "hoặc đã bị sửa đổi. Gói không được nhập.",
        "The signature of bundle «{file}» is not valid: it was not made by {sender_name} (code {sender_code}) "
        "or it has been altered. It was not imported."),
    "BUNDLE_SENDER_UNKNOWN": (
        "Gói dữ liệu «{file}» đến từ đơn vị chưa được kết nối đồng bộ: {sender_name} (mã {sender_code}).",
        "Bundle «{file}» comes from an office that is not enrolled: {sender_name} (code {sender_code})."),
    "BUNDLE_SENDER_REVOKED": (
        "Khóa của đơn vị gửi {sender_name} (mã {sender_code}) đã bị thu hồi, nên gói dữ liệu «{file}» không được nhập.",
        "The key of the sending office {sender_name} (code {sender_code}) has been revoked, "
        "so bundle «{file}» was not imported."),
    "BUNDLE_WRONG_RECIPIENT": (
        "Gói dữ liệu «{file}» được gửi cho {intended_name} (mã {intended_code}), không phải cho đơn vị của bạn.",
        "Bundle «{file}» is meant for {intended_name} (code {intended_code}), not for your office."),
    "BUNDLE_TOO_NEW": (
        "Gói dữ liệu «{file}» được tạo bởi phiên bản phần mềm mới hơn (định dạng {version}, máy này chỉ đọc được "
        "đến định dạng {supported}). Hãy cập nhật phần mềm ThiĐua rồi nhập lại.",
        "Bundle «{file}» was made by a newer version of the app (format {version}; this one reads up to "
        "format {supported}). Update ThiĐua, then import it again."),
    "BUNDLE_SCHEMA_TOO_NEW": (
        "Gói dữ liệu «{file}» được tạo bởi phiên bản phần mềm mới hơn ({app_version}, cấu trúc dữ liệu {version}, "
        "máy này chỉ đọc được đến {supported}). Hãy cập nhật phần mềm ThiĐua rồi nhập lại.",
        "Bundle «{file}» was made by a newer version of the app ({app_version}, data schema {version}; "
        "this one reads up to {supported}). Update ThiĐua, then import it again."),
    "BUNDLE_UNSAFE_ENTRY": (
        "Gói dữ liệu «{file}» chứa một mục có tên không an toàn hoặc không được phép («{name}»). Gói không được nhập.",
        "Bundle «{file}» contains an entry with an unsafe or unexpected name («{name}»). It was not imported."),
    "BUNDLE_TOO_LARGE": (
        "Gói dữ liệu «{file}» chứa dữ liệu lớn hơn nhiều so với khai báo ở phần đầu gói. Gói không được nhập.",
        "Bundle «{file}» holds far more data than its header declares. It was not imported."),
    "BUNDLE_KEY_MISSING": (
        "Gói dữ liệu «{file}» được mã hóa cho một khóa mà máy này không có (mã khóa {key_id}). "
        "Hãy yêu cầu đơn vị gửi xuất lại gói cho khóa hiện tại của đơn vị bạn.",
        "Bundle «{file}» is encrypted for a key this computer does not hold (key {key_id}). "
        "Ask the sender to export it again for your office's current key."),
    "BUNDLE_WRITE_VERIFY_FAILED": (
        "Đọc lại tệp vừa ghi «{file}» thấy không khớp với dữ liệu đã ghi: thiết bị lưu trữ có thể bị lỗi. "
        "Tệp đã bị xóa; hãy thử lại với USB khác.",
        "Reading back «{file}» after writing it did not match what was written: the drive may be faulty. "
        "The file was deleted; try again with another stick."),
    "BUNDLE_ALREADY_IMPORTED": (
        "Gói dữ liệu «{file}» đã được nhập ngày {imported_on}; không có gì thay đổi.",
        "Bundle «{file}» was already imported on {imported_on}; nothing changed."),
    "ENROLLMENT_INVALID": (
        "Tệp kết nối không hợp lệ hoặc đã bị sửa đổi. Hãy xin văn phòng cấp tỉnh gửi lại tệp kết nối.",
        "The enrolment file is not valid or has been altered. Ask the provincial office for a new one."),
    "ENROLLMENT_WRONG_UNIT": (
        "Tệp kết nối này được lập cho đơn vị mã {got} ({got_name}), không phải cho đơn vị mã {expected}.",
        "This enrolment file was made for the office with code {got} ({got_name}), not for code {expected}."),
    "ENROLLMENT_COMMUNE_ONLY": (
        "Chỉ văn phòng cấp xã nạp tệp kết nối; văn phòng tỉnh cấp tệp này cho các xã.",
        "Only a commune office loads an enrolment file; the provincial office issues them."),
    "SYNC_TRIAL_OFFICE": (
        "Đây là văn phòng dùng thử với dữ liệu mẫu: không kết nối và không trao đổi gói dữ liệu với tỉnh. "
        "Hãy thiết lập văn phòng thật để đồng bộ.",
        "This is a trial office with demo data: it never connects or exchanges bundles with the province. "
        "Set up the real office to sync."),
    "FILE_UNREADABLE": (
        "Không đọc được tệp «{value}» (USB bị rút ra hoặc tệp bị hỏng).",
        "Cannot read «{value}» (the stick was removed or the file is damaged)."),
    "ENROLLMENT_TOO_NEW": (
        "Tệp kết nối được tạo bởi phiên bản phần mềm mới hơn (định dạng {version}). Hãy cập nhật phần mềm ThiĐua.",
        "The enrolment file was made by a newer version of the app (format {version}). Update ThiĐua."),
    "KEY_MISSING": (
        "Không tìm thấy khóa bí mật của đơn vị trên máy này. Khóa được giữ riêng cho từng máy và không đi kèm "
        "bản sao thư mục dữ liệu; nếu đây là máy mới, hãy xin văn phòng cấp tỉnh cấp lại tệp kết nối.",
        "This office's private key is not on this computer. Keys stay with the computer and are not part of "
        "a copied data folder; on a new computer, enrol again with the provincial office."),
    "KEY_UNREADABLE": (
        "Không giải mã được khóa bí mật của đơn vị: tệp khóa bị hỏng hoặc không thuộc về tài khoản này trên máy.",
        "The office's private key cannot be decrypted: the key file is damaged or belongs to another account."),
    "RECOVERY_KEY_INVALID": (
        "Tệp khóa khôi phục «{file}» không đọc được (sai mật khẩu, tệp hỏng hoặc không phải tệp khóa khôi phục).",
        "Recovery key file «{file}» cannot be read (wrong passphrase, damaged, or not a recovery key file)."),
    "RECOVERY_PASSPHRASE_REQUIRED": (
        "Tệp khóa khôi phục được bảo vệ bằng mật khẩu: hãy nhập mật khẩu.",
        "The recovery key file is protected by a passphrase: enter it."),
    "RECOVERY_PASSPHRASE_WRONG": (
        "Sai mật khẩu của tệp khóa khôi phục «{file}» (hoặc tệp đã bị hỏng). Không có gì thay đổi.",
        "Wrong passphrase for recovery key file «{file}» (or the file is damaged). Nothing was changed."),
    "RECOVERY_PASSPHRASE_TOO_SHORT": (
        "Mật khẩu bảo vệ khóa khôi phục cần ít nhất {min} ký tự; nên dùng một câu dễ nhớ.",
        "The recovery key's passphrase needs at least {min} characters; a memorable sentence is best."),
    # Why an incoming record waits in the quarantine (the reason of its quarantine row).
    "REFERENCE_MISSING": (
        "Bản ghi liên quan (ví dụ thôn, người, hồ sơ) chưa được nhận; sẽ thử lại ở lần nhập gói sau.",
        "A record it refers to (a village, a person, a dossier) has not arrived yet; retried at the next import."),
    "DUPLICATE_VALUE": (
        "Một giá trị phải là duy nhất trong dữ liệu của đơn vị gửi (ví dụ số CCCD) đã thuộc về một bản ghi khác "
        "của chính đơn vị đó; sẽ thử lại ở lần nhập gói sau.",
        "A value that must be unique within the sending office's data (such as a citizen ID number) already "
        "belongs to another of that office's records; retried at the next import."),
    "DATABASE_REFUSED": (
        "Cơ sở dữ liệu từ chối bản ghi này vì một lý do khác; sẽ thử lại ở lần nhập gói sau.",
        "The database refused this record for another reason; retried at the next import."),
}

from .container import (  # noqa: E402  (MESSAGES first: the submodules need no import of it)
    MAX_BUNDLE_BYTES,
    BundleHeader,
    BundleReader,
    BundleWriter,
    Entry,
    bundle_file_name,
    inspect_bundle,
    open_bundle,
    open_bundle_with_recovery,
    verify_signature,
)
from .keys import (  # noqa: E402
    Enrollment,
    KeyStore,
    OfficeKeys,
    PublicKeys,
    RecoveryKeys,
    generate_recovery,
    load_recovery_private,
    make_enrollment,
    read_enrollment,
)

__all__ = [
    "MAX_BUNDLE_BYTES", "MESSAGES", "BundleHeader", "BundleReader", "BundleWriter", "Enrollment", "Entry",
    "KeyStore", "OfficeKeys", "PublicKeys", "RecoveryKeys", "bundle_file_name", "generate_recovery",
    "inspect_bundle", "load_recovery_private", "make_enrollment", "open_bundle", "open_bundle_with_recovery",
    "read_enrollment", "verify_signature",
]
