"""Emulation movements with goals and indicator targets, activities, registrations and attachments."""

from __future__ import annotations

import builtins  # the class's own ``list`` method shadows the builtin in its later signatures
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..db import Database, Session
from ..db.models import (
    Activity,
    ActivityIndicatorValue,
    Attachment,
    Movement,
    MovementIndicator,
    Registration,
    Village,
)
from ..db.repositories import movements as repo
from ..db.repositories.common import count, get_live, page
from ..db.repositories.record_changes import child_ids, newest_child_stamp
from ..domain.enums import AuthorityLevel, MovementKind, MovementStatus
from ..domain.errors import Notice, ValidationError
from ..domain.indicators import Assessment, Direction, IndicatorKind, assess, default_direction, indicator_result
from ..domain.text import clean_text, search_key
from ..domain.validation import ErrorCollector, parse_date, parse_enum, parse_int, require
from ..rules.plausibility import DateLimits, days_ahead_notice, load_limits
from .attachments import AttachmentStore, AttachmentView, attachment_view, clean_file_name
from .base import CatalogSource, ServiceBase, iso
from .changes import Change
from .record_tokens import Token, check, get_for_edit, token_of
from .records import Subject

Number = float | int | str | None


@dataclass
class IndicatorInput:
    name: str
    unit: str = ""
    baseline: Number = None
    target: Number = None
    reporting_dates: list[str] = field(default_factory=list)  # dd/mm/yyyy
    id: str | None = None  # set when editing an indicator that already exists
    kind: str = IndicatorKind.COUNT.value  # count (summed), level or percentage (latest value)
    direction: str = ""  # up or down; blank: down when the target is below the baseline, else up


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
    # Set by ``get``: the newest (origin_epoch, version) of the movement and its indicators, for
    # ``update(expected=...)`` (services/record_tokens.py). Ignored when saving.
    token: Token | None = None


@dataclass(frozen=True)
class MovementRow:
    id: str
    code: str
    name: str
    launch_level: str
    kind: str
    status: str
    period_start: date | None
    period_end: date | None


@dataclass(frozen=True)
class ActivityView:
    id: str
    movement_id: str
    movement: str
    held_on: date
    village_id: str | None
    village: str
    place: str
    description: str
    participants_total: int
    participants_women: int
    participants_minority: int
    attachments: int


def _opt_date(text: str, name: str) -> date | None:
    return parse_date(text, name) if clean_text(text) else None


def _dmy(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:([.,])\d{3})+")


def parse_number(value: Number, name: str) -> float | None:
    """A decimal number typed the Vietnamese way ("12,5", "1.000") or the English way ("12.5");
    blank -> None. A separator followed by groups of exactly three digits is a thousands separator,
    as ``parse_int`` reads it."""
    if isinstance(value, bool):
        raise ValidationError("DECIMAL_INVALID", field=name, value=str(value))
    if isinstance(value, int | float):
        number = float(value)
    else:
        raw = clean_text(value).replace(" ", "")
        if not raw:
            return None
        text = raw
        if "." in text and "," in text:  # the later one is the decimal separator
            decimal = "," if text.rfind(",") > text.rfind(".") else "."
            text = text.replace("." if decimal == "," else ",", "").replace(decimal, ".")
        elif _THOUSANDS.fullmatch(text) and not text.lstrip("+-").startswith("0"):
            text = text.replace(".", "").replace(",", "")
        else:
            text = text.replace(",", ".")
        if not (text.isascii() and re.fullmatch(r"[+-]?\d+(\.\d+)?", text)):
            raise ValidationError("DECIMAL_INVALID", field=name, value=raw)
        number = float(text)
    if not math.isfinite(number):
        raise ValidationError("DECIMAL_INVALID", field=name, value=str(value))
    return number


def _lines(items: list[str]) -> list[str]:
    return [clean_text(x) for x in items if clean_text(x)]


