"""The ``thidua`` command line: a thin layer over the services.

Exit codes: 0 success, 1 a user error (one line on stderr, never a traceback), 2 a usage error.
Messages are Vietnamese unless ``--lang en``."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

from .domain.errors import DomainError
from .domain.text import nfc, printable
from .messages import check_problem_label, counts_label, render, status_label, table_label
from .os_refusals import refusal_for

log = logging.getLogger("thidua")


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _out(text: str) -> None:
    # Every line goes through printable(): a name that came in a bundle or an old database may
    # hold an ESC or a right-to-left override, which the terminal must show, not obey.
    sys.stdout.write(printable(text, keep_newlines=True) + "\n")


def _json(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    # JSON escapes C0 controls itself; bidi, invisible and C1 characters get a \\uXXXX escape too,
    # which keeps the document valid and the same data.
    sys.stdout.write("".join(ch if ch == "\n" or ch.isprintable() else json.dumps(ch)[1:-1] for ch in text) + "\n")


def _t(lang: str, vi: str, en: str) -> str:
    return vi if lang == "vi" else en


@contextmanager
def _opened(args: argparse.Namespace) -> Iterator[Any]:
    """The office's app for one command, closed afterwards whatever happens."""
    from .bootstrap import open_app

    app = open_app(args.data_dir)
    try:
        yield app
    finally:
        app.close()


def cmd_init(args: argparse.Namespace) -> int:
    enrollment = Path(args.enrollment).read_bytes() if args.enrollment and Path(args.enrollment).is_file() else None
    if args.enrollment and enrollment is None:
        raise DomainError("FILE_NOT_FOUND", field="file", value=args.enrollment)
    passphrase = _recovery_passphrase(args) if args.role == "province" else None  # asked before anything is made
    with _opened(args) as app:
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


def cmd_people_add(args: argparse.Namespace) -> int:
    from .services.people import PersonInput

    with _opened(args) as app:
        person = app.people.create(PersonInput(
            full_name=args.name, gender=args.gender, birth=args.birth or "", ethnicity=args.ethnicity or "",
            cccd=args.cccd or "", position=args.position or "", village_id=args.village or None))
    if args.json:
        _json(person.to_json())
    else:
        _out(person.id)
    return 0


def cmd_nominations_list(args: argparse.Namespace) -> int:
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
    from .rules.explain import explain_decision

    with _opened(args) as app:
        decision = app.nominations.evaluate(args.nomination_id, store=False)
        view = app.nominations.get(args.nomination_id)
    if args.json:
        _json({"nomination_id": view.id, "nominee_name": view.nominee_name, **decision.to_dict()})
        return 0
    _out(f"{view.nominee_name} — {view.award_name}")
    for line in explain_decision(decision, args.lang):
        _out(line)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with _opened(args) as app:
        report = app.maintenance.check()
    for code, detail in report.problems:
        _out(f"✗ {check_problem_label(code, detail, args.lang)}")
    if report.ok:
        _out(_t(args.lang, f"Dữ liệu toàn vẹn ({report.counts.get('attachments', 0)} tệp đính kèm đã kiểm tra).",
                f"Data is intact ({report.counts.get('attachments', 0)} attachments verified)."))
        return 0
    _out(_t(args.lang, f"Phát hiện {len(report.problems)} vấn đề.", f"Found {len(report.problems)} problem(s)."))
    return 1


def cmd_backup(args: argparse.Namespace) -> int:
    with _opened(args) as app:
        out = app.maintenance.backup(Path(args.out))
    _out(_t(args.lang, f"Đã sao lưu vào {out}", f"Backed up to {out}"))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from .bootstrap import data_paths, open_app
    from .cli_recovery import with_passphrase
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


def cmd_enroll_export(args: argparse.Namespace) -> int:
    with _opened(args) as app:
        out = app.sync.export_enrollment(args.unit_code, Path(args.out))
    _out(_t(args.lang, f"Đã ghi tệp kết nối cho xã {args.unit_code}: {out}",
            f"Enrolment file for commune {args.unit_code} written: {out}"))
    return 0


