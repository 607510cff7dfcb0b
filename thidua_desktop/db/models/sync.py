"""Sync bookkeeping: the other offices (peers) with their keys and acknowledgements, the
histories of bundles sent and received, quarantined records, conflicts, the security log, and
the province's review results (rows of its own that point at a commune's nomination)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import UUID, Base, Synced, utcnow


class SyncPeer(Base):
    """Another office this one exchanges bundles with (a commune has one: its province)."""

    __tablename__ = "sync_peers"
    # Keyed by unit code: a re-installed office gets a new node id but keeps its code.
    unit_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    node_id: Mapped[str] = mapped_column(UUID, default="", index=True)
    unit_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(16))
    sign_key: Mapped[str] = mapped_column(String(128), default="")  # hex
    box_key: Mapped[str] = mapped_column(String(128), default="")  # hex
    previous_sign_key: Mapped[str] = mapped_column(String(128), default="")
    key_id: Mapped[str] = mapped_column(String(32), default="")
    fingerprint: Mapped[str] = mapped_column(String(32), default="")
    # pending | waiting (a first bundle waits for the fingerprint check) | confirmed | revoked
    status: Mapped[str] = mapped_column(String(16), default="pending")
    # What this office has received from the peer: {"<epoch>": highest version}.
    received: Mapped[dict] = mapped_column(JSON, default=dict)
    # What the peer has acknowledged receiving from this office: {"<epoch>": highest version}.
    acked: Mapped[dict] = mapped_column(JSON, default=dict)
    # The acknowledgements this office last sent the peer; new ones are worth a bundle by themselves.
    sent_acks: Mapped[dict] = mapped_column(JSON, default=dict)
    # The highest version of this office's rows written into a bundle for the peer: {"<epoch>": version}.
    # Above it a change is "not yet sent"; between it and ``acked`` it is "awaiting confirmation".
    sent_upto: Mapped[dict] = mapped_column(JSON, default=dict)
    next_seq: Mapped[int] = mapped_column(Integer, default=1)
    enrolled_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_sent_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_received_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class SyncExport(Base):
    __tablename__ = "sync_exports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    bundle_id: Mapped[str] = mapped_column(UUID, index=True)
    peer_node_id: Mapped[str] = mapped_column(UUID, index=True)
    seq: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    counts: Mapped[dict] = mapped_column(JSON, default=dict)


class SyncImport(Base):
    __tablename__ = "sync_imports"
    bundle_id: Mapped[str] = mapped_column(UUID, primary_key=True)
    peer_node_id: Mapped[str] = mapped_column(UUID, index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    report: Mapped[dict] = mapped_column(JSON, default=dict)


class QuarantinedRecord(Base):
    """A record that could not be applied; retried at every later import, never silently dropped."""

    __tablename__ = "sync_quarantine"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    bundle_id: Mapped[str] = mapped_column(UUID, index=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(64), index=True)
    payload: Mapped[dict] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(String(64))
    # What exactly is wrong, e.g. "birth_date: not a date" (a column name and a few words, never a value).
    detail: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class WaitingBundle(Base):
    """A commune's bundle that arrived before its key was pinned. Whoever holds the enrolment file
    could have made it, so it is not applied: the file is kept under ``incoming/waiting/`` until the
    province officer compares this fingerprint with the one the commune reads over the phone.
    Confirming pins the key and applies the matching bundles in order; the others are discarded."""

    __tablename__ = "sync_waiting"
    bundle_id: Mapped[str] = mapped_column(UUID, primary_key=True)
    peer_code: Mapped[str] = mapped_column(String(16), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    key_id: Mapped[str] = mapped_column(String(32))
    fingerprint: Mapped[str] = mapped_column(String(32))
    sign_key: Mapped[str] = mapped_column(String(128))  # hex, as SyncPeer keeps it once pinned
    box_key: Mapped[str] = mapped_column(String(128))
    file_name: Mapped[str] = mapped_column(String(255))  # the kept copy, named by the bundle id
    original_name: Mapped[str] = mapped_column(String(255), default="")
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SyncConflict(Base):
    """Two versions of one record from different writers: every office keeps the same winner and
    the losing version stays here for the user to look at and choose."""

    __tablename__ = "sync_conflicts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(64), index=True)
    winner: Mapped[dict] = mapped_column(JSON)
    loser: Mapped[dict] = mapped_column(JSON)
    detected_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    resolution: Mapped[str] = mapped_column(String(16), default="")


class SecurityEvent(Base):
    """Tampering and refused bundles. Never personal data: codes, file names and office codes."""

    __tablename__ = "security_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    kind: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(255), default="")
    detail: Mapped[str] = mapped_column(Text, default="")


class NominationReview(Synced, Base):
    """The province's appraisal of a commune's nomination (thẩm định): its own row, recording
    which version of the dossier it looked at, so a later commune edit shows "changed since review"."""

    __tablename__ = "nomination_reviews"
    nomination_id: Mapped[str] = mapped_column(ForeignKey("nominations.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))  # received | in_review | approved | returned | rejected
    reason: Mapped[str] = mapped_column(Text, default="")
    reviewed_version: Mapped[int] = mapped_column(Integer)
    reviewed_epoch: Mapped[int] = mapped_column(Integer, default=1)
    reviewed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # The dossier checklist as the reviewer left it with this verdict: [{"code", "checked", "note"}]
    # in the catalog's order (migration 0016). It travels with the row, so a returned dossier's
    # commune sees which items were found wanting and why.
    checklist: Mapped[list] = mapped_column(JSON, default=list)
