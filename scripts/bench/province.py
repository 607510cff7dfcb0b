"""Figure 3 (issue 14's benchmark): a province importing the 56 communes' bundles, on SQLite
(``province``) and on a fresh PostgreSQL database (``province_pg``), each against a plain bulk
insert of the same rows measured in the same run.

The baseline's rows are the ones the import wrote: after the timed import, the harness reads
every record of the synced tables the bundles carried from the province, grouped by the commune
that wrote it (its ``origin_node``), so the baseline inserts the same tables, columns and row
counts, one transaction per commune, as the import does."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from .common import ChildRun, Figure, child_env, fmt_rate, log, python_module, run_child
from .figures_sync import Sizes
from .generate import (
    PROVINCE,
    Commune,
    CommuneSpec,
    build_communes,
    confirm_firsts,
    confirmed_province,
    copy_office,
    province_base,
    province_codes,
)

PROVINCE_TARGET_S = 15.0
PROVINCE_TARGET_MB = 500.0
BASELINE_SCHEMA = "bench_baseline"  # PostgreSQL: the baseline's tables, beside the app's in the same database

# {origin node: {table: rows}} and {table: columns}
Groups = dict[str, dict[str, list[tuple[Any, ...]]]]


def province_specs(sizes: Sizes) -> list[CommuneSpec]:
    codes = province_codes()[: sizes.communes]
    return [CommuneSpec(code, index, sizes.commune_people, sizes.commune_nominations, duplicates=True,
                        keep_office=False) for index, code in enumerate(codes)]


def _communes(cache: Path, sizes: Sizes, jobs: int) -> list[Commune]:
    communes = build_communes(cache, province_specs(sizes), jobs)
    if len(communes) != sizes.communes:
        raise RuntimeError(f"only {len(communes)} of {sizes.communes} communes were built")
    return communes


def _tables(communes: list[Commune]) -> list[str]:
    """The synced tables the bundles carry, in the bundle's order (from the export's counts)."""
    names: dict[str, None] = {}
    for commune in communes:
        names.update(dict.fromkeys(k[len("exported_"):] for k in commune.counts if k.startswith("exported_")))
    return list(names)


def _import(folder: Path, communes: list[Commune], cache: Path, **env: str) -> tuple[ChildRun, dict[str, Any]]:
    """``bench.province_child``: one process opens the province and imports every bundle in turn."""
    run = run_child(python_module("bench.province_child", str(folder), *[str(c.bundle) for c in communes]),
                    child_env(cache / "config", **env))
    if run.returncode != 0:
        raise RuntimeError(f"province import exited {run.returncode}: {run.stderr.strip()[-800:]}")
    return run, json.loads(run.stdout.strip().splitlines()[-1])


@contextmanager
def _database_url(url: str | None) -> Iterator[None]:
    """THIDUA_DATABASE_URL for an ``open_app`` in the harness itself (set-up and reading rows)."""
    before = os.environ.get("THIDUA_DATABASE_URL")
    if url is None:
        os.environ.pop("THIDUA_DATABASE_URL", None)
    else:
        os.environ["THIDUA_DATABASE_URL"] = url
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("THIDUA_DATABASE_URL", None)
        else:
            os.environ["THIDUA_DATABASE_URL"] = before


def read_imported(folder: Path, tables: list[str], url: str | None = None) -> tuple[dict[str, list[str]], Groups]:
    """Every row of ``tables`` the province holds from another office, grouped by that office's
    node, opened as the app opens it (the SQLite file is encrypted). Not timed."""
    from sqlalchemy import select

    from thidua_desktop.bootstrap import open_app
    from thidua_desktop.db.models import Base, Office

    columns: dict[str, list[str]] = {}
    groups: Groups = {}
    with _database_url(url):
        app = open_app(folder, actor="bench")
    try:
        with app.db.engine.connect() as conn:
            own = conn.execute(select(Office.node_id)).scalar()
            for name in tables:
                table = Base.metadata.tables[name]
                result = conn.execute(select(table))
                columns[name] = list(result.keys())
                at = columns[name].index("origin_node")
                for row in result:
                    if row[at] != own:
                        groups.setdefault(row[at], {}).setdefault(name, []).append(tuple(row))
    finally:
        app.close()
    return columns, groups


def _plain(value: Any) -> Any:
    """A value sqlite3 binds: dates as ISO text and JSON as text, as the app's engine stores them."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (Decimal, uuid.UUID)):
        return str(value)
    return value


