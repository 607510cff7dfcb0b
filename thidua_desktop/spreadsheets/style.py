"""Shared styling of the Excel exports: the letterhead (agency and national motto), title rows,
merged multi-row headers, borders, column widths fitted to Vietnamese text, frozen header rows,
print setup (A4, fit to width, header rows repeated, page numbers) and text-typed cells.

Layout follows Decree 30/2020 where a spreadsheet can (Times New Roman, A4, margins 20/20/30/15 mm,
page number centred at the top, none on page 1). CCCD numbers, phone numbers and dates are
written as text with number format ``@`` so that Excel keeps their leading zeros and never turns
"05/03/1990" into a serial number. Text is never written as a formula, whatever it starts with.

Large tables are not built cell by cell in openpyxl: :class:`RowSpool` writes their rows as sheet
XML into a compressed temporary file, and :func:`save_with_rows` splices them into the workbook
openpyxl saved (letterhead, header, merges, widths, print setup), streaming, in one pass."""

from __future__ import annotations

import io
import math
import re
import tempfile
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import IO, Any, TypeAlias, TypeVar

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.header_footer import HeaderFooterItem
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from .. import checkpoints
from ..domain.errors import DomainError
from ..private_files import temp_beside

FONT_NAME = "Times New Roman"
BODY_SIZE = 12
TEXT_FORMAT = "@"
LINE_HEIGHT = 16.0  # points per line of 12 pt Times New Roman, with a little air
MAX_CELL_TEXT = 32_767  # Excel's limit for one cell
MAX_ROWS = 1_048_576  # Excel's limit for one sheet

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_MM = 1 / 25.4
T = TypeVar("T")
# What openpyxl can store in a cell (bool and int are numbers, datetime a date); anything else
# makes it raise when the value is assigned.
CellValue: TypeAlias = str | int | float | Decimal | date | datetime | time | timedelta | None


# Styles ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CellStyle:
    """Everything a cell's look needs; frozen so that equal styles share openpyxl objects."""

    bold: bool = False
    italic: bool = False
    underline: bool = False
    size: float = BODY_SIZE
    horizontal: str = "left"
    vertical: str = "center"
    wrap: bool = True
    border: str = "box"  # box, none, or a subset of "ltrb" (left, top, right, bottom)
    number_format: str = "General"


_THIN = Side(style="thin", color="000000")


@cache
def _font(bold: bool, italic: bool, underline: bool, size: float) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic, underline="single" if underline else None)


@cache
def _border(sides: str) -> Border:
    sides = "ltrb" if sides == "box" else "" if sides == "none" else sides
    pick = {s: _THIN if s in sides else Side() for s in "ltrb"}
    return Border(left=pick["l"], top=pick["t"], right=pick["r"], bottom=pick["b"])


@cache
def _alignment(horizontal: str, vertical: str, wrap: bool) -> Alignment:
    return Alignment(horizontal=horizontal, vertical=vertical, wrap_text=wrap)


def apply(cell: Any, style: CellStyle) -> None:
    cell.font = _font(style.bold, style.italic, style.underline, style.size)
    cell.border = _border(style.border)
    cell.alignment = _alignment(style.horizontal, style.vertical, style.wrap)
    cell.number_format = style.number_format


def style_id(ws: Worksheet, style: CellStyle) -> int:
    """The workbook's index of this style (registered on first use), for rows written as raw XML."""
    # A detached cell: its row and column are never read, it only carries the style to register.
    cell = Cell(ws, row=1, column=1)
    apply(cell, style)
    return int(cell.style_id)


TITLE = CellStyle(bold=True, size=14, horizontal="center", border="none")
SUBTITLE = CellStyle(bold=True, size=13, horizontal="center", border="none")
NOTE = CellStyle(italic=True, horizontal="center", border="none")
HEADER = CellStyle(bold=True, horizontal="center")
SECTION = CellStyle(bold=True)
PLAIN = CellStyle()
CENTER = CellStyle(horizontal="center")
TEXT_ID = CellStyle(horizontal="center", wrap=False, number_format=TEXT_FORMAT)  # CCCD, phone, dd/mm/yyyy
NUMBER = CellStyle(horizontal="right")
PERCENT = CellStyle(horizontal="right", number_format="0.0%")


# Values ---------------------------------------------------------------------------------------
def clean_cell_text(text: str) -> str:
    """NFC text without the control characters XML forbids, cut to what one cell holds."""
    text = _ILLEGAL.sub("", unicodedata.normalize("NFC", text))
    return text if len(text) <= MAX_CELL_TEXT else text[: MAX_CELL_TEXT - 1] + "…"


