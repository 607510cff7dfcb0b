"""USB sync between a commune and its province: keys and enrolment (sync_enrollment.py), bundle
export and import.

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

from ..config import AppPaths
from ..db import Session
from ..db.migrate import head_revision
from ..db.models import Office
from ..db.models.sync import SecurityEvent, SyncExport, SyncImport, SyncPeer, WaitingBundle
from ..db.repositories import sync_rows
from ..db.repositories.sync_rows import synced_models
from ..domain.enums import Role
from ..domain.errors import DomainError, StateError
from ..sync import keys as k
from ..sync.container import MAX_BUNDLE_BYTES, BundleWriter, bundle_file_name, inspect_bundle, open_bundle
from . import catalog_store, template_store
from .attachments import AttachmentStore
from .base import ServiceBase
from .office import OfficeService
from .reviews import mark_received
from .staging import install_attachments, staging_folder
from .sync_enrollment import (  # re-exported: the UI and tests import these from services.sync
    ENROLLMENT_MAX_BYTES,
    EnrollmentMixin,
    EnrollmentPreview,
    file_kind,
    read_small_file,
)
from .sync_exchange import Payload, SyncExchange, parsed_lines, payload_from_manifest
from .sync_waiting import WaitingBundles

__all__ = ["ENROLLMENT_MAX_BYTES", "SCHEMA_VERSION", "EnrollmentPreview", "ExportResult", "SyncService",
           "file_kind", "read_small_file"]

SCHEMA_VERSION = int(head_revision())
_TAMPER = {"BUNDLE_CORRUPT", "BUNDLE_TRUNCATED", "BUNDLE_SIGNATURE_INVALID", "BUNDLE_UNSAFE_ENTRY",
           "BUNDLE_TOO_LARGE", "BUNDLE_SENDER_UNKNOWN", "BUNDLE_SENDER_REVOKED", "BUNDLE_NOT_A_BUNDLE",
           "RECOVERY_SENDER_NOT_PROVINCE"}


@dataclass
class ExportResult:
    files: list[Path] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def nothing_new(self) -> bool:
        return not self.files


class SyncService(EnrollmentMixin, ServiceBase):
    """Bundle export and import; keys, recovery key and enrolment come from ``EnrollmentMixin``."""

    def __init__(self, *args: Any, paths: AppPaths, on_catalog_change: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.paths = paths
        self.on_catalog_change = on_catalog_change
        self.exchange = SyncExchange(*args, **kwargs)
        self.store = AttachmentStore(paths.attachments_dir, self.db)  # a server office's files are in its database
        self.waiting = WaitingBundles(*args, data_dir=paths.data_dir, **kwargs)

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
        # The bundle is read as it is applied, table by table, in the import's one transaction:
        # nothing is committed before the reader's end-of-stream and hash checks have passed, so a
        # bundle refused at a later entry leaves nothing behind. Attachments are staged beside the
        # store (they come before the rows that point at them) and move in only after those checks.
        if not self.db.is_sqlite and not self.keystore.exists():
            # A second computer of a server office: the advice is to load the office's keys from
            # the computer that has them (KEY_TRANSFER_NEEDED), not to enrol again.
            self.ensure_keys()
        with staging_folder(self.paths.data_dir, "bundle") as stage:
            reader = open_bundle(path, self.keystore.all_keys(), sign_keys, office.unit_code,
                                 max_schema_version=SCHEMA_VERSION)
            with reader:
                payload = self._open(reader)
                rebuild = self._recovery  # a recovery bundle, checked in _open before any entry was read
                staged: set[str] = set()
                report = self.exchange.apply_rows(
                    payload, header.bundle_id, lambda applier: self._feed(reader, applier, stage, staged),
                    has_attachment=lambda sha: sha in staged or self.store.holds(sha),
                    within=lambda session, rep: self._within_import(session, header, Path(name), rep, rotated,
                                                                    rebuild, office.role, sender.node_id),
                    prepare=rebuild.prepare if rebuild is not None else None)
        self.waiting.remove_files([self.waiting.path_of(f"{header.bundle_id}.tdsync")])  # applied: no copy waits
        if report.catalog and not report.catalog.startswith("refused") and self.on_catalog_change:
            self.on_catalog_change()
        result = {"bundle_id": header.bundle_id, "sender": sender.code, **report.as_dict()}
        return {**result, "recovery": rebuild.summary} if rebuild is not None else result

    def _within_import(self, session: Any, header: Any, name: Path, report: Any, rotated: bool, rebuild: Any,
                       role: str, sender_node: str) -> None:
        """The bookkeeping inside the import's transaction; at the province, the commune's newly
        submitted dossiers are marked received in the same transaction."""
        self._bookkeep(session, header, name, report, rotated, rebuild)
        if role == Role.PROVINCE.value:
            # The "received" reviews are the province's own rows: stamped as ours, not as the
            # sender's (the import's session applies remote rows unstamped until here).
            session.flush()
            session.info["applying_remote"] = False
            try:
                mark_received(session, sender_node)
                session.flush()
            finally:
                session.info["applying_remote"] = True

    def _open(self, reader: Any) -> Payload:
        """The bundle's sender and marks from its manifest (BUNDLE_CORRUPT for a manifest of the
        wrong shape); what the province pushes is kept for ``_bookkeep``; a recovery bundle is
        checked here (wrong sender, office not empty) before any entry is read."""
        self._pushed: dict[str, Any] = {}
        self._recovery: Any = None
        manifest = reader.manifest
        header = reader.header
        payload = payload_from_manifest(header, manifest)
        self._pushed = {key: manifest[key] for key in ("catalog", "admin_units", "templates") if key in manifest}
        if "recovery" in manifest:
            from .sync_recovery import RecoveryImport

            self._recovery = RecoveryImport.check(self, header, manifest)
        return payload

    def _feed(self, reader: Any, applier: Any, stage: Path, staged: set[str]) -> None:
        """Hand the bundle's entries to ``applier`` as they are decrypted, then check the end of
        the stream (any failure there rolls the whole import back) and move the staged files in."""
        for entry in reader.entries():
            # A records entry always has a table and an attachment a SHA-256 (both from its name).
            if entry.kind == "records" and entry.table is not None:
                applier.table(entry.table, parsed_lines(entry.table, entry.lines(), applier))
            elif entry.kind == "attachment" and entry.sha256 is not None:
                self._stage_attachment(entry, stage)
                staged.add(entry.sha256)
        reader.finish()  # end-of-stream and hash checks: any failure means nothing is applied
        install_attachments(stage, self.store.root)

    def _stage_attachment(self, entry: Any, stage: Path) -> None:
        """Stream a file into the staging folder; its name must be the SHA-256 of its content."""
        if self.store.holds(entry.sha256):
            entry.skip()
            # In use again (the rows naming it commit only when the import does): not pruned now.
            self.store.mark_in_use(entry.sha256)
            return
        target = stage / entry.sha256[:2] / entry.sha256
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
