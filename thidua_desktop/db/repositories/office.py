"""Queries over the office's own setup (read-only): its villages and the audit of its local values."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from ..models import AuditEntry, Village
from .common import live


def villages_by_name(session: Session) -> Sequence[Village]:
    """The office's live villages, by name."""
    return session.scalars(live(Village).order_by(Village.name)).all()


def local_parameter_changes(session: Session, limit: int) -> list[AuditEntry]:
    """The latest ``limit`` audit entries of the local values (thresholds, base salary…), newest first."""
    return (session.query(AuditEntry).filter(AuditEntry.table_name == "local_parameters")
            .order_by(AuditEntry.id.desc()).limit(limit).all())
