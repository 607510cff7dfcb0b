"""The sentences for the reason codes of accounts and roles on a shared (server) office
(services/accounts.py, services/access.py), in Vietnamese and English; merged with the others by
``thidua_desktop.messages``. Kept apart from service_messages.py, which holds the rest of the
services' codes."""

from __future__ import annotations

ACCOUNT_MESSAGES: dict[str, tuple[str, str]] = {
    "ROLE_REQUIRED": ("Việc này cần tài khoản có vai trò {role_vi}. Hãy nhờ người có vai trò đó làm, hoặc nhờ "
                      "quản trị viên đổi vai trò cho tài khoản của bạn.",
                      "This needs an account with the {role_en} role. Ask someone with that role, or ask the "
                      "administrator to change your account's role."),
    "PUBLISH_ROLE_REQUIRED": ("Chỉ tài khoản có vai trò {role_vi} mới công bố danh mục khen thưởng và mẫu văn "
                              "bản cho các xã. Hãy nhờ người có vai trò đó làm.",
                              "Only an account with the {role_en} role publishes the award catalog and the "
                              "document wording to the communes. Ask someone with that role."),
    "LOGIN_REQUIRED": ("Văn phòng này dùng tài khoản: hãy đăng nhập (trên dòng lệnh: --user TÊN_ĐĂNG_NHẬP). Tài "
                       "khoản vừa bị khóa thì không làm tiếp được.",
                       "This office uses accounts: sign in (on the command line: --user USERNAME). An account "
                       "that was just disabled can do nothing more."),
    "LOGIN_FAILED": ("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa. Quên mật khẩu thì hãy nhờ "
                     "quản trị viên đặt lại.",
                     "Wrong username or password, or the account is disabled. If you forgot your password, ask the "
                     "administrator to reset it."),
    "LOGIN_THROTTLED": ("Đăng nhập sai quá nhiều lần. Hãy thử lại sau khoảng {minutes} phút, hoặc nhờ quản trị "
                        "viên đặt lại mật khẩu.",
                        "Too many failed sign-ins. Try again in about {minutes} minute(s), or ask the "
                        "administrator to reset the password."),
    "FIRST_ACCOUNT_ADMIN": ("Tài khoản đầu tiên của văn phòng phải là quản trị viên: người đó tạo các tài khoản "
                            "khác.", "The office's first account must be an administrator, who then makes the "
                            "others."),
    "USERNAME_INVALID": ("Tên đăng nhập «{value}» không dùng được: cần 2–64 ký tự không dấu a–z, 0–9, dấu chấm, "
                         "gạch ngang hoặc gạch dưới (ví dụ: hoa.nt).",
                         "Username «{value}» cannot be used: use 2–64 characters a–z, 0–9, dot, dash or "
                         "underscore (e.g. hoa.nt)."),
    "USERNAME_TAKEN": ("Tên đăng nhập «{value}» đã có tài khoản dùng.", "Username «{value}» is already taken."),
    "ACCOUNT_UNKNOWN": ("Không có tài khoản «{value}».", "There is no account «{value}»."),
    "LAST_ADMIN": ("Đây là quản trị viên cuối cùng còn hoạt động: không khóa được, vì sẽ không còn ai quản lý tài "
                   "khoản. Hãy tạo hoặc mở lại một quản trị viên khác trước.",
                   "This is the last active administrator: it cannot be disabled, or nobody could manage "
                   "accounts. Make or enable another administrator first."),
    "PASSWORD_TOO_SHORT": ("Mật khẩu cần ít nhất {min} ký tự.", "The password needs at least {min} characters."),
    "PASSWORD_TOO_LONG": ("Mật khẩu dài quá {max} ký tự.", "The password is longer than {max} characters."),
    "PASSWORD_WRONG": ("Mật khẩu hiện tại không đúng.", "The current password is wrong."),
    "PASSWORD_UNCHANGED": ("Mật khẩu mới phải khác mật khẩu hiện tại.",
                           "The new password must differ from the current one."),
    "PASSWORD_MISMATCH": ("Hai lần nhập mật khẩu mới không khớp nhau.", "The two new passwords do not match."),
    "PASSWORD_REQUIRED": ("Cần mật khẩu: nhập khi được hỏi, hoặc ghi ở dòng đầu một tệp và chỉ ra bằng "
                          "--password-file / --new-password-file.",
                          "A password is needed: type it when asked, or put it on the first line of a file "
                          "named with --password-file / --new-password-file."),
    "PASSWORD_CHANGE_REQUIRED": ("Mật khẩu của tài khoản này do quản trị viên đặt: hãy đổi mật khẩu trước "
                                 "(«thidua --user TÊN accounts passwd») rồi làm tiếp.",
                                 "This account's password was set by the administrator: change it first "
                                 "(«thidua --user NAME accounts passwd»), then go on."),
}
