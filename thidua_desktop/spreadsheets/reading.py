"""Opening an Excel file someone brought on a USB stick, safely, and reading a sheet as a grid.

Before openpyxl sees a byte we check what the file is: its size, that it is a zip and not an
OLE compound file (an old .xls, or an .xlsx with a password, which Excel stores encrypted inside
OLE), that its zip entries would not inflate beyond reason (zip bomb) and that no XML part declares
a DTD (XML bomb; openpyxl also parses through defusedxml, which refuses entities on its own).

The grid the importer works on has merged ranges filled in (a merged "Năm sinh" over two columns
reads as "Năm sinh" in both), text in NFC and TCVN3 (.VnTime) cells converted to Unicode.

No Qt, no database.
"""

from __future__ import annotations

import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain.errors import ValidationError
from .tcvn3 import is_capitals_font, is_tcvn3_font, looks_tcvn3, may_be_tcvn3, tcvn3_to_unicode

__all__ = [
    "MAX_CELLS",
    "MAX_FILE_BYTES",
    "MAX_UNCOMPRESSED_BYTES",
    "SheetGrid",
    "Workbook",
    "check_file",
    "open_workbook",
    "read_sheet",
]

MAX_FILE_BYTES = 10 * 1024 * 1024  # a commune's list is a few hundred KB; 10 MB is generous
MAX_UNCOMPRESSED_BYTES = 120 * 1024 * 1024  # all parts together, once inflated
MAX_ENTRY_RATIO = 150  # one part inflating more than this many times is a bomb, not a spreadsheet
RATIO_CHECK_FROM = 4 * 1024 * 1024  # … checked for parts bigger than this (tiny parts compress well)
MAX_ENTRIES = 5000
MAX_CELLS = 2_000_000  # rows × columns of one sheet
MAX_ROWS = 50_000

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# An encrypted OOXML package is an OLE file with these streams (MS-OFFCRYPTO).
_ENCRYPTED_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))


def _refuse(code: str, path: Path, **params: Any) -> ValidationError:
    return ValidationError(code, field="file", file=path.name, **params)


def _check_zip(path: Path) -> None:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise _refuse("IMPORT_NOT_XLSX", path) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise _refuse("IMPORT_UNSAFE_FILE", path, detail=f"{len(infos)} entries")
        names = {i.filename for i in infos}
        if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
            raise _refuse("IMPORT_NOT_XLSX", path)
        total = 0
        for info in infos:
            total += info.file_size
            ratio = info.file_size // max(info.compress_size, 1)
            if info.file_size > RATIO_CHECK_FROM and ratio > MAX_ENTRY_RATIO:
                raise _refuse("IMPORT_UNSAFE_FILE", path, detail=f"{info.filename} ×{ratio}")
            if total > MAX_UNCOMPRESSED_BYTES:
                raise _refuse("IMPORT_UNSAFE_FILE", path, detail=f"> {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB")
        # Declared sizes bound what zipfile will inflate (it stops at file_size), so reading the
        # head of each XML part is safe. A DTD has no business in an OOXML part.
        for info in infos:
            if info.filename.endswith((".xml", ".rels", ".vml")):
                try:
                    with archive.open(info) as part:
                        head = part.read(64 * 1024)
                except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
                    # sizes or checksums that do not add up, an unknown compression, encryption
                    raise _refuse("IMPORT_FILE_UNREADABLE", path, detail=type(exc).__name__) from None
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise _refuse("IMPORT_XML_UNSAFE", path, part=info.filename)


