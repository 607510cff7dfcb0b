"""Translated names for the domain's codes, shared by the screens. Each call is a literal
``translate`` so that lupdate finds it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication


def status_text(status: str) -> str:
    names = {
        "draft": QCoreApplication.translate("Status", "Draft"),
        "council_voted": QCoreApplication.translate("Status", "Council voted"),
        "submitted": QCoreApplication.translate("Status", "Submitted"),
        "received": QCoreApplication.translate("Status", "Received"),
        "in_review": QCoreApplication.translate("Status", "In review"),
        "approved": QCoreApplication.translate("Status", "Approved"),
        "returned": QCoreApplication.translate("Status", "Returned"),
        "rejected": QCoreApplication.translate("Status", "Rejected"),
        "decided": QCoreApplication.translate("Status", "Decided"),
    }
    return names.get(status, status)


def role_text(role: str) -> str:
    if role == "province":
        return QCoreApplication.translate("Role", "Provincial office")
    return QCoreApplication.translate("Role", "Commune office")


def award_label(award: Any, catalog: Any, lang: str) -> str:
    """The award's name, told apart by its short form where two awards share a name (e.g. the
    two kinds of Lao động tiên tiến)."""
    name = award.name_vi if lang == "vi" else award.name_en
    twins = [a for a in catalog.awards if (a.name_vi if lang == "vi" else a.name_en) == name]
    return f"{name} — {award.short_vi}" if len(twins) > 1 else name
