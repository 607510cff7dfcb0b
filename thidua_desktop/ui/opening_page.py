"""What the main window shows while the office opens (issue 15: the window is up before the
database layer is even imported), and what it shows when the office cannot be opened: the reason
in Vietnamese and a way out (another data folder, or quit), never a traceback."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class OpeningPage(QWidget):
    """``other_folder_requested`` and ``quit_requested`` are the officer's answers to a failure (``show_failure``)."""

    other_folder_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("opening_page")
        self.heading = QLabel()
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setStyleSheet("font-size: 13pt;")
        self.reason = QLabel()
        self.reason.setObjectName("opening_reason")
        self.reason.setWordWrap(True)
        self.reason.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason.hide()
        self.other_button = QPushButton()
        self.other_button.setObjectName("other_folder_button")
        self.other_button.clicked.connect(self.other_folder_requested)
        self.quit_button = QPushButton()
        self.quit_button.setObjectName("quit_button")
        self.quit_button.clicked.connect(self.quit_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.other_button)
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        self.other_button.hide()
        self.quit_button.hide()
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.reason)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.failed = False
        self.retranslate()

    def show_opening(self) -> None:
        self.failed = False
        self.reason.hide()
        self.other_button.hide()
        self.quit_button.hide()
        self.retranslate()

    def show_failure(self, reason: str) -> None:
        """The reason (already worded, in the officer's language) and the two ways out."""
        self.failed = True
        self.reason.setText(reason)
        self.reason.show()
        self.other_button.show()
        self.quit_button.show()
        self.quit_button.setDefault(True)
        self.retranslate()

    def status_text(self) -> str:
        """The status bar's words for the state shown."""
        return self.tr("Could not open the data.") if self.failed else self.tr("Opening the data…")

    def retranslate(self) -> None:
        self.heading.setText(self.status_text())
        self.other_button.setText(self.tr("Choose another data folder…"))
        self.quit_button.setText(self.tr("Quit"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