def sqlite_baseline(columns: dict[str, list[str]], groups: Groups, work: Path) -> tuple[float, float]:
    """sqlite3 ``executemany`` into an unencrypted file with tables of the same columns (``id``
    the primary key), WAL and synchronous=FULL as the app's engine, one transaction per commune:
    wall and CPU seconds. The rows are made bindable before the clock starts."""
    plain = [{t: [tuple(_plain(v) for v in row) for row in rows] for t, rows in g.items()} for g in groups.values()]
    path = work / f"baseline-{time.monotonic_ns()}.sqlite"
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        for table, cols in columns.items():
            db.execute(f'CREATE TABLE "{table}" ({", ".join(c + (" PRIMARY KEY" if c == "id" else "") for c in cols)})')
        started, cpu = time.perf_counter(), time.process_time()
        for commune in plain:
            db.execute("BEGIN")
            for table, rows in commune.items():
                db.executemany(f'INSERT INTO "{table}" VALUES ({", ".join("?" * len(columns[table]))})', rows)
            db.execute("COMMIT")
        return time.perf_counter() - started, time.process_time() - cpu
    finally:
        db.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def _pg_type(values: list[Any]) -> str:
    sample = next((v for v in values if v is not None), "")
    for kind, name in ((bool, "boolean"), (int, "bigint"), (float, "double precision"), (Decimal, "numeric"),
                       (datetime, "timestamp"), (date, "date"), (uuid.UUID, "uuid")):
        if isinstance(sample, kind):
            return name
    return "jsonb" if isinstance(sample, (dict, list)) else "text"


