"""scripts/bench_all.py runs end to end on a fresh cache: the smoke run of its cheapest figure
prints the table and a ratio line with numbers. Speed is never asserted here (docs/benchmarks.md)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quick_export_figure_prints_its_ratio(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "QT_QPA_PLATFORM": "offscreen"}
    env.pop("THIDUA_DATA_DIR", None)
    env.pop("THIDUA_DATABASE_URL", None)
    out = tmp_path / "figures.json"
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_all.py"), "--quick", "--only", "export",
                           "--cache", str(tmp_path / "cache"), "--json", str(out)],
                          capture_output=True, text=True, env=env, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    # The table row and the ratio line, each with a measured number, a baseline and a ratio.
    assert re.search(r"Register export to Excel \| [\d,.]+ people/s .*\| openpyxl write_only [\d,.]+ rows/s "
                     r"\| \d+\.\d+×", done.stdout), done.stdout
    assert re.search(r"^export: ratio \d+\.\d+× \(measured [\d,.]+ people/s", done.stdout, re.M), done.stdout
    [figure] = json.loads(out.read_text(encoding="utf-8"))["figures"]
    assert figure["name"] == "export" and not figure["error"]
    assert figure["ratio"] > 0 and figure["peak_mb"] > 0
    assert figure["values"]["people"] == 2000  # the quick size's register, generated with realistic rows


def test_an_unknown_figure_is_refused(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_all.py"), "--only", "speed"],
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 2
    assert "unknown figure(s) speed" in done.stderr


def test_quick_province_figure_prints_its_baseline_and_ratio(tmp_path: Path) -> None:
    """Two small communes' bundles into a province SQLite, against sqlite3 executemany of the same
    rows: the row carries both and the ratio import/baseline, and the rows match the bundles."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "QT_QPA_PLATFORM": "offscreen"}
    env.pop("THIDUA_DATA_DIR", None)
    env.pop("THIDUA_DATABASE_URL", None)
    out = tmp_path / "figures.json"
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_all.py"), "--quick", "--only", "province",
                           "--communes", "2", "--jobs", "1", "--cache", str(tmp_path / "cache"), "--json", str(out)],
                          capture_output=True, text=True, env=env, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert re.search(r"Province: 2 commune bundles, SQLite \| [\d.]+ s \([\d,.]+ records/s\) "
                     r"\| executemany [\d.]+ s \([\d,.]+ rows/s\) \| [\d.]+× slower", done.stdout), done.stdout
    assert re.search(r"^province: ratio [\d.]+× slower", done.stdout, re.M), done.stdout
    [figure] = json.loads(out.read_text(encoding="utf-8"))["figures"]
    values = figure["values"]
    assert values["communes"] == 2 and values["baseline_rows"] == values["records"] == values["new"]
    assert values["quarantined"] == 0
    assert figure["ratio"] == values["seconds"] / values["baseline_seconds"] > 0


def test_province_pg_needs_a_server(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_all.py"), "--only", "province_pg"],
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 2
    assert "province_pg needs --postgres URL" in done.stderr
