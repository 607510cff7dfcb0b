"""Excel exports in the layouts commune officers hand in: pure builders that take plain rows and
write one workbook to a path. No database, no Qt: :mod:`thidua_desktop.services.excel_export`
gathers the rows and chooses the file.

- :func:`write_nominee_list`: DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG. STT, name, birth year under Nam or
  Nữ, ethnicity, position and unit, achievement summary, proposed award; one section per award.
- :func:`write_register`: SỔ THEO DÕI KHEN THƯỞNG, one line per award received. The person's
  columns are filled on the first line of each person only and the person's cells of the
  following lines carry no inner borders, so a person reads as one block, as on paper, while
  each line stays a plain row (no merged cells: the register streams, see :class:`style.RowSpool`).
- :func:`write_statistics`: BÁO CÁO THỐNG KÊ KẾT QUẢ KHEN THƯỞNG, sections of counts and shares.
- :func:`write_indicators`: the movement's indicators, plan against results.

Every sheet has the letterhead, a bordered header with merged groups, fitted widths, frozen
header rows and an A4 print setup (``style.finish``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.worksheet.worksheet import Worksheet

from .style import (
    CENTER,
    NUMBER,
    PERCENT,
    PLAIN,
    SECTION,
    TEXT_ID,
    CellStyle,
    CellValue,
    Head,
    RowSpool,
    finish,
    fit_width,
    header_depth,
    letterhead,
    letterhead_rows,
    line_count,
    merge,
    new_sheet,
    put,
    row_height,
    save_with_rows,
    signatures,
    style_id,
    text_width,
    write_header,
)


@dataclass(frozen=True)
class Letterhead:
    """Who issues the sheet and who signs it."""

    agency: tuple[str, ...]  # ("ỦY BAN NHÂN DÂN", "XÃ QUẢNG UYÊN")
    place_date: str = ""  # "Quảng Uyên, ngày 25 tháng 11 năm 2026"
    signer: tuple[str, ...] = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    preparer: str = ""  # the officer who prepared it, under "NGƯỜI LẬP BIỂU"
    signer_name: str = ""  # the chairman (or the vice-chairman signing for him)


@dataclass(frozen=True)
class _Col:
    minimum: float
    maximum: float
    style: CellStyle


@dataclass(frozen=True)
class _Section:
    """A bold line across the whole table (I. Lao động tiên tiến: 14 cá nhân)."""

    text: str
    label: str = ""  # put in the first column when the section has its own number (A, B, …)


Body = Sequence[Sequence[CellValue] | _Section]


def _widths(cols: Sequence[_Col], heads: Sequence[Head], body: Body) -> list[float]:
    widest = [0.0] * len(cols)
    for row in body:
        if isinstance(row, _Section):
            continue
        for index, value in enumerate(row):
            if value is not None and value != "":
                widest[index] = max(widest[index], text_width(_shown(value, cols[index].style)))
    leaves = [leaf for head in heads for leaf in head.leaves()]
    # A header may wrap, but never inside a word.
    for index, leaf in enumerate(leaves):
        widest[index] = max(widest[index], max(text_width(word) for word in leaf.text.split()) + 1)
    return [fit_width(w, c.minimum, c.maximum) for w, c in zip(widest, cols, strict=True)]


def _shown(value: object, style: CellStyle) -> str:
    if isinstance(value, float) and style.number_format.endswith("%"):
        return f"{value * 100:.1f}%"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def _body(ws: Worksheet, row: int, cols: Sequence[_Col], widths: Sequence[float], body: Body) -> int:
    """Write the table's lines from ``row``; returns the first row after them."""
    last = len(cols)
    for line in body:
        if isinstance(line, _Section):
            start = 1
            if line.label:
                put(ws, row, 1, line.label, CellStyle(bold=True, horizontal="center"))
                start = 2
            merge(ws, row, start, row, last, line.text, SECTION)
            ws.row_dimensions[row].height = row_height(line_count(line.text, sum(widths[start - 1:])))
        else:
            lines = 1
            for column, (value, col) in enumerate(zip(line, cols, strict=True), start=1):
                put(ws, row, column, value, col.style)
                if isinstance(value, str) and col.style.wrap:
                    lines = max(lines, line_count(value, widths[column - 1]))
            ws.row_dimensions[row].height = row_height(lines)
        row += 1
    return row


