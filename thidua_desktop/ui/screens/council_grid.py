"""The council's vote grid on a small or 150%-scaled screen (1366×768 at 150%: 910×512 logical
pixels): the nominee column (name, then award) takes the width the counts leave, and the reason to
vote on a nominee the eligibility check does not pass is a narrow cell showing the first line of
the reason, the whole of it on hover, edited in a window (double-click or Enter)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

REASON = Qt.ItemDataRole.UserRole + 2  # the whole reason; the cell displays its first line
REQUIRED_COLOR = QColor("#a40000")
NOT_NEEDED_COLOR = QColor("#777777")
PADDING = 16  # the cell's margins around its text


def placeholder(needed: bool) -> str:
    """What an empty reason cell says: the reason is required, or not needed (eligible)."""
    if needed:
        return QCoreApplication.translate("CouncilScreen", "Required: double-click")
    return QCoreApplication.translate("CouncilScreen", "Not needed")


class ReasonItem(QTableWidgetItem):
    """The council's reason for one nominee. ``text``/``setText`` read and write the whole reason
    (several lines allowed); the cell shows its first line, the tooltip all of it. A nominee the
    check finds eligible needs none: the cell is disabled."""

    def __init__(self, needed: bool) -> None:
        super().__init__()
        self.needed = needed
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        self.setFlags(flags if needed else Qt.ItemFlag.NoItemFlags)
        self.setData(REASON, "")
        self.refresh()

    def isEnabled(self) -> bool:  # named as a cell widget's: whether the row needs a reason at all
        return self.needed

    def text(self) -> str:
        return str(self.data(REASON) or "")

    def setText(self, text: str) -> None:
        self.setData(REASON, text.strip())
        self.refresh()

    def refresh(self) -> None:
        """Display, colour and tooltip from the reason (also after a language switch)."""
        reason = self.text()
        lines = reason.splitlines()
        italic = QFont()  # the placeholder in italics, the reason itself in the table's font
        italic.setItalic(True)
        self.setData(Qt.ItemDataRole.FontRole, None if reason else italic)
        if reason:
            shown = lines[0] + (" …" if len(lines) > 1 else "")
            self.setData(Qt.ItemDataRole.ForegroundRole, None)
        else:
            shown = placeholder(self.needed)
            self.setData(Qt.ItemDataRole.ForegroundRole,
                         QBrush(REQUIRED_COLOR if self.needed else NOT_NEEDED_COLOR))
        self.setData(Qt.ItemDataRole.DisplayRole, shown)
        tip = reason or (QCoreApplication.translate(
            "CouncilScreen", "The app's check does not find this nominee eligible: double-click (or press Enter) to "
            "write why the council still votes.") if self.needed
            else QCoreApplication.translate("CouncilScreen", "Eligible by the app's check: no reason needed."))
        self.setData(Qt.ItemDataRole.ToolTipRole, tip)


def reason_width(table: QTableWidget, column: int) -> int:
    """Wide enough for its header and the placeholders, no wider: a long reason is read on hover."""
    metrics = table.fontMetrics()
    italic = QFont(table.font())
    italic.setItalic(True)
    italic_metrics = QFontMetrics(italic)
    texts = max(italic_metrics.horizontalAdvance(placeholder(n)) for n in (True, False))
    header = table.horizontalHeader().sectionSizeFromContents(column).width()
    return max(header, texts + PADDING, metrics.horizontalAdvance("M" * 6))


def set_up(table: QTableWidget, reason_column: int) -> None:
    """Column 0 (nominee, then award, one line each) takes the width the others leave; the others
    fit their contents, the reason column keeps its own width. Every row has room for two lines."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(reason_column, QHeaderView.ResizeMode.Fixed)
    # A line too long for its cell ends in "…" (the tooltip has it all) rather than wrapping a name
    # into pieces that no longer say who it is.
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(2 * table.fontMetrics().lineSpacing() + 6)


def fit_reason_column(table: QTableWidget, column: int) -> None:
    table.setColumnWidth(column, reason_width(table, column))
