"""What every ``thidua`` command module shares: the parser class whose errors are usage errors
(exit 2), output that a terminal shows rather than obeys, and the office opened for one command.
The command modules (cli.py, cli_sync.py, cli_documents.py, cli_excel.py, cli_records.py,
cli_recovery.py) import this module and never each other's internals, so there is no cycle."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

from .domain.text import printable


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


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
        yield app
    finally:
        app.close()
