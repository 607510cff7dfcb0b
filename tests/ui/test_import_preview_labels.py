"""A sheet that mixes people, collectives and households shows each row's type in words the
officer reads, not the app's internal code."""

from __future__ import annotations

from thidua_desktop.ui import i18n
from thidua_desktop.ui.import_preview import value_text


def test_the_row_type_of_a_mixed_sheet_is_shown_in_vietnamese(qapp) -> None:  # type: ignore[no-untyped-def]
    i18n.install("vi")
    assert [value_text("subject_type", code) for code in ("individual", "collective", "household")] == [
        "Cá nhân", "Tập thể", "Hộ gia đình"]
    i18n.install("en")
    try:
        assert value_text("subject_type", "household") == "Household"
    finally:
        i18n.install("vi")
