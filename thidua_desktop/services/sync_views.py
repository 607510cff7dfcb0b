"""What the Đồng bộ screen shows about sync, read-only and paged: the peers with their status and
fingerprints, the export and import histories, open conflicts with both versions field by field,
the quarantine, the security log, the unsent changes and the removable drives; plus the user's
choice on a conflict. No Qt here."""

from __future__ import annotations

import getpass
import os
import re
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..db.models import AdminUnit, Office
from ..db.models.sync import QuarantinedRecord, SecurityEvent, SyncConflict, SyncExport, SyncImport, SyncPeer
from ..db.repositories import sync_rows
from ..domain.enums import Role
from ..domain.errors import NotFoundError, StateError, ValidationError
from .base import ServiceBase

# Columns of every synced row that describe the write, not the record: never compared or copied.
META_FIELDS = ("id", "origin_node", "origin_epoch", "version", "clock", "updated_at")
# Derived columns, rebuilt from the visible ones; not worth showing side by side.
HIDDEN_FIELDS = ("search_key", "sort_key")
_LABEL_FIELDS = ("full_name", "name", "title", "number", "code", "file_name")
_FILE_NAME = re.compile(r"^TD-([A-Za-z0-9_]+)-([A-Za-z0-9_]+)-\d{6}")
Page = tuple[list[Any], int]


@dataclass(frozen=True)
class PeerView:
    unit_code: str
    unit_name: str
    role: str
    status: str  # pending | waiting | confirmed | revoked
    fingerprint: str
    has_keys: bool
    enrolled_at: datetime | None
    confirmed_at: datetime | None
    revoked_at: datetime | None
    last_sent_at: datetime | None
    last_received_at: datetime | None


@dataclass(frozen=True)
class ExportView:
    id: int
    file_name: str
    created_at: datetime
    seq: int
    peer_code: str
    peer_name: str
    counts: dict[str, int]


@dataclass(frozen=True)
class ImportView:
    bundle_id: str
    file_name: str
    imported_at: datetime
    peer_code: str
    peer_name: str
    report: dict[str, int]


@dataclass(frozen=True)
class ConflictField:
    name: str
    winner: Any
    loser: Any

    @property
    def differs(self) -> bool:
        return self.winner != self.loser


@dataclass(frozen=True)
class ConflictView:
    id: int
    table: str
    row_id: str
    label: str
    detected_at: datetime
    resolved_at: datetime | None
    resolution: str  # "" while open, then "winner" or "loser"
    winner_origin: str  # the writing office's code when known, else its node id
    loser_origin: str
    fields: list[ConflictField]
    owned_here: bool  # this office writes the row: keeping the other version makes a new local version


@dataclass(frozen=True)
class QuarantineView:
    id: int
    table: str
    row_id: str
    reason: str
    attempts: int
    created_at: datetime
    bundle_id: str
    detail: str = ""  # what is wrong, e.g. "birth_date: not a date"


@dataclass(frozen=True)
class SecurityView:
    id: int
    at: datetime
    kind: str
    file_name: str
    detail: str


@dataclass(frozen=True)
class SyncCounters:
    """Changes not yet written into any bundle, and changes sent but not yet acknowledged."""

    unsent: int
    awaiting: int

    @property
    def total(self) -> int:
        return self.unsent + self.awaiting


def _marks(value: Any) -> dict[str, int]:
    return {str(k): int(v) for k, v in (value or {}).items()}


def _merged(*marks: dict[str, int]) -> dict[str, int]:
    """The highest version per epoch over several watermarks."""
    out: dict[str, int] = {}
    for mark in marks:
        for epoch, version in mark.items():
            out[epoch] = max(out.get(epoch, 0), version)
    return out


@dataclass(frozen=True)
class SyncStatus:
    """For the status bar: what has not gone out yet, and when the last exchange was."""

    role: str
    unsent: int
    last_sent: datetime | None
    last_received: datetime | None
    awaiting: int = 0

    @property
    def last_exchange(self) -> datetime | None:
        dates = [d for d in (self.last_sent, self.last_received) if d is not None]
        return max(dates) if dates else None