def cmd_enroll_load(args: argparse.Namespace) -> int:
    """A commune already set up loads the province's enrolment file (tệp kết nối)."""
    with _opened(args) as app:
        preview = app.sync.preview_enrollment(Path(args.file))
        theirs = app.sync.load_enrollment(Path(args.file))
        mine = app.sync.fingerprint()
    _out(_t(args.lang, f"Đã kết nối với {preview.province_name} (mã {preview.province_code}).",
            f"Connected to {preview.province_name} (code {preview.province_code})."))
    _out(_t(args.lang, f"Mã xác thực của tỉnh: {theirs} — hãy đọc đối chiếu với Sở Nội vụ qua điện thoại.",
            f"Province key fingerprint: {theirs} — compare it with the province by phone."))
    _out(_t(args.lang, f"Mã xác thực của đơn vị: {mine}", f"This office's key fingerprint: {mine}"))
    return 0


def cmd_enroll_confirm(args: argparse.Namespace) -> int:
    """Province: the commune read its fingerprint over the phone; the bundles that waited for it apply."""
    with _opened(args) as app:
        done = app.sync.confirm_peer(args.unit_code, args.fingerprint)
    _out(_t(args.lang, f"Đã xác nhận xã {args.unit_code} (mã xác thực {done.fingerprint}).",
            f"Confirmed commune {args.unit_code} (fingerprint {done.fingerprint})."))
    for report in done.applied:
        _out(_t(args.lang, "Đã nhập gói đang chờ: mới {new}, cập nhật {updated}, không đổi {unchanged}, "
                "xung đột {conflicts}, chờ xử lý {quarantined}, thiếu {gaps}.",
                "Imported a waiting bundle: new {new}, updated {updated}, unchanged {unchanged}, "
                "conflicts {conflicts}, quarantined {quarantined}, gaps {gaps}.").format(**report))
    if done.discarded:
        _out(_t(args.lang, f"Đã hủy {done.discarded} gói ký bằng khóa khác (không do xã gửi).",
                f"Discarded {done.discarded} bundle(s) signed by another key (not sent by the commune)."))
    for name, code in done.failed or []:
        _out(_t(args.lang, f"Không nhập được gói {name} ({code}): hãy đề nghị xã gửi lại.",
                f"Could not import {name} ({code}): ask the commune to send it again."))
    return 0


def cmd_enroll_reject(args: argparse.Namespace) -> int:
    """Province: the fingerprints did not match; the waiting bundles are discarded."""
    with _opened(args) as app:
        count = app.sync.reject_waiting(args.unit_code)
    _out(_t(args.lang, f"Đã hủy {count} gói đang chờ của đơn vị {args.unit_code}.",
            f"Discarded {count} waiting bundle(s) from office {args.unit_code}."))
    return 0


def cmd_enroll_waiting(args: argparse.Namespace) -> int:
    """Province: the bundles waiting for a fingerprint check, with the fingerprint each carries."""
    with _opened(args) as app:
        rows = app.sync.waiting_bundles()
    for row in rows:
        _out(f"{row.peer_code}  {row.fingerprint}  {row.received_at:%d/%m/%Y %H:%M}  {row.file_name}")
    _out(_t(args.lang, f"Số gói đang chờ xác nhận mã xác thực: {len(rows)}",
            f"Bundles waiting for the fingerprint check: {len(rows)}"))
    return 0


def cmd_enroll_revoke(args: argparse.Namespace) -> int:
    with _opened(args) as app:
        app.sync.revoke_peer(args.unit_code)
    _out(_t(args.lang, f"Đã thu hồi kết nối của đơn vị {args.unit_code}.", f"Revoked office {args.unit_code}."))
    return 0


def cmd_enroll_rotate(args: argparse.Namespace) -> int:
    with _opened(args) as app:
        fingerprint = app.sync.rotate_keys()
    _out(_t(args.lang, f"Đã đổi khóa. Mã xác thực mới: {fingerprint}", f"Keys rotated. New fingerprint: {fingerprint}"))
    return 0


def cmd_catalog_load(args: argparse.Namespace) -> int:
    from .services import catalog_store

    with _opened(args) as app:
        if app.office.office().role != "province":
            raise DomainError("CATALOG_PROVINCE_ONLY", field="role")
        version = catalog_store.load_file(app.db, Path(args.file), app.actor)
    if version is None:
        _out(_t(args.lang, "Danh mục này không mới hơn danh mục đang dùng; không thay đổi gì.",
                "This catalog is not newer than the one in use; nothing changed."))
    else:
        _out(_t(args.lang, f"Đã áp dụng danh mục phiên bản {version}; danh mục sẽ được gửi kèm các gói cho xã.",
                f"Catalog version {version} adopted; it travels to the communes with the next bundles."))
    return 0


