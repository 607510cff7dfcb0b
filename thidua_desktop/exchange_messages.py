"""The sentences for the reason codes of the exchange with other offices (keys, enrolment,
recovery, bundles waiting, conflicts, what the province pushes), in Vietnamese and English; kept
apart from ``service_messages`` as the storage and account codes are. ``thidua_desktop.messages``
merges every table."""

from __future__ import annotations

EXCHANGE_MESSAGES: dict[str, tuple[str, str]] = {
    "PEER_UNKNOWN": ("Đơn vị «{value}» chưa được kết nối đồng bộ với văn phòng này.",
                     "Office «{value}» is not enrolled for sync with this office."),
    "RECOVERY_PROVINCE_ONLY": ("Chỉ văn phòng cấp tỉnh tạo khóa khôi phục.", "Only the provincial office makes the recovery key."),
    "RECOVERY_FILE_EXISTS": ("Đã có tệp «{value}»: chọn tên khác để không ghi đè một khóa khôi phục.",
                             "«{value}» already exists: choose another name so no recovery key is overwritten."),
    "RECOVERY_PASSPHRASE_MISMATCH": ("Hai lần nhập mật khẩu không khớp nhau.", "The two passphrases do not match."),
    "PASSPHRASE_FILE_UNREADABLE": ("Không đọc được tệp mật khẩu «{value}».", "Cannot read passphrase file «{value}»."),
    "ENROLL_PROVINCE_ONLY": ("Chỉ văn phòng cấp tỉnh cấp tệp kết nối.", "Only the provincial office issues enrolment files."),
    "RECOVERY_KEY_MISSING": ("Chưa có khóa khôi phục của tỉnh. Văn phòng tỉnh cần khởi tạo lại hoặc cấp lại tệp kết nối.",
                             "The province's recovery key is missing. The province must set it up or issue the enrolment file again."),
    "PEER_NO_KEYS_YET": ("Chưa nhận được khóa của đơn vị «{value}»: cần nhập gói dữ liệu đầu tiên của đơn vị đó trước.",
                         "No keys from office «{value}» yet: import its first bundle first."),
    "PEER_REVOKED": ("Kết nối với đơn vị «{value}» đã bị thu hồi.", "Office «{value}» has been revoked."),
    "BUNDLE_WAITS_FOR_FINGERPRINT": (
        "Gói dữ liệu «{file}» là gói đầu tiên nhận từ {sender_name} (mã {sender_code}) nên chưa được nhập: gói "
        "đang chờ cán bộ tỉnh xác nhận mã xác thực của đơn vị. Hãy gọi điện cho cán bộ xã, đề nghị đọc mã xác "
        "thực hiển thị trên màn hình Đồng bộ của xã và so với mã của gói này: {fingerprint}. Nếu trùng khớp, "
        "hãy xác nhận (nút «Xác nhận mã xác thực», hoặc lệnh «thidua enroll confirm {sender_code} --fingerprint "
        "MÃ»): gói sẽ được nhập ngay. Nếu khác, gói không do xã gửi: hãy từ chối gói.",
        "Bundle «{file}» is the first one from {sender_name} (code {sender_code}), so it was not imported: it "
        "waits until the province confirms the office's fingerprint. Call the commune's officer, ask them to "
        "read the fingerprint shown on their Sync screen and compare it with this bundle's: {fingerprint}. If "
        "they match, confirm it (\"Confirm fingerprint\", or «thidua enroll confirm {sender_code} --fingerprint "
        "CODE»): the bundle is then imported. If not, the commune did not send it: reject it."),
    "BUNDLE_WAITING_FULL": (
        "Đã có quá nhiều gói từ {sender_name} (mã {sender_code}) đang chờ xác nhận mã xác thực, nên gói «{file}» "
        "không được giữ lại. Hãy xác nhận hoặc từ chối các gói đang chờ trước.",
        "Too many bundles from {sender_name} (code {sender_code}) are already waiting for the fingerprint "
        "check, so «{file}» was not kept. Confirm or reject the waiting bundles first."),
    "PEER_FINGERPRINT_MISMATCH": (
        "Mã xác thực {fingerprint} không khớp với khóa của gói nào đang chờ từ đơn vị «{value}», nên chưa xác nhận "
        "gì. Hãy đề nghị đọc lại mã (từng nhóm 4 ký tự); nếu vẫn khác, gói đang chờ không do đơn vị đó gửi: hãy từ "
        "chối gói và đề nghị đơn vị gửi lại.",
        "Fingerprint {fingerprint} matches no bundle waiting from office «{value}», so nothing was confirmed. Ask "
        "for the code again (four characters at a time); if it still differs, the waiting bundle was not sent by "
        "that office: reject it and ask the office to send again."),
    "RECOVERY_BUNDLE_PROVINCE_ONLY": ("Chỉ văn phòng cấp tỉnh ghi gói khôi phục cho xã.",
                                      "Only the provincial office writes recovery bundles for communes."),
    "RECOVERY_NOTHING_HELD": ("Tỉnh chưa nhận được dữ liệu nào của đơn vị «{value}», nên không có gì để khôi phục.",
                              "The province never received data from office «{value}»: there is nothing to recover."),
    "RECOVERY_TOO_LARGE": ("Dữ liệu của đơn vị «{value}» ({size_mb} MB) quá lớn cho một gói khôi phục.",
                           "Office «{value}»'s data ({size_mb} MB) is too large for one recovery bundle."),
    "RECOVERY_SENDER_NOT_PROVINCE": (
        "Gói «{file}» là gói khôi phục nhưng không do văn phòng cấp tỉnh gửi cho xã (gửi từ {sender_name}, mã "
        "{sender_code}): gói bị từ chối, dữ liệu không thay đổi.",
        "Bundle «{file}» is a recovery bundle that the provincial office did not send to a commune (it comes from "
        "{sender_name}, code {sender_code}): it is refused and nothing changed."),
    "RECOVERY_OFFICE_NOT_EMPTY": (
        "Gói khôi phục chỉ nhập được vào một văn phòng xã mới cài, chưa có dữ liệu riêng; văn phòng này đã có {count} "
        "bản ghi do chính mình tạo. Dữ liệu không thay đổi.",
        "A recovery bundle is only imported into a newly installed commune office with no data of its own; this "
        "office already has {count} records it made itself. Nothing changed."),
    "EXPORT_NEEDS_RECIPIENT": ("Văn phòng tỉnh cần chọn xã nhận gói (--to MÃ_XÃ).",
                               "The provincial office must name the commune (--to CODE)."),
    "TEMPLATES_INVALID": ("Tệp mẫu tóm tắt thành tích «{path}» không hợp lệ.", "The summary template file «{path}» is invalid."),
    "TEMPLATES_TOO_NEW": ("Tệp mẫu tóm tắt thành tích do phiên bản mới hơn tạo ra. Vui lòng cập nhật ứng dụng.",
                          "The summary templates were made by a newer version. Please update the app."),
    "CONFLICT_ALREADY_RESOLVED": ("Xung đột dữ liệu này đã được xử lý.", "This conflict has already been decided."),
    "CONFLICT_VERSION_UNREADABLE": ("Không đọc được bản còn lại của bản ghi này.",
                                    "The other version of this record cannot be read."),
    "EXPORT_TARGET_UNWRITABLE": ("Không ghi được gói vào «{value}» (USB bị rút ra, đầy hoặc chỉ đọc). Hãy thử lại.",
                                 "Cannot write the bundle to «{value}» (the stick was removed, is full or read-only). "
                                 "Try again."),
    "CATALOG_PROVINCE_ONLY": ("Chỉ văn phòng cấp tỉnh nạp danh mục khen thưởng mới; xã nhận danh mục qua gói đồng bộ.",
                              "Only the provincial office loads a new award catalog; communes receive it in bundles."),
    # The office's sync keys carried to another computer of a server office (services/key_transfer.py).
    "KEY_TRANSFER_NEEDED": (
        "Máy tính này chưa có khóa đồng bộ của văn phòng: hãy nạp khóa từ máy đã thiết lập văn phòng. Trên máy đó, "
        "quản trị viên chọn «Xuất khóa của văn phòng cho máy khác…» ở màn hình Đồng bộ (hoặc lệnh «thidua enroll "
        "keys-export --out TỆP»); trên máy này chọn «Nạp khóa của văn phòng từ máy khác…» (hoặc «thidua enroll "
        "keys-import TỆP»).",
        "This computer has no sync keys yet: load them from the computer that set the office up. There, an "
        "administrator chooses \"Export the office keys for another computer…\" on the Sync screen (or «thidua "
        "enroll keys-export --out FILE»); here, choose \"Load the office keys from another computer…\" (or «thidua "
        "enroll keys-import FILE»)."),
    "KEY_TRANSFER_STALE": (
        "Khóa đồng bộ trên máy này (mã xác thực {held}) không còn là khóa hiện tại của văn phòng: khóa đã được đổi "
        "trên máy khác. Hãy xuất lại khóa trên máy đó và nạp vào máy này.",
        "The sync keys on this computer (fingerprint {held}) are no longer the office's current keys: they were "
        "rotated on another computer. Export the keys there again and load them here."),
    "KEY_TRANSFER_NOT_RECORDED": (
        "Cơ sở dữ liệu của văn phòng chưa ghi nhận khóa đồng bộ nào, nên không biết tệp «{file}» có phải khóa của "
        "văn phòng hay không. Hãy xuất tệp khóa trên máy đã thiết lập văn phòng (việc xuất ghi nhận khóa) rồi nạp lại.",
        "The office's database records no sync key yet, so it cannot tell whether «{file}» holds this office's "
        "keys. Export the key file on the computer that set the office up (exporting records the key), then load it."),
    "KEY_TRANSFER_DIFFERENT_KEYS": (
        "Máy này đang giữ khóa đồng bộ khác (mã xác thực {held}) với khóa trong tệp «{file}» ({fingerprint}); khóa "
        "đang có không bị ghi đè. Nếu khóa của máy này không phải khóa của văn phòng, hãy chuyển tệp "
        "keys/office-keys.json ra khỏi thư mục dữ liệu rồi nạp lại.",
        "This computer holds other sync keys (fingerprint {held}) than «{file}» ({fingerprint}); they were not "
        "overwritten. If this computer's keys are not the office's, move keys/office-keys.json out of the data "
        "folder, then load the file again."),
    "KEY_FILE_INVALID": (
        "Tệp «{file}» không đọc được: tệp bị hỏng, bị cắt ngắn hoặc không phải tệp khóa của văn phòng ThiĐua. Không có "
        "gì thay đổi; hãy xuất lại tệp khóa trên máy đang giữ khóa.",
        "«{file}» cannot be read: it is damaged, cut short or not a ThiĐua office key file. Nothing changed; export "
        "the key file again on the computer that holds the keys."),
    "KEY_FILE_TOO_NEW": (
        "Tệp khóa «{file}» do phiên bản phần mềm mới hơn tạo ra (định dạng {version}). Hãy cập nhật ThiĐua.",
        "The key file «{file}» was made by a newer version of the app (format {version}). Update ThiĐua."),
    "KEY_FILE_PASSPHRASE_REQUIRED": (
        "Tệp khóa «{file}» được bảo vệ bằng mật khẩu: hãy nhập mật khẩu (hoặc chỉ ra tệp chứa mật khẩu bằng "
        "--passphrase-file).",
        "The key file «{file}» is protected by a passphrase: enter it (or name a file holding it with "
        "--passphrase-file)."),
    "KEY_FILE_PASSPHRASE_WRONG": (
        "Sai mật khẩu của tệp khóa «{file}» (hoặc tệp đã bị hỏng). Không có gì thay đổi.",
        "Wrong passphrase for the key file «{file}» (or the file is damaged). Nothing changed."),
    "KEY_FILE_PASSPHRASE_TOO_SHORT": (
        "Mật khẩu bảo vệ tệp khóa cần ít nhất {min} ký tự; nên dùng một câu dễ nhớ.",
        "The key file's passphrase needs at least {min} characters; a memorable sentence is best."),
    "KEY_FILE_EXISTS": ("Đã có tệp «{value}»: chọn tên khác.", "«{value}» already exists: choose another name."),
    "KEY_FILE_OTHER_OFFICE": (
        "Tệp «{file}» chứa khóa của đơn vị khác ({office_name}, mã {office_code}, mã xác thực {fingerprint}), không "
        "phải khóa của văn phòng này. Không có gì thay đổi.",
        "«{file}» holds the keys of another office ({office_name}, code {office_code}, fingerprint {fingerprint}), "
        "not this office's. Nothing changed."),
    "KEY_FILE_NOT_CURRENT": (
        "Tệp «{file}» không chứa khóa hiện tại của văn phòng (mã xác thực trong tệp: {fingerprint}): khóa có thể đã "
        "được đổi sau khi xuất tệp, hoặc tệp thuộc một cơ sở dữ liệu khác. Không có gì thay đổi; hãy xuất lại tệp "
        "trên máy đang giữ khóa.",
        "«{file}» does not hold the office's current keys (its fingerprint: {fingerprint}): the keys may have been "
        "rotated since it was exported, or it belongs to another database. Nothing changed; export it again on the "
        "computer that holds the keys."),
}
