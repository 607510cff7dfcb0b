"""Errors from the operating system or the database engine that the user can act on (a full disk,
a missing or protected file, a database another window is writing), turned into refusals with a
reason code, so the CLI and the GUI say what happened and where instead of "Unexpected error".

Core module: no Qt, no SQLAlchemy (a wrapped driver error is recognised by its ``orig``)."""

from __future__ import annotations

import errno
from collections.abc import Iterator

from .config import DatabaseSettingInvalid
from .db.cipher import DB_ERRORS
from .domain.errors import DomainError

__all__ = ["refusal_for"]

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), 112}  # 112: ERROR_DISK_FULL on Windows
_SQLITE_TEXTS: tuple[tuple[str, str], ...] = (
    ("database is locked", "DATABASE_BUSY"), ("database table is locked", "DATABASE_BUSY"),
    ("database is busy", "DATABASE_BUSY"), ("database or disk is full", "DISK_FULL"),
    ("readonly database", "READ_ONLY_PLACE"), ("unable to open database file", "PERMISSION_DENIED"),
    ("disk i/o error", "DISK_IO_ERROR"), ("file is not a database", "DATABASE_DAMAGED"),
    ("database disk image is malformed", "DATABASE_DAMAGED"),
)


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The error, the driver error it wraps and the errors it was raised from, each once."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)
        todo += [orig if isinstance(orig, BaseException) else None, current.__cause__, current.__context__]


def _os_refusal(exc: OSError) -> DomainError:
    path = str(exc.filename or "")
    if exc.filename2:
        path = f"{path} → {exc.filename2}" if path else str(exc.filename2)
    if exc.errno in _FULL or getattr(exc, "winerror", None) == 112:
        return DomainError("DISK_FULL", field="file", path=path)
    if isinstance(exc, FileNotFoundError):
        return DomainError("FILE_NOT_FOUND", field="file", value=path)
    if isinstance(exc, PermissionError):
        return DomainError("PERMISSION_DENIED", field="file", path=path)
    if exc.errno == errno.EROFS:
        return DomainError("READ_ONLY_PLACE", field="file", path=path)
    if isinstance(exc, IsADirectoryError):
        return DomainError("NOT_A_FILE", field="file", path=path)
    if isinstance(exc, NotADirectoryError):
        return DomainError("NOT_A_FOLDER", field="file", path=path)
    if isinstance(exc, FileExistsError):
        return DomainError("FILE_EXISTS", field="file", path=path)
    if exc.errno == errno.EIO:
        return DomainError("DISK_IO_ERROR", field="file", path=path)
    reason = errno.errorcode.get(exc.errno or 0) or exc.strerror or type(exc).__name__
    return DomainError("OS_ERROR", field="file", path=path, reason=reason)


def refusal_for(exc: BaseException, data_dir: str = "") -> DomainError | None:
    """The refusal to show for ``exc``, or None when it is a bug (to be logged as one). A database
    error names ``data_dir`` (the folder holding the database), the OS's own errors their file.

    Looks through wrapped errors: SQLAlchemy's OperationalError holds sqlite3's in ``orig``, and
    a service may re-raise an OSError under its own exception."""
    for cause in _chain(exc):
        if isinstance(cause, DomainError):
            return cause
        if isinstance(cause, DatabaseSettingInvalid):
            return DomainError("DATABASE_SETTING_INVALID", field="data_dir", path=cause.source)
        if isinstance(cause, DB_ERRORS):
            text = str(cause).lower()
            for needle, code in _SQLITE_TEXTS:
                if needle in text:
                    if code in ("DATABASE_BUSY", "DATABASE_DAMAGED"):
                        return DomainError(code)
                    return DomainError(code, field="data_dir", path=data_dir)
        if isinstance(cause, OSError):
            return _os_refusal(cause)
    return None