def put(ws: Worksheet, row: int, column: int, value: CellValue, style: CellStyle) -> Any:
    """Write a value with its style. Strings stay strings: "=..." is text, not a formula."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = clean_cell_text(value)
        cell.data_type = "s"
    else:
        cell.value = value
    apply(cell, style)
    return cell


# Widths and heights ---------------------------------------------------------------------------
class _CharWidths(dict[str, float]):
    """Width of each character, worked out the first time it is seen."""

    def __missing__(self, ch: str) -> float:
        if unicodedata.combining(ch):
            width = 0.0  # a mark is part of its letter
        elif unicodedata.east_asian_width(ch) in "WF":
            width = 2.0
        elif ch in " .,;:'!|()[]iíìỉĩịjlrtf-":
            width = 0.6
        elif ch.isupper() or ch in "mw":
            width = 1.3
        else:
            width = 1.0
        self[ch] = width
        return width


_CHAR_WIDTHS = _CharWidths()


def text_width(text: str) -> float:
    """Width of the longest line in Excel's width unit (about one digit of the default font).
    Vietnamese marks are part of their letter (NFC) and take no room of their own."""
    width = _CHAR_WIDTHS.__getitem__
    if "\n" not in text:
        return sum(map(width, text))
    return max(sum(map(width, line)) for line in text.split("\n"))


def fit_width(widest: float, minimum: float, maximum: float) -> float:
    """Column width for its widest text, with padding, kept between the bounds."""
    return round(min(max(widest + 2.0, minimum), maximum), 1)


def line_count(text: str, width: float) -> int:
    """Lines a wrapped text takes in a column of this width."""
    usable = max(width - 1.5, 1.0)
    return sum(max(1, math.ceil(text_width(part) / usable)) for part in str(text).split("\n"))


def row_height(lines: int) -> float:
    return round(max(lines, 1) * LINE_HEIGHT + 2, 1)


def set_widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


# Blocks ---------------------------------------------------------------------------------------
def new_sheet(title: str) -> tuple[Workbook, Worksheet]:
    """A new workbook and its one worksheet, named ``title``."""
    wb = Workbook()
    ws = wb.active
    # A new workbook always opens on one worksheet; the stubs also allow a chart sheet or None.
    assert isinstance(ws, Worksheet)
    ws.title = title
    return wb, ws


def merge(ws: Worksheet, row: int, column: int, last_row: int, last_column: int, value: CellValue,
          style: CellStyle) -> None:
    """A merged block whose every cell carries the style, so borders show on all its edges."""
    put(ws, row, column, value, style)
    if (last_row, last_column) != (row, column):
        ws.merge_cells(start_row=row, start_column=column, end_row=last_row, end_column=last_column)
        for line in ws.iter_rows(min_row=row, max_row=last_row, min_col=column, max_col=last_column):
            for cell in line:
                apply(cell, style)


def split_column(widths: Sequence[float], share: float = 0.4) -> int:
    """How many leading columns make up the left part of the letterhead (about ``share`` of the width)."""
    total, running = sum(widths), 0.0
    for index, width in enumerate(widths, start=1):
        running += width
        if running >= total * share:
            return min(index, len(widths) - 1)
    return max(len(widths) - 1, 1)


def letterhead_rows(subtitles: Sequence[str] = (), note: str = "") -> int:
    """The first row after a letterhead with these subtitles and note (where the table starts)."""
    return 4 + len(subtitles) + (1 if note else 0) + 2


def letterhead(ws: Worksheet, widths: Sequence[float], agency: Sequence[str], title: str,
               subtitles: Sequence[str] = (), note: str = "") -> int:
    """Agency (left) and national motto (right), then the title, bold subtitles and an italic note
    centred over the table. Returns the first free row (see :func:`letterhead_rows`)."""
    last = len(widths)
    left = split_column(widths)
    parent, own = (agency[0], agency[1]) if len(agency) > 1 else ("", agency[0] if agency else "")
    merge(ws, 1, 1, 1, left, parent, CellStyle(size=13, horizontal="center", border="none"))
    merge(ws, 2, 1, 2, left, own, CellStyle(bold=True, underline=True, size=13, horizontal="center", border="none"))
    merge(ws, 1, left + 1, 1, last, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          CellStyle(bold=True, size=13, horizontal="center", border="none"))
    merge(ws, 2, left + 1, 2, last, "Độc lập - Tự do - Hạnh phúc",
          CellStyle(bold=True, underline=True, size=13, horizontal="center", border="none"))
    for row in (1, 2):
        ws.row_dimensions[row].height = 20
    row = 4
    merge(ws, row, 1, row, last, title, TITLE)
    ws.row_dimensions[row].height = 22
    lines = [(text, SUBTITLE) for text in subtitles] + ([(note, NOTE)] if note else [])
    for text, style in lines:
        row += 1
        merge(ws, row, 1, row, last, text, style)
        ws.row_dimensions[row].height = row_height(line_count(text, sum(widths) * 0.9))
    return row + 2


@dataclass(frozen=True)
class Head:
    """A header cell: a leaf names one column; a group spans its children's columns."""

    text: str
    children: tuple[Head, ...] = ()

    @property
    def span(self) -> int:
        return sum(c.span for c in self.children) if self.children else 1

    @property
    def depth(self) -> int:
        return 1 + max((c.depth for c in self.children), default=0)

    def leaves(self) -> list[Head]:
        return [leaf for c in self.children for leaf in c.leaves()] if self.children else [self]


