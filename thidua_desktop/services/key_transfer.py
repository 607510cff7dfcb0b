"""The office's sync keys on more than one computer (a server office: several computers, one
PostgreSQL database).

The keys (``keys/office-keys.json``) are sealed under a key kept in the config folder of the
computer that made them, so only that computer can export bundles and enrolment files or open
the communes' bundles. An administrator exports them there to a file protected by a passphrase
(sync/key_file.py) and loads that file on another computer of the same office, which stores them
under a key of its own.

The database records the office's key id (``office_key_id`` among the local parameters, never
synced) when keys are made or rotated, and when they are exported. It is how an import tells the
office's own keys from another office's, and how a server computer without keys knows not to make
a pair of its own: keys made there would sign bundles no commune knows (``office_keys``)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..db import Database, Session
from ..db.models import AuditEntry, LocalParameter
from ..db.models.sync import SyncExport, SyncPeer
from ..domain.errors import DomainError, StateError
from ..sync import key_file as kf
from ..sync import keys as k
from . import access as roles
from .access import Access
from .office import OfficeService, OfficeView

if TYPE_CHECKING:
    from .sync import SyncService

log = logging.getLogger("thidua")

OFFICE_KEY_PARAM = "office_key_id"


@dataclass(frozen=True)
class KeyStatus:
    """What the Đồng bộ screen says about this computer's keys."""

    server: bool  # the office's database is shared (PostgreSQL): keys may live on another computer
    has_keys: bool  # this computer holds a key store
    needs_import: bool  # a server computer that must load the keys from the one holding them


@dataclass(frozen=True)
class KeysExported:
    path: Path
    fingerprint: str
    count: int  # the current keys and the retired ones


@dataclass(frozen=True)
class KeysImported:
    fingerprint: str
    count: int
    outcome: str  # "stored" | "updated" (newer keys of the same office) | "unchanged" (already held)


def recorded_key_id(db: Database) -> str:
    with db.reader() as session:
        row = session.get(LocalParameter, OFFICE_KEY_PARAM)
        value = row.value.get("value") if row is not None and isinstance(row.value, dict) else None
    return value if isinstance(value, str) else ""


def record_key_id(db: Database, actor: str, key_id: str) -> None:
    """The office's current key id, in the database (audited as every local parameter is)."""
    with db.transaction(actor) as session:
        _record(session, actor, key_id)


def office_keys(db: Database, actor: str, store: k.KeyStore) -> k.OfficeKeys:
    """This office's keys, made on first use (SyncService.ensure_keys). On a server office a
    computer without keys makes none when the office has keys already (recorded, or communes
    enrolled before the record existed): KEY_TRANSFER_NEEDED; and keys the office has since
    rotated on another computer are refused, KEY_TRANSFER_STALE (keys this computer rotated itself
    whose record did not reach the database are recorded now). A commune (one computer) keeps the
    behaviour it always had."""
    recorded = recorded_key_id(db)
    if store.exists():
        keys = store.load()
        if not db.is_sqlite and recorded and keys.key_id != recorded:
            if any(retired.keys.key_id == recorded for retired in store.previous()):
                # This computer rotated the keys and the record of it failed (the rotation writes
                # the key file, then the database): the keys held here are the office's newest.
                record_key_id(db, actor, keys.key_id)
                return keys
            raise StateError("KEY_TRANSFER_STALE", field="keys", held=keys.fingerprint)
        return keys
    if not db.is_sqlite and (recorded or _has_exchanged(db)):
        raise StateError("KEY_TRANSFER_NEEDED", field="keys")
    keys = store.create()
    record_key_id(db, actor, keys.key_id)
    return keys


def _has_exchanged(db: Database) -> bool:
    with db.reader() as session:
        return session.query(SyncPeer.unit_code).first() is not None or \
            session.query(SyncExport.bundle_id).first() is not None