def cmd_catalog_show(args: argparse.Namespace) -> int:
    with _opened(args) as app:
        catalog = app.catalog
    _out(_t(args.lang, f"Danh mục khen thưởng phiên bản {catalog.catalog_version}, {len(catalog.awards)} danh hiệu, "
            f"hình thức.", f"Award catalog version {catalog.catalog_version}, {len(catalog.awards)} awards."))
    return 0


def cmd_bundle_export(args: argparse.Namespace) -> int:
    with _opened(args) as app:
        result = app.sync.export(Path(args.out), args.to, even_if_empty=args.even_if_empty)
    if result.nothing_new:
        _out(_t(args.lang, "Không có gì mới để gửi.", "Nothing new to send."))
        return 0
    counts = counts_label(result.counts, args.lang, by_label=True)
    for file in result.files:
        _out(str(file))
    _out(_t(args.lang, f"Đã xuất {sum(result.counts.values())} bản ghi ({counts}).",
            f"Exported {sum(result.counts.values())} records ({counts})."))
    return 0


def cmd_bundle_import(args: argparse.Namespace) -> int:
    with _opened(args) as app:
        report = app.sync.import_bundle(Path(args.file))
    if args.json:
        _json(report)
        return 0
    _out(_t(args.lang, "Đã nhập gói từ {sender}: mới {new}, cập nhật {updated}, không đổi {unchanged}, "
            "xung đột {conflicts}, chờ xử lý {quarantined}, thiếu {gaps}.",
            "Imported the bundle from {sender}: new {new}, updated {updated}, unchanged {unchanged}, "
            "conflicts {conflicts}, quarantined {quarantined}, gaps {gaps}.").format(**report))
    if report.get("recovery"):  # a commune rebuilt from the province's copy: what is back, what is not
        from .services.sync_recovery import report_lines

        for line in report_lines(report["recovery"], args.lang):
            _out(line)
    return 0


def cmd_bundle_recover(args: argparse.Namespace) -> int:
    """Province: the recovery bundle that rebuilds a lost commune from the province's copy."""
    from .services.sync_recovery import report_lines

    with _opened(args) as app:
        result = app.sync.recover(args.unit_code, Path(args.out))
    _out(str(result.file))
    _out(_t(args.lang, f"Đã ghi gói khôi phục cho xã {args.unit_code}.",
            f"Recovery bundle for commune {args.unit_code} written."))
    for line in report_lines(result.summary, args.lang, written=True):
        _out(line)
    return 0


def cmd_bundle_inspect(args: argparse.Namespace) -> int:
    with _opened(args) as app:
        info = app.sync.inspect(Path(args.file))
    if args.json:
        _json(info)
        return 0
    from .domain.text import vi_collation_key

    sender, recipient = _unit_text(info.get("sender")), _unit_text(info.get("recipient"))
    _out(_t(args.lang, f"Gửi từ: {sender} → {recipient}; tạo lúc {info.get('created_at')}; định dạng "
            f"{info.get('format_version')}, cấu trúc dữ liệu {info.get('schema_version')}; tệp nguyên vẹn.",
            f"From {sender} to {recipient}; created {info.get('created_at')}; format {info.get('format_version')}, "
            f"schema {info.get('schema_version')}; the file is intact."))
    counts = [(table_label(table, args.lang), n) for table, n in (info.get("counts") or {}).items()]
    for label, n in sorted(counts, key=lambda pair: vi_collation_key(pair[0])):
        _out(f"  {label}: {n}")
    return 0


def _unit_text(unit: Any) -> str:
    """A bundle header's office as "Xã Quảng Uyên (01576)", or its code alone when it has no name."""
    unit = unit if isinstance(unit, dict) else {}
    name, code = str(unit.get("name") or "").strip(), str(unit.get("code") or "").strip()
    return f"{name} ({code})" if name and code else name or code or "—"


