"""The office itself, reference lists, villages, local parameters and the audit log."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import UUID, Base, Synced, utcnow


class Office(Base):
    """Exactly one row: who this database belongs to, and its sync counters."""

    __tablename__ = "office"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    role: Mapped[str] = mapped_column(String(16))
    unit_code: Mapped[str] = mapped_column(String(16))
    unit_name: Mapped[str] = mapped_column(String(200))
    province_code: Mapped[str] = mapped_column(String(4))
    node_id: Mapped[str] = mapped_column(UUID)
    epoch: Mapped[int] = mapped_column(Integer, default=1)
    change_counter: Mapped[int] = mapped_column(Integer, default=0)
    clock: Mapped[int] = mapped_column(Integer, default=0)
    officer_name: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AdminUnit(Base):
    """Communes and wards after 1/7/2025 (Resolution 1657/NQ-UBTVQH15), plus the province itself."""

    __tablename__ = "admin_units"
    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    division_type: Mapped[str] = mapped_column(String(32))
    province_code: Mapped[str] = mapped_column(String(4), index=True)
    search_key: Mapped[str] = mapped_column(String(200), index=True)
    source: Mapped[str] = mapped_column(String(200), default="")


class Village(Synced, Base):
    """Thôn, xóm, bản or tổ dân phố of the commune."""

    __tablename__ = "villages"
    name: Mapped[str] = mapped_column(String(200))
    search_key: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(32), default="thon")
    commune_code: Mapped[str] = mapped_column(String(8), index=True)
    is_border: Mapped[bool] = mapped_column(Boolean, default=False)
    is_remote: Mapped[bool] = mapped_column(Boolean, default=False)


class LocalParameter(Base):
    """Values the catalog lets the office set itself (base salary, quotas, thresholds)."""

    __tablename__ = "local_parameters"
    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    value: Mapped[dict] = mapped_column(JSON)
    changed_by: Mapped[str] = mapped_column(String(200), default="")
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AuditEntry(Base):
    """Who changed which record when, with old and new values. Local only, never synced."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(16))
    table_name: Mapped[str] = mapped_column(String(64), index=True)
    row_id: Mapped[str] = mapped_column(String(64), index=True)
    old_values: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    new_values: Mapped[dict | None] = mapped_column(JSON, nullable=True)


class Attachment(Synced, Base):
    """A file stored content-addressed by its SHA-256: next to the database (attachments/ab/<sha256>)
    in a commune's SQLite office, in ``attachment_contents`` on a server office."""

    __tablename__ = "attachments"
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    owner_table: Mapped[str] = mapped_column(String(64), index=True)
    owner_id: Mapped[str] = mapped_column(UUID, index=True)
    purpose: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class AttachmentContent(Base):
    """An attached file's bytes on a server office (PostgreSQL), where several computers share the
    database and none of them can read another's data folder (services/attachments.py).

    Keyed by the content's SHA-256, as the folder store and the bundles are: the same photo
    attached twice is stored once, so there is no foreign key to one ``attachments`` row (every
    row naming the hash shares it). A file is split into parts of at most 4 MiB
    (db/repositories/attachments.py), so neither the app nor the server ever holds a 200 MB scan
    in memory at once. Local only, never synced: a bundle carries the file itself."""

    __tablename__ = "attachment_contents"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    part: Mapped[int] = mapped_column(Integer, primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class CouncilMember(Synced, Base):
    __tablename__ = "council_members"
    full_name: Mapped[str] = mapped_column(String(200))
    council_role: Mapped[str] = mapped_column(String(32), default="member")
    position: Mapped[str] = mapped_column(String(200), default="")
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class OfficeOfficial(Synced, Base):
    """Who holds a post of the office over a term: the commune chairman and vice-chairmen, the
    council's chair, vice-chairs and secretary. Every document is signed by the holder in office
    on its date (services/officials.py); a term with no end is current."""

    __tablename__ = "office_officials"
    role: Mapped[str] = mapped_column(String(32), index=True)
    full_name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200), default="")  # "Chủ tịch UBND xã"
    term_start: Mapped[date] = mapped_column(Date)
    term_end: Mapped[date | None] = mapped_column(Date, nullable=True)
