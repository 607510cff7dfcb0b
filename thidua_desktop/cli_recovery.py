"""``thidua recovery check|protect``: the province's recovery key file and its passphrase.

A passphrase comes from ``--passphrase-file`` (its first line; for scripts) or is asked for with
getpass when a person is at the terminal; it never goes on the command line, where ``ps`` and the
shell history would show it."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .cli_common import opened as _opened
from .cli_common import out as _out
from .cli_common import say as _t
from .domain.errors import DomainError
from .domain.text import nfc

T = TypeVar("T")
PASSPHRASE_FILE_MAX = 4096


def passphrase_from_file(path: str) -> str:
    """The first line of ``path`` (without its line ending), in NFC."""
    try:
        with open(path, encoding="utf-8") as fh:
            line = fh.read(PASSPHRASE_FILE_MAX).splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DomainError("PASSPHRASE_FILE_UNREADABLE", field="passphrase_file", value=path) from exc
    return nfc(line[0]) if line else ""


def _interactive() -> bool:
    return sys.stdin.isatty()


def ask_passphrase(lang: str, *, new: bool, prompt_vi: str = "", prompt_en: str = "") -> str:
    """Ask at the terminal (nothing echoed). A new passphrase is asked twice."""
    first = nfc(getpass.getpass(_t(lang, prompt_vi or "Mật khẩu khóa khôi phục: ",
                                   prompt_en or "Recovery key passphrase: ")))
    if new and nfc(getpass.getpass(_t(lang, "Nhập lại mật khẩu: ", "Repeat the passphrase: "))) != first:
        raise DomainError("RECOVERY_PASSPHRASE_MISMATCH", field="passphrase")
    return first


def new_passphrase(args: argparse.Namespace, file_option: str) -> str | None:
    """The passphrase for a recovery key about to be written: from the file option, else asked
    at the terminal (empty answer: none), else None (no terminal: a script)."""
    path = getattr(args, file_option, None)
    if path:
        return passphrase_from_file(path)
    if not _interactive():
        return None
    answer = ask_passphrase(args.lang, new=True,
                            prompt_vi="Mật khẩu bảo vệ khóa khôi phục (để trống nếu không đặt — không nên): ",
                            prompt_en="Passphrase for the recovery key (empty for none — not advised): ")
    return answer or None


def with_passphrase(args: argparse.Namespace, attempt: Callable[[str | None], T], file_option: str = "passphrase_file",
                    prompt_vi: str = "", prompt_en: str = "") -> T:
    """Run ``attempt`` with the passphrase from the file option, or with none; when the key file
    turns out to be protected and a person is at the terminal, ask once and try again."""
    path = getattr(args, file_option, None)
    if path:
        return attempt(passphrase_from_file(path))
    try:
        return attempt(None)
    except DomainError as exc:
        if exc.code != "RECOVERY_PASSPHRASE_REQUIRED" or not _interactive():
            raise
    return attempt(ask_passphrase(args.lang, new=False, prompt_vi=prompt_vi, prompt_en=prompt_en))


def cmd_check(args: argparse.Namespace) -> int:
    with _opened(args) as app:
        fingerprint, ours = with_passphrase(args, lambda secret: app.sync.check_recovery_key(Path(args.file), secret))
    _out(_t(args.lang, f"Mở được khóa khôi phục; mã xác thực: {fingerprint}.",
            f"The recovery key opens; fingerprint: {fingerprint}."))
    if not ours:
        _out(_t(args.lang, "Khóa này KHÔNG phải khóa khôi phục mà đơn vị đang dùng trong tệp kết nối.",
                "This is NOT the recovery key this office puts in its enrolment files."))
        return 1
    return 0


def cmd_protect(args: argparse.Namespace) -> int:
    path = Path(args.file)
    with _opened(args) as app:
        # Check the file opens (asking its current passphrase if it has one) before asking a new one.
        def opens_with(secret: str | None) -> str | None:
            app.sync.check_recovery_key(path, secret)
            return secret

        old = with_passphrase(args, opens_with, file_option="old_passphrase_file",
                              prompt_vi="Mật khẩu hiện tại: ", prompt_en="Current passphrase: ")
        secret = new_passphrase(args, "passphrase_file")
        if secret is None:
            raise DomainError("RECOVERY_PASSPHRASE_REQUIRED", field="passphrase")
        fingerprint = app.sync.protect_recovery_key(path, secret, old or None)
    _out(_t(args.lang, f"Đã đặt mật khẩu cho khóa khôi phục {fingerprint} trong {path}.",
            f"The recovery key {fingerprint} in {path} is now protected by the passphrase."))
    return 0


def add_parsers(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    recovery = sub.add_parser("recovery", help="khóa khôi phục của tỉnh / the province's recovery key") \
        .add_subparsers(dest="action", required=True, parser_class=parser_class)
    p = recovery.add_parser("check", help="thử mở tệp khóa / check that the key file opens")
    p.add_argument("file")
    p.add_argument("--passphrase-file", help="tệp chứa mật khẩu (dòng đầu) / file holding the passphrase")
    p.set_defaults(func=cmd_check)
    p = recovery.add_parser("protect", help="đặt hoặc đổi mật khẩu / set or change the passphrase")
    p.add_argument("file")
    p.add_argument("--passphrase-file", help="mật khẩu mới (dòng đầu) / the new passphrase (first line)")
    p.add_argument("--old-passphrase-file", help="mật khẩu hiện tại / the current passphrase")
    p.set_defaults(func=cmd_protect)
