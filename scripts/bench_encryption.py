"""Encryption-at-rest benchmark: what SQLCipher costs, as a ratio against plain SQLite doing the
same work in the same run on an office built the same way (never an absolute time as a target).

Two offices are built side by side in a temporary folder, identical but for the database key:
the plain one around ``Database(url)``, the encrypted one around ``Database(url, key=…)`` with
its key made and sealed as ``open_app`` does (database_key.open_office_file). Then, on each:

1. import: an Excel register of N people through the app's import service, as ``thidua import``
   runs it (analyse, preview, commit in one transaction), on fresh offices each round;
2. list: every page of the people list (100 a page) and every page of a diacritics-insensitive
   search ("nguyen"), repeated until it takes at least --min-seconds on the plain office;
3. open: the ``open_app`` path (key, connect, migrations check, catalog, first query), and the
   bare connect + first query;
4. backup: ``app.maintenance.backup`` (the backup itself is encrypted either way).

Each measurement alternates plain and encrypted over --rounds rounds; the median is shown.

    .venv/bin/python scripts/bench_encryption.py [--people 5000] [--rounds 3] [--min-seconds 1]
    .venv/bin/python scripts/bench_encryption.py --quick

Not a test: the figures go in docs/security.md ("Encryption at rest: cost")."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BUDGET = 1.5  # encrypted / plain, per workload
UNIT_CODE = "01576"
PAGE = 100

# Names as a commune's register has them, so the folded search "nguyen" finds about a tenth.
_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Nông", "Lý", "Triệu", "Hà", "Lục")
_MIDDLE = ("Văn", "Thị", "Đức", "Ngọc", "Minh", "Thu", "Xuân", "Hữu")
_GIVEN = ("An", "Bình", "Chiến", "Dung", "Giang", "Hải", "Hằng", "Hùng", "Lan", "Linh", "Mai", "Nam",
          "Nga", "Phương", "Quang", "Sơn", "Thảo", "Tuấn", "Vân", "Yến")
_ETHNIC = ("Tày", "Nùng", "Kinh", "Dao", "H'Mông")


@dataclass
class Office:
    """One side of the comparison: its data folder, whether it is encrypted, and the open app."""
    label: str
    folder: Path
    encrypted: bool
    app: Any = None


@dataclass
class Row:
    work: str
    plain_s: float
    encrypted_s: float

    @property
    def ratio(self) -> float:
        return self.encrypted_s / self.plain_s if self.plain_s > 0 else float("inf")


def _cccd(i: int) -> str:
    female, year = i % 2 == 1, 1960 + i % 40
    return f"004{int(female)}{year % 100:02d}{i:06d}"


def write_register(rows: int, out: Path) -> None:
    """A commune's people list as Excel saves it: a merged title, a header, ``rows`` people."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append(["DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ QUẢNG UYÊN"])
    sheet.merge_cells("A1:G1")
    sheet.append(["STT", "Họ và tên", "Giới tính", "Năm sinh", "Dân tộc", "Số CCCD", "Chức vụ"])
    for i in range(rows):
        name = f"{_FAMILY[i % 10]} {_MIDDLE[(i // 10) % 8]} {_GIVEN[(i // 80) % 20]}"
        sheet.append([i + 1, name, "Nữ" if i % 2 else "Nam", 1960 + i % 40, _ETHNIC[i % 5], _cccd(i),
                      "Trưởng thôn" if i % 7 == 0 else "Cán bộ"])
    book.save(out)


def open_office(office: Office) -> Any:
    """``open_app`` without its process-wide parts (logging, umask, leftovers): the same key
    handling, engine, migrations and catalog, with the key left out for the plain office."""
    from thidua_desktop.bootstrap import App
    from thidua_desktop.config import AppPaths
    from thidua_desktop.database_key import open_office_file
    from thidua_desktop.db import Database
    from thidua_desktop.db.maintenance import mark_application
    from thidua_desktop.db.migrate import is_newer_than_app, upgrade
    from thidua_desktop.services.catalog_store import stored_catalog

    paths = AppPaths(office.folder)
    paths.make_private()
    key = open_office_file(paths, paths.db_file) if office.encrypted else None
    db = Database(f"sqlite:///{paths.db_file.as_posix()}", key=key)
    if is_newer_than_app(db.engine):
        raise RuntimeError("database written by a newer app")
    upgrade(db.engine)
    mark_application(db.engine)
    return App(paths=paths, db=db, base_catalog=stored_catalog(db), actor="bench")


