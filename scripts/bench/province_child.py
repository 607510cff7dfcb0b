"""Child process of the province figure: ``python -m bench.province_child PROVINCE_DIR BUNDLE…``
opens the province once and imports every bundle in turn, then prints one JSON line with the
total and per-bundle seconds and the report totals. Run with the cache's THIDUA_CONFIG_DIR."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    from thidua_desktop.bootstrap import open_app

    folder, bundles = Path(argv[0]), [Path(b) for b in argv[1:]]
    app = open_app(folder, actor="Sở Nội vụ")
    per_bundle: list[float] = []
    totals = {"new": 0, "updated": 0, "quarantined": 0, "conflicts": 0}
    try:
        started = time.perf_counter()
        for bundle in bundles:
            one = time.perf_counter()
            report = app.sync.import_bundle(bundle)
            per_bundle.append(time.perf_counter() - one)
            for key in totals:
                totals[key] += int(report.get(key) or 0)
        if app.db.is_sqlite:
            # The log still holds up to 64 MB the database has not taken in (engine.py); that
            # copy is part of the work, so it is timed too.
            with app.db.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
        seconds = time.perf_counter() - started
    finally:
        app.close()
    print(json.dumps({"seconds": seconds, "per_bundle": per_bundle, **totals}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