def check_file(path: str | Path) -> Path:
    """Refuse, with a clear code, anything we should not hand to openpyxl. Returns the path."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError("IMPORT_FILE_NOT_FOUND", field="file", file=str(path))
    size = path.stat().st_size
    if size == 0:
        raise _refuse("IMPORT_FILE_EMPTY", path)
    if size > MAX_FILE_BYTES:
        raise _refuse("IMPORT_FILE_TOO_LARGE", path, size_mb=round(size / 1024 / 1024, 1),
                      max_mb=MAX_FILE_BYTES // (1024 * 1024))
    with path.open("rb") as handle:
        head = handle.read(8)
        if head == OLE_MAGIC:
            body = head + handle.read()  # at most MAX_FILE_BYTES
            if any(stream in body for stream in _ENCRYPTED_STREAMS):
                raise _refuse("IMPORT_PASSWORD_PROTECTED", path)
            raise _refuse("IMPORT_OLD_XLS", path)
    if head[:4] != ZIP_MAGIC:
        raise _refuse("IMPORT_NOT_XLSX", path)
    _check_zip(path)
    return path


Workbook = Any  # openpyxl.Workbook; kept loose so callers need not import openpyxl


def open_workbook(path: str | Path) -> Workbook:
    """The checked file opened by openpyxl (values, not formulas), or a refusal code."""
    import openpyxl
    import openpyxl.xml

    checked = check_file(path)
    if not openpyxl.xml.DEFUSEDXML:  # openpyxl falls back to the unsafe parser without defusedxml
        raise _refuse("IMPORT_XML_PARSER_UNSAFE", checked)
    try:
        from defusedxml import DefusedXmlException
    except ImportError:  # pragma: no cover - DEFUSEDXML above says it is importable
        raise _refuse("IMPORT_XML_PARSER_UNSAFE", checked) from None
    try:
        return openpyxl.load_workbook(checked, data_only=True)
    except Exception as exc:  # openpyxl raises a mix (ValueError, KeyError, BadZipFile, ParseError …)
        cause: BaseException | None = exc
        while cause is not None:  # openpyxl wraps the parser's refusal in a ValueError
            if isinstance(cause, DefusedXmlException):
                raise _refuse("IMPORT_XML_UNSAFE", checked, part=type(cause).__name__) from None
            cause = cause.__cause__ or cause.__context__
        raise _refuse("IMPORT_FILE_UNREADABLE", checked, detail=type(exc).__name__) from None


@dataclass
class SheetGrid:
    """One sheet's values, 1-based like Excel: ``value(row, col)``.

    Merged ranges are filled with their top-left value; ``merged`` keeps the ranges
    (min_row, min_col, max_row, max_col) so callers can tell a merged title row from data.
    """

    title: str
    rows: list[list[Any]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    epoch_1904: bool = False
    tcvn3_cells: int = 0  # text cells converted from TCVN3
    nfd_cells: int = 0  # text cells that were not NFC

    @property
    def max_row(self) -> int:
        return len(self.rows)

    @property
    def max_col(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def value(self, row: int, col: int) -> Any:
        if 1 <= row <= len(self.rows):
            cells = self.rows[row - 1]
            if 1 <= col <= len(cells):
                return cells[col - 1]
        return None

    def merge_at(self, row: int, col: int) -> tuple[int, int, int, int] | None:
        for rng in self.merged:
            if rng[0] <= row <= rng[2] and rng[1] <= col <= rng[3]:
                return rng
        return None


def _text_cells(ws: Any, max_row: int, max_col: int) -> list[list[Any]]:
    """Raw values plus, for text cells, the font name (to spot .VnTime)."""
    rows: list[list[Any]] = []
    for row in ws.iter_rows(min_row=1, max_row=max_row, min_col=1, max_col=max_col):
        out: list[Any] = []
        for cell in row:
            value = cell.value
            if isinstance(value, str):
                font = cell.font.name if cell.has_style and cell.font is not None else None
                out.append((value, font))
            else:
                out.append(value)
        rows.append(out)
    return rows


def _decode_texts(rows: list[list[Any]]) -> tuple[int, int]:
    """NFC every text cell and convert TCVN3 ones in place; returns (tcvn3, nfd) counts.

    A cell is converted when its font is an ABC font, when it shows a sure TCVN3 sign, or, when
    most of the sheet's non-ASCII text is TCVN3, whenever it could be TCVN3 at all (catches
    "Hµ" where no single character is conclusive).
    """
    sure = unicode_like = 0
    for row in rows:
        for value in row:
            if isinstance(value, tuple):
                text = unicodedata.normalize("NFC", value[0])
                if (is_tcvn3_font(value[1]) and may_be_tcvn3(text)) or looks_tcvn3(text):
                    sure += 1
                elif not text.isascii():
                    unicode_like += 1
    sheet_is_tcvn3 = sure > unicode_like
    converted = nfd = 0
    for row in rows:
        for i, value in enumerate(row):
            if not isinstance(value, tuple):
                continue
            raw, font = value
            text = unicodedata.normalize("NFC", raw)
            if text != raw:
                nfd += 1
            legacy_font = is_tcvn3_font(font)
            if may_be_tcvn3(text) and (legacy_font or looks_tcvn3(text) or sheet_is_tcvn3):
                text = tcvn3_to_unicode(text, upper=is_capitals_font(font))
                converted += 1
            elif legacy_font and is_capitals_font(font) and text.isascii():
                text = text.upper()
            row[i] = text
    return converted, nfd


def read_sheet(workbook: Workbook, sheet: str, *, file_name: str = "") -> SheetGrid:
    """The named sheet as a :class:`SheetGrid`; refuses sheets too big to be a commune's list."""
    if sheet not in workbook.sheetnames:
        raise ValidationError("IMPORT_SHEET_UNKNOWN", field="file", file=file_name, sheet=sheet)
    ws = workbook[sheet]
    max_row, max_col = ws.max_row or 0, ws.max_column or 0
    if max_row > MAX_ROWS or max_row * max_col > MAX_CELLS:
        raise ValidationError("IMPORT_TOO_MANY_ROWS", field="file", file=file_name, sheet=sheet, rows=max_row,
                              max_rows=MAX_ROWS)
    rows = _text_cells(ws, max_row, max_col) if max_row and max_col else []
    tcvn3, nfd = _decode_texts(rows)
    merged = [(r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged_cells.ranges]
    for min_row, min_col, max_r, max_c in merged:
        top = rows[min_row - 1][min_col - 1] if min_row <= len(rows) and min_col <= len(rows[min_row - 1]) else None
        for r in range(min_row, min(max_r, len(rows)) + 1):
            for c in range(min_col, min(max_c, len(rows[r - 1])) + 1):
                rows[r - 1][c - 1] = top
    # Trailing rows and columns that only carry formatting.
    while rows and all(v is None or (isinstance(v, str) and not v.strip()) for v in rows[-1]):
        rows.pop()
    last_col = max((max((i + 1 for i, v in enumerate(r) if v is not None and v != ""), default=0) for r in rows),
                   default=0)
    rows = [r[:last_col] for r in rows]
    return SheetGrid(title=sheet, rows=rows, merged=merged, epoch_1904=bool(getattr(workbook, "epoch", None)
                     and workbook.epoch.year == 1904), tcvn3_cells=tcvn3, nfd_cells=nfd)
