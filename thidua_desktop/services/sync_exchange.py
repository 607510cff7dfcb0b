"""What travels between two offices, independent of the file format: the rows the peer has not
acknowledged, the acknowledgements, and applying what arrived in one transaction."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .. import checkpoints
from ..db.models import Attachment, Office, SyncPeer
from ..db.repositories import sync_rows
from ..db.repositories.sync_apply import BundleApplier
from ..domain.enums import Role
from ..domain.errors import DomainError, StateError
from ..sync import safe_json
from ..sync.container_format import UNIT_CODE, bundle_error
from .base import ServiceBase


@dataclass
class Payload:
    sender_code: str
    sender_node: str
    sender_epoch: int
    # What the sender has received from the recipient, {"<epoch>": highest version}.
    acks: dict[str, int]
    # The acknowledgement this payload was built on: rows above it are all included.
    since: dict[str, int]
    # The highest version of the sender's own rows this payload covers, per epoch: with ``since``
    # it states the exact range, so a receiver only moves its mark over ranges it holds entirely.
    upto: dict[str, int] = field(default_factory=dict)
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    attachments: list[str] = field(default_factory=list)
    # Lines that are not JSON at all, as (table, text, what is wrong): quarantined, never fatal.
    unreadable: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {table: len(rows) for table, rows in self.records.items() if rows}

    @property
    def empty(self) -> bool:
        return not any(self.records.values())


_EPOCH = re.compile(r"[0-9]{1,18}")  # fits SQLite's integers


def _marks(header: Any, manifest: dict[str, Any], key: str) -> dict[str, int]:
    """A manifest's {"<epoch>": version} map, checked: a signed bundle can still be nonsense."""
    value = manifest.get(key, {})
    if not isinstance(value, dict) or not all(
            isinstance(e, str) and _EPOCH.fullmatch(e) and type(v) is int and 0 <= v < 2 ** 63
            for e, v in value.items()):
        raise bundle_error("BUNDLE_CORRUPT", header.path, reason=f"manifest {key}")
    return dict(value)


def _admin_units_ok(units: Any) -> bool:
    return isinstance(units, list) and all(
        isinstance(u, list) and len(u) == 3 and all(isinstance(x, str) and 0 < len(x) <= 200 for x in u)
        and UNIT_CODE.fullmatch(u[0]) is not None and len(u[2]) <= 32 for u in units)


def payload_from_manifest(header: Any, manifest: dict[str, Any]) -> Payload:
    """An empty payload from a bundle's header and manifest; BUNDLE_CORRUPT when their fields are
    of the wrong shape (numbers that are not numbers, a unit list that is not a list …)."""
    epoch = header.sender.epoch
    if not (type(epoch) is int and 0 <= epoch < 2 ** 63) and not (isinstance(epoch, str) and _EPOCH.fullmatch(epoch)):
        raise bundle_error("BUNDLE_CORRUPT", header.path, reason="sender epoch")
    if "admin_units" in manifest and not _admin_units_ok(manifest["admin_units"]):
        raise bundle_error("BUNDLE_CORRUPT", header.path, reason="manifest admin_units")
    return Payload(header.sender.code, header.sender.node_id, int(epoch), acks=_marks(header, manifest, "acks"),
                   since=_marks(header, manifest, "since"), upto=_marks(header, manifest, "upto"))


def parsed_lines(table: str, lines: Iterable[str], applier: BundleApplier) -> Iterator[Any]:
    """A table's records from its JSON lines, one at a time; a line that is not JSON (or nested too
    deep) is quarantined as text with what is wrong, and the rest goes on."""
    for line in lines:
        if not line.strip():
            continue
        try:
            yield safe_json.loads(line)
        except safe_json.UnsafeJSON as exc:
            applier.raw(table, line, str(exc))


def forget_keys(peer: SyncPeer) -> None:
    """The peer's keys, pinned or rotated, are no longer trusted."""
    peer.sign_key = peer.previous_sign_key = peer.box_key = peer.key_id = peer.fingerprint = ""


def _max_merge(into: dict[str, int], other: dict[str, int]) -> dict[str, int]:
    merged = dict(into)
    for epoch, version in other.items():
        merged[str(epoch)] = max(int(merged.get(str(epoch), 0)), int(version))
    return merged


