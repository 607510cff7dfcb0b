"""Small pieces several screens build the same way, kept once so they stay alike:

- the decision forms (the commune's Quyết định screen, its correction window, the province's
  decisions): who may sign on the date typed, the checkable list of recipients, the red refusal
  line under a field;
- the province's lists (Tổng quan toàn tỉnh, the review queue): the colour legend under the table
  and the column that takes the width left over."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHeaderView, QLabel, QTableView, QTableWidget, QTableWidgetItem

from ..domain.errors import DomainError

ERROR_STYLE = "color: #a40000;"


# Decision forms -----------------------------------------------------------------------------------
def fill_signers(combo: QComboBox, read: Callable[[], list[str]], nobody_tip: str = "",
                 keep: str | None = None) -> None:
    """The holders in office that ``read`` names (empty while the date is half typed), keeping
    the one chosen (or ``keep``) when it is still among them; ``nobody_tip`` says what to do when
    nobody is."""
    current = keep if keep is not None else combo.currentText()
    try:
        names = read()
    except DomainError:  # a date still being typed
        names = []
    combo.clear()
    combo.addItems(names)
    combo.setCurrentIndex(max(0, combo.findText(current)))
    combo.setToolTip("" if names else nobody_tip)


def checkable_item(text: str, value: str, checked: bool = True) -> QTableWidgetItem:
    """A recipient's row: its name, ticked or not, carrying its id."""
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    item.setData(Qt.ItemDataRole.UserRole, value)
    return item


def checked_values(table: QTableWidget, column: int = 0) -> list[str]:
    """The ids of the ticked rows, in the table's order."""
    cells = [table.item(r, column) for r in range(table.rowCount())]
    return [cell.data(Qt.ItemDataRole.UserRole) for cell in cells
            if cell is not None and cell.checkState() == Qt.CheckState.Checked]


def error_label() -> QLabel:
    """The red line a refusal is shown in, hidden until then."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


# The province's lists -----------------------------------------------------------------------------
def legend_html(entries: Sequence[tuple[QColor, str]]) -> str:
    """Each row colour as a small swatch followed by what it means."""
    return " &nbsp; ".join(f'<span style="background:{colour.name()}">&nbsp;&nbsp;&nbsp;&nbsp;</span> {text}'
                           for colour, text in entries)


def fit_stretch_column(table: QTableView, column: int) -> None:
    """``column`` (a name) takes the width left over; when the columns do not all fit (150 %
    scaling on a laptop) it keeps its full width and the table scrolls sideways instead of
    cutting the names short."""
    header = table.horizontalHeader()
    model = table.model()
    needed = sum(max(table.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(model.columnCount()))
    mode = (QHeaderView.ResizeMode.Stretch if needed <= table.viewport().width()
            else QHeaderView.ResizeMode.ResizeToContents)
    if header.sectionResizeMode(column) != mode:
        header.setSectionResizeMode(column, mode)

