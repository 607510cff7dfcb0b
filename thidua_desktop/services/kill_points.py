"""Test hook for the kill harness (tests/services/test_restore_kills.py, tests/cli/test_demo_kills.py).

With ``THIDUA_TEST_KILL_POINT`` naming a point (e.g. ``restore:before_swap``) and
``THIDUA_TEST_KILL_MARKER`` a file path, the process writes the marker when it reaches that point
and waits there, so a test can SIGKILL it at exactly the worst moment. Unset, it costs nothing."""

from __future__ import annotations

import os
import time
from pathlib import Path

RESTORE_POINTS = ("restore:db_staged", "restore:attachments_staged", "restore:before_swap", "restore:after_swap")
DEMO_POINTS = ("demo:built", "demo:after_swap")


def pause_for_kill_test(point: str) -> None:
    if os.environ.get("THIDUA_TEST_KILL_POINT") != point:
        return
    marker = os.environ.get("THIDUA_TEST_KILL_MARKER")
    if marker:
        Path(marker).write_text(point, encoding="utf-8")
        time.sleep(120)
