"""Plain data the documents are drawn from, shared by several documents.

Gatherers in ``services/print_*.py`` fill these from the database; document modules only read
them. They hold facts, never the print date, so the QR hash of a paper copy stays checkable."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .blocks import Issuer
from .templates import fill, fill_all


@dataclass(frozen=True)
class NomineeRow:
    """One nominee as the submission, the lists and the public notice show it."""

    nomination_id: str
    name: str
    is_collective: bool
    gender: str  # "male" / "female" / "" for collectives
    birth_year: int | None
    ethnicity: str
    position: str
    unit: str  # workplace, village or the collective's own address
    award_code: str
    award_name: str
    summary: str
    status: str
    commune_grants: bool
    is_household: bool = False
    nominee_id: str = ""  # the person's or collective's id: one nominee, however many awards


@dataclass(frozen=True)
class Signer:
    authority: str  # "TM. ỦY BAN NHÂN DÂN"
    title: str  # "CHỦ TỊCH"
    name: str


@dataclass(frozen=True)
class BatchDossier:
    """The submission's, the nominee list's and the public notice's data (services/print_dossier.py)."""

    batch_id: str
    batch_name: str
    year: int
    level: str  # "commune": to the commune chairman; "province": upward to the province
    meeting_date: date | None
    nominees: tuple[NomineeRow, ...]
    signer: Signer
    number: str
    village_kinds: tuple[str, ...] = ()  # the commune's own word for its villages (xóm, thôn…)


@dataclass(frozen=True)
class Wording:
    """The fixed wording of one document with the office's values ready to fill in."""

    common: dict[str, Any]
    doc: dict[str, Any]
    values: dict[str, object]

    def text(self, key: str, **extra: object) -> str:
        raw = self.doc.get(key, self.common.get(key, ""))
        return fill(str(raw), {**self.values, **extra})

    def lines(self, key: str, **extra: object) -> list[str]:
        raw = self.doc.get(key, self.common.get(key, []))
        return fill_all([str(x) for x in raw], {**self.values, **extra})

    def common_text(self, key: str, **extra: object) -> str:
        return fill(str(self.common.get(key, "")), {**self.values, **extra})

    def ground(self, name: str, **extra: object) -> str:
        return fill(str(self.common.get("grounds", {}).get(name, "")), {**self.values, **extra})

    def issuer(self, body_key: str = "commune_body_lines") -> Issuer:
        """The issuing body; the council's heading names the committee above it ("UBND XÃ …")."""
        lines = tuple(fill_all([str(x) for x in self.common.get(body_key, [])], self.values))
        parent_key = "council_parent_body" if body_key == "council_body_lines" else "parent_body"
        return Issuer(body_lines=lines, place=str(self.values.get("place", "")),
                      parent_body=fill(str(self.common.get(parent_key, "")), self.values))

    def with_doc(self, doc: dict[str, Any]) -> Wording:
        return Wording(self.common, doc, self.values)


@dataclass(frozen=True)
class PrintJob:
    """What every render function receives besides its own data."""

    wording: Wording
    qr_text: str | None
    issued_on: date | None  # the date printed in the heading (None: left blank for the clerk)
    author: str
