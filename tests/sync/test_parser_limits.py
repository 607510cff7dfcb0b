"""The parsers of files from outside have a depth and a size limit, and unit codes are checked: a
deeply nested bundle header (read before any key is needed) or enrolment file is refused with the
app's own code instead of a RecursionError, and an enrolment naming a unit that does not exist,
such as ``../../etc/passwd``, is refused before anything is stored."""

from __future__ import annotations

import base64
import json
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
from office_templates import copy_template
from sync_helpers import enrolled_pair

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.sync import file_kind
from thidua_desktop.sync import safe_json
from thidua_desktop.sync.container_format import MAGIC, PRELUDE, SIGNATURE_BYTES, inspect_bundle
from thidua_desktop.sync.keys import ENROLLMENT_CONTEXT, OfficeKeys, generate_recovery, make_enrollment, read_enrollment

from .test_roundtrip_cli import thidua

DEEP = 20_000  # far past Python's recursion limit


def head_only(header: bytes) -> bytes:
    """A bundle head as the format lays it out (prelude, header, signature, CRC), with no payload:
    enough to reach the header parser, which needs no key."""
    signed = PRELUDE.pack(MAGIC, 1, len(header)) + header
    body = signed + b"\0" * SIGNATURE_BYTES
    return body + struct.pack(">I", zlib.crc32(body))


def reheadered(bundle: Path, target: Path, change: Any) -> Path:
    """A copy of a real bundle whose header JSON went through ``change`` (the CRC made right again,
    so only the header's content is wrong)."""
    data = bundle.read_bytes()
    _magic, version, length = PRELUDE.unpack_from(data)
    header = json.loads(data[PRELUDE.size:PRELUDE.size + length])
    new = json.dumps(change(header)).encode()
    rest = data[PRELUDE.size + length:]
    signature, payload = rest[:SIGNATURE_BYTES], rest[SIGNATURE_BYTES + 4:]
    body = PRELUDE.pack(MAGIC, version, len(new)) + new + signature
    target.write_bytes(body + struct.pack(">I", zlib.crc32(body)) + payload)
    return target


def test_the_safe_loader_refuses_depth_size_and_constants() -> None:
    assert safe_json.loads(b'{"a": [1, {"b": "[[[[[[{{{{"}]}') == {"a": [1, {"b": "[[[[[[{{{{"}]}
    assert safe_json.loads('"\\\\"') == "\\"  # an escaped backslash before the closing quote
    assert safe_json.depth('[' * 32 + ']' * 32) == 32
    for bad in ("[" * DEEP + "]" * DEEP, '{"a":' * 40 + "1" + "}" * 40, "NaN", "[Infinity]", "1" * 5000,
                b"\xff\xfe", "{", ""):
        with pytest.raises(safe_json.UnsafeJSON):
            safe_json.loads(bad)
    with pytest.raises(safe_json.UnsafeJSON):
        safe_json.loads(b"[1]" + b" " * 100, max_bytes=50)


@pytest.mark.parametrize("header", [
    b"[" * DEEP + b"]" * DEEP,
    b'{"format_version": 1, "sender": ' + b'{"a":' * 5000 + b"1" + b"}" * 5000 + b"}",
])
def test_a_deeply_nested_header_is_a_damaged_bundle(tmp_path: Path, header: bytes) -> None:
    path = tmp_path / "deep.tdsync"
    path.write_bytes(head_only(header))
    with pytest.raises(DomainError) as caught:
        inspect_bundle(path)
    assert caught.value.code == "BUNDLE_CORRUPT"
    result = thidua(tmp_path / "office", "bundle", "inspect", str(path), ok=False)
    assert result.returncode == 1 and "bị hỏng hoặc đã bị sửa đổi" in result.stderr
    assert "Traceback" not in result.stderr and "không mong đợi" not in result.stderr


def test_a_header_naming_an_office_by_a_path_is_refused(tmp_path: Path) -> None:
    province, commune, _enrolment = enrolled_pair(tmp_path)
    try:
        commune.people.create(PersonInput("Nông Văn An", "male"))
        [bundle] = commune.sync.export(tmp_path / "usb").files
        for field, code in (("sender", "../../etc/passwd"), ("sender", "0157"), ("recipient", "04/..")):
            bad = reheadered(bundle, tmp_path / f"{field}-{len(code)}.tdsync",
                             lambda h, f=field, c=code: {**h, f: {**h[f], "code": c}})
            with pytest.raises(DomainError) as caught:
                province.sync.import_bundle(bad)
            assert caught.value.code == "BUNDLE_CORRUPT", (field, code)
        assert province.people.search("").total == 0 and province.sync.waiting_bundles() == []
    finally:
        province.close()
        commune.close()


