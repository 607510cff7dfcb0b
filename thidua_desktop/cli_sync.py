"""``thidua enroll``, ``catalog``, ``bundle`` and ``review``: linking communes and the province,
the award catalog, and the bundles carried between them on a USB stick."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import Any

from .cli_common import opened as _opened
from .cli_common import out as _out
from .cli_common import print_json as _json
from .cli_common import say as _t
from .domain.errors import DomainError
from .messages import counts_label, status_label, table_label

log = logging.getLogger("thidua")


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
    return 1 if done.failed else 0  # the fingerprint is confirmed; a waiting bundle refused is refused data


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


def _key_passphrase(args: argparse.Namespace, *, new: bool) -> str:
    """From --passphrase-file (its first line), else asked at the terminal with nothing echoed
    (twice for a new one), never from the command line itself (``ps`` and the shell history)."""
    import getpass
    import sys

    from .cli_common import secret_from_file
    from .domain.text import nfc

    if args.passphrase_file:
        return secret_from_file(args.passphrase_file, field="passphrase")
    if not sys.stdin.isatty():
        named = getattr(args, "file", None) or args.out
        raise DomainError("KEY_FILE_PASSPHRASE_REQUIRED", field="passphrase", file=Path(named).name)
    first = nfc(getpass.getpass(_t(args.lang, "Mật khẩu của tệp khóa: ", "Key file passphrase: ")))
    if new and nfc(getpass.getpass(_t(args.lang, "Nhập lại mật khẩu: ", "Repeat the passphrase: "))) != first:
        raise DomainError("RECOVERY_PASSPHRASE_MISMATCH", field="passphrase")
    return first


def cmd_enroll_keys_export(args: argparse.Namespace) -> int:
    """Admin, on the computer holding the office's keys: the key file for another computer."""
    from .services.key_transfer import KeyTransfer

    with _opened(args) as app:
        done = KeyTransfer.of(app.sync).export(Path(args.out), _key_passphrase(args, new=True))
    _out(_t(args.lang, f"Đã ghi {done.count} khóa của văn phòng (mã xác thực {done.fingerprint}) vào {done.path}. "
            "Hãy nạp tệp trên máy khác bằng «thidua enroll keys-import», rồi xóa tệp khỏi USB.",
            f"Wrote the office's {done.count} key(s) (fingerprint {done.fingerprint}) to {done.path}. Load it on "
            "the other computer with «thidua enroll keys-import», then delete it from the stick."))
    return 0


def cmd_enroll_keys_import(args: argparse.Namespace) -> int:
    """Admin, on another computer of the same server office: store the office's keys here."""
    from .services.key_transfer import KeyTransfer

    with _opened(args) as app:
        transfer = KeyTransfer.of(app.sync)
        transfer.preview(Path(args.file))  # another office's file is refused before a passphrase is asked
        done = transfer.load(Path(args.file), _key_passphrase(args, new=False))
    if done.outcome == "unchanged":
        _out(_t(args.lang, f"Máy này đã có đúng các khóa này (mã xác thực {done.fingerprint}); không có gì thay đổi.",
                f"This computer already holds these keys (fingerprint {done.fingerprint}); nothing changed."))
    else:
        _out(_t(args.lang, f"Đã nạp {done.count} khóa của văn phòng (mã xác thực {done.fingerprint}) vào máy này.",
                f"Loaded the office's {done.count} key(s) (fingerprint {done.fingerprint}) on this computer."))
    return 0


def cmd_catalog_load(args: argparse.Namespace) -> int:
    from .services import catalog_store

    with _opened(args) as app:
        if app.office.office().role != "province":
            raise DomainError("CATALOG_PROVINCE_ONLY", field="role")
        version = catalog_store.load_file(app.db, Path(args.file), app.actor, access=app.access)
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
    # Reads the file's clear header and checks its hashes: no office, no key, nothing written,
    # so a bundle can be looked at on any computer (and a missing --data-dir is no reason to refuse).
    from .sync.container import inspect_bundle

    info = {**inspect_bundle(Path(args.file), verify_hash=True).to_dict(), "intact": True}
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


