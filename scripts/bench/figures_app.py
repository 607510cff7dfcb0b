"""Figures 4–7 on a commune office: batch printing, start-up to the main window, search as you
type, and the register's Excel export, each against its bare library in the same run."""

from __future__ import annotations

import json
import math
import shutil
import tempfile
from pathlib import Path
from typing import Any

from .common import Figure, child_env, fmt_rate, log, median, python_module, run_child, timed
from .generate import Commune, copy_office

PRINT_TARGET = 0.3
STARTUP_TARGET = 5.0
SEARCH_TARGET_MS = 50.0
SEARCH_TEXT = "nguyen thi h"
EXPORT_TARGET = 1.0


def _pages(folder: Path) -> tuple[int, int, int]:
    """PDFs, pages and bytes written into ``folder``."""
    from pypdf import PdfReader

    files = sorted(folder.glob("*.pdf"))
    return len(files), sum(len(PdfReader(str(p)).pages) for p in files), sum(p.stat().st_size for p in files)


def figure_print(cache: Path, commune: Commune, runs: int) -> Figure:
    fig = Figure("print", "Print batch (CLI)", target=f"≥ {PRINT_TARGET}×")
    batch = str(commune.counts["annual_batch_id"])
    env = child_env(cache / "config")
    with tempfile.TemporaryDirectory(prefix="bench-print-") as tmp:
        work = Path(tmp)
        office = copy_office(commune.office, work / "xa")
        app_runs, app_cpu, peaks = [], [], []
        files = pages = size = 0
        for n in range(runs):
            out = work / f"out-{n}"
            run = run_child(python_module("thidua_desktop.cli", "--data-dir", str(office), "print", "batch", batch,
                                          "--out", str(out), "--json"), env)
            if run.returncode != 0:
                raise RuntimeError(f"thidua print batch exited {run.returncode}: {run.stderr.strip()[-800:]}")
            files, pages, size = _pages(out)
            shutil.rmtree(out)
            log(f"    print run {n + 1}: {run.seconds:.2f} s (CPU {run.cpu:.2f} s), {files} PDFs, {pages} pages, "
                f"{run.peak_mb:.0f} MB")
            app_runs.append(run.seconds)
            app_cpu.append(run.cpu)
            peaks.append(run.peak_mb)
        if not pages:
            raise RuntimeError(f"thidua print batch wrote {files} PDFs and no page")
        bare_files = math.ceil(pages / 2)
        base_runs, base_cpu = [], []
        for n in range(runs):
            out = work / f"bare-{n}"
            run = run_child(python_module("bench.canvas_child", str(out), str(bare_files)), env)
            if run.returncode != 0:
                raise RuntimeError(f"bare canvas exited {run.returncode}: {run.stderr.strip()[-800:]}")
            shutil.rmtree(out)
            base_runs.append(run.seconds)
            base_cpu.append(run.cpu)
    seconds, base = median(app_runs), median(base_runs)
    rate, base_rate = pages / seconds, bare_files * 2 / base
    fig.measured = f"{fmt_rate(rate, 'pages/s')} ({seconds:.1f} s)"
    fig.baseline = f"bare canvas {fmt_rate(base_rate, 'pages/s')}"
    fig.ratio = rate / base_rate
    fig.ratio_text = f"{fig.ratio:.3f}×"
    fig.met = fig.ratio >= PRINT_TARGET
    fig.peak_mb = max(peaks)
    fig.details = [f"{min(500, int(commune.counts.get('nominations', 0)))} nominations "
                   f"of the annual batch: {files} PDFs, {pages} pages, {size / 1e6:.1f} MB "
                   f"({size / max(files, 1) / 1024:.0f} KB a file); wall time of "
                   f"`python -m thidua_desktop.cli print batch`, runs {', '.join(f'{s:.1f}' for s in app_runs)} s",
                   f"baseline: {bare_files} two-page PDFs, one bare canvas each, the document font embedded, "
                   f"in a process of its own too; runs {', '.join(f'{s:.2f}' for s in base_runs)} s",
                   f"by CPU time (user + system, the print's worker processes included when it waits for "
                   f"them): app {median(app_cpu):.1f} s, baseline {median(base_cpu):.2f} s, ratio "
                   f"{(pages / median(app_cpu)) / (bare_files * 2 / median(base_cpu)):.3f}×"]
    fig.values = {"files": files, "pages": pages, "bytes": size, "seconds": seconds, "pages_per_s": rate,
                  "baseline_files": bare_files,
                  "baseline_seconds": base, "baseline_pages_per_s": base_rate}
    return fig


