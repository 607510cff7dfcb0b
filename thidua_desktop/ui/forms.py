"""Building blocks for every form: dd/mm/yyyy date fields, errors shown in place next to the
field they name, an unsaved-changes prompt, drafts that survive a closed window, Ctrl+S and
Enter to save.

A form dialog subclasses ``FormDialog``, adds rows with ``add_field`` and implements ``save``
(call the service, return the result). A ``DomainError`` raised by ``save`` is shown beside the
field it names (a ``ValidationErrors`` beside each of its fields, focusing the first); the dialog
grows so that no message is cut, stays open, and nothing typed is lost. A subclass may implement
``warnings`` (ask its service what is unusual); the user is asked once before saving. The save is an
operation (``ops.perform``): on success it announces the subclass's ``changes`` to the screens."""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar, cast

from PySide6.QtCore import QCoreApplication, QDate, QEvent
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import DomainError, Notice, ValidationErrors
from ..messages import field_label, render, render_line
from ..services.changes import Change
from ..services.drafts import DraftStore
from . import dialogs, ops

# ``add_field`` hands back the widget it was given, typed as given (a QComboBox stays a QComboBox).
FieldWidget = TypeVar("FieldWidget", bound=QWidget)


class DateField(QLineEdit):
    """A date typed as dd/mm/yyyy (or a year where allowed); parsing happens in the service."""

    def __init__(self, parent: QWidget | None = None, year_allowed: bool = False) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("dd/mm/yyyy or yyyy") if year_allowed else self.tr("dd/mm/yyyy"))
        self.setMaxLength(10)
        # A whole date always shows, however narrow the form (at 150% scaling only "/2026" did).
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("00/00/00000") + 16)

    def set_today(self) -> None:
        self.setText(QDate.currentDate().toString("dd/MM/yyyy"))


def widget_value(widget: QWidget) -> Any:
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentData() if widget.currentData() is not None else widget.currentText()
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.value()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    raise TypeError(type(widget).__name__)


def set_widget_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QComboBox):
        index = widget.findData(value)
        widget.setCurrentIndex(index if index >= 0 else max(0, widget.findText(str(value))))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value or 0))
    elif isinstance(widget, QDoubleSpinBox):
        widget.setValue(float(value or 0))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(str(value or ""))
    elif isinstance(widget, QLineEdit):
        widget.setText(str(value or ""))


def _shown_text(widget: QWidget) -> str:
    """A field's value as the officer sees it (a choice's text, not its key)."""
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QCheckBox):
        return (QCoreApplication.translate("FormDialog", "ticked") if widget.isChecked()
                else QCoreApplication.translate("FormDialog", "not ticked"))
    return str(widget_value(widget))


def _changed_signal(widget: QWidget) -> Any:
    if isinstance(widget, QCheckBox):
        return widget.toggled
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.valueChanged
    return cast(Any, widget).textChanged  # the text fields: QLineEdit, DateField, …


