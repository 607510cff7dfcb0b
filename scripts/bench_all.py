"""Every figure of issue 15's table in one run, each against its bare-library baseline measured in
the same run, with the ratio and the peak memory:

    import         `thidua bundle import` of a 50,000-person commune (CLI process) vs sqlite3 executemany
    import_memory  peak memory of that import at three bundle sizes (18k / 89k / 178k records)
    province       56 commune bundles (112,000 people) imported into one province SQLite vs sqlite3 executemany
    province_pg    the same 56 bundles into a fresh PostgreSQL database vs psycopg executemany and COPY
                   (run when --postgres URL is given)
    print          `thidua print batch` of 500 nominations vs a bare ReportLab canvas, same pages and font
    startup        the GUI entry point to the main window, 50,000 people, vs a bare PySide6 window
    search         search as you type "nguyen thi h" over 100,000 people (service and GUI) vs raw sqlite3
    export         the register of 100,000 people to Excel vs openpyxl write_only

    .venv/bin/python scripts/bench_all.py [--quick] [--only NAME[,NAME]] [--cache DIR] [--runs N]
        [--heavy-runs N] [--jobs N] [--json FILE] [--postgres URL] [--communes N]

The offices and bundles are generated once into --cache (keyed by their parameters and the app's
schema) and reused. The table goes to stdout, progress to stderr. Exit code 1 when any figure
failed (each failure is printed and the other figures still run). Method: docs/benchmarks.md."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import sqlite3
import sys
import time
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from bench.common import Figure, fmt_table, log
from bench.generate import set_config

FIGURES = ("import", "import_memory", "province", "province_pg", "print", "startup", "search", "export")


def _runner(name: str, args: argparse.Namespace, memo: dict[str, Any]) -> Callable[[], Figure]:
    from bench import figures_app as app_figs
    from bench import figures_sync as sync
    from bench import province
    from bench.generate import build_communes

    sizes = sync.Sizes.quick() if args.quick else sync.Sizes.full()
    if args.communes:
        sizes = dataclasses.replace(sizes, communes=args.communes)
    cache, runs, jobs, heavy = args.cache, args.runs, args.jobs, args.heavy_runs

    def office(people: int) -> Any:
        [commune] = build_communes(cache, [sync.single_spec(people)], jobs)
        return commune

    middle, largest = sizes.single[1], sizes.single[2]
    return {
        "import": lambda: sync.figure_import(cache, sizes, heavy, jobs, memo),
        "import_memory": lambda: sync.figure_import_memory(cache, sizes, jobs, memo),
        "province": lambda: province.figure_province(cache, sizes, jobs),
        "province_pg": lambda: province.figure_province_pg(cache, sizes, jobs, args.postgres),
        "print": lambda: app_figs.figure_print(cache, office(middle), heavy),
        "startup": lambda: app_figs.figure_startup(cache, office(middle), runs),
        "search": lambda: app_figs.figure_search(cache, office(largest), runs),
        "export": lambda: app_figs.figure_export(cache, office(largest), runs),
    }[name]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes, one run each: a smoke run")
    parser.add_argument("--only", help=f"comma-separated figures: {', '.join(FIGURES)}")
    parser.add_argument("--cache", type=Path, default=Path("~/.cache/thidua-bench"),
                        help="generated offices and bundles, reused across runs (default %(default)s)")
    parser.add_argument("--runs", type=int, help="runs of each cheap figure, median reported (default 3; 1 --quick)")
    parser.add_argument("--heavy-runs", type=int,
                        help="runs of the import and the batch print, the long ones (default: as --runs)")
    parser.add_argument("--jobs", type=int, default=2, help="processes generating commune offices (default 2)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--communes", type=int,
                        help="communes in the province figures (default 56; 4 with --quick), for a shorter try")
    parser.add_argument("--postgres", metavar="URL",
                        help="a PostgreSQL server (postgresql+psycopg://…, e.g. \"$(bash scripts/postgres.sh)\"): "
                             "adds province_pg, which imports into a fresh database made there and dropped after")
    args = parser.parse_args()
    names = ([n.strip() for n in args.only.split(",")] if args.only
             else [n for n in FIGURES if n != "province_pg" or args.postgres])
    unknown = [n for n in names if n not in FIGURES]
    if unknown:
        parser.error(f"unknown figure(s) {', '.join(unknown)}; choose from {', '.join(FIGURES)}")
    if args.communes is not None and not 1 <= args.communes <= 56:
        parser.error("--communes: 1 to 56 (Cao Bằng's communes and wards)")
    if "province_pg" in names and not args.postgres:
        parser.error("province_pg needs --postgres URL (export URL=\"$(bash scripts/postgres.sh)\")")
    args.runs = max(1, args.runs or (1 if args.quick else 3))
    args.heavy_runs = max(1, args.heavy_runs or args.runs)
    args.cache = args.cache.expanduser().resolve()
    if args.quick:
        args.cache = args.cache / "quick"
    args.cache.mkdir(parents=True, exist_ok=True)
    set_config(args.cache)
    machine: dict[str, Any] = {"cores": os.cpu_count(), "python": platform.python_version(),
                               "sqlite": sqlite3.sqlite_version, "platform": platform.platform(),
                               "load_average": list(os.getloadavg())}
    log(f"bench_all: {', '.join(names)}; {'quick' if args.quick else 'full'} sizes, {args.runs} run(s); "
        f"cache {args.cache}; {machine['cores']} cores, load {machine['load_average'][0]:.1f}")
    figures: list[Figure] = []
    memo: dict[str, Any] = {}
    started = time.perf_counter()
    for name in names:
        log(f"[{name}] …")
        one = time.perf_counter()
        try:
            fig = _runner(name, args, memo)()
        except Exception as exc:  # one figure failing never stops the others
            fig = Figure(name, name, error=f"{type(exc).__name__}: {exc}")
            log(f"[{name}] FAILED: {fig.error}\n{traceback.format_exc()}")
        fig.seconds = time.perf_counter() - one
        if not fig.error:
            log(f"[{name}] {fig.measured} | {fig.baseline} | {fig.ratio_text} ({fig.seconds:.0f} s)")
        figures.append(fig)
    total = time.perf_counter() - started
    print(f"ThiĐua benchmarks ({'quick' if args.quick else 'full'} sizes, {args.runs} run(s), "
          f"{args.heavy_runs} of the import and the print, median), "
          f"{datetime.now():%Y-%m-%d %H:%M}; {machine['cores']} cores, Python {machine['python']}, "
          f"SQLite {machine['sqlite']}, load average {machine['load_average'][0]:.1f} at the start\n")
    print(fmt_table(figures))
    print()
    for fig in figures:
        if fig.error:
            print(f"{fig.name}: FAILED: {fig.error}")
            continue
        print(f"{fig.name}: ratio {fig.ratio_text} (measured {fig.measured}; baseline {fig.baseline}; "
              f"target {fig.target}: {'—' if fig.met is None else 'met' if fig.met else 'NOT met'})")
        for line in fig.details:
            print(f"    {line}")
    print(f"\ntotal {total:.0f} s")
    if args.json:
        document = {"when": datetime.now().isoformat(timespec="seconds"), "quick": args.quick, "runs": args.runs,
                    "heavy_runs": args.heavy_runs, "machine": machine, "seconds": total,
                    "figures": [f.to_json() for f in figures]}
        args.json.write_text(json.dumps(document, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    return 1 if any(f.error for f in figures) else 0


if __name__ == "__main__":
    sys.exit(main())
