"""The ``thidua`` command line in a child process that stops at one checkpoint, for the kill tests.

    python tests/checkpoint_runner.py --data-dir D restore FILE

with ``THIDUA_TEST_KILL_POINT`` naming a checkpoint (thidua_desktop/checkpoints.py) and
``THIDUA_TEST_KILL_MARKER`` a file path: when the command reaches that point, the marker is
written and the process waits there to be killed. The app itself knows nothing of this."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from thidua_desktop import checkpoints
from thidua_desktop.cli import main

RUNNER = Path(__file__).resolve()


def command(*args: str) -> list[str]:
    """The argv that runs ``thidua *args`` through this runner."""
    return [sys.executable, str(RUNNER), *args]


def _stop_at(point: str, marker: str) -> None:
    def listener(name: str) -> None:
        if name == point:
            Path(marker).write_text(name, encoding="utf-8")
            time.sleep(120)

    checkpoints.listen(listener)


def stop_as_the_environment_says() -> None:
    """Listen for the checkpoint THIDUA_TEST_KILL_POINT names, if it names one."""
    point, marker = os.environ.get("THIDUA_TEST_KILL_POINT"), os.environ.get("THIDUA_TEST_KILL_MARKER")
    if point and marker:
        _stop_at(point, marker)


def python_code(code: str) -> list[str]:
    """The argv that runs the Python ``code`` in a child process that stops at the checkpoint."""
    prelude = (f"import sys; sys.path.insert(0, {str(RUNNER.parent)!r}); import checkpoint_runner; "
               "checkpoint_runner.stop_as_the_environment_says(); ")
    return [sys.executable, "-c", prelude + code]


if __name__ == "__main__":
    stop_as_the_environment_says()
    sys.exit(main(sys.argv[1:]))
