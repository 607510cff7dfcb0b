"""Award statistics for reports: counts by award, level and kind, with the directive's groups."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import AwardHistory, Collective, Person, Village


def award_rows(session: Session, year: int) -> list[tuple[str, str, str, str | None, bool, bool, bool, bool]]:
    """(award code, level, kind, gender, minority, direct worker, border/remote, is collective) per award."""
    person = (select(AwardHistory.award_code, AwardHistory.issuing_level, AwardHistory.commendation_kind,
                     Person.gender, Person.is_ethnic_minority, Person.is_direct_worker,
                     func.coalesce(Village.is_border, False) | func.coalesce(Village.is_remote, False))
              .join(Person, Person.id == AwardHistory.person_id)
              .outerjoin(Village, Village.id == Person.village_id)
              .where(AwardHistory.year == year, AwardHistory.deleted.is_(False), Person.deleted.is_(False)))
    collective = (select(AwardHistory.award_code, AwardHistory.issuing_level, AwardHistory.commendation_kind)
                  .join(Collective, Collective.id == AwardHistory.collective_id)
                  .where(AwardHistory.year == year, AwardHistory.deleted.is_(False), Collective.deleted.is_(False)))
    rows: list[tuple[str, str, str, str | None, bool, bool, bool, bool]] = [
        (c, lvl, k, g, bool(m), bool(d), bool(r), False) for c, lvl, k, g, m, d, r in session.execute(person)]
    rows += [(c, lvl, k, None, False, False, False, True) for c, lvl, k in session.execute(collective)]
    return rows
