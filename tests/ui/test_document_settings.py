"""Cài đặt → Văn bản: typed names are saved, survive reopening and appear on the printed page."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from .conftest import type_text
from .settings_helpers import documents_box, settings_screen


def test_names_typed_are_saved_and_printed(qtbot, demo, app_factory, dialog_log, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    box = documents_box(demo)
    qtbot.addWidget(box)
    # Who signs is read from Lãnh đạo ký văn bản (the demo office's officials), not typed here.
    vice = demo.officials.holder("vice_chairman", date.today()).full_name
    assert box.chairman.isReadOnly() and box.vice_chairman.isReadOnly() and box.vice_chairman.text() == vice
    type_text(box.place, "Quảng Uyên")
    box.as_deputy.setChecked(True)
    box.save.click()
    assert dialog_log and dialog_log[-1][0] == "info"
    reopened = app_factory().printing.document_settings()
    assert (reopened.place, reopened.sign_as_deputy) == ("Quảng Uyên", True)
    batch = demo.nominations.batches()[0]
    pdf = demo.printing.render("submission", batch.id).pdf
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text and vice in text


def test_settings_screen_shows_the_documents_box(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    screen = settings_screen(commune)
    qtbot.addWidget(screen)
    assert screen.box_documents.title() == "Văn bản in"