def add_parsers(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    _Parser = parser_class
    enroll = sub.add_parser("enroll", help="kết nối xã với tỉnh / link the communes and the province") \
        .add_subparsers(dest="action", required=True, parser_class=_Parser)
    p = enroll.add_parser("export", help="tỉnh ghi tệp kết nối cho một xã / province writes a commune's enrolment file")
    p.add_argument("--unit-code", required=True)
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_enroll_export)
    p = enroll.add_parser("load", help="xã nạp tệp kết nối của tỉnh / commune loads the province's enrolment file")
    p.add_argument("file", help="tệp kết nối do tỉnh cấp / enrolment file from the province")
    p.set_defaults(func=cmd_enroll_load)
    p = enroll.add_parser("confirm",
                          help="tỉnh xác nhận mã xác thực của xã / province confirms a commune's fingerprint")
    p.add_argument("unit_code")
    p.add_argument("--fingerprint", required=True,
                   help="mã xác thực xã đọc qua điện thoại / the fingerprint the commune reads over the phone")
    p.set_defaults(func=cmd_enroll_confirm)
    p = enroll.add_parser("reject", help="mã xác thực không khớp: hủy gói đang chờ / fingerprint mismatch: discard "
                                         "the waiting bundles")
    p.add_argument("unit_code")
    p.set_defaults(func=cmd_enroll_reject)
    enroll.add_parser("waiting", help="gói chờ xác nhận mã xác thực / bundles waiting for the fingerprint check") \
        .set_defaults(func=cmd_enroll_waiting)
    p = enroll.add_parser("revoke", help="thu hồi kết nối của một đơn vị / revoke an office")
    p.add_argument("unit_code")
    p.set_defaults(func=cmd_enroll_revoke)
    enroll.add_parser("rotate", help="đổi khóa của đơn vị này / rotate this office's keys") \
        .set_defaults(func=cmd_enroll_rotate)
    p = enroll.add_parser("keys-export", help="quản trị viên ghi khóa của văn phòng cho máy khác dùng chung máy chủ / "
                                              "admin writes the office keys for another computer of the server office")
    p.add_argument("--out", required=True)
    p.add_argument("--passphrase-file", help="tệp chứa mật khẩu (dòng đầu) / file holding the passphrase")
    p.set_defaults(func=cmd_enroll_keys_export)
    p = enroll.add_parser("keys-import", help="nạp khóa của văn phòng từ máy khác / load the office keys from another "
                                              "computer")
    p.add_argument("file", help="tệp khóa xuất từ máy đang giữ khóa / key file from the computer holding the keys")
    p.add_argument("--passphrase-file", help="tệp chứa mật khẩu (dòng đầu) / file holding the passphrase")
    p.set_defaults(func=cmd_enroll_keys_import)

    catalog = sub.add_parser("catalog", help="danh mục khen thưởng / the award catalog") \
        .add_subparsers(dest="action", required=True, parser_class=_Parser)
    p = catalog.add_parser("load", help="tỉnh nạp danh mục mới / province adopts a new catalog")
    p.add_argument("file")
    p.set_defaults(func=cmd_catalog_load)
    catalog.add_parser("show", help="phiên bản danh mục đang dùng / the catalog in use") \
        .set_defaults(func=cmd_catalog_show)

    bundle = sub.add_parser("bundle", help="gói đồng bộ xã – tỉnh / sync bundles between commune and province") \
        .add_subparsers(dest="action", required=True, parser_class=_Parser)
    p = bundle.add_parser("export", help="ghi gói đồng bộ / write a sync bundle")
    p.add_argument("--out", required=True)
    p.add_argument("--to")
    p.add_argument("--even-if-empty", action="store_true",
                   help="ghi gói cả khi không có gì mới (gói đầu của máy mới cài) / write even with nothing new")
    p.set_defaults(func=cmd_bundle_export)
    p = bundle.add_parser("recover", help="gói khôi phục dữ liệu cho xã / recovery bundle for a commune")
    p.add_argument("unit_code")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_bundle_recover)
    for name, func, text in (("import", cmd_bundle_import, "nhập gói đồng bộ / import a sync bundle"),
                             ("inspect", cmd_bundle_inspect, "xem gói, không nhập / show a bundle without importing")):
        p = bundle.add_parser(name, help=text)
        p.add_argument("file")
        p.add_argument("--json", action="store_true")
        p.set_defaults(func=func)

    p = sub.add_parser("review", help="tỉnh ghi kết quả thẩm định / province records a nomination's review")
    p.add_argument("nomination_id")
    verdict = p.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--approve", action="store_true")
    verdict.add_argument("--return", dest="return_", action="store_true")
    verdict.add_argument("--reject", action="store_true")
    p.add_argument("--reason")
    p.set_defaults(func=cmd_review)