def _small_sheet(out: Path, sheet: str, head: Letterhead, title: str, subtitles: Sequence[str], note: str,
                 heads: Sequence[Head], cols: Sequence[_Col], body: Body, *, footnotes: Sequence[str] = (),
                 freeze_column: int = 1, preparer_title: str = "NGƯỜI LẬP BIỂU") -> None:
    wb, ws = new_sheet(sheet)
    widths = _widths(cols, heads, body)
    top = letterhead(ws, widths, head.agency, title, subtitles, note)
    bottom = write_header(ws, top, heads, widths)
    row = _body(ws, bottom + 1, cols, widths, body)
    for text in footnotes:
        merge(ws, row, 1, row, len(cols), text, CellStyle(italic=True, border="none"))
        ws.row_dimensions[row].height = row_height(line_count(text, sum(widths)))
        row += 1
    signatures(ws, row + 1, widths, preparer_title, head.preparer, head.place_date, head.signer, head.signer_name)
    finish(ws, widths, (top, bottom), freeze_column=freeze_column)
    wb.save(out)


# Nominee list ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class NomineeLine:
    name: str
    birth_year: int | None = None
    woman: bool | None = None  # None for a collective or a household
    ethnicity: str = ""
    position_unit: str = ""
    summary: str = ""
    award: str = ""


@dataclass(frozen=True)
class NomineeGroup:
    title: str  # "I. Danh hiệu “Lao động tiên tiến”: 14 cá nhân"
    lines: tuple[NomineeLine, ...]


@dataclass(frozen=True)
class NomineeList:
    letterhead: Letterhead
    subtitles: tuple[str, ...] = ()  # the batch
    note: str = ""  # "(Kèm theo Tờ trình số …)"
    groups: tuple[NomineeGroup, ...] = ()


NOMINEE_HEADS = (Head("STT"), Head("Họ và tên"), Head("Năm sinh", (Head("Nam"), Head("Nữ"))), Head("Dân tộc"),
                 Head("Chức vụ, đơn vị công tác"), Head("Tóm tắt thành tích"),
                 Head("Hình thức khen thưởng đề nghị"))
_NOMINEE_COLS = (_Col(5, 6, CENTER), _Col(16, 28, PLAIN), _Col(7, 8, CENTER), _Col(7, 8, CENTER),
                 _Col(8, 12, CENTER), _Col(18, 32, PLAIN), _Col(30, 60, PLAIN), _Col(18, 30, PLAIN))


def write_nominee_list(data: NomineeList, out: Path) -> int:
    """The nominee list; returns the number of nominees written. Numbering restarts in each section."""
    body: list[Sequence[CellValue] | _Section] = []
    for group in data.groups:
        body.append(_Section(group.title))
        for number, n in enumerate(group.lines, start=1):
            body.append((number, n.name, n.birth_year if n.woman is False else None,
                         n.birth_year if n.woman else None, n.ethnicity, n.position_unit, n.summary, n.award))
    _small_sheet(out, "Danh sách đề nghị", data.letterhead, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", data.subtitles,
                 data.note, NOMINEE_HEADS, _NOMINEE_COLS, body, freeze_column=3,
                 preparer_title="NGƯỜI LẬP DANH SÁCH")
    return sum(len(g.lines) for g in data.groups)


# Register -------------------------------------------------------------------------------------
# Plain slotted records, not frozen: the register builds 100 000s of them and frozen ones cost twice as much.
@dataclass(slots=True)
class AwardLine:
    year: int
    award: str
    kind: str = ""  # loại hình: Thường xuyên, Đột xuất …
    level: str = ""  # Cấp xã, Cấp tỉnh, Trung ương
    decision_number: str = ""
    decision_date: str = ""  # dd/mm/yyyy
    issuer: str = ""


@dataclass(slots=True)
class RegisterPerson:
    full_name: str
    gender: str = ""  # Nam / Nữ
    birth: str = ""  # dd/mm/yyyy, or the year alone
    ethnicity: str = ""
    cccd: str = ""
    phone: str = ""
    position: str = ""
    workplace: str = ""
    village: str = ""
    direct_worker: bool = False
    awards: tuple[AwardLine, ...] = field(default_factory=tuple)
    # What the achievement report (Mẫu 05) asks for; duties on one line ("; " between the lines).
    hometown: str = ""
    qualification: str = ""
    political_theory: str = ""
    academic_title: str = ""
    duties: str = ""


@dataclass(frozen=True)
class RegisterCounts:
    people: int
    rows: int