def _peer_view(p: SyncPeer) -> PeerView:
    return PeerView(p.unit_code, p.unit_name, p.role, p.status or "pending", p.fingerprint or "",
                    bool(p.sign_key), p.enrolled_at, p.confirmed_at, p.revoked_at, p.last_sent_at,
                    p.last_received_at)


def _page(offset: int, limit: int) -> tuple[int, int]:
    return max(int(offset), 0), max(int(limit), 0)


class SyncViews(ServiceBase):
    # Peers --------------------------------------------------------------------------------
    def peers(self, offset: int = 0, limit: int = 200) -> Page:
        """The offices this one exchanges with, by unit code."""
        offset, limit = _page(offset, limit)
        with self.db.reader() as session:
            query = session.query(SyncPeer)
            rows = query.order_by(SyncPeer.unit_code).offset(offset).limit(limit).all()
            return [_peer_view(p) for p in rows], query.count()

    def peer(self, unit_code: str) -> PeerView:
        with self.db.reader() as session:
            peer = session.get(SyncPeer, unit_code)
            if peer is None:
                raise NotFoundError("PEER_UNKNOWN", field="unit_code", value=unit_code)
            return _peer_view(peer)

    def province_peer(self) -> PeerView | None:
        with self.db.reader() as session:
            peer = session.query(SyncPeer).filter(SyncPeer.role == Role.PROVINCE.value).first()
            return _peer_view(peer) if peer else None

    def enrollable_communes(self) -> list[tuple[str, str]]:
        """(code, name) of the province's communes and wards, for "Tạo tệp kết nối…"."""
        with self.db.reader() as session:
            office = session.get(Office, 1)
            units = session.query(AdminUnit).order_by(AdminUnit.name).all()
            own = office.unit_code if office else ""
            return [(u.code, u.name) for u in units if len(u.code) == 5 and u.code != own]

    def _names_by_node(self, session: Any) -> dict[str, tuple[str, str]]:
        return {p.node_id: (p.unit_code, p.unit_name) for p in session.query(SyncPeer).all() if p.node_id}

    @staticmethod
    def _peer_from_file(file_name: str, position: int, peers: dict[str, str]) -> tuple[str, str]:
        match = _FILE_NAME.match(file_name)
        code = match.group(position) if match else ""
        return code, peers.get(code, "")

    # Histories ----------------------------------------------------------------------------
    def exports(self, offset: int = 0, limit: int = 200) -> Page:
        offset, limit = _page(offset, limit)
        with self.db.reader() as session:
            by_node = self._names_by_node(session)
            by_code = {p.unit_code: p.unit_name for p in session.query(SyncPeer).all()}
            query = session.query(SyncExport)
            rows = query.order_by(SyncExport.id.desc()).offset(offset).limit(limit).all()
            out = []
            for e in rows:
                code, name = by_node.get(e.peer_node_id) or self._peer_from_file(e.file_name, 2, by_code)
                out.append(ExportView(e.id, e.file_name, e.created_at, e.seq, code, name, dict(e.counts or {})))
            return out, query.count()

    def imports(self, offset: int = 0, limit: int = 200) -> Page:
        offset, limit = _page(offset, limit)
        with self.db.reader() as session:
            by_node = self._names_by_node(session)
            by_code = {p.unit_code: p.unit_name for p in session.query(SyncPeer).all()}
            query = session.query(SyncImport)
            rows = query.order_by(SyncImport.imported_at.desc()).offset(offset).limit(limit).all()
            out = []
            for i in rows:
                code, name = by_node.get(i.peer_node_id) or self._peer_from_file(i.file_name, 1, by_code)
                out.append(ImportView(i.bundle_id, i.file_name, i.imported_at, code, name, dict(i.report or {})))
            return out, query.count()

    def security_events(self, offset: int = 0, limit: int = 200) -> Page:
        offset, limit = _page(offset, limit)
        with self.db.reader() as session:
            query = session.query(SecurityEvent)
            rows = query.order_by(SecurityEvent.id.desc()).offset(offset).limit(limit).all()
            return [SecurityView(r.id, r.at, r.kind, r.file_name, r.detail) for r in rows], query.count()

    def quarantine(self, offset: int = 0, limit: int = 200) -> Page:
        """Open quarantined records (retried at every import), oldest first."""
        offset, limit = _page(offset, limit)
        with self.db.reader() as session:
            query = session.query(QuarantinedRecord).filter(QuarantinedRecord.resolved_at.is_(None))
            rows = query.order_by(QuarantinedRecord.id).offset(offset).limit(limit).all()
            return [QuarantineView(r.id, r.table_name, r.row_id, r.reason, r.attempts, r.created_at, r.bundle_id,
                                   r.detail or "") for r in rows], query.count()

    # Conflicts ----------------------------------------------------------------------------
    def conflicts(self, offset: int = 0, limit: int = 200, open_only: bool = True) -> Page:
        offset, limit = _page(offset, limit)
        with self.db.reader() as session:
            query = session.query(SyncConflict)
            if open_only:
                query = query.filter(SyncConflict.resolved_at.is_(None))
            rows = query.order_by(SyncConflict.id.desc()).offset(offset).limit(limit).all()
            return [self._conflict_view(session, c) for c in rows], query.count()

    def conflict(self, conflict_id: int) -> ConflictView:
        with self.db.reader() as session:
            return self._conflict_view(session, self._get_conflict(session, conflict_id))

    @staticmethod
    def _get_conflict(session: Any, conflict_id: int) -> SyncConflict:
        conflict = session.get(SyncConflict, int(conflict_id))
        if conflict is None:
            raise NotFoundError("NOT_FOUND", field="conflict", id=str(conflict_id))
        return conflict

    def _conflict_view(self, session: Any, c: SyncConflict) -> ConflictView:
        winner, loser = dict(c.winner or {}), dict(c.loser or {})
        names = [k for k in {**winner, **loser} if k not in META_FIELDS and k not in HIDDEN_FIELDS]
        fields = [ConflictField(k, winner.get(k), loser.get(k)) for k in names]
        label = next((str(winner.get(k) or loser.get(k)) for k in _LABEL_FIELDS if winner.get(k) or loser.get(k)),
                     c.row_id)
        nodes = self._names_by_node(session)
        office = session.get(Office, 1)
        if office is not None:
            nodes[office.node_id] = (office.unit_code, office.unit_name)

        def origin(d: dict[str, Any]) -> str:
            node = str(d.get("origin_node") or "")
            return nodes[node][0] if node in nodes else node

        return ConflictView(c.id, c.table_name, c.row_id, label, c.detected_at, c.resolved_at, c.resolution or "",
                            origin(winner), origin(loser), fields, self._owned_here(session, c))

    @staticmethod
    def _owned_here(session: Any, c: SyncConflict) -> bool:
        model = sync_rows.model_for(c.table_name)
        office = session.get(Office, 1)
        row = session.get(model, c.row_id) if model is not None else None
        return bool(row is not None and office is not None and row.origin_node == office.node_id)

    def resolve_conflict(self, conflict_id: int, keep: str) -> ConflictView:
        """Record the user's choice. Keeping the losing version of a row this office writes makes
        it a new local version (so it travels in the next bundle); otherwise the choice is noted
        and the row stays as every office already has it (only its owner may change it)."""
        if keep not in ("winner", "loser"):
            raise ValidationError("ENUM_INVALID", field="keep", value=keep, allowed=["winner", "loser"])
        with self.db.transaction(self.actor) as session:
            conflict = self._get_conflict(session, conflict_id)
            if conflict.resolved_at is not None:
                raise StateError("CONFLICT_ALREADY_RESOLVED", field="conflict", id=str(conflict_id))
            if keep == "loser" and self._owned_here(session, conflict):
                self._write_back(session, conflict)
            conflict.resolved_at, conflict.resolution = datetime.now(), keep
            session.flush()
            return self._conflict_view(session, conflict)

    @staticmethod
    def _write_back(session: Any, conflict: SyncConflict) -> None:
        model = sync_rows.model_for(conflict.table_name)
        assert model is not None
        row = session.get(model, conflict.row_id)
        office = session.get(Office, 1)
        try:
            values = sync_rows.from_json(model, dict(conflict.loser or {}))
        except (TypeError, ValueError) as exc:
            raise StateError("CONFLICT_VERSION_UNREADABLE", field="conflict", id=str(conflict.id)) from exc
        for key, value in values.items():
            if key not in META_FIELDS:
                setattr(row, key, value)
        # Lamport: the kept version must outrank the one it replaces at every office.
        office.clock = max(int(office.clock or 0), int((conflict.winner or {}).get("clock") or 0))

    # Unsent changes and the status bar ----------------------------------------------------
    def counters(self, peer_code: str | None = None) -> SyncCounters:
        """This office's changes the peer (default: the province; for the province, the commune
        furthest behind) has not had yet: ``unsent`` were never written into a bundle for it,
        ``awaiting`` were written but the peer has not acknowledged them (the next bundle carries
        them again, in case the stick was lost). Counted in SQL, cheap enough for a status bar."""
        with self.db.reader() as session:
            office = session.get(Office, 1)
            if office is None:
                return SyncCounters(0, 0)
            peers = session.query(SyncPeer).filter(SyncPeer.status != "revoked")
            if peer_code:
                peers = peers.filter(SyncPeer.unit_code == peer_code)
            elif office.role == Role.COMMUNE.value:
                peers = peers.filter(SyncPeer.role == Role.PROVINCE.value)
            marks = [(_marks(p.acked), _merged(_marks(p.acked), _marks(p.sent_upto))) for p in peers.all()]
            if not marks:
                marks = [({}, {})]
            counted = []
            for acked, sent in marks:  # one COUNT per table for each mark; the awaiting ones are the difference
                unsent = self._count_unacked(session, office.node_id, sent)
                counted.append(SyncCounters(unsent, self._count_unacked(session, office.node_id, acked) - unsent))
            return max(counted, key=lambda c: c.total)

    def unsent_count(self, peer_code: str | None = None) -> int:
        """Everything the peer has not acknowledged (unsent and awaiting confirmation together)."""
        return self.counters(peer_code).total

    @staticmethod
    def _count_unacked(session: Any, node_id: str, acked: dict[str, int]) -> int:
        return sync_rows.count_unacked(session, node_id, acked)

    def status(self) -> SyncStatus:
        with self.db.reader() as session:
            office = session.get(Office, 1)
            role = office.role if office else ""
            peers = session.query(SyncPeer).all()
            if role == Role.COMMUNE.value:
                peers = [p for p in peers if p.role == Role.PROVINCE.value]
            sent = [p.last_sent_at for p in peers if p.last_sent_at]
            received = [p.last_received_at for p in peers if p.last_received_at]
        counters = self.counters()
        return SyncStatus(role, counters.unsent, max(sent) if sent else None,
                          max(received) if received else None, awaiting=counters.awaiting)

    # Removable drives ---------------------------------------------------------------------
    def removable_drives(self) -> list[Path]:
        return removable_drives()


def removable_drives() -> list[Path]:
    """Mounted USB sticks and memory cards; [] when they cannot be told apart. Never raises."""
    try:
        if sys.platform == "win32":
            return _windows_drives()
        if sys.platform == "darwin":
            return _mounted_children([Path("/Volumes")])
        user = getpass.getuser()
        return _mounted_children([Path("/media") / user, Path("/run/media") / user])
    except Exception:  # a drive listing must never stop the screen
        return []


def _mounted_children(bases: list[Path]) -> list[Path]:
    found: list[Path] = []
    for base in bases:
        if not base.is_dir():
            continue
        for child in sorted(base.iterdir()):
            if child.is_dir() and os.path.ismount(child) and child.resolve() != Path("/"):
                found.append(child)
    return found


def _windows_drives() -> list[Path]:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]  # Windows only: typeshed has it for win32 alone
    drive_removable = 2
    mask = kernel32.GetLogicalDrives()
    found = []
    for index in range(26):
        if mask & (1 << index):
            root = f"{chr(ord('A') + index)}:\\"
            # A card reader without a card is removable but not ready: skip it.
            if kernel32.GetDriveTypeW(root) == drive_removable and os.path.isdir(root):
                found.append(Path(root))
    return found
