"""The whole dossier of a batch, printed from an office whose settings are complete, leaves no
dotted line except where a hand must write. Those places are data (``hand_blank_places`` in
common.json): any other dotted run on any page of any document is a blank the app could have filled."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date

import pytest

from thidua_desktop.paths import resource_path

from .pdfcheck import flat, read_pages

DOTS = re.compile(r"(?:…|\.{3,})(?:\s*(?:…|\.{3,}))*")


def _hand_places() -> dict[str, str]:
    common = json.loads(resource_path("documents/common.json").read_text(encoding="utf-8"))
    places = common["hand_blank_places"]
    assert set(places) == set(common["hand_blanks"])  # every hand blank says where it prints
    return {str(code): str(text) for code, text in places.items()}


@pytest.fixture
def complete_office(commune, monkeypatch, load_demo):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    load_demo(commune, seed=2026, people=60, today=date(2026, 11, 25))
    s = commune.printing.document_settings()
    commune.printing.set_document_settings(dataclasses.replace(s, province_rules_number="25/2025/QĐ-UBND",
                                                               province_rules_date="20/8/2025"))
    return commune


def test_a_complete_office_prints_a_dossier_with_dots_only_where_a_hand_writes(complete_office) -> None:  # type: ignore[no-untyped-def]
    places = _hand_places()
    stray: list[str] = []
    seen_kinds: set[str] = set()
    for batch in complete_office.nominations.batches():
        for kind, target in complete_office.printing.batch_targets(batch.id):
            seen_kinds.add(kind)
            rendered = complete_office.printing.render(kind, target)
            assert not rendered.missing, (kind, [n.code for n in rendered.missing])
            for number, page in enumerate(read_pages(rendered.pdf), start=1):
                text = flat(page.text)
                for found in DOTS.finditer(text):
                    before = text[max(0, found.start() - 30):found.start()]
                    if not any(place in before for place in places.values()):
                        stray.append(f"{kind} p{number}: …{before}{found.group(0)}")
    # The batch really is a whole dossier: every kind of paper a commune files was read.
    assert {"submission", "list", "public-list", "report", "minutes", "decision", "certificate"} <= seen_kinds
    assert stray == []


def test_the_check_sees_a_blank_the_app_could_fill(complete_office) -> None:  # type: ignore[no-untyped-def]
    """The test above can fail: without the province's regulation the legal basis prints dots."""
    s = complete_office.printing.document_settings()
    complete_office.printing.set_document_settings(dataclasses.replace(s, province_rules_number="",
                                                                       province_rules_date=""))
    batch = complete_office.nominations.batches()[0]
    text = flat(" ".join(p.text for p in read_pages(complete_office.printing.render("submission", batch.id).pdf)))
    places = _hand_places().values()
    stray = [m for m in DOTS.finditer(text)
             if not any(place in text[max(0, m.start() - 30):m.start()] for place in places)]
    assert stray
