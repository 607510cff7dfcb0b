"""Composition root of the core: paths, database, migrations, catalog and services.
The CLI and the GUI both start here; neither builds services by hand."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from .config import AppPaths, database_url, resolve_data_dir, trial_data_dir
from .database_key import open_office_file
from .db import Database
from .db.backup_crypto import Unsealer
from .db.engine import sqlite_path_of
from .db.maintenance import mark_application, sqlite_file
from .db.migrate import is_newer_than_app, upgrade
from .domain.accounts import SignedIn
from .domain.errors import DomainError, StateError
from .private_files import private_dir, restrict_umask, track_exports_in
from .rules.catalog import Catalog
from .rules.local import apply_overrides
from .services.access import Access
from .services.accounts import AccountService
from .services.attachments import AttachmentStore
from .services.catalog_store import stored_catalog
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
from .services.server_setup import server_refusal, url_to_open
from .services.settings import SettingsService, load_overrides
from .services.staging import clean_leftovers
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
    accounts: AccountService = field(init=False)
    office: OfficeService = field(init=False)
    people: PeopleService = field(init=False)
    collectives: CollectiveService = field(init=False)
    records: RecordsService = field(init=False)
    movements: MovementService = field(init=False)
    exemplars: ExemplarService = field(init=False)
    nominations: NominationService = field(init=False)
    council: CouncilService = field(init=False)
    decisions: DecisionService = field(init=False)
    province_decisions: ProvinceDecisionService = field(init=False)
    reward_fund: RewardFundService = field(init=False)
    officials: OfficialsService = field(init=False)
    maintenance: MaintenanceService = field(init=False)
    overview: OverviewService = field(init=False)
    drafts: DraftStore = field(init=False)
    settings: SettingsService = field(init=False)
    sync: SyncService = field(init=False)
    reviews: ReviewService = field(init=False)
    duplicates: DuplicateService = field(init=False)
    review_queue: ReviewQueueService = field(init=False)
    dossier_review: DossierReviewService = field(init=False)
    statistics: StatisticsService = field(init=False)
    printing: PrintService = field(init=False)
    excel_export: ExcelExportService = field(init=False)
    excel_import: ExcelImportService = field(init=False)
    certificate_layout: CertificateLayoutService = field(init=False)

    def __post_init__(self) -> None:
        self._effective: Catalog | None = None
        args = (self.db, self.actor, self.current_catalog)
        # The services whose actions need a role get who is signed in (the others need none).
        self.access = Access(self.db, self.signed_in)
        self.accounts = AccountService(*args, access=self.access)
        self.office = OfficeService(*args)
        self.people = PeopleService(*args)
        self.collectives = CollectiveService(*args)
        self.records = RecordsService(*args)
        self.movements = MovementService(*args, attachments=AttachmentStore(self.paths.attachments_dir))
        self.exemplars = ExemplarService(*args)
        self.council = CouncilService(*args)
        self.decisions = DecisionService(*args, access=self.access)
        self.province_decisions = ProvinceDecisionService(*args, access=self.access)
        self.reward_fund = RewardFundService(*args, access=self.access)
        self.officials = OfficialsService(*args)
        self.maintenance = MaintenanceService(self.db, self.paths, self.actor)
        self.overview = OverviewService(*args)
        self.drafts = DraftStore(self.paths.data_dir / "drafts")
        # Its ``catalog`` is the one in force (the Settings screen shows it); ``base_catalog`` what it checks against.
        self.settings = SettingsService(*args, base_catalog=self.base_catalog, on_change=self.invalidate_catalog)
        self.nominations = NominationService(*args, attachments=AttachmentStore(self.paths.attachments_dir),
                                             settings=self.settings)
        self.sync = SyncService(*args, paths=self.paths, on_catalog_change=self.reload_catalog, access=self.access)
        self.reviews = ReviewService(*args, access=self.access)
        self.duplicates = DuplicateService(*args, access=self.access, reviews=self.reviews)
        self.statistics = StatisticsService(*args)
        self.review_queue = ReviewQueueService(*args, access=self.access)
        self.printing = PrintService(*args, override_dir=self.paths.data_dir / "documents")
        self.dossier_review = DossierReviewService(*args, access=self.access, reviews=self.reviews,
                                                   printing=self.printing,
                                                   attachments=AttachmentStore(self.paths.attachments_dir))
        self.excel_export = ExcelExportService(*args)
        self.excel_import = ExcelImportService(*args)
        self.certificate_layout = CertificateLayoutService(*args, override_dir=self.paths.data_dir / "documents")

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
    log.info("opened data dir (sqlite=%s)", db.is_sqlite)
    return app


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


__all__ = ["App", "Path", "data_paths", "open_app", "open_trial_office"]
