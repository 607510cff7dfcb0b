"""The reward fund's ledger (quỹ thi đua, khen thưởng) of this office, the province's or a
commune's own: the money received, the reward money paid by each decision, and the balance.

Income is entered by hand (source, amount, date, note). Payments are not entered: each of the
office's own live decisions is one payment of its total, dated the decision's day and linked to it
(repositories/reward_fund.py reads them), so issuing, re-issuing and cancelling a decision moves
the ledger in the same transaction as the decision itself. A decision received from another
office (the provincial chairman's, at a commune) is paid from that office's fund, not listed here.
A recipient whose award has no multiplier in the catalog ("chưa xác minh") is paid nothing until
it has one; the payment says how many such recipients it has."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..db import Database
from ..db.models import FundIncome, Office
from ..db.repositories import reward_fund as repo
from ..db.repositories.common import get_live
from ..domain.errors import DomainError, NotFoundError
from ..domain.text import clean_text
from ..domain.validation import parse_date, parse_int, require
from ..spreadsheets.fund_ledger import FundLine, FundSheet, write_fund_ledger
from ..spreadsheets.style import replace_atomically
from . import access as roles
from .access import Access
from .base import CatalogSource, ServiceBase
from .excel_export import ExcelExportService, ExportResult

INCOME, PAYMENT = "income", "payment"
MAX_AMOUNT = 10 ** 15  # đồng: far above any fund, far below what a 64-bit column holds
_CURRENCY = re.compile(r"\s*(?:đồng|đ|vnd)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class LedgerEntry:
    kind: str  # INCOME or PAYMENT
    day: date
    amount: int  # đồng, always positive: an income adds it, a payment takes it away
    content: str  # the income's source, or "Quyết định số … (award)"
    note: str
    balance: int  # the fund after this entry
    income_id: str = ""
    decision_id: str = ""
    recipients: int = 0  # a payment: how many recipients it pays
    unknown: int = 0  # a payment: recipients whose amount the catalog cannot give (paid nothing yet)

    @property
    def signed(self) -> int:
        return self.amount if self.kind == INCOME else -self.amount


@dataclass(frozen=True)
class FundLedger:
    entries: tuple[LedgerEntry, ...]  # oldest first, income before payments on the same day

    @property
    def total_income(self) -> int:
        return sum(e.amount for e in self.entries if e.kind == INCOME)

    @property
    def total_paid(self) -> int:
        return sum(e.amount for e in self.entries if e.kind == PAYMENT)

    @property
    def balance(self) -> int:
        return self.total_income - self.total_paid

    @property
    def unknown(self) -> int:
        return sum(e.unknown for e in self.entries)

    def payment_for(self, decision_id: str) -> LedgerEntry | None:
        return next((e for e in self.entries if e.kind == PAYMENT and e.decision_id == decision_id), None)


class RewardFundService(ServiceBase):
    def __init__(self, db: Database, actor: str = "system", catalog: CatalogSource | None = None, *,
                 access: Access | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(db, actor, catalog, access=access)
        self.today = today

    def ledger(self) -> FundLedger:
        raw: list[tuple[tuple[date, int, str], LedgerEntry]] = []
        with self.db.reader() as session:
            for row in repo.incomes(session):
                entry = LedgerEntry(INCOME, row.received_on, int(row.amount), row.source, row.note, 0,
                                    income_id=row.id)
                raw.append(((row.received_on, 0, row.id), entry))
            payments = repo.decision_totals(session)
        for d in payments:
            entry = LedgerEntry(PAYMENT, d.decided_on, d.total, self._payment_text(d), "", 0, decision_id=d.decision_id,
                                recipients=d.recipients, unknown=d.unknown)
            raw.append(((d.decided_on, 1, d.number), entry))
        balance = 0
        entries = []
        for _key, entry in sorted(raw, key=lambda pair: pair[0]):
            balance += entry.signed
            entries.append(LedgerEntry(entry.kind, entry.day, entry.amount, entry.content, entry.note, balance,
                                       entry.income_id, entry.decision_id, entry.recipients, entry.unknown))
        return FundLedger(tuple(entries))

    def _payment_text(self, d: repo.DecisionTotal) -> str:
        try:
            award = self.catalog.award(d.award_code).name_vi
        except NotFoundError:  # dropped from a newer catalog: the payment still names its decision
            award = d.award_code
        who = "Chủ tịch UBND tỉnh" if d.level == "province" else "Chủ tịch UBND xã"
        return (f"Chi thưởng theo Quyết định số {d.number} ngày {d.decided_on.strftime('%d/%m/%Y')} của {who} "
                f"({award}, {d.recipients} trường hợp)")

    def add_income(self, *, received_on: str, amount: str | int, source: str, note: str = "") -> str:
        """Record money paid into the fund; returns the entry's id. The Board's officers keep the
        fund (a reviewer or a leader where the office has accounts; services/access.py)."""
        self.access.require(roles.REVIEW)
        day = parse_date(received_on, "received_on")
        value = parse_int(_CURRENCY.sub("", amount) if isinstance(amount, str) else amount, "amount",
                          min=1, max=MAX_AMOUNT)
        clean_source = clean_text(source)
        require(clean_source, "source")
        with self.db.transaction(self.actor) as session:
            row = FundIncome(received_on=day, amount=value, source=clean_source[:300], note=clean_text(note))
            session.add(row)
            session.flush()
            return row.id

    def remove_income(self, income_id: str) -> None:
        """An income entered by mistake goes (a tombstone, kept in the audit log); enter it again
        to correct it. Payments are corrected on their decision."""
        self.access.require(roles.REVIEW)
        with self.db.transaction(self.actor) as session:
            row = get_live(session, FundIncome, clean_text(income_id), field="income")
            office = session.get(Office, 1)
            if office is None or row.origin_node != office.node_id:  # a commune's fund the province keeps a copy of
                raise NotFoundError("NOT_FOUND", field="income", table="fund_income", id=row.id)
            row.deleted = True

    def export(self, out: Path | str) -> ExportResult:
        """The ledger as a workbook (the other exports' layout and checks of the destination)."""
        excel = ExcelExportService(self.db, self.actor, self._catalog, today=self.today)
        path = excel._destination(out)  # one set of checks for every export's file name
        ledger = self.ledger()
        sheet = FundSheet(
            letterhead=excel._letterhead(),
            subtitle=f"Tính đến ngày {self.today().strftime('%d/%m/%Y')}",
            lines=tuple(FundLine(e.day.strftime("%d/%m/%Y"), e.content,
                                 e.amount if e.kind == INCOME else None, e.amount if e.kind == PAYMENT else None,
                                 e.balance, _line_note(e)) for e in ledger.entries),
            total_income=ledger.total_income, total_payment=ledger.total_paid, balance=ledger.balance,
            footnotes=(_unknown_note(ledger.unknown),) if ledger.unknown else ())
        try:
            rows = replace_atomically(lambda target: write_fund_ledger(sheet, target), path)
        except OSError as exc:
            raise DomainError("EXPORT_PATH_UNWRITABLE", field="file", value=str(path)) from exc
        return ExportResult("fund", path, rows)


def _line_note(entry: LedgerEntry) -> str:
    if entry.kind == INCOME:
        return entry.note
    return f"{entry.unknown} trường hợp chưa xác định mức thưởng" if entry.unknown else ""


def _unknown_note(count: int) -> str:
    return (f"Ghi chú: {count} trường hợp chưa xác định mức tiền thưởng (danh mục chưa có hệ số mức thưởng); "
            "số chi chưa tính các trường hợp này.")
