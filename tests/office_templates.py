"""New data folders made from the session's migrated template (conftest's ``_template_dir``): a
copy takes milliseconds where a fresh ``open_app`` runs every migration (about 0.3 s).

A copy is an uninitialised office: ``init_office`` still gives it its own node id and keys. Every
copy shares the template's database key (sealed in the copy's keys folder under a key-encryption
key in this process's THIDUA_CONFIG_DIR), which is what ``data_dir`` gives each test too."""

from __future__ import annotations

import shutil
from pathlib import Path


def copy_template(template: Path, target: Path) -> Path:
    """``target`` (which must not exist yet) as a copy of the migrated ``template``; returns it."""
    shutil.copytree(template, target, ignore=shutil.ignore_patterns("logs"))
    return target


_MIGRATED: dict[str, Path] = {}


def fresh_office(target: Path) -> Path:
    """``target`` (which must not exist yet) as a new, uninitialised office: a copy of a migrated
    database made once per process (and per key folder), for builders that run outside fixtures.
    Returns ``target``, to hand to ``open_app``."""
    import atexit
    import os
    import tempfile

    from thidua_desktop.bootstrap import open_app

    key_folder = os.environ.get("THIDUA_CONFIG_DIR", "")
    if key_folder not in _MIGRATED:
        folder = Path(tempfile.mkdtemp(prefix="thidua-migrated-")) / "office"
        atexit.register(shutil.rmtree, folder.parent, ignore_errors=True)
        open_app(folder).close()
        _MIGRATED[key_folder] = folder
    return copy_template(_MIGRATED[key_folder], target)
