"""Keys, recovery key and enrolment for ``SyncService`` (services/sync.py), kept apart so that
module stays within the size limit. ``SyncService`` inherits ``EnrollmentMixin``; callers keep
importing everything from ``services.sync``, which re-exports the names defined here."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import AppPaths, resolve_key_folder
from ..db import Database
from ..db.models import AdminUnit
from ..db.models.sync import SyncPeer, WaitingBundle
from ..domain.enums import Role
from ..domain.errors import DomainError, StateError
from ..sync import keys as k
from ..sync import safe_json
from . import access as roles
from .access import Access
from .changes import Change
from .key_transfer import office_keys, record_key_id
from .office import OfficeService
from .sync_exchange import SyncExchange, forget_keys
from .sync_waiting import Confirmation, WaitingBundles, WaitingView

ENROLLMENT_MAX_BYTES = 64 * 1024  # a real enrolment file is about 1 kB


@dataclass(frozen=True)
class EnrollmentPreview:
    """What an enrolment file says, shown before it is loaded so the officer can compare the
    province's fingerprint over the phone."""

    province_code: str
    province_name: str
    province_fingerprint: str
    commune_code: str
    commune_name: str
    created_at: str
    replaces_fingerprint: str  # the province key held until now, when the file brings another one


def read_small_file(path: Path, limit: int = ENROLLMENT_MAX_BYTES) -> bytes:
    """The bytes of a small file from outside (a USB stick); refuses a missing, unreadable or
    oversized file with a message naming it."""
    try:
        if not path.is_file():
            raise DomainError("FILE_NOT_FOUND", field="file", value=str(path))
        if path.stat().st_size > limit:
            raise DomainError("ENROLLMENT_INVALID", field="file", reason="too large")
        return path.read_bytes()
    except OSError as exc:
        raise DomainError("FILE_UNREADABLE", field="file", value=str(path)) from exc


def file_kind(path: Path) -> str:
    """"bundle", "enrollment" or "unknown", judged from the first bytes (never from the name: a
    file renamed by a mail program or a stick's file manager still opens the right way)."""
    from ..sync.container_format import MAGIC

    try:
        with path.open("rb") as fh:
            head = fh.read(len(MAGIC))
            if head == MAGIC:
                return "bundle"
            if path.stat().st_size <= ENROLLMENT_MAX_BYTES:
                envelope = safe_json.loads(head + fh.read(), max_bytes=ENROLLMENT_MAX_BYTES)
                if isinstance(envelope, dict) and envelope.get("kind") == k.ENROLLMENT_KIND:
                    return "enrollment"
    except (OSError, ValueError):
        pass
    return "unknown"


