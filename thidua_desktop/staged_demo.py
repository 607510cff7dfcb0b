"""Demo data is all or nothing: it is built in a copy of the office and swapped in when complete.

The demo builder writes through the services, in many transactions (a few hundred people, their
records, movements with photos, nominations…). A kill half-way used to leave a half-built office
that a second run could not complete (duplicate CCCD numbers). Here the builder runs against a
copy of the database in a staging folder beside it, with its own attachment folder; only when it
has finished do the new attachments move into the store and the copy replace the live file
(db/maintenance.swap_into_place). A kill at any moment leaves either the office as it was or the
office with the whole demo, and the next start removes the staging folder (services/staging.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from . import checkpoints
from .config import DB_FILE_NAME, AppPaths
from .db import Database
from .db import maintenance as low
from .domain.errors import StateError
from .services.staging import install_attachments, staging_folder

if TYPE_CHECKING:  # bootstrap imports this module to build the trial office: no import back
    from .bootstrap import App

T = TypeVar("T")


def build_atomically(app: App, build: Callable[[App], T]) -> T:
    """Run ``build`` on a staged copy of ``app``'s office and swap the result in only when it
    returns. ``app`` stays usable afterwards (its connections reopen on the new file). A
    database that is not a SQLite file (PostgreSQL at a province) gets ``build`` as it is."""
    live = low.sqlite_file(app.db.engine)
    if live is None:
        return build(app)
    with staging_folder(live.parent, "demo") as folder:
        staged_file = folder / DB_FILE_NAME
        key = app.db.key  # the copy stays encrypted under the office's key, like the live file
        low.online_backup(app.db.engine, staged_file, key)
        before = low.read_office_state(staged_file, key)
        staged = app.on_copy(AppPaths(folder), Database(f"sqlite:///{staged_file.as_posix()}", key=key))
        try:
            result = build(staged)
        finally:
            staged.close()
        checkpoints.reached("demo:built")

        def unchanged(conn: Any) -> None:
            # Someone wrote to the live office while the demo was built: swapping would drop it.
            if low.office_state(conn) != before:
                raise StateError("DEMO_OFFICE_CHANGED")

        install_attachments(staged.paths.attachments_dir, app.paths.attachments_dir)
        app.db.dispose()
        try:
            low.swap_into_place(staged_file, live, guard=unchanged, key=key)
        except low.DatabaseInUse as exc:
            raise StateError("DATABASE_IN_USE") from exc
        checkpoints.reached("demo:after_swap")
    app.invalidate_catalog()
    return result