def _indicator_values(ind: IndicatorInput, index: int) -> dict[str, Any]:
    """An indicator's validated columns; every cell checked before refusing."""
    label = f"indicators[{index + 1}]"
    errors = ErrorCollector()
    name = clean_text(ind.name)
    errors.call(require, name, label)
    baseline = errors.call(parse_number, ind.baseline, f"{label}.baseline")
    target = errors.call(parse_number, ind.target, f"{label}.target")
    dates = [errors.call(parse_date, d, f"{label}.reporting_dates") for d in ind.reporting_dates if clean_text(d)]
    kind = errors.call(parse_enum, IndicatorKind, ind.kind or IndicatorKind.COUNT.value, f"{label}.kind")
    direction = errors.call(parse_enum, Direction, ind.direction, f"{label}.direction") \
        if clean_text(ind.direction) else None
    errors.raise_if_any()
    assert kind is not None
    return dict(name=name, unit=clean_text(ind.unit), position=index, baseline=baseline, target=target,
                reporting_dates=[d.isoformat() for d in dates if d], kind=kind.value,
                direction=direction.value if direction else default_direction(baseline, target))


def indicator_figures(session: Session, indicators: Sequence[MovementIndicator]) -> dict[str, Assessment]:
    """Each indicator's result by its kind (sum, or latest value), whether it meets its target by
    its direction, and how far it has come: what every screen, report and workbook shows."""
    readings = repo.indicator_readings(session, [i.id for i in indicators])
    return {i.id: assess(i.direction, i.baseline, i.target, indicator_result(i.kind, readings[i.id]))
            for i in indicators}


def _set_changed(row: MovementIndicator, values: dict[str, Any]) -> None:
    for key, value in values.items():
        if getattr(row, key, None) != value:
            setattr(row, key, value)


def _token(session: Session, movement: Movement) -> Token:
    """The movement's token: a change to one of its indicators changes it too."""
    return token_of(movement, newest_child_stamp(session, MovementIndicator, MovementIndicator.movement_id,
                                                 movement.id))


