"""Opening an Excel file someone brought on a USB stick, safely, and reading a sheet as a grid.

Before openpyxl sees a byte we check what the file is: its size, that it is a zip and not an
OLE compound file (an old .xls, or an .xlsx with a password, which Excel stores encrypted inside
OLE), that its zip entries would not inflate beyond reason (zip bomb) and that no XML part declares
a DTD (XML bomb; openpyxl also parses through defusedxml, which refuses entities on its own).

The grid the importer works on has merged ranges filled in (a merged "Năm sinh" over two columns
reads as "Năm sinh" in both), text in NFC and TCVN3 (.VnTime) cells converted to Unicode.

Sheets are streamed (openpyxl read-only mode) and the grid is built from the cells that hold a
value, never from the size a sheet declares: at most MAX_ROWS rows (refused beyond) and MAX_COLUMNS
columns (values further right are left out), so the cost follows the data, not a stray cell at
XFD122 or formatting down to row 1,048,576.

Values are the ones Excel cached for formulas (openpyxl ``data_only``). Another program's template
is often a few hundred rows of formulas that show nothing: their cached value is "", an error
("#N/A") or 0. Such cells are kept but listed in ``template_cells`` (and errors in ``error_cells``)
so a row holding nothing else counts as blank, not as a row of mistakes.

No Qt, no database.
"""

from __future__ import annotations

import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from ..domain.errors import ValidationError
from .tcvn3 import is_capitals_font, is_tcvn3_font, looks_tcvn3, may_be_tcvn3, tcvn3_to_unicode

__all__ = [
    "MAX_CELLS",
    "MAX_COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
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
MAX_CELLS = 2_000_000  # values in one sheet
MAX_ROWS = 50_000
MAX_COLUMNS = 200  # a commune's list has a few dozen columns; values further right are left out

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
    except (NotImplementedError, ValueError, EOFError, RuntimeError) as exc:
        # a directory zipfile reads but cannot accept: a "newer" zip version, a name flagged UTF-8
        # that is not (found by tests/spreadsheets/test_fuzz_xlsx.py)
        raise _refuse("IMPORT_FILE_UNREADABLE", path, detail=type(exc).__name__) from None
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
                except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError,
                        RuntimeError) as exc:
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


def _unreadable(exc: BaseException, path: Path | str) -> ValidationError:
    """openpyxl's (or its XML parser's) error as a refusal: an XML bomb or DTD the parser refused,
    else a damaged file."""
    from defusedxml import DefusedXmlException

    name = Path(path)
    cause: BaseException | None = exc
    while cause is not None:  # openpyxl wraps the parser's refusal in a ValueError
        if isinstance(cause, DefusedXmlException):
            return _refuse("IMPORT_XML_UNSAFE", name, part=type(cause).__name__)
        cause = cause.__cause__ or cause.__context__
    return _refuse("IMPORT_FILE_UNREADABLE", name, detail=type(exc).__name__)


