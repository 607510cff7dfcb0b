"""Quick entry of an activity, made to take under a minute: the movement, date and village are
remembered from the last entry, participant counts are spin boxes, each indicator of the chosen
movement has its own value field, and photos or PDFs come by file dialog or by dropping them on
the form. Saving is one transaction in the service."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError, ValidationErrors
from ...services.changes import Change
from ...services.drafts import DraftStore
from ...services.movements import MovementService
from ...services.office import OfficeService
from .. import ops
from ..forms import DateField, ask_about_notices, combo, set_widget_value, widget_value
from .activity_files import FilesBox
from .movement_forms import compact, error_text

LAST_KEY = "activity-last"  # movement, date and village of the last saved activity
DRAFT_KEY = "activity-entry"  # what is typed but not saved yet
class ActivityEntry(QWidget):
    """The entry form; emits ``saved(activity_id)`` after each activity is recorded."""

    saved = Signal(str)

    def __init__(self, movements: MovementService, office: OfficeService, drafts: DraftStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.movements = movements
        self.office = office
        self.drafts = drafts
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.indicator_fields: dict[str, QLineEdit] = {}
        self.indicator_names: dict[str, str] = {}
        self._loading = False
        self.setAcceptDrops(True)

        self.movement = compact(combo([]))
        self.held_on = DateField()
        self.today_button = QPushButton()
        self.today_button.clicked.connect(self.held_on.set_today)
        self.village = compact(combo([]), 16)
        self.place = QLineEdit()
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(58)
        self.total, self.women, self.minority = QSpinBox(), QSpinBox(), QSpinBox()
        for box in (self.total, self.women, self.minority):
            box.setRange(0, 1_000_000)
            box.setGroupSeparatorShown(True)
        date_row = QWidget()
        date_layout = QHBoxLayout(date_row)
        date_layout.setContentsMargins(0, 0, 0, 0)
        date_layout.addWidget(self.held_on, 1)
        date_layout.addWidget(self.today_button)

        left, middle = QFormLayout(), QFormLayout()
        for layout in (left, middle):
            layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(left, "movement", self.movement)
        self._row(left, "held_on", self.held_on, date_row)
        self._row(left, "village", self.village)
        self._row(left, "place", self.place)
        self._row(left, "description", self.description)
        self._row(middle, "participants_total", self.total)
        self._row(middle, "participants_women", self.women)
        self._row(middle, "participants_minority", self.minority)
        self.indicator_box = QGroupBox()
        self.indicator_form = QFormLayout(self.indicator_box)
        self.indicator_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # names are long
        middle.addRow(self.indicator_box)

        self.files_box = FilesBox()
        self.add_files_button = self.files_box.add_button
        self.errors["files"] = self.files_box.error
        self.files_box.changed.connect(self._changed)
        self.files_box.skipped.connect(lambda names: self._note(
            self.tr("Only photos and PDF files can be attached; skipped: %1").replace("%1", ", ".join(names)),
            error=True))

        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.clear_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.clear)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)
        # Save and Clear sit under the form's scroll area (see ActivitiesScreen), never scrolled
        # out of sight on a small screen.
        self.actions_bar = QWidget(self)  # ActivitiesScreen places it
        actions = QHBoxLayout(self.actions_bar)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.banner, 1)
        actions.addWidget(self.clear_button)
        actions.addWidget(self.save_button)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, form in enumerate((left, middle)):
            holder = QVBoxLayout()
            holder.addLayout(form)
            holder.addStretch(1)  # fields stay at the top when another column is taller
            grid.addLayout(holder, 0, column)
        grid.addWidget(self.files_box, 0, 2)
        grid.setColumnStretch(0, 4)
        grid.setColumnStretch(1, 4)
        grid.setColumnStretch(2, 3)

        self.movement.currentIndexChanged.connect(self._movement_changed)
        for widget in (self.held_on, self.place):
            widget.textChanged.connect(self._changed)
        self.description.textChanged.connect(self._changed)
        self.village.currentIndexChanged.connect(self._changed)
        for box in (self.total, self.women, self.minority):
            box.valueChanged.connect(self._changed)
        self.retranslate()
        self.reload_choices()
        self._restore()

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setStyleSheet("color: #a40000;")
        label.setWordWrap(True)
        label.hide()
        return label

    def _row(self, form: QFormLayout, name: str, widget: QWidget, shown: QWidget | None = None) -> None:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(shown or widget)
        self.errors[name] = self._error_label()
        column.addWidget(self.errors[name])
        self.labels[name] = QLabel()
        self.labels[name].setWordWrap(True)
        form.addRow(self.labels[name], holder)
        self.fields[name] = widget

    # Choices ----------------------------------------------------------------------------------
    def reload_choices(self) -> None:
        """Refill the movement and village lists, keeping the current choice."""
        loading, self._loading = self._loading, True
        try:
            current_movement, current_village = self.movement.currentData(), self.village.currentData()
            self.movement.clear()
            rows, _total = self.movements.search(limit=500)
            for m in sorted(rows, key=lambda m: m.status == "closed"):  # running movements first
                self.movement.addItem(f"{m.code} — {m.name}", m.id)
            self.movement.setCurrentIndex(max(0, self.movement.findData(current_movement)))
            self.village.clear()
            self.village.addItem(self.tr("(no village)"), None)
            for v in self.office.villages():
                self.village.addItem(v.name, v.id)
            self.village.setCurrentIndex(max(0, self.village.findData(current_village)))
            self._movement_changed()
        finally:
            self._loading = loading

    def _movement_changed(self, *_args: object) -> None:
        loading, self._loading = self._loading, True
        typed = {i: edit.text() for i, edit in self.indicator_fields.items()}
        try:
            while self.indicator_form.rowCount():
                self.indicator_form.removeRow(0)  # deletes the row's widgets
            for key in self.indicator_names:
                self.errors.pop(key, None)
            self.indicator_fields.clear()
            self.indicator_names.clear()
            movement_id = self.movement.currentData()
            indicators = ops.run(self, lambda: self.movements.indicators(movement_id)) if movement_id else []
            for ind in indicators or []:
                edit = QLineEdit(typed.get(str(ind["id"]), ""))
                edit.setPlaceholderText(self.tr("not reported"))
                edit.textChanged.connect(self._changed)
                error = self._error_label()
                holder = QWidget()
                column = QVBoxLayout(holder)
                column.setContentsMargins(0, 0, 0, 0)
                column.setSpacing(2)
                column.addWidget(edit)
                column.addWidget(error)
                name = f"{ind['name']} ({ind['unit']})" if ind["unit"] else str(ind["name"])
                label = QLabel(name)
                label.setWordWrap(True)
                self.indicator_form.addRow(label, holder)
                key = f"indicator_values.{ind['id']}"
                self.indicator_fields[str(ind["id"])] = edit
                self.indicator_names[key] = str(ind["name"])
                self.errors[key] = error
            if not self.indicator_fields:
                note = QLabel(self.tr("The chosen movement has no indicators."))
                note.setWordWrap(True)
                self.indicator_form.addRow(note)
        finally:
            self._loading = loading
        self._changed()

    # Files ------------------------------------------------------------------------------------
    def file_paths(self) -> list[str]:
        return self.files_box.paths()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            event.ignore()
            return
        self.files_box.add(paths)
        event.acceptProposedAction()

    # Values, drafts and saving ------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        values = {name: widget_value(widget) for name, widget in self.fields.items()}
        values["village"] = self.village.currentData()  # "no village" has no id; never send its label
        values["indicator_values"] = {i: edit.text() for i, edit in self.indicator_fields.items()}
        values["files"] = self.file_paths()
        return values

    def set_values(self, values: dict[str, Any]) -> None:
        loading, self._loading = self._loading, True
        try:
            if "movement" in values:
                set_widget_value(self.movement, values["movement"])
            for name, widget in self.fields.items():
                if name != "movement" and name in values:
                    set_widget_value(widget, values[name])
            for indicator_id, text in (values.get("indicator_values") or {}).items():
                if indicator_id in self.indicator_fields:
                    self.indicator_fields[indicator_id].setText(str(text))
            self.files_box.clear()
            self.files_box.add([p for p in values.get("files") or [] if Path(p).is_file()])
        finally:
            self._loading = loading

    def _changed(self, *_args: object) -> None:
        if not self._loading and self.drafts:
            self.drafts.save(DRAFT_KEY, self.values())

    def _restore(self) -> None:
        draft = self.drafts.load(DRAFT_KEY) if self.drafts else None
        if draft:
            self.set_values(draft)
            self._note(self.tr("Restored the unsaved entry."))
        else:
            self._start_from_last()

    def _start_from_last(self) -> None:
        last = (self.drafts.load(LAST_KEY) if self.drafts else None) or {}
        values: dict[str, Any] = {"place": "", "description": "", "participants_total": 0,
                                  "participants_women": 0, "participants_minority": 0, "files": []}
        for key in ("movement", "held_on", "village"):
            if last.get(key):
                values[key] = last[key]
        self.set_values(values)
        if not last.get("held_on"):
            loading, self._loading = self._loading, True
            self.held_on.set_today()
            self._loading = loading

    def clear(self) -> None:
        """Start a new entry: keep movement, date and village; empty the rest."""
        remembered = {k: widget_value(self.fields[k]) for k in ("movement", "held_on", "village")}
        self.clear_errors()
        if self.drafts:
            self.drafts.discard(DRAFT_KEY)
        self.set_values({**remembered, "place": "", "description": "", "participants_total": 0,
                         "participants_women": 0, "participants_minority": 0, "files": []})
        loading, self._loading = self._loading, True
        try:
            for edit in self.indicator_fields.values():
                edit.clear()
        finally:
            self._loading = loading

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.banner.clear()

    def _note(self, text: str, error: bool = False) -> None:
        self.banner.setStyleSheet("color: #a40000;" if error else "color: #204a87;")
        self.banner.setText(text)

    def show_error(self, error: DomainError) -> None:
        key = error.field or ""
        if key == "file":
            key = "files"
        own = self.indicator_names.get(key) or (self.labels[key].text() if key in self.labels else None)
        text = error_text(error, own)
        if key in self.errors:
            self.errors[key].setText(text)
            self.errors[key].show()
            target = self.indicator_fields.get(key.removeprefix("indicator_values."), self.fields.get(key))
            if target is not None:
                target.setFocus()
        else:
            self._note(text, error=True)

    def show_errors(self, exc: DomainError) -> None:
        """Every refusal in ``exc`` beside its own field."""
        errors = exc.errors if isinstance(exc, ValidationErrors) else [exc]
        for error in reversed(errors):  # the first one shown last keeps the focus
            self.show_error(error)

    def save(self) -> str | None:
        self.clear_errors()
        v = self.values()
        args: dict[str, Any] = dict(
            movement_id=v["movement"] or "", held_on=v["held_on"], village_id=v["village"] or None,
            place=v["place"], description=v["description"], participants_total=v["participants_total"],
            participants_women=v["participants_women"], participants_minority=v["participants_minority"],
            indicator_values={i: t for i, t in v["indicator_values"].items() if t.strip()},
            files=[Path(p) for p in v["files"]])
        # Both steps are operations (as a form's): a refusal shows beside its field, a bug as a short
        # message; either way what was typed stays.
        checked = ops.perform(self, lambda: self.movements.activity_warnings(**args), retry=False,
                              on_refusal=self.show_errors)
        if not checked.ok or (checked.value and not ask_about_notices(self, checked.value)):
            return None
        saved = ops.perform(self, lambda: self.movements.record_activity(**args), changes=Change.MOVEMENTS,
                            on_refusal=self.show_errors)
        if not saved.ok or saved.value is None:
            return None
        activity_id = saved.value
        if self.drafts:
            self.drafts.save(LAST_KEY, {"movement": v["movement"], "held_on": v["held_on"],
                                        "village": v["village"]})
        self.clear()
        self._note(self.tr("Saved. The next activity keeps the movement, date and village."))
        self.saved.emit(activity_id)
        return activity_id

    # Language ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        texts = {"movement": self.tr("Movement"), "held_on": self.tr("Date held"), "village": self.tr("Village"),
                 "place": self.tr("Place"), "description": self.tr("What was done"),
                 "participants_total": self.tr("Participants"), "participants_women": self.tr("of whom women"),
                 "participants_minority": self.tr("of whom ethnic minority")}
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.today_button.setText(self.tr("Today"))
        self.indicator_box.setTitle(self.tr("Results by indicator"))
        self.save_button.setText(self.tr("Save activity"))
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.clear_button.setText(self.tr("Clear"))
        if self.village.count():
            self.village.setItemText(0, self.tr("(no village)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
