"""The settings screen built from an office's services, as the main window builds it (the screen
takes the services it uses, never the whole App)."""

from __future__ import annotations

from thidua_desktop.bootstrap import App
from thidua_desktop.ui.certificate_calibration import CalibrationDialog
from thidua_desktop.ui.screens.document_settings import DocumentSettingsBox
from thidua_desktop.ui.screens.settings import SettingsScreen
from thidua_desktop.ui.screens.wording_tools import WordingTools


def settings_screen(app: App) -> SettingsScreen:
    return SettingsScreen(app.settings, app.office, app.maintenance, app.paths, app.restore_from,
                          officials=app.officials, printing=app.printing, decisions=app.decisions,
                          certificate_layout=app.certificate_layout)


def documents_box(app: App) -> DocumentSettingsBox:
    return DocumentSettingsBox(app.printing, app.decisions, app.office, app.certificate_layout)


def wording_tools(app: App) -> WordingTools:
    return WordingTools(app.printing, app.office)


def calibration_dialog(app: App) -> CalibrationDialog:
    return CalibrationDialog(app.certificate_layout, app.printing)
