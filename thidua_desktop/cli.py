"""The ``thidua`` command line: a thin layer over the services.

Exit codes (EXIT_CODES_HELP): 0 success; 1 the data was refused (an import with refused rows, a
bundle refused, an ineligible nominee, a folder that holds no office, any other refusal: one line
on stderr, never a traceback); 2 only a malformed command line.
Messages are Vietnamese unless ``--lang en``.

Only ``init`` and ``restore`` may create an office; every other command opens the folder with
``open_app(create=False)``, so a mistyped ``--data-dir`` is refused and nothing is made there."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .cli_common import Parser as _Parser
from .cli_common import UsageError
from .cli_common import opened as _opened
from .cli_common import out as _out
from .cli_common import print_json as _json
from .cli_common import say as _t
from .domain.errors import DomainError
from .domain.text import nfc, printable

# Every other module is imported where it is used: building the parser (all a ``--version`` or a
# malformed command line needs) must not pay for the ORM, ReportLab or openpyxl; each command
# imports what it runs.

log = logging.getLogger("thidua")


def cmd_init(args: argparse.Namespace) -> int:
    enrollment = Path(args.enrollment).read_bytes() if args.enrollment and Path(args.enrollment).is_file() else None
    if args.enrollment and enrollment is None:
        raise DomainError("FILE_NOT_FOUND", field="file", value=args.enrollment)
    passphrase = _recovery_passphrase(args) if args.role == "province" else None  # asked before anything is made
    with _opened(args, create=True) as app:
        if enrollment is not None:  # refuse a file made for another commune before creating anything
            app.sync.read_enrollment(enrollment, args.unit_code.strip())
        office = app.office.init_office(args.role, args.unit_code, args.unit_name or "", args.officer or "")
        role_vi = "văn phòng cấp tỉnh" if office.role == "province" else "văn phòng cấp xã"
        role_en = "provincial office" if office.role == "province" else "commune office"
        _out(_t(args.lang, f"Đã khởi tạo {office.unit_name} (mã {office.unit_code}, {role_vi}).",
                f"Initialised {office.unit_name} (code {office.unit_code}, {role_en})."))
        mine = app.sync.fingerprint()
        if enrollment is not None:
            theirs = app.sync.accept_enrollment(enrollment)
            _out(_t(args.lang, f"Mã xác thực của tỉnh: {theirs} — hãy đọc đối chiếu với Sở Nội vụ qua điện thoại.",
                    f"Province key fingerprint: {theirs} — compare it with the province by phone."))
        if office.role == "province":
            out = Path(args.recovery_out or (app.paths.data_dir / f"khoa-khoi-phuc-{office.unit_code}.tdkey"))
            app.sync.create_recovery_key(out, passphrase)
            _out(_t(args.lang, f"Khóa khôi phục đã ghi vào {out}: hãy chép ra nơi cất giữ an toàn, ngoài máy này, "
                    "rồi xóa tệp trên máy.", f"Recovery key written to {out}: move it to safe offline storage "
                    "and delete it from this computer."))
            if passphrase is None:
                sys.stderr.write(_t(args.lang, "Cảnh báo: khóa khôi phục chưa có mật khẩu; hãy đặt bằng "
                                    "«thidua recovery protect».\n", "Warning: the recovery key has no passphrase; "
                                    "set one with «thidua recovery protect».\n"))
        _out(_t(args.lang, f"Mã xác thực của đơn vị: {mine}", f"This office's key fingerprint: {mine}"))
    return 0


def _recovery_passphrase(args: argparse.Namespace) -> str | None:
    """The passphrase for the province's new recovery key (--recovery-passphrase-file, or asked at
    the terminal), checked before the office is created; None for --recovery-no-passphrase."""
    from .cli_recovery import new_passphrase
    from .sync.keys import checked_recovery_passphrase

    if args.recovery_no_passphrase:
        return None
    secret = new_passphrase(args, "recovery_passphrase_file")
    return checked_recovery_passphrase(secret) if secret is not None else None


def cmd_demo(args: argparse.Namespace) -> int:
    from .messages import counts_label
    from .services.demo import DemoBuilder
    from .staged_demo import build_atomically

    with _opened(args) as app:  # built in a staged copy: a kill half-way leaves the office as it was
        counts = build_atomically(app, lambda staged: DemoBuilder(staged, seed=args.seed).build(people=args.people))
    summary = counts_label(counts, args.lang)
    _out(_t(args.lang, f"Đã tạo dữ liệu mẫu ({summary}).", f"Demo data created ({summary})."))
    return 0


def cmd_people_list(args: argparse.Namespace) -> int:
    with _opened(args) as app:
        result = app.people.search(args.search or "", offset=args.offset, limit=args.limit)
    if args.json:
        _json([p.to_json() for p in result.rows])
        return 0
    for p in result.rows:
        birth = p.birth_date.strftime("%d/%m/%Y") if p.birth_date else (str(p.birth_year) if p.birth_year else "")
        _out(f"{p.id}  {p.full_name:<30} {birth:<10} {p.ethnicity:<10} {p.village}")
    _out(_t(args.lang, f"Tổng số: {result.total}", f"Total: {result.total}"))
    return 0


def cmd_nominations_list(args: argparse.Namespace) -> int:
    from .messages import status_label

    with _opened(args) as app:
        rows = app.nominations.list(status=args.status, batch_id=args.batch)
    if args.json:
        _json([n.to_json() for n in rows])
        return 0
    for n in rows:
        _out(f"{n.id}  {status_label(n.status, args.lang):<22} {n.award_code:<12} {n.nominee_name}")
    _out(_t(args.lang, f"Tổng số: {len(rows)}", f"Total: {len(rows)}"))
    return 0


def cmd_eligibility(args: argparse.Namespace) -> int:
    from .cli_records import quota_line
    from .rules.explain import explain_decision

    with _opened(args) as app:
        decision = app.nominations.evaluate(args.nomination_id, store=False)
        view = app.nominations.get(args.nomination_id)
        quota = app.nominations.quota(view.batch_id, view.award_code)  # the batch's quota for this award
    if args.json:
        _json({"nomination_id": view.id, "nominee_name": view.nominee_name, **decision.to_dict(), "quota": quota})
        return _eligibility_exit(decision)
    _out(f"{view.nominee_name} — {view.award_name}")
    for line in explain_decision(decision, args.lang):
        _out(line)
    if line := quota_line(quota, args.lang):
        _out(line)
    return _eligibility_exit(decision)


def _eligibility_exit(decision: Any) -> int:
    """1 for an ineligible nominee (the data refused the award), as for any refusal; 0 when eligible
    or when nothing failed but something still waits for data or an officer's attestation."""
    return 1 if str(decision.outcome) == "not_eligible" else 0


