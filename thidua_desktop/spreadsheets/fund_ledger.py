"""SỔ THEO DÕI QUỸ THI ĐUA, KHEN THƯỞNG: the reward fund's ledger as one sheet, from prepared
lines (services/reward_fund.py gathers them). The layout of the other small exports
(``exports._small_sheet``): letterhead, bordered header, fitted widths, signatures, A4."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .exports import Letterhead, _Col, _Section, _small_sheet
from .style import CENTER, PLAIN, TEXT_ID, CellStyle, CellValue, Head

MONEY = CellStyle(horizontal="right", number_format="#,##0")  # whole đồng, a number Excel can add up


@dataclass(frozen=True)
class FundLine:
    day: str  # dd/mm/yyyy, written as text (dates keep their leading zeros)
    content: str  # the income's source, or the decision a payment pays
    income: int | None  # đồng; None on a payment line
    payment: int | None  # đồng; None on an income line
    balance: int  # after this line
    note: str = ""


@dataclass(frozen=True)
class FundSheet:
    letterhead: Letterhead
    subtitle: str  # "Tính đến ngày 31/12/2026"
    lines: tuple[FundLine, ...]
    total_income: int
    total_payment: int
    balance: int
    footnotes: tuple[str, ...] = ()


HEADS = (Head("STT"), Head("Ngày"), Head("Nội dung"), Head("Số tiền (đồng)", (Head("Thu"), Head("Chi"))),
         Head("Tồn quỹ (đồng)"), Head("Ghi chú"))
_COLS = (_Col(5, 6, CENTER), _Col(11, 12, TEXT_ID), _Col(30, 60, PLAIN), _Col(13, 16, MONEY), _Col(13, 16, MONEY),
         _Col(14, 17, MONEY), _Col(12, 30, PLAIN))


def write_fund_ledger(data: FundSheet, out: Path) -> int:
    """The ledger, oldest first, with the running balance and a totals line; returns the number of
    entries written."""
    body: list[Sequence[CellValue] | _Section] = [
        (number, line.day, line.content, line.income, line.payment, line.balance, line.note)
        for number, line in enumerate(data.lines, start=1)]
    body.append(("", "", "Cộng", data.total_income, data.total_payment, data.balance, ""))
    _small_sheet(out, "Quỹ thi đua, khen thưởng", data.letterhead, "SỔ THEO DÕI QUỸ THI ĐUA, KHEN THƯỞNG",
                 (data.subtitle,), "", HEADS, _COLS, body, footnotes=data.footnotes, freeze_column=3)
    return len(data.lines)


__all__ = ["FundLine", "FundSheet", "write_fund_ledger"]
