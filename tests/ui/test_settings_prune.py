"""Settings → Backups → "Remove unused attached files…": the confirmation names how many files
and how large, No keeps them, Yes removes them; nothing past the 24-hour window, nothing asked."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from thidua_desktop.ui import dialogs

from .settings_helpers import settings_screen


def _left_behind(data: Path, content: bytes, age_hours: float) -> Path:
    sha = hashlib.sha256(content).hexdigest()
    path = data / "attachments" / sha[:2] / sha
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    then = time.time() - age_hours * 3600
    os.utime(path, (then, then))
    return path


def test_the_confirmation_names_count_and_size_and_yes_removes(qtbot, commune, dialog_log, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    old = _left_behind(commune.paths.data_dir, b"z" * 2 * 1024 * 1024, 30)
    young = _left_behind(commune.paths.data_dir, b"young", 2)
    screen = settings_screen(commune)
    qtbot.addWidget(screen)
    assert screen.prune.text()

    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, _t, text: dialog_log.append(("ask", text)) and False)
    screen.prune.click()
    [(kind, question)] = dialog_log
    assert kind == "ask" and question.startswith("1 ") and "2,0 MB" in question
    assert old.exists()

    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, _t, text: dialog_log.append(("ask", text)) or True)
    screen.prune.click()
    assert not old.exists() and young.exists()
    kind, said = dialog_log[-1]
    assert kind == "info" and "1" in said and "MB" in said

    dialog_log.clear()
    screen.prune.click()  # only the young one is left: nothing asked
    assert [kind for kind, _ in dialog_log] == ["info"] and young.exists()
