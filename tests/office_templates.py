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


_OTHER_COMPUTER: list[tuple[Path, Path]] = []  # (config folder, migrated office), made once per process


def other_computer(config_target: Path, office_target: Path) -> Path:
    """Another computer, as a new-computer test needs it: ``config_target`` becomes its user config
    folder, holding a key-encryption key of its own (not this process's), and ``office_target`` a
    new, uninitialised office whose database key is sealed under it. Both are copies of a pair made
    once per process (``open_app`` under that config folder), so no migration runs again. The
    caller points THIDUA_CONFIG_DIR at ``config_target`` (monkeypatch.setenv) before opening the
    office. Returns ``office_target``."""
    import atexit
    import os
    import tempfile

    from thidua_desktop.bootstrap import open_app

    if not _OTHER_COMPUTER:
        root = Path(tempfile.mkdtemp(prefix="thidua-other-computer-"))
        atexit.register(shutil.rmtree, root, ignore_errors=True)
        config, office = root / "config", root / "office"
        config.mkdir(mode=0o700)
        saved = os.environ.get("THIDUA_CONFIG_DIR")
        os.environ["THIDUA_CONFIG_DIR"] = str(config)
        try:
            open_app(office).close()
        finally:
            if saved is None:
                os.environ.pop("THIDUA_CONFIG_DIR", None)
            else:
                os.environ["THIDUA_CONFIG_DIR"] = saved
        _OTHER_COMPUTER.append((config, office))
    config, office = _OTHER_COMPUTER[0]
    shutil.copytree(config, config_target)
    return copy_template(office, office_target)
