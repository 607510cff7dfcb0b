"""What every service shares: the database, the acting officer, and small conversion helpers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..db import Database
from ..domain.validation import DateOrYear
from ..rules.catalog import Catalog, load_catalog
from .access import Access

CatalogSource = Catalog | Callable[[], Catalog]


class ServiceBase:
    """Every service gets the database, the acting officer's name (or account) and the award catalog.

    The catalog may be given as a function, so that the office's own settings (thresholds,
    quotas, base salary) take effect in every service the moment they are saved."""

    def __init__(self, db: Database, actor: str = "system", catalog: CatalogSource | None = None, *,
                 access: Access | None = None) -> None:
        self.db = db
        self.actor = actor
        self._catalog = catalog
        # Who is signed in, for the role checks (services/access.py). Without one given, nobody is:
        # an office with accounts then refuses every protected action, one without passes them all.
        self.access = access or Access(db)

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = load_catalog()
        return self._catalog() if callable(self._catalog) else self._catalog


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def birth_json(birth_date: date | None, birth_year: int | None) -> dict[str, object]:
    """Birth as JSON keys: ``birth_date`` when the day is known, else ``birth_year`` only."""
    if birth_date:
        return {"birth_date": birth_date.isoformat(), "birth_year": birth_date.year}
    return {"birth_date": None, "birth_year": birth_year}


def birth_display(birth_date: date | None, birth_year: int | None) -> str:
    if birth_year is None and birth_date is None:
        return ""
    return DateOrYear(birth_date, birth_date.year if birth_date else int(birth_year or 0)).display()
