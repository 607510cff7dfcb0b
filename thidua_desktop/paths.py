"""The one place that finds shipped resources and translations.

In a checkout and in an installed wheel they are the packages ``thidua_desktop.resources`` and
``thidua_desktop.i18n`` (setup.py maps the top-level folders onto them). In a PyInstaller build
they sit under ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from importlib.resources import as_file, files
from pathlib import Path


def _root(package: str, folder: str) -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / folder
    with as_file(files(package)) as path:
        return Path(path)


def resource_path(relative: str = "") -> Path:
    """Path of a file under ``resources/`` (e.g. ``"catalog/awards.json"``)."""
    return _root("thidua_desktop.resources", "resources") / relative


def i18n_path(relative: str = "") -> Path:
    """Path of a file under ``i18n/`` (e.g. ``"thidua_vi.qm"``)."""
    return _root("thidua_desktop.i18n", "i18n") / relative
