"""Words for the Đồng bộ screen: table names (messages.TABLE_LABELS, shared with the command line);
peer states, report counts, quarantine reasons and security-log kinds, each a literal ``translate``
so lupdate finds it; and small formatters."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from ...messages import counts_label, field_label, table_label
from .. import ops
from ..locale_format import datetime_text
from ..models.paged import PagedTableModel

REPORT_KEYS = ("new", "updated", "unchanged", "conflicts", "quarantined", "gaps")


def table_text(table: str) -> str:
    """A synced table in words (the same labels as the command line's); an unknown one (from a
    newer app) shows as is."""
    return table_label(table, ops.current_lang())


def counts_text(counts: dict[str, int]) -> str:
    """{"people": 2, "nominations": 1} -> "Cá nhân: 2; Đề nghị khen thưởng: 1"."""
    return counts_label(counts, ops.current_lang())


def peer_status_text(status: str) -> str:
    names = {
        "pending": QCoreApplication.translate("Sync", "Awaiting confirmation"),
        "waiting": QCoreApplication.translate("Sync", "First bundle waits: check its fingerprint"),
        "confirmed": QCoreApplication.translate("Sync", "Confirmed"),
        "revoked": QCoreApplication.translate("Sync", "Revoked"),
    }
    return names.get(status, status)


def report_label(key: str) -> str:
    names = {
        "new": QCoreApplication.translate("Sync", "New"),
        "updated": QCoreApplication.translate("Sync", "Updated"),
        "unchanged": QCoreApplication.translate("Sync", "Unchanged"),
        "conflicts": QCoreApplication.translate("Sync", "Conflicts"),
        "quarantined": QCoreApplication.translate("Sync", "Pending records"),
        "gaps": QCoreApplication.translate("Sync", "Missing bundles"),
        "released": QCoreApplication.translate("Sync", "Pending records now applied"),
    }
    return names.get(key, key)


def quarantine_reason_text(reason: str, detail: str = "") -> str:
    """The reason in words; with a detail such as "birth_date: not a date", the column it names."""
    column = detail.split(":", 1)[0].strip() if ":" in detail else ""
    text = _reason_text(reason)
    return f"{text} ({field_text(column)})" if column else text


def _reason_text(reason: str) -> str:
    names = {
        "REFERENCE_MISSING": QCoreApplication.translate("Sync", "A record it refers to has not arrived yet; "
                                                        "retried at the next import"),
        "DUPLICATE_VALUE": QCoreApplication.translate("Sync", "A value that must be unique (such as a citizen ID "
                                                      "number) belongs to another record of the same office; "
                                                      "retried at the next import"),
        "DATABASE_REFUSED": QCoreApplication.translate("Sync", "The database refused it for another reason; "
                                                       "retried at the next import"),
        "ATTACHMENT_MISSING": QCoreApplication.translate("Sync", "Its attached file is missing from the bundle"),
        "NOT_SENDERS_ROW": QCoreApplication.translate("Sync", "The sending office may not change this record"),
        "UNKNOWN_TABLE": QCoreApplication.translate("Sync", "Data this version of the app does not know: "
                                                    "update the app"),
        "BAD_VALUE": QCoreApplication.translate("Sync", "A value in it is not valid"),
        "BAD_RECORD": QCoreApplication.translate("Sync", "Not a record this app can read"),
        "BAD_JSON": QCoreApplication.translate("Sync", "A damaged line of the bundle, kept as text"),
    }
    return names.get(reason, reason)


def security_kind_text(kind: str) -> str:
    names = {
        "BUNDLE_TRUNCATED": QCoreApplication.translate("Sync", "Bundle cut short"),
        "BUNDLE_CORRUPT": QCoreApplication.translate("Sync", "Bundle damaged or altered"),
        "BUNDLE_SIGNATURE_INVALID": QCoreApplication.translate("Sync", "Invalid signature"),
        "BUNDLE_UNSAFE_ENTRY": QCoreApplication.translate("Sync", "Unsafe entry in the bundle"),
        "BUNDLE_TOO_LARGE": QCoreApplication.translate("Sync", "Bundle larger than declared"),
        "BUNDLE_SENDER_UNKNOWN": QCoreApplication.translate("Sync", "Sender not enrolled"),
        "BUNDLE_SENDER_REVOKED": QCoreApplication.translate("Sync", "Sender revoked"),
        "BUNDLE_NOT_A_BUNDLE": QCoreApplication.translate("Sync", "Not a sync bundle"),
        "BUNDLE_WAITS_FOR_FINGERPRINT": QCoreApplication.translate("Sync", "First bundle kept until the "
                                                                   "fingerprint is confirmed"),
        "BUNDLE_KEY_NOT_CONFIRMED": QCoreApplication.translate("Sync", "Waiting bundle signed by another key: "
                                                               "discarded"),
        "BUNDLE_KEY_REJECTED": QCoreApplication.translate("Sync", "Waiting bundle rejected: fingerprint did not "
                                                          "match"),
        "BUNDLE_PEER_REVOKED": QCoreApplication.translate("Sync", "Waiting bundle discarded: office revoked"),
    }
    return names.get(kind, kind)


def when(value: datetime | None) -> str:
    return datetime_text(value, "—")


def header_time(text: str) -> str:
    """A bundle header's UTC time ("2026-06-01T08:30:00Z") in local dd/mm/yyyy HH:MM."""
    try:
        moment = datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).astimezone()
    except (TypeError, ValueError):
        return str(text or "—")
    return datetime_text(moment)


def field_text(name: str) -> str:
    """A column of a synced row in words: the common ones here, the rest as the services name them."""
    names = {
        "family_name": QCoreApplication.translate("Sync", "Family name"),
        "middle_name": QCoreApplication.translate("Sync", "Middle name"),
        "given_name": QCoreApplication.translate("Sync", "Given name"),
        "birth_date": QCoreApplication.translate("Sync", "Date of birth"),
        "birth_year": QCoreApplication.translate("Sync", "Year of birth"),
        "ethnicity_code": QCoreApplication.translate("Sync", "Ethnic group"),
        "is_ethnic_minority": QCoreApplication.translate("Sync", "Ethnic minority"),
        "is_direct_worker": QCoreApplication.translate("Sync", "Direct worker"),
        "position": QCoreApplication.translate("Sync", "Position"),
        "workplace": QCoreApplication.translate("Sync", "Workplace"),
        "address": QCoreApplication.translate("Sync", "Address"),
        "village_id": QCoreApplication.translate("Sync", "Village (record id)"),
        "deleted": QCoreApplication.translate("Sync", "Deleted"),
    }
    return names.get(name) or field_label(name, ops.current_lang())


def value_text(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return QCoreApplication.translate("Sync", "Yes") if value else QCoreApplication.translate("Sync", "No")
    if isinstance(value, list | dict):
        return ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    return str(value)


def retitle(model: PagedTableModel, titles: list[str]) -> None:
    """Set a model's column titles only when they change (on a language switch): with PySide6
    6.12.0 every signal emitted from Python drops one reference to True, so none is wasted."""
    current = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    if current != titles:
        model.set_titles(titles)
