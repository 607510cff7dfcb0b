"""Office keys, the protected key store, rotation, the recovery key and the enrolment file."""

from __future__ import annotations

import base64
import json
import re
import shutil
import stat
import sys
from pathlib import Path

import pytest

from thidua_desktop.domain.errors import DomainError
from thidua_desktop.sync import MESSAGES, BundleWriter, inspect_bundle, open_bundle, verify_signature
from thidua_desktop.sync.keys import (
    ENROLLMENT_CONTEXT,
    KeyStore,
    OfficeKeys,
    PublicKeys,
    check_endorsement,
    generate_recovery,
    load_recovery_private,
    make_enrollment,
    read_enrollment,
)

FINGERPRINT = re.compile(r"[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}")


def refused(error: pytest.ExceptionInfo[DomainError], code: str) -> DomainError:
    assert error.value.code == code, error.value
    for template in MESSAGES[code]:
        assert template.format(**error.value.params)
    return error.value


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_public_keys_key_id_and_fingerprint() -> None:
    keys = OfficeKeys.generate()
    public = keys.public()
    assert len(public.sign_key) == len(public.box_key) == 32
    assert re.fullmatch(r"[0-9a-f]{16}", public.key_id) and FINGERPRINT.fullmatch(public.fingerprint)
    assert PublicKeys.from_dict(public.to_dict()) == public
    assert OfficeKeys.generate().fingerprint != keys.fingerprint
    assert public.verify(b"hello", keys.sign(b"hello")) and not public.verify(b"hellO", keys.sign(b"hello"))
    with pytest.raises(ValueError):
        PublicKeys.from_dict({**public.to_dict(), "key_id": "0" * 16})


def test_key_store_round_trip_keeps_the_kek_elsewhere(tmp_path: Path) -> None:
    data, config = tmp_path / "data", tmp_path / "config"
    store = KeyStore(data, config)
    keys = store.create()
    loaded = KeyStore(data, config).load()
    assert loaded.key_id == keys.key_id and loaded.secret_bytes() == keys.secret_bytes()
    assert [p.name for p in data.iterdir()] == ["office-keys.json"]
    [kek] = list(config.iterdir())
    stored = store.path.read_bytes()
    for secret in (keys.secret_bytes()[:32], keys.secret_bytes()[32:]):
        assert secret not in stored and base64.b64encode(secret) not in stored
    if sys.platform != "win32":
        assert mode(store.path) == 0o600 and mode(kek) == 0o600
    with pytest.raises(FileExistsError):
        store.create()
    with pytest.raises(ValueError):
        KeyStore(data, data)


def test_a_copied_data_folder_cannot_decrypt_the_keys(tmp_path: Path) -> None:
    KeyStore(tmp_path / "data", tmp_path / "config").create()
    shutil.copytree(tmp_path / "data", tmp_path / "backup")
    with pytest.raises(DomainError) as error:
        KeyStore(tmp_path / "backup", tmp_path / "other-machine-config").load()
    refused(error, "KEY_MISSING")
    with pytest.raises(DomainError) as error:
        KeyStore(tmp_path / "empty", tmp_path / "config").load()
    refused(error, "KEY_MISSING")
    [kek] = list((tmp_path / "config").iterdir())
    kek.write_bytes(kek.read_bytes()[:7] + bytes(32))  # another KEK under the same name
    with pytest.raises(DomainError) as error:
        KeyStore(tmp_path / "data", tmp_path / "config").load()
    refused(error, "KEY_UNREADABLE")


def test_rotation_keeps_old_signatures_and_old_bundles_working(tmp_path: Path) -> None:
    store = KeyStore(tmp_path / "data", tmp_path / "config")
    old = store.create()
    signature = old.sign(b"decision 12/QD")
    province = OfficeKeys.generate()
    recovery = generate_recovery()
    sealed_to_old = tmp_path / "old.tdsync"
    with BundleWriter(sealed_to_old, {"code": "04", "name": "Tỉnh", "node_id": "p", "epoch": 1},
                      {"code": "01576", "name": "Xã"}, province, old.public().box_key, recovery.public_key, 1) as w:
        w.add_manifest({})
    new = store.rotate()
    assert new.key_id != old.key_id and store.load().key_id == new.key_id
    [retired] = store.previous()
    assert retired.keys.public() == old.public() and retired.rotated_at
    assert retired.keys.public().verify(b"decision 12/QD", signature)
    assert new.endorsement is not None and store.load().endorsement == new.endorsement
    assert check_endorsement(new.public(), new.endorsement, old.public().sign_key)
    assert not check_endorsement(new.public(), new.endorsement, new.public().sign_key)
    # a bundle sealed to the old key still opens with the retired keys
    with open_bundle(sealed_to_old, store.all_keys(), province.public().sign_key, "01576") as reader:
        reader.finish()
    # bundles signed with the new key carry the endorsement and verify against old or new key lists
    signed_new = tmp_path / "new.tdsync"
    with BundleWriter(signed_new, {"code": "01576", "name": "Xã", "node_id": "c", "epoch": 2},
                      {"code": "04", "name": "Tỉnh"}, store.load(), province.public().box_key,
                      recovery.public_key, 1) as w:
        w.add_manifest({})
    header = inspect_bundle(signed_new)
    assert header.sender.endorsement == new.endorsement and header.sender.key_id == new.key_id
    verify_signature(header, [old.public().sign_key, new.public().sign_key])
    store.rotate()
    store.rotate()
    store.rotate(keep=2)
    assert len(store.previous()) == 2
    store.forget_previous(store.previous()[0].keys.key_id)
    assert len(store.previous()) == 1