def figure_startup(cache: Path, commune: Commune, runs: int) -> Figure:
    fig = Figure("startup", "Start-up to the main window", target=f"≤ {STARTUP_TARGET:.0f}× slower")
    env = child_env(cache / "config")
    painted = ""
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        office = copy_office(commune.office, Path(tmp) / "xa")

        def once(*args: str) -> tuple[float, float, float]:
            nonlocal painted
            run = run_child(python_module("bench.startup_child", *args), env, timeout=300)
            done = "ready" if args[0] == "ready" else "shown"
            if run.returncode != 0 or done not in run.stdout:
                raise RuntimeError(f"start-up child exited {run.returncode}: {run.stderr.strip()[-800:]}")
            if args[0] == "app":
                painted = run.stdout.strip().splitlines()[-1].removeprefix("shown").strip()
            return run.seconds, run.peak_mb, run.cpu

        once("app", str(office))  # the OS file cache warm and the .pyc files compiled, for both
        once("bare")
        once("ready", str(office))  # the database's pages read once (and a migration due applied)
        # Taken in turns (app, bare, ready), so a busy moment of a shared machine weighs on both sides.
        app_runs, base_runs, ready_runs = [], [], []
        for _ in range(runs):
            app_runs.append(once("app", str(office)))
            base_runs.append(once("bare"))
            ready_runs.append(once("ready", str(office)))
    seconds, base = median([r[0] for r in app_runs]), median([r[0] for r in base_runs])
    ready = median([r[0] for r in ready_runs])
    fig.measured = f"{seconds:.2f} s"
    fig.baseline = f"bare PySide6 window {base:.3f} s"
    fig.ratio = seconds / base
    fig.ratio_text = f"{fig.ratio:.1f}× slower"
    fig.met = fig.ratio <= STARTUP_TARGET
    fig.peak_mb = max(r[1] for r in app_runs)
    fig.details = [f"{commune.counts.get('people', 0):,}-person office; `thidua-desktop --data-dir` "
                   f"(thidua_desktop.__main__.main) from launch to the main window's first Paint event, offscreen; "
                   f"runs {', '.join(f'{r[0]:.2f}' for r in app_runs)} s after one warm-up of each kind",
                   f"the window painted then is the main window before the office opens (no splash): {painted}",
                   f"baseline runs {', '.join(f'{r[0]:.3f}' for r in base_runs)} s (its first Paint event too)",
                   f"to the office open (database layer imported in a worker, first screen built, its figures and "
                   f"the status bar's counts shown): {ready:.2f} s, "
                   f"runs {', '.join(f'{r[0]:.2f}' for r in ready_runs)} s, "
                   f"peak {max(r[1] for r in ready_runs):.0f} MB",
                   f"by CPU time: app {median([r[2] for r in app_runs]):.2f} s, baseline "
                   f"{median([r[2] for r in base_runs]):.3f} s, ratio "
                   f"{median([r[2] for r in app_runs]) / median([r[2] for r in base_runs]):.1f}× slower"]
    fig.values = {"seconds": seconds, "baseline_seconds": base, "runs": [r[0] for r in app_runs],
                  "baseline_runs": [r[0] for r in base_runs], "ready_seconds": ready,
                  "ready_runs": [r[0] for r in ready_runs], "painted": painted}
    return fig


def figure_search(cache: Path, commune: Commune, runs: int) -> Figure:
    fig = Figure("search", f'Search as you type "{SEARCH_TEXT}"', target=f"≤ {SEARCH_TARGET_MS:.0f} ms/keystroke")
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        office = copy_office(commune.office, Path(tmp) / "xa")
        run = run_child(python_module("bench.search_child", str(office), str(runs), SEARCH_TEXT),
                        child_env(cache / "config"), timeout=1800)
    if run.returncode != 0:
        raise RuntimeError(f"search child exited {run.returncode}: {run.stderr.strip()[-800:]}")
    data = json.loads(run.stdout.strip().splitlines()[-1])
    service, gui, base = (list(data[k].values()) for k in ("service", "gui", "baseline"))
    final = data["keys"][-1]
    fig.measured = (f"GUI {median(gui):.0f} ms (worst {max(gui):.0f}), of which service {median(service):.0f} ms "
                    f"(worst {max(service):.0f})")
    fig.baseline = f"raw sqlite3 {median(base):.0f} ms (worst {max(base):.0f})"
    fig.ratio = median(gui) / median(base)
    fig.ratio_text = f"{fig.ratio:.1f}× slower" if fig.ratio >= 1 else f"{1 / fig.ratio:.1f}× faster"
    fig.met = max(gui) <= SEARCH_TARGET_MS
    fig.peak_mb = run.peak_mb
    fig.details = [f"{commune.counts.get('people', 0):,} people; {len(data['keys'])} keystrokes "
                   f"(median over keystrokes of each keystroke's median over {runs} passes; 'worst' = slowest "
                   f"keystroke); the target holds for every keystroke, the GUI refresh included",
                   f'"{final}": service {data["service"][final]:.0f} ms, GUI {data["gui"][final]:.0f} ms, '
                   f'raw sqlite3 {data["baseline"][final]:.0f} ms; {data["matches"]:,} matches',
                   "GUI = PeopleScreen.refresh() (its service call, model reset, count, column widths) plus the "
                   "events that repaint the view, offscreen; service = the time inside people.search during it",
                   "peak memory: the search process, which also holds the baseline's plain copy of the people"]
    fig.values = data
    return fig


