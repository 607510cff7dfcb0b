"""Composition root of the core: paths, database, migrations, catalog and services.
The CLI and the GUI both start here; neither builds services by hand."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from .config import AppPaths, database_url, resolve_data_dir
from .db import Database
from .db.maintenance import mark_application
from .db.migrate import is_newer_than_app, upgrade
from .domain.errors import DomainError
from .rules.catalog import Catalog, load_catalog
from .services.attachments import AttachmentStore
from .services.collectives import CollectiveService
from .services.council import CouncilService
from .services.decisions import DecisionService
from .services.drafts import DraftStore
from .services.exemplars import ExemplarService
from .services.maintenance import MaintenanceService
from .services.movements import MovementService
from .services.nominations import NominationService
from .services.office import OfficeService
from .services.overview import OverviewService
from .services.people import PeopleService
from .services.records import RecordsService

log = logging.getLogger("thidua")


@dataclass
class App:
    paths: AppPaths
    db: Database
    catalog: Catalog
    actor: str
    office: OfficeService = field(init=False)
    people: PeopleService = field(init=False)
    collectives: CollectiveService = field(init=False)
    records: RecordsService = field(init=False)
    movements: MovementService = field(init=False)
    exemplars: ExemplarService = field(init=False)
    nominations: NominationService = field(init=False)
    council: CouncilService = field(init=False)
    decisions: DecisionService = field(init=False)
    maintenance: MaintenanceService = field(init=False)
    overview: OverviewService = field(init=False)
    drafts: DraftStore = field(init=False)

    def __post_init__(self) -> None:
        args = (self.db, self.actor, self.catalog)
        self.office = OfficeService(*args)
        self.people = PeopleService(*args)
        self.collectives = CollectiveService(*args)
        self.records = RecordsService(*args)
        self.movements = MovementService(*args, attachments=AttachmentStore(self.paths.attachments_dir))
        self.exemplars = ExemplarService(*args)
        self.nominations = NominationService(*args)
        self.council = CouncilService(*args)
        self.decisions = DecisionService(*args)
        self.maintenance = MaintenanceService(self.db, self.paths, self.actor)
        self.overview = OverviewService(*args)
        self.drafts = DraftStore(self.paths.data_dir / "drafts")

    def close(self) -> None:
        self.db.dispose()


def setup_logging(paths: AppPaths) -> None:
    """Log to a file in the data dir. Only codes and ids are logged, never personal data."""
    if getattr(setup_logging, "_done", False):
        return
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(paths.log_dir / "thidua.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    setup_logging._done = True  # type: ignore[attr-defined]


def open_app(data_dir: str | os.PathLike[str] | None = None, actor: str | None = None) -> App:
    """Open (creating if needed) the office database and run pending migrations."""
    paths = AppPaths(resolve_data_dir(data_dir))
    try:
        paths.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DomainError("DATA_DIR_UNWRITABLE", field="data_dir", value=str(paths.data_dir)) from exc
    setup_logging(paths)
    db = Database(database_url(paths))
    if is_newer_than_app(db.engine):
        db.dispose()
        raise DomainError("DATABASE_TOO_NEW", field="data_dir")
    upgrade(db.engine)
    mark_application(db.engine)
    app = App(paths=paths, db=db, catalog=load_catalog(), actor=actor or "officer")
    if actor is None and app.office.is_initialised():
        name = app.office.office().officer_name
        if name:
            app.actor = name
            app.__post_init__()
    log.info("opened data dir (sqlite=%s)", db.is_sqlite)
    return app


def data_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    return AppPaths(resolve_data_dir(data_dir))


__all__ = ["App", "Path", "data_paths", "open_app"]
