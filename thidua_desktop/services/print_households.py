"""How a document names a household: "Hộ gia đình ông Nông Văn An" / "bà …" by its head's gender
(wording in ``common.json``: ``household_title`` and ``head_honorifics``); the household's own
name when no head is recorded."""

from __future__ import annotations

from ..db.models import Collective, Person
from ..reports.templates import fill
from .print_context import PrintContext


def household_head(ctx: PrintContext, c: Collective) -> Person | None:
    person = ctx.session.get(Person, c.head_person_id) if c.head_person_id else None
    return person if person is not None and not person.deleted else None


def nominee_name(ctx: PrintContext, c: Collective) -> str:
    """A household by its head ("Hộ gia đình ông X"); any other collective by its own name."""
    if c.kind != "household":
        return c.name
    head = household_head(ctx, c)
    if head is None:
        return c.name
    common = ctx.template("common")
    honorific = str((common.get("head_honorifics") or {}).get(head.gender, ""))
    template = str(common.get("household_title") or "Hộ gia đình {honorific} {head_name}")
    return " ".join(fill(template, {"honorific": honorific, "head_name": head.full_name}).split())
