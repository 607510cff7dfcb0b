"""Translated names for the register's codes (ratings, discipline, initiative levels, matters,
collective kinds …). Each call is a literal ``translate`` so that lupdate finds it; the lists
keep the order an officer expects (best rating first, mildest discipline first)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox


def gender_items() -> list[tuple[str, str]]:
    return [(QCoreApplication.translate("Register", "Female"), "female"),
            (QCoreApplication.translate("Register", "Male"), "male")]


def rating_items() -> list[tuple[str, str]]:
    """Task-completion ratings, best first (HTXSNV, HTTNV, HTNV, không hoàn thành)."""
    return [(QCoreApplication.translate("Register", "Excellently completed tasks"), "excellent"),
            (QCoreApplication.translate("Register", "Well completed tasks"), "good"),
            (QCoreApplication.translate("Register", "Completed tasks"), "completed"),
            (QCoreApplication.translate("Register", "Did not complete tasks"), "not_completed")]


def discipline_items() -> list[tuple[str, str]]:
    return [(QCoreApplication.translate("Register", "Reprimand"), "reprimand"),
            (QCoreApplication.translate("Register", "Warning"), "warning"),
            (QCoreApplication.translate("Register", "Salary step reduction"), "salary_demotion"),
            (QCoreApplication.translate("Register", "Demotion"), "demotion"),
            (QCoreApplication.translate("Register", "Removal from office"), "removal"),
            (QCoreApplication.translate("Register", "Dismissal"), "dismissal")]


def initiative_level_items() -> list[tuple[str, str]]:
    return [(QCoreApplication.translate("Register", "Grassroots level"), "grassroots"),
            (QCoreApplication.translate("Register", "Provincial level"), "provincial"),
            (QCoreApplication.translate("Register", "National level"), "national")]


def initiative_scope_items() -> list[tuple[str, str]]:
    """Where an initiative has effect (phạm vi ảnh hưởng): the reaches the law asks of CSTĐCS,
    provincial and national emulation fighters."""
    return [(QCoreApplication.translate("Register", "Grassroots (the unit, the commune)"), "grassroots"),
            (QCoreApplication.translate("Register", "Province-wide"), "provincial"),
            (QCoreApplication.translate("Register", "Nationwide"), "national")]


def matter_items() -> list[tuple[str, str]]:
    return [(QCoreApplication.translate("Register", "Discipline under review"), "discipline_review"),
            (QCoreApplication.translate("Register", "Under investigation"), "investigation"),
            (QCoreApplication.translate("Register", "Complaint or denunciation"), "complaint")]


def authority_items() -> list[tuple[str, str]]:
    return [(QCoreApplication.translate("Register", "Commune level"), "commune"),
            (QCoreApplication.translate("Register", "Provincial level"), "province"),
            (QCoreApplication.translate("Register", "Central level"), "central")]


def commendation_items() -> list[tuple[str, str]]:
    return [(QCoreApplication.translate("Register", "Regular"), "regular"),
            (QCoreApplication.translate("Register", "Thematic"), "thematic"),
            (QCoreApplication.translate("Register", "Ad hoc"), "ad_hoc"),
            (QCoreApplication.translate("Register", "Long-service contribution"), "contribution"),
            (QCoreApplication.translate("Register", "By seniority"), "seniority"),
            (QCoreApplication.translate("Register", "Foreign relations"), "foreign")]


def award_kind_items() -> list[tuple[str, str]]:
    return [(QCoreApplication.translate("Register", "Emulation title"), "emulation_title"),
            (QCoreApplication.translate("Register", "Commendation form"), "commendation_form")]


def collective_kind_items() -> list[tuple[str, str]]:
    return [(QCoreApplication.translate("Register", "Village or residential group"), "village"),
            (QCoreApplication.translate("Register", "School"), "school"),
            (QCoreApplication.translate("Register", "Cooperative"), "cooperative"),
            (QCoreApplication.translate("Register", "Mass organisation"), "mass_organisation"),
            (QCoreApplication.translate("Register", "Agency"), "agency"),
            (QCoreApplication.translate("Register", "Health station"), "health_station"),
            (QCoreApplication.translate("Register", "Enterprise"), "enterprise"),
            (QCoreApplication.translate("Register", "Household"), "household"),
            (QCoreApplication.translate("Register", "Other"), "other")]


def label_of(items: Sequence[tuple[str, object]], code: str | None) -> str:
    """The translated name of ``code`` in ``items``; an unknown code shows as itself."""
    return next((text for text, value in items if value == code), str(code or ""))


def fill_combo(box: QComboBox, items: Sequence[tuple[str, object]], blank: str | None = None) -> None:
    """(Re)fill a combo keeping its current code, e.g. after a language switch."""
    current = box.currentData()
    box.blockSignals(True)
    box.clear()
    if blank is not None:
        box.addItem(blank, None)
    for text, value in items:
        box.addItem(text, value)
    index = box.findData(current)
    box.setCurrentIndex(index if index >= 0 else 0)
    box.blockSignals(False)
