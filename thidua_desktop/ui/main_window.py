"""The main window: a navigation pane, one screen per module, and a status bar that says who this
office is and how much has not been sent to the province yet."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.enums import Role
from ..domain.errors import DomainError
from ..services.changes import Change
from . import background, ops
from .about import add_help_entries
from .locale_format import date_text, number_text
from .opening_page import OpeningPage
from .texts import role_text
from .user_guide import add_user_guide, retranslate_help
from .window_state import WindowStateKeeper

if TYPE_CHECKING:  # App and the screens bring the database layer: loaded once the window is up
    from ..bootstrap import App
    from .screens.overview import OverviewScreen
    from .screens.province_overview import ProvinceOverviewScreen
    from .screens.sync import SyncScreen


class MainWindow(QMainWindow, ops.ChangeRoot):
    """``data_changed`` fires (on the GUI thread) after any committed change, from any screen or
    worker; the status bar counters follow it. ``changed`` carries the kinds of data an operation
    (``ops.run``, a form's save, long work) changed: each screen that shows them (every screen is an
    ``ops.Watcher``) is told at once, hidden or not (one that is not ``live`` is marked stale while
    hidden). A commit no operation announced marks the screens stale, and a stale screen re-reads
    when next shown; a screen that is not stale is not re-read on a plain show. A trial
    office says so in the title and offers to set up the real office (``real_office_requested``)."""

    data_changed = Signal()
    changed = Signal(object)  # a services.changes.Change
    real_office_requested = Signal()
    closed = Signal()

    def __init__(self, app: App | None = None, today: date | None = None,
                 state_keeper: WindowStateKeeper | None = None, data_dir: Path | None = None,
                 province: bool = False) -> None:
        """Without ``app``: the window's shell (title, navigation, Help, the status bar saying the
        data is opening), shown before the database layer is imported (issue 15); ``attach`` gives
        it the office. ``data_dir``: the folder Help shows meanwhile. ``province``: the shell lists
        a province's screens (the office this folder opened last time was one), so the navigation
        does not grow under the officer's eyes when it opens."""
        super().__init__()
        self.setObjectName("MainWindow")
        self._app: App | None = None
        self.state_keeper = state_keeper
        self.is_trial = False
        self.nav = QListWidget()
        self.nav.setStyleSheet("QListWidget::item { padding: 5px 6px; }")
        self.stack = QStackedWidget()
        self.today = today
        # Screens are built the first time they are shown, and their modules (with the services and
        # libraries they bring: ReportLab, openpyxl) imported then too, so the window opens fast.
        # Until the office is open the navigation is the one the caller expects (a commune's unless
        # the folder last opened a province), greyed out; ``attach`` corrects a wrong guess.
        self._factories = self._screen_factories(province)
        self._built: dict[str, QWidget] = {}
        self._stale: set[str] = set()  # built screens to re-read when next shown
        self._commits_in_op = 0  # commits of the operation under way, covered if it announces what changed
        self._write_stamp: object = None
        self.opening = OpeningPage()  # after the screens' places in the stack, until the office is open
        self._place_screens()
        self.nav.currentRowChanged.connect(self._switch)
        # A province's 17 screens outgrow a laptop's height at 150% with the taskbar: the list
        # scrolls, and its scroll bar is given room instead of cutting the titles short.
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.verticalScrollBar().rangeChanged.connect(lambda *_r: self._fit_nav())
        self._nav_width = 0
        body = QWidget()
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 0, 0, 0)
        self.trial_banner = self._trial_banner()
        outer.addWidget(self.trial_banner)
        layout = QHBoxLayout()
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        outer.addLayout(layout, 1)
        self.setCentralWidget(body)
        self.unit_label = QLabel()
        self.sync_label = QLabel()
        self.statusBar().addWidget(self.unit_label, 1)
        self.statusBar().addPermanentWidget(self.sync_label)
        # Counting unsent rows costs a query per table: several commits in a row count once.
        self._status_timer = QTimer(self, singleShot=True, interval=250)
        self._status_timer.timeout.connect(self.refresh_status)
        self.data_changed.connect(self._status_timer.start)
        self.data_changed.connect(self._note_commit)
        self.changed.connect(self._deliver)
        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self._focus_search)
        self.guide_action = add_user_guide(self)  # Help → Hướng dẫn sử dụng (F1)
        # Help → Kiểm tra máy…, Giới thiệu
        self.help_entries = add_help_entries(self, self._catalog_version, data_dir or Path())
        if app is not None:
            self.attach(app)
        else:
            self.nav.setEnabled(False)
            self.stack.setCurrentWidget(self.opening)
            self.retranslate()

    @property
    def app(self) -> App:
        """The office shown; only a shell (``is_open`` False) has none yet."""
        if self._app is None:
            raise RuntimeError("the main window has no office yet")
        return self._app

    @property
    def is_open(self) -> bool:
        return self._app is not None

    def attach(self, app: App) -> None:
        """Give the shell its office: the navigation becomes the office's (a province has more
        screens), the first screen is built and the status bar's figures are counted."""
        self._app = app
        self.is_trial = app.sync.is_trial()
        factories = self._screen_factories(self._is_province())
        moved = list(factories) != list(self._factories)
        self._factories = factories
        if moved:
            self._place_screens()
        self.stack.removeWidget(self.opening)
        self.opening.hide()
        self.trial_banner.setVisible(self.is_trial)
        app.db.committed.append(self._on_commit)
        # Writes made outside this window (a ``thidua`` command, another window) announce nothing
        # here: noticed by the file's stamp when the window is activated again.
        self._write_stamp = app.maintenance.write_stamp()
        self.help_entries.data_dir = app.paths.data_dir
        self.nav.setEnabled(True)
        if self.nav.currentRow() == 0:
            self._switch(0)
        else:
            self.nav.setCurrentRow(0)
        self.retranslate()

    def show_open_failure(self, reason: str) -> None:
        """The shell could not open the office: the reason and the ways out (``opening``'s signals)."""
        self.opening.show_failure(reason)
        self.stack.setCurrentWidget(self.opening)
        self.retranslate_status()

    def _screen_factories(self, province: bool) -> dict[str, Callable[[], QWidget]]:
        """The screens in the navigation's order; a province has its own in front and beside."""
        factories: dict[str, Callable[[], QWidget]] = {
            "overview": self._make_overview, "movements": self._make_movements,
            "activities": self._make_activities, "exemplars": self._make_exemplars, "people": self._make_people,
            "nominations": self._make_nominations, "council": self._make_council, "decisions": self._make_decisions,
            "reports": self._make_reports, "sync": self._make_sync, "settings": self._make_settings}
        if province:  # the province starts on its communes at a glance; a commune is unchanged
            factories = {"province_overview": self._make_province_overview,
                         "review_queue": self._make_review_queue, **factories}
            # Duplicates across communes, beside the review (only the province holds several communes' people).
            items = list(factories.items())
            keys = [key for key, _make in items]
            at = keys.index("review_queue" if "review_queue" in keys else "province_overview") + 1
            factories = dict([*items[:at], ("duplicates", self._make_duplicates), *items[at:]])
        # After the decisions: the provincial chairman's (the province), then the fund that pays them.
        fund: list[tuple[str, Callable[[], QWidget]]] = [("reward_fund", self._make_reward_fund)]
        if province:
            fund.insert(0, ("province_decisions", self._make_province_decisions))
        items = list(factories.items())
        at = [key for key, _make in items].index("decisions") + 1
        factories = dict([*items[:at], *fund, *items[at:]])
        if province:  # every commune's figures, beside the office's own reports
            items = list(factories.items())
            at = [key for key, _make in items].index("reports") + 1
            factories = dict([*items[:at], ("province_statistics", self._make_province_statistics), *items[at:]])
        return factories

    def _place_screens(self) -> None:
        """A placeholder in the stack and a row in the navigation for each screen (none built yet),
        then the opening page."""
        blocked = self.nav.blockSignals(True)
        self.nav.clear()
        while self.stack.count():
            widget = self.stack.widget(0)
            assert widget is not None  # the stack is not empty
            self.stack.removeWidget(widget)
            if widget is not self.opening:
                widget.deleteLater()
        for _key in self._factories:
            self.stack.addWidget(QWidget())  # a placeholder until the screen is first shown
            self.nav.addItem("")
        self.stack.addWidget(self.opening)
        self.nav.blockSignals(blocked)

    def _catalog_version(self) -> str:
        return self._app.current_catalog().catalog_version if self._app is not None else ""

    # The screens' factories --------------------------------------------------------------------------
    def _make_overview(self) -> QWidget:
        from .screens.overview import OverviewScreen

        # Summed up off the GUI thread: the window shows at once, the figures when they are ready.
        return self._overview(OverviewScreen(self.app.overview, self.today, background=True))

    def _make_movements(self) -> QWidget:
        from .screens.movements import MovementsScreen

        app = self.app
        return MovementsScreen(app.movements, app.drafts, printing=app.printing, excel_export=app.excel_export)

    def _make_activities(self) -> QWidget:
        from .screens.activities import ActivitiesScreen

        return ActivitiesScreen(self.app.movements, self.app.office, self.app.drafts)

    def _make_exemplars(self) -> QWidget:
        from .screens.exemplars import ExemplarsScreen

        app = self.app
        return ExemplarsScreen(app.exemplars, app.movements, app.people, app.collectives, app.drafts)

    def _make_people(self) -> QWidget:
        from .screens.people import RegisterScreen

        app = self.app
        return RegisterScreen(app.people, app.collectives, app.office, app.records, app.drafts,
                              excel_import=app.excel_import, excel_export=app.excel_export)

    def _make_nominations(self) -> QWidget:
        from .screens.nominations import NominationsScreen

        app = self.app
        return NominationsScreen(app.nominations, attachments=app.nominations.attachments, drafts=app.drafts,
                                 today=self.today, printing=app.printing, excel_export=app.excel_export)

    def _make_council(self) -> QWidget:
        from .screens.council import CouncilScreen

        app = self.app
        return CouncilScreen(app.council, app.nominations, drafts=app.drafts, today=self.today, printing=app.printing)

    def _make_decisions(self) -> QWidget:
        from .screens.decisions import DecisionsScreen

        return DecisionsScreen(self.app.decisions, self.app.nominations, today=self.today, printing=self.app.printing)

    def _make_reports(self) -> QWidget:
        from .screens.reports import ReportsScreen

        return ReportsScreen(self.app.statistics, self.today, excel_export=self.app.excel_export)

    def _make_sync(self) -> QWidget:
        from ..services.sync_views import SyncViews
        from .screens.sync import SyncScreen

        app = self.app
        views = SyncViews(app.db, app.actor, app.current_catalog)
        return self._sync_screen(SyncScreen(app.sync, views, app.office))

    def _make_settings(self) -> QWidget:
        from .screens.settings import SettingsScreen

        app = self.app
        return SettingsScreen(app.settings, app.office, app.maintenance, app.paths, app.restore_from,
                              officials=app.officials, printing=app.printing, decisions=app.decisions,
                              certificate_layout=app.certificate_layout, accounts=app.accounts)

    def _make_province_overview(self) -> QWidget:
        from ..services.province_overview import ProvinceOverviewService
        from .screens.province_overview import ProvinceOverviewScreen

        app = self.app
        return self._province_overview(ProvinceOverviewScreen(
            ProvinceOverviewService(app.db, app.actor, app.current_catalog), self.today))

    def _make_review_queue(self) -> QWidget:
        from .screens.review_queue import ReviewQueueScreen

        app = self.app
        return ReviewQueueScreen(app.review_queue, app.dossier_review, app.printing, self.today)

    def _make_duplicates(self) -> QWidget:
        from .screens.duplicates import DuplicatesScreen

        return DuplicatesScreen(self.app.duplicates)

    def _make_reward_fund(self) -> QWidget:
        from .screens.reward_fund import RewardFundScreen

        return RewardFundScreen(self.app.reward_fund, self.today)

    def _make_province_decisions(self) -> QWidget:
        from .screens.province_decisions import ProvinceDecisionsScreen

        return ProvinceDecisionsScreen(self.app.province_decisions, self.app.printing, self.today)

    def _make_province_statistics(self) -> QWidget:
        from ..services.province_statistics import ProvinceStatisticsService
        from .screens.province_statistics import ProvinceStatisticsScreen

        app = self.app
        return ProvinceStatisticsScreen(ProvinceStatisticsService(app.db, app.actor, app.current_catalog), self.today,
                                        printing=app.printing)

    def _trial_banner(self) -> QWidget:
        banner = QWidget()
        banner.setStyleSheet("background: #fff4ce;")
        row = QHBoxLayout(banner)
        self.trial_text = QLabel()
        self.trial_text.setWordWrap(True)
        self.real_office_button = QPushButton()
        self.real_office_button.clicked.connect(self.request_real_office)
        row.addWidget(self.trial_text, 1)
        row.addWidget(self.real_office_button)
        banner.setVisible(self.is_trial)
        return banner

    def request_real_office(self) -> None:
        """Leave the trial office: the start-up code closes it and asks the first-run questions."""
        self.real_office_requested.emit()
        self.close()

    def _on_commit(self) -> None:
        try:
            self.data_changed.emit()
        except RuntimeError:  # the window is gone; the database outlived it
            pass

    # What changed reaches the screens ----------------------------------------------------------------
    def _note_commit(self) -> None:
        self._write_stamp = self.app.maintenance.write_stamp()
        if ops.in_operation():
            self._commits_in_op += 1
        else:  # written past the operations (a path that announces nothing): re-read when shown
            self._stale.update(self._built)

    def operation_finished(self, changes: Change) -> None:
        unannounced = self._commits_in_op and not changes  # it failed half-way, or declared nothing
        self._commits_in_op = 0
        if unannounced:
            self._stale.update(self._built)
        if changes:
            self.changed.emit(changes)

    def _deliver(self, changes: Change) -> None:
        for key, screen in self._built.items():
            if not isinstance(screen, ops.Watcher) or not changes & screen.watches:
                continue
            if screen.live or screen.isVisible():
                screen.on_changed(changes & screen.watches)
            else:
                self._stale.add(key)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._app is not None and self._on_commit in self._app.db.committed:
            self._app.db.committed.remove(self._on_commit)
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()

    def _overview(self, screen: OverviewScreen) -> OverviewScreen:
        screen.go_to.connect(self.show_screen)  # the "start here" steps open their screens
        return screen

    def _is_province(self) -> bool:
        try:
            return self.app.office.office().role == Role.PROVINCE.value
        except DomainError:  # no office set up (a window opened before the first-run answers)
            return False

    def _province_overview(self, screen: ProvinceOverviewScreen) -> ProvinceOverviewScreen:
        screen.open_commune.connect(self.show_commune_sync)
        return screen

    def show_commune_sync(self, unit_code: str) -> QWidget:
        """The Đồng bộ screen with this commune selected in its list of offices."""
        screen = self.show_screen("sync")
        screen.peers.select_peer(unit_code)  # type: ignore[attr-defined]
        return screen

    def _sync_screen(self, screen: SyncScreen) -> SyncScreen:
        screen.changed.connect(self.refresh_status)
        return screen

    @property
    def keys(self) -> list[str]:
        return list(self._factories)

    def screen_widget(self, key: str) -> QWidget:
        """The screen for ``key``, built on first use and put in its place in the stack."""
        if key not in self._built:
            row = self.keys.index(key)
            widget = self._factories[key]()
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, widget)
            assert placeholder is not None  # every screen has its placeholder row until built
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built[key] = widget
            if self.state_keeper is not None:
                self.state_keeper.restore_splitters(self, within=widget)
            return widget
        return self._built[key]

    @property
    def screens(self) -> list[tuple[str, QWidget]]:
        return [(key, self.screen_widget(key)) for key in self.keys]

    # The screens by name, as tests and the start-up code reach them.
    province_overview = property(lambda self: self.screen_widget("province_overview"))  # the province only
    review_queue = property(lambda self: self.screen_widget("review_queue"))  # the province only
    overview = property(lambda self: self.screen_widget("overview"))
    movements = property(lambda self: self.screen_widget("movements"))
    activities = property(lambda self: self.screen_widget("activities"))
    exemplars = property(lambda self: self.screen_widget("exemplars"))
    people = property(lambda self: self.screen_widget("people"))
    nominations = property(lambda self: self.screen_widget("nominations"))
    duplicates = property(lambda self: self.screen_widget("duplicates"))  # the province only
    council = property(lambda self: self.screen_widget("council"))
    decisions = property(lambda self: self.screen_widget("decisions"))
    province_decisions = property(lambda self: self.screen_widget("province_decisions"))  # the province only
    reward_fund = property(lambda self: self.screen_widget("reward_fund"))
    reports = property(lambda self: self.screen_widget("reports"))
    sync_screen = property(lambda self: self.screen_widget("sync"))
    settings = property(lambda self: self.screen_widget("settings"))

    def _switch(self, row: int) -> None:
        """Show a screen with fresh data: a watcher is current already unless marked stale."""
        if self._app is None or row < 0:  # the shell: nothing to build yet
            return
        key = self.keys[row]
        fresh = key not in self._built
        screen = self.screen_widget(key)
        if not fresh and row != self.stack.currentIndex():
            if key in self._stale and isinstance(screen, ops.Watcher):
                screen.refresh()
            self._stale.discard(key)
        self.stack.setCurrentIndex(row)

    def sizeHint(self) -> QSize:
        return QSize(1280, 720)  # fits a 1366×768 laptop with the taskbar

    def show_screen(self, key: str) -> QWidget:
        self.nav.setCurrentRow(self.keys.index(key))
        return self.screen_widget(key)

    def _focus_search(self) -> None:
        if self._app is None:  # Ctrl+F before the office is open: no list to search yet
            return
        self.show_screen("people")
        self.people.focus_search()

    def retranslate(self) -> None:
        title = self.tr("ThiĐua Desktop — Emulation and commendation")
        if self.is_trial:
            title += " — " + self.tr("TRIAL (demo data)")
        self.setWindowTitle(title)
        self.trial_text.setText(self.tr("This is a trial office filled with demo data, kept apart from the real "
                                        "office. Nothing here is ever sent to the province."))
        self.real_office_button.setText(self.tr("Set up the real office…"))
        titles = {"province_overview": self.tr("Province overview"), "review_queue": self.tr("Review queue"),
                  "overview": self.tr("Overview"), "movements": self.tr("Movements"),
                  "activities": self.tr("Activities"), "exemplars": self.tr("Advanced examples"),
                  "people": self.tr("People & collectives"), "nominations": self.tr("Nominations"),
                  "duplicates": self.tr("Duplicates"),
                  "council": self.tr("Emulation council"), "decisions": self.tr("Decisions"),
                  "province_decisions": self.tr("Provincial decisions"), "reward_fund": self.tr("Reward fund"),
                  "reports": self.tr("Reports"), "sync": self.tr("Sync"),
                  "province_statistics": self.tr("Province statistics"),
                  "settings": self.tr("Settings")}
        for row, key in enumerate(self.keys):
            self.nav.item(row).setText(titles[key])
        # As wide as the longest title, no wider: at 150% scaling every pixel counts.
        widest = max(self.nav.fontMetrics().horizontalAdvance(t) for t in titles.values())
        self._nav_width = widest + 12 + 2 * self.nav.frameWidth() + 8
        self._fit_nav()
        retranslate_help(self)
        self.retranslate_status()

    def _fit_nav(self) -> None:
        if not self._nav_width:  # not worded yet: ``retranslate`` sets the width
            return
        bar = self.nav.verticalScrollBar()
        self.nav.setFixedWidth(self._nav_width + (bar.sizeHint().width() if bar.maximum() > 0 else 0))

    def refresh_status(self) -> None:
        """Re-read the status bar's figures, after a change. Counting what is not yet sent touches
        every synced table (a large office: a good part of a second), so it is counted off the GUI
        thread, the window shown meanwhile; a re-wording or a screen switch never counts again."""
        app = self._app
        if app is None:  # the shell: the opening page's words stand in the status bar
            return
        background.load(self, lambda: (app.office.office(), app.sync.status()), self._show_status)

    def _show_status(self, figures: tuple[object, dict[str, object]]) -> None:
        self._status_figures = figures
        self.retranslate_status()

    def retranslate_status(self) -> None:
        if self._app is None:
            self.unit_label.setText(self.opening.status_text())
            self.sync_label.setText("")
            return
        figures = getattr(self, "_status_figures", None)
        if figures is None:
            if not background.is_loading(self):
                self.refresh_status()
            return
        office, status = figures
        self.unit_label.setText(f"{office.unit_name} ({office.unit_code}) — {role_text(office.role)}")

        def when(moment: object) -> str:
            return date_text(moment) or self.tr("never")  # type: ignore[arg-type]

        self.sync_label.setText(self.tr("Not yet sent: %1 · awaiting confirmation: %2 · last sent: %3 · "
                                        "last received: %4")
                                .replace("%1", number_text(status["unsent"]))
                                .replace("%2", number_text(status["awaiting"]))
                                .replace("%3", when(status["last_sent"])).replace("%4", when(status["last_received"])))
        self.sync_label.setToolTip(self.tr(
            "Not yet sent: changes made since the last sync bundle was written.\n"
            "Awaiting confirmation: changes already written into a bundle that the other office has not "
            "confirmed receiving yet; every new bundle carries them again, in case a stick was lost."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.notice_outside_writes()
        super().changeEvent(event)

    def notice_outside_writes(self) -> bool:
        """Re-read the current screen, and mark the others, when someone else wrote to the office
        since this window last looked (a command run beside it, another window)."""
        if self._app is None:
            return False
        stamp = self._app.maintenance.write_stamp()
        if stamp is None or stamp == self._write_stamp:
            return False
        self._write_stamp = stamp
        self._stale.update(self._built)
        current = self.keys[self.stack.currentIndex()] if self.keys else None
        screen = self._built.get(current) if current else None
        if screen is not None and hasattr(screen, "refresh"):
            screen.refresh()
            self._stale.discard(current)
        self._status_timer.start()
        return True
