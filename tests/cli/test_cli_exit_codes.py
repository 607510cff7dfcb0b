"""Exit codes and folders (issue 12, §5): 0 success, 1 the data was refused, 2 only a malformed
command line; a command on a folder that holds no office says so, exits 1 and creates nothing
there; ``thidua --help`` describes every subcommand.

The commands are found by walking the parser, so a command added later is held to the same rules
without touching this file."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sync_helpers import enrolled_pair

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.cli import build_parser, main
from thidua_desktop.config import DB_FILE_NAME, resolve_key_folder
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject
from thidua_desktop.services.sync_waiting import waiting_dir

# Only these may make an office where there is none: restoring into a new folder is how a new
# computer starts. (``demo`` needs an office set up by ``init`` first.)
CREATORS = {("init",), ("restore",)}
# These read only the file they are given (a bundle's clear header), on any computer: no office needed.
FILE_ONLY = {("bundle", "inspect")}
# The machine check runs before any office exists and creates nothing in the data folder
# (tests/cli/test_self_test.py checks that).
FILE_ONLY |= {("self-test",)}
# Commands that want more than their parser requires (a malformed command line, exit 2, otherwise).
EXTRA = {("people", "edit"): ["--position", "Công chức"]}


def _subparsers(parser: argparse.ArgumentParser) -> argparse._SubParsersAction | None:  # type: ignore[type-arg]
    return next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str,
                                                                                         argparse.ArgumentParser]]:
    """Every subcommand at every depth: (its words, its help line, its parser)."""
    sub = _subparsers(parser)
    if sub is None:
        return []
    helps = {choice.dest: choice.help for choice in sub._choices_actions}
    found = []
    for name, child in sub.choices.items():
        found.append(((*path, name), helps.get(name) or "", child))
        found.extend(_commands(child, (*path, name)))
    return found


COMMANDS = _commands(build_parser())
LEAVES = [(words, parser) for words, _help, parser in COMMANDS if _subparsers(parser) is None]


def _value(action: argparse.Action, existing: Path) -> str:
    if action.choices:
        return str(next(iter(action.choices)))
    if action.type is int:  # its default when it has one (--people 300), else a year (--year)
        return str(action.default if isinstance(action.default, int) else 2025)
    return str(existing)


def _minimal_argv(words: tuple[str, ...], parser: argparse.ArgumentParser, existing: Path) -> list[str]:
    """The shortest command line the parser accepts: every positional and required option filled
    (with an existing file where a value may be a path, so no command stops at a missing input
    first), one choice of each required either-or group, and what a command itself asks beyond
    its parser (EXTRA)."""
    argv = [*words, *EXTRA.get(words, [])]
    required_groups = [g for g in parser._mutually_exclusive_groups if g.required]
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if not action.option_strings:
            argv.append(_value(action, existing))
        elif action.required:
            argv += [action.option_strings[0], _value(action, existing)]
    for group in required_groups:
        first = group._group_actions[0]
        argv.append(first.option_strings[0])
        if first.nargs != 0:
            argv.append(_value(first, existing))
    return argv


def _listing(folder: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every entry under ``folder`` (and the folder itself) with its mode and, for a file, its bytes."""
    if not folder.exists():
        return {}
    entries = {".": (folder.stat().st_mode, None)}
    for path in sorted(folder.rglob("*")):
        entries[path.relative_to(folder).as_posix()] = (path.stat().st_mode,
                                                        path.read_bytes() if path.is_file() else None)
    return entries


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def _bad_people_workbook(path: Path) -> Path:
    """A people list of three rows; the second has an impossible birth date, so it is refused."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc"])
    ws.append([1, "Nông Thị Hoa", "Nữ", "12/05/1985", "Tày"])
    ws.append([2, "Lò Văn Sai", "Nam", "31/02/1990", "Thái"])
    ws.append([3, "Hoàng Văn Minh", "Nam", "03/09/1979", "Nùng"])
    wb.save(path)
    return path


# A missing office ---------------------------------------------------------------------------------

def test_every_command_that_needs_an_office_is_checked() -> None:
    """The walk found the commands (a broken walk would make the tests below prove nothing)."""
    words = {w for w, _p in LEAVES}
    assert {("people", "list"), ("demo",), ("import",), ("bundle", "import"), ("check",), ("eligibility",),
            ("recovery", "check"), ("enroll", "load")} <= words
    assert CREATORS <= words


@pytest.mark.parametrize(("words", "parser"), [(w, p) for w, p in LEAVES if w not in CREATORS | FILE_ONLY],
                         ids=lambda value: " ".join(value) if isinstance(value, tuple) else "")
def test_a_missing_office_exits_1_and_creates_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      words: tuple[str, ...], parser: argparse.ArgumentParser) -> None:
    existing = tmp_path / "input.bin"
    existing.write_bytes(b"not an office file\n")
    typo = tmp_path / "go-nham"
    folder = typo / "van-phong"
    keys_before = _listing(resolve_key_folder())
    code, out, err = _run(capsys, "--data-dir", str(folder), *_minimal_argv(words, parser, existing))
    assert code == 1, err
    assert err.splitlines() == [f"Thư mục dữ liệu «{folder}» chưa có đơn vị nào; không tạo gì ở đó. Hãy chạy "
                                "«thidua init» để khởi tạo đơn vị, hoặc chọn đúng thư mục bằng --data-dir."]
    assert out == ""
    assert not typo.exists()  # no folder, no database, no key, no log
    assert _listing(resolve_key_folder()) == keys_before  # and no key-encryption key for it either


def test_a_folder_of_ones_own_files_is_left_byte_for_byte(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--data-dir pointed at the wrong, existing folder: refused, and not one byte or mode changes."""
    folder = tmp_path / "Tài liệu"
    (folder / "ảnh").mkdir(parents=True)
    (folder / "ghi-chu.txt").write_text("Họp chi bộ thứ Hai\n", encoding="utf-8")
    (folder / "ảnh" / "a.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (folder / "config-khac.json").write_text("{}", encoding="utf-8")
    os.chmod(folder, 0o755)
    before = _listing(folder)
    workbook = _bad_people_workbook(tmp_path / "ds.xlsx")
    for args in (["people", "list"], ["demo", "--people", "30"], ["import", "people", str(workbook)],
                 ["check"], ["backup", "--out", str(tmp_path / "b.zip")]):
        code, _out, err = _run(capsys, "--data-dir", str(folder), *args)
        assert code == 1 and str(folder) in err, (args, err)
    assert _listing(folder) == before
    assert not (tmp_path / "b.zip").exists()


def test_the_refusal_in_english_and_from_a_real_process(tmp_path: Path) -> None:
    folder = tmp_path / "typo"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("THIDUA_DATA_DIR", None)
    result = subprocess.run([sys.executable, "-m", "thidua_desktop.cli", "--data-dir", str(folder), "--lang", "en",
                             "people", "list"], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"The data folder «{folder}» holds no office; nothing was created there. "
                                          "Run «thidua init» to set one up, or choose the right folder with "
                                          "--data-dir."]
    assert not folder.exists()


def test_a_bundle_is_inspected_without_an_office_and_nothing_is_made(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "khong-phai-goi.tdsync"
    junk.write_bytes(b"not a bundle\n")
    typo = tmp_path / "go-nham"
    code, out, err = _run(capsys, "--data-dir", str(typo / "van-phong"), "bundle", "inspect", str(junk))
    assert code == 1 and out == "" and "khong-phai-goi.tdsync" in err and "chưa có đơn vị" not in err
    assert not typo.exists()


def test_a_database_with_no_office_set_up_is_refused_until_init(data_dir: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """The GUI's first run made the database and the officer closed the dialog: still no office."""
    assert (data_dir / DB_FILE_NAME).is_file()
    code, _out, err = _run(capsys, "--data-dir", str(data_dir), "people", "list")
    assert code == 1 and "chưa có đơn vị nào" in err
    assert _run(capsys, "--data-dir", str(data_dir), "init", "--role", "commune", "--unit-code", "01576")[0] == 0
    code, out, _err = _run(capsys, "--data-dir", str(data_dir), "people", "list")
    assert (code, out.strip()) == (0, "Tổng số: 0")


def test_init_and_restore_create_their_folder(commune: App, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    new = tmp_path / "moi" / "van-phong"
    code, _out, err = _run(capsys, "--data-dir", str(new), "init", "--role", "commune", "--unit-code", "01576")
    assert code == 0, err
    assert (new / DB_FILE_NAME).is_file()
    backup = commune.maintenance.backup(tmp_path / "sao-luu.zip")
    restored = tmp_path / "may-moi" / "van-phong"
    code, _out, err = _run(capsys, "--data-dir", str(restored), "restore", str(backup))
    assert code == 0, err
    assert _run(capsys, "--data-dir", str(restored), "check")[0] == 0


def test_the_gui_still_creates_the_office_on_first_run(tmp_path: Path) -> None:
    """ui/app.run opens with the default: the database is made, the first-run dialog sets it up."""
    app = open_app(tmp_path / "lan-dau")
    try:
        assert (tmp_path / "lan-dau" / DB_FILE_NAME).is_file()
        assert not app.office.is_initialised()
    finally:
        app.close()


def test_a_database_named_by_the_config_lives_elsewhere(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """config.json's database_url names the file: a folder without a thidua.sqlite of its own is fine
    when that file holds an office, and refused (unchanged) when it does not exist."""
    folder, elsewhere = tmp_path / "cau-hinh", tmp_path / "o-khac"
    folder.mkdir()
    elsewhere.mkdir()
    url = f"sqlite:///{(elsewhere / 'office.sqlite').as_posix()}"
    (folder / "config.json").write_text(json.dumps({"database_url": url}), encoding="utf-8")
    before = _listing(folder)
    code, _out, err = _run(capsys, "--data-dir", str(folder), "people", "list")
    assert code == 1 and "chưa có đơn vị nào" in err
    assert _listing(folder) == before and not (elsewhere / "office.sqlite").exists()
    assert _run(capsys, "--data-dir", str(folder), "init", "--role", "commune", "--unit-code", "01576")[0] == 0
    assert not (folder / DB_FILE_NAME).exists() and (elsewhere / "office.sqlite").is_file()
    assert _run(capsys, "--data-dir", str(folder), "people", "list")[0] == 0


def test_a_server_database_is_not_refused_for_want_of_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """THIDUA_DATABASE_URL naming PostgreSQL: the folder holds no SQLite file and that is fine; the
    server is asked (here there is none: whatever fails, it is not OFFICE_FOLDER_EMPTY)."""
    monkeypatch.setenv("THIDUA_DATABASE_URL", "postgresql://thidua@127.0.0.1:1/thidua")
    with pytest.raises(Exception) as caught:  # no driver or no server: any failure but ours
        open_app(tmp_path / "tinh", create=False).close()
    assert not (isinstance(caught.value, DomainError) and caught.value.code == "OFFICE_FOLDER_EMPTY")


# A malformed command line -----------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["fly"],
    [],
    ["people"],
    ["people", "list", "--bogus"],
    ["demo", "--people", "ba-muoi"],
    ["import", "people"],
    ["import", "staff", "ds.xlsx"],
    ["--lang", "fr", "people", "list"],
    ["review", "abc", "--approve", "--reject"],
    ["init", "--role", "mayor", "--unit-code", "01576"],
], ids=lambda args: " ".join(args) or "nothing")
def test_a_bad_flag_exits_2_and_creates_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                args: list[str]) -> None:
    folder = tmp_path / "van-phong"
    code, out, err = _run(capsys, "--data-dir", str(folder), *args)
    assert code == 2
    [line] = err.splitlines()
    assert line.startswith("Lệnh không hợp lệ:") and line.endswith("Xem «thidua --help».")
    assert out == "" and not folder.exists()


def test_a_bad_flag_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "--lang", "en", "--data-dir", str(tmp_path), "check", "--fast")
    assert code == 2 and err.startswith("Usage error:")


# Refused data -----------------------------------------------------------------------------------

def test_a_refused_import_exits_1_and_writes_the_good_rows(commune: App, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    data = str(commune.paths.data_dir)
    workbook = str(_bad_people_workbook(tmp_path / "danh-sach.xlsx"))
    code, _out, err = _run(capsys, "--data-dir", data, "import", "people", workbook, "--dry-run")
    assert (code, err.strip()) == (1, "1 dòng có lỗi, chưa được nhập. Hãy sửa tệp rồi chạy lại.")
    code, _out, _err = _run(capsys, "--data-dir", data, "import", "people", workbook, "--strict")
    assert code == 1 and commune.people.search().total == 0
    code, out, err = _run(capsys, "--data-dir", data, "--lang", "en", "import", "people", workbook, "--json")
    assert (code, err.strip()) == (1, "1 row(s) have errors and were not imported. Fix the file and run again.")
    report = json.loads(out)
    assert [(r["row"], r["action"]) for r in report["rows"]] == [(2, "create"), (3, "error"), (4, "create")]
    assert sorted(p.full_name for p in commune.people.search().rows) == ["Hoàng Văn Minh", "Nông Thị Hoa"]


def test_a_clean_import_exits_0(commune: App, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["STT", "Họ và tên", "Giới tính", "Năm sinh"])
    ws.append([1, "Nông Thị Hoa", "Nữ", 1985])
    wb.save(tmp_path / "sach.xlsx")
    code, _out, err = _run(capsys, "--data-dir", str(commune.paths.data_dir), "import", "people",
                           str(tmp_path / "sach.xlsx"))
    assert (code, err) == (0, "")


def test_an_ineligible_nominee_exits_1_an_eligible_one_0(commune: App, capsys: pytest.CaptureFixture[str]) -> None:
    year = date.today().year
    batch = commune.nominations.create_batch(f"Khen thưởng năm {year}", year)
    ids = {}
    for name, rating in (("Lý Văn An", "completed"), ("Nông Thị Hoa", "excellent")):
        person = commune.people.create(PersonInput(name, "female", birth="1985", ethnicity="Tày",
                                                   employment_start="01/03/2015", position="Công chức"))
        commune.records.set_rating(Subject(person_id=person.id), year, rating, f"Kết quả xếp loại {year}")
        nomination = commune.nominations.create(batch_id=batch.id, award_code="LDTT", person_id=person.id)
        award = commune.catalog.award("LDTT")
        commune.nominations.attest(nomination.id, [c.id for top in award.criteria for c in top.walk()
                                                   if c.check == "attestation"])
        ids[rating] = nomination.id
    data = str(commune.paths.data_dir)
    code, out, _err = _run(capsys, "--data-dir", data, "eligibility", ids["completed"], "--json")
    assert (code, json.loads(out)["outcome"]) == (1, "not_eligible")
    code, out, _err = _run(capsys, "--data-dir", data, "eligibility", ids["completed"])
    assert code == 1 and "Lý Văn An" in out  # the explanation is still printed
    code, out, _err = _run(capsys, "--data-dir", data, "eligibility", ids["excellent"], "--json")
    assert (code, json.loads(out)["outcome"]) == (0, "eligible")


def test_a_waiting_bundle_refused_at_confirmation_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The fingerprint is confirmed, but the bundle that waited for it cannot apply (here its copy in
    the data folder is gone): a bundle refused, so 1, and the line says which."""
    province, commune, _enrolment = enrolled_pair(tmp_path)
    try:
        commune.people.create(PersonInput("Nông Văn Thật", "male"))
        [bundle] = commune.sync.export(tmp_path / "usb").files
        with pytest.raises(DomainError) as waiting:
            province.sync.import_bundle(bundle)
        assert waiting.value.code == "BUNDLE_WAITS_FOR_FINGERPRINT"
        for copy in waiting_dir(province.paths.data_dir).iterdir():
            copy.unlink()
        code, out, _err = _run(capsys, "--data-dir", str(province.paths.data_dir), "enroll", "confirm", "01576",
                               "--fingerprint", commune.sync.fingerprint())
        assert code == 1
        assert f"Không nhập được gói {bundle.name} (FILE_NOT_FOUND)" in out
        assert province.sync.exchange.peer("01576").status == "confirmed"
    finally:
        province.close()
        commune.close()


# --help -----------------------------------------------------------------------------------------

def _flat(text: str) -> str:
    return " ".join(text.split())


def test_every_subcommand_has_a_bilingual_description() -> None:
    missing = [" ".join(words) for words, text, _p in COMMANDS if " / " not in text]
    assert missing == [], "add help=\"tiếng Việt / English\" to these add_parser calls"


@pytest.mark.parametrize("words", [(), *sorted({w for w, _h, p in COMMANDS if _subparsers(p) is not None})],
                         ids=lambda words: " ".join(words) or "thidua")
def test_help_lists_each_subcommand_with_its_description(words: tuple[str, ...],
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, *words, "--help")
    assert (code, err) == (0, "")
    children = [(w[-1], text) for w, text, _p in COMMANDS if w[:-1] == words]
    assert children
    for name, text in children:
        assert _flat(f"{name} {text}") in _flat(out), name
    if not words:
        assert "mã thoát / exit codes" in out and "2  lệnh viết sai / a malformed command line" in out


@pytest.mark.parametrize("words", [w for w, _p in LEAVES], ids=lambda words: " ".join(words))
def test_each_subcommand_has_its_own_help(words: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, *words, "--help")
    assert (code, err) == (0, "")
    assert out.startswith(f"usage: thidua {' '.join(words)}")
