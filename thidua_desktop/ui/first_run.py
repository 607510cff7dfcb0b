"""First run: the role, the unit (picked from the province's list with search) and the officer's name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..db.repositories.admin_units import province_units
from ..domain.text import search_key
from .texts import role_text

DEFAULT_PROVINCE = "04"  # Cao Bằng, the first province


class FirstRunDialog(QDialog):
    """Collects the answers; the caller creates the office through the services."""

    def __init__(self, parent: QWidget | None = None, province_code: str = DEFAULT_PROVINCE) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up ThiĐua Desktop"))
        self.units = province_units(province_code)
        self.role = QComboBox()
        self.role.addItem(role_text("commune"), "commune")
        self.role.addItem(role_text("province"), "province")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type part of the commune or ward name…"))
        self.unit_list = QListWidget()
        self.officer = QLineEdit()
        self.demo = QCheckBox(self.tr("Load demo data so I can try the app"))
        self.hint = QLabel(self.tr("The data stays on this computer. You can change the officer's name later."))
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Office type"), self.role)
        form.addRow(self.tr("Find your unit"), self.search)
        form.addRow("", self.unit_list)
        form.addRow(self.tr("Officer's full name"), self.officer)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.demo)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._filter)
        self.role.currentIndexChanged.connect(lambda _i: self._filter(self.search.text()))
        self.unit_list.currentItemChanged.connect(lambda *_: self._update_ok())
        self._filter("")

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

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.unit_list.currentItem() is not None)

    def answers(self) -> tuple[str, str, str, bool]:
        item = self.unit_list.currentItem()
        code = item.data(Qt.ItemDataRole.UserRole) if item else ""
        return self.role.currentData(), code, self.officer.text(), self.demo.isChecked()