def _pg_value(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value


def pg_baseline(dsn: str, columns: dict[str, list[str]], groups: Groups) -> dict[str, tuple[float, float]]:
    """psycopg ``executemany`` and ``COPY`` into typed tables of the same columns (``id`` the
    primary key) in a schema of the same database, one transaction per commune: wall and CPU
    seconds of each."""
    import psycopg

    values = [{t: [tuple(_pg_value(v) for v in row) for row in rows] for t, rows in g.items()}
              for g in groups.values()]
    samples = {t: [row for g in groups.values() for row in g.get(t, [])[:50]] for t in columns}
    seconds: dict[str, tuple[float, float]] = {}
    with psycopg.connect(dsn) as conn:
        for mode in ("executemany", "copy"):
            with conn.transaction():
                conn.execute(f"DROP SCHEMA IF EXISTS {BASELINE_SCHEMA} CASCADE")
                conn.execute(f"CREATE SCHEMA {BASELINE_SCHEMA}")
                for table, cols in columns.items():
                    types = [_pg_type([row[i] for row in samples[table]]) for i in range(len(cols))]
                    spec = ", ".join(f'"{c}" {t}{" PRIMARY KEY" if c == "id" else ""}'
                                     for c, t in zip(cols, types, strict=True))
                    conn.execute(f'CREATE TABLE {BASELINE_SCHEMA}."{table}" ({spec})')
            started, cpu = time.perf_counter(), time.process_time()
            for commune in values:
                with conn.transaction(), conn.cursor() as cur:
                    for table, rows in commune.items():
                        names = ", ".join(f'"{c}"' for c in columns[table])
                        target = f'{BASELINE_SCHEMA}."{table}" ({names})'
                        if mode == "copy":
                            with cur.copy(f"COPY {target} FROM STDIN") as copy:
                                for row in rows:
                                    copy.write_row(row)
                        else:
                            cur.executemany(f"INSERT INTO {target} VALUES ({', '.join(['%s'] * len(columns[table]))})",
                                            rows)
            seconds[mode] = (time.perf_counter() - started, time.process_time() - cpu)
        with conn.transaction():
            conn.execute(f"DROP SCHEMA IF EXISTS {BASELINE_SCHEMA} CASCADE")
    return seconds


def _common_details(communes: list[Commune], result: dict[str, Any], run: ChildRun, rows: int) -> list[str]:
    per = sorted(result["per_bundle"])
    people = sum(c.counts.get("people", 0) for c in communes)
    noms = sum(c.counts.get("nominations", 0) for c in communes)
    dups = sum(c.counts.get("duplicates", 0) for c in communes)
    records = sum(c.records for c in communes)
    return [f"{len(communes)} bundles, {people:,} people, {noms:,} nominations, {records:,} records; "
            f"{dups} people deliberately share a CCCD with the previous commune",
            f"per bundle {per[0]:.2f}–{per[-1]:.2f} s, median {per[len(per) // 2]:.2f} s; "
            f"new {result['new']:,}, quarantined {result['quarantined']:,}",
            f"one process importing every bundle in turn (app.sync.import_bundle); the process's wall time "
            f"with interpreter start and opening the office: {run.seconds:.1f} s (CPU {run.cpu:.1f} s)",
            f"baseline rows: the {rows:,} rows of those tables the import wrote, read back from the province "
            f"and grouped by commune ({'the same as' if rows == records else 'NOT the same as'} the bundles' "
            f"{records:,} records)"]


def figure_province(cache: Path, sizes: Sizes, jobs: int) -> Figure:
    fig = Figure("province", f"Province: {sizes.communes} commune bundles, SQLite",
                 target=f"≤ {PROVINCE_TARGET_S:.0f} s, ≤ {PROVINCE_TARGET_MB:.0f} MB")
    communes = _communes(cache, sizes, jobs)
    name = f"province-{sizes.communes}-{communes[0].spec.key()}"
    province = confirmed_province(cache, name, [(c.spec.code, c.first) for c in communes])
    records = sum(c.records for c in communes)
    with tempfile.TemporaryDirectory(prefix="bench-province-") as tmp:
        folder = copy_office(province, Path(tmp) / "tinh")
        run, result = _import(folder, communes, cache)
        log("    province: reading the imported rows back for the baseline …")
        columns, groups = read_imported(folder, _tables(communes))
        rows = sum(len(r) for g in groups.values() for r in g.values())
        base, base_cpu = sqlite_baseline(columns, groups, Path(tmp))
    seconds = result["seconds"]
    fig.measured = f"{seconds:.1f} s ({fmt_rate(records / seconds, 'records/s')})"
    fig.baseline = f"executemany {base:.2f} s ({fmt_rate(rows / base, 'rows/s')})"
    fig.ratio = seconds / base
    fig.ratio_text = f"{fig.ratio:.1f}× slower"
    fig.peak_mb = run.peak_mb
    fig.met = seconds <= PROVINCE_TARGET_S and run.peak_mb <= PROVINCE_TARGET_MB
    fig.details = [*_common_details(communes, result, run, rows),
                   f"baseline: sqlite3 executemany into an unencrypted file, WAL, synchronous=FULL, id PRIMARY KEY, "
                   f"one transaction per commune ({len(groups)}); {len(columns)} tables",
                   f"by CPU time: the import process {run.cpu:.1f} s (start-up included), baseline {base_cpu:.2f} s",
                   f"import / baseline = {fig.ratio:.1f}× (throughput ratio {base / seconds:.3f})"]
    fig.values = {"records": records, "seconds": seconds, "wall_seconds": run.seconds, "cpu_seconds": run.cpu,
                  "baseline_rows": rows, "baseline_seconds": base, "baseline_cpu_seconds": base_cpu,
                  "ratio": fig.ratio, "communes": len(groups), **result}
    return fig


# PostgreSQL ---------------------------------------------------------------------------------------
def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def _fresh_database(server: str) -> tuple[str, str]:
    """CREATE DATABASE with a unique name on the server ``server`` names (its own database is only
    the maintenance one we connect to): returns (name, SQLAlchemy URL of the new database)."""
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"thidua_bench_{int(time.time())}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_libpq(server), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0")
    return name, make_url(server).set(database=name).render_as_string(hide_password=False)


