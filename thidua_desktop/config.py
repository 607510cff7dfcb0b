"""Where the office's data lives and which database URL to use.

Order: ``--data-dir`` > ``THIDUA_DATA_DIR`` > the per-user data directory (platformdirs).
The database URL is ``THIDUA_DATABASE_URL`` when set (PostgreSQL at the provincial office),
else ``database_url`` in ``<data dir>/config.json``, else the SQLite file in the data dir.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

from .private_files import private_dir, tighten_tree

APP_NAME = "ThiDua"
DB_FILE_NAME = "thidua.sqlite"
# What the app keeps directly in the data folder; only these are made private at start, so a
# data folder chosen by hand that also holds the user's own files keeps those as they were.
_OWN_FOLDERS = frozenset({"attachments", "backups", "keys", "logs", "drafts", "documents", "opened",
                          ".exports-in-progress"})
_OWN_FILES = frozenset({"config.json", "preferences.json"})


def _is_own_entry(name: str) -> bool:
    return (name in _OWN_FOLDERS or name in _OWN_FILES or name.startswith(("thidua", "tmp", ".~thidua-"))
            or name.endswith((".tdkey", ".tmp", ".part")))


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path

    @property
    def db_file(self) -> Path:
        return self.data_dir / DB_FILE_NAME

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def config_file(self) -> Path:
        return self.data_dir / "config.json"

    @property
    def keys_dir(self) -> Path:
        return self.data_dir / "keys"

    @property
    def exports_notes_dir(self) -> Path:
        """Notes of the exports being written (private_files.track_exports_in)."""
        return self.data_dir / ".exports-in-progress"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    def make_private(self) -> None:
        """Create the data folder 0700 and take group/other access off what an older version left
        readable: the database, logs, backups, keys and attachments here, and the key-encryption
        keys in the config folder. No-op for the modes on Windows (the profile's ACL protects it)."""
        private_dir(self.data_dir)
        tighten_tree(self.data_dir, include=_is_own_entry)
        tighten_tree(resolve_key_folder())


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get("THIDUA_DATA_DIR")
    if env:
        return Path(env).expanduser().resolve()
    return Path(user_data_dir(APP_NAME, appauthor=False))


def trial_data_dir(data_dir: Path) -> Path:
    """The trial office (demo data, never synced) lives beside the real one, never inside it, so
    backups and bundles of the real office can never pick it up."""
    return data_dir.parent / f"{data_dir.name}-dung-thu"


def resolve_config_dir() -> Path:
    """The user's config folder (THIDUA_CONFIG_DIR overrides it): window sizes and the keys' folder."""
    env = os.environ.get("THIDUA_CONFIG_DIR")
    return Path(env).expanduser() if env else Path(user_config_dir(APP_NAME, appauthor=False))


def resolve_key_folder() -> Path:
    """Where the key-encryption keys live: the user's config folder, never the data folder, so a
    copied data folder or a backup carries no usable private key."""
    return resolve_config_dir() / "kek"


class DatabaseSettingInvalid(ValueError):
    """The data folder's config.json, or THIDUA_DATABASE_URL, names no database this app can open
    (not JSON of the right shape, not a sqlite:/// or postgresql:// address). ``source`` is the
    file or the variable, for the refusal (os_refusals maps it to DATABASE_SETTING_INVALID)."""

    def __init__(self, source: str) -> None:
        super().__init__(source)
        self.source = source


_DATABASE_SCHEMES = re.compile(r"^(sqlite|postgresql)(\+[a-z0-9_]+)?://", re.IGNORECASE)


def database_url(paths: AppPaths, allow_override: bool = True) -> str:
    """``allow_override=False`` (the trial office) always means the SQLite file in the folder.
    DatabaseSettingInvalid when the setting is there but unusable: never a silent fall-back to a
    new local file when the office meant its server."""
    env = os.environ.get("THIDUA_DATABASE_URL") if allow_override else None
    if env:
        if not _DATABASE_SCHEMES.match(env):
            raise DatabaseSettingInvalid("THIDUA_DATABASE_URL")
        return env
    if not allow_override:
        return f"sqlite:///{paths.db_file.as_posix()}"
    if paths.config_file.exists():
        try:
            settings = json.loads(paths.config_file.read_text(encoding="utf-8"))
        except OSError:
            settings = {}  # unreadable now: the open that follows names the folder's real problem
        except ValueError as exc:
            raise DatabaseSettingInvalid(str(paths.config_file)) from exc
        if not isinstance(settings, dict):
            raise DatabaseSettingInvalid(str(paths.config_file))
        configured = settings.get("database_url")
        if configured:
            if not isinstance(configured, str) or not _DATABASE_SCHEMES.match(configured):
                raise DatabaseSettingInvalid(str(paths.config_file))
            return configured
    return f"sqlite:///{paths.db_file.as_posix()}"


def save_database_url(paths: AppPaths, url: str) -> None:
    """Write ``database_url`` into the folder's config.json (other keys kept), through a temporary
    file and a rename, so a power cut leaves the old file or the new one. The first-run dialog
    names the office's server here; the URL it writes holds no password (services/server_setup.py)."""
    private_dir(paths.data_dir)
    try:
        current = json.loads(paths.config_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        current = {}
    doc = current if isinstance(current, dict) else {}
    doc["database_url"] = url
    temp = paths.config_file.with_name(paths.config_file.name + ".tmp")
    temp.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(temp, paths.config_file)
