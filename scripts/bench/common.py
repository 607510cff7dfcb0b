"""Measuring and reporting: child processes timed with their own peak memory, medians, and the
figure rows the table and the JSON file are made of."""

from __future__ import annotations

import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"


@dataclass
class Figure:
    """One row of the table. ``measured`` and ``baseline`` are rates or times in ``unit`` /
    ``baseline_unit``; ``ratio`` is always oriented so that bigger is better for the app when
    ``higher_is_better`` (throughput ratios), else it is app / baseline (times)."""

    name: str
    title: str
    measured: str = ""
    baseline: str = ""
    ratio: float | None = None
    ratio_text: str = ""
    target: str = ""
    met: bool | None = None
    peak_mb: float | None = None
    details: list[str] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    error: str = ""
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def peak_self_mb() -> float:
    """This process's peak resident memory (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class ChildRun:
    seconds: float
    peak_mb: float
    returncode: int
    stdout: str
    stderr: str
    cpu: float = 0.0  # the child's user + system CPU seconds: steadier than wall time on a busy machine


def child_env(config_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of every child: the cache's key-encryption keys (so cached offices open),
    the bundled document font, Qt offscreen, and this harness importable as ``bench``."""
    env = {**os.environ, "THIDUA_CONFIG_DIR": str(config_dir), "THIDUA_DOC_FONT": "bundled",
           "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"), "PYTHONIOENCODING": "utf-8"}
    env.pop("THIDUA_DATA_DIR", None)
    env.pop("THIDUA_DATABASE_URL", None)  # always the SQLite office of the data folder given
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SCRIPTS), env.get("PYTHONPATH", "")) if p)
    env.update(extra)
    return env


def run_child(args: Sequence[str], env: dict[str, str], timeout: float = 3600) -> ChildRun:
    """Run a process to its end through ``bench.launch``: its wall seconds from just before the
    fork to its exit, ITS peak memory (not the harness's, see launch.py) and its CPU seconds."""
    base = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-child-{os.getpid()}-{time.monotonic_ns()}"
    result = Path(f"{base}.json")
    with open(f"{base}.out", "w+b") as out, open(f"{base}.err", "w+b") as err:
        # A session of its own: on a timeout the launcher and the command are ended together.
        proc = subprocess.Popen([sys.executable, "-m", "bench.launch", str(result), *args], stdout=out, stderr=err,
                                env=env, start_new_session=True)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    try:
        measured = json.loads(result.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        measured = {"seconds": timeout, "maxrss_kb": 0, "cpu": 0.0, "returncode": proc.returncode or -9}
        stderr += f"\n(no measurement: the launcher ended with {proc.returncode}, after the {timeout:.0f} s limit?)"
    for suffix in (".out", ".err", ".json"):
        Path(f"{base}{suffix}").unlink(missing_ok=True)
    return ChildRun(float(measured["seconds"]), measured["maxrss_kb"] / 1024, int(measured["returncode"]), stdout,
                    stderr, float(measured["cpu"]))


def python_module(module: str, *args: str) -> list[str]:
    return [sys.executable, "-m", module, *args]


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def timed_cpu(work: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall seconds, this process's CPU seconds, and the result."""
    started, cpu = time.perf_counter(), time.process_time()
    result = work()
    return time.perf_counter() - started, time.process_time() - cpu, result


def fmt_rate(value: float, unit: str) -> str:
    return f"{value:,.0f} {unit}" if value >= 100 else f"{value:,.1f} {unit}"


def fmt_table(figures: list[Figure]) -> str:
    header = ("Figure", "Measured", "Baseline (same run)", "Ratio", "Target", "Met?", "Peak memory")
    rows = [header]
    for f in figures:
        if f.error:
            rows.append((f.title, "FAILED", "", "", f.target, "error", ""))
            continue
        met = "—" if f.met is None else ("yes" if f.met else "NO")
        rows.append((f.title, f.measured, f.baseline, f.ratio_text, f.target, met,
                     "" if f.peak_mb is None else f"{f.peak_mb:,.0f} MB"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