def cmd_review(args: argparse.Namespace) -> int:
    outcome = "approved" if args.approve else "returned" if args.return_ else "rejected"
    with _opened(args) as app:
        app.reviews.review(args.nomination_id, outcome, args.reason or "")
    _out(_t(args.lang, f"Đã ghi kết quả thẩm định: {status_label(outcome, 'vi')}.",
            f"Review recorded: {status_label(outcome, 'en')}."))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="thidua", description="ThiĐua Desktop — dòng lệnh / command line")
    parser.add_argument("--data-dir", help="thư mục dữ liệu / data folder")
    parser.add_argument("--lang", choices=["vi", "en"], default="vi")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("init")
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

    enroll = sub.add_parser("enroll").add_subparsers(dest="action", required=True, parser_class=_Parser)
    p = enroll.add_parser("export")
    p.add_argument("--unit-code", required=True)
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_enroll_export)
    p = enroll.add_parser("load")
    p.add_argument("file", help="tệp kết nối do tỉnh cấp / enrolment file from the province")
    p.set_defaults(func=cmd_enroll_load)
    p = enroll.add_parser("confirm")
    p.add_argument("unit_code")
    p.add_argument("--fingerprint", required=True,
                   help="mã xác thực xã đọc qua điện thoại / the fingerprint the commune reads over the phone")
    p.set_defaults(func=cmd_enroll_confirm)
    p = enroll.add_parser("reject")
    p.add_argument("unit_code")
    p.set_defaults(func=cmd_enroll_reject)
    enroll.add_parser("waiting").set_defaults(func=cmd_enroll_waiting)
    p = enroll.add_parser("revoke")
    p.add_argument("unit_code")
    p.set_defaults(func=cmd_enroll_revoke)
    enroll.add_parser("rotate").set_defaults(func=cmd_enroll_rotate)

    catalog = sub.add_parser("catalog").add_subparsers(dest="action", required=True, parser_class=_Parser)
    p = catalog.add_parser("load")
    p.add_argument("file")
    p.set_defaults(func=cmd_catalog_load)
    catalog.add_parser("show").set_defaults(func=cmd_catalog_show)

    bundle = sub.add_parser("bundle").add_subparsers(dest="action", required=True, parser_class=_Parser)
    p = bundle.add_parser("export")
    p.add_argument("--out", required=True)
    p.add_argument("--to")
    p.add_argument("--even-if-empty", action="store_true",
                   help="ghi gói cả khi không có gì mới (gói đầu của máy mới cài) / write even with nothing new")
    p.set_defaults(func=cmd_bundle_export)
    p = bundle.add_parser("recover", help="gói khôi phục dữ liệu cho xã / recovery bundle for a commune")
    p.add_argument("unit_code")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_bundle_recover)
    for name, func in (("import", cmd_bundle_import), ("inspect", cmd_bundle_inspect)):
        p = bundle.add_parser(name)
        p.add_argument("file")
        p.add_argument("--json", action="store_true")
        p.set_defaults(func=func)

    p = sub.add_parser("review")
    p.add_argument("nomination_id")
    verdict = p.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--approve", action="store_true")
    verdict.add_argument("--return", dest="return_", action="store_true")
    verdict.add_argument("--reject", action="store_true")
    p.add_argument("--reason")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("demo")
    p.add_argument("--people", type=int, default=300)
    p.add_argument("--seed", type=int, default=2026)
    p.set_defaults(func=cmd_demo)

    people = sub.add_parser("people").add_subparsers(dest="action", required=True, parser_class=_Parser)
    p = people.add_parser("list")
    p.add_argument("--search")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--offset", type=int, default=0)
    p.set_defaults(func=cmd_people_list)
    p = people.add_parser("add")
    p.add_argument("--name", required=True)
    p.add_argument("--gender", required=True)
    p.add_argument("--birth")
    p.add_argument("--ethnicity")
    p.add_argument("--cccd")
    p.add_argument("--position")
    p.add_argument("--village")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_people_add)

    noms = sub.add_parser("nominations").add_subparsers(dest="action", required=True, parser_class=_Parser)
    p = noms.add_parser("list")
    p.add_argument("--status")
    p.add_argument("--batch")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_nominations_list)

    p = sub.add_parser("eligibility")
    p.add_argument("nomination_id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_eligibility)

    sub.add_parser("check").set_defaults(func=cmd_check)
    p = sub.add_parser("backup")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore")
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
    err: Callable[[str], None] = lambda line: sys.stderr.write(printable(line, keep_newlines=True) + "\n")  # noqa: E731
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
        log.info("refused: %s field=%s", exc.code, exc.field)
        err(render(exc, lang))
        return 1
    except KeyboardInterrupt:
        err(_t(lang, "Đã dừng theo yêu cầu.", "Stopped."))
        return 1
    except Exception as exc:
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