def header_depth(heads: Sequence[Head]) -> int:
    return max(h.depth for h in heads)


def write_header(ws: Worksheet, top: int, heads: Sequence[Head], widths: Sequence[float]) -> int:
    """A bordered, bold header over as many rows as the deepest group; leaves above the bottom
    row are merged down, groups across their columns. Returns the header's last row."""
    depth = header_depth(heads)
    bottom = top + depth - 1
    lines = [1] * depth

    def place(head: Head, row: int, column: int) -> None:
        last_column = column + head.span - 1
        last_row = row if head.children else bottom
        merge(ws, row, column, last_row, last_column, head.text, HEADER)
        room = sum(widths[column - 1:last_column])
        need = line_count(head.text, room)
        spread = last_row - row + 1
        lines[row - top] = max(lines[row - top], math.ceil(need / spread))
        start = column
        for child in head.children:
            place(child, row + 1, start)
            start += child.span

    column = 1
    for head in heads:
        place(head, top, column)
        column += head.span
    for offset, count in enumerate(lines):
        ws.row_dimensions[top + offset].height = row_height(count)
    return bottom


def signatures(ws: Worksheet, row: int, widths: Sequence[float], preparer_title: str, preparer: str,
               place_date: str, signer: Sequence[str], signer_name: str = "") -> int:
    """Preparer (left) and the signing authority (right) under the table; returns the last row."""
    last = len(widths)
    left = split_column(widths, 0.5)
    merge(ws, row, left + 1, row, last, place_date, CellStyle(italic=True, horizontal="center", border="none"))
    row += 1
    merge(ws, row, 1, row, left, preparer_title, CellStyle(bold=True, horizontal="center", border="none"))
    for offset, text in enumerate(signer):
        merge(ws, row + offset, left + 1, row + offset, last, text,
              CellStyle(bold=True, horizontal="center", border="none"))
    row += max(len(signer), 1) + 3
    if preparer:
        merge(ws, row, 1, row, left, preparer, CellStyle(bold=True, horizontal="center", border="none"))
    if signer_name:
        merge(ws, row, left + 1, row, last, signer_name, CellStyle(bold=True, horizontal="center", border="none"))
    return row


def finish(ws: Worksheet, widths: Sequence[float], header: tuple[int, int], *, freeze_column: int = 1,
           landscape: bool | None = None) -> None:
    """Column widths, frozen header rows, and the print setup: A4, portrait unless the table is wide
    (or ``landscape`` says so), fit to one page wide, header rows repeated on every page."""
    set_widths(ws, widths)
    # A coordinate, not ws.cell(): that would create an empty row the streamed rows then repeat.
    ws.freeze_panes = f"{get_column_letter(freeze_column)}{header[1] + 1}"
    wide = sum(widths) > 100 if landscape is None else landscape
    setup = ws.page_setup
    setup.paperSize = ws.PAPERSIZE_A4
    setup.orientation = ws.ORIENTATION_LANDSCAPE if wide else ws.ORIENTATION_PORTRAIT
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = f"{header[0]}:{header[1]}"
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=30 * _MM, right=15 * _MM, top=20 * _MM, bottom=20 * _MM,
                                  header=10 * _MM, footer=10 * _MM)
    ws.HeaderFooter.differentFirst = True  # no page number on page 1
    page_number = ws.oddHeader
    if page_number is None:  # openpyxl always creates it; its stubs allow None
        page_number = ws.HeaderFooter.oddHeader = HeaderFooterItem()
    page_number.center.text = "&P"
    page_number.center.font = FONT_NAME
    page_number.center.size = 13
    ws.sheet_view.zoomScale = 100


# Streaming large tables -----------------------------------------------------------------------
_SPECIAL = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff&<>]|^\s|\s$")