class FormDialog(QDialog):
    """Subclasses add fields and implement ``save``; see the module docstring."""

    changes: ClassVar[Change] = Change.NONE  # what a save changes, for the screens that show it

    def __init__(self, drafts: DraftStore | None = None, draft_key: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drafts = drafts
        self.draft_key = draft_key
        self.result_value: Any = None
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.dirty = False
        self._loading = False
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("color: #a40000;")
        self.banner.hide()
        self._banner_is_error = False
        # Shown when someone else saved the record since this form loaded it (RECORD_CHANGED):
        # reloads it, keeping what was typed beside each field (see ``reload_from_store``).
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.reload_button = QPushButton(self.tr("Reload the saved version"))
        self.buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.reload_button.clicked.connect(self.reload_from_store)
        self.reload_button.hide()
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)  # Enter saves
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.try_save)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.banner)
        self.body.addLayout(self.form)
        self.body.addWidget(self.buttons)

    # Building ------------------------------------------------------------------------------
    def add_field(self, name: str, label: str, widget: FieldWidget, form: QFormLayout | None = None) -> FieldWidget:
        """A row of ``self.form``, or of ``form`` (a second tab's own form); errors show beside it either way."""
        error = QLabel()
        error.setStyleSheet("color: #a40000;")
        error.setWordWrap(True)
        error.hide()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        (form or self.form).addRow(label, holder)
        self.fields[name] = widget
        self.errors[name] = error
        _changed_signal(widget).connect(self._changed)
        return widget

    def values(self) -> dict[str, Any]:
        return {name: widget_value(widget) for name, widget in self.fields.items()}

    def set_values(self, values: dict[str, Any]) -> None:
        self._loading = True
        try:
            for name, value in values.items():
                if name in self.fields:
                    set_widget_value(self.fields[name], value)
        finally:
            self._loading = False
        # The values as loaded: a reload tells what the officer changed from them (a draft is typed).
        self._as_loaded = {name: widget_value(widget) for name, widget in self.fields.items()}

    def restore_draft(self) -> bool:
        """Offer the unsaved draft of this form, if there is one. Call after adding fields."""
        if not (self.drafts and self.draft_key):
            return False
        draft = self.drafts.load(self.draft_key)
        if not draft:
            return False
        as_loaded = getattr(self, "_as_loaded", {})
        self.set_values(draft)
        self._as_loaded = as_loaded
        self.dirty = True
        self.banner.setText(self.tr("Restored the unsaved draft of this form."))
        self._banner_is_error = False
        self.banner.setStyleSheet("color: #204a87;")
        self.banner.show()
        return True

    # Saving --------------------------------------------------------------------------------
    def save(self) -> Any:  # pragma: no cover - every subclass implements it
        raise NotImplementedError

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.banner.hide()
        self.reload_button.hide()

    # Someone else saved meanwhile ------------------------------------------------------------
    def reload_record(self) -> dict[str, Any] | None:
        """Read the record again (remembering its new token) and return its form values; None for
        a form with nothing stored to reload (a new record). Edit forms implement it."""
        return None

    def reload_from_store(self) -> None:
        """Load the version someone else saved, and keep what the officer typed: under each field
        whose typed value differs, a note shows it, so it can be typed or pasted again. The draft
        of the form keeps the typed values too, so closing the window loses nothing either."""
        typed = self.values()
        shown = {name: _shown_text(widget) for name, widget in self.fields.items()}
        loaded = ops.perform(self, self.reload_record, retry=False, on_refusal=self.show_errors)
        if not loaded.ok or loaded.value is None:
            return
        before = getattr(self, "_as_loaded", {})
        self.clear_errors()
        self.set_values(loaded.value)
        # Noted: the fields the officer changed (typed differs from the version loaded before) whose
        # typed value is not what the reloaded version holds anyway.
        differs = [name for name, widget in self.fields.items()
                   if (name not in before or typed.get(name) != before[name])
                   and widget_value(widget) != typed.get(name)]
        for name in differs:
            note = self.errors[name]
            note.setText(self.tr("You had typed: %1").replace("%1", shown[name] or self.tr("(blank)")))
            note.setStyleSheet("color: #204a87;")
            note.show()
        self.dirty = bool(differs)
        self._banner_is_error = False
        self.banner.setStyleSheet("color: #204a87;")
        self.banner.setText(self.tr("Reloaded the saved version. What you had typed is shown under each field "
                                    "that differs: enter again what you still want, then save.")
                            if differs else self.tr("Reloaded the saved version."))
        self.banner.show()
        self.grow_to_fit()

    def show_error(self, error: DomainError) -> None:
        """One refusal beside its field, or in the banner when it names no field of the form."""
        text = render(error, ops.current_lang())
        name = self._field_for(error.field)
        if name is not None:
            self.errors[name].setStyleSheet("color: #a40000;")
            self.errors[name].setText(text)
            self.errors[name].show()
            self.fields[name].setFocus()
        else:
            where = field_label(error.field, ops.current_lang())
            self.banner_error(text if not where or where in text else f"{where}: {text}")

    def banner_error(self, text: str) -> None:
        """Add a line to the red banner (several refusals may name no field of the form)."""
        shown = self.banner.text() if self.banner.isVisibleTo(self) and self._banner_is_error else ""
        self._banner_is_error = True
        self.banner.setStyleSheet("color: #a40000;")
        self.banner.setText(f"{shown}\n{text}" if shown else text)
        self.banner.show()

    def show_errors(self, error: DomainError) -> None:
        """Every refusal in ``error`` beside its own field, the first field in the form focused,
        and the dialog grown so that each message shows whole."""
        for one in error.errors if isinstance(error, ValidationErrors) else [error]:
            self.show_error(one)
        if error.code == "RECORD_CHANGED" and type(self).reload_record is not FormDialog.reload_record:
            self.reload_button.show()
        first = next((name for name, label in self.errors.items() if not label.isHidden()), None)
        if first is not None and isinstance(error, ValidationErrors):
            self.fields[first].setFocus()
        self.grow_to_fit()

    def grow_to_fit(self) -> None:
        """Grow (never shrink) to the height the layout needs at the current width, so a wrapped
        message is not clipped; bounded by the screen's free area."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        width = max(self.width(), self.minimumSizeHint().width())
        needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
        needed = max(needed, layout.totalMinimumSize().height())
        screen = self.screen()
        if screen is not None:
            needed = min(needed, screen.availableGeometry().height() - 48)  # title bar and frame
        if needed > self.height() or width > self.width():
            self.resize(width, max(needed, self.height()))

    def warnings(self) -> list[Notice]:
        """What is unusual in the typed values (the service's pure check); asked about before saving.
        May raise the same refusals as ``save``. Subclasses that have such checks implement it."""
        return []

    def confirm_warnings(self, notices: list[Notice]) -> bool:
        return ask_about_notices(self, notices)

    def _field_for(self, field: str | None) -> str | None:
        if not field:
            return None
        base = field.split("[", 1)[0].split(".", 1)[0]
        return field if field in self.fields else base if base in self.fields else None

    def try_save(self) -> None:
        self.clear_errors()
        # Both steps are operations: a refusal shows beside its field, a bug as a short message.
        checked = ops.perform(self, self.warnings, retry=False, on_refusal=self.show_errors)
        if not checked.ok or (checked.value and not self.confirm_warnings(checked.value)):
            self._keep_draft_after(checked)
            return
        # retry_busy waits out a `thidua` command writing meanwhile.
        saved = ops.perform(self, self.save, changes=self.changes, on_refusal=self.show_errors)
        if not saved.ok:
            self._keep_draft_after(saved)
            return
        self.result_value = saved.value
        self.dirty = False
        if self.drafts and self.draft_key:
            self.drafts.discard(self.draft_key)
        self.accept()

    def _keep_draft_after(self, outcome: ops.Outcome[Any]) -> None:
        if outcome.error is not None and not isinstance(outcome.error, DomainError):
            self._store_draft()  # a bug: the typed values survive as a draft

    # Unsaved changes -----------------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        self.dirty = True
        self._store_draft()

    def _store_draft(self) -> None:
        if self.drafts and self.draft_key:
            self.drafts.save(self.draft_key, self.values())

    def reject(self) -> None:
        if self.dirty and not self.confirm_discard():
            return
        if self.drafts and self.draft_key:
            self.drafts.discard(self.draft_key)
        self.dirty = False
        super().reject()

    def confirm_discard(self) -> bool:
        return dialogs.ask_yes_no(self, self.tr("Unsaved changes"),
                                  self.tr("You have unsaved changes. Close and discard them?"))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.dirty and not self.confirm_discard():
            event.ignore()
            return
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "retranslate"):
            self.retranslate()
        super().changeEvent(event)


def ask_about_notices(parent: QWidget, notices: list[Notice]) -> bool:
    """Ask once whether to save despite unusual values, listing each; True to save."""
    lang = ops.current_lang()
    lines = "\n".join(f"• {render_line(n, lang)}" for n in notices)
    question = (QCoreApplication.translate("FormDialog", "Some values are unusual:") + "\n\n" + lines + "\n\n"
                + QCoreApplication.translate("FormDialog", "Save anyway? Choose No to correct them."))
    return dialogs.ask_yes_no(parent, QCoreApplication.translate("FormDialog", "Please check before saving"),
                              question)


def combo(items: list[tuple[str, Any]], parent: QWidget | None = None) -> QComboBox:
    box = QComboBox(parent)
    for text, data in items:
        box.addItem(text, data)
    return box

