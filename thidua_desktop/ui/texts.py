"""Translated names for the domain's codes, shared by the screens. Each call is a literal
``translate`` so that lupdate finds it."""

from __future__ import annotations

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
