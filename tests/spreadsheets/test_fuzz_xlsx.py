"""Fuzzers for the Excel import (spreadsheets/reading.py and services/excel_import*.py): the real
workbooks of tests/data/import mutated at the byte level (the zip itself, and the XML parts inside
a zip that is otherwise sound) and at the cell level through openpyxl (values of every type, huge
texts, formulas, dates, merged cells, empty or hidden sheets, cells far away). Each input goes
through what the wizard does: analyse, preview (sometimes with a column mapping of the fuzzer's
choosing), and commit when some row is accepted. Any exception other than the app's own
DomainError counts as a failure: it would reach the user as "Unexpected error".

A few hundred inputs each by default; ``THIDUA_LONG_ATTACK=1`` runs 10,000 each. Run with ``-s``
to see the count of inputs, refusals and commits."""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st
from office_templates import copy_template
from openpyxl.utils.exceptions import IllegalCharacterError

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.messages import render
from thidua_desktop.services.excel_import import ExcelImportService
from thidua_desktop.services.people import PersonInput
from thidua_desktop.spreadsheets.headers import fields_for

# openpyxl warns about what it skips in a hostile file; the importer's answer is what is tested.
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")
LONG = os.environ.get("THIDUA_LONG_ATTACK") == "1"
FUZZ = settings(max_examples=10_000 if LONG else 300, deadline=None, derandomize=not LONG,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
DATA = Path(__file__).resolve().parents[1] / "data" / "import"
SEEDS = {"people_plain_headers.xlsx": "people", "people_with_awards.xlsx": "people",
         "people_merged_header.xlsx": "people", "collectives.xlsx": "collectives",
         "awards_history.xlsx": "awards"}
PARTS = ("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml",
         "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "_rels/.rels")


class Seeds(list[tuple[bytes, str]]):
    """The seed files; a short repr, since hypothesis prints the arguments of its strategies."""

    def __repr__(self) -> str:
        return f"<{len(self)} seed workbooks>"


@dataclass
class Bench:
    app: App
    folder: Path
    seeds: list[tuple[bytes, str]]  # (file bytes, kind): the checked-in files and openpyxl's re-save of each
    inputs: Counter[str] = field(default_factory=Counter)
    outcomes: dict[str, Counter[str]] = field(default_factory=dict)


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory, _template_dir: Path) -> Iterator[Bench]:
    folder = tmp_path_factory.mktemp("fuzz-xlsx")
    app = open_app(copy_template(_template_dir, folder / "xa"), actor="fuzz")  # migrated once per session
    app.office.init_office("commune", "01576")
    app.office.add_village("Xóm Nà Vài", "xom")
    app.people.create(PersonInput("Hoàng Văn Minh", "male", birth="1980"))
    app.people.create(PersonInput("Lục Thị Mai", "female", birth="1987", cccd="004187005678"))
    app.collectives.create("Hội Cựu chiến binh xã", "mass_organisation", member_count=52)
    seeds = Seeds()
    for name, kind in SEEDS.items():
        data = (DATA / name).read_bytes()
        seeds.append((data, kind))
        seeds.append((resave(openpyxl.load_workbook(io.BytesIO(data))), kind))  # with sharedStrings.xml
    yield Bench(app, folder, seeds)
    app.close()


class _Sink(io.BytesIO):
    """openpyxl leaves its zip writer open when a save fails; the writer's finaliser then writes to
    this buffer, which therefore never closes (else the collector prints an ignored ValueError)."""

    def close(self) -> None:
        pass


def resave(book: Any) -> bytes:
    out = _Sink()
    book.save(out)
    return out.getvalue()


def service(app: App) -> ExcelImportService:
    return app.excel_import


def exercise(bench: Bench, kind_of_input: str, data: bytes, kind: str, mapping: dict[str, int] | None = None) -> None:
    """What the import wizard does with a file; only DomainError may leave."""
    bench.inputs[kind_of_input] += 1
    seen = bench.outcomes.setdefault(kind_of_input, Counter())
    path = bench.folder / "fuzz.xlsx"
    path.write_bytes(data)
    imports = service(bench.app)
    try:
        plan = imports.analyse(path, kind)
        report = imports.preview(plan, mapping)
        actions = Counter(row.action for row in report.rows)
        if actions["create"] or actions["update"]:
            imports.commit(report)
            seen["committed"] += 1
        else:
            seen["previewed"] += 1
    except DomainError as exc:
        # A commit refused after a clean preview is worth knowing about: keep its reason.
        seen[exc.code + (f" ({exc.params.get('reason_code')})" if exc.code == "IMPORT_COMMIT_FAILED" else "")] += 1


# --- 1. bytes: the zip itself, and the XML inside a sound zip --------------------------------

ATTRIBUTE = re.compile(rb'(\w+)="([^"]*)"')
TEXT = re.compile(rb">([^<]+)<")
ODD_VALUES = [b"", b"0", b"-1", b"1e309", b"NaN", b"-0", b"99999999999999999999999", b"A0", b"XFD1048576",
              b"XFD50001", b"A1048577", b"ZZZZ1", b"1A", b"A1:XFD1048576", b"s", b"str", b"inlineStr", b"b", b"e",
              b"d", b"x", b"#DIV/0!", b"2026-13-45T25:61:00", b"\xc3\x28", b"&amp;", b"&lt;", b"]]>", b"\t\n",
              b"x" * 5000, b"4294967296", b"65536"]


@st.composite
def xml_mutation(draw: st.DrawFn, text: bytes) -> bytes:
    data = bytearray(text)
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(["attribute", "attribute", "text", "text", "flip", "cut", "duplicate", "insert"]))
        matches = list((ATTRIBUTE if op == "attribute" else TEXT).finditer(data)) if op in ("attribute", "text") \
            else []
        if matches:
            match = draw(st.sampled_from(matches))
            start, end = match.span(2 if op == "attribute" else 1)
            data[start:end] = draw(st.sampled_from(ODD_VALUES) | st.binary(max_size=20))
        elif data and op in ("flip", "cut", "duplicate", "insert"):
            at = draw(st.integers(0, len(data) - 1))
            if op == "flip":
                data[at] ^= 1 << draw(st.integers(0, 7))
            elif op == "cut":
                del data[at:at + draw(st.integers(1, 200))]
            elif op == "duplicate":
                length = draw(st.integers(1, 400))
                data[at:at] = data[at:at + length]
            else:
                data[at:at] = draw(st.sampled_from([b"<!DOCTYPE x [<!ENTITY a 'b'>]>", b"<c r=\"A1\"><v>1</v></c>",
                                                    b"<row r=\"3\"/>", b"<mergeCell ref=\"A1:XFD9\"/>", b"&a;"])
                                   | st.binary(max_size=30))
    return bytes(data)


