"""``thidua accounts add|list|disable|enable|passwd``: the named accounts of a shared (server) office.

Who acts is ``--user`` (before the command; the password from ``--password-file`` or asked at the
terminal), as for every command on an office with accounts (cli_common.sign_in). The office's
first account, an admin, is made without ``--user``: nobody can sign in before it exists. A new
password comes from ``--new-password-file`` or is asked twice; never from the command line.
Exit codes as every command: 0 done, 1 refused (ROLE_REQUIRED, LOGIN_FAILED…), 2 a malformed line."""

from __future__ import annotations

import argparse
from typing import Any

from .cli_common import opened as _opened
from .cli_common import out as _out
from .cli_common import print_json as _json
from .cli_common import read_secret
from .cli_common import say as _t
from .domain.accounts import ROLE_NAMES, AccountRole, username_key
from .domain.errors import StateError


def _role(role: AccountRole, lang: str) -> str:
    return ROLE_NAMES[role][0 if lang == "vi" else 1]


def _new_password(args: argparse.Namespace) -> str:
    return read_secret(args, "new_password_file", "Mật khẩu mới: ", "New password: ", new=True)


def cmd_add(args: argparse.Namespace) -> int:
    with _opened(args) as app:
        password = _new_password(args)
        view = app.accounts.create(args.username, args.name, args.role, password)
    _out(_t(args.lang, f"Đã tạo tài khoản «{view.username}» ({_role(view.role, 'vi')}).",
            f"Account «{view.username}» created ({_role(view.role, 'en')})."))
    if view.must_change_password:
        _out(_t(args.lang, "Người dùng phải đổi mật khẩu ở lần đăng nhập đầu tiên.",
                "Its user must change the password at the first sign-in."))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with _opened(args) as app:
        rows = app.accounts.list()
    if args.json:
        _json([{"id": a.id, "username": a.username, "display_name": a.display_name, "role": a.role.value,
                "active": a.active, "must_change_password": a.must_change_password,
                "last_login_at": a.last_login_at} for a in rows])
        return 0
    for a in rows:
        state = _t(args.lang, "hoạt động", "active") if a.active else _t(args.lang, "đã khóa", "disabled")
        _out(f"{a.username:<20} {_role(a.role, args.lang):<24} {state:<10} {a.display_name}")
    _out(_t(args.lang, f"Tổng số: {len(rows)}", f"Total: {len(rows)}"))
    return 0


def cmd_disable(args: argparse.Namespace) -> int:
    with _opened(args) as app:
        view = app.accounts.disable(args.username)
    _out(_t(args.lang, f"Đã khóa tài khoản «{view.username}».", f"Account «{view.username}» disabled."))
    return 0


def cmd_enable(args: argparse.Namespace) -> int:
    with _opened(args) as app:
        view = app.accounts.enable(args.username)
    _out(_t(args.lang, f"Đã mở lại tài khoản «{view.username}».", f"Account «{view.username}» enabled."))
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    """Without USERNAME (or with one's own): change one's own password. With another's: an admin's
    reset, which that officer changes at the next sign-in."""
    with _opened(args) as app:
        me = app.signed_in
        own = args.username is None or (me is not None and username_key(args.username) == me.username)
        if own:
            current = getattr(args, "signed_in_password", None)
            if me is None or current is None:  # an office without accounts has no password to change
                raise StateError("LOGIN_REQUIRED", field="account")
            app.accounts.change_own_password(current, _new_password(args))
            _out(_t(args.lang, "Đã đổi mật khẩu.", "Password changed."))
            return 0
        view = app.accounts.reset_password(args.username, _new_password(args))
    _out(_t(args.lang, f"Đã đặt lại mật khẩu cho «{view.username}»; người đó phải đổi ở lần đăng nhập tới.",
            f"Password of «{view.username}» reset; its user must change it at the next sign-in."))
    return 0


def add_parsers(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    accounts = sub.add_parser("accounts", help="tài khoản của văn phòng dùng máy chủ / accounts of a server office") \
        .add_subparsers(dest="action", required=True, parser_class=parser_class)
    secret_help = "tệp chứa mật khẩu mới (dòng đầu) / file holding the new password (first line)"
    p = accounts.add_parser("add", help="tạo tài khoản (quản trị viên) / make an account (admin)")
    p.add_argument("username")
    p.add_argument("--name", required=True, help="họ và tên / full name")
    p.add_argument("--role", required=True, choices=[r.value for r in AccountRole])
    p.add_argument("--new-password-file", help=secret_help)
    p.set_defaults(func=cmd_add)
    p = accounts.add_parser("list", help="liệt kê tài khoản (quản trị viên) / list the accounts (admin)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)
    p = accounts.add_parser("disable", help="khóa tài khoản (quản trị viên) / disable an account (admin)")
    p.add_argument("username")
    p.set_defaults(func=cmd_disable)
    p = accounts.add_parser("enable", help="mở lại tài khoản (quản trị viên) / enable an account again (admin)")
    p.add_argument("username")
    p.set_defaults(func=cmd_enable)
    p = accounts.add_parser("passwd", help="đổi mật khẩu của mình, hoặc đặt lại cho người khác (quản trị viên) / "
                                           "change one's own password, or reset another's (admin)")
    p.add_argument("username", nargs="?")
    p.add_argument("--new-password-file", help=secret_help)
    p.set_defaults(func=cmd_passwd, password_change_allowed=True)