def figure_export(cache: Path, commune: Commune, runs: int) -> Figure:
    fig = Figure("export", "Register export to Excel", target="≥ 1× (keep)")
    from thidua_desktop.bootstrap import open_app

    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        work = Path(tmp)
        office = copy_office(commune.office, work / "xa")
        app = open_app(office, actor="bench")
        try:
            app_runs, rows_out = [], 0
            for n in range(runs):
                target = work / f"so-{n}.xlsx"
                seconds, result = timed(lambda: app.excel_export.export("register", target))  # noqa: B023 (called at once)
                rows_out = result.rows
                target.unlink()
                log(f"    export run {n + 1}: {seconds:.2f} s, {rows_out:,} rows")
                app_runs.append(seconds)
            rows = _register_rows(app)
        finally:
            app.close()
        base_runs = [timed(lambda: _write_only(rows, work / "dump.xlsx"))[0] for _ in range(runs)]
    seconds, base = median(app_runs), median(base_runs)
    people = commune.counts.get("people", rows_out)
    rate, base_rate = people / seconds, len(rows) / base
    fig.measured = f"{fmt_rate(rate, 'people/s')} ({seconds:.1f} s)"
    fig.baseline = f"openpyxl write_only {fmt_rate(base_rate, 'rows/s')}"
    fig.ratio = rate / base_rate
    fig.ratio_text = f"{fig.ratio:.2f}×"
    fig.met = fig.ratio >= EXPORT_TARGET
    from .common import peak_self_mb

    fig.peak_mb = peak_self_mb()
    fig.details = [f"{people:,} people, {rows_out:,} register lines; app.excel_export.export('register') in this "
                   f"process, runs {', '.join(f'{s:.2f}' for s in app_runs)} s",
                   f"baseline: the same people as {len(rows[0]) if rows else 0}-column rows, openpyxl write_only, "
                   f"no styles; runs {', '.join(f'{s:.2f}' for s in base_runs)} s",
                   "peak memory: of the whole harness process (it also held the earlier figures' rows)"]
    fig.values = {"people": people, "seconds": seconds, "baseline_seconds": base, "people_per_s": rate,
                  "baseline_rows_per_s": base_rate}
    return fig


def _register_rows(app: Any) -> list[tuple[Any, ...]]:
    """The register's people as the columns an officer sees, read with Core (not timed)."""
    from sqlalchemy import select

    from thidua_desktop.db.models import Person, Village

    p, v = Person.__table__, Village.__table__
    stmt = (select(p.c.full_name, p.c.gender, p.c.birth_date, p.c.birth_year, p.c.ethnicity_code, p.c.cccd,
                   p.c.phone, p.c.position, p.c.workplace, v.c.name, p.c.address, p.c.employment_start)
            .join(v, v.c.id == p.c.village_id, isouter=True).order_by(p.c.sort_key))
    with app.db.engine.connect() as conn:
        return [(n + 1, name, "Nữ" if gender == "female" else "Nam",
                 birth.strftime("%d/%m/%Y") if birth else str(year or ""), eth or "", cccd or "", phone, position,
                 workplace, village or "", address, start.strftime("%d/%m/%Y") if start else "")
                for n, (name, gender, birth, year, eth, cccd, phone, position, workplace, village, address, start)
                in enumerate(conn.execute(stmt))]


def _write_only(rows: list[tuple[Any, ...]], out: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Sổ đăng ký")
    sheet.append(["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Số CCCD", "Điện thoại", "Chức vụ",
                  "Nơi công tác", "Thôn, xóm", "Địa chỉ", "Ngày vào làm"])
    for row in rows:
        sheet.append(row)
    book.save(out)
    out.unlink()
