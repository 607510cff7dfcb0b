"""Shared fixtures. Each test gets its own data folder with a real SQLite file, copied from a
migrated template (cheaper than migrating again); every app a test opened is closed.

Demo offices are built once per session (and per xdist worker) for each (seed, people, today)
and copied into the test's own folder (``load_demo``): a build takes seconds, a copy milliseconds."""

from __future__ import annotations

import gc
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

# The tests' folders (tmp_path, tmp_path_factory) go to RAM where Linux has it at /dev/shm: every
# commit of an office is fsynced (PRAGMA synchronous=FULL), a few milliseconds of waiting on a disk
# and nothing on tmpfs (the two fuzzers of sync records and backups: 31 s on disk, 18 s here, for
# the same CPU). The same calls are made either way. PYTEST_DEBUG_TEMPROOT is pytest's own setting
# for its temporary root: set it (to /tmp) to keep the folders on disk. pytest still keeps the
# last three runs' folders, as it does in /tmp.
# A container's /dev/shm is often 64 MB and a full run leaves about 0.5 GB there: only a writable
# tmpfs with room to spare is used.
try:
    _shm = os.statvfs("/dev/shm")
    _roomy_ram = os.access("/dev/shm", os.W_OK) and _shm.f_bavail * _shm.f_frsize >= 2 * 1024 ** 3
except OSError:
    _roomy_ram = False
if "PYTEST_DEBUG_TEMPROOT" not in os.environ and _roomy_ram:
    os.environ["PYTEST_DEBUG_TEMPROOT"] = "/dev/shm"

# Key-encryption keys go to the user's config folder; tests keep theirs in a throwaway one.
os.environ.setdefault("THIDUA_CONFIG_DIR", tempfile.mkdtemp(prefix="thidua-config-"))
if os.environ.get("PYTEST_XDIST_WORKER"):
    # An xdist worker inherits the controller's variable: each worker gets a folder of its own.
    os.environ["THIDUA_CONFIG_DIR"] = tempfile.mkdtemp(prefix=f"thidua-config-{os.environ['PYTEST_XDIST_WORKER']}-")

import pytest
from demo_helpers import DEMO_ACTOR, DEMO_OFFICER, DEMO_UNIT, build_enrolled_demo, replace_folder
from office_templates import fresh_office

from thidua_desktop.bootstrap import App, open_app

# The libraries just imported (SQLAlchemy, ReportLab, the models) hold a few hundred thousand
# objects that live as long as the worker: frozen, the collector stops walking them at every full
# collection, and collecting less often suits a process that builds and drops whole offices.
# About 10% less CPU for the suite; what the tests check is unchanged.
gc.freeze()
gc.set_threshold(20_000, 20, 20)


@pytest.fixture(scope="session")
def _template_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # The process's one migrated office (office_templates.fresh_office, which the helpers that
    # build offices outside fixtures use too): the migrations run once per worker, not twice.
    return fresh_office(tmp_path_factory.mktemp("template") / "office")