class SyncExchange(ServiceBase):
    def _office(self, session: Any) -> Office:
        office = session.get(Office, 1)
        if office is None:
            raise StateError("OFFICE_NOT_INITIALISED")
        return office

    def add_peer(self, unit_code: str, unit_name: str, role: str, node_id: str = "", sign_key: str = "",
                 box_key: str = "", key_id: str = "", fingerprint: str = "", status: str = "pending") -> None:
        """Record (or update the keys of) another office this one exchanges bundles with. An
        office enrolled again after it was revoked starts fresh: the keys it had are forgotten
        (they may be on a stolen laptop), so its next bundle waits for a new fingerprint check."""
        with self.db.transaction(self.actor) as session:
            peer = session.get(SyncPeer, unit_code)
            if peer is None:
                peer = SyncPeer(unit_code=unit_code, received={}, acked={}, next_seq=1)
                session.add(peer)
            elif peer.status == "revoked":
                forget_keys(peer)
                peer.enrolled_at, peer.confirmed_at, peer.revoked_at = datetime.now(), None, None
            peer.unit_name, peer.role, peer.node_id = unit_name, role, node_id or peer.node_id or ""
            peer.sign_key, peer.box_key = sign_key or peer.sign_key or "", box_key or peer.box_key or ""
            peer.key_id = key_id or peer.key_id or ""
            peer.fingerprint = fingerprint or peer.fingerprint or ""
            if not (status == "pending" and peer.status == "waiting"):  # a bundle still waits for the check
                peer.status = status

    def peer(self, unit_code: str) -> SyncPeer:
        with self.db.reader() as session:
            peer = session.get(SyncPeer, unit_code)
            if peer is None:
                raise DomainError("PEER_UNKNOWN", field="unit_code", value=unit_code)
            session.expunge(peer)
            return peer

    def build_payload(self, peer_code: str) -> Payload:
        """Everything the peer has not acknowledged (so a lost stick is covered by the next one)."""
        with self.db.reader() as session:
            office = self._office(session)
            peer = session.get(SyncPeer, peer_code)
            if peer is None:
                raise DomainError("PEER_UNKNOWN", field="unit_code", value=peer_code)
            acked = {str(k): int(v) for k, v in (peer.acked or {}).items()}
            payload = Payload(office.unit_code, office.node_id, office.epoch,
                              acks={str(k): int(v) for k, v in (peer.received or {}).items()}, since=acked)
            to_province = office.role == Role.COMMUNE.value
            for table, row in sync_rows.unacked_rows(session, office.node_id, acked):
                epoch = str(row.origin_epoch)
                payload.upto[epoch] = max(payload.upto.get(epoch, 0), row.version)
                if not to_province and not sync_rows.belongs_to(session, row, peer.node_id):
                    continue
                payload.records.setdefault(table, []).append(sync_rows.to_json(row))
                if isinstance(row, Attachment) and not row.deleted:
                    payload.attachments.append(row.sha256)
            payload.attachments = sorted(set(payload.attachments))
            return payload

    def apply_payload(self, payload: Payload, bundle_id: str,
                      has_attachment: Callable[[str], bool] = lambda _sha: True,
                      within: Callable[[Any, sync_rows.ApplyReport], None] | None = None,
                      prepare: Callable[[Any], None] | None = None) -> sync_rows.ApplyReport:
        """Apply a payload held in memory (``apply_rows`` with its records, parents first)."""
        def feed(applier: BundleApplier) -> None:
            for table, text, problem in payload.unreadable:
                applier.raw(table, text, problem)
            for model in sync_rows.synced_models():
                rows = payload.records.get(model.__tablename__)
                if rows:
                    applier.table(model.__tablename__, rows)
            for table, rows in payload.records.items():
                if sync_rows.model_for(table) is None:
                    applier.table(table, rows)

        return self.apply_rows(payload, bundle_id, feed, has_attachment, within, prepare)

    def apply_rows(self, payload: Payload, bundle_id: str, feed: Callable[[BundleApplier], None],
                   has_attachment: Callable[[str], bool] = lambda _sha: True,
                   within: Callable[[Any, sync_rows.ApplyReport], None] | None = None,
                   prepare: Callable[[Any], None] | None = None) -> sync_rows.ApplyReport:
        """Apply a peer's rows in ONE transaction: all or nothing. ``feed`` hands the rows to the
        applier table by table (an import reads them from the bundle as it goes, so the bundle is
        never held in memory whole; ``payload`` gives the sender and its marks, its records are not
        read here). Rows that cannot be applied are quarantined (and retried at every later
        import) instead of aborting the bundle. ``prepare`` runs first in that transaction (a
        recovery bundle adopts the commune's identity there, so its rows count as this office's own)."""
        report = sync_rows.ApplyReport()
        with self.db.transaction(f"{self.actor}") as session:
            session.info["applying_remote"] = True
            if prepare is not None:
                prepare(session)
            office = self._office(session)
            peer = session.get(SyncPeer, payload.sender_code)
            if peer is None:
                raise DomainError("PEER_UNKNOWN", field="unit_code", value=payload.sender_code)
            # A recovery bundle may carry this office's own rows back; a normal one only the sender's.
            allowed = {payload.sender_node, office.node_id}
            # Each record is checked before anything else reads it: a bad one is quarantined, the rest applies.
            applier = BundleApplier(session, report, allowed, bundle_id, has_attachment)
            feed(applier)
            sync_rows.retry_quarantine(session, allowed, report)
            before = {str(k): int(v) for k, v in (peer.received or {}).items()}
            node = payload.sender_node
            if peer.node_id and peer.node_id != node:
                if applier.rows_seen == 0:
                    # A new install's first, empty bundle only brings its keys: the office keeps the
                    # node (and marks) it holds rows of, so a recovery bundle can still name them.
                    node = peer.node_id
                else:
                    # Rows of another node under this code (a re-install that was not rebuilt from
                    # the province's copy): the marks were the old node's. Kept, they would make the
                    # new node's first versions look received and this office's rows look acknowledged.
                    before = {}
                    peer.acked, peer.sent_upto, peer.sent_acks = {}, {}, {}
            upto = payload.upto or report.received.get(payload.sender_node, {})
            received = dict(before)
            gaps = 0
            for epoch, top in upto.items():
                if int(payload.since.get(epoch, 0)) <= before.get(epoch, 0):
                    received[epoch] = max(before.get(epoch, 0), int(top))
                else:
                    # A gap: rows between our mark and this bundle's start are missing (a bundle lost
                    # or imported out of order). Its rows are applied, but the mark stays, so the
                    # sender sends the range again.
                    gaps += 1
            peer.node_id = node
            peer.received = received
            # The peer's acknowledgements of our rows only ever move forward.
            peer.acked = _max_merge({str(k): int(v) for k, v in (peer.acked or {}).items()}, payload.acks)
            peer.last_received_at = datetime.now()
            report.gaps = gaps
            if within is not None:
                within(session, report)  # e.g. the import-history row, in the same transaction
            checkpoints.reached(checkpoints.IMPORT_BEFORE_COMMIT)
            return report