def cmd_check(args: argparse.Namespace) -> int:
    from .messages import check_problem_label

    with _opened(args) as app:
        report = app.maintenance.check()
    for code, detail in report.problems:
        _out(f"✗ {check_problem_label(code, detail, args.lang)}")
    orphans = _orphans_line(report.counts, args.lang)
    if orphans:
        _out(orphans)
    if report.ok:
        _out(_t(args.lang, f"Dữ liệu toàn vẹn ({report.counts.get('attachments', 0)} tệp đính kèm đã kiểm tra).",
                f"Data is intact ({report.counts.get('attachments', 0)} attachments verified)."))
        return 0
    _out(_t(args.lang, f"Phát hiện {len(report.problems)} vấn đề.", f"Found {len(report.problems)} problem(s)."))
    return 1


def _size_text(size: int, lang: str) -> str:
    mb = size / (1024 * 1024)
    text = f"{mb:.1f} MB" if size >= 100 * 1024 else f"{-(-size // 1024)} KB"
    return text.replace(".", ",") if lang == "vi" else text


def _orphans_line(counts: dict[str, int], lang: str) -> str | None:
    """The check's line about unreferenced attached files (counts and sizes only)."""
    count, ready = counts.get("orphans", 0), counts.get("orphans_ready", 0)
    if not count:
        return None
    size = _size_text(counts.get("orphan_bytes", 0), lang)
    ready_size = _size_text(counts.get("orphan_ready_bytes", 0), lang)
    return _t(lang, f"{count} tệp đính kèm không còn được dùng ({size}); {ready} tệp ({ready_size}) đã quá 24 giờ, "
                    "xóa được bằng «thidua maintenance prune-attachments».",
              f"{count} attached file(s) no longer used ({size}); {ready} ({ready_size}) older than 24 hours can be "
              "removed with «thidua maintenance prune-attachments».")


