"""Điển hình tiên tiến: the board of advanced examples in the directive's four stages (Phát hiện,
Bồi dưỡng, Tổng kết, Nhân rộng). A card moves to the next stage with a date and notes; every card
shows the date and notes of each stage it went through. The board follows the examples, movements,
people and collectives changed anywhere, re-read when it is next shown (it is hundreds of cards)."""

from __future__ import annotations

from html import escape
from typing import TypeVar

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...services.changes import Change
from ...services.collectives import CollectiveService
from ...services.drafts import DraftStore
from ...services.exemplars import ExemplarService
from ...services.movements import MovementService
from ...services.people import PeopleService
from .. import ops
from .exemplar_dialog import AdvanceDialog, NewExemplarDialog
from .movement_forms import STAGES, compact, dmy, stage_text

CARDS_PER_COLUMN = 200
D = TypeVar("D", NewExemplarDialog, AdvanceDialog)


class ExemplarCard(QFrame):
    """One advanced example: title, subject, movement, its stage history and a "next stage" button."""

    def __init__(self, card: dict[str, object], next_stage: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self.setObjectName("exemplarCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#exemplarCard { background: #ffffff; border: 1px solid #c8c8c8; border-radius: 4px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        title = QLabel(f"<b>{escape(str(card['title']))}</b>")
        title.setWordWrap(True)
        layout.addWidget(title)
        facts = []
        if card.get("subject"):
            facts.append(escape(str(card["subject"])))
        if card.get("movement"):
            facts.append("<i>" + escape(str(card["movement"])) + "</i>")
        if facts:
            info = QLabel("<br>".join(facts))
            info.setWordWrap(True)
            layout.addWidget(info)
        self.history = QLabel(self.history_html())
        self.history.setWordWrap(True)
        self.history.setStyleSheet("color: #444; font-size: 90%;")
        layout.addWidget(self.history)
        self.setToolTip(self.history_html(with_description=True))
        self.advance_button: QPushButton | None = None
        if next_stage:
            self.advance_button = QPushButton(self.tr("Move to: %1").replace("%1", stage_text(next_stage)))
            layout.addWidget(self.advance_button)

    def history_html(self, with_description: bool = False) -> str:
        lines = []
        if with_description and self.card.get("description"):
            lines.append(escape(str(self.card["description"])))
        for entry in self.card.get("stages") or []:  # type: ignore[attr-defined]
            line = f"<b>{escape(stage_text(entry['stage']))}</b>: {dmy(entry['date'])}"
            if entry.get("notes"):
                line += " — " + escape(str(entry["notes"]))
            lines.append(line)
        return "<br>".join(lines)


class ExemplarsScreen(QWidget, ops.Watcher):
    watches = Change.MOVEMENTS | Change.PEOPLE | Change.COLLECTIVES  # cards, movements, subjects' names
    live = False

    def __init__(self, exemplars: ExemplarService, movements: MovementService, people: PeopleService,
                 collectives: CollectiveService, drafts: DraftStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.exemplars = exemplars
        self.movements = movements
        self.people = people
        self.collectives = collectives
        self.drafts = drafts
        self.dialog: NewExemplarDialog | AdvanceDialog | None = None
        self.cards: dict[str, ExemplarCard] = {}
        self.filter = compact(QComboBox(), 40)
        self.filter_label = QLabel()
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_exemplar)
        shortcut = QShortcut(QKeySequence.StandardKey.New, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_exemplar)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.filter_label)
        top.addWidget(self.filter, 1)
        top.addStretch(1)
        top.addWidget(self.new_button)

        self.columns: dict[str, tuple[QGroupBox, QVBoxLayout]] = {}
        board = QHBoxLayout()
        for stage in STAGES:
            box = QGroupBox()
            inner = QWidget()
            cards = QVBoxLayout(inner)
            cards.setContentsMargins(2, 2, 2, 2)
            cards.addStretch(1)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(inner)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(4, 4, 4, 4)
            box_layout.addWidget(scroll)
            board.addWidget(box, 1)
            self.columns[stage] = (box, cards)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addLayout(board, 1)
        self.counts: dict[str, int] = {}
        self.filter.currentIndexChanged.connect(lambda _i: self.reload_board())
        # Told of a change while shown, the board re-reads on the next turn of the event loop; a
        # re-read before then (after its own forms' save) cancels it: one save, one re-read.
        self._refresh_soon = QTimer(self, singleShot=True, interval=0)
        self._refresh_soon.timeout.connect(self.refresh)
        self._fill_filter()
        self.retranslate()
        self.reload_board()

    def _fill_filter(self) -> None:
        current = self.filter.currentData()
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(self.tr("All movements"), None)
        rows, _total = self.movements.search(limit=500)
        for m in rows:
            self.filter.addItem(f"{m.code} — {m.name}", m.id)
        self.filter.setCurrentIndex(max(0, self.filter.findData(current)))
        self.filter.blockSignals(False)

    def refresh(self) -> None:
        self._refresh_soon.stop()
        self._fill_filter()
        self.reload_board()

    def on_changed(self, changes: Change) -> None:
        self._refresh_soon.start()

    def reload_board(self) -> None:
        movement_id = self.filter.currentData()
        board = ops.run(self, lambda: self.exemplars.board(movement_id, limit=CARDS_PER_COLUMN))
        self.counts = ops.run(self, lambda: self.exemplars.stage_counts(movement_id)) or {}
        self.cards.clear()
        for stage, (_box, layout) in self.columns.items():
            while layout.count() > 1:  # the last item is the stretch that keeps cards at the top
                item = layout.takeAt(0)
                old = item.widget() if item is not None else None
                if old is not None:
                    old.deleteLater()
            for card in (board or {}).get(stage, []):
                widget = ExemplarCard(card, self.exemplars.next_stage(stage))
                if widget.advance_button is not None:
                    widget.advance_button.clicked.connect(lambda _c=False, c=card: self.advance(c))
                layout.insertWidget(layout.count() - 1, widget)
                self.cards[str(card["id"])] = widget
        self._column_titles()

    def _column_titles(self) -> None:
        for stage, (box, _layout) in self.columns.items():
            shown = sum(1 for c in self.cards.values() if c.card["stage"] == stage)
            total = self.counts.get(stage, shown)
            text = f"{stage_text(stage)} ({total})"
            if shown < total:
                text = f"{stage_text(stage)} ({shown}/{total})"
            box.setTitle(text)

    # Forms -----------------------------------------------------------------------------------
    def new_exemplar(self) -> NewExemplarDialog:
        dialog = NewExemplarDialog(self.exemplars, self.movements, self.people, self.collectives, self.drafts,
                                   parent=self)
        if self.filter.currentData():
            dialog.movement.setCurrentIndex(max(0, dialog.movement.findData(self.filter.currentData())))
        return self._open(dialog)

    def advance(self, card: dict[str, object]) -> AdvanceDialog:
        return self._open(AdvanceDialog(self.exemplars, card, self.drafts, parent=self))

    def _open(self, dialog: D) -> D:
        dialog.accepted.connect(self.refresh)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()  # window-modal; the board reloads when it is saved
        return dialog

    # Language --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.filter_label.setText(self.tr("Movement:"))
        if self.filter.count():
            self.filter.setItemText(0, self.tr("All movements"))
        self.new_button.setText(self.tr("Discover a new example"))
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        self.hint.setText(self.tr("Each card moves one stage at a time; the date and notes of every stage are "
                                  "kept on the card."))
        self._column_titles()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.cards:
                self.reload_board()  # cards carry translated stage names
        super().changeEvent(event)
