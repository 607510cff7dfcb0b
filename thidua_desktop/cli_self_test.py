"""``thidua --version`` and ``thidua self-test``: what a support call starts with.

The self-test needs no office: it runs on a laptop where the app was just installed, and it
creates nothing in the data folder (services/self_test.py works in a temporary folder and
removes its probe files). Exit 0 when every check passed, 1 when any failed, 2 for a malformed
command line (the parser)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .cli_common import out as _out


class _VersionAction(argparse.Action):
    """Prints the app and catalog versions in the language chosen so far (``--lang en --version``)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        from .services.self_test import version_text

        _out(version_text(getattr(namespace, "lang", "vi")))
        parser.exit(0)


def cmd_self_test(args: argparse.Namespace) -> int:
    from .config import resolve_data_dir
    from .services.self_test import run_self_test

    usb = Path(args.usb).expanduser() if args.usb else None
    report = run_self_test(resolve_data_dir(args.data_dir), usb)
    for line in report.lines(args.lang):
        _out(line)
    return 0 if report.ok else 1


def add_parsers(sub: Any, parser_class: type[argparse.ArgumentParser], *, top: argparse.ArgumentParser) -> None:
    top.add_argument("--version", action=_VersionAction,
                     help="in phiên bản ứng dụng và danh mục khen thưởng / print the app and catalog versions")
    p = sub.add_parser("self-test", help="kiểm tra máy: phông chữ, thư mục dữ liệu, cơ sở dữ liệu, khóa, in, USB; "
                                         "mã thoát 1 nếu có mục không đạt / check this computer: fonts, data "
                                         "folder, database, keys, printing, USB; exit code 1 when a check fails")
    p.add_argument("--usb", help="thư mục USB để thử ghi (mặc định: một thư mục tạm) / a USB folder to try "
                                 "writing to (default: a temporary folder)")
    p.set_defaults(func=cmd_self_test)