def rezip(data: bytes, part: str, change: Any) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            dst.writestr(info.filename, change(body) if info.filename == part else body)
    return out.getvalue()


@st.composite
def byte_level(draw: st.DrawFn, seeds: list[tuple[bytes, str]]) -> tuple[bytes, str]:
    data, kind = draw(st.sampled_from(seeds))
    if draw(st.integers(0, 4)) == 0:  # the zip's own bytes
        raw = bytearray(data)
        for _ in range(draw(st.integers(1, 4))):
            at = draw(st.integers(0, len(raw) - 1))
            op = draw(st.sampled_from(["flip", "set", "truncate", "insert"]))
            if op == "flip":
                raw[at] ^= 1 << draw(st.integers(0, 7))
            elif op == "set":
                raw[at] = draw(st.integers(0, 255))
            elif op == "truncate":
                del raw[max(at, 1):]
            else:
                raw[at:at] = draw(st.binary(min_size=1, max_size=16))
        return bytes(raw), kind
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = [part for part in PARTS if part in archive.namelist()]
        part = draw(st.sampled_from(names))
        text = archive.read(part)
    mutated = draw(xml_mutation(text))
    return rezip(data, part, lambda _body: mutated), kind


def test_byte_level_mutations_of_real_workbooks_never_crash_the_import(bench: Bench) -> None:
    @FUZZ
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        exercise(bench, "bytes", *data.draw(byte_level(bench.seeds)))

    run()
    report(bench, "bytes")


