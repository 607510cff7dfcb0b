"""The verification code's fast encoder (reports/qr_matrix.py) makes exactly segno's code, and
the code printed with the fixed mask still scans."""

from __future__ import annotations

import random
import string
import uuid

import pytest
import segno

from thidua_desktop.reports import qr_matrix
from thidua_desktop.reports.page import QR_MASK

KINDS = ("report", "submission", "list", "public-list", "minutes", "ballots", "decision", "certificate",
         "statistics-form", "movement-report")


def segno_rows(text: str, mask: int = QR_MASK) -> tuple[bytes, ...]:
    return tuple(bytes(row) for row in segno.make_qr(text, error="l", mask=mask).matrix)


@pytest.fixture(autouse=True)
def _fresh_templates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(qr_matrix, "_templates", {})


def test_every_length_and_level_matches_segno() -> None:
    """Lengths 1 to 280 cover versions 1 to 11 (a two-byte count from 10 on), one and several
    blocks, and the levels segno boosts to (M, Q, H) when the text fits with room to spare."""
    rnd = random.Random(15)
    letters = string.ascii_letters + string.digits + "|-:_./ "
    versions = set()
    for length in range(1, 281):
        for _ in range(2):
            text = "".join(rnd.choice(letters) for _ in range(length))
            assert qr_matrix.encode(text, QR_MASK) == segno_rows(text), text
        versions.add(segno.make_qr(text, error="l", mask=QR_MASK).designator)
    assert {"1-H", "4-L", "10-L", "11-L"} <= versions
    assert all(qr_matrix._templates.values())  # no length fell back to segno


def test_the_payloads_we_print_match_segno() -> None:
    rnd = random.Random(7)
    for _ in range(400):
        text = f"TDQR1|{rnd.choice(KINDS)}|{uuid.UUID(int=rnd.getrandbits(128))}|{rnd.getrandbits(80):020x}"
        assert qr_matrix.encode(text, QR_MASK) == segno_rows(text)


@pytest.mark.parametrize("mask", range(8))
def test_every_mask_matches_segno(mask: int) -> None:
    for text in ("TDQR1|report|0b6f1a4e-1a2b-4c3d-9e8f-001122334455|0123456789abcdef0123",
                 "TDQR1|report|0b6f1a4e-1a2b-4c3d-9e8f-00112233445f|0123456789abcdef0124",
                 "TDQR1|statistics-form|0601-2024-2026|0123456789abcdef0123"):
        assert qr_matrix.encode(text, mask) == segno_rows(text, mask)


@pytest.mark.parametrize("text", ["0123456789", "TDQR1 REPORT 12", "Mã QR có dấu"])
def test_other_modes_are_left_to_segno(text: str) -> None:
    """Digits only, the alphanumeric set, non-ASCII text: segno encodes them, no template is made."""
    assert qr_matrix.encode(text, QR_MASK) == segno_rows(text)
    assert qr_matrix._templates == {}


def test_a_template_that_does_not_reproduce_segno_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first text of a length is encoded both ways; a difference leaves that length to segno."""
    text = "TDQR1|report|0b6f1a4e-1a2b-4c3d-9e8f-001122334455|0123456789abcdef0123"

    def wrong(self: qr_matrix._Template, data: bytes) -> tuple[bytes, ...]:
        return tuple(bytes(len(row)) for row in self.rows)

    monkeypatch.setattr(qr_matrix._Template, "matrix", wrong)
    assert qr_matrix.encode(text, QR_MASK) == segno_rows(text)
    assert qr_matrix._templates == {len(text): None}
    other = text[:-1] + "f"
    assert qr_matrix.encode(other, QR_MASK) == segno_rows(other)