def _drop_database(server: str, name: str) -> None:
    import psycopg

    with psycopg.connect(_libpq(server), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def pg_province(cache: Path, url: str, folder: Path, communes: list[Commune]) -> None:
    """The province on the new database, as the app sets one up: opened with THIDUA_DATABASE_URL
    (which runs the migrations), its office made, holding the cached province's keys (the
    bundles are sealed to them), each commune enrolled and its first bundle confirmed. Not timed."""
    from thidua_desktop.bootstrap import open_app

    (folder / "keys").mkdir(parents=True)
    shutil.copy2(province_base(cache) / "tinh" / "keys" / "office-keys.json", folder / "keys" / "office-keys.json")
    with _database_url(url):
        province = open_app(folder, actor="Sở Nội vụ")
    try:
        province.office.init_office("province", PROVINCE)
        province.sync.create_recovery_key(folder.parent / "recovery-pg.tdkey")
        for commune in communes:
            province.sync.export_enrollment(commune.spec.code, folder.parent / "enrol" / f"{commune.spec.code}.json")
        confirm_firsts(province, [(c.spec.code, c.first) for c in communes])
    finally:
        province.close()


def figure_province_pg(cache: Path, sizes: Sizes, jobs: int, server: str) -> Figure:
    fig = Figure("province_pg", f"Province: {sizes.communes} commune bundles, PostgreSQL",
                 target="— (none set on PostgreSQL)")
    communes = _communes(cache, sizes, jobs)
    records = sum(c.records for c in communes)
    name, url = _fresh_database(server)
    log(f"    province_pg: fresh database {name}")
    try:
        with tempfile.TemporaryDirectory(prefix="bench-province-pg-") as tmp:
            folder = Path(tmp) / "tinh"
            pg_province(cache, url, folder, communes)
            run, result = _import(folder, communes, cache, THIDUA_DATABASE_URL=url)
            log("    province_pg: reading the imported rows back for the baseline …")
            columns, groups = read_imported(folder, _tables(communes), url)
        rows = sum(len(r) for g in groups.values() for r in g.values())
        bases = pg_baseline(_libpq(url), columns, groups)
        version = _server_version(url)
    finally:
        _drop_database(server, name)
    seconds = result["seconds"]
    (many, many_cpu), (copy, copy_cpu) = bases["executemany"], bases["copy"]
    fig.measured = f"{seconds:.1f} s ({fmt_rate(records / seconds, 'records/s')})"
    fig.baseline = f"executemany {many:.2f} s ({fmt_rate(rows / many, 'rows/s')}), COPY {copy:.2f} s"
    fig.ratio = seconds / many
    fig.ratio_text = f"{fig.ratio:.1f}× slower ({seconds / copy:.1f}× COPY)"
    fig.peak_mb = run.peak_mb
    fig.details = [*_common_details(communes, result, run, rows),
                   f"PostgreSQL {version}; a fresh database made for this run (migrated by the app on opening, "
                   f"dropped at the end)",
                   f"baseline: psycopg executemany and COPY into typed tables (id PRIMARY KEY) in the same database, "
                   f"one transaction per commune ({len(groups)}); CPU {many_cpu:.2f} s / {copy_cpu:.2f} s",
                   f"import / baseline = {fig.ratio:.1f}× executemany, {seconds / copy:.1f}× COPY"]
    fig.values = {"records": records, "seconds": seconds, "wall_seconds": run.seconds, "cpu_seconds": run.cpu,
                  "baseline_rows": rows, "executemany_seconds": many, "copy_seconds": copy,
                  "ratio": fig.ratio, "ratio_copy": seconds / copy, "server_version": version, **result}
    return fig


def _server_version(url: str) -> str:
    import psycopg

    with psycopg.connect(_libpq(url)) as conn:
        return str(conn.execute("SHOW server_version").fetchone()[0])  # type: ignore[index]
