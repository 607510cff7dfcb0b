"""Demo offices for tests: what the ``commune`` fixture (tests/conftest.py) makes, and how a
demo office built once (``demo_template``) becomes a test's own folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from thidua_desktop.bootstrap import App, open_app

# What the ``commune`` fixture makes, which every demo office is built on.
DEMO_ACTOR = "tester"
DEMO_OFFICER = "Cán bộ thử"
DEMO_UNIT = "01576"


def replace_folder(source: Path, target: Path) -> None:
    """``target`` becomes a copy of ``source`` (attachments, keys and all); logs are left alone
    (the process's log file stays open in whichever folder was opened first)."""
    if target.exists():
        for child in target.iterdir():
            if child.name == "logs":
                continue
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("logs"), dirs_exist_ok=True)


def copy_demo(template: Path, target: Path, actor: str = DEMO_ACTOR) -> App:
    """A demo office for a module-scoped fixture: ``template`` (from ``demo_template``) copied to
    ``target`` and opened; the caller closes it."""
    replace_folder(template, target)
    return open_app(target, actor=actor)


def build_enrolled_demo(folder: Path) -> None:
    """In ``folder``: the province (04, folder ``tinh``) and its commune xã Quảng Uyên (``xa``),
    enrolled (``recovery.tdkey``, ``ket-noi.json``), with DemoBuilder(seed=2026, 25/11/2026) of 40
    people in the commune; both closed. What tests/sync/test_pushed_*.py start from."""
    from datetime import date

    from office_templates import fresh_office

    from thidua_desktop.services.demo import DemoBuilder

    # Both offices start as copies of a migrated database (fresh_office), not by migrating twice.
    province = open_app(fresh_office(folder / "tinh"), actor="tinh")
    try:
        province.office.init_office("province", "04")
        province.sync.create_recovery_key(folder / "recovery.tdkey")
        province.sync.export_enrollment("01576", folder / "ket-noi.json")
    finally:
        province.close()
    xa = open_app(fresh_office(folder / "xa"), actor="xa")
    try:
        xa.office.init_office("commune", "01576")
        xa.sync.accept_enrollment((folder / "ket-noi.json").read_bytes())
        DemoBuilder(xa, seed=2026, today=date(2026, 11, 25)).build(people=40)
    finally:
        xa.close()


def open_enrolled_demo(template: Path, target: Path) -> tuple[App, App]:
    """``build_enrolled_demo``'s folder copied into ``target`` (same layout) and both offices
    opened as (province, commune) with the actors they were made by; the caller closes them."""
    for child in template.iterdir():
        if child.is_dir():
            replace_folder(child, target / child.name)
        else:
            shutil.copy2(child, target / child.name)
    province = open_app(target / "tinh", actor="tinh")
    try:
        return province, open_app(target / "xa", actor="xa")
    except BaseException:
        province.close()
        raise
