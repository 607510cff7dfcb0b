"""Composition root of the core: paths, database, migrations, catalog and services.
The CLI and the GUI both start here; neither builds services by hand."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import AppPaths, database_url, resolve_data_dir, trial_data_dir
from .database_key import open_office_file
from .db import Database
from .db.engine import sqlite_path_of
from .db.maintenance import mark_application, sqlite_file
from .db.migrate import is_newer_than_app, upgrade
from .domain.accounts import SignedIn
from .domain.errors import DomainError, StateError
from .private_files import private_dir, restrict_umask, track_exports_in
from .rules.catalog import Catalog

if TYPE_CHECKING:
    from .db.backup_crypto import Unsealer
    from .services.access import Access
    from .services.accounts import AccountService
    from .services.certificate_layout import CertificateLayoutService
    from .services.collectives import CollectiveService
    from .services.council import CouncilService
    from .services.decisions import DecisionService
    from .services.dossier_review import DossierReviewService
    from .services.drafts import DraftStore
    from .services.duplicates import DuplicateService
    from .services.excel_export import ExcelExportService
    from .services.excel_import import ExcelImportService
    from .services.exemplars import ExemplarService
    from .services.maintenance import MaintenanceService
    from .services.movements import MovementService
    from .services.nominations import NominationService
    from .services.office import OfficeService
    from .services.officials import OfficialsService
    from .services.overview import OverviewService
    from .services.people import PeopleService
    from .services.printing import PrintService
    from .services.province_decisions import ProvinceDecisionService
    from .services.records import RecordsService
    from .services.review_queue import ReviewQueueService
    from .services.reviews import ReviewService
    from .services.reward_fund import RewardFundService
    from .services.settings import SettingsService
    from .services.statistics import StatisticsService
    from .services.sync import SyncService

log = logging.getLogger("thidua")


@dataclass
class App:
    paths: AppPaths
    db: Database
    base_catalog: Catalog
    actor: str
    # The account signed in (a server office with accounts, services/access.py); None: nobody,
    # which in an office without accounts means its single officer, holding every role.
    signed_in: SignedIn | None = None
    # Every service is built, and its module imported, the first time it is used: the main window
    # needs a handful of them, and the others bring ReportLab, openpyxl and every screen's
    # queries, which cost most of a second at each start (issue 15). ``__post_init__`` (a new
    # officer signing in) forgets the built ones, so each is built again for the new actor.

    def __post_init__(self) -> None:
        self._effective: Catalog | None = None
        for name in _SERVICES:
            self.__dict__.pop(name, None)

    @property
    def _args(self) -> tuple[Any, ...]:
        return (self.db, self.actor, self.current_catalog)

    @cached_property
    def access(self) -> Access:
        """Who is signed in, for the services whose actions need a role (the others need none)."""
        from .services.access import Access

        return Access(self.db, self.signed_in)

    @cached_property
    def accounts(self) -> AccountService:
        from .services.accounts import AccountService

        return AccountService(*self._args, access=self.access)

    @cached_property
    def office(self) -> OfficeService:
        from .services.office import OfficeService

        return OfficeService(*self._args)

    @cached_property
    def people(self) -> PeopleService:
        from .services.people import PeopleService

        return PeopleService(*self._args)

    @cached_property
    def collectives(self) -> CollectiveService:
        from .services.collectives import CollectiveService

        return CollectiveService(*self._args)

    @cached_property
    def records(self) -> RecordsService:
        from .services.records import RecordsService

        return RecordsService(*self._args)

    @cached_property
    def movements(self) -> MovementService:
        from .services.attachments import AttachmentStore
        from .services.movements import MovementService

        return MovementService(*self._args, attachments=AttachmentStore(self.paths.attachments_dir, self.db))

    @cached_property
    def exemplars(self) -> ExemplarService:
        from .services.exemplars import ExemplarService

        return ExemplarService(*self._args)

    @cached_property
    def council(self) -> CouncilService:
        from .services.council import CouncilService

        return CouncilService(*self._args)

    @cached_property
    def decisions(self) -> DecisionService:
        from .services.decisions import DecisionService

        return DecisionService(*self._args, access=self.access)

    @cached_property
    def province_decisions(self) -> ProvinceDecisionService:
        from .services.province_decisions import ProvinceDecisionService

        return ProvinceDecisionService(*self._args, access=self.access)

    @cached_property
    def reward_fund(self) -> RewardFundService:
        from .services.reward_fund import RewardFundService

        return RewardFundService(*self._args, access=self.access)

    @cached_property
    def officials(self) -> OfficialsService:
        from .services.officials import OfficialsService

        return OfficialsService(*self._args)

    @cached_property
    def maintenance(self) -> MaintenanceService:
        from .services.maintenance import MaintenanceService

        return MaintenanceService(self.db, self.paths, self.actor)

    @cached_property
    def overview(self) -> OverviewService:
        from .services.overview import OverviewService

        return OverviewService(*self._args)

    @cached_property
    def drafts(self) -> DraftStore:
        from .services.drafts import DraftStore

        return DraftStore(self.paths.data_dir / "drafts")

    @cached_property
    def settings(self) -> SettingsService:
        """Its ``catalog`` is the one in force (the Settings screen shows it); ``base_catalog`` what it
        checks against."""
        from .services.settings import SettingsService

        return SettingsService(*self._args, base_catalog=self.base_catalog, on_change=self.invalidate_catalog)

    @cached_property
    def nominations(self) -> NominationService:
        from .services.attachments import AttachmentStore
        from .services.nominations import NominationService

        return NominationService(*self._args, attachments=AttachmentStore(self.paths.attachments_dir, self.db),
                                 settings=self.settings)

    @cached_property
    def sync(self) -> SyncService:
        from .services.sync import SyncService

        return SyncService(*self._args, paths=self.paths, on_catalog_change=self.reload_catalog, access=self.access)

    @cached_property
    def reviews(self) -> ReviewService:
        from .services.reviews import ReviewService

        return ReviewService(*self._args, access=self.access)

    @cached_property
    def duplicates(self) -> DuplicateService:
        from .services.duplicates import DuplicateService

        return DuplicateService(*self._args, access=self.access, reviews=self.reviews)

    @cached_property
    def statistics(self) -> StatisticsService:
        from .services.statistics import StatisticsService

        return StatisticsService(*self._args)

    @cached_property
    def review_queue(self) -> ReviewQueueService:
        from .services.review_queue import ReviewQueueService

        return ReviewQueueService(*self._args, access=self.access)

    @cached_property
    def printing(self) -> PrintService:
        from .services.printing import PrintService

        return PrintService(*self._args, override_dir=self.paths.data_dir / "documents", access=self.access)

    @cached_property
    def dossier_review(self) -> DossierReviewService:
        from .services.attachments import AttachmentStore
        from .services.dossier_review import DossierReviewService

        return DossierReviewService(*self._args, access=self.access, reviews=self.reviews, printing=self.printing,
                                    attachments=AttachmentStore(self.paths.attachments_dir, self.db))

    @cached_property
    def excel_export(self) -> ExcelExportService:
        from .services.excel_export import ExcelExportService

        return ExcelExportService(*self._args)

    @cached_property
    def excel_import(self) -> ExcelImportService:
        from .services.excel_import import ExcelImportService

        return ExcelImportService(*self._args)

    @cached_property
    def certificate_layout(self) -> CertificateLayoutService:
        from .services.certificate_layout import CertificateLayoutService

        return CertificateLayoutService(*self._args, override_dir=self.paths.data_dir / "documents")

    def set_actor(self, name: str) -> None:
        """The officer acting from now on: every later change is audited under this name."""
        self.actor = name
        self.__post_init__()

    def needs_sign_in(self) -> bool:
        """Whether this office has accounts and nobody is signed in yet (the GUI and the CLI then
        ask for a username and a password before anything else)."""
        return self.signed_in is None and self.accounts.has_accounts()

    def sign_in(self, username: str, password: str) -> SignedIn:
        """Sign the account in (AccountService.authenticate: LOGIN_FAILED, LOGIN_THROTTLED): every
        later change is audited under it and every role check asks its role."""
        signed = self.accounts.authenticate(username, password)
        self.signed_in, self.actor = signed, signed.actor
        self.__post_init__()
        return signed

    def on_copy(self, paths: AppPaths, db: Database) -> App:
        """The same office's services over another folder and database (a staged copy, as
        staged_demo.py builds the demo in), with this app's catalog and officer."""
        return App(paths=paths, db=db, base_catalog=self.base_catalog, actor=self.actor, signed_in=self.signed_in)

    def current_catalog(self) -> Catalog:
        """The shipped catalog with the office's own allowed values applied (cached)."""
        from .rules.local import apply_overrides
        from .services.settings import load_overrides

        if self._effective is None:
            self._effective = apply_overrides(self.base_catalog, load_overrides(self.db))
        return self._effective

    @property
    def catalog(self) -> Catalog:
        return self.current_catalog()

    def invalidate_catalog(self) -> None:
        self._effective = None

    def reload_catalog(self) -> None:
        """A newer catalog arrived (loaded at the province or pushed in a bundle): use it from now on."""
        from .services.catalog_store import stored_catalog

        self.base_catalog = stored_catalog(self.db)
        self.settings.base_catalog = self.base_catalog
        self.invalidate_catalog()

    def close(self) -> None:
        self.db.dispose()

    def restore_from(self, backup: Path, recovery: Unsealer | None = None) -> dict[str, object]:
        """Replace this office's data with a backup (new epoch) while the app keeps running.
        ``recovery``: the province's recovery key (sync.keys.RecoveryKeys) for a backup made on a
        computer that is gone."""
        from .services.maintenance import check_backup, restore_backup

        check_backup(backup, self.paths, recovery)  # refuse a bad file, or one no key opens, before closing anything
        self.db.dispose()
        result = restore_backup(backup, self.paths, recovery)
        upgrade(self.db.engine)
        self.invalidate_catalog()
        return result


