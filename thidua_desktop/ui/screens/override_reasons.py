"""Why a nominee goes on although the app's eligibility check does not pass it: the chairman's
reason for each such nominee of a decision (services/decisions.py ``overrides``), and the council's
reason for one row of its vote grid. Each nominee is shown with its award and the criteria not met
or not known, worded as the nomination wizard words them, above a multi-line reason field."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...services.nomination_views import unmet_reasons
from .. import ops
from .nomination_wizard_pages import outcome_text

if TYPE_CHECKING:  # the check's result and the catalog are handed over by the services, never read here
    from ...rules import Catalog
    from ...rules import Decision as CheckResult

OUTCOME_COLORS = {"not_eligible": "#a40000", "incomplete": "#8a5a00"}
REASON_LINES = 3  # the reason field's height: a sentence or two without scrolling


@dataclass(frozen=True)
class Nominee:
    """What the reason is about: who, for which award, and the check's result (None: not known)."""

    nomination_id: str
    name: str
    award: str
    check: CheckResult | None
    outcome: str = ""  # the stored outcome, when no check result is at hand


def why_lines(check: CheckResult | None, catalog: Catalog, lang: str) -> list[str]:
    """The criteria not met, then those not known yet, one sentence each."""
    return unmet_reasons(check, catalog, lang)


class ReasonBox(QFrame):
    """One nominee: name, award, why the check does not pass it, and the reason typed."""

    def __init__(self, nominee: Nominee, catalog: Catalog, label: str, text: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nominee = nominee
        self.setFrameShape(QFrame.Shape.StyledPanel)
        name = QLabel(nominee.name)
        bold = QFont(name.font())
        bold.setBold(True)
        name.setFont(bold)
        name.setWordWrap(True)
        award = QLabel(nominee.award)
        award.setWordWrap(True)
        outcome = nominee.check.outcome.value if nominee.check is not None else nominee.outcome
        self.outcome = QLabel(outcome_text(outcome) if outcome else "")
        self.outcome.setStyleSheet(f"color: {OUTCOME_COLORS.get(outcome, '#333')}; font-weight: bold;")
        self.outcome.setVisible(bool(outcome))
        lines = why_lines(nominee.check, catalog, ops.current_lang())
        self.why = QLabel("\n".join(f"• {line}" for line in lines))
        self.why.setWordWrap(True)
        self.why.setTextFormat(Qt.TextFormat.PlainText)  # names and sentences are data, never markup
        self.why.setVisible(bool(lines))
        caption = QLabel(label)
        caption.setWordWrap(True)
        self.editor = QPlainTextEdit(text)
        self.editor.setTabChangesFocus(True)  # Tab goes on to the next nominee, as in a form
        self.editor.setAccessibleName(f"{label}: {nominee.name}")
        line = self.editor.fontMetrics().lineSpacing()
        self.editor.setFixedHeight(line * REASON_LINES + 2 * self.editor.frameWidth() + 10)
        caption.setBuddy(self.editor)
        layout = QVBoxLayout(self)
        for widget in (name, award, self.outcome, self.why, caption, self.editor):
            layout.addWidget(widget)

    def text(self) -> str:
        return self.editor.toPlainText().strip()


def _fit(dialog: QDialog) -> None:
    """No taller or wider than the screen it opens on (a 1366×768 laptop at 150%: 910×512)."""
    screen = dialog.screen().availableGeometry() if dialog.screen() else None
    hint = dialog.sizeHint()
    width = max(hint.width(), 520)
    if screen is not None:
        dialog.resize(min(width, screen.width() - 40), min(hint.height(), screen.height() - 60))
    else:
        dialog.resize(width, hint.height())


class OverrideReasonsDialog(QDialog):
    """The chairman's reason for every nominee of a decision the check does not pass; the decision
    can be issued only when each has one (Cancel: nothing is issued)."""

    def __init__(self, nominees: Sequence[Nominee], catalog: Catalog, typed: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Chairman's reason needed"))
        intro = QLabel(self.tr("On the decision date the app's check does not find these nominees eligible, and "
                               "the council recorded no reason when it passed them. The decision can include "
                               "them only with the chairman's reason for each, which is kept in the "
                               "nomination's history. To leave one out instead, cancel and untick it."))
        intro.setWordWrap(True)
        self.boxes = [ReasonBox(n, catalog, self.tr("Chairman's reason (required)"),
                                (typed or {}).get(n.nomination_id, "")) for n in nominees]
        inner = QWidget()
        column = QVBoxLayout(inner)
        for box in self.boxes:
            box.editor.textChanged.connect(self._update)
            column.addWidget(box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        self.left = QLabel()
        self.left.setWordWrap(True)
        self.left.setStyleSheet("color: #a40000;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Issue with these reasons"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.left)
        layout.addWidget(self.buttons)
        self._update()
        _fit(self)
        if self.boxes:
            self.boxes[0].editor.setFocus()

    def _update(self) -> None:
        missing = [b for b in self.boxes if not b.text()]
        self.ok.setEnabled(not missing)
        self.left.setText(self.tr("Still without a reason: %1").replace(
            "%1", ", ".join(b.nominee.name for b in missing)) if missing else "")
        self.left.setVisible(bool(missing))

    def reasons(self) -> dict[str, str]:
        return {b.nominee.nomination_id: b.text() for b in self.boxes}


class ReasonDialog(QDialog):
    """The council's reason for voting on one nominee the check does not pass (may be cleared)."""

    def __init__(self, nominee: Nominee, catalog: Catalog, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reason to vote although not eligible"))
        self.box = ReasonBox(nominee, catalog, self.tr("Why the council still votes on this nominee"), text)
        self.box.setFrameShape(QFrame.Shape.NoFrame)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.box, 1)
        layout.addWidget(self.buttons)
        _fit(self)
        self.box.editor.setFocus()

    def text(self) -> str:
        return self.box.text()
