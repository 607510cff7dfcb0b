"""The Excel import wizard's award-year field, for files without a year column (issue 12): filled
from the file's title, typed by the officer otherwise, and the one refusal when neither is there."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from thidua_desktop.services.records import Subject
from thidua_desktop.ui import dialogs
from thidua_desktop.ui.import_wizard import NO_YEAR, ImportWizard

DATA = Path(__file__).resolve().parents[1] / "data" / "import"


def _wizard(qtbot, app) -> ImportWizard:  # type: ignore[no-untyped-def]
    wizard = ImportWizard(app.excel_import, "people")
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _choose(wizard: ImportWizard, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: str(DATA / name))
    wizard.file_page.browse.click()


def test_the_year_comes_from_the_title_or_from_the_officer(qtbot, demo, monkeypatch, dialog_log) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, demo)
    page = wizard.file_page
    assert page.year_label.buddy() is page.year and page.year.value() == NO_YEAR
    assert page.year.text() == "—"
    _choose(wizard, monkeypatch, "awards_title_year.xlsx")
    assert page.year.value() == 2023 and wizard.state.year == 2023  # named by the title
    _choose(wizard, monkeypatch, "awards_no_year.xlsx")
    assert page.year.value() == NO_YEAR and wizard.state.year is None  # this title names none

    wizard.next()
    wizard.next()  # reading the rows is refused once, for the whole file
    assert wizard.currentPage() is wizard.mapping_page
    [(kind, text)] = dialog_log
    assert kind == "error" and text.startswith("Tệp «awards_no_year.xlsx», trang «Khen thưởng» không có cột năm "
                                               "khen thưởng")

    wizard.back()
    page.year.setValue(2022)  # typed: a file chosen later keeps it
    assert wizard.state.year == 2022
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    assert [(r.row, [(a["award_code"], a["year"]) for a in r.awards]) for r in wizard.state.report.rows] == [
        (4, [("LDTT", 2022)]), (5, [("CSTDCS", 2022)]), (6, [])]
    wizard.button(QWizard.WizardButton.CommitButton).click()
    kien = demo.people.search("sam van kien").rows[0]
    assert [(a["award_code"], a["year"]) for a in demo.records.awards_of(Subject(person_id=kien.id))] == [
        ("LDTT", 2022)]
