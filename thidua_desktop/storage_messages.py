"""The sentences for refusals about files, folders, backups and the database itself (a missing
file, a full disk, a backup that is not ours, the database key not on this computer), in
Vietnamese and English. ``messages`` merges this table with the others."""

from __future__ import annotations

STORAGE_MESSAGES: dict[str, tuple[str, str]] = {
    # The CLI on a folder with no office (a mistyped --data-dir): refused before anything is created.
    "OFFICE_FOLDER_EMPTY": ("Thư mục dữ liệu «{value}» chưa có đơn vị nào; không tạo gì ở đó. Hãy chạy «thidua "
                            "init» để khởi tạo đơn vị, hoặc chọn đúng thư mục bằng --data-dir.",
                            "The data folder «{value}» holds no office; nothing was created there. Run «thidua "
                            "init» to set one up, or choose the right folder with --data-dir."),
    "FILE_NOT_FOUND": ("Không tìm thấy tệp «{value}».", "File «{value}» not found."),
    "FILE_TOO_LARGE": ("Tệp «{value}» lớn quá {max_mb} MB.", "File «{value}» is larger than {max_mb} MB."),
    # An attached photo or document (services/attachments.py): the same limit in a commune and on a server.
    "ATTACHMENT_TOO_LARGE": ("Không đính kèm được tệp «{value}»: tệp nặng khoảng {size_mb} MB, vượt giới hạn {max_mb} MB "
                             "cho một tệp đính kèm. Hãy quét (scan) lại ở độ phân giải thấp hơn, nén ảnh, hoặc tách "
                             "tệp PDF thành nhiều tệp nhỏ rồi đính kèm từng tệp. Chưa có gì được lưu.",
                             "File «{value}» cannot be attached: it is about {size_mb} MB, over the {max_mb} MB limit "
                             "for one attachment. Scan it again at a lower resolution, compress the photo, or split "
                             "the PDF into smaller files and attach each. Nothing was saved."),
    "ATTACHMENT_CHANGED": ("Tệp «{value}» đã thay đổi trong lúc đang được lưu. Hãy đóng chương trình đang sửa tệp đó "
                           "rồi đính kèm lại. Chưa có gì được lưu.",
                           "File «{value}» changed while it was being stored. Close the program editing it and "
                           "attach it again. Nothing was saved."),
    "BACKUP_NOT_OURS": ("Tệp «{value}» không phải bản sao lưu của ThiĐua hoặc đã bị hỏng.",
                        "«{value}» is not a ThiĐua backup, or it is damaged."),
    "BACKUP_KEY_MISSING": ("Bản sao lưu «{value}» được mã hóa bằng khóa của máy đã tạo ra nó, và máy này không có khóa "
                           "đó. Hãy khôi phục trên máy cũ; nếu máy cũ đã hỏng hoặc bị mất, hãy xin Ban Thi đua - Khen "
                           "thưởng của tỉnh tệp khóa khôi phục và mật khẩu của tệp đó, rồi khôi phục lại bằng khóa "
                           "khôi phục. Không có gì thay đổi.",
                           "Backup «{value}» is encrypted with the key of the computer that made it, which this "
                           "computer does not hold. Restore it there; if that computer is broken or lost, ask the "
                           "province's Emulation and Commendation Board (Ban Thi đua - Khen thưởng) for the recovery "
                           "key file and its passphrase, then restore with the recovery key. Nothing was changed."),
    "BACKUP_RECOVERY_KEY_WRONG": ("Khóa khôi phục này không mở được bản sao lưu «{value}»: bản sao lưu được mã hóa cho "
                                  "một khóa khôi phục khác. Hãy hỏi Ban Thi đua - Khen thưởng của tỉnh đúng tệp khóa "
                                  "mà xã đã nhận khi kết nối. Không có gì thay đổi.",
                                  "This recovery key does not open backup «{value}»: the backup was encrypted for "
                                  "another recovery key. Ask the province for the key the commune was enrolled with. "
                                  "Nothing was changed."),
    "BACKUP_NO_RECOVERY_KEY": ("Bản sao lưu «{value}» được tạo khi đơn vị chưa kết nối với tỉnh, nên khóa khôi phục "
                               "của tỉnh không mở được; chỉ máy đã tạo ra nó mở được. Không có gì thay đổi.",
                               "Backup «{value}» was made before the office was enrolled with the province, so the "
                               "recovery key cannot open it; only the computer that made it can. Nothing was "
                               "changed."),
    "BACKUP_TOO_NEW": ("Bản sao lưu «{value}» do phiên bản mới hơn tạo ra. Hãy cập nhật ứng dụng.",
                       "Backup «{value}» was made by a newer version. Update the app."),
    "BACKUP_UNSAFE_PATH": ("Bản sao lưu «{file}» chứa đường dẫn không an toàn («{value}»). Không có gì thay đổi.",
                           "Backup «{file}» has an unsafe path («{value}»). Nothing was changed."),
    "BACKUP_SQLITE_ONLY": ("Sao lưu bằng ứng dụng chỉ dùng cho cơ sở dữ liệu SQLite.",
                           "App backups are for SQLite databases only."),
    # Restore checks everything before writing (services/restore.py); each names the backup file.
    "BACKUP_MANIFEST_UNREADABLE": ("Bản sao lưu «{value}» có phần mô tả (manifest.json) không đọc được. Không có gì "
                                   "thay đổi.", "The description (manifest.json) in backup «{value}» cannot be read. "
                                   "Nothing was changed."),
    "BACKUP_MANIFEST_INVALID": ("Bản sao lưu «{value}» có phần mô tả (manifest.json) sai: mục «{key}» bị thiếu hoặc "
                                "sai kiểu. Không có gì thay đổi.", "The description (manifest.json) in backup "
                                "«{value}» is wrong: «{key}» is missing or of the wrong type. Nothing was changed."),
    "BACKUP_TOO_MANY_FILES": ("Bản sao lưu «{value}» chứa quá nhiều tệp ({count}; tối đa {max}). Không có gì thay đổi.",
                              "Backup «{value}» holds too many files ({count}; at most {max}). Nothing was changed."),
    "BACKUP_TOO_LARGE": ("Bản sao lưu «{value}» khi giải nén lớn quá giới hạn ({size_mb} MB; tối đa {max_mb} MB). "
                         "Không có gì thay đổi.", "Backup «{value}» expands beyond the limit ({size_mb} MB; at most "
                         "{max_mb} MB). Nothing was changed."),
    "BACKUP_ENTRY_TOO_LARGE": ("Tệp «{entry}» trong bản sao lưu «{value}» lớn quá {max_mb} MB. Không có gì thay đổi.",
                               "«{entry}» in backup «{value}» is larger than {max_mb} MB. Nothing was changed."),
    "BACKUP_DISK_FULL": ("Không đủ chỗ trống trên ổ đĩa để khôi phục «{value}»: cần khoảng {need_mb} MB, còn {free_mb} "
                         "MB. Hãy giải phóng dung lượng rồi thử lại. Không có gì thay đổi.", "Not enough free disk "
                         "space to restore «{value}»: about {need_mb} MB needed, {free_mb} MB free. Free some space "
                         "and try again. Nothing was changed."),
    "BACKUP_ENTRY_DAMAGED": ("Bản sao lưu «{value}» bị hỏng: tệp «{entry}» không khớp với mô tả của nó. Không có gì "
                             "thay đổi.", "Backup «{value}» is damaged: «{entry}» does not match its description. "
                             "Nothing was changed."),
    "DATABASE_IN_USE": ("Dữ liệu đang được mở ở một cửa sổ hoặc lệnh khác; hãy đóng chúng rồi thử lại. Không có gì "
                        "thay đổi.", "The data is open in another window or command; close it and try again. "
                        "Nothing was changed."),
    "DATABASE_TOO_NEW": ("Dữ liệu do phiên bản mới hơn tạo ra. Hãy cập nhật ứng dụng.",
                         "The data was written by a newer version. Update the app."),
    "DATA_DIR_UNWRITABLE": ("Không ghi được vào thư mục dữ liệu «{value}».", "Cannot write to the data folder «{value}»."),
    # The operating system or the database engine said no (see thidua_desktop/os_refusals.py).
    "DATABASE_BUSY": ("Một cửa sổ hoặc lệnh khác đang ghi dữ liệu; vui lòng thử lại sau giây lát.",
                      "Another window or command is writing data; please try again in a moment."),
    # «{path}» may be unknown (a write() that fails names no file): the sentence reads without it.
    "DISK_FULL": ("Ổ đĩa đã đầy: không ghi được dữ liệu («{path}»). Hãy giải phóng dung lượng rồi thử lại.",
                  "The disk is full: the data could not be written («{path}»). Free some space and try again."),
    "PERMISSION_DENIED": ("Không có quyền đọc hoặc ghi («{path}»). Hãy kiểm tra quyền của tệp hoặc thư mục, hoặc "
                          "chọn nơi khác.", "Permission denied («{path}»). Check the file or folder's permissions, "
                          "or choose another place."),
    "READ_ONLY_PLACE": ("Không ghi được vì ổ đĩa hoặc thư mục chỉ cho đọc («{path}»). Hãy chọn nơi khác.",
                        "Cannot write: the disk or folder is read-only («{path}»). Choose another place."),
    "FILE_EXISTS": ("Đã có tệp hoặc thư mục trùng tên («{path}»). Hãy chọn tên hoặc nơi khác.",
                    "A file or folder of that name already exists («{path}»). Choose another name or place."),
    "DISK_IO_ERROR": ("Lỗi đọc/ghi ổ đĩa («{path}»). Hãy kiểm tra ổ đĩa hoặc USB rồi thử lại.",
                      "The disk could not be read or written («{path}»). Check the disk or USB stick and try again."),
    "OS_ERROR": ("Không thực hiện được: hệ điều hành báo lỗi {reason} («{path}»).",
                 "Could not be done: the system reported {reason} («{path}»)."),
    "DATABASE_DAMAGED": ("Tệp cơ sở dữ liệu bị hỏng hoặc không phải cơ sở dữ liệu của ThiĐua. Hãy khôi phục từ bản "
                         "sao lưu.", "The database file is damaged or is not a ThiĐua database. Restore a backup."),
    # The database is encrypted under a key kept in this user's config folder (database_key.py).
    "DATABASE_KEY_MISSING": ("Không tìm thấy khóa mở cơ sở dữ liệu trong thư mục «{value}» trên máy tính/tài khoản "
                             "Windows này (dữ liệu được mã hóa và chỉ mở được bằng tài khoản đã tạo ra nó). Hãy "
                             "mở bằng đúng tài khoản đó, hoặc khôi phục bản sao lưu vào một thư mục mới (Khôi "
                             "phục trên máy tính mới, cần khóa khôi phục của tỉnh).",
                             "The key that opens the database in «{value}» is not on this computer or user account "
                             "(the data is encrypted and opens only under the account that made it). Open it "
                             "under that account, or restore a backup into a new folder (Restore on a new "
                             "computer, with the province's recovery key)."),
    "DATABASE_KEY_UNREADABLE": ("Khóa mở cơ sở dữ liệu trong thư mục «{value}» bị hỏng hoặc thuộc tài khoản Windows "
                                "khác. Hãy khôi phục bản sao lưu vào một thư mục mới.",
                                "The database key in «{value}» is damaged or belongs to another Windows account. "
                                "Restore a backup into a new folder."),
    "DATABASE_KEY_WRONG": ("Không mở được cơ sở dữ liệu trong thư mục «{value}»: tệp bị hỏng, hoặc được chép từ "
                           "máy/thư mục khác nên khóa ở đây không mở được. Hãy khôi phục từ bản sao lưu.",
                           "The database in «{value}» does not open: the file is damaged, or was copied from another "
                           "computer or folder whose key is not here. Restore a backup."),
    # The office's PostgreSQL server (services/server_setup.py, db/server.py), at set-up and at each start.
    "DATABASE_SETTING_INVALID": ("Cài đặt cơ sở dữ liệu trong «{path}» bị hỏng hoặc không phải địa chỉ hợp lệ "
                                 "(cần dạng sqlite:/// hoặc postgresql://). Hãy sửa lại, hoặc xoá dòng "
                                 "database_url để dùng tệp dữ liệu trên máy này.",
                                 "The database setting in «{path}» is damaged or not a valid address "
                                 "(it must start sqlite:/// or postgresql://). Correct it, or remove the "
                                 "database_url line to use the data file on this computer."),
    "SERVER_UNREACHABLE": ("Không kết nối được máy chủ «{host}» (cổng {port}): máy chủ chưa bật, sai địa chỉ hoặc "
                           "cổng, mất mạng, hoặc tường lửa chặn. Hãy kiểm tra rồi thử lại.",
                           "Cannot reach the server «{host}» (port {port}): it is off, the address or port is "
                           "wrong, the network is down, or a firewall blocks it. Check, then try again."),
    "SERVER_LOGIN_FAILED": ("Máy chủ «{host}» từ chối đăng nhập của «{user}»: sai tên hoặc mật khẩu kết nối cơ sở "
                            "dữ liệu (không phải tài khoản trong ứng dụng). Hãy hỏi người quản trị máy chủ.",
                            "The server «{host}» refused the login «{user}»: wrong database user or password (not "
                            "an account of the app). Ask whoever runs the server."),
    "SERVER_NOT_ALLOWED": ("Máy chủ «{host}» chưa cho máy tính này kết nối (pg_hba.conf). Người quản trị máy chủ "
                           "cần cho phép mạng nội bộ của văn phòng (xem docs/province-server.md).",
                           "The server «{host}» does not admit this computer (pg_hba.conf). Whoever runs the server "
                           "must allow the office's network (see docs/province-server.md)."),
    "SERVER_DATABASE_MISSING": ("Máy chủ «{host}» không có cơ sở dữ liệu «{database}». Hãy kiểm tra tên, hoặc nhờ "
                                "người quản trị máy chủ tạo cơ sở dữ liệu đó.",
                                "The server «{host}» has no database «{database}». Check the name, or ask whoever "
                                "runs the server to create it."),
    "SERVER_HOST_INVALID": ("Địa chỉ máy chủ «{value}» không hợp lệ (ví dụ: 192.168.1.10 hoặc may-chu-tdkt).",
                            "The server address «{value}» is not valid (e.g. 192.168.1.10 or may-chu-tdkt)."),
    "SERVER_PASSWORD_UNREADABLE": ("Không mở được mật khẩu máy chủ đã lưu trên máy này («{value}»): nó thuộc máy "
                                   "hoặc tài khoản Windows khác. Hãy xóa tệp config.json trong thư mục dữ liệu rồi "
                                   "mở lại ứng dụng để kết nối lại với máy chủ.",
                                   "The server password saved on this computer («{value}») does not open: it belongs "
                                   "to another computer or Windows account. Delete config.json in the data folder "
                                   "and start the app again to connect to the server anew."),
}
