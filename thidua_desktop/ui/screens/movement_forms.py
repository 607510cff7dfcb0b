"""Shared pieces of the movement, activity and advanced-example screens: translated names of their
codes, number and date display, and refusal texts that name fields with the form's own labels."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QProgressBar, QWidget

from ...domain.errors import DomainError
from ...messages import SERVICE_MESSAGES, field_label, render
from .. import ops
from ..forms import FieldWidget, FormDialog
from ..locale_format import date_text
from ..locale_format import number_text as grouped_number


def level_text(level: str) -> str:
    names = {
        "commune": QCoreApplication.translate("Movements", "Commune level"),
        "province": QCoreApplication.translate("Movements", "Provincial level"),
        "central": QCoreApplication.translate("Movements", "Central level"),
    }
    return names.get(level, level)


def kind_text(kind: str) -> str:
    names = {
        "regular": QCoreApplication.translate("Movements", "Regular"),
        "thematic": QCoreApplication.translate("Movements", "Thematic"),
    }
    return names.get(kind, kind)


def movement_status_text(status: str) -> str:
    names = {
        "planned": QCoreApplication.translate("Movements", "Not launched yet"),
        "active": QCoreApplication.translate("Movements", "Under way"),
        "closed": QCoreApplication.translate("Movements", "Finished"),
    }
    return names.get(status, status)


def stage_text(stage: str) -> str:
    names = {
        "discovered": QCoreApplication.translate("Exemplars", "Discovered"),
        "fostered": QCoreApplication.translate("Exemplars", "Fostered"),
        "summarised": QCoreApplication.translate("Exemplars", "Summarised"),
        "replicated": QCoreApplication.translate("Exemplars", "Replicated"),
    }
    return names.get(stage, stage)


def indicator_kind_text(kind: str) -> str:
    names = {
        "count": QCoreApplication.translate("Movements", "Count (sum of reports)"),
        "level": QCoreApplication.translate("Movements", "Level (latest report)"),
        "percentage": QCoreApplication.translate("Movements", "Percentage (latest report)"),
    }
    return names.get(kind, kind)


def direction_text(direction: str) -> str:
    names = {
        "up": QCoreApplication.translate("Movements", "Higher is better"),
        "down": QCoreApplication.translate("Movements", "Lower is better"),
    }
    return names.get(direction, direction)


def indicator_bar(bar: QProgressBar, indicator: dict[str, object]) -> None:
    """Show an indicator's progress (from ``MovementService.indicators``) on a bar: the share of
    the way to the target by its direction (a falling one fills as it comes down from its baseline),
    the result against the target as text, and how the result is read in the tooltip."""
    result, target = indicator.get("result"), indicator.get("target")
    progress = indicator.get("progress")
    down = indicator.get("direction") == "down"
    bar.setRange(0, 100)
    bar.setValue(round(100 * float(progress)) if progress is not None else 0)  # type: ignore[arg-type]
    # Shown, not typed back: thousands grouped (1.500), which number_text leaves out for the fields.
    shown = grouped_number(result) if result is not None else "—"  # type: ignore[arg-type]
    goal = grouped_number(target) if target is not None else "—"  # type: ignore[arg-type]
    bar.setFormat(f"{shown} → {goal}" if down else f"{shown} / {goal}")
    tip = [indicator_kind_text(str(indicator.get("kind") or "count")),
           direction_text("down" if down else "up")]
    if down and indicator.get("baseline") is not None:
        tip.append(QCoreApplication.translate("Movements", "Baseline: %1").replace(
            "%1", grouped_number(indicator["baseline"])))  # type: ignore[arg-type]
    achieved = indicator.get("achieved")
    if achieved is not None:
        tip.append(QCoreApplication.translate("Movements", "Target met") if achieved
                   else QCoreApplication.translate("Movements", "Target not met yet"))
    bar.setToolTip("\n".join(tip))


LEVELS = ("commune", "province", "central")
INDICATOR_KINDS = ("count", "level", "percentage")
DIRECTIONS = ("up", "down")
KINDS = ("regular", "thematic")
STATUSES = ("planned", "active", "closed")
STAGES = ("discovered", "fostered", "summarised", "replicated")


def compact(box: QComboBox, chars: int = 24) -> QComboBox:
    """A combo box that does not grow to its longest item (movement names are long); the popup
    still shows whole names."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(chars)
    return box


def dmy(value: date | str | None) -> str:
    """dd/mm/yyyy for a date or an ISO date string (a dd/mm/yyyy string stays); "" for nothing."""
    if not value:
        return ""
    if isinstance(value, str) and "/" in value:
        return value
    return date_text(value)


def period_text(start: date | str | None, end: date | str | None) -> str:
    if not start and not end:
        return ""
    return f"{dmy(start)} – {dmy(end)}"


def number_text(value: float | int | str | None) -> str:
    """A number without a useless ".0" and never in exponent form; decimals with a comma in Vietnamese."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    number = float(value)
    if number.is_integer():
        return str(int(number))
    text = f"{number:.6f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if ops.current_lang() == "vi" else text


def error_text(error: DomainError, own_label: str | None = None) -> str:
    """The refusal as a sentence. ``own_label`` replaces the field's code where the shared message
    tables do not know the field (e.g. ``indicators[2].target``) so the user never sees a code."""
    lang = ops.current_lang()
    if error.code == "DECIMAL_INVALID" and error.code not in SERVICE_MESSAGES:
        value = str(error.params.get("value", ""))
        where = own_label or field_label(error.field, lang)
        return (QCoreApplication.translate("Movements", "«%1» in «%2» is not a number. Enter for example 12 or 12,5.")
                .replace("%1", value).replace("%2", where))
    text = render(error, lang)
    if error.field and own_label:
        raw = field_label(error.field, lang)
        if raw and raw != own_label:
            text = text.replace(raw, own_label)
    return text


class LabelledFormDialog(FormDialog):
    """A FormDialog whose refusals use its own field labels, and which can lay out fields in more
    than one column (assign ``self.form`` to another QFormLayout before ``add_field``)."""

    def __init__(self, drafts: object = None, draft_key: str = "", parent: QWidget | None = None) -> None:
        super().__init__(drafts, draft_key, parent)  # type: ignore[arg-type]
        self.labels: dict[str, str] = {}

    def add_field(self, name: str, label: str, widget: FieldWidget, form: QFormLayout | None = None) -> FieldWidget:
        self.labels[name] = label
        return super().add_field(name, label, widget, form)

    def field_text(self, field: str | None) -> str | None:
        """The on-screen name of a field code; subclasses name compound codes."""
        name = self._field_for(field)
        return self.labels.get(name) if name else None

    def show_error(self, error: DomainError) -> None:
        text = error_text(error, self.field_text(error.field))
        name = self._field_for(error.field)
        if name is not None:
            self.errors[name].setText(text)
            self.errors[name].show()
            self.fields[name].setFocus()
        else:
            self.banner_error(text)
