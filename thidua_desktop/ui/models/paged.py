"""A read-only table model over a paged service query. Rows arrive a page at a time as the view
scrolls (canFetchMore/fetchMore), so a register of 100k people never loads at once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[int, int], tuple[Sequence[Any], int]]


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[Any], object]
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


class PagedTableModel(QAbstractTableModel):
    PAGE = 200

    def __init__(self, columns: list[Column], fetch: Fetch, parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._fetch = fetch
        self._rows: list[Any] = []
        self._total = 0

    def set_fetch(self, fetch: Fetch) -> None:
        self._fetch = fetch
        self.reload()

    def set_titles(self, titles: list[str]) -> None:
        self._columns = [Column(t, c.value, c.align) for t, c in zip(titles, self._columns, strict=True)]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def reload(self) -> None:
        self.beginResetModel()
        rows, self._total = self._fetch(0, self.PAGE)
        self._rows = list(rows)
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def row_object(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        rows, self._total = self._fetch(len(self._rows), self.PAGE)
        if not rows:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(self._rows[index.row()])
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].title
        return None
