"""The Qt binding in use must not corrupt Python's reference counts: PySide6 6.12.0 lost a
reference to True on every Signal.emit(), which aborts the app after a long session."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Emitter(QObject):
    fired = Signal(int, int)
emitter = Emitter()
before = sys.getrefcount(True)
for i in range(2000):
    emitter.fired.emit(i, i)
print(sys.getrefcount(True) - before)
"""


def test_signal_emit_keeps_reference_counts() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert abs(int(result.stdout.strip())) < 10
