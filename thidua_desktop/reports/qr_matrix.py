"""The verification code's modules, encoded quickly for the texts every document carries.

segno encodes a code in about 0.6 ms with the mask fixed (reports/page.py), which was still a
sixth of drawing a dossier once the rest had been made faster: it places each bit through a
general-purpose matrix walk and works the error correction out word by word. Our codes are all
alike (an ASCII text in byte mode, a few lengths), so this module keeps, per text length, what
does not depend on the text: segno's code for the first text of that length (its finder,
timing, alignment, format and version modules), the data modules in placement order with the
mask's bit for each, and the error-correction tables. A later text of that length only needs
its codewords (a table-driven Reed-Solomon) written into those places: about 0.1 ms.

Every template is checked when it is made: the first text of a length is encoded both ways and
the template is kept only when the two matrices are the same; otherwise that length always goes
to segno. So a mistake here can only cost speed, never a wrong code (and
tests/reports/test_qr_matrix.py compares both encoders over thousands of texts)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import product, zip_longest
from typing import Any

import segno
from segno import consts

# QR data mask conditions (ISO/IEC 18004:2015, table 10): row i, column j, dark when true.
MASKS: tuple[Callable[[int, int], bool], ...] = (
    lambda i, j: (i + j) % 2 == 0,
    lambda i, j: i % 2 == 0,
    lambda i, j: j % 3 == 0,
    lambda i, j: (i + j) % 3 == 0,
    lambda i, j: (i // 2 + j // 3) % 2 == 0,
    lambda i, j: (i * j) % 2 + (i * j) % 3 == 0,
    lambda i, j: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
    lambda i, j: ((i + j) % 2 + (i * j) % 3) % 2 == 0,
)
_ALPHANUMERIC = frozenset(consts.ALPHANUMERIC_CHARS.decode("ascii"))
_BITS = bytes.maketrans(b"01", b"\x00\x01")


def _function_modules(version: int) -> list[bytearray]:
    """1 where a module is not data: finders with their separators and the format areas next to
    them, the timing lines, the alignment patterns, the version areas (version 7 and up)."""
    size = version * 4 + 17
    reserved = [bytearray(size) for _ in range(size)]

    def mark(rows: range, cols: range) -> None:
        for i in rows:
            for j in cols:
                reserved[i][j] = 1

    mark(range(9), range(9))
    mark(range(9), range(size - 8, size))
    mark(range(size - 8, size), range(9))
    mark(range(size), range(6, 7))
    mark(range(6, 7), range(size))
    if version >= 2:
        positions = consts.ALIGNMENT_POS[version - 2]
        lo, hi = positions[0], positions[-1]
        for x, y in product(positions, repeat=2):
            if (x, y) not in ((lo, lo), (lo, hi), (hi, lo)):
                mark(range(x - 2, x + 3), range(y - 2, y + 3))
    if version >= 7:
        mark(range(6), range(size - 11, size - 8))
        mark(range(size - 11, size - 8), range(6))
    return reserved


def _placement(version: int) -> list[tuple[int, int]]:
    """The data modules in the order the bit stream fills them: two-module columns from the
    right, upwards and downwards in turn, skipping the vertical timing line (ISO 7.7.3)."""
    reserved = _function_modules(version)
    size = len(reserved)
    order = []
    for right in range(size - 1, 0, -2):
        if right <= 6:
            right -= 1
        upwards = ((right & 2) == 0) ^ (right < 6)  # the columns left of the timing line turn the other way
        for vertical in range(size):
            i = size - 1 - vertical if upwards else vertical
            for j in (right, right - 1):
                if not reserved[i][j]:
                    order.append((i, j))
    return order


def _multiples(generator: tuple[int, ...]) -> list[int]:
    """For each byte, its product with the generator polynomial (leading 1 left out), as one int."""
    log, exp = consts.GALIOS_LOG, consts.GALIOS_EXP
    table = [0]
    for value in range(1, 256):
        table.append(int.from_bytes(bytes(exp[log[value] + g] for g in generator), "big"))
    return table


@dataclass(frozen=True)
class _Template:
    rows: tuple[bytes, ...]  # segno's code of the first text of this length
    places: tuple[tuple[int, int, int], ...]  # (row, column, mask bit) in placement order
    count_bits: int  # length of the byte count
    data_words: int
    blocks: tuple[int, ...]  # data codewords of each block, in order
    ec_words: int  # error-correction codewords per block (the same in every block)
    multiples: tuple[int, ...]

    @classmethod
    def make(cls, code: segno.QRCode, mask: int) -> _Template | None:
        version = code.version
        if not isinstance(version, int):
            return None  # a Micro QR code: not ours
        tables: Any = consts.ECC  # segno's tables are untyped
        groups = tables[version][consts.ERROR_MAPPING[str(code.error).upper()]]
        ec_sizes = {g.num_total - g.num_data for g in groups}
        if len(ec_sizes) != 1:
            return None
        condition = MASKS[mask]
        places = tuple((i, j, int(condition(i, j))) for i, j in _placement(version))
        blocks = tuple(g.num_data for g in groups for _ in range(g.num_blocks))
        ec = ec_sizes.pop()
        return cls(tuple(bytes(row) for row in code.matrix), places, 8 if version <= 9 else 16, sum(blocks),
                   blocks, ec, tuple(_multiples(tuple(consts.GEN_POLY[ec]))))

    def codewords(self, data: bytes) -> bytes:
        """Mode, count, data, terminator and padding (ISO 7.4), split into blocks, each followed by
        its Reed-Solomon words, interleaved (ISO 7.6)."""
        capacity = self.data_words * 8
        bits = 4 + self.count_bits + 8 * len(data)
        value = (((0b0100 << self.count_bits) | len(data)) << (8 * len(data))) | int.from_bytes(data, "big")
        tail = min(4, capacity - bits)  # the terminator
        bits += tail
        fill = 8 - bits % 8  # as segno writes it: a whole zero byte when the stream ends on a byte
        value <<= tail + fill
        words = bytearray(value.to_bytes((bits + fill) // 8, "big")[:self.data_words])
        pad = b"\xec\x11"
        words.extend(pad[n % 2] for n in range(self.data_words - len(words)))
        data_blocks, ec_blocks = [], []
        start = 0
        top = 8 * (self.ec_words - 1)
        full = (1 << (8 * self.ec_words)) - 1
        for size in self.blocks:
            block = words[start:start + size]
            start += size
            remainder = 0
            for word in block:
                remainder = ((remainder << 8) & full) ^ self.multiples[(remainder >> top) ^ word]
            data_blocks.append(block)
            ec_blocks.append(remainder.to_bytes(self.ec_words, "big"))
        return bytes(w for column in zip_longest(*data_blocks) for w in column if w is not None) + \
            bytes(w for column in zip(*ec_blocks, strict=True) for w in column)

    def matrix(self, data: bytes) -> tuple[bytes, ...]:
        words = self.codewords(data)
        stream = "".join(format(w, "08b") for w in words).encode("ascii").translate(_BITS)
        stream += bytes(len(self.places) - len(stream))  # the remainder bits
        rows = [bytearray(row) for row in self.rows]
        for (i, j, flip), bit in zip(self.places, stream, strict=True):
            rows[i][j] = bit ^ flip
        return tuple(bytes(row) for row in rows)


# Text length -> its checked template, or None: that length is left to segno.
_templates: dict[int, _Template | None] = {}


def encode(text: str, mask: int) -> tuple[bytes, ...]:
    """The modules, row by row (1: dark), of the code segno makes of ``text`` with the smallest
    version at level L or better (segno's choice) and the data mask ``mask``."""
    byte_mode = text.isascii() and not _ALPHANUMERIC.issuperset(text)
    template = _templates.get(len(text)) if byte_mode else None
    if template is not None:
        return template.matrix(text.encode("ascii"))
    code = segno.make_qr(text, error="l", mask=mask)
    rows = tuple(bytes(row) for row in code.matrix)
    if byte_mode and len(text) not in _templates:
        _templates[len(text)] = _checked(code, mask, text.encode("ascii"), rows)
    return rows


def _checked(code: segno.QRCode, mask: int, data: bytes, rows: tuple[bytes, ...]) -> _Template | None:
    """A template for codes like ``code``, when it encodes ``data`` exactly as segno did."""
    try:
        made = _Template.make(code, mask) if code.mode == "byte" else None
        return made if made is not None and made.matrix(data) == rows else None
    except (KeyError, ValueError, IndexError, OverflowError):  # a table we do not know: segno's turn
        return None
