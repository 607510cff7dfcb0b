"""The council screen's Members tab: who sits on the council (Hội đồng TĐKT), with their roles,
added through a small form and removed all at once.

``MembersTab`` is mixed into ``CouncilScreen`` (council.py), which builds and fills it. Its strings
keep the screen's translation context: ``QCoreApplication.translate("CouncilScreen", …)`` is read by
lupdate as ``self.tr()`` in CouncilScreen, so the Vietnamese in i18n/*.ts still applies."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ...services.changes import Change
from ...services.council import ROLES, CouncilService
from ...services.drafts import DraftStore
from .. import dialogs, ops
from ..forms import FormDialog, combo

if TYPE_CHECKING:
    _Screen = QWidget  # mypy reads the tab as the QWidget it is mixed into
else:
    _Screen = object

ROLE_DATA = Qt.ItemDataRole.UserRole + 1  # the member's row, to reword the role in another language


def role_text(role: str) -> str:
    names = {"chair": QCoreApplication.translate("CouncilScreen", "Council chair"),
             "vice_chair": QCoreApplication.translate("CouncilScreen", "Council vice chair"),
             "member": QCoreApplication.translate("CouncilScreen", "Council member"),
             "secretary": QCoreApplication.translate("CouncilScreen", "Council secretary")}
    return names.get(role, role)


class MemberDialog(FormDialog):
    changes = Change.COUNCIL

    def __init__(self, council: CouncilService, drafts: DraftStore | None, parent: QWidget | None = None) -> None:
        super().__init__(drafts, "council-member", parent)
        self.council = council
        self.setWindowTitle(self.tr("New council member"))
        self.add_field("full_name", self.tr("Full name"), QLineEdit())
        self.add_field("council_role", self.tr("Role in the council"), combo([(role_text(r), r) for r in ROLES]))
        self.add_field("position", self.tr("Position"), QLineEdit())
        # The starting role goes through set_values: filled in by the form, it is not the officer's
        # change, so it neither stores a draft nor asks "discard changes?" on Cancel.
        self.set_values({"council_role": "member"})
        self.restore_draft()

    def save(self) -> str:
        v = self.values()
        return self.council.add_member(v["full_name"], v["council_role"], v["position"])


class MembersTab(_Screen):
    """The members table and its two buttons; the screen owns the services and ``refresh``."""

    council: CouncilService
    drafts: DraftStore | None

    if TYPE_CHECKING:
        def refresh(self) -> None: ...  # CouncilScreen's: re-reads every tab

    def _members_tab(self) -> QWidget:
        tab = QWidget()
        self.members = QTableWidget(0, 3)
        self.members.verticalHeader().setVisible(False)
        self.members.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.members.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.members.horizontalHeader().setStretchLastSection(True)
        self.add_member_button = QPushButton()
        self.remove_member_button = QPushButton()
        self.add_member_button.clicked.connect(self.add_member)
        self.remove_member_button.clicked.connect(self.remove_member)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_member_button)
        buttons.addWidget(self.remove_member_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.members, 1)
        layout.addLayout(buttons)
        return tab

    def _fill_members(self, members: list[dict[str, str]]) -> None:
        self.members.setRowCount(len(members))
        for row, m in enumerate(members):
            for column, text in enumerate((m["full_name"], role_text(m["council_role"]), m["position"])):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, m["id"])
                item.setData(ROLE_DATA, m)
                self.members.setItem(row, column, item)
        self.members.resizeColumnsToContents()

    def add_member(self) -> None:
        dialog = MemberDialog(self.council, self.drafts, self)
        if dialog.exec() and dialog.result_value:
            self.refresh()

    def remove_member(self) -> None:
        rows = {i.row() for i in self.members.selectedIndexes()}
        if not rows:
            return
        cells = [self.members.item(r, 0) for r in sorted(rows)]
        ids = [cell.data(Qt.ItemDataRole.UserRole) for cell in cells if cell is not None]
        if not dialogs.ask_yes_no(self, QCoreApplication.translate("CouncilScreen", "Council members"),
                                  QCoreApplication.translate(
                                      "CouncilScreen",
                                      "Remove the selected members from the council? Past meetings keep them.")):
            return
        ops.run(self, lambda: self.council.remove_members(ids))  # all of them, or none if refused
        self.refresh()

    def _retranslate_members(self) -> None:
        self.members.setHorizontalHeaderLabels([QCoreApplication.translate("CouncilScreen", "Full name"),
                                                QCoreApplication.translate("CouncilScreen", "Role"),
                                                QCoreApplication.translate("CouncilScreen", "Position")])
        self.add_member_button.setText(QCoreApplication.translate("CouncilScreen", "Add a member…"))
        self.remove_member_button.setText(QCoreApplication.translate("CouncilScreen", "Remove from the council"))
        # Reword in place: the rows keep their selection.
        for row in range(self.members.rowCount()):
            item = self.members.item(row, 1)
            if item is not None:  # every member row has its role cell
                item.setText(role_text(item.data(ROLE_DATA)["council_role"]))
