"""Row-level sync: which synced rows a peer has not acknowledged, their JSON form, and applying
incoming rows (one writer per row; conflicts kept; bad rows quarantined, never fatal).

Versions compare as (origin_epoch, version): a restored office starts a new epoch, so its
counter restarting lower never hides its new writes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Date, DateTime, Select, and_, func, insert, literal_column, or_, select, union_all
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session

from ..models import Base, Collective, Decision, DecisionRecipient, FundIncome, Nomination, Person, Synced
from ..models.sync import QuarantinedRecord, SyncConflict
from .sync_plan import diagnose, plan_for
from .sync_validate import check_record


def synced_models() -> list[type[Synced]]:
    """Synced tables, parents before children (the order rows are applied in)."""
    by_table = {m.class_.__tablename__: m.class_ for m in Base.registry.mappers if issubclass(m.class_, Synced)}
    return [by_table[t.name] for t in Base.metadata.sorted_tables if t.name in by_table]


MODELS: dict[str, type[Synced]] = {}


def model_for(table: str) -> type[Synced] | None:
    if not MODELS:
        MODELS.update({m.__tablename__: m for m in synced_models()})
    return MODELS.get(table)


def to_json(row: Synced) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for column in row.__table__.columns:
        value = getattr(row, column.key)
        out[column.key] = value.isoformat() if isinstance(value, date | datetime) else value
    return out


def from_json(model: type[Synced], data: dict[str, Any]) -> dict[str, Any]:
    """Column values from a JSON record; unknown keys (a newer app's fields) are ignored here. A
    model with a ``fill_missing(values)`` hook fills the columns an older app's record lacks the way
    its migration filled them (otherwise the column defaults apply to a new row)."""
    values: dict[str, Any] = {}
    for column in model.__table__.columns:
        if column.key not in data:
            continue
        value = data[column.key]
        if value is not None and isinstance(column.type, DateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(column.type, Date):
            value = date.fromisoformat(value)
        values[column.key] = value
    fill = getattr(model, "fill_missing", None)
    if fill is not None:
        fill(values)
    return values


def content_hash(data: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def _same_content(current: dict[str, Any], incoming: dict[str, Any]) -> bool:
    """Equal on the columns both records carry: a record from an older app (fewer columns) or a
    newer one (more) is not a conflict with the row it created."""
    shared = current.keys() & incoming.keys()
    return content_hash({k: current[k] for k in shared}) == content_hash({k: incoming[k] for k in shared})


def _unacked(model: type[Synced], node_id: str, acked: dict[str, int]) -> Select[Synced]:
    clauses: list[ColumnElement[bool]] = [model.origin_epoch.notin_([int(e) for e in acked])] if acked else []
    for epoch, version in acked.items():
        clauses.append(and_(model.origin_epoch == int(epoch), model.version > int(version)))
    stmt = select(model).where(model.origin_node == node_id)
    return stmt.where(or_(*clauses)) if clauses else stmt


def unacked_rows(session: Session, node_id: str, acked: dict[str, int],
                 tables: Iterable[str] | None = None) -> Iterator[tuple[str, Synced]]:
    """This office's rows the peer has not acknowledged, table by table in apply order."""
    wanted = set(tables) if tables is not None else None
    models = [m for m in synced_models() if wanted is None or m.__tablename__ in wanted]
    holding = _holding_unacked(session, models, node_id, acked)
    for index, model in enumerate(models):
        if index not in holding:
            continue
        for row in session.scalars(_unacked(model, node_id, acked).order_by(model.version)).yield_per(500):
            yield model.__tablename__, row


def _holding_unacked(session: Session, models: list[type[Synced]], node_id: str, acked: dict[str, int]) -> set[int]:
    """The positions in ``models`` of the tables that hold unacknowledged rows, in one round trip:
    most bundles carry a few tables of the thirty, and a query per table cost more than the rows."""
    if not models:
        return set()
    # The positions are written into the SQL as numbers: they come from this list, never from input.
    checks: list[Select[tuple[Any]]] = [
        select(literal_column(str(index))).where(_unacked(model, node_id, acked).exists())
        for index, model in enumerate(models)]
    return {int(index) for index in session.scalars(union_all(*checks))}


@dataclass
class ApplyReport:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    quarantined: int = 0
    released: int = 0  # quarantined earlier, applied now
    gaps: int = 0
    catalog: str = ""  # version of a catalog the province pushed and this office adopted
    templates: str = ""  # revision of the province's document wording adopted ("refused: CODE" if bad)
    received: dict[str, dict[str, int]] = field(default_factory=dict)  # node -> epoch -> max version

    def as_dict(self) -> dict[str, int | str]:
        return {"new": self.new, "updated": self.updated, "unchanged": self.unchanged,
                "conflicts": self.conflicts, "quarantined": self.quarantined, "released": self.released,
                "gaps": self.gaps, "catalog": self.catalog, "templates": self.templates}


def _note_received(report: ApplyReport, data: dict[str, Any]) -> None:
    node, epoch, version = str(data.get("origin_node")), str(data.get("origin_epoch")), int(data.get("version", 0))
    per = report.received.setdefault(node, {})
    per[epoch] = max(per.get(epoch, 0), version)


def _key(data: dict[str, Any]) -> tuple[int, int]:
    return int(data.get("origin_epoch") or 0), int(data.get("version") or 0)


def apply_record(session: Session, table: str, data: Any, report: ApplyReport,
                 allowed_origins: set[str], bundle_id: str, retry: bool = False, checked: bool = False) -> bool:
    """Apply one incoming record inside its own savepoint. Returns False when it was quarantined.
    ``checked``: ``check_record`` already passed (apply_table checks a whole table first)."""
    model = model_for(table)
    problem = None if checked else check_record(model, data)
    if problem is not None:
        return _quarantine(session, bundle_id, table, _row_id(data), data, problem[0], report, retry, problem[1])
    row_id = str(data.get("id", ""))
    if model is None:
        return _quarantine(session, bundle_id, table, row_id, data, "UNKNOWN_TABLE", report, retry)
    if str(data.get("origin_node")) not in allowed_origins:
        return _quarantine(session, bundle_id, table, row_id, data, "NOT_SENDERS_ROW", report, retry)
    try:
        values = from_json(model, data)
    except (TypeError, ValueError):
        return _quarantine(session, bundle_id, table, row_id, data, "BAD_VALUE", report, retry)
    _note_received(report, data)
    existing = session.get(model, row_id)
    try:
        with session.begin_nested():
            if existing is None:
                session.add(model(**values))
                session.flush()
                report.new += 1
                return True
            current = to_json(existing)
            if existing.origin_node != data.get("origin_node") or (
                    _key(current) == _key(data) and not _same_content(current, data)):
                _conflict(session, existing, table, current, data, values, report)
                return True
            if _key(data) > _key(current):
                for key, value in values.items():
                    setattr(existing, key, value)
                session.flush()
                report.updated += 1
            else:
                report.unchanged += 1  # the same version again, or an older one: a tombstone never comes back
            return True
    except (IntegrityError, StatementError):
        if existing is not None:
            session.expire(existing)
        # The real cause, asked of the database now that the row is rolled back: a reference not
        # held yet, a unique value (a CCCD) another row of the same office keeps, or else.
        reason, detail = diagnose(session, plan_for(model), values)
        return _quarantine(session, bundle_id, table, row_id, data, reason, report, retry, detail)


def _conflict(session: Session, existing: Synced, table: str, current: dict[str, Any], incoming: dict[str, Any],
              values: dict[str, Any], report: ApplyReport) -> None:
    """Every office picks the same winner (highest clock, then origin, then content) and keeps the loser."""
    def rank(d: dict[str, Any]) -> tuple[int, str, str]:
        return int(d.get("clock") or 0), str(d.get("origin_node")), content_hash(d)

    winner, loser = (incoming, current) if rank(incoming) > rank(current) else (current, incoming)
    if winner is incoming:
        for key, value in values.items():
            setattr(existing, key, value)
        session.flush()
    session.add(SyncConflict(table_name=table, row_id=str(existing.id), winner=winner, loser=loser))
    report.conflicts += 1


QUARANTINE_KEEPS = 256 * 1024  # characters of a record kept as it came; a larger one is cut


def _row_id(data: Any) -> str:
    row_id = data.get("id") if isinstance(data, dict) else None
    return row_id[:64] if isinstance(row_id, str) else ""


def kept_payload(data: Any) -> dict[str, Any]:
    """What the quarantine keeps of a record: the record itself when it is a reasonable object,
    else its text, cut short (a list, a number, a 16 MB string: enough to see what came)."""
    try:
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError):
        text = repr(data)
    if isinstance(data, dict) and len(text) <= QUARANTINE_KEEPS:
        return data
    return {"raw": text[:4096], "truncated": len(text) > 4096}