# --- 2. cells, through openpyxl ---------------------------------------------------------------

TEXTS = (st.text(max_size=40)
         | st.sampled_from(["Nam", "Nữ", "nữ ", "Kinh", "Tày", "Xóm Nà Vài", "004187005678", "0041870056781",
                            "12/03/1985", "31/02/2020", "1985", "0", "-1", "19850", "LĐTT", "CSTĐ", "Giấy khen",
                            "Chủ tịch UBND xã", "Tổng cộng", "Người lập biểu", "=1/0", "=SUM(A1:A3)", "#N/A",
                            "#DIV/0!", "=HYPERLINK(\"http://x\",\"y\")", "\u202egpj.exe", "a\u200bb", "\ufeffNam",
                            "NguyÔn ThÞ H\xad¬ng", "Nguye\u0302\u0303n"])
         | st.integers(1, 5).map(lambda n: "Nguyễn Văn Ánh " * (n * 700)))  # up to Excel's 32,767 characters
VALUES = (st.none() | st.booleans() | st.integers() | st.integers(-(2 ** 70), 2 ** 70)
          | st.floats(allow_nan=False, allow_infinity=False) | st.floats(-1e6, 3e6)
          | st.dates(date(1, 1, 1), date(9999, 12, 31)) | st.datetimes(datetime(1900, 1, 1), datetime(2100, 1, 1))
          | st.times() | st.timedeltas(timedelta(days=-5), timedelta(days=5000)) | TEXTS)


def put(ws: Any, row: int, col: int, value: Any) -> None:
    try:
        ws.cell(row=row, column=col).value = value
    except (IllegalCharacterError, ValueError, TypeError, AttributeError):
        pass  # openpyxl itself refuses to write it (a merged cell, a control character)


@st.composite
def cell_level(draw: st.DrawFn, seeds: list[tuple[bytes, str]]) -> tuple[bytes, str]:
    data, kind = draw(st.sampled_from(seeds))
    book = openpyxl.load_workbook(io.BytesIO(data))
    ws = book.worksheets[0]
    rows, cols = max(ws.max_row, 1), max(ws.max_column, 1)
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["set"] * 6 + ["merge", "unmerge", "rows", "far", "sheet", "empty", "hide"]))
        if op in ("rows", "empty") and ws.max_row > 1000:
            continue  # openpyxl shifts every row in Python: a minute after a cell at row 1,048,576
        if op == "set":
            put(ws, draw(st.integers(1, rows + 3)), draw(st.integers(1, cols + 2)), draw(VALUES))
        elif op == "merge":  # (a merge over thousands of cells is in the byte-level fuzzer: cheaper there)
            top, left = draw(st.integers(1, rows + 2)), draw(st.integers(1, cols + 1))
            ws.merge_cells(start_row=top, start_column=left, end_row=top + draw(st.integers(0, 30)),
                           end_column=left + draw(st.integers(0, 30)))
        elif op == "unmerge" and ws.merged_cells.ranges:
            try:
                ws.unmerge_cells(str(draw(st.sampled_from(sorted(ws.merged_cells.ranges, key=str)))))
            except KeyError:
                pass  # openpyxl loses track of overlapping merges
        elif op == "rows":
            at, count = draw(st.integers(1, rows)), draw(st.integers(1, 5))
            ws.delete_rows(at, count) if draw(st.booleans()) else ws.insert_rows(at, count)
        elif op == "far":
            row, col = draw(st.sampled_from([(50_001, 2), (49_999, 1), (3, 201), (3, 16_384), (1_048_576, 1)]))
            put(ws, row, col, draw(TEXTS))
        elif op == "sheet":
            extra = book.create_sheet(draw(st.sampled_from(["Trống", "Sheet", "Danh sách 2", "x" * 30])),
                                      draw(st.integers(0, len(book.worksheets))))
            if draw(st.booleans()):
                put(extra, 2, 2, draw(TEXTS))
        elif op == "empty":
            ws.delete_rows(1, ws.max_row)
        elif op == "hide" and len(book.worksheets) > 1:
            ws.sheet_state = "hidden"
    try:
        return resave(book), kind
    except (TypeError, ValueError, AttributeError, IllegalCharacterError):
        reject()  # a value openpyxl accepted but cannot write: not an input the importer can see