class KeyTransfer:
    """Export and import of the office key file. Both are an administrator's (services/access.py
    ADMIN) and both are written to the audit log under the account, without any key material."""

    def __init__(self, db: Database, actor: str, access: Access, store: k.KeyStore) -> None:
        self.db, self.actor, self.access, self.store = db, actor, access, store

    @classmethod
    def of(cls, sync: SyncService) -> KeyTransfer:
        """The transfer for a ``SyncService`` (its database, account and this computer's key store)."""
        return cls(sync.db, sync.actor, sync.access, sync.keystore)

    def status(self) -> KeyStatus:
        has = self.store.exists()
        server = not self.db.is_sqlite
        needs = server and not has and bool(recorded_key_id(self.db) or _has_exchanged(self.db))
        return KeyStatus(server, has, needs)

    def export(self, out: Path, passphrase: str, *, overwrite: bool = False) -> KeysExported:
        """Write this computer's keys (current and retired) to ``out``, protected by ``passphrase``.
        Refusals: the role, KEY_FILE_PASSPHRASE_TOO_SHORT, KEY_TRANSFER_NEEDED (a server computer
        without keys), KEY_TRANSFER_STALE (keys the office replaced elsewhere), KEY_FILE_EXISTS."""
        self.access.require(roles.ADMIN)
        passphrase = kf.checked_passphrase(passphrase)  # refused before anything is read or written
        current = office_keys(self.db, self.actor, self.store)  # as an export of a bundle would find them
        retired = self.store.previous()
        if out.exists() and not overwrite:
            raise DomainError("KEY_FILE_EXISTS", field="out", value=str(out))
        office = self._office()
        data = kf.key_file_bytes(current, retired, office.unit_code, office.unit_name, passphrase)
        try:
            k.write_private_file(out, data, overwrite=overwrite)
        except OSError as exc:
            raise DomainError("OUTPUT_UNWRITABLE", field="out", value=str(out)) from exc
        with self.db.transaction(self.actor) as session:
            _record(session, self.actor, current.key_id)  # on a commune's one computer its store is the truth
            session.add(AuditEntry(actor=self.actor, action="export", table_name="office_keys", row_id=current.key_id,
                                   new_values={"file": out.name, "keys": 1 + len(retired)}))
        log.info("office keys exported: key_id=%s keys=%d", current.key_id, 1 + len(retired))
        return KeysExported(out, current.fingerprint, 1 + len(retired))

    def preview(self, path: Path) -> kf.KeyFileHeader:
        """Whose keys a file says it holds (no passphrase needed), checked as ``load`` checks them."""
        header = kf.read_header(kf.read_key_file(path), path.name)
        self._check_office(header, path.name)
        return header

    def load(self, path: Path, passphrase: str | None) -> KeysImported:
        """Store the keys of ``path`` on this computer. Refusals: the role, the file's own
        (KEY_FILE_INVALID, _TOO_NEW, _PASSPHRASE_REQUIRED, _PASSPHRASE_WRONG), another office's
        keys (KEY_FILE_OTHER_OFFICE, KEY_FILE_NOT_CURRENT, KEY_TRANSFER_NOT_RECORDED) and other
        keys already held here (KEY_TRANSFER_DIFFERENT_KEYS). Keys already held: "unchanged"."""
        self.access.require(roles.ADMIN)
        name = path.name
        data = kf.read_key_file(path)
        self._check_office(kf.read_header(data, name), name)  # before the passphrase is tried
        opened = kf.open_key_file(data, name, passphrase)
        incoming = opened.key_ids
        if self.store.exists():
            held = self.store.all_keys()
            held_ids = [keys.key_id for keys in held]
            if held_ids == incoming:
                self._audit("import_same", opened, name)
                return KeysImported(opened.current.fingerprint, len(incoming), "unchanged")
            # Keys this computer had before the office rotated them elsewhere: the file's retire them.
            if held_ids[0] not in incoming:
                raise StateError("KEY_TRANSFER_DIFFERENT_KEYS", field="file", file=name,
                                 held=held[0].fingerprint, fingerprint=opened.current.fingerprint)
            outcome = "updated"
        else:
            outcome = "stored"
        try:
            self.store.install(opened.current, opened.retired)
        except OSError as exc:
            raise DomainError("OUTPUT_UNWRITABLE", field="keys", value=str(self.store.path)) from exc
        self._audit("import", opened, name)
        log.info("office keys imported: key_id=%s keys=%d outcome=%s", opened.current.key_id, len(incoming), outcome)
        return KeysImported(opened.current.fingerprint, len(incoming), outcome)

    def _check_office(self, header: kf.KeyFileHeader, name: str) -> None:
        office = self._office()
        if header.office_code != office.unit_code:
            raise StateError("KEY_FILE_OTHER_OFFICE", field="file", file=name, office_code=header.office_code,
                             office_name=header.office_name, fingerprint=header.fingerprint)
        recorded = recorded_key_id(self.db)
        if not recorded:
            raise StateError("KEY_TRANSFER_NOT_RECORDED", field="file", file=name)
        if header.key_id != recorded:
            raise StateError("KEY_FILE_NOT_CURRENT", field="file", file=name, fingerprint=header.fingerprint)

    def _audit(self, action: str, opened: kf.OfficeKeyFile, name: str) -> None:
        key_id, count = opened.current.key_id, len(opened.key_ids)
        with self.db.transaction(self.actor) as session:
            session.add(AuditEntry(actor=self.actor, action=action, table_name="office_keys", row_id=key_id,
                                   new_values={"file": name, "keys": count}))

    def _office(self) -> OfficeView:
        return OfficeService(self.db, self.actor).office()


def _record(session: Session, actor: str, key_id: str) -> None:
    row = session.get(LocalParameter, OFFICE_KEY_PARAM)
    if row is None:
        session.add(LocalParameter(key=OFFICE_KEY_PARAM, value={"value": key_id}, changed_by=actor))
    elif row.value != {"value": key_id}:
        row.value, row.changed_by = {"value": key_id}, actor