def cmd_prune_attachments(args: argparse.Namespace) -> int:
    with _opened(args) as app:
        result = app.maintenance.prune_attachments()
    _out(_t(args.lang, f"Đã xóa {result.count} tệp đính kèm không còn được dùng ({_size_text(result.size, 'vi')}).",
            f"Removed {result.count} attached file(s) no longer used ({_size_text(result.size, 'en')})."))
    if result.waiting:
        _out(_t(args.lang, f"Giữ lại {result.waiting} tệp chưa quá 24 giờ.",
                f"Kept {result.waiting} file(s) not yet 24 hours old."))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    with _opened(args) as app:
        out = app.maintenance.backup(Path(args.out))
    _out(_t(args.lang, f"Đã sao lưu vào {out}", f"Backed up to {out}"))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from .bootstrap import data_paths, open_app
    from .cli_recovery import with_passphrase
    from .messages import render
    from .services.maintenance import restore_backup
    from .sync.keys import load_recovery_private

    recovery = None
    if args.recovery_key:  # the old computer is gone: the province's key opens the backup
        recovery = with_passphrase(args, lambda secret: load_recovery_private(Path(args.recovery_key), secret))
    try:
        result = restore_backup(Path(args.file), data_paths(args.data_dir), recovery)
    except DomainError as exc:
        if exc.code != "BACKUP_KEY_MISSING" or recovery is not None:
            raise
        log.info("refused: %s field=%s", exc.code, exc.field)
        sys.stderr.write(printable(render(exc, args.lang), keep_newlines=True) + "\n" + _t(
            args.lang, "Với khóa khôi phục: thidua restore TỆP --recovery-key TỆP_KHÓA "
                       "[--passphrase-file TỆP_MẬT_KHẨU]",
            "With the recovery key: thidua restore FILE --recovery-key KEYFILE [--passphrase-file FILE]") + "\n")
        return 1
    open_app(args.data_dir).close()  # upgrade an older backup's schema now
    created, epoch = result.get("created_at"), result["new_epoch"]
    _out(_t(args.lang, f"Đã khôi phục bản sao lưu ngày {created}; kỷ nguyên mới: {epoch}.",
            f"Restored the backup of {created}; new epoch: {epoch}."))
    return 0


EXIT_CODES_HELP = """mã thoát / exit codes:
  0  thành công / success
  1  dữ liệu bị từ chối: dòng nhập lỗi, gói bị từ chối, không đủ điều kiện, thư mục chưa có đơn vị…
     / the data was refused: an import with refused rows, a bundle refused, an ineligible nominee,
     a folder that holds no office…
  2  lệnh viết sai / a malformed command line"""


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="thidua", description="ThiĐua Desktop — dòng lệnh / command line", epilog=EXIT_CODES_HELP,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", help="thư mục dữ liệu / data folder")
    parser.add_argument("--lang", choices=["vi", "en"], default="vi", help="ngôn ngữ thông báo / message language")
    parser.add_argument("--user", help="tài khoản, ở văn phòng dùng máy chủ có tài khoản / the account, in a server "
                                       "office with accounts (cli_accounts.py)")
    parser.add_argument("--password-file", help="tệp chứa mật khẩu của --user (dòng đầu); không có thì hỏi / file "
                                                "holding --user's password (first line); else it is asked")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("init", help="khởi tạo đơn vị trong thư mục dữ liệu / set up the office in the data folder")
    p.add_argument("--role", required=True, choices=["commune", "province"])
    p.add_argument("--unit-code", required=True)
    p.add_argument("--unit-name")
    p.add_argument("--officer")
    p.add_argument("--enrollment", help="tệp kết nối do tỉnh cấp / enrolment file from the province")
    p.add_argument("--recovery-out", help="nơi ghi khóa khôi phục (tỉnh) / where to write the recovery key")
    secret = p.add_mutually_exclusive_group()
    secret.add_argument("--recovery-passphrase-file",
                        help="tệp chứa mật khẩu bảo vệ khóa khôi phục / file holding the recovery key's passphrase")
    secret.add_argument("--recovery-no-passphrase", action="store_true",
                        help="không đặt mật khẩu (không nên) / no passphrase (not advised)")
    p.set_defaults(func=cmd_init)

    from . import cli_sync

    cli_sync.add_parsers(sub, _Parser)

    p = sub.add_parser("demo", help="thêm dữ liệu mẫu vào xã đã khởi tạo / fill a set-up commune with demo data")
    p.add_argument("--people", type=int, default=300)
    p.add_argument("--seed", type=int, default=2026)
    p.set_defaults(func=cmd_demo)

    people = sub.add_parser("people", help="cá nhân trong sổ theo dõi / people in the register") \
        .add_subparsers(dest="action", required=True, parser_class=_Parser)
    p = people.add_parser("list", help="liệt kê, tìm kiếm / list or search")
    p.add_argument("--search")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--offset", type=int, default=0)
    p.set_defaults(func=cmd_people_list)
    p = people.add_parser("add", help="thêm một cá nhân / add a person")
    p.add_argument("--name", required=True)
    p.add_argument("--gender", required=True)
    p.add_argument("--birth")
    p.add_argument("--ethnicity")
    p.add_argument("--cccd")
    p.add_argument("--position")
    p.add_argument("--village")
    p.add_argument("--json", action="store_true")
    # its command (and the employment start and Mẫu 05 fields): cli_records.cmd_people_add

    noms = sub.add_parser("nominations", help="đề nghị khen thưởng / nominations") \
        .add_subparsers(dest="action", required=True, parser_class=_Parser)
    p = noms.add_parser("list", help="liệt kê đề nghị / list nominations")
    p.add_argument("--status")
    p.add_argument("--batch")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_nominations_list)

    p = sub.add_parser("eligibility", help="xét điều kiện một đề nghị; mã thoát 1 nếu không đủ điều kiện / check a "
                                           "nomination's eligibility; exit code 1 when not eligible")
    p.add_argument("nomination_id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_eligibility)

    sub.add_parser("check", help="kiểm tra toàn vẹn dữ liệu / check the data's integrity").set_defaults(func=cmd_check)
    care = sub.add_parser("maintenance", help="bảo trì dữ liệu / data maintenance") \
        .add_subparsers(dest="action", required=True, parser_class=_Parser)
    care.add_parser("prune-attachments", help="xóa tệp đính kèm không còn bản ghi nào dùng, đã quá 24 giờ (quản trị "
                                              "viên) / remove attached files no record uses, older than 24 hours "
                                              "(admin)").set_defaults(func=cmd_prune_attachments)
    p = sub.add_parser("backup", help="sao lưu dữ liệu / back up the data")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="khôi phục bản sao lưu, cả vào thư mục mới / restore a backup, also into a "
                                       "new folder")
    p.add_argument("file")
    p.add_argument("--recovery-key", help="tệp khóa khôi phục của tỉnh, khi máy tạo bản sao lưu không còn / the "
                                          "province's recovery key file, when the computer that made it is gone")
    p.add_argument("--passphrase-file", help="tệp chứa mật khẩu của khóa khôi phục (dòng đầu) / file holding the "
                                             "recovery key's passphrase (first line)")
    p.set_defaults(func=cmd_restore)

    from . import cli_documents

    cli_documents.add_parsers(sub, _Parser)
    from . import cli_recovery

    cli_recovery.add_parsers(sub, _Parser)
    from . import cli_records

    cli_records.add_parsers(sub, _Parser, people=people, nominations=noms)
    from . import cli_accounts

    cli_accounts.add_parsers(sub, _Parser)
    from . import cli_self_test

    cli_self_test.add_parsers(sub, _Parser, top=parser)
    return parser