def new_office(root: Path, label: str, encrypted: bool) -> Office:
    office = Office(label, root / label, encrypted)
    office.app = open_office(office)
    office.app.office.init_office("commune", UNIT_CODE)
    return office


def seconds(work: Callable[[], object], reps: int = 1) -> float:
    started = time.perf_counter()
    for _ in range(reps):
        work()
    return time.perf_counter() - started


def calibrate(work: Callable[[], object], min_seconds: float) -> int:
    """How many repetitions of ``work`` take at least ``min_seconds`` (it also warms the caches)."""
    reps = 1
    while True:
        took = seconds(work, reps)
        if took >= min_seconds:
            return reps
        reps = max(reps * 2, int(reps * min_seconds / max(took, 1e-3) * 1.2) + 1)


def compare(work: str, plain: Callable[[], object], encrypted: Callable[[], object], *, rounds: int,
            min_seconds: float) -> Row:
    """Median seconds of each side over ``rounds``, alternating which goes first (a busy machine
    then slows both alike); both repeat as often as the plain side needs for ``min_seconds``."""
    reps = calibrate(plain, min_seconds)
    seconds(encrypted)  # warm-up, as calibrate was for the plain side
    plain_runs: list[float] = []
    encrypted_runs: list[float] = []
    for index in range(rounds):
        pair = [(plain, plain_runs), (encrypted, encrypted_runs)]
        for run, into in pair if index % 2 == 0 else reversed(pair):
            into.append(seconds(run, reps) / reps)
    return Row(f"{work} (×{reps})" if reps > 1 else work, statistics.median(plain_runs),
               statistics.median(encrypted_runs))


def import_register(app: Any, path: Path) -> tuple[float, float, int]:
    """Seconds for the whole import and for its commit alone, and the people written."""
    service = app.excel_import
    started = time.perf_counter()
    report = service.preview(service.analyse(path, "people"))
    commit_started = time.perf_counter()
    result = service.commit(report, include_duplicates=True)
    ended = time.perf_counter()
    return ended - started, ended - commit_started, result.created


def bench_import(root: Path, register: Path, rounds: int) -> tuple[list[Row], Office, Office, int]:
    """Fresh offices each round (an import into a filled register is other work); the last
    round's pair stays open for the other measurements."""
    totals: dict[bool, list[float]] = {False: [], True: []}
    commits: dict[bool, list[float]] = {False: [], True: []}
    created = 0
    pair: tuple[Office, Office] | None = None
    for index in range(rounds):
        if pair is not None:
            for office in pair:
                office.app.close()
        pair = (new_office(root, f"plain-{index}", False), new_office(root, f"encrypted-{index}", True))
        for office in pair if index % 2 == 0 else reversed(pair):
            total, commit, created = import_register(office.app, register)
            totals[office.encrypted].append(total)
            commits[office.encrypted].append(commit)
    assert pair is not None
    rows = [Row("import (analyse + preview + commit)", statistics.median(totals[False]),
                statistics.median(totals[True])),
            Row("  of which the commit (one transaction)", statistics.median(commits[False]),
                statistics.median(commits[True]))]
    return rows, pair[0], pair[1], created


def list_all(app: Any, text: str) -> int:
    """Every page of the people list for ``text``, as the window pages through it."""
    offset, total = 0, 1
    while offset < total:
        page = app.people.search(text, offset=offset, limit=PAGE)
        total = page.total
        offset += PAGE
    return total


def reopen(office: Office) -> None:
    app = open_office(office)
    try:
        app.office.is_initialised()
    finally:
        app.close()


def connect_and_query(office: Office) -> None:
    from thidua_desktop.db import Database
    from thidua_desktop.db.models import Person

    db = Database(office.app.db.url, key=office.app.db.key)
    try:
        with db.reader() as session:
            session.query(Person).count()
    finally:
        db.dispose()