REGISTER_HEADS = (
    Head("STT"),
    Head("THÔNG TIN CÁ NHÂN", (Head("Họ và tên"), Head("Giới tính"), Head("Ngày sinh"), Head("Dân tộc"),
                               Head("Số CCCD"), Head("Số điện thoại"), Head("Chức vụ"), Head("Đơn vị công tác"),
                               Head("Thôn, xóm"), Head("Lao động trực tiếp"), Head("Quê quán"),
                               Head("Trình độ chuyên môn"), Head("Lý luận chính trị"), Head("Học hàm, học vị"),
                               Head("Nhiệm vụ được giao"))),
    Head("QUÁ TRÌNH KHEN THƯỞNG", (Head("Năm"), Head("Danh hiệu, hình thức khen thưởng"), Head("Loại hình"),
                                   Head("Cấp khen thưởng"), Head("Số quyết định"), Head("Ngày quyết định"),
                                   Head("Cơ quan ban hành"))),
)
_PERSON_COLS = (_Col(5, 8, CENTER), _Col(16, 28, PLAIN), _Col(7, 8, CENTER), _Col(11, 12, TEXT_ID),
                _Col(8, 12, CENTER), _Col(14, 15, TEXT_ID), _Col(12, 14, TEXT_ID), _Col(12, 28, PLAIN),
                _Col(14, 30, PLAIN), _Col(12, 22, PLAIN), _Col(10, 11, CENTER), _Col(12, 24, PLAIN),
                _Col(12, 24, PLAIN), _Col(10, 12, PLAIN), _Col(10, 16, PLAIN), _Col(16, 40, PLAIN))
_AWARD_COLS = (_Col(7, 8, CENTER), _Col(18, 36, PLAIN), _Col(11, 14, PLAIN), _Col(10, 12, PLAIN),
               _Col(12, 16, CENTER), _Col(11, 12, TEXT_ID), _Col(14, 28, PLAIN))
# Person cells of a person's 2nd, 3rd … line have no top border; all but the last no bottom one.
_BLOCK = {"single": "ltrb", "first": "ltr", "middle": "lr", "last": "lrb"}


def _style_ids(ws: Worksheet) -> tuple[dict[str, list[int]], list[int]]:
    person = {part: [style_id(ws, CellStyle(horizontal=c.style.horizontal, number_format=c.style.number_format,
                                            vertical="top", border=sides)) for c in _PERSON_COLS]
              for part, sides in _BLOCK.items()}
    award = [style_id(ws, CellStyle(horizontal=c.style.horizontal, number_format=c.style.number_format,
                                    vertical="top")) for c in _AWARD_COLS]
    return person, award


def write_register(head: Letterhead, subtitles: Sequence[str], people: Iterable[RegisterPerson],
                   out: Path) -> RegisterCounts:
    """The people register with their award history, streamed: ``people`` may be a generator over
    a database cursor and is read once. A person without awards gets one line."""
    wb, ws = new_sheet("Sổ theo dõi khen thưởng")
    person_styles, award_styles = _style_ids(ws)
    cols = (*_PERSON_COLS, *_AWARD_COLS)
    top = letterhead_rows(subtitles)
    bottom = top + header_depth(REGISTER_HEADS) - 1
    spool = RowSpool(bottom + 1, len(cols))
    widest = [0.0] * len(cols)
    longest = [0] * len(cols)
    caps = [c.maximum - 2 for c in cols]  # no need to measure past what the column may show
    text_columns = [i for i, c in enumerate(cols) if i not in (0, len(_PERSON_COLS))]  # all but STT and year
    award_columns = [i for i in text_columns if i >= len(_PERSON_COLS)]
    wrapped = [c.style.wrap for c in cols]
    count = 0
    try:
        for count, p in enumerate(people, start=1):
            person: list[object] = [count, p.full_name, p.gender, p.birth, p.ethnicity, p.cccd, p.phone,
                                    p.position, p.workplace, p.village, "x" if p.direct_worker else "",
                                    p.hometown, p.qualification, p.political_theory, p.academic_title, p.duties]
            awards = p.awards or (None,)
            for index, award in enumerate(awards):
                part = ("single" if len(awards) == 1 else "first" if index == 0
                        else "last" if index == len(awards) - 1 else "middle")
                values: list[object] = person if index == 0 else [None] * len(person)
                values = [*values, *((award.year, award.award, award.kind, award.level, award.decision_number,
                                      award.decision_date, award.issuer) if award else (None,) * 7)]
                lines = 1
                for column in text_columns if index == 0 else award_columns:
                    value = values[column]
                    if not value or not isinstance(value, str):  # these columns hold text or None
                        continue
                    # Measuring costs: only text about as long as the longest yet is measured.
                    size = len(value)
                    if size > longest[column] - 4 and widest[column] < caps[column]:
                        longest[column] = max(longest[column], size)
                        widest[column] = max(widest[column], text_width(value))
                    if wrapped[column] and size * 1.3 + 1.5 > cols[column].maximum:
                        lines = max(lines, line_count(value, cols[column].maximum))
                spool.add(values, [*person_styles[part], *award_styles], row_height(lines) if lines > 1 else None)
        for column, leaf in enumerate(leaf for h in REGISTER_HEADS for leaf in h.leaves()):
            widest[column] = max(widest[column], max(text_width(word) for word in leaf.text.split()) + 1,
                                 text_width(str(count)) if column == 0 else 0)
        widths = [fit_width(w, c.minimum, c.maximum) for w, c in zip(widest, cols, strict=True)]
        letterhead(ws, widths, head.agency, "SỔ THEO DÕI KHEN THƯỞNG CÁ NHÂN", subtitles)
        write_header(ws, top, REGISTER_HEADS, widths)
        finish(ws, widths, (top, bottom), freeze_column=3, landscape=True)
        save_with_rows(wb, ws, spool, out)
        return RegisterCounts(people=count, rows=spool.last_row - bottom)
    finally:
        spool.close()


