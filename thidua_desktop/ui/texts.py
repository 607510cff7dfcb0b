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


def subject_label(subject_type: str) -> str:
    return {"individual": QCoreApplication.translate("Subject", "individual"),
            "collective": QCoreApplication.translate("Subject", "collective"),
            "household": QCoreApplication.translate("Subject", "household")}.get(subject_type, subject_type)


def award_label(award: Any, catalog: Any, lang: str) -> str:
    """The award's name, told apart where several awards share it: by the kind of recipient
    (Giấy khen for a person, a collective or a household), else by the short form (the two kinds
    of Lao động tiên tiến)."""
    def name_of(a: Any) -> str:
        return str(a.name_vi if lang == "vi" else a.name_en)

    name = name_of(award)
    twins = [a for a in catalog.awards if name_of(a) == name]
    if len(twins) == 1:
        return name
    same_subject = [a for a in twins if a.subject_type == award.subject_type]
    if len(same_subject) == 1:
        return f"{name} ({subject_label(award.subject_type.value)})"
    return f"{name} — {award.short_vi}"


def level_text(level: str) -> str:
    return {"commune": QCoreApplication.translate("Level", "Commune level"),
            "province": QCoreApplication.translate("Level", "Provincial level"),
            "central": QCoreApplication.translate("Level", "Central level")}.get(level, level)


def kind_text(kind: str) -> str:
    return {"regular": QCoreApplication.translate("Kind", "Regular"),
            "thematic": QCoreApplication.translate("Kind", "Thematic"),
            "ad_hoc": QCoreApplication.translate("Kind", "Ad hoc"),
            "contribution": QCoreApplication.translate("Kind", "Long-service contribution"),
            "seniority": QCoreApplication.translate("Kind", "By seniority"),
            "foreign": QCoreApplication.translate("Kind", "Foreign relations")}.get(kind, kind)


# How sure the catalog is of a criterion's legal source. It is about the law, not about the person's
# data, so it is shown as a small mark with a legend and a tooltip, never as a word beside "✓ Met".
UNVERIFIED_MARK = "(*)"  # a footnote mark every font has (ⓘ showed as a box on some)


def unverified_legend() -> str:
    """"(*) = căn cứ pháp lý chưa được đối chiếu với văn bản gốc"."""
    return f"{UNVERIFIED_MARK} = " + QCoreApplication.translate(
        "LegalBasis", "the legal basis has not yet been checked against the original legal text")


def confidence_text(confidence: str) -> str:
    """The catalog's confidence tag (H, M, L) of a source, as a sentence for a tooltip."""
    return {"H": QCoreApplication.translate("LegalBasis", "Checked against the original legal text."),
            "M": QCoreApplication.translate("LegalBasis", "Not yet checked against the original legal text "
                                                          "(taken from one secondary source)."),
            "L": QCoreApplication.translate("LegalBasis", "Not yet checked against the original legal text "
                                                          "(uncertain or outdated source: to be checked).")
            }.get(confidence, "")
