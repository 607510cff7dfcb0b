"""USB sync between a commune and its province: keys and enrolment, bundle export and import.

The checks on a bundle run before anything is decrypted or written; the rows are then applied in
one transaction together with the import-history row, so a killed import leaves nothing behind and
a replay is recognised. See docs/sync-format.md."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..config import AppPaths, resolve_key_folder
from ..db import Session
from ..db.migrate import head_revision
from ..db.models import AdminUnit, Office
from ..db.models.sync import SecurityEvent, SyncExport, SyncImport, SyncPeer, WaitingBundle
from ..db.repositories import sync_rows
from ..db.repositories.sync_rows import synced_models
from ..domain.enums import Role
from ..domain.errors import DomainError, StateError
from ..sync import keys as k
from ..sync import safe_json
from ..sync.container import MAX_BUNDLE_BYTES, BundleWriter, bundle_file_name, inspect_bundle, open_bundle
from . import catalog_store, template_store
from .attachments import AttachmentStore
from .base import ServiceBase
from .office import OfficeService
from .reviews import ReviewService
from .sync_exchange import Payload, SyncExchange, forget_keys, payload_from_manifest, read_records
from .sync_waiting import Confirmation, WaitingBundles, WaitingView

SCHEMA_VERSION = int(head_revision())
_TAMPER = {"BUNDLE_CORRUPT", "BUNDLE_TRUNCATED", "BUNDLE_SIGNATURE_INVALID", "BUNDLE_UNSAFE_ENTRY",
           "BUNDLE_TOO_LARGE", "BUNDLE_SENDER_UNKNOWN", "BUNDLE_SENDER_REVOKED", "BUNDLE_NOT_A_BUNDLE",
           "RECOVERY_SENDER_NOT_PROVINCE"}


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


@dataclass
class ExportResult:
    files: list[Path] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def nothing_new(self) -> bool:
        return not self.files


class SyncService(ServiceBase):
    def __init__(self, *args: Any, paths: AppPaths, on_catalog_change: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.paths = paths
        self.on_catalog_change = on_catalog_change
        self.exchange = SyncExchange(*args, **kwargs)
        self.store = AttachmentStore(paths.attachments_dir)
        self.waiting = WaitingBundles(*args, data_dir=paths.data_dir, **kwargs)

    # Keys and enrolment ------------------------------------------------------------------
    @property
    def keystore(self) -> k.KeyStore:
        return k.KeyStore(self.paths.keys_dir, resolve_key_folder())

    def ensure_keys(self) -> k.OfficeKeys:
        return self.keystore.load() if self.keystore.exists() else self.keystore.create()

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
        try:
            return k.protect_recovery_file(path, passphrase, old_passphrase)
        except OSError as exc:
            raise DomainError("OUTPUT_UNWRITABLE", field="out", value=str(path)) from exc

    def export_enrollment(self, commune_code: str, out: Path) -> str:
        """Province: an enrolment file for one commune; the commune is then expected to send bundles."""
        office = OfficeService(self.db, self.actor).office()
        if office.role != Role.PROVINCE.value:
            raise StateError("ENROLL_PROVINCE_ONLY", field="role")
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

    def revoke_peer(self, unit_code: str) -> None:
        """Refuse the office's bundles from now on and forget its keys and waiting bundles: if it
        enrols again, its next key is checked by fingerprint like a first one."""
        with self.db.transaction(self.actor) as session:
            peer = session.get(SyncPeer, unit_code)
            if peer is None:
                raise DomainError("PEER_UNKNOWN", field="unit_code", value=unit_code)
            peer.status, peer.revoked_at = "revoked", datetime.now()
            forget_keys(peer)
            rows = session.query(WaitingBundle).filter(WaitingBundle.peer_code == unit_code).all()
            files = self.waiting.discard(session, rows, "BUNDLE_PEER_REVOKED")
        self.waiting.remove_files(files)

    def rotate_keys(self) -> str:
        return self.keystore.rotate().fingerprint

    def recover(self, unit_code: str, out: Path) -> Any:
        """Province: a bundle that rebuilds a lost commune from this office's copy (sync_recovery.py)."""
        from .sync_recovery import write_recovery

        return write_recovery(self, unit_code, out)

    # Export ------------------------------------------------------------------------------
    def export(self, out: Path, to: str | None = None, limit: int = MAX_BUNDLE_BYTES,
               even_if_empty: bool = False) -> ExportResult:
        """Everything the peer has not acknowledged, as one bundle, or several parts when the data
        would pass ``limit`` (about 1 GiB: cheap sticks and FAT32 stay happy). Parts cover
        consecutive version ranges, so the peer applies them in any order without losing a row.
        ``even_if_empty``: write a bundle with nothing new too (a new install's first bundle brings
        the province its keys, which a recovery bundle is then sealed for)."""
        office = OfficeService(self.db, self.actor).office()
        self._refuse_trial()
        peer = self._target(office.role, to)
        payload = self.exchange.build_payload(peer.unit_code)
        result = ExportResult(counts=payload.counts)
        # Nothing to send unless there are rows, or acknowledgements the peer has not had yet
        # (without them the peer would keep resending what we already hold).
        if payload.empty and payload.acks == {str(e): int(v) for e, v in (peer.sent_acks or {}).items()} \
                and not even_if_empty:
            return result
        if not peer.box_key:
            raise DomainError("PEER_NO_KEYS_YET", field="to", value=peer.unit_code)
        recovery = self._param("recovery_public")
        if not recovery:
            raise StateError("RECOVERY_KEY_MISSING", field="recovery")
        if out.suffix.lower() != ".tdsync":  # a folder, e.g. the root of the USB stick
            out.mkdir(parents=True, exist_ok=True)
        seq = peer.next_seq
        for part in self._parts(payload, limit):
            if out.suffix.lower() == ".tdsync":  # a file name was given: later parts get a suffix
                target = out if not result.files else out.with_name(f"{out.stem}-{seq}{out.suffix}")
            else:
                target = out / bundle_file_name(office.unit_code, peer.unit_code, seq)
            try:
                bundle_id = self._write(target, office, peer, part, recovery, seq)
            except OSError as exc:  # a stick pulled out, full or read-only
                raise DomainError("EXPORT_TARGET_UNWRITABLE", field="out", value=str(target.parent)) from exc
            with self.db.transaction(self.actor) as session:
                row = session.get(SyncPeer, peer.unit_code)
                assert row is not None
                row.next_seq, row.last_sent_at = seq + 1, datetime.now()
                row.sent_acks = dict(payload.acks)
                row.sent_upto = {e: max(int(v), int((row.sent_upto or {}).get(e, 0)))
                                 for e, v in {**(row.sent_upto or {}), **part.upto}.items()}
                session.add(SyncExport(bundle_id=bundle_id, peer_node_id=peer.node_id or "", seq=seq,
                                       file_name=target.name, counts=part.counts))
            result.files.append(target)
            seq += 1
        return result

    def _parts(self, payload: Payload, limit: int) -> list[Payload]:
        """Split by version order into parts of at most about ``limit`` bytes each."""
        rows = sorted(((t, r) for t, rs in payload.records.items() for r in rs),
                      key=lambda tr: (int(tr[1].get("origin_epoch") or 0), int(tr[1].get("version") or 0)))
        parts: list[Payload] = []
        since = dict(payload.since)
        current = Payload(payload.sender_code, payload.sender_node, payload.sender_epoch, payload.acks, dict(since))
        size = 0
        for table, row in rows:
            cost = len(json.dumps(row, ensure_ascii=False)) + 1
            if table == "attachments" and not row.get("deleted"):
                path = self.store.path_for(str(row["sha256"]))
                cost += path.stat().st_size if path.exists() else 0
            if size and size + cost > limit:
                parts.append(current)
                since = {**since, **current.upto}
                current = Payload(payload.sender_code, payload.sender_node, payload.sender_epoch, payload.acks,
                                  dict(since))
                size = 0
            current.records.setdefault(table, []).append(row)
            epoch = str(row.get("origin_epoch"))
            current.upto[epoch] = max(current.upto.get(epoch, 0), int(row.get("version") or 0))
            if table == "attachments" and not row.get("deleted"):
                current.attachments.append(str(row["sha256"]))
            size += cost
        # The last part also covers the rows this peer was not meant to get (another commune's).
        current.upto = {**current.upto, **{e: max(v, current.upto.get(e, 0)) for e, v in payload.upto.items()}}
        parts.append(current)
        return parts

    def _write(self, target: Path, office: Any, peer: SyncPeer, part: Payload, recovery: str, seq: int,
               extra: dict[str, Any] | None = None) -> str:
        sender = {"code": office.unit_code, "name": office.unit_name, "node_id": office.node_id, "epoch": office.epoch}
        recipient = {"code": peer.unit_code, "name": peer.unit_name, "node_id": peer.node_id or None}
        writer = BundleWriter(target, sender, recipient, self.ensure_keys(), bytes.fromhex(peer.box_key),
                              k.b64d(recovery, 32), SCHEMA_VERSION, part.counts, seq)
        manifest: dict[str, Any] = {"acks": part.acks, "since": part.since, "upto": part.upto,
                                    "attachments": sorted(set(part.attachments)), **(extra or {})}
        if office.role == Role.PROVINCE.value:  # the catalog and the administrative list travel down
            manifest["catalog"] = catalog_store.catalog_json(self.db)
            with self.db.reader() as session:
                manifest["admin_units"] = catalog_store.admin_units(session, office.province_code)
                templates = template_store.bundle_entry(session)
                if templates:  # the province's document wording, as it travels with the catalog
                    manifest["templates"] = templates
        with writer:
            writer.add_manifest(manifest)
            for sha in sorted(set(part.attachments)):  # files before the rows that point at them
                path = self.store.path_for(sha)
                if path.exists():
                    writer.add_file(f"attachments/{sha}", path)
            for table in (m.__tablename__ for m in synced_models()):
                rows = part.records.get(table)
                if rows:
                    writer.add_lines(f"records/{table}.jsonl",
                                     (json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows))
        return writer.bundle_id

    def _target(self, role: str, to: str | None) -> SyncPeer:
        if role == Role.PROVINCE.value and not to:
            raise DomainError("EXPORT_NEEDS_RECIPIENT", field="to")
        with self.db.reader() as session:
            peers = session.query(SyncPeer).all()
            if to:
                chosen = next((p for p in peers if p.unit_code == to), None)
            else:
                chosen = next((p for p in peers if p.role == Role.PROVINCE.value), None)
            if chosen is None:
                raise DomainError("PEER_UNKNOWN", field="to", value=to or "")
            if chosen.status == "revoked":
                raise DomainError("PEER_REVOKED", field="to", value=chosen.unit_code)
            session.expunge(chosen)
            return chosen

    # Import ------------------------------------------------------------------------------
    def inspect(self, path: Path) -> dict[str, Any]:
        header = inspect_bundle(path, verify_hash=True)
        return {**header.to_dict(), "intact": True}

    def import_bundle(self, path: Path, name: str | None = None) -> dict[str, Any]:
        """Import a bundle; ``name`` is the file name to record (a waiting bundle's original one)."""
        try:
            return self._import(path, name or path.name)
        except DomainError as exc:
            if exc.code in _TAMPER:
                self._security(exc.code, path, exc.params)
            raise

    def _import(self, path: Path, name: str) -> dict[str, Any]:
        office = OfficeService(self.db, self.actor).office()
        self._refuse_trial()
        header = inspect_bundle(path, verify_hash=True)
        sender = header.sender
        if header.recipient.code != office.unit_code:
            raise DomainError("BUNDLE_WRONG_RECIPIENT", field="file", file=path.name,
                              intended_code=header.recipient.code, intended_name=header.recipient.name)
        with self.db.reader() as session:
            peer = session.get(SyncPeer, sender.code)
            done = session.get(SyncImport, header.bundle_id)
            if done is not None:
                raise DomainError("BUNDLE_ALREADY_IMPORTED", field="file", file=path.name,
                                  imported_on=done.imported_at.strftime("%d/%m/%Y %H:%M"))
            if peer is None:
                raise DomainError("BUNDLE_SENDER_UNKNOWN", field="file", file=path.name, sender_code=sender.code,
                                  sender_name=sender.name)
            if peer.status == "revoked":
                raise DomainError("BUNDLE_SENDER_REVOKED", field="file", file=path.name, sender_code=sender.code,
                                  sender_name=sender.name)
            pinned = [bytes.fromhex(x) for x in (peer.sign_key, peer.previous_sign_key) if x]
        if header.schema_version > SCHEMA_VERSION:  # "update the app", before a first bundle is kept waiting
            raise DomainError("BUNDLE_SCHEMA_TOO_NEW", field="file", file=path.name, version=header.schema_version,
                              supported=SCHEMA_VERSION, app_version=header.app_version)
        if not pinned:
            # Not trusted on first use: whoever holds the enrolment file can make this bundle. It
            # waits until the officer confirms the fingerprint the commune reads over the phone.
            held = self.waiting.hold(path, header)
            raise DomainError("BUNDLE_WAITS_FOR_FINGERPRINT", field="file", file=path.name, sender_code=sender.code,
                              sender_name=sender.name, fingerprint=held.fingerprint)
        sign_keys = pinned
        # A rotated key is accepted when the old, pinned key endorsed it.
        rotated = bool(pinned) and sender.sign_key not in pinned and bool(sender.endorsement) and any(
            k.check_endorsement(sender.public, sender.endorsement, old) for old in pinned)
        if rotated:
            sign_keys = [sender.sign_key]
        payload, staged = self._read(path, office.unit_code, sign_keys)
        rebuild = self._recovery  # a recovery bundle, checked in _read before any entry was read
        report = self.exchange.apply_payload(
            payload, header.bundle_id, has_attachment=lambda sha: sha in staged or self.store.path_for(sha).exists(),
            within=lambda session, rep: self._bookkeep(session, header, Path(name), rep, rotated, rebuild),
            prepare=rebuild.prepare if rebuild is not None else None)
        self.waiting.remove_files([self.waiting.path_of(f"{header.bundle_id}.tdsync")])  # applied: no copy waits
        if office.role == Role.PROVINCE.value:
            ReviewService(self.db, self.actor).acknowledge_received(sender.node_id)
        if report.catalog and not report.catalog.startswith("refused") and self.on_catalog_change:
            self.on_catalog_change()
        result = {"bundle_id": header.bundle_id, "sender": sender.code, **report.as_dict()}
        return {**result, "recovery": rebuild.summary} if rebuild is not None else result

    def _read(self, path: Path, my_code: str, sign_keys: list[bytes]) -> tuple[Payload, set[str]]:
        staged: set[str] = set()
        self._pushed: dict[str, Any] = {}
        self._recovery: Any = None
        reader = open_bundle(path, self.keystore.all_keys(), sign_keys, my_code, max_schema_version=SCHEMA_VERSION)
        with reader:
            manifest = reader.manifest
            header = reader.header
            payload = payload_from_manifest(header, manifest)  # BUNDLE_CORRUPT for a manifest of the wrong shape
            self._pushed = {key: manifest[key] for key in ("catalog", "admin_units", "templates") if key in manifest}
            if "recovery" in manifest:  # refused here (wrong sender, office not empty) before any entry is read
                from .sync_recovery import RecoveryImport

                self._recovery = RecoveryImport.check(self, header, manifest)
            for entry in reader.entries():
                if entry.kind == "records":
                    read_records(entry.table, entry.lines(), payload)  # a line that is not JSON is quarantined
                elif entry.kind == "attachment":
                    self._stage_attachment(entry)
                    staged.add(entry.sha256)
            reader.finish()  # end-of-stream and hash checks: any failure means nothing is applied
        return payload, staged

    def _stage_attachment(self, entry: Any) -> None:
        """Stream a file into the content store; its name must be the SHA-256 of its content."""
        target = self.store.path_for(entry.sha256)
        if target.exists():
            entry.skip()
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        import hashlib

        digest = hashlib.sha256()
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as fh:
                for chunk in entry.chunks():
                    digest.update(chunk)
                    fh.write(chunk)
                fh.flush()
                os.fsync(fh.fileno())
            if digest.hexdigest() != entry.sha256:
                raise DomainError("BUNDLE_CORRUPT", field="file", file=entry.name, reason="attachment hash")
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    def _bookkeep(self, session: Session, header: Any, path: Path, report: Any, first_keys: bool,
                  rebuild: Any = None) -> None:
        done = session.get(SyncImport, header.bundle_id)
        if done is not None:  # imported by another window or command while this one waited: roll back
            raise DomainError("BUNDLE_ALREADY_IMPORTED", field="file", file=path.name,
                              imported_on=done.imported_at.strftime("%d/%m/%Y %H:%M"))
        peer = session.get(SyncPeer, header.sender.code)
        assert peer is not None
        waited = session.get(WaitingBundle, header.bundle_id)
        if waited is not None:  # applied after the fingerprint check: it waits no more
            session.delete(waited)
        if first_keys:
            public = header.sender.public
            if peer.sign_key and peer.sign_key != public.sign_key.hex():
                peer.previous_sign_key = peer.sign_key  # bundles signed before the rotation still verify
            peer.sign_key, peer.box_key = public.sign_key.hex(), public.box_key.hex()
            peer.key_id, peer.fingerprint = public.key_id, public.fingerprint
        pushed = self._pushed
        if peer.role == Role.PROVINCE.value and pushed:
            # Only the province sets catalogs and administrative lists; a bad catalog is reported, not fatal.
            office = session.get(Office, 1)
            if "admin_units" in pushed and office is not None:
                catalog_store.merge_admin_units(session, office.province_code, pushed["admin_units"],
                                                f"gói đồng bộ của {header.sender.code}")
            if "catalog" in pushed:
                try:
                    version = catalog_store.adopt(session, pushed["catalog"], self.actor)
                except DomainError as exc:
                    report.catalog = f"refused: {exc.code}"
                else:
                    report.catalog = version or ""
            if "templates" in pushed:
                try:
                    revision = template_store.adopt(session, pushed["templates"], self.actor)
                except DomainError as exc:
                    report.templates = f"refused: {exc.code}"
                else:
                    report.templates = str(revision or "")
        kept = {**report.as_dict(), "seq": header.seq, "created_at": header.created_at}  # a recovery report names them
        if rebuild is not None:
            kept["recovery"] = rebuild.finish(session)
        session.add(SyncImport(bundle_id=header.bundle_id, peer_node_id=header.sender.node_id, file_name=path.name,
                               report=kept))

    def _security(self, code: str, path: Path, params: dict[str, Any]) -> None:
        detail = ", ".join(f"{key}={value}" for key, value in params.items() if key in {"sender_code", "reason"})
        with self.db.transaction(self.actor) as session:
            # A Core insert, not the ORM: a refusal changes nothing, so it gets no audit_log entry.
            sync_rows.log_security_event(session, code, path.name, detail)

    def security_events(self, limit: int = 100) -> list[dict[str, Any]]:
        with self.db.reader() as session:
            rows = session.query(SecurityEvent).order_by(SecurityEvent.id.desc()).limit(limit).all()
            return [{"at": r.at, "kind": r.kind, "file": r.file_name, "detail": r.detail} for r in rows]

    # Status ------------------------------------------------------------------------------
    def history(self) -> dict[str, list[dict[str, Any]]]:
        with self.db.reader() as session:
            exports = [{"file": e.file_name, "at": e.created_at, "counts": e.counts}
                       for e in session.query(SyncExport).order_by(SyncExport.id.desc()).limit(100)]
            imports = [{"file": i.file_name, "at": i.imported_at, "report": i.report}
                       for i in session.query(SyncImport).order_by(SyncImport.imported_at.desc()).limit(100)]
            return {"exports": exports, "imports": imports}

    def status(self) -> dict[str, Any]:
        """For the status bar: changes not yet sent, changes awaiting the peer's confirmation, and
        the last exchange with the other office(s)."""
        from .sync_views import SyncViews

        status = SyncViews(self.db, self.actor).status()
        return {"unsent": status.unsent, "awaiting": status.awaiting, "last_sent": status.last_sent,
                "last_received": status.last_received}


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
