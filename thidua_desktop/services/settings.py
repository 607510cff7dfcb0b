"""The office's own values where the catalog allows them (vote thresholds, quotas, base salary),
stored as one audited record, and this computer's preferences (language, backups)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..db.models import LocalParameter
from ..db.repositories import office as repo
from ..domain.errors import ValidationError
from ..domain.validation import parse_date
from ..rules.catalog import Catalog
from ..rules.local import apply_overrides
from .base import ServiceBase
from .changes import Change
from .preferences import Preferences as Preferences  # re-exported: its home was here

OVERRIDES_KEY = "catalog_overrides"


def load_overrides(db: Any) -> dict[str, Any]:
    with db.reader() as session:
        row = session.get(LocalParameter, OVERRIDES_KEY)
        return dict(row.value) if row else {}


class SettingsService(ServiceBase):
    def __init__(self, *args: Any, base_catalog: Catalog, on_change: Callable[[], None] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.base_catalog = base_catalog
        self.on_change = on_change

    def overrides(self) -> dict[str, Any]:
        return load_overrides(self.db)

    def _store(self, overrides: dict[str, Any]) -> None:
        apply_overrides(self.base_catalog, overrides)  # refuses values the catalog does not allow
        with self.db.transaction(self.actor) as session:
            row = session.get(LocalParameter, OVERRIDES_KEY)
            if row is None:
                session.add(LocalParameter(key=OVERRIDES_KEY, value=overrides, changed_by=self.actor))
            else:
                row.value = overrides
                row.changed_by = self.actor
        if self.on_change:
            self.on_change()

    def set_award_parameter(self, award_code: str, key: str, value: Any) -> None:
        """e.g. ("CSTDCS", "vote_threshold_pct", 75) or ("CSTDCS", "quota_enabled", True)."""
        self.set_award_parameters(award_code, {key: value})

    def set_award_parameters(self, award_code: str, changes: dict[str, Any]) -> None:
        """Several values of one award at once: all are checked before any is stored."""
        self.save_parameters({award_code: changes})

    def set_base_salary(self, amount: int, valid_from: str) -> None:
        """A new base salary from a date (a new decree); earlier amounts stay for earlier decisions."""
        self.save_parameters({}, base_salary=(amount, valid_from))

    def save_parameters(self, awards: dict[str, dict[str, Any]],
                        base_salary: tuple[int, str] | None = None) -> Change:
        """What the Settings screen saves at once: values of several awards (``{code: {key: value}}``,
        None removes a value) and perhaps a new base salary. Everything is checked first and stored
        in one transaction, so one bad field (a salary date, a threshold the catalog forbids)
        leaves everything as it was. Returns what it changed, for the screens that show it."""
        overrides = self.overrides()
        stored = dict(overrides.get("awards", {}))
        for award_code, changes in awards.items():
            self.base_catalog.award(award_code)  # NOT_FOUND for a code the catalog does not know
            values = dict(stored.get(award_code, {}))
            for key, value in changes.items():
                if value is None:
                    values.pop(key, None)
                else:
                    values[key] = value
            stored[award_code] = values
        overrides["awards"] = {code: v for code, v in stored.items() if v}
        if base_salary is not None:
            amount, valid_from = base_salary
            day = parse_date(valid_from, "valid_from")
            if amount <= 0:
                raise ValidationError("NUMBER_OUT_OF_RANGE", field="base_salary", value=amount, range="> 0")
            entries = [e for e in overrides.get("base_salary", []) if e.get("from") != day.isoformat()]
            entries.append({"from": day.isoformat(), "amount": int(amount)})
            overrides["base_salary"] = sorted(entries, key=lambda e: e["from"])
        self._store(overrides)
        return Change.SETTINGS | Change.CATALOG

    def history(self, limit: int = 50) -> list[dict[str, Any]]:
        """Who changed the local values when, newest first (from the audit log)."""
        with self.db.reader() as session:
            rows = repo.local_parameter_changes(session, limit)
            return [{"at": r.at, "actor": r.actor, "old": (r.old_values or {}).get("value"),
                     "new": (r.new_values or {}).get("value")} for r in rows]