def signed(keys: OfficeKeys, body: str, **extra: Any) -> bytes:
    """An enrolment envelope around ``body`` (any text), validly signed by ``keys``."""
    signature = base64.b64encode(keys.sign(ENROLLMENT_CONTEXT + body.encode())).decode()
    return json.dumps({"kind": "thidua-enrollment", "body": body, "signature": signature, **extra}).encode()


def good_body(**changes: Any) -> tuple[OfficeKeys, dict[str, Any]]:
    keys = OfficeKeys.generate()
    data = make_enrollment(keys, "04", "Tỉnh Cao Bằng", "01576", "Xã Quảng Uyên", generate_recovery().public_key)
    body = json.loads(json.loads(data)["body"])
    for part, value in changes.items():
        body[part] = {**body[part], **value}
    return keys, body


@pytest.fixture
def commune(tmp_path: Path, _template_dir: Path):  # type: ignore[no-untyped-def]
    app = open_app(copy_template(_template_dir, tmp_path / "xa"))
    app.office.init_office("commune", "01576")
    yield app
    app.close()


def deep_files() -> dict[str, bytes]:
    keys, body = good_body()
    nested_body = json.dumps({**body, "extra": json.loads("[" * 30 + "]" * 30)})[:-1] + ', "x": ' + \
        "[" * DEEP + "]" * DEEP + "}"
    return {
        "envelope": b'{"kind": "thidua-enrollment", "x": ' + b"[" * DEEP + b"]" * DEEP + b"}",
        "body": signed(keys, nested_body),  # the body is parsed before the signature is checked
        "bare": b"{" * 30_000,
    }


@pytest.mark.parametrize("name", ["envelope", "body", "bare"])
def test_a_deeply_nested_enrolment_file_is_refused(commune: App, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"deep-{name}.json"
    path.write_bytes(deep_files()[name])
    assert file_kind(path) in {"enrollment", "unknown"}  # and no RecursionError
    with pytest.raises(DomainError) as caught:
        commune.sync.preview_enrollment(path)
    assert caught.value.code == "ENROLLMENT_INVALID"
    with pytest.raises(DomainError) as caught:
        commune.sync.load_enrollment(path)
    assert caught.value.code == "ENROLLMENT_INVALID"
    assert commune.sync.status()["last_received"] is None
    with commune.db.reader() as session:
        from thidua_desktop.db.models import SyncPeer

        assert session.query(SyncPeer).count() == 0


@pytest.mark.parametrize(("changes", "bad_shape"), [
    ({"province": {"code": "../../etc/passwd"}}, True),
    ({"province": {"code": "4"}}, True),
    ({"province": {"code": 4}}, True),
    ({"commune": {"code": "../../../x"}}, True),
    ({"province": {"code": "99"}}, False),  # two digits, but no such province
    ({"province": {"code": "02"}}, False),  # a real province, but 01576 is not one of its communes
    ({"commune": {"code": "99999"}}, False),
])
def test_an_enrolment_naming_an_unknown_unit_is_refused(tmp_path: Path, changes: dict[str, Any],
                                                        bad_shape: bool) -> None:
    keys, body = good_body(**changes)
    data = signed(keys, json.dumps(body, ensure_ascii=False))
    commune_code = body["commune"]["code"] if isinstance(body["commune"]["code"], str) else None
    app = open_app(tmp_path / "xa")
    try:
        with pytest.raises(DomainError) as caught:  # before setup: the file itself names the commune
            app.sync.read_enrollment(data, None)
        assert caught.value.code == "ENROLLMENT_INVALID"
        app.office.init_office("commune", "01576")
        path = tmp_path / "ket-noi.json"
        path.write_bytes(data)
        with pytest.raises(DomainError) as caught:
            app.sync.load_enrollment(path)
        assert caught.value.code in {"ENROLLMENT_INVALID", "ENROLLMENT_WRONG_UNIT"}
        with app.db.reader() as session:
            from thidua_desktop.db.models import SyncPeer

            assert session.query(SyncPeer).count() == 0  # nothing stored
    finally:
        app.close()
    if bad_shape:  # the shape alone refuses it, without the list of units
        with pytest.raises(DomainError) as caught:
            read_enrollment(data, commune_code)
        assert caught.value.code == "ENROLLMENT_INVALID"


def test_init_with_an_enrolment_for_an_unknown_province_creates_nothing(tmp_path: Path) -> None:
    keys, body = good_body(province={"code": "99"})
    path = tmp_path / "ket-noi.json"
    path.write_bytes(signed(keys, json.dumps(body, ensure_ascii=False)))
    result = thidua(tmp_path / "xa", "init", "--role", "commune", "--unit-code", "01576", "--enrollment", str(path),
                    ok=False)
    assert result.returncode == 1 and "Tệp kết nối không hợp lệ" in result.stderr
    app = open_app(tmp_path / "xa")
    try:
        assert not app.office.is_initialised()
    finally:
        app.close()
