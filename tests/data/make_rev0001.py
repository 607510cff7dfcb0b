"""Regenerates db-rev0001.sqlite: a database saved at the first schema revision, with a few
rows, used by the migration-upgrade test. Run: .venv/bin/python tests/data/make_rev0001.py"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from thidua_desktop.db.migrate import upgrade

TARGET = Path(__file__).with_name("db-rev0001.sqlite")


def main() -> None:
    TARGET.unlink(missing_ok=True)
    engine = create_engine(f"sqlite:///{TARGET}")
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA page_size = 1024")  # keeps the checked-in file small
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO office (id, role, unit_code, unit_name, province_code, node_id, epoch, change_counter,"
            " clock, officer_name, created_at) VALUES (1, 'commune', '01576', 'Xã Quảng Uyên', '04',"
            " '6f1d8c1e-0000-4000-8000-000000000001', 1, 3, 3, 'Cán bộ thử', '2026-01-01 00:00:00')"))
        conn.execute(text(
            "INSERT INTO villages (id, origin_node, origin_epoch, version, clock, updated_at, deleted, name,"
            " search_key, kind, commune_code) VALUES ('v1', '6f1d8c1e-0000-4000-8000-000000000001', 1, 1, 1,"
            " '2026-01-01 00:00:00', 0, 'Xóm Nà Cạn', 'xom na can', 'xom', '01576')"))
        for index, (name, key, sort, code) in enumerate([
            ("Nông Văn An", "nong van an", "an", "02"), ("Nguyễn Thị Bình", "nguyen thi binh", "binh", "01")],
                start=2):
            conn.execute(text(
                "INSERT INTO people (id, origin_node, origin_epoch, version, clock, updated_at, deleted, full_name,"
                " family_name, middle_name, given_name, search_key, sort_key, gender, birth_year, ethnicity_code,"
                " phone, position, workplace, village_id, address, is_direct_worker, notes) VALUES"
                f" ('p{index}', '6f1d8c1e-0000-4000-8000-000000000001', 1, {index}, {index},"
                " '2026-01-01 00:00:00', 0, :name, '', '', '', :key, :sort, 'male', 1980, :code, '', '', '',"
                " 'v1', '', 0, '')"), {"name": name, "key": key, "sort": sort, "code": code})
        conn.exec_driver_sql("PRAGMA application_id = 1413764145")
    with engine.connect() as conn:
        conn.exec_driver_sql("VACUUM")
    engine.dispose()


if __name__ == "__main__":
    main()
