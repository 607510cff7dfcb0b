"""An award's quota in a batch (how many may be proposed against how many hold the base award),
as the office applies it. Mixed into NominationService."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..db import Database
from ..db.models import NominationBatch
from ..db.repositories import nominations as repo
from ..db.repositories.common import get_live
from ..domain.errors import StateError
from ..domain.text import clean_text
from ..rules import QuotaRule, check_quota
from .settings import SettingsService

if TYPE_CHECKING:
    from ..rules.catalog import Catalog


class QuotaMixin:
    # Set by ServiceBase.__init__ and NominationService.__init__; declared for the type checker.
    db: Database
    settings: SettingsService | None

    if TYPE_CHECKING:
        @property
        def catalog(self) -> Catalog: ...

    def quota_rule(self, award_code: str) -> QuotaRule | None:
        """The award's quota as the office applies it (the catalog with the office's own values,
        set on the Settings screen; the catalog's CSTĐCS quota is off by default)."""
        return self.catalog.award(award_code).quota

    def set_quota(self, award_code: str, enabled: bool, max_ratio: float | None = None,
                  rounding: str | None = None) -> QuotaRule | None:
        """Switch the award's quota on or off for this office, through the one audited record of
        local values (the same one the Settings screen edits)."""
        award = self.catalog.award(clean_text(award_code))
        values: dict[str, object] = {"quota_enabled": bool(enabled)}
        if max_ratio is not None:
            values["quota_max_ratio"] = max_ratio
        if rounding is not None:
            values["quota_rounding"] = rounding
        if self.settings is None:
            raise StateError("SETTINGS_UNAVAILABLE", field="quota")
        self.settings.set_award_parameters(award.code, values)
        return self.quota_rule(award.code)

    def quota(self, batch_id: str, award_code: str, adding: int = 0) -> dict[str, object]:
        """Live quota status for an award in a batch, counting ``adding`` nominees not saved yet."""
        award = self.catalog.award(award_code)
        rule = self.quota_rule(award.code)
        with self.db.reader() as session:
            get_live(session, NominationBatch, batch_id, field="batch")
            nominated = repo.count_in_batch(session, batch_id, award.code) + max(adding, 0)
            base = sum(repo.count_in_batch(session, batch_id, code) for code in rule.base_awards) if rule else 0
        result = check_quota(rule, nominated, base)
        return {"award_code": award.code, "award_name": award.name_vi, "enabled": result.enabled,
                "count": result.count, "limit": result.limit, "within": result.within,
                "base_count": result.base_count, "of_award": rule.of_award if rule else None,
                "of_awards": list(rule.base_awards) if rule else [],
                "verified": bool(rule and rule.source.verified)}
