"""The "In ▾" button of a screen: the documents of the record it has selected, each opened in the
print preview. A document whose kind the print service does not know (yet) is not offered, and
the button hides when it would offer nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from ..domain.errors import DomainError
from ..services.document_kinds import BY_KIND, kinds_for
from ..services.printing import PrintService
from . import dialogs
from .print_preview import PrintPreviewDialog, show_document
from .worker import run_with_progress

BATCH = "batch"  # the key of "print the whole batch…" in a menu


@dataclass(frozen=True)
class Entry:
    key: str  # a document kind, or BATCH
    label: Callable[[], str]  # asked each time the menu opens, so it follows the language
    # One record may give several documents of a kind (a submission per deciding level):
    # (target id, what tells them apart) for the group's record; None: the record itself.
    variants: Callable[[PrintService, str], list[tuple[str, str]]] | None = None


@dataclass(frozen=True)
class Group:
    """Entries about one record: a greyed header naming it, then its documents."""

    header: Callable[[], str]
    target: Callable[[], str | None]  # the record's id; None: nothing selected, entries greyed
    entries: tuple[Entry, ...]


class PrintButton(QToolButton):
    def __init__(self, printing: PrintService | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.printing = printing
        self.groups: list[Group] = []
        self.last_dialog: PrintPreviewDialog | None = None
        self.last_batch: list[Path] | None = None
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setMenu(QMenu(self))
        self.menu().aboutToShow.connect(self.refresh_menu)
        self.setHidden(True)
        self.retranslate()

    def add_group(self, header: Callable[[], str], target: Callable[[], str | None], entries: list[Entry]) -> None:
        self.groups.append(Group(header, target, tuple(entries)))
        self.setHidden(not any(self._offered(g) for g in self.groups))

    def _kinds(self) -> tuple[str, ...]:
        return self.printing.kinds() if self.printing is not None else ()

    def _offered(self, group: Group) -> list[Entry]:
        kinds = self._kinds()
        # The whole batch needs at least one document of a batch to be printable.
        return [e for e in group.entries if e.key in kinds or (e.key == BATCH and kinds)]

    def refresh_menu(self) -> None:
        """Rebuilt each time it opens: the selection and the language may have changed."""
        menu = self.menu()
        menu.clear()
        for group in self.groups:
            entries = self._offered(group)
            if not entries:
                continue
            if not menu.isEmpty():
                menu.addSeparator()
            header = menu.addAction(group.header())
            header.setEnabled(False)
            target = group.target()
            for entry in entries:
                variants = (entry.variants(self.printing, target) if entry.variants and self.printing and target
                            else [(target, "")])
                for variant, detail in variants:
                    text = f"{entry.label()} ({detail})" if detail else entry.label()
                    action = menu.addAction(text)
                    action.setData(entry.key)
                    action.setProperty("target", variant or "")
                    action.setEnabled(variant is not None)
                    action.triggered.connect(lambda _c=False, k=entry.key, t=variant: self._run(k, t))

    def actions_for(self, key: str) -> list[QAction]:
        """The menu actions of a kind (or BATCH), as the menu would show them now."""
        self.refresh_menu()
        return [a for a in self.menu().actions() if a.data() == key]

    def action(self, key: str) -> QAction | None:
        found = self.actions_for(key)
        return found[0] if found else None

    def _run(self, key: str, target: str | None) -> None:
        if target is None or self.printing is None:
            return
        owner = self.window() if self.parentWidget() is not None else None  # the preview blocks this window only
        if key == BATCH:
            self.last_batch = print_batch(owner, self.printing, target)
        else:
            self.last_dialog = show_document(owner, self.printing, key, target)

    def retranslate(self) -> None:
        self.setText(self.tr("Print"))
        self.setToolTip(self.tr("Preview and print the documents of the selected record"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def print_batch(parent: QWidget | None, printing: PrintService, batch_id: str) -> list[Path] | None:
    """Every document of a batch into a folder the officer picks; the files written, or None."""
    title = QCoreApplication.translate("PrintActions", "Print the whole batch")
    folder = dialogs.choose_folder(parent, QCoreApplication.translate(
        "PrintActions", "Choose the folder for the batch's documents"))
    if not folder:
        return None
    paths = run_with_progress(parent, QCoreApplication.translate("PrintActions", "Preparing the batch's documents…"),
                              lambda progress: printing.print_batch(batch_id, folder, progress))
    if paths is None:
        return None
    dialogs.info(parent, title, QCoreApplication.translate("PrintActions", "%1 PDF files were saved in %2.")
                 .replace("%1", str(len(paths))).replace("%2", folder))
    return list(paths)


# The menu names of the document kinds (services/document_kinds.py lists the kinds); the English
# literals are translated in i18n/thidua_vi.ts. A kind missing here shows its Vietnamese title.
def document_labels() -> dict[str, str]:
    return {
        "submission": QCoreApplication.translate("PrintActions", "Submission letter"),
        "list": QCoreApplication.translate("PrintActions", "List of nominees"),
        "public-list": QCoreApplication.translate("PrintActions", "Public notice list"),
        BATCH: QCoreApplication.translate("PrintActions", "Print the whole batch…"),
        "report": QCoreApplication.translate("PrintActions", "Achievement report"),
        "minutes": QCoreApplication.translate("PrintActions", "Council meeting minutes"),
        "ballots": QCoreApplication.translate("PrintActions", "Ballots"),
        "decision": QCoreApplication.translate("PrintActions", "Decision"),
        "certificate": QCoreApplication.translate("PrintActions", "Certificates"),
        "province-decision": QCoreApplication.translate("PrintActions", "Decision with its list of recipients"),
        "province-certificate": QCoreApplication.translate("PrintActions", "Certificates of merit"),
        "movement-report": QCoreApplication.translate("PrintActions", "Movement results report"),
        "statistics-form": QCoreApplication.translate("PrintActions", "Yearly statistical form"),
        "directive-report": QCoreApplication.translate("PrintActions", "Report on the directive"),
    }


Variants = Callable[[PrintService, str], list[tuple[str, str]]]


def entries(*keys: str) -> list[Entry]:
    return [document(key) for key in keys]


def entries_for(target: str, variants: dict[str, Variants] | None = None) -> list[Entry]:
    """Every document printed from one kind of record ("meeting": minutes, ballots), in the
    registry's order: a kind added to the registry appears in its screen's menu by itself."""
    return [document(kind, (variants or {}).get(kind)) for kind in kinds_for(target)]


def label(key: str) -> str:
    spec = BY_KIND.get(key)
    return document_labels().get(key) or (spec.title_vi if spec else key)


def document(key: str, variants: Variants | None = None) -> Entry:
    return Entry(key, lambda: label(key), variants)


def submission_levels(printing: PrintService, batch_id: str) -> list[tuple[str, str]]:
    """A batch with awards the commune chairman grants and awards decided above him has one
    submission (and list) for each, as the print service files them; the level is named only then."""
    try:
        targets = [t for kind, t in printing.batch_targets(batch_id) if kind == "submission"] or [batch_id]
    except DomainError:  # e.g. the batch was removed meanwhile: the preview will say so
        targets = [batch_id]
    if len(targets) < 2:
        return [(targets[0], "")]
    names = {"commune": QCoreApplication.translate("PrintActions", "decided by the commune chairman"),
             "province": QCoreApplication.translate("PrintActions", "to the higher level")}
    return [(t, names.get(t.rpartition(":")[2], t.rpartition(":")[2])) for t in targets]
