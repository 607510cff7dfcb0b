"""First run: the role, the unit (picked from the province's list with search), the officer's
name and, when the commune already has it, the province's enrolment file (Tệp kết nối). Beside
setting up the real office, "Try with demo data" opens a separate trial office.

The provincial office also chooses where its data is kept: on this computer (a SQLite file, as a
commune) or on the office's PostgreSQL server, shared by its officers (address, port, database,
user and password, with a "test connection" button). The start-up code then connects the data
folder to the server (services/server_setup.py) and makes the office's first administrator."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import DomainError
from ..domain.text import clean_text, search_key
from ..messages import render
from ..services.office import OfficeService
from ..services.server_setup import ServerSettings, check_server
from ..services.sync import EnrollmentPreview
from . import ops
from .texts import role_text
from .worker import run_with_progress

DEFAULT_PROVINCE = "04"  # Cao Bằng, the first province
PreviewEnrollment = Callable[[Path, "str | None"], EnrollmentPreview]


@dataclass(frozen=True)
class FirstRunAnswers:
    role: str
    unit_code: str
    officer: str
    enrollment: Path | None = None
    trial: bool = False
    server: ServerSettings | None = None  # the office's PostgreSQL server; None: this computer (SQLite)


class FirstRunDialog(QDialog):
    """Collects the answers; the caller creates the office through the services.
    ``preview_enrollment(path, unit_code)`` reads an enrolment file without loading it."""

    def __init__(self, parent: QWidget | None = None, province_code: str = DEFAULT_PROVINCE,
                 preview_enrollment: PreviewEnrollment | None = None, enrollment: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FirstRunDialog")
        self.setWindowTitle(self.tr("Set up ThiĐua Desktop"))
        self.units = OfficeService.units_to_choose(province_code)
        self.preview_enrollment = preview_enrollment
        self.enrollment: Path | None = None
        self.enrollment_preview: EnrollmentPreview | None = None
        self.trial = False
        self.role = QComboBox()
        self.role.addItem(role_text("commune"), "commune")
        self.role.addItem(role_text("province"), "province")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type part of the commune or ward name…"))
        self.unit_list = QListWidget()
        self.unit_list.setMinimumHeight(120)
        self.officer = QLineEdit()
        self.officer.setPlaceholderText(self.tr("e.g. Nông Thị Hoa"))
        self.enrollment_label = QLabel()
        self.enrollment_label.setWordWrap(True)
        self.enrollment_button = QPushButton(self.tr("Choose file…"))
        self.enrollment_button.clicked.connect(lambda: self.choose_enrollment())
        self.enrollment_row = QWidget()
        row = QHBoxLayout(self.enrollment_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.enrollment_label, 1)
        row.addWidget(self.enrollment_button, 0, Qt.AlignmentFlag.AlignTop)
        self._local_hint = self.tr("The data stays on this computer. Set up the real office to work and to "
                                   "send bundles to the province; to look around first, try the app with "
                                   "demo data in a separate trial office.")
        self.hint = QLabel(self._local_hint)
        self.hint.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #a40000;")
        self.problems.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Set up the office"))
        self.trial_button = self.buttons.addButton(self.tr("Try with demo data"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.trial_button.clicked.connect(self.try_demo)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Office type"), self.role)
        form.addRow(self.tr("Find your unit"), self.search)
        form.addRow("", self.unit_list)
        form.addRow(self.tr("Officer's full name"), self.officer)
        self.enrollment_caption = QLabel(self.tr("Enrolment file"))
        form.addRow(self.enrollment_caption, self.enrollment_row)
        self.storage_box = self._storage_box()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.storage_box)
        layout.addWidget(self.hint)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._filter)
        self.role.currentIndexChanged.connect(lambda _i: self._role_changed())
        self.unit_list.currentItemChanged.connect(lambda *_: self._update_ok())
        self._filter("")
        self._show_enrollment()
        self._role_changed()
        if enrollment is not None:
            self.set_enrollment(enrollment)
        self.setMinimumWidth(min(640, self.fontMetrics().averageCharWidth() * 90))

    # Units -------------------------------------------------------------------------------
    def _role_changed(self) -> None:
        self._filter(self.search.text())
        commune = self.role.currentData() == "commune"
        self.enrollment_caption.setVisible(commune)
        self.enrollment_row.setVisible(commune)
        self.trial_button.setVisible(commune)
        self.storage_box.setVisible(not commune)  # a commune keeps its own file
        self._storage_changed()

    def _filter(self, text: str) -> None:
        key = search_key(text)
        province = self.role.currentData() == "province"
        self.unit_list.clear()
        for code, name, _division in self.units:
            if (len(code) == 2) != province or key not in search_key(name):
                continue
            item = QListWidgetItem(f"{name} ({code})")
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.unit_list.addItem(item)
        if self.unit_list.count() == 1 or province:
            self.unit_list.setCurrentRow(0)
        self._update_ok()

    def _select_unit(self, code: str) -> None:
        self.role.setCurrentIndex(self.role.findData("commune"))
        self.search.clear()
        for row in range(self.unit_list.count()):
            if self.unit_list.item(row).data(Qt.ItemDataRole.UserRole) == code:
                self.unit_list.setCurrentRow(row)
                self.unit_list.scrollToItem(self.unit_list.item(row))

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.unit_list.currentItem() is not None)

    def unit_code(self) -> str:
        item = self.unit_list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    # Where the data is kept (the province) ------------------------------------------------------
    def _storage_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Where the office's data is kept"))
        self.local_choice = QRadioButton(self.tr("This computer (SQLite)"))
        self.server_choice = QRadioButton(self.tr("The office server, shared by the officers (PostgreSQL)"))
        self.local_choice.setChecked(True)
        self.server_host, self.server_port = QLineEdit(), QLineEdit("5432")
        self.server_database, self.server_user = QLineEdit("thidua"), QLineEdit("thidua")
        self.server_password = QLineEdit()
        self.server_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.server_host.setPlaceholderText(self.tr("e.g. 192.168.1.10"))
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(lambda: self.test_connection())
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.server_fields = QWidget()
        fields = QFormLayout(self.server_fields)
        fields.setContentsMargins(0, 0, 0, 0)
        fields.addRow(self.tr("Server address"), self.server_host)
        fields.addRow(self.tr("Port"), self.server_port)
        fields.addRow(self.tr("Database"), self.server_database)
        fields.addRow(self.tr("Database user"), self.server_user)
        fields.addRow(self.tr("Database password"), self.server_password)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        fields.addRow("", test_row)
        column = QVBoxLayout(box)
        column.addWidget(self.local_choice)
        column.addWidget(self.server_choice)
        column.addWidget(self.server_fields)
        self.server_choice.toggled.connect(lambda _on: self._storage_changed())
        return box

    def on_server(self) -> bool:
        return self.role.currentData() == "province" and self.server_choice.isChecked()

    def _storage_changed(self) -> None:
        self.server_fields.setVisible(self.on_server())
        self.hint.setText(self.tr(
            "The data is kept on the office server: each officer's computer connects to it, and each officer "
            "signs in with an account of their own. The password of the database is kept on this computer, "
            "sealed; if the office is already set up on the server, this computer simply connects to it.")
            if self.on_server() else self._local_hint)
        self.adjustSize()

    def server_settings(self) -> ServerSettings:
        return ServerSettings(self.server_host.text(), self.server_port.text(), self.server_database.text(),
                              self.server_user.text(), self.server_password.text())

    def test_connection(self) -> str | None:
        """Connect once (off the GUI thread: an unreachable server answers after a timeout); the
        server's version, or what is wrong, next to the button."""
        settings = self.server_settings()
        self.test_result.clear()

        def refused(exc: DomainError) -> None:
            self.test_result.setStyleSheet("color: #a40000;")
            self.test_result.setText(render(exc, ops.current_lang()))

        version = run_with_progress(self, self.tr("Connecting to the server…"), lambda _p: check_server(settings),
                                    on_refusal=refused)
        if version is not None:
            self.test_result.setStyleSheet("color: #1a7f37;")
            self.test_result.setText(self.tr("Connected: %1.").replace("%1", str(version)))
        return version

    # Enrolment file ------------------------------------------------------------------------
    def choose_enrollment(self) -> bool:
        from .screens.sync_enrolment import choose_enrolment_file

        chosen = choose_enrolment_file(self)
        return self.set_enrollment(Path(chosen)) if chosen else False

    def set_enrollment(self, path: Path) -> bool:
        """Read the file (not loaded yet): it names the commune, which is then selected."""
        if self.preview_enrollment is None:
            return False
        read = self.preview_enrollment
        # A refused file is named in the dialog's problems; anything else is said as operations say it.
        outcome = ops.perform(self, lambda: read(path, None), retry=False,
                              on_refusal=lambda exc: self._show_problems([render(exc, ops.current_lang())]))
        preview = outcome.value
        if preview is None:
            return False
        self.enrollment, self.enrollment_preview = path, preview
        self._select_unit(preview.commune_code)
        self._show_enrollment()
        self.problems.hide()
        return True

    def _show_enrollment(self) -> None:
        preview = self.enrollment_preview
        if preview is None:
            self.enrollment_label.setText(self.tr("None yet: you can load it later on the Sync screen."))
            return
        self.enrollment_label.setText(
            self.tr("%1 (%2) for %3. Province's fingerprint: %4 — compare it with the province by phone.")
            .replace("%1", preview.province_name).replace("%2", preview.province_code)
            .replace("%3", preview.commune_name).replace("%4", preview.province_fingerprint))

    # Answers -------------------------------------------------------------------------------
    def problems_found(self, trial: bool = False) -> list[str]:
        found = []
        if not trial and not self.unit_code():
            found.append(self.tr("Choose your commune or ward in the list."))
        if not trial and not clean_text(self.officer.text()):
            found.append(self.tr("Type the officer's full name: it is recorded with every change."))
        preview = self.enrollment_preview
        if not trial and preview is not None and self.role.currentData() == "commune" \
                and preview.commune_code != self.unit_code():
            found.append(self.tr("The enrolment file is for %1 (%2), not for the unit chosen.")
                         .replace("%1", preview.commune_name).replace("%2", preview.commune_code))
        if not trial and self.on_server():
            try:
                self.server_settings().checked()
            except DomainError as exc:
                found.append(render(exc, ops.current_lang()))
        return found

    def _show_problems(self, problems: list[str]) -> None:
        self.problems.setText("\n".join(f"• {p}" for p in problems))
        self.problems.setVisible(bool(problems))
        self.adjustSize()

    def accept(self) -> None:
        problems = self.problems_found()
        if problems:
            self._show_problems(problems)
            (self.officer if not clean_text(self.officer.text()) else self.unit_list).setFocus()
            return
        super().accept()

    def try_demo(self) -> None:
        self.trial = True
        super().accept()

    def answers(self) -> FirstRunAnswers:
        commune = self.role.currentData() == "commune"
        return FirstRunAnswers(self.role.currentData(), self.unit_code(), clean_text(self.officer.text()),
                               self.enrollment if commune and not self.trial else None, self.trial,
                               self.server_settings().checked() if self.on_server() and not self.trial else None)
