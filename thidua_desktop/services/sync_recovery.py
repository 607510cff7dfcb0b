"""A commune rebuilt from the province's copy of its partition (docs/sync-format.md §18).

The province holds every row a commune sent it. When a commune's laptop is stolen or its disk dies
and its last backup is old, the province revokes the old key and issues a new enrolment file; the
new install loads it and sends its first, empty bundle, which brings its new keys; once the province
officer has confirmed that fingerprint, the province writes a **recovery bundle**: an ordinary
bundle whose manifest has a ``recovery`` section. It holds every row of the commune's node (all its
epochs, tombstones too) and the province's rows that belong to that commune, as a first export
would, with the catalog and the administrative list.

The new install adopts the old node's id, so the commune may edit its old rows again (one writer
per row), under a new epoch above every epoch the province has seen from that node: its new writes
can never look like versions the province already holds. Its acknowledgement marks come from the
bundle, so nothing is resent in bulk. Edits that never reached the province are lost; the report
says from when, so the officers enter them again. The old key stays revoked: whatever the stolen
laptop signs is refused."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..db import Session
from ..db.models import Attachment, Office, SyncPeer
from ..db.models.base import utcnow
from ..db.models.office import AuditEntry
from ..db.models.sync import SyncExport
from ..db.repositories import sync_recovery as repo
from ..db.repositories.sync_rows import belongs_to, synced_models, to_json
from ..domain.enums import Role
from ..domain.errors import DomainError, StateError
from ..messages import counts_label
from ..sync.container import bundle_file_name
from ..sync.container_format import MAX_FILE_BYTES, bundle_error
from .office import OfficeService
from .sync_exchange import Payload

if TYPE_CHECKING:
    from .sync import SyncService

FORMAT = 1
MAX_EPOCH = 2 ** 62
_NODE = re.compile(r"[0-9A-Za-z-]{1,36}")
_TABLE = re.compile(r"[a-z_]{1,64}")
_EPOCH_KEY = re.compile(r"[0-9]{1,18}")
_SEQ_IN_NAME = re.compile(r"-([0-9]{6})(?:-[0-9]+)?\.tdsync$")
# Room left under the format's hard limit for the header, framing and the catalog in the manifest.
_MARGIN = 64 * 1024 ** 2


@dataclass(frozen=True)
class RecoveryResult:
    file: Path
    counts: dict[str, int]
    summary: dict[str, Any]  # the manifest's recovery section: what the commune is told


def _iso(moment: datetime | None) -> str | None:
    """Database times are naive UTC (``utcnow``); the bundle states them as such."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