def _quarantine(session: Session, bundle_id: str, table: str, row_id: str, data: Any, reason: str,
                report: ApplyReport, retry: bool, detail: str = "") -> bool:
    if not retry:
        session.add(QuarantinedRecord(bundle_id=bundle_id, table_name=table[:64], row_id=row_id[:64],
                                      payload=kept_payload(data), reason=reason, detail=detail[:500]))
        report.quarantined += 1
    return False


def quarantine_raw(session: Session, bundle_id: str, table: str, text: str, detail: str,
                   report: ApplyReport) -> None:
    """A line of a bundle that is not a JSON record at all, kept as text."""
    _quarantine(session, bundle_id, table, "", {"raw": text[:4096], "truncated": len(text) > 4096}, "BAD_JSON",
                report, False, detail)


# Records that failed ``check_record`` fail it again at every import: retrying them would only slow
# every later import (a stolen key could send a hundred thousand). They stay visible in the quarantine.
UNFIT = ("BAD_JSON", "BAD_RECORD", "BAD_VALUE")


def retry_quarantine(session: Session, allowed_origins: set[str], report: ApplyReport) -> None:
    """Give every open quarantined record another chance (parents may have arrived meanwhile),
    except the ones that are not fit records at all (``UNFIT``)."""
    progress = True
    while progress:
        progress = False
        pending = session.scalars(select(QuarantinedRecord).where(QuarantinedRecord.resolved_at.is_(None),
                                                                  QuarantinedRecord.reason.notin_(UNFIT))
                                  .order_by(QuarantinedRecord.id)).all()
        for item in pending:
            if apply_record(session, item.table_name, item.payload, report, allowed_origins, item.bundle_id,
                            retry=True):
                item.resolved_at = datetime.now()
                report.released += 1
                progress = True
            else:
                item.attempts += 1
    report.quarantined = int(session.scalar(select(func.count()).select_from(QuarantinedRecord).where(
        QuarantinedRecord.resolved_at.is_(None))) or 0)