def setup_logging(paths: AppPaths) -> None:
    """Log to a file in the data dir. Only codes and ids are logged, never personal data."""
    if getattr(setup_logging, "_done", False):
        return
    private_dir(paths.log_dir)
    handler = logging.FileHandler(paths.log_dir / "thidua.log", encoding="utf-8")  # 0600 by the umask
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    setup_logging._done = True  # type: ignore[attr-defined]  # a flag on the function: once per process


def open_app(data_dir: str | os.PathLike[str] | None = None, actor: str | None = None,
             trial: bool = False, create: bool = True) -> App:
    """Open (creating if needed) the office database and run pending migrations. ``trial`` opens
    the trial office beside ``data_dir`` (always a SQLite file, whatever THIDUA_DATABASE_URL says).

    ``create=False`` (every CLI command but ``init`` and ``restore``): the folder must already
    hold an office. OFFICE_FOLDER_EMPTY when it holds no database, raised before the folder, a
    key or a log is made, so a mistyped ``--data-dir`` never starts a new office; and when its
    database has no office set up (the first-run dialog closed unanswered)."""
    from .services.catalog_store import stored_catalog
    from .services.server_setup import server_refusal, url_to_open
    from .services.staging import clean_leftovers

    paths = AppPaths(resolve_data_dir(data_dir))
    if trial:
        paths = AppPaths(trial_data_dir(paths.data_dir))
    if not create:
        _refuse_without_database(paths, trial)
    restrict_umask()  # before the first file: database, log and backups are created 0600
    try:
        paths.make_private()
    except OSError as exc:
        raise DomainError("DATA_DIR_UNWRITABLE", field="data_dir", value=str(paths.data_dir)) from exc
    setup_logging(paths)
    # Exports cut off by a power cut left temporary copies beside their destination: removed now.
    track_exports_in(paths.exports_notes_dir)
    url = database_url(paths, allow_override=not trial)
    office_file = sqlite_path_of(url)
    # A SQLite office is encrypted at rest (db/cipher.py); PostgreSQL is the server's to protect,
    # and its password, kept out of config.json, is the one sealed on this computer (server_setup.py).
    key = open_office_file(paths, office_file) if office_file is not None else None
    db = Database(url_to_open(paths, url), key=key)
    # What a killed restore, backup or demo build left: staging folders with database copies.
    live_file = sqlite_file(db.engine)
    clean_leftovers(paths.data_dir, *([live_file.parent] if live_file else []))
    try:
        newer = is_newer_than_app(db.engine)  # the first connection: a server that does not answer fails here
    except Exception as exc:
        refusal = server_refusal(exc, url)
        if refusal is None:
            raise
        db.dispose()
        raise refusal from exc
    if newer:
        db.dispose()
        raise DomainError("DATABASE_TOO_NEW", field="data_dir")
    upgrade(db.engine)
    mark_application(db.engine)
    app = App(paths=paths, db=db, base_catalog=stored_catalog(db), actor=actor or "officer")
    if actor is None and app.office.is_initialised():
        name = app.office.office().officer_name
        if name:
            app.actor = name
            app.__post_init__()
    if not create and not app.office.is_initialised():
        app.close()
        raise StateError("OFFICE_FOLDER_EMPTY", field="data_dir", value=str(paths.data_dir))
    app.officials.adopt_document_settings()  # once: names typed in the settings become terms
    if not db.is_sqlite:
        _move_attached_files_in(app)
    log.info("opened data dir (sqlite=%s)", db.is_sqlite)
    return app


