"""The reward fund (quỹ thi đua, khen thưởng) of one office: the money it received.

Payments are not stored: each of the office's own live decisions is one payment of its total
(services/reward_fund.py reads them from the decisions), so a decision re-issued with other
recipients or amounts, or cancelled, moves the ledger by itself and the two can never disagree.

Synced like the office's other rows, so a commune's fund is part of the partition the province
keeps for it (a stolen laptop is rebuilt with it); the province's own fund never travels down
(``sync_rows.belongs_to``), and each office's ledger reads its own rows only."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Synced


class FundIncome(Synced, Base):
    """Money paid into the fund: from the budget, a contribution, a transfer (nguồn), on a day."""

    __tablename__ = "fund_income"
    received_on: Mapped[date] = mapped_column(Date, index=True)
    # Đồng; 64-bit: a provincial fund holds billions, past a 32-bit integer on PostgreSQL.
    amount: Mapped[int] = mapped_column(BigInteger)
    source: Mapped[str] = mapped_column(String(300))
    note: Mapped[str] = mapped_column(Text, default="")
