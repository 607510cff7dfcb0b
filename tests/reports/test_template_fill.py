"""Filling the wording's placeholders (reports/templates.fill): only the names a phrase uses are
looked up, each in NFC; an unknown or empty one prints "…" instead of failing the print."""

from __future__ import annotations

import unicodedata

import pytest

from thidua_desktop.reports.templates import fill


def test_names_are_filled_in_nfc_and_unknown_or_none_print_dots() -> None:
    decomposed = unicodedata.normalize("NFD", "Quảng Uyên")
    assert fill("{place}, {unknown}, {empty}, {year}", {"place": decomposed, "empty": None, "year": 2026}) == \
        "Quảng Uyên, …, …, 2026"


def test_format_specs_apply_to_the_text() -> None:
    assert fill("[{n:>4}] [{name!r}]", {"n": 7, "name": "Hà"}) == "[   7] ['Hà']"


def test_the_template_itself_is_normalised() -> None:
    assert fill(unicodedata.normalize("NFD", "Xã {x}"), {"x": "Phúc Sen"}) == "Xã Phúc Sen"


@pytest.mark.parametrize("template", ["{0}", "{}"])
def test_positional_placeholders_are_an_error_as_before(template: str) -> None:
    with pytest.raises(IndexError):
        fill(template, {"a": 1})
