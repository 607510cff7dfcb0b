"""Controls that make room for themselves on a narrow screen: a row that wraps onto a second line
when the screen is narrow, and a label that keeps all its wrapped lines.

A filter or button row laid out with a plain QHBoxLayout asks for the sum of its widgets' widths,
and that sum becomes the whole main window's minimum width: one long row (the province's review
queue filters: about 1050 logical pixels in Vietnamese) pushed the window past a 1366×768 laptop's
screen at 150% scaling (911×512 logical pixels), with its right half off-screen on every screen.
``Reflow`` keeps groups of widgets together (a label and its box, a run of buttons) and puts as
many groups on a line as its width allows: at 100% the row looks as before, at 150% it takes
two lines. Its minimum width is its widest group's.

``WrapLabel``: a word-wrapped label that keeps all its lines inside a splitter's pane."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

# A group is widgets (each alone, or with its stretch factor inside the group) and the group's
# stretch on its line; ``STRETCH`` between two groups pushes the following ones to the right,
# on a wrapped line as well.
Item = QWidget | tuple[QWidget, int]
STRETCH = None


class Reflow(QWidget):
    def __init__(self, groups: Sequence[tuple[Sequence[Item], int] | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chunks: list[tuple[QWidget, int] | None] = []
        for group in groups:
            if group is STRETCH:
                self._chunks.append(None)
                continue
            items, stretch = group
            chunk = QWidget(self)
            row = QHBoxLayout(chunk)
            row.setContentsMargins(0, 0, 0, 0)
            for item in items:
                widget, factor = item if isinstance(item, tuple) else (item, 0)
                row.addWidget(widget, factor)
            self._chunks.append((chunk, stretch))
        self._lines = QVBoxLayout(self)
        self._lines.setContentsMargins(0, 0, 0, 0)
        self._breaks: tuple[int, ...] | None = None
        # As high as its lines, no higher: the table below it takes the rest.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._arrange(())

    @property
    def line_count(self) -> int:
        return self._lines.count()

    def _spacing(self) -> int:
        probe = self._lines.spacing()
        return probe if probe >= 0 else 6

    def _line_breaks(self, width: int) -> tuple[int, ...]:
        """The indexes of the chunks that start a new line, filling each line greedily."""
        breaks: list[int] = []
        used = 0
        for index, entry in enumerate(self._chunks):
            if entry is None or entry[0].isHidden():
                continue
            need = entry[0].minimumSizeHint().width()
            if used and used + self._spacing() + need > width:
                breaks.append(index)
                used = need
            else:
                used += (self._spacing() if used else 0) + need
        return tuple(breaks)

    def _arrange(self, breaks: tuple[int, ...]) -> None:
        if breaks == self._breaks:
            return
        self._breaks = breaks
        while self._lines.count():
            item = self._lines.takeAt(0)
            line = item.layout() if item is not None else None
            if line is not None:
                while line.count():
                    line.takeAt(0)
                line.deleteLater()
        current: QBoxLayout | None = None
        right = False  # past a STRETCH: a line wrapped from here on stays on the right too
        for index, entry in enumerate(self._chunks):
            if current is None or index in breaks:
                current = QHBoxLayout()
                current.setContentsMargins(0, 0, 0, 0)
                self._lines.addLayout(current)
                if right and entry is not None:
                    current.addStretch(1)
            if entry is None:
                current.addStretch(1)
                right = True
            else:
                current.addWidget(entry[0], entry[1])
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(self._line_breaks(event.size().width()))
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        # A group grew or shrank (a new language, a button shown): the lines are filled again.
        if event.type() == QEvent.Type.LayoutRequest and self.width() > 0:
            self._arrange(self._line_breaks(self.width()))
        return super().event(event)

    def minimumSizeHint(self) -> QSize:
        widths = [e[0].minimumSizeHint().width() for e in self._chunks if e is not None and not e[0].isHidden()]
        return QSize(max(widths, default=0), self._lines.minimumSize().height())

    def sizeHint(self) -> QSize:
        shown = [e[0].sizeHint().width() for e in self._chunks if e is not None and not e[0].isHidden()]
        width = sum(shown) + self._spacing() * max(len(shown) - 1, 0)
        return QSize(width, self._lines.sizeHint().height())


class WrapLabel(QLabel):
    """A word-wrapped label that keeps all its lines where the layout above it does not ask for
    height-for-width (a splitter's pane, a group box in one): its minimum height follows its width,
    so a narrow window makes the pane taller instead of cutting the last lines off (the dossier
    review's "data used" line at 150%)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def _follow(self) -> None:
        needed = max(self.heightForWidth(self.width()), 0) if self.text() else 0
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._follow()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._follow()
