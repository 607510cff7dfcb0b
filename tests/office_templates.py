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
