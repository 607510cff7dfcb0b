"""Child process of the search figure: ``python -m bench.search_child OFFICE_DIR RUNS TEXT``.

For each keystroke of TEXT ("n", "ng", … "nguyen thi h"), in two passes over the word (one per
kind, so that none warms the caches for another):
- the GUI refresh: the real people screen (``PeopleScreen``, shown offscreen) with that text,
  ``refresh()`` (its service call, the model reset, the count label, the column widths) and the
  processing of the events that repaint the view;
- the service part of it: the time spent inside ``people.search`` during that refresh, called
  by the screen itself with its own arguments (page size, count cap, filters, order);
- the baseline: raw sqlite3 running the same LIKE query (one ``LIKE '%word%'`` per word on the
  folded search key, ordered by the sort key, 200 rows, and the count) on a plain, unencrypted
  copy of the same people with the same indexes.
Each is the median over RUNS passes. Prints one JSON line."""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PAGE = 200


def _ms(work: Any) -> float:
    started = time.perf_counter()
    work()
    return (time.perf_counter() - started) * 1000


class TimedPeople:
    """The people service as the screen sees it, adding up the milliseconds spent in ``search``:
    the service part of a refresh, with exactly the arguments the screen passes."""

    def __init__(self, people: Any) -> None:
        self._people = people
        self.spent = 0.0

    def search(self, *args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return self._people.search(*args, **kwargs)
        finally:
            self.spent += (time.perf_counter() - started) * 1000

    def __getattr__(self, name: str) -> Any:
        return getattr(self._people, name)


def plain_copy(app: Any, path: Path) -> sqlite3.Connection:
    from sqlalchemy import select

    from thidua_desktop.db.models import Person

    cols = ["id", "full_name", "search_key", "sort_key", "gender", "birth_date", "birth_year", "ethnicity_code",
            "village_id", "position", "deleted"]
    table = Person.__table__
    with app.db.engine.connect() as conn:
        rows = [tuple(v.isoformat() if hasattr(v, "isoformat") else v for v in r)
                for r in conn.execute(select(*[table.c[c] for c in cols]))]
    db = sqlite3.connect(path)
    db.execute(f"CREATE TABLE people ({', '.join(c + (' PRIMARY KEY' if c == 'id' else '') for c in cols)})")
    db.executemany(f"INSERT INTO people VALUES ({', '.join('?' * len(cols))})", rows)
    db.execute("CREATE INDEX ix_people_search_key ON people (search_key)")
    db.execute("CREATE INDEX ix_people_sort_key ON people (sort_key)")
    db.commit()
    return db


def raw_query(db: sqlite3.Connection, text: str) -> None:
    from thidua_desktop.domain.text import search_key

    words = search_key(text).split()
    where = " AND ".join(["deleted = 0", *["search_key LIKE ?"] * len(words)])
    params = [f"%{w}%" for w in words]
    db.execute(f"SELECT id, full_name, gender, birth_date, birth_year, ethnicity_code, village_id, position "
               f"FROM people WHERE {where} ORDER BY sort_key LIMIT {PAGE}", params).fetchall()
    db.execute(f"SELECT count(*) FROM people WHERE {where}", params).fetchone()


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from thidua_desktop.bootstrap import open_app
    from thidua_desktop.ui.screens.people import PeopleScreen

    office, runs, text = Path(argv[0]), int(argv[1]), argv[2]
    qt = QApplication(sys.argv[:1])
    app = open_app(office, actor="bench")
    keys = [text[:n] for n in range(1, len(text) + 1)]
    service: dict[str, list[float]] = {k: [] for k in keys}
    gui: dict[str, list[float]] = {k: [] for k in keys}
    base: dict[str, list[float]] = {k: [] for k in keys}
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        db = plain_copy(app, Path(tmp) / "plain.sqlite")
        people = TimedPeople(app.people)
        screen = PeopleScreen(people, app.office)  # type: ignore[arg-type]  # the service, timed
        screen.resize(1200, 700)
        screen.show()
        qt.processEvents()
        total = 0

        def refresh() -> None:
            screen.refresh()
            qt.processEvents()  # the reset model's rows painted

        for _ in range(runs):
            # Each kind is timed over the whole word as typed, in a pass of its own: interleaved, the
            # first to run a keystroke's query would warm the caches for the other.
            for key in keys:
                # The text as typed, without the debounce timer's own refresh: the refresh is timed here.
                screen.search.blockSignals(True)
                screen.search.setText(key)
                screen.search.blockSignals(False)
                people.spent = 0.0
                gui[key].append(_ms(refresh))
                service[key].append(people.spent)
            for key in keys:
                base[key].append(_ms(lambda k=key: raw_query(db, k)))
            total = screen.model.rowCount()
        screen.close()
        db.close()
    count = app.people.search(text, limit=1).total
    app.close()

    def per_key(values: dict[str, list[float]]) -> dict[str, float]:
        return {k: statistics.median(v) for k, v in values.items()}

    print(json.dumps({"keys": keys, "service": per_key(service), "gui": per_key(gui), "baseline": per_key(base),
                      "matches": count, "rows_shown": total}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