def _move_attached_files_in(app: App) -> None:
    """A server office: files this computer stored in its own folder before attachments lived in
    the database go there now (services/attachments.py says why at start). One query when there is
    nothing to move. A failure is logged, never fatal: the next start tries again."""
    from .services.attachments import AttachmentStore

    try:
        AttachmentStore(app.paths.attachments_dir, app.db).move_local_files_in()
    except Exception:  # the office must open even if an old file cannot move now
        log.warning("could not move this computer's attached files into the server database", exc_info=True)


def _refuse_without_database(paths: AppPaths, trial: bool) -> None:
    """OFFICE_FOLDER_EMPTY when the office's SQLite file is missing or empty. The file checked is
    the one the database URL names, so a folder whose config.json (or THIDUA_DATABASE_URL) points
    to PostgreSQL or to a file elsewhere holds no file of its own and is not refused here."""
    office_file = sqlite_path_of(database_url(paths, allow_override=not trial))
    if office_file is not None and (not office_file.is_file() or office_file.stat().st_size == 0):
        raise StateError("OFFICE_FOLDER_EMPTY", field="data_dir", value=str(paths.data_dir))


TRIAL_UNIT_CODE = "01576"  # xã Quảng Uyên, when the officer tries the app before choosing a unit


def open_trial_office(data_dir: str | os.PathLike[str] | None, unit_code: str = "", officer: str = "",
                      people: int = 300) -> App:
    """The trial office beside ``data_dir``, created with demo data the first time. It is marked
    as a trial in the same transaction that creates it, so it can never sync with the province."""
    from .services.demo import DemoBuilder

    app = open_app(data_dir, actor=officer or "trial", trial=True)
    try:
        if not app.office.is_initialised():
            from .staged_demo import build_atomically

            def make(staged: App) -> None:  # all or nothing: a kill half-way leaves no half office
                staged.office.init_office("commune", unit_code or TRIAL_UNIT_CODE, officer_name=officer, trial=True)
                DemoBuilder(staged).build(people=people)

            build_atomically(app, make)
        name = app.office.office().officer_name
        if name:
            app.set_actor(name)
    except BaseException:
        app.close()
        raise
    return app


def data_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    return AppPaths(resolve_data_dir(data_dir))


# The services App builds on first use (forgotten when the officer changes).
_SERVICES = tuple(name for name, value in vars(App).items() if isinstance(value, cached_property))

__all__ = ["App", "Path", "data_paths", "open_app", "open_trial_office"]
