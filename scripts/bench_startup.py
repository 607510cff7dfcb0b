"""Start-up benchmark: seconds from launching a process to the main window being shown on the
demo database, against a baseline measured in the same run (a bare PySide6 window).

    .venv/bin/python scripts/bench_startup.py [--runs 5] [--people 300]

Not a test: the figures go in the README."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

APP_CHILD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from thidua_desktop.bootstrap import open_app
from thidua_desktop.ui import i18n
from thidua_desktop.ui.main_window import MainWindow
qt = QApplication(sys.argv[:1])
i18n.install("vi")
app = open_app(sys.argv[1])
window = MainWindow(app)
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), qt.quit()))
qt.exec()
"""

BASELINE_CHILD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
qt = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("baseline"))
window.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), qt.quit()))
qt.exec()
"""


def _time(code: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
    elapsed = time.perf_counter() - start
    if "shown" not in out.stdout:
        raise RuntimeError(out.stderr)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--people", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "office"
        thidua = [sys.executable, "-m", "thidua_desktop.cli", "--data-dir", str(data)]
        subprocess.run([*thidua, "init", "--role", "commune", "--unit-code", "01576"], check=True,
                       capture_output=True)
        subprocess.run([*thidua, "demo", "--people", str(args.people)], check=True, capture_output=True)
        _time(APP_CHILD, str(data))  # warm the OS file cache and compile .pyc files once
        app_runs = [_time(APP_CHILD, str(data)) for _ in range(args.runs)]
        base_runs = [_time(BASELINE_CHILD) for _ in range(args.runs)]
    app_s, base_s = statistics.median(app_runs), statistics.median(base_runs)
    print(f"demo people: {args.people}, runs: {args.runs}")
    print(f"baseline (bare PySide6 window): {base_s:.2f} s")
    print(f"ThiĐua main window on demo data: {app_s:.2f} s")
    print(f"ratio app / baseline: {app_s / base_s:.2f}")
    print(f"target < 2 s: {'met' if app_s < 2 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
