"""Emulation movements with goals and indicator targets, activities, registrations and attachments."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..db import Session
from ..db.models import (
    Activity,
    ActivityIndicatorValue,
    Attachment,
    Movement,
    MovementIndicator,
    Registration,
    Village,
)
from ..db.repositories.common import get_live, live
from ..domain.enums import AuthorityLevel, MovementKind, MovementStatus
from ..domain.errors import ValidationError
from ..domain.text import clean_text, search_key
from ..domain.validation import parse_date, parse_enum, parse_int, require
from .attachments import AttachmentStore
from .base import ServiceBase, iso
from .records import Subject


@dataclass
class IndicatorInput:
    name: str
    unit: str = ""
    baseline: float | None = None
    target: float | None = None
    reporting_dates: list[str] = field(default_factory=list)  # dd/mm/yyyy


@dataclass
class MovementInput:
    code: str
    name: str
    theme: str = ""
    launch_level: str = "commune"
    launch_doc_number: str = ""
    launch_doc_date: str = ""
    kind: str = "thematic"
    period_start: str = ""
    period_end: str = ""
    status: str = "active"
    goals: list[str] = field(default_factory=list)
    criteria: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    interim_review_date: str = ""
    final_review_date: str = ""
    indicators: list[IndicatorInput] = field(default_factory=list)


def _opt_date(text: str, name: str) -> date | None:
    return parse_date(text, name) if clean_text(text) else None


class MovementService(ServiceBase):
    def __init__(self, *args: object, attachments: AttachmentStore | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.attachments = attachments

    def create(self, data: MovementInput) -> str:
        """A movement with its indicators, in one transaction."""
        code, name = clean_text(data.code), clean_text(data.name)
        require(code, "code")
        require(name, "name")
        start, end = _opt_date(data.period_start, "period_start"), _opt_date(data.period_end, "period_end")
        if start and end and end < start:
            raise ValidationError("DATE_ORDER", field="period_end")
        movement = Movement(
            code=code, name=name, search_key=search_key(f"{code} {name}"), theme=clean_text(data.theme),
            launch_level=parse_enum(AuthorityLevel, data.launch_level, "launch_level").value,
            launch_doc_number=clean_text(data.launch_doc_number),
            launch_doc_date=_opt_date(data.launch_doc_date, "launch_doc_date"),
            kind=parse_enum(MovementKind, data.kind, "kind").value, period_start=start, period_end=end,
            status=parse_enum(MovementStatus, data.status, "status").value,
            goals=[clean_text(g) for g in data.goals if clean_text(g)],
            criteria=[clean_text(c) for c in data.criteria if clean_text(c)],
            participants=[clean_text(p) for p in data.participants if clean_text(p)],
            interim_review_date=_opt_date(data.interim_review_date, "interim_review_date"),
            final_review_date=_opt_date(data.final_review_date, "final_review_date"),
        )
        with self.db.transaction(self.actor) as session:
            if session.scalars(live(Movement).where(Movement.code == code)).first():
                raise ValidationError("MOVEMENT_CODE_DUPLICATE", field="code", value=code)
            session.add(movement)
            session.flush()
            for index, ind in enumerate(data.indicators):
                self._add_indicator(session, movement.id, ind, index)
            return movement.id

    @staticmethod
    def _add_indicator(session: Session, movement_id: str, ind: IndicatorInput, index: int) -> None:
        label = f"indicators[{index + 1}]"
        name = clean_text(ind.name)
        require(name, label)
        dates = [parse_date(d, label).isoformat() for d in ind.reporting_dates if clean_text(d)]
        session.add(MovementIndicator(movement_id=movement_id, name=name, unit=clean_text(ind.unit),
                                      baseline=ind.baseline, target=ind.target, reporting_dates=dates,
                                      position=index))

    def list(self, search: str = "") -> list[dict[str, object]]:
        key = search_key(search)
        with self.db.reader() as session:
            rows = session.scalars(live(Movement).order_by(Movement.code)).all()
            return [{"id": m.id, "code": m.code, "name": m.name, "kind": m.kind, "status": m.status,
                     "launch_level": m.launch_level, "period_start": iso(m.period_start),
                     "period_end": iso(m.period_end)} for m in rows if key in m.search_key]

    def indicators(self, movement_id: str) -> list[dict[str, object]]:
        """Indicators with their targets and the total reported by activities so far."""
        with self.db.reader() as session:
            get_live(session, Movement, movement_id, field="movement")
            inds = session.scalars(live(MovementIndicator).where(MovementIndicator.movement_id == movement_id)
                                   .order_by(MovementIndicator.position)).all()
            out = []
            for ind in inds:
                values = session.scalars(live(ActivityIndicatorValue)
                                         .where(ActivityIndicatorValue.indicator_id == ind.id)).all()
                out.append({"id": ind.id, "name": ind.name, "unit": ind.unit, "baseline": ind.baseline,
                            "target": ind.target, "reported": sum(v.value for v in values)})
            return out

    def record_activity(self, *, movement_id: str, held_on: str, village_id: str | None = None,
                        place: str = "", description: str = "", participants_total: int | str = 0,
                        participants_women: int | str = 0, participants_minority: int | str = 0,
                        indicator_values: dict[str, float] | None = None,
                        files: list[Path] | None = None) -> str:
        """An activity with its indicator values and files, all in one transaction."""
        day = parse_date(held_on, "held_on")
        total = parse_int(str(participants_total), "participants_total", min=0, max=1_000_000)
        women = parse_int(str(participants_women), "participants_women", min=0, max=total)
        minority = parse_int(str(participants_minority), "participants_minority", min=0, max=total)
        stored = [self._store(p) for p in files or []]
        with self.db.transaction(self.actor) as session:
            get_live(session, Movement, movement_id, field="movement")
            if village_id:
                get_live(session, Village, village_id, field="village")
            activity = Activity(movement_id=movement_id, held_on=day, village_id=village_id,
                                place=clean_text(place), description=clean_text(description),
                                participants_total=total, participants_women=women,
                                participants_minority=minority)
            session.add(activity)
            session.flush()
            for indicator_id, value in (indicator_values or {}).items():
                ind = get_live(session, MovementIndicator, indicator_id, field="indicator_values")
                if ind.movement_id != movement_id:
                    raise ValidationError("INDICATOR_NOT_IN_MOVEMENT", field="indicator_values")
                session.add(ActivityIndicatorValue(activity_id=activity.id, indicator_id=ind.id, value=float(value)))
            for path, (sha, size, mime) in stored:
                session.add(Attachment(sha256=sha, file_name=path.name, mime_type=mime, size=size,
                                       owner_table="activities", owner_id=activity.id, purpose="photo"))
            return activity.id

    def _store(self, path: Path) -> tuple[Path, tuple[str, int, str]]:
        if self.attachments is None:
            raise ValidationError("ATTACHMENTS_UNAVAILABLE", field="files")
        return path, self.attachments.put_file(Path(path))

    def activities(self, movement_id: str | None = None, limit: int = 200) -> list[dict[str, object]]:
        with self.db.reader() as session:
            stmt = live(Activity)
            if movement_id:
                stmt = stmt.where(Activity.movement_id == movement_id)
            rows = session.scalars(stmt.order_by(Activity.held_on.desc()).limit(limit)).all()
            return [{"id": a.id, "movement_id": a.movement_id, "held_on": iso(a.held_on), "place": a.place,
                     "description": a.description, "participants_total": a.participants_total} for a in rows]

    def register(self, subject: Subject, year: int | str, target_award_codes: list[str],
                 movement_id: str | None = None, registered_on: str = "") -> str:
        """An emulation registration: a person or unit aims at titles for a year."""
        for code in target_award_codes:
            self.catalog.award(code)
        row = Registration(person_id=subject.person_id, collective_id=subject.collective_id,
                           year=parse_int(str(year), "year", min=2000, max=2100),
                           target_award_codes=list(target_award_codes), movement_id=movement_id,
                           registered_on=_opt_date(registered_on, "registered_on"))
        with self.db.transaction(self.actor) as session:
            subject.check(session)
            if movement_id:
                get_live(session, Movement, movement_id, field="movement")
            session.add(row)
            session.flush()
            return row.id
