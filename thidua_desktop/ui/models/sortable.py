"""A read-only table model over a short list held whole (the province's communes: about 60 rows),
sortable by any column with the view's header, with whole-row colours and header tooltips.
A long register pages instead (models/paged.py) and sorts in its query."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class SortColumn:
    title: str
    value: Callable[[Any], object]  # what the cell shows
    key: Callable[[Any], Any] | None = None  # what it sorts by (default: the value shown)
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    tip: str = ""  # the header's tooltip: what a short title means


def _sort_key(key: Any) -> tuple[bool, Any]:
    """Empty cells (None) sort after every value, whatever their column holds."""
    return (key is None, key if key is not None else 0)


class SortableTableModel(QAbstractTableModel):
    """``background(row)``/``foreground(row)`` colour a whole row (None: the view's own);
    ``tooltip(row)`` says why. The sort chosen in the header stays through ``set_rows``."""

    def __init__(self, columns: list[SortColumn], parent: Any = None, *,
                 background: Callable[[Any], QColor | None] | None = None,
                 foreground: Callable[[Any], QColor | None] | None = None,
                 tooltip: Callable[[Any], str] | None = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._rows: list[Any] = []
        self._background = background
        self._foreground = foreground
        self._tooltip = tooltip
        self._sorted: tuple[int, Qt.SortOrder] | None = None

    # Contents ------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sorted is not None:
            self._order(*self._sorted)
        self.endResetModel()

    @property
    def rows(self) -> list[Any]:
        return list(self._rows)

    @property
    def total(self) -> int:
        return len(self._rows)

    def row_object(self, row: int) -> Any:
        return self._rows[row]

    def set_titles(self, titles: list[str], tips: list[str] | None = None) -> None:
        tips = tips if tips is not None else [c.tip for c in self._columns]
        columns = [SortColumn(t, c.value, c.key, c.align, tip)
                   for t, tip, c in zip(titles, tips, self._columns, strict=True)]
        if columns != self._columns:  # only on a real change (a language switch): no signal wasted
            self._columns = columns
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    # Sorting -------------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        self._order(column, order)
        self.layoutChanged.emit()

    def _order(self, column: int, order: Qt.SortOrder) -> None:
        self._sorted = (column, order)
        spec = self._columns[column]
        key = spec.key or spec.value
        # A stable sort: rows equal in this column keep their previous order (code order at first).
        self._rows.sort(key=lambda row: _sort_key(key(row)), reverse=order == Qt.SortOrder.DescendingOrder)

    # Qt's side -----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self._background is not None:
            colour = self._background(row)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and self._foreground is not None:
            colour = self._foreground(row)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and self._tooltip is not None:
            return self._tooltip(row) or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._columns[section].tip or None
        return None
