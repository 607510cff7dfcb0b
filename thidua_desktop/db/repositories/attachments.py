"""Queries over the attachment rows of every owner (read-only); the files themselves are in the
attachment store, outside the database."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from ..models import Attachment
from .common import live


def live_attachments(session: Session) -> Sequence[Attachment]:
    """Every live attachment row, whatever it is attached to (the integrity check reads them all)."""
    return session.scalars(live(Attachment)).all()
