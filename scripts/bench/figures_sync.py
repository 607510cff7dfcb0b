"""Figures 1–2: ``thidua bundle import`` of one commune through the real command line and its peak
memory at three bundle sizes (figure 3, the province, is in province.py)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .common import Figure, child_env, fmt_rate, log, median, python_module, run_child
from .generate import (
    Commune,
    CommuneSpec,
    build_communes,
    confirmed_province,
    copy_office,
    home_commune,
)

IMPORT_TARGET = 0.25  # records/s of the import over rows/s of the baseline
MEMORY_TARGET_MB = 200.0


@dataclass(frozen=True)
class Sizes:
    """People per commune for the three import sizes (the middle one is figure 1), and the province."""

    single: tuple[int, int, int]
    communes: int
    commune_people: int
    commune_nominations: int

    @staticmethod
    def full() -> Sizes:
        return Sizes((10_000, 50_000, 100_000), 56, 2000, 300)

    @staticmethod
    def quick() -> Sizes:
        return Sizes((500, 1000, 2000), 4, 300, 45)


def single_spec(people: int) -> CommuneSpec:
    """A commune of ``people`` alone: about 1.8 records a person, and 540 nominations at 50,000
    people (the first 500 in the annual batch that figure 4 prints)."""
    return CommuneSpec(home_commune(), 0, people, max(15, round(people * 0.0108)))


def single_communes(cache: Path, sizes: Sizes, jobs: int) -> list[Commune]:
    return build_communes(cache, [single_spec(p) for p in sizes.single], jobs)


def _province_for(cache: Path, commune: Commune) -> Path:
    return confirmed_province(cache, f"single-{commune.spec.key()}", [(commune.spec.code, commune.first)])


def cli_import(cache: Path, commune: Commune, work: Path) -> tuple[float, float, dict[str, Any], float]:
    """One ``thidua bundle import`` into a fresh copy of the confirmed province, as a process of
    its own: wall seconds (interpreter start included, as an officer waits for it), its peak
    memory, the import report, and its CPU seconds."""
    province = copy_office(_province_for(cache, commune), work / "tinh")
    run = run_child(python_module("thidua_desktop.cli", "--data-dir", str(province), "bundle", "import",
                                  str(commune.bundle), "--json"), child_env(cache / "config"))
    shutil.rmtree(province, ignore_errors=True)
    if run.returncode != 0:
        raise RuntimeError(f"thidua bundle import exited {run.returncode}: {run.stderr.strip()[-800:]}")
    return run.seconds, run.peak_mb, json.loads(run.stdout), run.cpu


def read_people_rows(cache: Path, commune: Commune, work: Path) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The commune's people as plain tuples (every column), read through the app's engine."""
    from sqlalchemy import select

    from thidua_desktop.bootstrap import open_app
    from thidua_desktop.db.models import Person

    office = copy_office(commune.office, work / "xa-rows")
    app = open_app(office, actor="bench")
    try:
        with app.db.engine.connect() as conn:
            result = conn.execute(select(Person.__table__))
            columns = list(result.keys())
            rows = [tuple(_plain(v) for v in row) for row in result]
    finally:
        app.close()
    shutil.rmtree(office, ignore_errors=True)
    return columns, rows


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def sqlite_baseline(columns: list[str], rows: list[tuple[Any, ...]], work: Path) -> tuple[float, float]:
    """sqlite3 ``executemany`` of the rows into a table of the same columns with ``id`` the primary
    key, in one transaction, WAL and synchronous=FULL as the app's engine: wall and CPU seconds."""
    path = work / f"baseline-{time.monotonic_ns()}.sqlite"
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute(f"CREATE TABLE people ({', '.join(c + (' PRIMARY KEY' if c == 'id' else '') for c in columns)})")
        started, cpu = time.perf_counter(), time.process_time()
        db.execute("BEGIN")
        db.executemany(f"INSERT INTO people VALUES ({', '.join('?' * len(columns))})", rows)
        db.execute("COMMIT")
        return time.perf_counter() - started, time.process_time() - cpu
    finally:
        db.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def figure_import(cache: Path, sizes: Sizes, runs: int, jobs: int, memo: dict[str, Any]) -> Figure:
    fig = Figure("import", "Bundle import, one commune (CLI)", target=f"≥ {IMPORT_TARGET}×")
    [commune] = build_communes(cache, [single_spec(sizes.single[1])], jobs)
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        work = Path(tmp)
        _province_for(cache, commune)
        timings = []
        for n in range(runs):
            seconds, peak, report, cpu = cli_import(cache, commune, work)
            log(f"    import run {n + 1}: {seconds:.2f} s (CPU {cpu:.2f} s), {peak:.0f} MB")
            timings.append((seconds, peak, report, cpu))
        floor = cli_floor(cache, commune, work)
        columns, rows = read_people_rows(cache, commune, work)
        bases = [sqlite_baseline(columns, rows, work) for _ in range(runs)]
    seconds = median([t[0] for t in timings])
    base = median([b[0] for b in bases])
    rate, base_rate = commune.records / seconds, len(rows) / base
    cpu, base_cpu = median([t[3] for t in timings]), median([b[1] for b in bases])
    cpu_ratio = (commune.records / cpu) / (len(rows) / base_cpu) if cpu and base_cpu else float("nan")
    fig.peak_mb = max(t[1] for t in timings)
    memo[f"peak_mb:{commune.spec.people}"] = fig.peak_mb
    report = timings[-1][2]
    fig.measured = f"{fmt_rate(rate, 'records/s')} ({seconds:.2f} s)"
    fig.baseline = f"executemany {fmt_rate(base_rate, 'rows/s')}"
    fig.ratio = rate / base_rate
    fig.ratio_text = f"{fig.ratio:.3f}×"
    fig.met = fig.ratio >= IMPORT_TARGET
    fig.details = [f"{commune.spec.people:,} people, {commune.records:,} records "
                   f"({_counts(commune)}), bundle {commune.counts.get('bundle_bytes', 0) / 1e6:.1f} MB",
                   f"runs: {', '.join(f'{t[0]:.2f}' for t in timings)} s (median); wall time of "
                   f"`python -m thidua_desktop.cli bundle import`, interpreter start included; the same CLI "
                   f"opening the province and doing nothing (`enroll waiting`) takes {floor:.2f} s",
                   f"import report: new {report.get('new')}, updated {report.get('updated')}, "
                   f"quarantined {report.get('quarantined')}",
                   f"baseline: {len(rows):,} people rows ({len(columns)} columns, id PRIMARY KEY), "
                   f"median of {', '.join(f'{b[0]:.3f}' for b in bases)} s",
                   f"by CPU time instead of wall time (steadier on a busy machine): import {cpu:.2f} s, "
                   f"baseline {base_cpu:.3f} s, ratio {cpu_ratio:.3f}×"]
    fig.values = {"records": commune.records, "seconds": seconds, "records_per_s": rate,
                  "baseline_rows": len(rows), "baseline_seconds": base, "baseline_rows_per_s": base_rate,
                  "runs": [t[0] for t in timings], "report": report, "cli_floor_seconds": floor,
                  "cpu_seconds": cpu, "baseline_cpu_seconds": base_cpu, "cpu_ratio": cpu_ratio}
    return fig


