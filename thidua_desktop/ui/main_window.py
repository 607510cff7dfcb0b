"""The main window: a navigation pane, one screen per module, and a status bar that says who this
office is and how much has not been sent to the province yet."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QMainWindow, QStackedWidget, QWidget

from ..bootstrap import App
from ..services.sync_views import SyncViews
from .screens.activities import ActivitiesScreen
from .screens.council import CouncilScreen
from .screens.decisions import DecisionsScreen
from .screens.exemplars import ExemplarsScreen
from .screens.movements import MovementsScreen
from .screens.nominations import NominationsScreen
from .screens.overview import OverviewScreen
from .screens.people import RegisterScreen
from .screens.reports import ReportsScreen
from .screens.settings import SettingsScreen
from .screens.sync import SyncScreen
from .texts import role_text


class MainWindow(QMainWindow):
    def __init__(self, app: App, today: date | None = None) -> None:
        super().__init__()
        self.app = app
        self.nav = QListWidget()
        self.nav.setFixedWidth(210)
        self.nav.setStyleSheet("QListWidget::item { padding: 7px 6px; }")
        self.stack = QStackedWidget()
        self.overview = OverviewScreen(app.overview, today)
        self.people = RegisterScreen(app.people, app.collectives, app.office, app.records, app.drafts)
        self.movements = MovementsScreen(app.movements, app.drafts)
        self.activities = ActivitiesScreen(app.movements, app.office, app.drafts)
        self.exemplars = ExemplarsScreen(app.exemplars, app.movements, app.people, app.collectives, app.drafts)
        self.nominations = NominationsScreen(app.nominations, attachments=app.nominations.attachments,
                                             drafts=app.drafts, today=today)
        self.council = CouncilScreen(app.council, app.nominations, drafts=app.drafts, today=today)
        self.decisions = DecisionsScreen(app.decisions, app.nominations, today=today)
        self.reports = ReportsScreen(app.statistics, app.catalog, today)
        self.sync_screen = SyncScreen(app.sync, SyncViews(app.db, app.actor, app.current_catalog), app.office)
        self.settings = SettingsScreen(app)
        self.screens: list[tuple[str, QWidget]] = [
            ("overview", self.overview), ("movements", self.movements), ("activities", self.activities),
            ("exemplars", self.exemplars), ("people", self.people), ("nominations", self.nominations),
            ("council", self.council), ("decisions", self.decisions), ("reports", self.reports),
            ("sync", self.sync_screen), ("settings", self.settings)]
        for _key, screen in self.screens:
            self.stack.addWidget(screen)
            self.nav.addItem("")
        self.nav.currentRowChanged.connect(self._switch)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self.unit_label = QLabel()
        self.sync_label = QLabel()
        self.statusBar().addWidget(self.unit_label, 1)
        self.statusBar().addPermanentWidget(self.sync_label)
        self.sync_screen.changed.connect(self.retranslate_status)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self._focus_search)
        self.nav.setCurrentRow(0)
        self.retranslate()

    def _switch(self, row: int) -> None:
        """Show a screen with fresh data: other screens may have changed it meanwhile."""
        screen = self.screens[row][1]
        if row != self.stack.currentIndex() and hasattr(screen, "refresh"):
            screen.refresh()
        self.stack.setCurrentIndex(row)
        if hasattr(self, "sync_label"):
            self.retranslate_status()

    def sizeHint(self) -> QSize:
        return QSize(1280, 720)  # fits a 1366×768 laptop with the taskbar

    def show_screen(self, key: str) -> QWidget:
        index = [k for k, _ in self.screens].index(key)
        self.nav.setCurrentRow(index)
        return self.screens[index][1]

    def _focus_search(self) -> None:
        self.show_screen("people")
        self.people.focus_search()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("ThiĐua Desktop — Emulation and commendation"))
        titles = {"overview": self.tr("Overview"), "movements": self.tr("Movements"),
                  "activities": self.tr("Activities"), "exemplars": self.tr("Advanced examples"),
                  "people": self.tr("People & collectives"), "nominations": self.tr("Nominations"),
                  "council": self.tr("Emulation council"), "decisions": self.tr("Decisions"),
                  "reports": self.tr("Reports"), "sync": self.tr("Sync"),
                  "settings": self.tr("Settings")}
        for row, (key, _screen) in enumerate(self.screens):
            self.nav.item(row).setText(titles[key])
        self.retranslate_status()

    def retranslate_status(self) -> None:
        office = self.app.office.office()
        self.unit_label.setText(f"{office.unit_name} ({office.unit_code}) — {role_text(office.role)}")
        status = self.app.sync.status()

        def when(moment: object) -> str:
            return moment.strftime("%d/%m/%Y") if moment else self.tr("never")  # type: ignore[attr-defined]

        self.sync_label.setText(self.tr("Last bundle sent: %1 · received: %2 · unsent changes: %3")
                                .replace("%1", when(status["last_sent"])).replace("%2", when(status["last_received"]))
                                .replace("%3", str(status["unsent"])))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