def copy_database(office: Office, root: Path) -> None:
    """The backup's first step alone: a consistent copy of the live file, under its own key."""
    from thidua_desktop.db.maintenance import online_backup

    target = root / f"copy-{office.label}.sqlite"
    target.unlink(missing_ok=True)
    online_backup(office.app.db.engine, target, office.app.db.key)


def file_mb(office: Office) -> float:
    db_file = office.app.paths.db_file
    return sum(p.stat().st_size for p in (db_file, db_file.with_name(db_file.name + "-wal")) if p.exists()) / 1e6


def print_table(rows: list[Row]) -> None:
    width = max(len(r.work) for r in rows)
    print(f"{'work':<{width}}  {'plain s':>9}  {'encrypted s':>11}  {'ratio':>6}")
    for r in rows:
        print(f"{r.work:<{width}}  {r.plain_s:>9.4f}  {r.encrypted_s:>11.4f}  {r.ratio:>6.2f}")
    over = [r for r in rows if r.ratio > BUDGET]
    for r in over:
        print(f"{r.work.strip()}: ratio {r.ratio:.2f}, over the {BUDGET}× budget")
    if not over:
        print(f"every ratio is within the {BUDGET}× budget")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=5_000, help="people in the imported register")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per measurement (median)")
    parser.add_argument("--min-seconds", type=float, default=1.0,
                        help="repeat list/open/backup work until it takes this long on the plain office")
    parser.add_argument("--quick", action="store_true", help="1,000 people, 1 round, 0.5 s minimum")
    args = parser.parse_args()
    if args.quick:
        args.people, args.rounds, args.min_seconds = 1_000, 1, 0.5
    with tempfile.TemporaryDirectory() as tmp_name:
        root = Path(tmp_name)
        # The key-encryption keys (database key, backup keys) go to a throwaway config folder.
        os.environ["THIDUA_CONFIG_DIR"] = str(root / "config")
        register = root / "danh-sach.xlsx"
        write_register(args.people, register)
        print(f"importing a register of {args.people:,} people, {args.rounds} round(s) …", flush=True)
        rows, plain, encrypted, created = bench_import(root, register, args.rounds)
        if created != args.people:
            print(f"warning: the import wrote {created} of {args.people} people", file=sys.stderr)
        offices = (plain, encrypted)
        found = list_all(plain.app, "nguyen")
        pages = -(-created // PAGE) + -(-found // PAGE)
        print(f"list, open and backup on the imported offices (\"nguyen\" finds {found}) …", flush=True)

        def listing(office: Office) -> Callable[[], object]:
            return lambda: (list_all(office.app, ""), list_all(office.app, "nguyen"))

        rows.append(compare(f"list: {pages} pages of {PAGE} (all + \"nguyen\")", listing(plain),
                            listing(encrypted), rounds=args.rounds, min_seconds=args.min_seconds))
        rows.append(compare("open: open_app path + first query", lambda: reopen(plain), lambda: reopen(encrypted),
                            rounds=args.rounds, min_seconds=args.min_seconds))
        rows.append(compare("open: connect + first query", lambda: connect_and_query(plain),
                            lambda: connect_and_query(encrypted), rounds=args.rounds, min_seconds=args.min_seconds))
        backups = root / "backups"
        for office in offices:  # the first backup also makes the office's keys: not timed
            office.app.maintenance.backup(backups / f"{office.label}.zip")
        rows.append(compare("backup", lambda: plain.app.maintenance.backup(backups / "plain.zip"),
                            lambda: encrypted.app.maintenance.backup(backups / "encrypted.zip"),
                            rounds=args.rounds, min_seconds=args.min_seconds))
        rows.append(compare("  of which the database copy (backup API)", lambda: copy_database(plain, root),
                            lambda: copy_database(encrypted, root), rounds=args.rounds,
                            min_seconds=args.min_seconds))
        zips = f"backup zip: plain {(backups / 'plain.zip').stat().st_size / 1e6:.1f} MB, " \
               f"encrypted {(backups / 'encrypted.zip').stat().st_size / 1e6:.1f} MB"
        sizes = f"database file (+WAL): plain {file_mb(plain):.1f} MB, encrypted {file_mb(encrypted):.1f} MB"
        for office in offices:
            office.app.close()
    print()
    print(f"people: {args.people:,}, rounds: {args.rounds}, cores: {os.cpu_count()}")
    print(f"{sizes}; {zips}")
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