class MovementService(ServiceBase):
    def __init__(self, db: Database, actor: str = "system", catalog: CatalogSource | None = None, *,
                 attachments: AttachmentStore | None = None, today: Callable[[], date] = date.today,
                 limits: DateLimits | None = None) -> None:
        super().__init__(db, actor, catalog)
        self.attachments = attachments
        self.today = today
        self._limits = limits

    @property
    def limits(self) -> DateLimits:
        return self._limits or load_limits()

    # Movements -----------------------------------------------------------------------------
    @staticmethod
    def _columns(data: MovementInput) -> dict[str, Any]:
        """Validated column values of a movement and of its indicators (under "indicators"), every
        field checked before refusing so that all problems come at once."""
        errors = ErrorCollector()
        code, name = clean_text(data.code), clean_text(data.name)
        with errors.check():
            require(code, "code")
            if len(code) > 40:
                raise ValidationError("TEXT_TOO_LONG", field="code", max=40)
        with errors.check():
            require(name, "name")
            if len(name) > 500:
                raise ValidationError("TEXT_TOO_LONG", field="name", max=500)
        launch_level = errors.call(parse_enum, AuthorityLevel, data.launch_level, "launch_level")
        launch_doc_date = errors.call(_opt_date, data.launch_doc_date, "launch_doc_date")
        kind = errors.call(parse_enum, MovementKind, data.kind, "kind")
        start = errors.call(_opt_date, data.period_start, "period_start")
        end = errors.call(_opt_date, data.period_end, "period_end")
        if start and end and end < start:
            errors.add(ValidationError("DATE_ORDER", field="period_end"))
        status = errors.call(parse_enum, MovementStatus, data.status, "status")
        interim = errors.call(_opt_date, data.interim_review_date, "interim_review_date")
        final = errors.call(_opt_date, data.final_review_date, "final_review_date")
        for day, name_ in ((interim, "interim_review_date"), (final, "final_review_date")):
            if start and day and day < start:
                errors.add(ValidationError("DATE_ORDER", field=name_))
        indicators = [errors.call(_indicator_values, ind, index) for index, ind in enumerate(data.indicators)]
        errors.raise_if_any()
        assert launch_level and kind and status  # refused above otherwise
        return dict(
            code=code, name=name, search_key=search_key(f"{code} {name}"), theme=clean_text(data.theme),
            launch_level=launch_level.value, launch_doc_number=clean_text(data.launch_doc_number),
            launch_doc_date=launch_doc_date, kind=kind.value, period_start=start, period_end=end,
            status=status.value, goals=_lines(data.goals), criteria=_lines(data.criteria),
            participants=_lines(data.participants), interim_review_date=interim, final_review_date=final,
            indicators=indicators,
        )

    @staticmethod
    def _check_code(session: Session, code: str, movement_id: str | None) -> None:
        if repo.other_movement_with_code(session, code, movement_id):
            raise ValidationError("MOVEMENT_CODE_DUPLICATE", field="code", value=code)

    def create(self, data: MovementInput) -> str:
        """A movement with its indicators, in one transaction."""
        columns = self._columns(data)
        indicators = columns.pop("indicators")
        movement = Movement(**columns)
        with self.db.transaction(self.actor) as session:
            self._check_code(session, movement.code, None)
            session.add(movement)
            session.flush()
            for values in indicators:
                row = MovementIndicator(movement_id=movement.id)
                _set_changed(row, values)
                session.add(row)
            return movement.id

    def update(self, movement_id: str, data: MovementInput, *, expected: Token | None = None) -> None:
        """Edit a movement and its indicators in one transaction. Indicators with an id are changed,
        those without are added, and live ones left out become tombstones; values that activities
        already reported stay in the database. ``expected``: the token ``get`` gave the form; a save
        by someone else since then is refused with RECORD_CHANGED."""
        columns = self._columns(data)
        indicators = columns.pop("indicators")
        with self.db.transaction(self.actor) as session:
            movement = get_for_edit(session, Movement, movement_id, expected, field="movement")
            check(session, movement, expected, _token(session, movement),
                  lambda: child_ids(session, MovementIndicator, MovementIndicator.movement_id, movement_id))
            self._check_code(session, columns["code"], movement_id)
            for key, value in columns.items():
                if getattr(movement, key) != value:
                    setattr(movement, key, value)
            existing = {i.id: i for i in repo.live_indicators(session, movement_id)}
            kept: set[str] = set()
            for index, (ind, values) in enumerate(zip(data.indicators, indicators, strict=True)):
                if ind.id:
                    row = existing.get(ind.id)
                    if row is None or ind.id in kept:
                        raise ValidationError("INDICATOR_NOT_IN_MOVEMENT", field=f"indicators[{index + 1}]")
                    kept.add(ind.id)
                else:
                    row = MovementIndicator(movement_id=movement_id)
                    session.add(row)
                _set_changed(row, values)
            for indicator_id, row in existing.items():
                if indicator_id not in kept:
                    row.deleted = True

    def get(self, movement_id: str) -> MovementInput:
        """The movement as its edit form shows it (dates as dd/mm/yyyy, indicators with their ids)."""
        with self.db.reader() as session:
            m = get_live(session, Movement, movement_id, field="movement")
            indicators = [IndicatorInput(
                i.name, i.unit, i.baseline, i.target,
                [date.fromisoformat(d).strftime("%d/%m/%Y") for d in i.reporting_dates or []], id=i.id,
                kind=i.kind, direction=i.direction)
                for i in repo.live_indicators(session, movement_id)]
            return MovementInput(
                code=m.code, name=m.name, theme=m.theme, launch_level=m.launch_level,
                launch_doc_number=m.launch_doc_number, launch_doc_date=_dmy(m.launch_doc_date), kind=m.kind,
                period_start=_dmy(m.period_start), period_end=_dmy(m.period_end), status=m.status,
                goals=list(m.goals or []), criteria=list(m.criteria or []),
                participants=list(m.participants or []), interim_review_date=_dmy(m.interim_review_date),
                final_review_date=_dmy(m.final_review_date), indicators=indicators, token=_token(session, m))

    def search(self, text: str = "", *, status: str | None = None, offset: int = 0,
               limit: int = 100) -> tuple[list[MovementRow], int]:
        """One page of movements whose code or name matches the text (accents optional)."""
        if status:
            status = parse_enum(MovementStatus, status, "status").value
        stmt = repo.movements_query(search_key(text), status)
        with self.db.reader() as session:
            rows = [MovementRow(m.id, m.code, m.name, m.launch_level, m.kind, m.status, m.period_start,
                                m.period_end) for m in page(session, stmt, offset, limit)]
            return rows, count(session, stmt)

    def list(self, search: str = "") -> list[dict[str, object]]:
        rows, _total = self.search(search, limit=10_000)
        return [{"id": m.id, "code": m.code, "name": m.name, "kind": m.kind, "status": m.status,
                 "launch_level": m.launch_level, "period_start": iso(m.period_start),
                 "period_end": iso(m.period_end)} for m in rows]

    def indicators(self, movement_id: str) -> builtins.list[dict[str, object]]:
        """Indicators with their kind, direction and targets, and the result so far: ``result`` the
        sum of the activities' values for a count, the latest value for a level or a percentage
        (None: nothing reported; ``reported`` is the same with 0 for nothing), ``achieved`` by the
        direction (None without a result or a target), ``percent`` towards the target and
        ``progress`` (0 … 1, for a bar; a falling indicator fills from its baseline)."""
        with self.db.reader() as session:
            get_live(session, Movement, movement_id, field="movement")
            inds = repo.live_indicators(session, movement_id)
            figures = indicator_figures(session, inds)
            out: list[dict[str, object]] = []
            for ind in inds:
                f = figures[ind.id]
                out.append({"id": ind.id, "name": ind.name, "unit": ind.unit, "kind": ind.kind,
                            "direction": ind.direction, "baseline": ind.baseline, "target": ind.target,
                            "result": f.result, "reported": f.result if f.result is not None else 0.0,
                            "achieved": f.achieved, "percent": f.percent, "progress": f.progress,
                            "reporting_dates": list(ind.reporting_dates or [])})
            return out

    # Activities ----------------------------------------------------------------------------
    def record_activity(self, *, movement_id: str, held_on: str, village_id: str | None = None,
                        place: str = "", description: str = "", participants_total: int | str = 0,
                        participants_women: int | str = 0, participants_minority: int | str = 0,
                        indicator_values: dict[str, Number] | None = None,
                        files: builtins.list[Path] | None = None) -> str:
        """An activity with its indicator values and files, all in one transaction. A blank
        indicator value means "not reported" and is skipped."""
        day, total, women, minority, values, _notices = self._activity_values(
            movement_id, held_on, participants_total, participants_women, participants_minority, indicator_values)
        stored = [self._store(Path(p)) for p in files or []]
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
            for indicator_id, value in values.items():
                ind = get_live(session, MovementIndicator, indicator_id, field=f"indicator_values.{indicator_id}")
                if ind.movement_id != movement_id:
                    raise ValidationError("INDICATOR_NOT_IN_MOVEMENT", field=f"indicator_values.{indicator_id}")
                if value is not None:
                    session.add(ActivityIndicatorValue(activity_id=activity.id, indicator_id=ind.id, value=value))
            self._add_attachments(session, activity.id, stored)
            return activity.id

    def _activity_values(self, movement_id: str, held_on: str, participants_total: int | str,
                         participants_women: int | str, participants_minority: int | str,
                         indicator_values: dict[str, Number] | None
                         ) -> tuple[date, int, int, int, dict[str, float | None], builtins.list[Notice]]:
        """An activity's validated values and what is unusual about them; all problems at once."""
        errors = ErrorCollector()
        if not movement_id:
            errors.add(ValidationError("REQUIRED", field="movement"))
        day = errors.call(parse_date, held_on, "held_on")
        total = errors.call(parse_int, str(participants_total), "participants_total", min=0, max=1_000_000)
        women = errors.call(parse_int, str(participants_women), "participants_women", min=0, max=total)
        minority = errors.call(parse_int, str(participants_minority), "participants_minority", min=0, max=total)
        values = {i: errors.call(parse_number, v, f"indicator_values.{i}") for i, v in (indicator_values or {}).items()}
        errors.raise_if_any()
        assert day is not None and total is not None and women is not None and minority is not None
        notices = days_ahead_notice(day, "held_on", self.today(), self.limits)
        return day, total, women, minority, values, notices

    def activity_warnings(self, *, movement_id: str, held_on: str, participants_total: int | str = 0,
                          participants_women: int | str = 0, participants_minority: int | str = 0,
                          indicator_values: dict[str, Number] | None = None,
                          **_ignored: object) -> builtins.list[Notice]:
        """What is unusual about an activity (asked about before saving), with the same arguments
        as :meth:`record_activity`. Saves nothing; refuses bad input as a save would."""
        return self._activity_values(movement_id, held_on, participants_total, participants_women,
                                     participants_minority, indicator_values)[5]

    @staticmethod
    def _add_attachments(session: Session, activity_id: str,
                         stored: builtins.list[tuple[Path, tuple[str, int, str]]]) -> None:
        for path, (sha, size, mime) in stored:
            session.add(Attachment(sha256=sha, file_name=clean_file_name(path.name), mime_type=mime, size=size,
                                   owner_table="activities", owner_id=activity_id,
                                   purpose="document" if mime == "application/pdf" else "photo"))

    def _store(self, path: Path) -> tuple[Path, tuple[str, int, str]]:
        if self.attachments is None:
            raise ValidationError("ATTACHMENTS_UNAVAILABLE", field="files")
        return path, self.attachments.put_file(Path(path))

    def activities(self, movement_id: str | None = None, limit: int = 200) -> builtins.list[dict[str, object]]:
        """Recent activities as plain data, each with its indicator values and attached file names."""
        rows, _total = self.activities_page(movement_id, limit=limit)
        ids = [a.id for a in rows]
        with self.db.reader() as session:
            values = repo.activity_values(session, ids)
            files: dict[str, list[str]] = {i: [] for i in ids}
            for att in repo.attachments_of(session, "activities", ids):
                files[att.owner_id].append(att.file_name)
        return [{"id": a.id, "movement_id": a.movement_id, "held_on": iso(a.held_on), "place": a.place,
                 "village_id": a.village_id, "description": a.description,
                 "participants_total": a.participants_total, "participants_women": a.participants_women,
                 "participants_minority": a.participants_minority, "indicator_values": values[a.id],
                 "attachments": files[a.id]} for a in rows]

    def activities_page(self, movement_id: str | None = None, *, offset: int = 0,
                        limit: int = 100) -> tuple[builtins.list[ActivityView], int]:
        """One page of activities, newest first, with movement and village names and file counts."""
        stmt = repo.activities_query(movement_id or None)
        with self.db.reader() as session:
            rows = [ActivityView(a.id, a.movement_id, movement, a.held_on, a.village_id, village or "", a.place,
                                 a.description, a.participants_total, a.participants_women,
                                 a.participants_minority, int(files or 0))
                    for a, movement, village, files in repo.page_rows(session, stmt, offset, limit)]
            return rows, repo.count_rows(session, stmt)

    # Attachments of activities ---------------------------------------------------------------
    def activity_attachments(self, activity_id: str) -> builtins.list[AttachmentView]:
        with self.db.reader() as session:
            get_live(session, Activity, activity_id, field="activity")
            return [attachment_view(a) for a in repo.attachments_of(session, "activities", [activity_id])]

    def attach_files(self, activity_id: str, files: builtins.list[Path]) -> int:
        """Add photos or PDFs to an activity already recorded; returns how many were added."""
        stored = [self._store(Path(p)) for p in files]
        with self.db.transaction(self.actor) as session:
            get_live(session, Activity, activity_id, field="activity")
            self._add_attachments(session, activity_id, stored)
        return len(stored)

    def _activity_attachment(self, session: Session, attachment_id: str) -> Attachment:
        att = get_live(session, Attachment, attachment_id, field="attachment")
        if att.owner_table != "activities":
            raise ValidationError("NOT_FOUND", field="attachment", table="attachments", id=attachment_id)
        return att

    def attachment_path(self, attachment_id: str) -> Path:
        """A copy of the stored file under its own name, to open it; refuses when the file is missing."""
        with self.db.reader() as session:
            att = self._activity_attachment(session, attachment_id)
            sha, name = att.sha256, att.file_name
        if self.attachments is None:
            raise ValidationError("ATTACHMENTS_UNAVAILABLE", field="files")
        return self.attachments.readable_copy(sha, name)

    def remove_attachment(self, attachment_id: str) -> Change:
        """Tombstone the attachment row; the stored file stays (other rows may share its content)."""
        with self.db.transaction(self.actor) as session:
            self._activity_attachment(session, attachment_id).deleted = True
        return Change.MOVEMENTS  # the activity's count of files

    # Registrations -------------------------------------------------------------------------
    def register(self, subject: Subject, year: int | str, target_award_codes: builtins.list[str],
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
