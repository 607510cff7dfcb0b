"""Printing certificates on pre-printed blanks: the office's calibration (how far its blanks and its
printer put each line from our default positions), kept in the database so it survives restarts,
and a preview that draws the field boxes over a faint picture of the blank."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path
from typing import Any

from ..db.models import LocalParameter
from ..domain.errors import ValidationError
from ..reports import certificate
from ..reports.certificate import (
    BLANK,
    MAX_OFFSET_MM,
    Calibration,
    CertificateOptions,
    CertificateSet,
    FieldBox,
    FieldOffset,
    field_boxes,
)
from ..reports.decision import PERSON, AwardRecipient, DecisionDoc
from ..reports.model import PrintJob
from ..reports.templates import load_template
from .base import ServiceBase
from .office import OfficeService
from .print_context import PrintContext, load_settings
from .print_settings import CALIBRATION_KEY, load_calibration
from .printing import PrintService
from .template_store import pushed_templates

__all__ = ["CALIBRATION_KEY", "Calibration", "CertificateLayoutService", "FieldBox", "FieldOffset",
           "load_calibration"]


def _checked(value: Any, field: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValidationError("DECIMAL_INVALID", field=field, value=str(value)) from None
    if not math.isfinite(number) or abs(number) > MAX_OFFSET_MM:
        raise ValidationError("NUMBER_OUT_OF_RANGE", field=field, value=str(value),
                              range=f"-{MAX_OFFSET_MM:g} … {MAX_OFFSET_MM:g} mm")
    return round(number, 1)


class CertificateLayoutService(ServiceBase):
    """Calibration of the "print on blank" mode, per office (LocalParameter ``certificate_calibration``)."""

    def __init__(self, *args: Any, override_dir: Path | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.override_dir = override_dir

    def _template(self) -> dict[str, Any]:
        with self.db.reader() as session:
            return load_template("certificate", self.override_dir, pushed_templates(session))

    def fields(self) -> list[FieldBox]:
        """The fields printed on a blank, at their default positions (mm from the sheet's top-left)."""
        return [box for box in field_boxes(self._template()).values() if box.variable]

    def calibration(self) -> Calibration:
        with self.db.reader() as session:
            return load_calibration(session)

    def validate(self, calibration: Calibration) -> Calibration:
        """Offsets as numbers within ±30 mm, rounded to 0.1 mm, for known blank fields only."""
        known = {box.name for box in self.fields()}
        fields: dict[str, FieldOffset] = {}
        for name, offset in calibration.fields.items():
            if name not in known:
                raise ValidationError("ENUM_INVALID", field="calibration", value=name, allowed=", ".join(sorted(known)))
            fields[name] = FieldOffset(_checked(offset.dx, f"calibration.{name}.dx"),
                                       _checked(offset.dy, f"calibration.{name}.dy"))
        return Calibration(_checked(calibration.dx, "calibration.dx"), _checked(calibration.dy, "calibration.dy"),
                           {k: v for k, v in fields.items() if v.dx or v.dy})

    def save_calibration(self, calibration: Calibration) -> Calibration:
        """Store the office's calibration (one transaction) and return it as stored."""
        clean = self.validate(calibration)
        with self.db.transaction(self.actor) as session:
            row = session.get(LocalParameter, CALIBRATION_KEY)
            if row is None:
                session.add(LocalParameter(key=CALIBRATION_KEY, value=clean.to_json(), changed_by=self.actor))
            else:
                row.value = clean.to_json()
                row.changed_by = self.actor
        return clean

    def reset_calibration(self) -> None:
        """Back to the default positions (no offsets)."""
        self.save_calibration(Calibration())

    def preview(self, calibration: Calibration | None = None, *, target: str | None = None,
                outline: bool = True) -> bytes:
        """A blank-mode PDF with ``calibration`` (default: the saved one). ``target`` is a decision id
        (or "decision:recipient"); without it a sample recipient is drawn, so the office can calibrate
        before its first decision. ``outline=False`` is the test print to lay over a real blank."""
        chosen = self.validate(calibration) if calibration is not None else self.calibration()
        if target:
            options = {"mode": BLANK, "preview": outline, "calibration": chosen}
            return PrintService(self.db, self.actor, self._catalog, override_dir=self.override_dir).render(
                "certificate", target, options=options).pdf
        office = OfficeService(self.db, self.actor).office()
        with self.db.reader() as session:
            ctx = PrintContext(session=session, office=office, catalog=self.catalog, settings=load_settings(session),
                               today=date.today(), override_dir=self.override_dir,
                               pushed=pushed_templates(session))
            wording = ctx.wording("certificate")
            signer = ctx.chairman_name()
        job = PrintJob(wording=wording, qr_text=None, issued_on=None, author=office.unit_name)
        data = CertificateSet(self._sample(wording.doc.get("sample") or {}, ctx.today, signer),
                              CertificateOptions(BLANK, outline, chosen))
        return certificate.render(data, job)

    @staticmethod
    def _sample(sample: dict[str, Any], today: date, signer: str) -> DecisionDoc:
        year = today.year
        achievement = str(sample.get("achievement", "")).replace("{year}", str(year))
        person = AwardRecipient("sample", "", str(sample.get("name", "Nguyễn Văn An")), PERSON,
                                str(sample.get("gender", "male")), str(sample.get("position", "")),
                                str(sample.get("unit", "")), achievement, None)
        return DecisionDoc("sample", str(sample.get("number", "…/QĐ-UBND")), today, "GK_XA_CN", "Giấy khen",
                           "commendation_form", year, None, None, None, signer or str(sample.get("signer", "")), "",
                           (person,))
