"""What a document would still print as a dotted blank, found before printing so the officer can
fill it in or print knowingly (the print preview's yellow banner, ``thidua print`` warnings).

Each item is a :class:`Notice` with a reason code (``BLANK_…``, worded in ``messages.py``). Blanks
meant for a hand (the clerk's number, the meeting's end time) are listed as data in
``common.json`` (``hand_blanks``) and never reported."""

from __future__ import annotations

from typing import Any

from ..domain.errors import Notice
from ..reports.achievement_report import HOUSEHOLD, INDIVIDUAL, ReportData, achievement_paragraphs, variant_wording
from ..reports.council_papers import CouncilMinutes
from ..reports.decision import DecisionDoc
from .print_context import PrintContext

# Documents whose wording cites legal grounds, and where in the wording they are listed.
NUMBERED_BY_HAND = ("submission", "minutes")  # unnumbered until the clerk writes the number
# Mẫu 05's profile lines the person record holds: profile key -> (ReportData field, reason code).
PERSON_PROFILE = {
    "position": ("position", "BLANK_PERSON_POSITION"),
    "hometown": ("hometown", "BLANK_PERSON_HOMETOWN"),
    "qualification": ("qualification", "BLANK_PERSON_QUALIFICATION"),
    "political_theory": ("political_theory", "BLANK_PERSON_POLITICAL_THEORY"),
    "degrees": ("academic_title", "BLANK_PERSON_ACADEMIC_TITLE"),
}


def _uses_ground(wording: Any, ground: str) -> bool:
    """Whether a "grounds" list anywhere in a document's wording names ``ground``."""
    if isinstance(wording, dict):
        return any((key == "grounds" and isinstance(value, list) and ground in value) or _uses_ground(value, ground)
                   for key, value in wording.items())
    if isinstance(wording, list):
        return any(_uses_ground(item, ground) for item in wording)
    return False


def _legal_bases(ctx: PrintContext, kind: str) -> list[Notice]:
    text = str((ctx.template("common").get("grounds") or {}).get("province_rules", ""))
    if not _uses_ground(ctx.template(kind), "province_rules"):
        return []
    out = []
    if "{province_rules_number}" in text and not ctx.settings.province_rules_number:
        out.append(Notice("BLANK_PROVINCE_RULES_NUMBER", "province_rules_number"))
    if "{province_rules_date}" in text and not ctx.settings.province_rules_date:
        out.append(Notice("BLANK_PROVINCE_RULES_DATE", "province_rules_date"))
    return out


def _record(kind: str, data: Any) -> list[Notice]:
    out: list[Notice] = []
    if isinstance(data, CouncilMinutes):
        if not data.started_at:
            out.append(Notice("BLANK_MEETING_START_TIME", "started_at"))
        if data.secretary is None or not data.secretary.name:
            out.append(Notice("BLANK_MEETING_SECRETARY", "secretary"))
        out.append(Notice("BLANK_MEETING_END_TIME", "ended_at"))
    if isinstance(data, DecisionDoc) and kind == "decision" and not data.number:
        out.append(Notice("BLANK_DECISION_NUMBER", "number"))
    if getattr(data, "subject", None) == HOUSEHOLD and not getattr(data, "head_name", ""):
        out.append(Notice("BLANK_HOUSEHOLD_HEAD", "head_person", {"name": getattr(data, "name", "")}))
    if kind in NUMBERED_BY_HAND and not getattr(data, "number", ""):
        out.append(Notice("BLANK_DOCUMENT_NUMBER", "number"))
    return out


def _report(ctx: PrintContext, data: ReportData) -> list[Notice]:
    """An achievement report: the profile lines and items its wording prints that the register
    leaves empty, the initiatives without effect or scope, and achievements with no text at all."""
    w = variant_wording(ctx.wording("report"), data.subject)
    name = {"name": data.name}
    out: list[Notice] = []
    if data.subject == INDIVIDUAL:
        profile = set(w.doc.get("profile", []))
        out += [Notice(code, attr, name) for key, (attr, code) in PERSON_PROFILE.items()
                if key in profile and not getattr(data, attr).strip()]
    items = {str(item.get("kind", "")) for item in w.doc.get("items", [])}
    if "duties" in items and data.subject == INDIVIDUAL and not data.duties.strip():
        out.append(Notice("BLANK_PERSON_DUTIES", "duties", name))
    if "summary" in items and not achievement_paragraphs(data, w):
        out.append(Notice("BLANK_ACHIEVEMENTS", "achievement_summary", name))
    if "initiatives" in items:
        for line in data.initiatives:
            if not line.effect.strip():
                out.append(Notice("BLANK_INITIATIVE_EFFECT", "effect", {"title": line.title}))
            if not line.scope:
                out.append(Notice("BLANK_INITIATIVE_SCOPE", "scope", {"title": line.title}))
    return out


def missing_blanks(ctx: PrintContext, kind: str, data: Any) -> list[Notice]:
    """The dotted blanks of one gathered document, those meant for a hand left out."""
    hand = {str(code) for code in ctx.template("common").get("hand_blanks") or []}
    found = [*_legal_bases(ctx, kind), *_record(kind, data)]
    if isinstance(data, ReportData):
        found += _report(ctx, data)
    return [item for item in found if item.code not in hand]
