"""Shared fixtures. Each test gets its own data folder with a real SQLite file, copied from a
migrated template (cheaper than migrating again); every app a test opened is closed."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Key-encryption keys go to the user's config folder; tests keep theirs in a throwaway one.
os.environ.setdefault("THIDUA_CONFIG_DIR", tempfile.mkdtemp(prefix="thidua-config-"))

import pytest

from thidua_desktop.bootstrap import App, open_app


@pytest.fixture(scope="session")
def _template_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    app = open_app(folder)
    app.close()
    return folder


@pytest.fixture
def data_dir(_template_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(_template_dir, target, ignore=shutil.ignore_patterns("logs"))
    return target


@pytest.fixture
def app_factory(data_dir: Path) -> Iterator[callable]:  # type: ignore[valid-type]
    opened: list[App] = []

    def make(folder: Path | None = None) -> App:
        app = open_app(folder or data_dir, actor="tester")
        opened.append(app)
        return app

    yield make
    for app in opened:
        app.close()


@pytest.fixture
def commune(app_factory) -> App:  # type: ignore[no-untyped-def]
    """A commune office (xã Quảng Uyên, Cao Bằng) with no data yet."""
    app = app_factory()
    app.office.init_office("commune", "01576", officer_name="Cán bộ thử")
    return app