@st.composite
def mappings(draw: st.DrawFn, kind: str) -> dict[str, int] | None:
    if draw(st.integers(0, 3)):
        return None  # the proposed mapping, as most officers keep it
    names = [spec.name for spec in fields_for(kind)] + ["not_a_field"]
    return draw(st.dictionaries(st.sampled_from(names), st.integers(-1, 12) | st.integers(), max_size=6))


def test_cell_level_mutations_of_real_workbooks_never_crash_the_import(bench: Bench) -> None:
    @FUZZ
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        workbook, kind = data.draw(cell_level(bench.seeds))
        exercise(bench, "cells", workbook, kind, data.draw(mappings(kind)))

    run()
    report(bench, "cells")


def report(bench: Bench, kind: str) -> None:
    outcomes = bench.outcomes[kind]
    top = ", ".join(f"{code} {n}" for code, n in outcomes.most_common(8))
    print(f"\nxlsx import, {kind}: {bench.inputs[kind]} inputs, 0 crashes; {top}")
    assert bench.inputs[kind] >= (10_000 if LONG else 100)
    assert outcomes["committed"] + outcomes["previewed"] > 0  # some inputs went all the way through


def test_times_are_read_as_values(bench: Bench) -> None:
    """A time of day or a duration in a date column is a value the row reports, never a crash."""
    data, kind = bench.seeds[1]
    book = openpyxl.load_workbook(io.BytesIO(data))
    book.worksheets[0]["C3"] = time(8, 30)
    book.worksheets[0]["C4"] = timedelta(days=3)
    exercise(bench, "times", resave(book), kind)
    assert bench.outcomes["times"]["committed"] + bench.outcomes["times"]["previewed"] == 1


def _central_directory_patched(data: bytes, change: Any) -> bytes:
    """``data`` with ``change(buffer, offset)`` applied to its first central-directory header."""
    raw = bytearray(data)
    change(raw, raw.index(b"PK\x01\x02"))
    return bytes(raw)


def _newer_zip_version(raw: bytearray, at: int) -> None:
    raw[at + 6] = 84  # "version needed to extract": 8.4


def _name_flagged_utf8_but_not(raw: bytearray, at: int) -> None:
    raw[at + 9] |= 0x08  # general purpose flags, high byte: bit 11, the name is UTF-8
    raw[at + 46] = 0xFF  # … and its first byte is not


@pytest.mark.parametrize("change", [_newer_zip_version, _name_flagged_utf8_but_not])
def test_a_zip_directory_that_zipfile_rejects_is_a_clear_refusal(bench: Bench, change: Any) -> None:
    """Found by the byte-level fuzzer: zipfile raises NotImplementedError (or UnicodeDecodeError)
    for these, which reached the user as "Unexpected error"."""
    path = bench.folder / "danh-sach-hong.xlsx"
    path.write_bytes(_central_directory_patched((DATA / "people_plain_headers.xlsx").read_bytes(), change))
    with pytest.raises(DomainError) as caught:
        service(bench.app).analyse(path, "people")
    assert caught.value.code == "IMPORT_FILE_UNREADABLE"
    assert "danh-sach-hong.xlsx" in render(caught.value, "vi")


def test_a_date_cell_in_the_award_year_column_is_range_checked_in_the_preview(bench: Bench) -> None:
    """Found by the cell-level fuzzer: a date in 1908 as the award year passed the preview, then
    the commit refused the whole import (NUMBER_OUT_OF_RANGE). The preview now says so."""
    book = openpyxl.load_workbook(DATA / "awards_history.xlsx")
    book.worksheets[0]["F3"] = datetime(1908, 7, 21)
    imports = service(bench.app)
    path = bench.folder / "khen-thuong-1908.xlsx"
    path.write_bytes(resave(book))
    report = imports.preview(imports.analyse(path, "awards"))
    [row] = [r for r in report.rows if r.row == 3]
    assert row.action == "error" and ("F", "NUMBER_OUT_OF_RANGE") in [(p.column, p.code) for p in row.problems]
    imports.commit(report)  # the other rows still go in; this one is left out