def cli_floor(cache: Path, commune: Commune, work: Path) -> float:
    """Wall seconds of the command line opening the same province and doing almost nothing: the
    part of the import's time that is start-up, for the reader to subtract if they wish."""
    province = copy_office(_province_for(cache, commune), work / "tinh-floor")
    run = run_child(python_module("thidua_desktop.cli", "--data-dir", str(province), "enroll", "waiting"),
                    child_env(cache / "config"))
    shutil.rmtree(province, ignore_errors=True)
    if run.returncode != 0:
        raise RuntimeError(f"thidua enroll waiting exited {run.returncode}: {run.stderr.strip()[-800:]}")
    return run.seconds


def _counts(commune: Commune) -> str:
    keys = ("people", "award_history", "task_ratings", "nominations")
    return ", ".join(f"{commune.counts.get(k, 0):,} {k}" for k in keys)


def figure_import_memory(cache: Path, sizes: Sizes, jobs: int, memo: dict[str, Any]) -> Figure:
    fig = Figure("import_memory", "Import peak memory, 3 sizes", target=f"flat ≤ {MEMORY_TARGET_MB:.0f} MB")
    communes = single_communes(cache, sizes, jobs)
    peaks: list[tuple[int, float, float]] = []
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        for commune in communes:
            peak = memo.get(f"peak_mb:{commune.spec.people}")
            seconds = float("nan")
            if peak is None:
                seconds, peak, _report, _cpu = cli_import(cache, commune, Path(tmp))
            peaks.append((commune.records, float(peak), seconds))
    fig.measured = " / ".join(f"{p:.0f}" for _r, p, _s in peaks) + " MB at " + \
        " / ".join(f"{r / 1000:.0f}k" for r, _p, _s in peaks) + " records"
    fig.baseline = "—"
    first, last = peaks[0], peaks[-1]
    per_record_kb = (last[1] - first[1]) * 1024 / max(1, last[0] - first[0])
    fig.ratio_text = f"{per_record_kb:.2f} KB/record"
    fig.peak_mb = max(p for _r, p, _s in peaks)
    fig.met = fig.peak_mb <= MEMORY_TARGET_MB
    fig.details = ["peak resident memory (wait4 ru_maxrss) of each `thidua bundle import` process, "
                   "interpreter and libraries included; the slope is the growth per extra record"]
    fig.values = {"sizes": [{"records": r, "peak_mb": p} for r, p, _s in peaks], "kb_per_record": per_record_kb}
    return fig