# Province: writing the bundle ------------------------------------------------------------------
def write_recovery(sync: SyncService, unit_code: str, out: Path) -> RecoveryResult:
    """Province: the recovery bundle for commune ``unit_code`` (to ``out``, a folder or a .tdsync
    name). The commune must be enrolled again and its new key confirmed: the bundle is sealed for it."""
    office = OfficeService(sync.db, sync.actor).office()
    if office.role != Role.PROVINCE.value:
        raise StateError("RECOVERY_BUNDLE_PROVINCE_ONLY", field="role")
    sync._refuse_trial()
    peer = sync.exchange.peer(unit_code)
    if peer.status == "revoked":
        raise DomainError("PEER_REVOKED", field="unit_code", value=unit_code)
    if not peer.box_key:  # enrolled again but its first bundle not confirmed yet
        raise DomainError("PEER_NO_KEYS_YET", field="unit_code", value=unit_code)
    if not peer.node_id:
        raise DomainError("RECOVERY_NOTHING_HELD", field="unit_code", value=unit_code)
    recovery_key = sync._param("recovery_public")
    if not recovery_key:
        raise StateError("RECOVERY_KEY_MISSING", field="recovery")
    payload, summary = _partition(sync, peer)
    size = sum(len(json.dumps(r, ensure_ascii=False)) + 1 for rows in payload.records.values() for r in rows)
    for sha in payload.attachments:
        path = sync.store.path_for(sha)
        size += path.stat().st_size if path.exists() else 0
    if size > MAX_FILE_BYTES - _MARGIN:
        raise DomainError("RECOVERY_TOO_LARGE", field="unit_code", value=unit_code, size_mb=size // 1024 ** 2)
    seq = peer.next_seq
    try:
        if out.suffix.lower() == ".tdsync":
            target = out
        else:  # a folder, e.g. the root of the USB stick
            out.mkdir(parents=True, exist_ok=True)
            target = out / bundle_file_name(office.unit_code, peer.unit_code, seq)
        bundle_id = sync._write(target, office, peer, payload, recovery_key, seq, extra={"recovery": summary})
    except OSError as exc:
        raise DomainError("EXPORT_TARGET_UNWRITABLE", field="out", value=str(out)) from exc
    with sync.db.transaction(sync.actor) as session:
        row = session.get(SyncPeer, peer.unit_code)
        assert row is not None
        row.next_seq, row.last_sent_at, row.sent_acks = seq + 1, datetime.now(), dict(payload.acks)
        row.sent_upto = {e: max(int(v), int(payload.upto.get(e, 0))) for e, v in
                         {**payload.upto, **(row.sent_upto or {})}.items()}
        session.add(SyncExport(bundle_id=bundle_id, peer_node_id=peer.node_id, seq=seq, file_name=target.name,
                               counts=payload.counts))
        # Who handed a commune's whole partition out, and when: kept in the audit log.
        session.add(AuditEntry(actor=sync.actor, action="recovery", table_name="sync_peers", row_id=peer.unit_code,
                               old_values=None, new_values={"file": target.name, "seq": seq,
                                                           "node_id": peer.node_id, "epoch": summary["epoch"]}))
    return RecoveryResult(target, payload.counts, summary)


def _partition(sync: SyncService, peer: SyncPeer) -> tuple[Payload, dict[str, Any]]:
    """Every row of the commune's node, and the province's rows a first export to it would carry;
    the acknowledgements say what the province has received from the commune (so it does not send
    it all back), ``since`` is empty (everything is here), ``upto`` covers all the province's rows."""
    node = peer.node_id
    received = {str(e): int(v) for e, v in (peer.received or {}).items()}
    live: dict[str, int] = {}
    held: dict[str, int] = {}
    newest: datetime | None = None
    with sync.db.reader() as session:
        office = session.get(Office, 1)
        assert office is not None
        payload = Payload(office.unit_code, office.node_id, office.epoch, acks=received, since={})
        for model in synced_models():
            table = model.__tablename__
            for row in repo.rows_of_node(session, model, node):
                _add(payload, table, row)
                epoch = str(row.origin_epoch)
                held[epoch] = max(held.get(epoch, 0), int(row.version))
                if not row.deleted:
                    live[table] = live.get(table, 0) + 1
                if row.updated_at is not None and (newest is None or row.updated_at > newest):
                    newest = row.updated_at
            for row in repo.rows_of_node(session, model, office.node_id):
                epoch = str(row.origin_epoch)
                payload.upto[epoch] = max(payload.upto.get(epoch, 0), int(row.version))
                if belongs_to(session, row, node):
                    _add(payload, table, row)
        payload.attachments = sorted(set(payload.attachments))
        seen = [int(e) for e in (*received, *held)]
        summary = {"format": FORMAT, "commune": peer.unit_code, "node_id": node, "epoch": max(seen, default=0) + 1,
                   "written_at": _iso(utcnow()), "last_bundle": _last_bundle(session, node), "received": received,
                   "held": held, "newest_row_at": _iso(newest), "rows": live}
    return payload, summary


def _add(payload: Payload, table: str, row: Any) -> None:
    payload.records.setdefault(table, []).append(to_json(row))
    if isinstance(row, Attachment) and not row.deleted:
        payload.attachments.append(row.sha256)


def _last_bundle(session: Session, node: str) -> dict[str, Any] | None:
    """The newest bundle applied from the commune's node: its number, when the commune wrote it and
    when the province imported it (older imports kept no number: it is read from the file name)."""
    best: tuple[int, datetime] | None = None
    found: dict[str, Any] | None = None
    for row in repo.imports_from(session, node):
        report = row.report if isinstance(row.report, dict) else {}
        seq = report.get("seq")
        if type(seq) is not int:
            match = _SEQ_IN_NAME.search(row.file_name or "")
            seq = int(match.group(1)) if match else None
        rank = (seq if seq is not None else -1, row.imported_at)
        if best is None or rank > best:
            created = report.get("created_at")
            best, found = rank, {"seq": seq, "created_at": created if isinstance(created, str) else None,
                                 "imported_at": _iso(row.imported_at), "file": row.file_name}
    return found


# Commune: importing it -------------------------------------------------------------------------
def _own_rows(session: Session, node: str) -> int:
    return repo.own_row_count(session, node)


class RecoveryImport:
    """A recovery bundle on its way in: ``check`` (before any entry is read), then ``prepare`` and
    ``finish`` inside the import's one transaction."""

    def __init__(self, summary: dict[str, Any], sender_code: str) -> None:
        self.summary = summary
        self.sender_code = sender_code

    @classmethod
    def check(cls, sync: SyncService, header: Any, manifest: dict[str, Any]) -> RecoveryImport:
        """Only a commune takes one, only from its province, and only while it holds no row of its
        own; a section of the wrong shape is a corrupt bundle."""
        summary = _checked_section(header, manifest)
        with sync.db.reader() as session:
            office = session.get(Office, 1)
            peer = session.get(SyncPeer, header.sender.code)
            if office is None or office.role != Role.COMMUNE.value or peer is None or peer.role != Role.PROVINCE.value:
                raise bundle_error("RECOVERY_SENDER_NOT_PROVINCE", header.path, sender_code=header.sender.code,
                                   sender_name=header.sender.name)
            count = _own_rows(session, office.node_id)
        if count:
            raise bundle_error("RECOVERY_OFFICE_NOT_EMPTY", header.path, count=count)
        return cls(summary, header.sender.code)

    def prepare(self, session: Session) -> None:
        """Adopt the commune's node and the new epoch before the rows apply, so they are this
        office's own (checked again: another window may have saved something meanwhile)."""
        office = session.get(Office, 1)
        assert office is not None
        count = _own_rows(session, office.node_id)
        if count:
            raise DomainError("RECOVERY_OFFICE_NOT_EMPTY", field="file", file="", count=count)
        node, epoch = self.summary["node_id"], self.summary["epoch"]
        session.add(AuditEntry(actor=f"{session.info.get('actor', 'system')} (sync)", action="recovery",
                               table_name="office", row_id="1",
                               old_values={"node_id": office.node_id, "epoch": office.epoch},
                               new_values={"node_id": node, "epoch": epoch}))
        office.node_id, office.epoch = node, epoch

    def finish(self, session: Session) -> dict[str, Any]:
        """After the rows: counters above everything held, and what the province holds of the old
        node counted as sent (it is acknowledged). Returns the summary, kept with the import."""
        office = session.get(Office, 1)
        assert office is not None
        top_epoch, top_version, top_clock = repo.top_marks(session, office.node_id)
        if top_epoch >= office.epoch:  # the new epoch must be above all: a province bug, never applied
            raise DomainError("BUNDLE_CORRUPT", field="file", file="", reason="recovery epoch")
        office.change_counter = max(int(office.change_counter or 0), top_version)
        office.clock = max(int(office.clock or 0), top_clock)
        peer = session.get(SyncPeer, self.sender_code)
        assert peer is not None
        peer.sent_upto = dict(peer.acked or {})
        return self.summary


def _marks(value: Any) -> dict[str, int]:
    if not isinstance(value, dict) or not all(isinstance(e, str) and _EPOCH_KEY.fullmatch(e) and type(v) is int
                                              and 0 <= v < 2 ** 63 for e, v in value.items()):
        raise ValueError("marks")
    return dict(value)


def _text(value: Any, limit: int = 64) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > limit:
        raise ValueError("text")
    return value


def _checked_section(header: Any, manifest: dict[str, Any]) -> dict[str, Any]:
    """The manifest's ``recovery`` section, every field of its shape (it is shown to the officer
    and decides the office's identity), or BUNDLE_CORRUPT."""
    section = manifest.get("recovery")
    try:
        if not isinstance(section, dict) or section.get("format") != FORMAT:
            raise ValueError("format")
        node, epoch = section.get("node_id"), section.get("epoch")
        if not isinstance(node, str) or not _NODE.fullmatch(node) or type(epoch) is not int \
                or not 0 < epoch < MAX_EPOCH or section.get("commune") != header.recipient.code:
            raise ValueError("identity")
        acks = _marks(manifest.get("acks", {}))
        if any(int(e) >= epoch for e in acks):  # the new epoch is above every epoch the province has seen
            raise ValueError("epoch")
        last = section.get("last_bundle")
        if last is not None:
            if not isinstance(last, dict) or not (last.get("seq") is None or type(last.get("seq")) is int):
                raise ValueError("last bundle")
            last = {"seq": last.get("seq"), "created_at": _text(last.get("created_at")),
                    "imported_at": _text(last.get("imported_at")), "file": _text(last.get("file"), 255)}
        rows = section.get("rows", {})
        if not isinstance(rows, dict) or not all(isinstance(t, str) and _TABLE.fullmatch(t) and type(n) is int
                                                 and 0 <= n < 2 ** 63 for t, n in rows.items()):
            raise ValueError("rows")
        return {"format": FORMAT, "commune": header.recipient.code, "node_id": node, "epoch": epoch,
                "written_at": _text(section.get("written_at")), "last_bundle": last,
                "received": _marks(section.get("received", {})), "held": _marks(section.get("held", {})),
                "newest_row_at": _text(section.get("newest_row_at")), "rows": rows}
    except ValueError as exc:
        raise bundle_error("BUNDLE_CORRUPT", header.path, reason=f"manifest recovery {exc}") from None


# The report, in words ---------------------------------------------------------------------------
def local_time(text: str | None) -> str:
    """"2026-06-01T08:30:00Z" as local dd/mm/yyyy HH:MM; "—" when unknown."""
    try:
        moment = datetime.strptime(str(text), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).astimezone()
    except ValueError:
        return "—"
    return moment.strftime("%d/%m/%Y %H:%M")


def report_lines(summary: dict[str, Any], lang: str = "vi", *, written: bool = False) -> list[str]:
    """What a recovery brings back and what it cannot: the last bundle the province received from
    the commune, the newest record it holds, and from when edits must be entered again. ``written``:
    worded for the province, which just wrote the bundle; otherwise for the rebuilt commune."""
    vi = lang == "vi"
    rows = {t: n for t, n in (summary.get("rows") or {}).items() if n}
    total, counts = sum(rows.values()), counts_label(rows, lang, by_label=True)
    if written:
        lines = [f"Gói khôi phục chứa {total} bản ghi của xã ({counts})." if vi else
                 f"The recovery bundle holds {total} of the commune's records ({counts})."]
    else:
        lines = [f"Dữ liệu của xã đã được dựng lại từ bản sao ở tỉnh: {total} bản ghi ({counts})." if vi else
                 f"The commune's data was rebuilt from the province's copy: {total} records ({counts})."]
    last = summary.get("last_bundle")
    if last:
        number = f"{last['seq']:06d}" if type(last.get("seq")) is int else "—"
        made, taken = local_time(last.get("created_at")), local_time(last.get("imported_at"))
        lines.append(f"Gói cuối cùng tỉnh nhận được từ xã: gói số {number}, xã lập lúc {made}, tỉnh nhập lúc "
                     f"{taken}." if vi else f"The last bundle the province received from the commune: number "
                     f"{number}, made by the commune {made}, imported by the province {taken}.")
    else:
        lines.append("Tỉnh chưa nhận được gói nào từ xã." if vi else
                     "The province never received a bundle from the commune.")
    held = ", ".join(f"{'kỷ nguyên' if vi else 'epoch'} {e}: {v}"
                     for e, v in sorted((summary.get("held") or {}).items(), key=lambda ev: int(ev[0])))
    newest = local_time(summary.get("newest_row_at"))
    lines.append(f"Bản ghi mới nhất tỉnh có được xã sửa lúc {newest}; phiên bản cao nhất tỉnh đã nhận: {held or '—'}."
                 if vi else f"The newest record the province holds was changed by the commune {newest}; highest "
                 f"version received: {held or '—'}.")
    cutoff = local_time((last or {}).get("created_at")) if last and last.get("created_at") else newest
    lines.append(f"Những gì xã nhập hoặc sửa sau {cutoff} chưa đến tỉnh nên không có trong dữ liệu này: hãy nhập lại."
                 if vi else f"Anything the commune entered or changed after {cutoff} never reached the province and "
                 f"is not in this data: enter it again.")
    lines.append(f"Từ nay xã làm việc ở kỷ nguyên {summary.get('epoch')}; khóa cũ của xã không còn được chấp nhận."
                 if vi else f"From now on the commune works in epoch {summary.get('epoch')}; its old key is no "
                 f"longer accepted.")
    return lines