# Statistics -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class StatLine:
    label: str
    unit: str  # Lượt, Người, Tập thể
    count: int
    share: float | None = None  # a fraction, shown as a percentage
    note: str = ""


@dataclass(frozen=True)
class StatSection:
    number: str  # I, II, …
    title: str
    lines: tuple[StatLine, ...]


@dataclass(frozen=True)
class StatisticsReport:
    letterhead: Letterhead
    year: int
    sections: tuple[StatSection, ...]
    footnotes: tuple[str, ...] = ()


STATISTICS_HEADS = (Head("STT"), Head("Nội dung"), Head("Đơn vị tính"), Head("Số lượng"), Head("Tỷ lệ (%)"),
                    Head("Ghi chú"))
_STATISTICS_COLS = (_Col(5, 6, CENTER), _Col(30, 55, PLAIN), _Col(8, 10, CENTER), _Col(9, 12, NUMBER),
                    _Col(9, 10, PERCENT), _Col(12, 24, PLAIN))


def write_statistics(data: StatisticsReport, out: Path) -> int:
    """The year's statistics; returns the number of figure lines written."""
    body: list[Sequence[CellValue] | _Section] = []
    for section in data.sections:
        body.append(_Section(section.title, section.number))
        body.extend((number, line.label, line.unit, line.count, line.share, line.note)
                    for number, line in enumerate(section.lines, start=1))
    _small_sheet(out, f"Thống kê {data.year}", data.letterhead,
                 f"BÁO CÁO THỐNG KÊ KẾT QUẢ KHEN THƯỞNG NĂM {data.year}", (), "", STATISTICS_HEADS,
                 _STATISTICS_COLS, body, footnotes=data.footnotes)
    return sum(len(s.lines) for s in data.sections)


# Movement indicators --------------------------------------------------------------------------
@dataclass(frozen=True)
class IndicatorLine:
    name: str
    unit: str = ""
    baseline: float | None = None
    target: float | None = None
    reported: float | None = None  # the result by the indicator's kind (sum, or latest value)
    reporting_dates: str = ""  # "30/06/2026; 31/12/2026"
    rate: float | None = None  # towards the target (1 = 100 %), by the indicator's direction
    note: str = ""  # how the result is read, the direction and the verdict, in Vietnamese


@dataclass(frozen=True)
class IndicatorTable:
    letterhead: Letterhead
    movement: str  # the movement's name
    details: tuple[str, ...] = ()  # code, period
    lines: tuple[IndicatorLine, ...] = ()


INDICATOR_HEADS = (Head("STT"), Head("Chỉ tiêu"), Head("Đơn vị tính"),
                   Head("Kế hoạch", (Head("Giá trị ban đầu"), Head("Mục tiêu"))),
                   Head("Thực hiện", (Head("Kết quả đạt được"), Head("Tỷ lệ so với mục tiêu (%)"))),
                   Head("Kỳ báo cáo"), Head("Ghi chú"))
_INDICATOR_COLS = (_Col(5, 6, CENTER), _Col(24, 50, PLAIN), _Col(8, 12, CENTER), _Col(10, 14, NUMBER),
                   _Col(10, 14, NUMBER), _Col(10, 14, NUMBER), _Col(11, 13, PERCENT),
                   _Col(12, 26, CellStyle(number_format="@")), _Col(10, 20, PLAIN))


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


def write_indicators(data: IndicatorTable, out: Path) -> int:
    """The movement's indicator table, with each line's rate and note as the service computed them."""
    body: list[Sequence[CellValue]] = []
    for number, line in enumerate(data.lines, start=1):
        body.append((number, line.name, line.unit, _number(line.baseline), _number(line.target),
                     _number(line.reported), line.rate, line.reporting_dates, line.note))
    _small_sheet(out, "Chỉ tiêu phong trào", data.letterhead, "BẢNG THEO DÕI CHỈ TIÊU PHONG TRÀO THI ĐUA",
                 (data.movement,), "; ".join(data.details), INDICATOR_HEADS, _INDICATOR_COLS, body)
    return len(body)


__all__ = [
    "AwardLine", "IndicatorLine", "IndicatorTable", "Letterhead", "NomineeGroup", "NomineeLine", "NomineeList",
    "RegisterCounts", "RegisterPerson", "StatLine", "StatSection", "StatisticsReport",
    "write_indicators", "write_nominee_list", "write_register", "write_statistics",
]
