"""The recovery key's file and passphrase, as asked by both the dialog that makes the key
(screens/recovery_key.py: where to save it, the passphrase typed twice) and the one that opens a
backup with it (screens/restore_recovery.py: which file to open, the passphrase once), and the
frame both dialogs put it in (an explanation, a line for what is wrong, OK and Cancel).

Every visible text comes from the dialog, already translated with its own ``self.tr()``: the
strings then keep their translation context (the dialog's class name) in i18n/thidua_vi.ts, so
sharing the form moves no string and the Vietnamese catalogue needs no new entry."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.text import nfc
from . import dialogs


@dataclass(frozen=True)
class RecoveryKeyFormTexts:
    file_label: str
    passphrase_label: str
    choose: str  # the browse button
    browse_title: str
    filters: str
    # Making a key asks the passphrase twice (a typo would lock the province out of every bundle);
    # opening one asks it once, since a wrong passphrase is simply refused and asked again.
    repeat_label: str | None = None


class RecoveryKeyForm(QWidget):
    """The key file (typed, or picked with the browse button) and its passphrase. ``saving`` picks
    a save dialog (a new key) rather than an open dialog (an existing key)."""

    def __init__(self, texts: RecoveryKeyFormTexts, path: str = "", *, saving: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RecoveryKeyForm")
        self._texts = texts
        self._saving = saving
        self.path = QLineEdit(path)
        self.browse = QPushButton(texts.choose)
        self.browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.browse)
        self.passphrase = QLineEdit()
        self.repeat = QLineEdit() if texts.repeat_label is not None else None
        for field in (self.passphrase, self.repeat):
            if field is not None:
                field.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)  # sits in the dialog as its own form layout used to
        form.addRow(texts.file_label, where)
        form.addRow(texts.passphrase_label, self.passphrase)
        if self.repeat is not None and texts.repeat_label is not None:  # set together above
            form.addRow(texts.repeat_label, self.repeat)

    def _browse(self) -> None:
        parent = self.window()
        if self._saving:
            path = dialogs.save_file(parent, self._texts.browse_title, self.path.text(), self._texts.filters)
        else:
            path = dialogs.open_file(parent, self._texts.browse_title, self._texts.filters)
        if path:
            self.path.setText(path)

    def has_path(self) -> bool:
        return bool(self.path.text().strip())

    def passphrases_match(self) -> bool:
        """True when the passphrase is asked once, or both typings are the same."""
        return self.repeat is None or self.passphrase.text() == self.repeat.text()

    def values(self) -> tuple[Path, str]:
        return Path(self.path.text().strip()).expanduser(), nfc(self.passphrase.text())


class RecoveryKeyFormDialog(QDialog):
    """The frame: ``intro``, ``form``, ``problem`` (hidden until OK finds something wrong) and
    ``buttons``. A subclass calls ``_build`` once it has its translated texts (``self.tr`` needs the
    QDialog constructed first), and says in ``_check_then_accept`` what OK checks."""

    def _build(self, intro: str, texts: RecoveryKeyFormTexts, path: str, *, saving: bool) -> None:
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.form = RecoveryKeyForm(texts, path, saving=saving)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a40000;")
        self.problem.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._check_then_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(min(560, self.fontMetrics().averageCharWidth() * 80))

    def _check_then_accept(self) -> None:
        self.accept()

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(True)

    def values(self) -> tuple[Path, str]:
        return self.form.values()
