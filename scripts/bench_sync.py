"""Sync benchmark: export and import of a bundle with 50,000 records and 500 attachments, against
a plain sqlite3 ``executemany`` insert of the same rows measured in the same run.

    .venv/bin/python scripts/bench_sync.py [--records 50000] [--attachments 500]

Not a test: the figures go in the README."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--attachments", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        os.environ["THIDUA_CONFIG_DIR"] = str(tmp / "config")
        from thidua_desktop.bootstrap import open_app
        from thidua_desktop.db.repositories.sync_rows import to_json
        from thidua_desktop.services.movements import MovementInput
        from thidua_desktop.services.people import PersonInput

        province = open_app(tmp / "tinh")
        province.office.init_office("province", "04")
        province.sync.create_recovery_key(tmp / "recovery.tdkey")
        province.sync.export_enrollment("01576", tmp / "enrol.json")
        commune = open_app(tmp / "xa")
        commune.office.init_office("commune", "01576")
        commune.sync.accept_enrollment((tmp / "enrol.json").read_bytes())

        print(f"preparing {args.records} people and {args.attachments} attachments …", flush=True)
        batch = 5_000
        for start in range(0, args.records, batch):
            commune.people.create_many([PersonInput(f"Nông Văn Số {i}", "male" if i % 2 else "female",
                                                    birth=str(1960 + i % 40), ethnicity="Tày")
                                        for i in range(start, min(start + batch, args.records))])
        movement = commune.movements.create(MovementInput(code="BENCH", name="Phong trào đo hiệu năng"))
        photos = tmp / "photos"
        photos.mkdir()
        files = []
        for i in range(args.attachments):
            path = photos / f"anh-{i}.jpg"
            path.write_bytes(os.urandom(20_000))
            files.append(path)
        for start in range(0, len(files), 10):
            commune.movements.record_activity(movement_id=movement, held_on="01/06/2026",
                                              files=files[start:start + 10])

        started = time.perf_counter()
        result = commune.sync.export(tmp / "usb")
        export_s = time.perf_counter() - started
        records = sum(result.counts.values())
        size_mb = sum(f.stat().st_size for f in result.files) / 1e6
        started = time.perf_counter()
        report = province.sync.import_bundle(result.files[0])
        import_s = time.perf_counter() - started

        with commune.db.reader() as session:
            from thidua_desktop.db.models import Person

            rows = [to_json(p) for p in session.query(Person).all()]
        columns = list(rows[0])
        base = sqlite3.connect(tmp / "baseline.sqlite", isolation_level=None)
        base.execute("PRAGMA journal_mode=WAL")
        base.execute("PRAGMA synchronous=FULL")
        base.execute(f"CREATE TABLE people ({', '.join(columns)})")
        started = time.perf_counter()
        base.execute("BEGIN")
        base.executemany(f"INSERT INTO people VALUES ({', '.join('?' * len(columns))})",
                         [tuple(r[c] for c in columns) for r in rows])
        base.execute("COMMIT")
        baseline_s = time.perf_counter() - started
        base.close()
        commune.close()
        province.close()

    print(f"records in the bundle: {records} (+{args.attachments} attachment files), bundle size {size_mb:.1f} MB")
    print(f"baseline sqlite3 executemany of {len(rows)} people rows: {baseline_s:.2f} s "
          f"({len(rows) / baseline_s:,.0f} rows/s)")
    for label, seconds in (("export", export_s), ("import", import_s)):
        print(f"{label}: {seconds:.2f} s ({records / seconds:,.0f} records/s), "
              f"ratio to baseline {seconds / baseline_s:.1f}")
    print(f"import report: new {report['new']}, quarantined {report['quarantined']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
