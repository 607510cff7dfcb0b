"""A check box whose text wraps. QCheckBox never wraps its own text, so a long Vietnamese label
("… (không phải cán bộ, công chức)") is cut off on a small or 150%-scaled screen. The text goes into
a word-wrapped label beside the box instead; clicking the label ticks the box, as clicking a check
box's own text does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QBoxLayout, QCheckBox, QHBoxLayout, QLabel, QWidget


class CheckLabel(QLabel):
    def __init__(self, check: QCheckBox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        self.setWordWrap(True)
        self.setBuddy(check)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

    def set_text(self, text: str) -> None:
        """The label's text, also the box's accessible name (screen readers read the box alone)."""
        self.setText(text)
        self.check.setAccessibleName(text)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if (event.button() == Qt.MouseButton.LeftButton and self.check.isEnabled()
                and self.rect().contains(event.position().toPoint())):
            self.check.toggle()
            self.check.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mouseReleaseEvent(event)


def wrap_check_text(check: QCheckBox) -> CheckLabel:
    """Put a wrapping label beside ``check``, in the place the box has in its parent's box layout
    (as ``FormDialog.add_field`` leaves it); the box itself keeps no text."""
    check.setText("")
    label = CheckLabel(check)
    parent = check.parentWidget()
    layout = parent.layout() if parent is not None else None
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    if isinstance(layout, QBoxLayout) and (index := layout.indexOf(check)) >= 0:
        layout.removeWidget(check)
        layout.insertLayout(index, row)
    row.addWidget(check, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(label, 1)
    return label
