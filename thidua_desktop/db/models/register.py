"""The register: people, collectives and households, with their award history, annual
task-completion ratings, initiatives, discipline and open matters."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from .base import UUID, Base, Synced, sort_text


class Person(Synced, Base):
    __tablename__ = "people"
    full_name: Mapped[str] = mapped_column(String(200))
    family_name: Mapped[str] = mapped_column(String(100), default="")
    middle_name: Mapped[str] = mapped_column(String(100), default="")
    given_name: Mapped[str] = mapped_column(String(100), default="")
    search_key: Mapped[str] = mapped_column(String(200), index=True)
    sort_key: Mapped[str] = mapped_column(sort_text(400))
    gender: Mapped[str] = mapped_column(String(8))
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    birth_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    ethnicity_code: Mapped[str | None] = mapped_column(String(4), nullable=True)
    is_ethnic_minority: Mapped[bool] = mapped_column(Boolean, default=False)
    cccd: Mapped[str | None] = mapped_column(String(12), nullable=True, index=True)
    phone: Mapped[str] = mapped_column(String(20), default="")
    position: Mapped[str] = mapped_column(String(200), default="")
    workplace: Mapped[str] = mapped_column(String(200), default="")
    village_id: Mapped[str | None] = mapped_column(ForeignKey("villages.id"), nullable=True, index=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    is_direct_worker: Mapped[bool] = mapped_column(Boolean, default=False)
    employment_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # What the achievement report (Decree 152/2025 Mẫu số 05, "Sơ lược lý lịch" and §II.1) asks for;
    # "" = not known yet, printed as a dotted blank and listed before printing.
    hometown: Mapped[str] = mapped_column(String(300), default="")
    qualification: Mapped[str] = mapped_column(String(200), default="")  # trình độ chuyên môn, nghiệp vụ
    political_theory: Mapped[str] = mapped_column(String(100), default="")  # trình độ lý luận chính trị
    academic_title: Mapped[str] = mapped_column(String(200), default="")  # học hàm, học vị
    duties: Mapped[str] = mapped_column(Text, default="")  # quyền hạn, nhiệm vụ được giao (several lines)

    # A CCCD is unique among one office's own live people. The province holds every commune's
    # people, and the same person may be on two communes' registers (moved, or nominated twice):
    # both rows are kept side by side (migration 0016; before it, the second was quarantined).
    __table_args__ = (
        # The register's name order (the tie on a shared name broken by id), for every "order by
        # name" and the search's walk in name order. Kept narrow on purpose: a province import
        # adds each commune's people all over it, and each page it touches is written at the
        # commit (migration 0022; the search was as fast with it as with a covering index).
        Index("ix_people_name_order", "sort_key", "id"),
        Index(
            "uq_people_cccd_live",
            "origin_node",
            "cccd",
            unique=True,
            sqlite_where=text("cccd IS NOT NULL AND deleted = 0"),
            postgresql_where=text("cccd IS NOT NULL AND deleted = false"),
        ),
    )


class Collective(Synced, Base):
    """A collective (village, school, cooperative, mass organisation …) or a household."""

    __tablename__ = "collectives"
    name: Mapped[str] = mapped_column(String(300))
    search_key: Mapped[str] = mapped_column(String(300), index=True)
    sort_key: Mapped[str] = mapped_column(sort_text(600), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("collectives.id"), nullable=True)
    village_id: Mapped[str | None] = mapped_column(ForeignKey("villages.id"), nullable=True, index=True)
    head_person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), nullable=True)
    member_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    women_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class CollectiveMember(Synced, Base):
    __tablename__ = "collective_members"
    collective_id: Mapped[str] = mapped_column(ForeignKey("collectives.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    role: Mapped[str] = mapped_column(String(100), default="")


class SubjectRef:
    """A row about exactly one person or one collective."""

    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), nullable=True, index=True)
    collective_id: Mapped[str | None] = mapped_column(ForeignKey("collectives.id"), nullable=True, index=True)


class AwardHistory(SubjectRef, Synced, Base):
    """An award already received, from one of our decisions or entered by hand from paper."""

    __tablename__ = "award_history"
    award_code: Mapped[str] = mapped_column(String(40), index=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    award_kind: Mapped[str] = mapped_column(String(32))
    commendation_kind: Mapped[str] = mapped_column(String(32), default="regular")
    year: Mapped[int] = mapped_column(Integer, index=True)
    decision_number: Mapped[str] = mapped_column(String(64), default="")
    decision_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    issuing_level: Mapped[str] = mapped_column(String(16), default="commune")
    issuer: Mapped[str] = mapped_column(String(200), default="")
    # Who issued it in finer steps than issuing_level (president, government, ministry, province, a
    # former district, commune) and which form it is (order, medal, state honorary title, Giấy khen …):
    # codes of resources/catalog/award_inference.json, "" = not recorded.
    issuing_body: Mapped[str] = mapped_column(String(16), default="")
    award_form: Mapped[str] = mapped_column(String(32), default="")
    # Level, body and form were inferred from the award's name (an import naming no issuer).
    inferred_from_name: Mapped[bool] = mapped_column(Boolean, default=False)
    period_from: Mapped[int | None] = mapped_column(Integer, nullable=True)
    period_to: Mapped[int | None] = mapped_column(Integer, nullable=True)
    source: Mapped[str] = mapped_column(String(16), default="manual")
    decision_id: Mapped[str | None] = mapped_column(ForeignKey("decisions.id"), nullable=True)


class TaskRating(SubjectRef, Synced, Base):
    """Annual task-completion rating (mức độ hoàn thành nhiệm vụ), with its source document."""

    __tablename__ = "task_ratings"
    year: Mapped[int] = mapped_column(Integer, index=True)
    rating: Mapped[str] = mapped_column(String(16))
    source_document: Mapped[str] = mapped_column(String(300), default="")


class Initiative(Synced, Base):
    __tablename__ = "initiatives"
    title: Mapped[str] = mapped_column(String(400))
    level: Mapped[str] = mapped_column(String(16))
    year: Mapped[int] = mapped_column(Integer, index=True)
    decision_number: Mapped[str] = mapped_column(String(64), default="")
    decision_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    effect: Mapped[str] = mapped_column(Text, default="")
    # Phạm vi ảnh hưởng: where it is applied (InitiativeLevel codes: grassroots / provincial / national,
    # the reaches Law 06/2022 Art. 21-23 name); "" = not recorded.
    scope: Mapped[str] = mapped_column(String(16), default="")
    # Who recognised it (Hội đồng sáng kiến xã, UBND tỉnh …), as written on the decision; "" = not recorded.
    recognised_by: Mapped[str] = mapped_column(String(300), default="")
    # The one award this initiative backed (Law Art. 5(2)(c)); a nomination id or an award_history id.
    used_by_nomination_id: Mapped[str | None] = mapped_column(UUID, nullable=True)
    used_by_award_id: Mapped[str | None] = mapped_column(UUID, nullable=True)


class InitiativeOwner(Synced, Base):
    __tablename__ = "initiative_owners"
    initiative_id: Mapped[str] = mapped_column(ForeignKey("initiatives.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)


class DisciplineRecord(SubjectRef, Synced, Base):
    __tablename__ = "discipline_records"
    level: Mapped[str] = mapped_column(String(24))
    decided_on: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    decision_number: Mapped[str] = mapped_column(String(64), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class PendingMatter(SubjectRef, Synced, Base):
    """An open discipline review, investigation or complaint: defers every award while open."""

    __tablename__ = "pending_matters"
    kind: Mapped[str] = mapped_column(String(24))
    opened_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class Registration(SubjectRef, Synced, Base):
    """Emulation registration (đăng ký thi đua): a person or unit aims at titles for a year."""

    __tablename__ = "registrations"
    year: Mapped[int] = mapped_column(Integer, index=True)
    target_award_codes: Mapped[list] = mapped_column(default=list)
    movement_id: Mapped[str | None] = mapped_column(ForeignKey("movements.id"), nullable=True)
    registered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