class EnrollmentMixin:
    """The office's own keys, the province's recovery key, enrolment files and the fingerprint
    check of a first bundle. Mixed into ``SyncService``, which sets the attributes below."""

    # Set by ServiceBase.__init__ and SyncService.__init__; declared so type checkers know them.
    db: Database
    actor: str
    access: Access  # only an admin exports keys or revokes a commune (services/access.py)
    paths: AppPaths
    exchange: SyncExchange
    waiting: WaitingBundles

    if TYPE_CHECKING:  # defined by SyncService (the import half); a confirmed waiting bundle goes through it
        def import_bundle(self, path: Path, name: str | None = None) -> dict[str, Any]: ...

    @property
    def keystore(self) -> k.KeyStore:
        return k.KeyStore(self.paths.keys_dir, resolve_key_folder())

    def ensure_keys(self) -> k.OfficeKeys:
        """Made on first use; a server computer without keys loads the office's (key_transfer.py)."""
        return office_keys(self.db, self.actor, self.keystore)

    def fingerprint(self) -> str:
        return self.ensure_keys().fingerprint

    def _param(self, key: str) -> Any:
        return OfficeService(self.db, self.actor).parameter(key)

    def create_recovery_key(self, out: Path, passphrase: str | None = None) -> str:
        """Province only: the recovery key pair; the private half goes to ``out`` for offline
        keeping, encrypted under ``passphrase`` when one is given (Argon2id, see sync/keys.py)."""
        office = OfficeService(self.db, self.actor).office()
        if office.role != Role.PROVINCE.value:
            raise StateError("RECOVERY_PROVINCE_ONLY", field="role")
        self.access.require(roles.ADMIN)
        if passphrase is not None:
            passphrase = k.checked_recovery_passphrase(passphrase)  # refused before anything is written
        if out.exists():
            raise DomainError("RECOVERY_FILE_EXISTS", field="out", value=str(out))
        recovery = k.generate_recovery()
        try:
            recovery.export_recovery_private(out, passphrase)
        except OSError as exc:
            raise DomainError("OUTPUT_UNWRITABLE", field="out", value=str(out)) from exc
        OfficeService(self.db, self.actor).set_parameter("recovery_public", k.b64e(recovery.public_key))
        return recovery.fingerprint

    def has_recovery_key(self) -> bool:
        """Whether the recovery key's public half is known (made here, or from the enrolment file)."""
        return bool(self._param("recovery_public"))

    def check_recovery_key(self, path: Path, passphrase: str | None = None) -> tuple[str, bool]:
        """Open a recovery key file (asking nothing: RECOVERY_PASSPHRASE_REQUIRED when it is
        protected and no passphrase came); returns its fingerprint and whether it is the one this
        province's enrolment files carry."""
        keys = k.load_recovery_private(path, passphrase)
        held = self._param("recovery_public")
        return keys.fingerprint, bool(held) and k.b64d(held, 32) == keys.public_key

    def protect_recovery_key(self, path: Path, passphrase: str, old_passphrase: str | None = None) -> str:
        """Put a passphrase on an existing recovery key file, or change it, in place."""
        self.access.require(roles.ADMIN)
        try:
            return k.protect_recovery_file(path, passphrase, old_passphrase)
        except OSError as exc:
            raise DomainError("OUTPUT_UNWRITABLE", field="out", value=str(path)) from exc

    def export_enrollment(self, commune_code: str, out: Path) -> str:
        """Province: an enrolment file for one commune; the commune is then expected to send bundles."""
        office = OfficeService(self.db, self.actor).office()
        if office.role != Role.PROVINCE.value:
            raise StateError("ENROLL_PROVINCE_ONLY", field="role")
        self.access.require(roles.ADMIN)
        units = dict(OfficeService(self.db, self.actor).admin_units())
        if commune_code not in units or len(commune_code) != 5:
            raise DomainError("UNIT_CODE_UNKNOWN", field="unit_code", value=commune_code)
        recovery = self._param("recovery_public")
        if not recovery:
            raise StateError("RECOVERY_KEY_MISSING", field="recovery")
        data = k.make_enrollment(self.ensure_keys(), office.unit_code, office.unit_name, commune_code,
                                 units[commune_code], k.b64d(recovery, 32))
        _atomic_write(out, data)
        self.exchange.add_peer(commune_code, units[commune_code], Role.COMMUNE.value, status="pending")
        return str(out)

    def is_trial(self) -> bool:
        return bool(self._param("trial_office"))

    def _refuse_trial(self) -> None:
        """A trial office holds demo data: it must never reach the province."""
        if self.is_trial():
            raise StateError("SYNC_TRIAL_OFFICE", field="role")

    def preview_enrollment(self, path: Path, unit_code: str | None = None) -> EnrollmentPreview:
        """Read and check an enrolment file without loading it. ``unit_code`` defaults to this
        office's code; before setup (no office yet) the file itself says which commune it is for."""
        data = read_small_file(path)
        office_service = OfficeService(self.db, self.actor)
        if unit_code is None and office_service.is_initialised():
            unit_code = office_service.office().unit_code
        enrollment = self.read_enrollment(data, unit_code)
        held = ""
        if office_service.is_initialised():
            with self.db.reader() as session:
                peer = session.get(SyncPeer, enrollment.province_code)
                if peer is not None and peer.fingerprint and peer.fingerprint != enrollment.province_fingerprint:
                    held = peer.fingerprint
        return EnrollmentPreview(enrollment.province_code, enrollment.province_name, enrollment.province_fingerprint,
                                 enrollment.commune_code, enrollment.commune_name, enrollment.created_at, held)

    def load_enrollment(self, path: Path) -> str:
        """Commune: load the enrolment file the province issued (from a USB stick); returns the
        province's fingerprint."""
        return self.accept_enrollment(read_small_file(path))

    def accept_enrollment(self, data: bytes) -> str:
        """Commune: trust the province's keys from the file it handed over; returns the fingerprint
        the officer compares with the province over the phone."""
        office = OfficeService(self.db, self.actor).office()
        if office.role != Role.COMMUNE.value:
            raise StateError("ENROLLMENT_COMMUNE_ONLY", field="role")
        self._refuse_trial()
        enrollment = self.read_enrollment(data, office.unit_code)
        keys = enrollment.province_keys
        self.exchange.add_peer(enrollment.province_code, enrollment.province_name, Role.PROVINCE.value,
                               sign_key=keys.sign_key.hex(), box_key=keys.box_key.hex(), key_id=keys.key_id,
                               fingerprint=keys.fingerprint, status="confirmed")
        OfficeService(self.db, self.actor).set_parameter("recovery_public", k.b64e(enrollment.recovery_public))
        self.ensure_keys()
        return keys.fingerprint

    def read_enrollment(self, data: bytes, unit_code: str | None) -> k.Enrollment:
        """``keys.read_enrollment`` (signature, format, code shapes), then both unit codes checked
        against the administrative list: a real province, and a commune or ward of that province."""
        enrollment = k.read_enrollment(data, unit_code)
        from ..db.repositories.admin_units import find_unit

        with self.db.reader() as session:
            rows = {u.code: u.province_code for u in session.query(AdminUnit).filter(
                AdminUnit.code.in_([enrollment.province_code, enrollment.commune_code]))}

        def province_of(code: str) -> str | None:
            unit = find_unit(code) if code not in rows else None
            return rows.get(code) or (unit[3] if unit else None)

        if province_of(enrollment.province_code) != enrollment.province_code or \
                province_of(enrollment.commune_code) != enrollment.province_code:
            raise DomainError("ENROLLMENT_INVALID", reason="unknown unit code")
        return enrollment

    def confirm_peer(self, unit_code: str, fingerprint: str) -> Confirmation:
        """Province: the commune read ``fingerprint`` over the phone. Pins the key of the bundles
        that waited with that fingerprint and applies them in order; bundles signed by another key
        are discarded. PEER_FINGERPRINT_MISMATCH (nothing changes) when no waiting bundle, and no
        key already pinned, carries that fingerprint."""
        return self.waiting.confirm(unit_code, fingerprint, self._apply_waiting)

    def _apply_waiting(self, path: Path, name: str) -> dict[str, Any]:
        return self.import_bundle(path, name=name)

    def reject_waiting(self, unit_code: str) -> int:
        """Province: the fingerprints did not match; the waiting bundles are discarded."""
        return self.waiting.reject(unit_code)

    def waiting_bundles(self, unit_code: str | None = None) -> list[WaitingView]:
        return self.waiting.list(unit_code)

    def revoke_peer(self, unit_code: str) -> Change:
        """Refuse the office's bundles from now on and forget its keys and waiting bundles: if it
        enrols again, its next key is checked by fingerprint like a first one."""
        self.access.require(roles.ADMIN)
        with self.db.transaction(self.actor) as session:
            peer = session.get(SyncPeer, unit_code)
            if peer is None:
                raise DomainError("PEER_UNKNOWN", field="unit_code", value=unit_code)
            peer.status, peer.revoked_at = "revoked", datetime.now()
            forget_keys(peer)
            rows = session.query(WaitingBundle).filter(WaitingBundle.peer_code == unit_code).all()
            files = self.waiting.discard(session, rows, "BUNDLE_PEER_REVOKED")
        self.waiting.remove_files(files)
        return Change.SYNC

    def rotate_keys(self) -> str:
        self.access.require(roles.ADMIN)
        if self.keystore.exists():  # a server computer holding keys the office replaced elsewhere rotates nothing
            self.ensure_keys()
        keys = self.keystore.rotate()
        record_key_id(self.db, self.actor, keys.key_id)  # the other computers load the new keys
        return keys.fingerprint


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
