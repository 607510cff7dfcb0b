"""What every ``thidua`` command module shares: the parser class whose errors are usage errors
(exit 2), output that a terminal shows rather than obeys, and the office opened for one command.
The command modules (cli.py, cli_sync.py, cli_documents.py, cli_excel.py, cli_records.py,
cli_recovery.py) import this module and never each other's internals, so there is no cycle."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

from .domain.errors import DomainError, StateError
from .domain.text import nfc, printable

SECRET_FILE_MAX = 4096


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


class LazyChoices(Sequence[str]):
    """A parser's choices read from their module only when argparse needs them (checking a value,
    writing a usage or help text), so that building the whole parser imports none of the modules
    behind them. Set it on the action after ``add_argument``, which would read the choices at once."""

    def __init__(self, load: Callable[[], Sequence[str]]) -> None:
        self._load = load
        self._choices: Sequence[str] | None = None

    def _all(self) -> Sequence[str]:
        if self._choices is None:
            self._choices = tuple(self._load())
        return self._choices

    def __getitem__(self, index: Any) -> Any:
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __contains__(self, value: object) -> bool:
        return value in self._all()


def out(text: str) -> None:
    # Every line goes through printable(): a name that came in a bundle or an old database may
    # hold an ESC or a right-to-left override, which the terminal must show, not obey.
    sys.stdout.write(printable(text, keep_newlines=True) + "\n")


def print_json(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    # JSON escapes C0 controls itself; bidi, invisible and C1 characters get a \\uXXXX escape too,
    # which keeps the document valid and the same data.
    sys.stdout.write("".join(ch if ch == "\n" or ch.isprintable() else json.dumps(ch)[1:-1] for ch in text) + "\n")


def say(lang: str, vi: str, en: str) -> str:
    return vi if lang == "vi" else en


@contextmanager
def opened(args: argparse.Namespace, *, create: bool = False) -> Iterator[Any]:
    """The office's app for one command, closed afterwards whatever happens. Only a command that
    sets an office up passes ``create=True``; the others refuse a folder that holds none
    (OFFICE_FOLDER_EMPTY) before anything is written there."""
    from .bootstrap import open_app

    app = open_app(args.data_dir, create=create)
    try:
        sign_in(app, args)
        yield app
    finally:
        app.close()


def sign_in(app: Any, args: argparse.Namespace) -> None:
    """An office with accounts (a shared server office) acts only through a signed-in account:
    ``--user`` names it, the password comes from ``--password-file`` or is asked at the terminal.
    LOGIN_REQUIRED without ``--user``; PASSWORD_CHANGE_REQUIRED when the admin set the password,
    for every command but ``accounts passwd``. An office without accounts asks nothing."""
    if not app.accounts.has_accounts():
        return
    user = getattr(args, "user", None)
    if not user:
        raise StateError("LOGIN_REQUIRED", field="account")
    password = read_secret(args, "password_file", "Mật khẩu: ", "Password: ")
    signed = app.sign_in(user, password)
    if signed.must_change_password and not getattr(args, "password_change_allowed", False):
        raise StateError("PASSWORD_CHANGE_REQUIRED", field="password")
    args.signed_in_password = password  # ``accounts passwd`` changes it without asking it twice


def secret_from_file(path: str, field: str = "password") -> str:
    """The first line of ``path`` (without its line ending), in NFC."""
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read(SECRET_FILE_MAX).splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DomainError("PASSPHRASE_FILE_UNREADABLE", field=field, value=path) from exc
    return nfc(lines[0]) if lines else ""


def read_secret(args: argparse.Namespace, file_option: str, prompt_vi: str, prompt_en: str, *,
                new: bool = False) -> str:
    """A password from the file option (for scripts), else asked at the terminal with nothing
    echoed (twice when ``new``), never from the command line itself, where ``ps`` and the shell
    history would show it. PASSWORD_REQUIRED when there is neither."""
    path = getattr(args, file_option, None)
    if path:
        return secret_from_file(path)
    if not sys.stdin.isatty():
        raise DomainError("PASSWORD_REQUIRED", field="password")
    lang = getattr(args, "lang", "vi")
    first = nfc(getpass.getpass(say(lang, prompt_vi, prompt_en)))
    if new and nfc(getpass.getpass(say(lang, "Nhập lại mật khẩu: ", "Repeat the password: "))) != first:
        raise DomainError("PASSWORD_MISMATCH", field="new_password")
    return first