def open_workbook(path: str | Path) -> Workbook:
    """The checked file opened by openpyxl in read-only (streaming) mode, values not formulas, or a
    refusal code. The caller closes it (``workbook.close()``) when done with its sheets."""
    import openpyxl
    import openpyxl.xml

    checked = check_file(path)
    if not openpyxl.xml.DEFUSEDXML:  # openpyxl falls back to the unsafe parser without defusedxml
        raise _refuse("IMPORT_XML_PARSER_UNSAFE", checked)
    try:
        import defusedxml  # noqa: F401
    except ImportError:  # pragma: no cover - DEFUSEDXML above says it is importable
        raise _refuse("IMPORT_XML_PARSER_UNSAFE", checked) from None
    try:
        workbook = openpyxl.load_workbook(checked, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises a mix (ValueError, KeyError, BadZipFile, ParseError …)
        raise _unreadable(exc, checked) from None
    if not [ws for ws in workbook.worksheets if hasattr(ws, "_get_source")]:
        workbook.close()  # a workbook whose every sheet was deleted, or only charts
        raise _refuse("IMPORT_NO_SHEET", checked)
    return workbook


@dataclass
class SheetGrid:
    """One sheet's values, 1-based like Excel: ``value(row, col)``. Rows may be of different
    lengths (each ends at its last value); ``max_col`` is the widest.

    Merged ranges are filled with their top-left value; ``merged`` keeps the ranges
    (min_row, min_col, max_row, max_col) so callers can tell a merged title row from data.
    """

    title: str
    rows: list[list[Any]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    epoch_1904: bool = False
    tcvn3_cells: int = 0  # text cells converted from TCVN3
    nfd_cells: int = 0  # text cells that were not NFC
    ignored_cells: int = 0  # values right of MAX_COLUMNS, left out
    # (row, col) of formulas whose cached value means "nothing here" (an error or 0), and of error values
    template_cells: set[tuple[int, int]] = field(default_factory=set)
    error_cells: set[tuple[int, int]] = field(default_factory=set)

    @property
    def max_row(self) -> int:
        return len(self.rows)

    @cached_property
    def max_col(self) -> int:
        # Computed once: callers ask for it for every row (it used to cost a pass over the sheet
        # each time, which made a 50,000-row preview take minutes). The grid is not changed after
        # it is built.
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


class _Cells:
    """The cells of one sheet that hold a value, read in one streaming pass over its XML, so the
    cost follows the cells that exist, never the sheet's declared size (one stray cell at XFD122
    used to make a 122 × 16,384 grid)."""

    def __init__(self, ws: Any, sheet: str, file_name: str) -> None:
        self.ws, self.sheet, self.file_name = ws, sheet, file_name
        self.by_row: dict[int, dict[int, Any]] = {}
        self.merged: list[tuple[int, int, int, int]] = []
        self.ignored = 0
        self.count = 0
        self.template: set[tuple[int, int]] = set()
        self.errors: set[tuple[int, int]] = set()
        self._fonts: dict[int, str | None] = {}

    def _font(self, style_id: int) -> str | None:
        """The font of a cell style (to spot .VnTime text), looked up once per style."""
        if not style_id:
            return None
        if style_id not in self._fonts:
            from openpyxl.cell.read_only import ReadOnlyCell

            try:
                font = ReadOnlyCell(self.ws, 1, 1, None, "n", style_id).font
                self._fonts[style_id] = font.name if font is not None else None
            except (IndexError, AttributeError, KeyError):  # a style id the file does not define
                self._fonts[style_id] = None
        return self._fonts[style_id]

    def _too_many_rows(self, rows: int) -> ValidationError:
        declared = self.ws.max_row or 0
        return ValidationError("IMPORT_TOO_MANY_ROWS", field="file", file=self.file_name, sheet=self.sheet,
                               rows=max(rows, declared), max_rows=MAX_ROWS)

    def read(self) -> _Cells:
        # openpyxl's read-only sheet has no public way to stream sparse cells with their styles
        # and merged ranges; its own parser does (the same one ReadOnlyWorksheet.iter_rows uses).
        from openpyxl.utils.cell import range_boundaries

        book = self.ws.parent
        with self.ws._get_source() as source:
            parser = _formula_aware_parser()(source, self.ws._shared_strings, data_only=book.data_only,
                                             epoch=book.epoch, date_formats=book._date_formats,
                                             timedelta_formats=book._timedelta_formats)
            for _number, cells in parser.parse():
                for cell in cells:
                    value = cell["value"]
                    if value is None or value == "":
                        continue  # formatting only
                    row, col = cell["row"], cell["column"]
                    if col > MAX_COLUMNS:
                        self.ignored += 1  # a stray value far to the right is not part of a list
                        continue
                    if row > MAX_ROWS:
                        raise self._too_many_rows(row)
                    self.count += 1
                    if self.count > MAX_CELLS:
                        raise self._too_many_rows(row)
                    if cell["data_type"] == "e":  # "#N/A", "#REF!" …: never a value someone typed
                        self.errors.add((row, col))
                        self.template.add((row, col))
                    elif cell.get("formula") and isinstance(value, int | float) and value == 0:
                        self.template.add((row, col))
                    if isinstance(value, str):
                        value = (value, self._font(cell["style_id"]))
                    self.by_row.setdefault(row, {})[col] = value
            merges = parser.merged_cells
        for merge in getattr(merges, "mergeCell", None) or []:
            min_col, min_row, max_col, max_row = range_boundaries(merge.ref)
            if min_col and min_row and max_col and max_row:
                self.merged.append((min_row, min_col, max_row, max_col))
        return self


@cache
def _formula_aware_parser() -> type:
    """openpyxl's sheet parser, also saying which cells showing 0 hold a formula (in ``data_only``
    mode it returns the cached value and forgets that there was one)."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class Parser(WorkSheetParser):
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            value = cell["value"]
            # only a 0 needs telling apart (a typed 0 is a value, a formula's 0 a template's nothing)
            cell["formula"] = type(value) in (int, float) and value == 0 and element.find(FORMULA_TAG) is not None
            return cell

    return Parser


def _rows(cells: _Cells) -> list[list[Any]]:
    """Ragged rows: each as long as its last value, empty rows as []."""
    last = max(cells.by_row, default=0)
    rows: list[list[Any]] = []
    for number in range(1, last + 1):
        values = cells.by_row.get(number)
        if not values:
            rows.append([])
            continue
        row: list[Any] = [None] * max(values)
        for col, value in values.items():
            row[col - 1] = value
        rows.append(row)
    return rows


def _fill_merged(rows: list[list[Any]], merged: list[tuple[int, int, int, int]], file_name: str) -> None:
    """Each merged range takes its top-left value, clipped to the data (a title merged across
    A1:XFD1 fills the list's columns, not 16,384)."""
    width = min(max((len(r) for r in rows), default=0), MAX_COLUMNS)
    filled = 0
    for min_row, min_col, max_r, max_c in merged:
        if min_row > len(rows) or min_col > width:
            continue
        top_row = rows[min_row - 1]
        top = top_row[min_col - 1] if min_col <= len(top_row) else None
        if top is None:
            continue
        last_row, last_col = min(max_r, len(rows)), min(max_c, width)
        filled += (last_row - min_row + 1) * (last_col - min_col + 1)
        if filled > MAX_CELLS:  # thousands of huge merges: a trap, not a list
            raise ValidationError("IMPORT_UNSAFE_FILE", field="file", file=file_name, detail="merged cells")
        for r in range(min_row, last_row + 1):
            row = rows[r - 1]
            if len(row) < last_col:
                row.extend([None] * (last_col - len(row)))
            for c in range(min_col, last_col + 1):
                row[c - 1] = top


def _decode_texts(rows: list[list[Any]]) -> tuple[int, int]:
    """NFC every text cell and convert TCVN3 ones in place; returns (tcvn3, nfd) counts.

    A cell is converted when its font is an ABC font, when it shows a sure TCVN3 sign, or, when
    most of the sheet's non-ASCII text is TCVN3, whenever it could be TCVN3 at all (catches
    "Hµ" where no single character is conclusive). Each distinct (text, font) is judged once:
    a list repeats its villages, ethnic groups and positions on every row.
    """
    judged: dict[tuple[str, str | None], tuple[str, bool, bool, bool]] = {}
    sure = unicode_like = 0
    for row in rows:
        for value in row:
            if isinstance(value, tuple):
                facts = judged.get(value)
                if facts is None:
                    text = unicodedata.normalize("NFC", value[0])
                    sign = (is_tcvn3_font(value[1]) and may_be_tcvn3(text)) or looks_tcvn3(text)
                    facts = judged[value] = (text, sign, not sign and not text.isascii(), text != value[0])
                sure += facts[1]
                unicode_like += facts[2]
    sheet_is_tcvn3 = sure > unicode_like
    decoded: dict[tuple[str, str | None], tuple[str, bool]] = {}
    converted = nfd = 0
    for row in rows:
        for i, value in enumerate(row):
            if not isinstance(value, tuple):
                continue
            text, sign, _unicode, was_nfd = judged[value]
            nfd += was_nfd
            done = decoded.get(value)
            if done is None:
                font = value[1]
                legacy_font = is_tcvn3_font(font)
                if may_be_tcvn3(text) and (legacy_font or sign or sheet_is_tcvn3):
                    done = (tcvn3_to_unicode(text, upper=is_capitals_font(font)), True)
                elif legacy_font and is_capitals_font(font) and text.isascii():
                    done = (text.upper(), False)
                else:
                    done = (text, False)
                decoded[value] = done
            row[i] = done[0]
            converted += done[1]
    return converted, nfd


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_sheet(workbook: Workbook, sheet: str, *, file_name: str = "") -> SheetGrid:
    """The named sheet as a :class:`SheetGrid`; refuses sheets too big to be a commune's list.

    At most MAX_ROWS rows (IMPORT_TOO_MANY_ROWS beyond) and MAX_COLUMNS columns: values further
    right are left out (counted in ``ignored_cells``)."""
    ws = workbook[sheet] if sheet in workbook.sheetnames else None
    if ws is None or not hasattr(ws, "_get_source"):  # unknown, or a chart sheet
        raise ValidationError("IMPORT_SHEET_UNKNOWN", field="file", file=file_name, sheet=sheet)
    try:
        cells = _Cells(ws, sheet, file_name).read()
    except ValidationError:
        raise
    except Exception as exc:  # the sheet's XML is parsed only now (read-only mode)
        raise _unreadable(exc, file_name or sheet) from None
    rows = _rows(cells)
    tcvn3, nfd = _decode_texts(rows)
    _fill_merged(rows, cells.merged, file_name)
    # Trailing rows and cells that only hold spaces.
    while rows and all(_blank(v) for v in rows[-1]):
        rows.pop()
    for row in rows:
        while row and (row[-1] is None or row[-1] == ""):
            row.pop()
    return SheetGrid(title=sheet, rows=rows, merged=cells.merged, epoch_1904=bool(getattr(workbook, "epoch", None)
                     and workbook.epoch.year == 1904), tcvn3_cells=tcvn3, nfd_cells=nfd, ignored_cells=cells.ignored,
                     template_cells=cells.template, error_cells=cells.errors)
