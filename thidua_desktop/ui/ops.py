"""Runs a service call for a screen: a refusal becomes a clear message naming the field, and an
unexpected error a short one (the trace goes to the log file, never to the user)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ..domain.errors import DomainError
from ..messages import render
from . import dialogs

T = TypeVar("T")
log = logging.getLogger("thidua")


def current_lang() -> str:
    return "vi" if QCoreApplication.translate("Language", "en") == "vi" else "en"


def run(parent: QWidget | None, action: Callable[[], T]) -> T | None:
    try:
        return action()
    except DomainError as exc:
        log.info("refused: %s field=%s", exc.code, exc.field)
        dialogs.error(parent, QCoreApplication.translate("Ops", "Cannot do this"), render(exc, current_lang()))
    except Exception as exc:  # a bug; keep the app alive and the trace in the log
        report_unexpected(parent, exc)
    return None


def report_unexpected(parent: QWidget | None, exc: BaseException) -> None:
    log.error("unexpected %s", type(exc).__name__, exc_info=exc)
    dialogs.error(parent, QCoreApplication.translate("Ops", "Unexpected error"),
                  QCoreApplication.translate("Ops", "Something went wrong. The details were saved in the log."))
