"""Tổng quan: movement targets, nominations by status, the directive's priority groups, and what
needs attention. While the office has no one in its register or no movement, a "start here" panel
lists the first steps, each with a button that asks the main window (``go_to``) for its screen."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...services.changes import Change
from ...services.overview import Overview, OverviewService
from .. import background, ops
from ..locale_format import date_text
from ..texts import status_text
from .movement_forms import indicator_bar

# The "start here" steps: the step, the main window's screen where it is done, and the counts that
# mark it done. Officials come early: without them no document can be signed (printing stops).
START_STEPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("villages", "settings", ("villages",)), ("officials", "settings", ("officials",)),
    ("people", "people", ("people", "collectives")), ("movements", "movements", ("movements",)),
    ("nominations", "nominations", ("nominations",)))


class OverviewScreen(QWidget, ops.Watcher):
    go_to = Signal(str)  # a screen key of the main window: "settings", "people", "movements", "nominations"
    # It sums up everything, so it re-reads when shown after any change, not after each one.
    watches = Change.ALL
    live = False

    def __init__(self, overview: OverviewService, today: date | None = None, parent: QWidget | None = None,
                 *, background: bool = False) -> None:
        """``background``: the figures are read off the GUI thread, and shown when they arrive (the
        main window's first screen: the window is up before a large office is summed up)."""
        super().__init__(parent)
        self.service = overview
        self.today = today
        self.background = background
        self.data: Overview | None = None
        self.start_box = self._start_panel()
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
        grid.addWidget(self.start_box, 0, 0, 1, 3)
        grid.addWidget(self.status_box, 1, 0)
        grid.addWidget(self.groups_box, 1, 1)
        grid.addWidget(self.attention_box, 1, 2)
        grid.addWidget(self.targets_box, 2, 0, 1, 3)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.refresh()

    def _start_panel(self) -> QGroupBox:
        box = QGroupBox()
        self.start_intro = QLabel()
        self.start_intro.setWordWrap(True)
        steps = QGridLayout()
        self.start_marks: dict[str, QLabel] = {}
        self.start_texts: dict[str, QLabel] = {}
        self.start_buttons: dict[str, QPushButton] = {}
        for row, (key, screen, _counts) in enumerate(START_STEPS):
            mark, text, button = QLabel(), QLabel(), QPushButton()
            text.setWordWrap(True)
            button.clicked.connect(lambda _checked=False, k=screen: self.go_to.emit(k))
            steps.addWidget(mark, row, 0)
            steps.addWidget(text, row, 1)
            steps.addWidget(button, row, 2)
            self.start_marks[key], self.start_texts[key], self.start_buttons[key] = mark, text, button
        steps.setColumnStretch(1, 1)
        column = QVBoxLayout(box)
        column.addWidget(self.start_intro)
        column.addLayout(steps)
        box.hide()
        return box

    def _retranslate_start(self, data: Overview) -> None:
        self.start_box.setTitle(self.tr("Start here"))
        self.start_intro.setText(self.tr("This office has little data yet. These steps set it up; each button "
                                         "opens the screen where you do it."))
        texts = {"villages": (self.tr("Add the commune's villages and residential groups"), self.tr("Open Settings")),
                 "officials": (self.tr("Enter the officials who sign documents (chairman, council chair, "
                                       "secretary) with their terms"), self.tr("Open Settings")),
                 "people": (self.tr("Add people and collectives to the register, or import them from Excel"),
                            self.tr("Open People && collectives")),
                 "movements": (self.tr("Create an emulation movement and its targets"), self.tr("Open Movements")),
                 "nominations": (self.tr("Propose awards for those who qualify"), self.tr("Open Nominations"))}
        for number, (key, _screen, counts) in enumerate(START_STEPS, start=1):
            done = any(data.setup.get(c, 0) for c in counts)
            self.start_marks[key].setText("✓" if done else f"{number}.")
            self.start_marks[key].setToolTip(self.tr("Done") if done else "")
            self.start_texts[key].setText(texts[key][0])
            self.start_buttons[key].setText(texts[key][1])
        self.start_box.setVisible(data.just_started)

    @staticmethod
    def _clear(layout: QGridLayout | QFormLayout | QVBoxLayout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def refresh(self) -> None:
        if self.background:
            background.load(self, lambda: self.service.overview(self.today), self._show)
        else:
            self._show(self.service.overview(self.today))

    def _show(self, data: Overview) -> None:
        self.data = data
        self.retranslate()

    def on_changed(self, changes: Change) -> None:
        self.refresh()

    def retranslate(self) -> None:
        data = self.data
        if data is None:
            return
        self._retranslate_start(data)
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
        for group, count in ((self.tr("Women"), shares.women), (self.tr("Ethnic minorities"), shares.ethnic_minority),
                             (self.tr("Direct workers"), shares.direct_workers),
                             (self.tr("Border or remote villages"), shares.border_or_remote)):
            self.groups.addRow(group, QLabel(f"{count} ({shares.share(count):.0%})"))
        items = []
        if data.returned:
            items.append(self.tr("%n returned dossier(s) to complete", "", data.returned))
        if data.stale_drafts:
            items.append(self.tr("%n draft(s) older than 30 days", "", data.stale_drafts))
        for _id, batch_name, deadline in data.batches_due:
            items.append(self.tr("Batch “%1” is due on %2").replace("%1", batch_name)
                         .replace("%2", date_text(deadline)))
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
            indicator_bar(bar, target)
            self.targets.addWidget(name, row, 0)
            self.targets.addWidget(bar, row, 1)
        self.targets.setColumnStretch(0, 3)
        self.targets.setColumnStretch(1, 2)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