_POINTERS = {"person_id": "people", "collective_id": "collectives", "nomination_id": "nominations"}


def belongs_to(session: Session, row: Synced, node_id: str) -> bool:
    """For a province row: False when it points at another commune's person, collective or
    nomination (a commune never receives another commune's people); rows that point at no
    commune data (movements, catalogs) are shared. Two exceptions: a provincial decision goes to
    the communes it has recipients in (also recipients since removed: their tombstones must reach
    them), and the province's own reward fund goes to none."""
    if isinstance(row, FundIncome):
        return False
    if isinstance(row, Decision):
        return _decision_reaches(session, row.id, node_id)
    for column, table in _POINTERS.items():
        target_id = getattr(row, column, None)
        if target_id:
            model = model_for(table)
            assert model is not None
            target = session.get(model, target_id)
            if target is None or target.origin_node != node_id:
                return False
    return True


def _decision_reaches(session: Session, decision_id: str, node_id: str) -> bool:
    """Whether any recipient of the decision, live or removed, is one of the node's nominations,
    people or collectives."""
    r = DecisionRecipient
    owned = or_(r.nomination_id.in_(select(Nomination.id).where(Nomination.origin_node == node_id)),
                r.person_id.in_(select(Person.id).where(Person.origin_node == node_id)),
                r.collective_id.in_(select(Collective.id).where(Collective.origin_node == node_id)))
    return session.scalar(select(r.id).where(r.decision_id == decision_id, owned).limit(1)) is not None


def count_unacked(session: Session, node_id: str, acked: dict[str, int]) -> int:
    """How many of this office's rows the peer has not acknowledged (cheap: one COUNT per table)."""
    total = 0
    for model in synced_models():
        stmt = _unacked(model, node_id, acked).with_only_columns(func.count()).order_by(None)
        total += int(session.scalar(stmt) or 0)
    return total


def log_security_event(session: Session, code: str, file_name: str, detail: str) -> None:
    """A refused or tampered bundle. A Core insert, not the ORM: a refusal changes nothing, so it
    gets no audit_log entry (and the comparisons that prove "data unchanged" leave this table out)."""
    from ..models.sync import SecurityEvent

    session.execute(insert(SecurityEvent).values(kind=code, file_name=file_name, detail=detail))
