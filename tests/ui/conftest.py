"""GUI tests run offscreen, in Vietnamese unless a test switches language, on real data folders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from thidua_desktop.bootstrap import App
from thidua_desktop.ui import i18n

TODAY = date(2026, 11, 25)


@pytest.fixture(autouse=True)
def vietnamese(qapp: QApplication) -> Iterator[None]:
    i18n.install("vi")
    yield
    i18n.install("vi")


@pytest.fixture(autouse=True)
def dialog_log(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """No native dialog ever opens in a test: messages are recorded, questions answered Yes."""
    from thidua_desktop.ui import dialogs

    calls: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "info", lambda _p, title, text: calls.append(("info", text)))
    monkeypatch.setattr(dialogs, "error", lambda _p, title, text: calls.append(("error", text)))
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, title, text: calls.append(("ask", text)) or True)
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: "")
    monkeypatch.setattr(dialogs, "save_file", lambda *_a: "")
    monkeypatch.setattr(dialogs, "choose_folder", lambda *_a: "")
    monkeypatch.setattr(dialogs, "setup_printer", lambda *_a: False)  # the print dialog is cancelled
    return calls


@pytest.fixture
def demo(commune: App, load_demo) -> App:  # type: ignore[no-untyped-def]
    """``commune`` itself with DemoBuilder(seed=7, today=TODAY).build(people=60) in it (copied from
    the session's one build, see tests/conftest.py)."""
    return load_demo(commune, seed=7, people=60, today=TODAY)


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Types any text, Vietnamese included, through the widget's real key handling
    (QTest.keyClicks aborts on characters outside Latin-1)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                                                 Qt.KeyboardModifier.NoModifier, ch))
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_unknown,
                                                 Qt.KeyboardModifier.NoModifier, ch))