@pytest.fixture
def data_dir(_template_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(_template_dir, target, ignore=shutil.ignore_patterns("logs"))
    return target


@pytest.fixture
def app_factory(data_dir: Path, _template_dir: Path) -> Iterator[callable]:  # type: ignore[valid-type]
    opened: list[App] = []

    def make(folder: Path | None = None) -> App:
        """The office in ``folder`` (the test's ``data_dir`` by default); a folder that does not
        exist yet starts as a copy of the migrated template, a new office as ``open_app`` would
        make it but without running every migration again."""
        if folder is not None and not folder.exists():
            shutil.copytree(_template_dir, folder, ignore=shutil.ignore_patterns("logs"))
        app = open_app(folder or data_dir, actor="tester")
        opened.append(app)
        return app

    yield make
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None:  # a screen's read on Qt's thread pool (ui/background.py) ends before its office closes
        qtcore.QThreadPool.globalInstance().waitForDone()
    for app in opened:
        app.close()


@pytest.fixture
def commune(app_factory) -> App:  # type: ignore[no-untyped-def]
    """A commune office (xã Quảng Uyên, Cao Bằng) with no data yet."""
    app = app_factory()
    app.office.init_office("commune", DEMO_UNIT, officer_name=DEMO_OFFICER)
    return app


@pytest.fixture(scope="session")
def demo_template(_template_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """``demo_template(seed, people, today)``: the data folder of a commune office exactly as the
    ``commune`` fixture opens it (actor, officer, unit) with ``DemoBuilder(...).build(people)``
    run on it, built the first time it is asked for and closed (WAL checkpointed) before any copy.
    It starts from a copy of the migrated template, so it shares the database key file of every
    ``data_dir`` (whose key-encryption key is in this process's THIDUA_CONFIG_DIR)."""
    from thidua_desktop.services.demo import DemoBuilder

    built: dict[tuple[int, int, date], tuple[Path, int]] = {}

    def template(seed: int, people: int, today: date) -> Path:
        return _built(seed, people, today)[0]

    def _built(seed: int, people: int, today: date) -> tuple[Path, int]:
        key = (seed, people, today)
        if key not in built:
            folder = tmp_path_factory.mktemp(f"demo-{seed}-{people}-{today:%Y%m%d}") / "data"
            shutil.copytree(_template_dir, folder, ignore=shutil.ignore_patterns("logs"))
            app = open_app(folder, actor=DEMO_ACTOR)
            try:
                app.office.init_office("commune", DEMO_UNIT, officer_name=DEMO_OFFICER)
                before = app.office.office().change_counter
                DemoBuilder(app, seed=seed, today=today).build(people=people)
            finally:
                app.close()
            built[key] = (folder, before)
        return built[key]

    template.built = _built  # type: ignore[attr-defined]
    return template


@pytest.fixture
def load_demo(demo_template: Callable[..., Path]) -> Callable[..., App]:
    """``load_demo(commune, seed=…, people=…, today=…)`` turns the fresh ``commune`` app into the
    demo office in place, as if ``DemoBuilder(commune, seed, today).build(people)`` had run on it:
    the same App object (tests that use both the fixture and ``commune`` see one office), its
    database closed, its folder replaced by a copy of the session's build, its services remade."""

    def load(app: App, *, seed: int, people: int, today: date) -> App:
        folder, counter = demo_template.built(seed, people, today)  # type: ignore[attr-defined]
        office = app.office.office()
        # Only an untouched ``commune`` can be swapped: anything done to it before would be lost.
        assert (app.actor, office.role, office.unit_code, office.officer_name, office.change_counter) == (
            DEMO_ACTOR, "commune", DEMO_UNIT, DEMO_OFFICER, counter), "load_demo needs the fresh commune fixture"
        app.db.dispose()
        replace_folder(folder, app.paths.data_dir)
        app.reload_catalog()
        app.__post_init__()  # no service keeps anything read from the office it had before
        return app

    return load


@pytest.fixture(scope="session")
def enrolled_demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A province and its enrolled commune holding the demo, built once (demo_helpers.build_enrolled_demo);
    open a copy with ``demo_helpers.open_enrolled_demo``."""
    folder = tmp_path_factory.mktemp("enrolled-demo")
    build_enrolled_demo(folder)
    return folder


# The longest test files, started first: with two workers and whole files per worker
# (--dist loadfile), a long file picked up last leaves one core idle while it runs alone.
LONG_FILES_FIRST = (
    "tests/sync/test_convergence.py",
    "tests/services/test_fuzz_backup.py",
    "tests/sync/test_roundtrip_cli.py",
    "tests/sync/test_fuzz_signed_content.py",
    "tests/cli/test_demo_kills.py",
    "tests/services/test_restore_limits.py",
    "tests/spreadsheets/test_fuzz_xlsx.py",
    "tests/ui/test_newcomer_enrolment.py",
    "tests/reports/test_layout_rules.py",
    "tests/services/test_demo_plausibility.py",
    "tests/services/test_restore_kills.py",
    "tests/sync/test_commune_rebuild.py",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    rank = {name: i for i, name in enumerate(LONG_FILES_FIRST)}
    root = config.rootpath

    def place(item: pytest.Item) -> int:
        try:
            return rank.get(item.path.relative_to(root).as_posix(), len(rank))
        except ValueError:
            return len(rank)

    items.sort(key=place)  # stable: the order within a file, and among the other files, is kept