def _xml_text(text: str) -> str:
    if len(text) > MAX_CELL_TEXT or not unicodedata.is_normalized("NFC", text):
        text = clean_cell_text(text)
    if not _SPECIAL.search(text):
        return f"<t>{text}</t>"  # the common case: nothing to escape or keep
    text = _ILLEGAL.sub("", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if "\n" in text or text[:1].isspace() or text[-1:].isspace():
        return f'<t xml:space="preserve">{text}</t>'
    return f"<t>{text}</t>"


class RowSpool:
    """Rows of one sheet written as sheet XML into a compressed temporary file.

    Each cell gets a style id from :func:`style_id`. Strings are inline strings (always text, so a
    leading zero or "=" survives); ints and floats are numbers; None or "" is an empty styled cell."""

    def __init__(self, first_row: int, columns: int) -> None:
        self.first_row = self.next_row = first_row
        self.columns = columns
        self._letters = [get_column_letter(i) for i in range(1, columns + 1)]
        self._file: IO[bytes] = tempfile.TemporaryFile()
        self._zip = zlib.compressobj(1)
        self._buffer: list[str] = []
        self._pending = 0
        self.raw_bytes = 0

    def add(self, values: Sequence[object], styles: Sequence[int], height: float | None = None) -> None:
        if self.next_row > MAX_ROWS:
            raise DomainError("EXPORT_TOO_MANY_ROWS", field="file", max=MAX_ROWS)
        r = str(self.next_row)
        parts = [f'<row r="{r}" ht="{height}" customHeight="1">' if height else f'<row r="{r}">']
        for letter, value, style in zip(self._letters, values, styles, strict=True):
            if value is None or value == "":
                parts.append(f'<c r="{letter}{r}" s="{style}"/>')
            elif isinstance(value, str):
                parts.append(f'<c r="{letter}{r}" s="{style}" t="inlineStr"><is>{_xml_text(value)}</is></c>')
            elif isinstance(value, bool):
                parts.append(f'<c r="{letter}{r}" s="{style}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, int | float) and math.isfinite(value):
                parts.append(f'<c r="{letter}{r}" s="{style}"><v>{value!r}</v></c>')
            else:
                raise TypeError(f"unsupported cell value {type(value).__name__}")
        parts.append("</row>")
        self._buffer.append("".join(parts))
        self.next_row += 1
        self._pending += 1
        if self._pending >= 500:
            self._flush()

    def _flush(self) -> None:
        data = "".join(self._buffer).encode("utf-8")
        self.raw_bytes += len(data)
        self._file.write(self._zip.compress(data))
        self._buffer.clear()
        self._pending = 0

    def chunks(self) -> Any:
        """The spooled XML, decompressed piece by piece."""
        self._flush()
        self._file.write(self._zip.flush())
        self._file.seek(0)
        unzip = zlib.decompressobj()
        while block := self._file.read(1 << 20):
            yield unzip.decompress(block)
        yield unzip.flush()

    @property
    def last_row(self) -> int:
        return self.next_row - 1

    def close(self) -> None:
        self._file.close()


def save_with_rows(wb: Workbook, ws: Worksheet, spool: RowSpool, out: Path) -> None:
    """Save the workbook with the spooled rows placed after the sheet's own rows (header), in one
    streaming pass: the sheet's XML is never held whole in memory."""
    if ws.max_row >= spool.first_row:
        raise ValueError(f"the sheet's own rows reach row {ws.max_row}, the spooled rows start at {spool.first_row}")
    frame = io.BytesIO()
    wb.save(frame)
    sheet_name = ws.path.lstrip("/")
    with zipfile.ZipFile(frame) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != sheet_name:
                target.writestr(info, source.read(info.filename))
                continue
            xml = source.read(info.filename).decode("utf-8").replace("<sheetData/>", "<sheetData></sheetData>")
            head, tail = xml.split("</sheetData>", 1)
            last = get_column_letter(max(spool.columns, ws.max_column))
            size = f"A1:{last}{max(spool.last_row, ws.max_row)}"
            head = re.sub(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{size}"/>', head, count=1)
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            with target.open(entry, "w", force_zip64=spool.raw_bytes > 1 << 30) as sheet:
                sheet.write(head.encode("utf-8"))
                for index, chunk in enumerate(spool.chunks()):
                    sheet.write(chunk)
                    if index == 0:
                        checkpoints.reached(checkpoints.EXPORT_ROWS_WRITTEN)
                sheet.write(b"</sheetData>" + tail.encode("utf-8"))


def replace_atomically(build: Callable[[Path], T], out: Path) -> T:
    """Run ``build(temp_path)`` next to ``out`` and move the result into place, so a failure never
    leaves half a workbook under the user's file name. Returns what ``build`` returned. The
    temporary file is private (0600) and removed on any failure; one left by a killed export is
    removed by the next export into the same folder (see :mod:`thidua_desktop.private_files`)."""
    with temp_beside(out, ".xlsx") as temp:
        return build(temp)
