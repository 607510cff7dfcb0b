"""Tổng quan: movement targets, nominations by status, the directive's priority groups, and what
needs attention."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...services.overview import Overview, OverviewService
from ..texts import status_text


class OverviewScreen(QWidget):
    def __init__(self, overview: OverviewService, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = overview
        self.today = today
        self.data: Overview | None = None
        self.targets_box = QGroupBox()
        self.status_box = QGroupBox()
        self.groups_box = QGroupBox()
        self.attention_box = QGroupBox()
        self.targets = QGridLayout(self.targets_box)
        self.statuses = QFormLayout(self.status_box)
        self.groups = QFormLayout(self.groups_box)
        self.attention = QVBoxLayout(self.attention_box)
        content = QWidget()
        grid = QGridLayout(content)
        grid.addWidget(self.status_box, 0, 0)
        grid.addWidget(self.groups_box, 0, 1)
        grid.addWidget(self.attention_box, 0, 2)
        grid.addWidget(self.targets_box, 1, 0, 1, 3)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.refresh()

    @staticmethod
    def _clear(layout: QGridLayout | QFormLayout | QVBoxLayout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def refresh(self) -> None:
        self.data = self.service.overview(self.today)
        self.retranslate()

    def retranslate(self) -> None:
        data = self.data
        if data is None:
            return
        self.status_box.setTitle(self.tr("Nominations by status"))
        self.groups_box.setTitle(self.tr("Awards in %1 by priority group").replace("%1", str(data.year)))
        self.attention_box.setTitle(self.tr("Needs attention"))
        self.targets_box.setTitle(self.tr("Movement targets"))
        for layout in (self.statuses, self.groups, self.attention, self.targets):
            self._clear(layout)
        for status, count in sorted(data.by_status.items(), key=lambda kv: -kv[1]):
            self.statuses.addRow(status_text(status), QLabel(str(count)))
        if not data.by_status:
            self.statuses.addRow(QLabel(self.tr("No nominations yet.")))
        shares = data.shares
        self.groups.addRow(self.tr("Total awards to people"), QLabel(str(shares.total)))
        for label, count in ((self.tr("Women"), shares.women), (self.tr("Ethnic minorities"), shares.ethnic_minority),
                             (self.tr("Direct workers"), shares.direct_workers),
                             (self.tr("Border or remote villages"), shares.border_or_remote)):
            self.groups.addRow(label, QLabel(f"{count} ({shares.share(count):.0%})"))
        items = []
        if data.returned:
            items.append(self.tr("%n returned dossier(s) to complete", "", data.returned))
        if data.stale_drafts:
            items.append(self.tr("%n draft(s) older than 30 days", "", data.stale_drafts))
        for _id, name, deadline in data.batches_due:
            items.append(self.tr("Batch “%1” is due on %2").replace("%1", name)
                         .replace("%2", deadline.strftime("%d/%m/%Y")))
        for text in items or [self.tr("Nothing urgent.")]:
            label = QLabel("• " + text)
            label.setWordWrap(True)
            self.attention.addWidget(label)
        self.attention.addStretch(1)
        for row, target in enumerate(data.targets):
            name = QLabel(f"{target['name']} ({target['unit']})")
            name.setWordWrap(True)
            name.setToolTip(str(target["movement"]))
            bar = QProgressBar()
            goal = float(target["target"] or 0)
            reported = float(target["reported"] or 0)
            bar.setRange(0, 100)
            bar.setValue(min(100, round(100 * reported / goal)) if goal else 0)
            bar.setFormat(f"{reported:g} / {goal:g}")
            self.targets.addWidget(name, row, 0)
            self.targets.addWidget(bar, row, 1)
        self.targets.setColumnStretch(0, 3)
        self.targets.setColumnStretch(1, 2)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