def test_recovery_private_key_export_and_import(tmp_path: Path) -> None:
    recovery = generate_recovery()
    assert FINGERPRINT.fullmatch(recovery.fingerprint)
    plain = tmp_path / "recovery.json"
    recovery.export_recovery_private(plain)
    if sys.platform != "win32":
        assert mode(plain) == 0o600
    assert load_recovery_private(plain).public_key == recovery.public_key
    with pytest.raises(FileExistsError):
        recovery.export_recovery_private(plain)
    locked = tmp_path / "recovery-locked.json"
    recovery.export_recovery_private(locked, passphrase="mật khẩu dài 2025")
    assert base64.b64encode(bytes(recovery.private_key)) not in locked.read_bytes()
    assert load_recovery_private(locked, "mật khẩu dài 2025").public_key == recovery.public_key
    with pytest.raises(DomainError) as error:
        load_recovery_private(locked, "sai mật khẩu")
    refused(error, "RECOVERY_PASSPHRASE_WRONG")
    with pytest.raises(DomainError) as error:
        load_recovery_private(locked)
    refused(error, "RECOVERY_PASSPHRASE_REQUIRED")


def _enrollment() -> tuple[OfficeKeys, bytes, bytes]:
    province, recovery = OfficeKeys.generate(), generate_recovery()
    data = make_enrollment(province, "04", "Văn phòng tỉnh Cao Bằng", "01576", "Xã Tân Lập", recovery.public_key)
    return province, recovery.public_key, data


def test_enrollment_make_and_read() -> None:
    province, recovery_public, data = _enrollment()
    enrollment = read_enrollment(data, "01576")
    assert enrollment.province_keys == province.public() and enrollment.province_fingerprint == province.fingerprint
    assert enrollment.recovery_public == recovery_public and enrollment.commune_name == "Xã Tân Lập"
    assert enrollment.province_code == "04" and enrollment.format_version == 1 and enrollment.created_at


def test_enrollment_for_another_unit_is_refused() -> None:
    _, _, data = _enrollment()
    with pytest.raises(DomainError) as error:
        read_enrollment(data, "01577")
    exc = refused(error, "ENROLLMENT_WRONG_UNIT")
    assert exc.params["expected"] == "01577" and exc.params["got"] == "01576"


def test_tampered_enrollment_is_refused() -> None:
    province, _, data = _enrollment()
    envelope = json.loads(data)
    for tampered in (envelope["body"].replace("01576", "01577"), envelope["body"].replace("Tân Lập", "Tân Lặp")):
        with pytest.raises(DomainError) as error:
            read_enrollment(json.dumps({**envelope, "body": tampered}).encode(), "01577")
        refused(error, "ENROLLMENT_INVALID")
    for garbage in (b"", b"not json", b'{"kind": "thidua-enrollment"}', data[:-20]):
        with pytest.raises(DomainError) as error:
            read_enrollment(garbage, "01576")
        refused(error, "ENROLLMENT_INVALID")
    # a forger can sign with his own key, but then the fingerprint read over the phone differs
    forger = OfficeKeys.generate()
    body = json.loads(envelope["body"])
    body["province"].update(forger.public().to_dict())
    text = json.dumps(body)
    forged = {**envelope, "body": text,
              "signature": base64.b64encode(forger.sign(ENROLLMENT_CONTEXT + text.encode())).decode()}
    assert read_enrollment(json.dumps(forged).encode(), "01576").province_fingerprint != province.fingerprint
    body["format_version"] = 2
    text = json.dumps(body)
    newer = {**envelope, "body": text,
             "signature": base64.b64encode(forger.sign(ENROLLMENT_CONTEXT + text.encode())).decode()}
    with pytest.raises(DomainError) as error:
        read_enrollment(json.dumps(newer).encode(), "01576")
    refused(error, "ENROLLMENT_TOO_NEW")


def test_every_message_has_vietnamese_and_english() -> None:
    for code, (vi, en) in MESSAGES.items():
        assert vi and en and vi != en, code
        assert re.search(r"[ạảãáàâấầẩẫậăắằẳẵặđẹẻẽéèêếềểễệịỉĩíìọỏõóòôốồổỗộơớờởỡợụủũúùưứừửữựỵỷỹýỳ]", vi), code
        assert sorted(re.findall(r"{(\w+)}", vi)) == sorted(re.findall(r"{(\w+)}", en)), code