def _lang_from(argv: Sequence[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return "vi"


def _data_dir_text(args: argparse.Namespace) -> str:
    """The data folder, to name it when the database itself refused (busy, full, read-only)."""
    from .config import resolve_data_dir

    try:
        return str(resolve_data_dir(getattr(args, "data_dir", None)))
    except Exception:  # naming the folder is a courtesy; never fail the message over it
        return ""


def main(argv: Sequence[str] | None = None) -> int:
    from .private_files import restrict_umask

    restrict_umask()  # before anything is written: data, backups and exports are private (0600)
    raw = [nfc(a) for a in (sys.argv[1:] if argv is None else argv)]
    lang = "en" if _lang_from(raw) == "en" else "vi"
    err: Callable[[str], object] = lambda line: sys.stderr.write(printable(line, keep_newlines=True) + "\n")  # noqa: E731
    try:
        args = build_parser().parse_args(raw)
    except UsageError as exc:
        err(_t(lang, f"Lệnh không hợp lệ: {exc}. Xem «thidua --help».", f"Usage error: {exc}. See «thidua --help»."))
        return 2
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    try:
        return int(args.func(args))
    except DomainError as exc:
        from .messages import render

        log.info("refused: %s field=%s", exc.code, exc.field)
        err(render(exc, lang))
        return 1
    except KeyboardInterrupt:
        err(_t(lang, "Đã dừng theo yêu cầu.", "Stopped."))
        return 1
    except Exception as exc:
        from .messages import render
        from .os_refusals import refusal_for

        data_dir = _data_dir_text(args)
        refusal = refusal_for(exc, data_dir)
        if refusal is not None:  # a full disk, a missing file, a busy database: say which and where
            if "path" in refusal.params and not refusal.params["path"]:
                # A failed write() names no file: name the command's destination, else the data folder.
                refusal.params["path"] = str(getattr(args, "out", None) or data_dir)
            log.info("refused: %s (%s)", refusal.code, type(exc).__name__)
            err(render(refusal, lang))
            return 1
        # a bug: keep the trace in the log file, show one line
        log.error("unexpected %s", type(exc).__name__, exc_info=True)
        err(_t(lang, f"Lỗi không mong đợi ({type(exc).__name__}). Chi tiết đã ghi vào nhật ký.",
               f"Unexpected error ({type(exc).__name__}). Details are in the log."))
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
