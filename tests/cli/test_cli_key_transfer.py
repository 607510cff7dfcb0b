"""``thidua enroll keys-export`` and ``keys-import``: exit 0 when done (or when the keys are already
there), 1 for every refusal with its sentence and never a traceback, 2 for a malformed command line.
Real offices in tmp_path; the passphrase comes from --passphrase-file (a test has no terminal)."""

from __future__ import annotations

import shutil
from pathlib import Path

import nacl.pwhash
import pytest

from thidua_desktop.cli import main
from thidua_desktop.sync import keys as k

PASSPHRASE = "Khóa văn phòng Sở Nội vụ 2026"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(k, "RECOVERY_OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(k, "RECOVERY_MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    assert "Traceback" not in out.err and "Lỗi không mong đợi" not in out.err and "Unexpected" not in out.err
    return code, out.out, out.err


def secret_file(folder: Path, text: str) -> Path:
    path = folder / f"pass-{abs(hash(text))}.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return path


@pytest.fixture
def province_dir(data_dir: Path, tmp_path: Path, _template_dir: Path,
                 capsys: pytest.CaptureFixture[str]) -> Path:
    assert run(capsys, "--data-dir", str(data_dir), "init", "--role", "province", "--unit-code", "04")[0] == 0
    return data_dir


def test_exit_codes(province_dir: Path, tmp_path: Path, _template_dir: Path,
                    capsys: pytest.CaptureFixture[str]) -> None:
    d = ["--data-dir", str(province_dir)]
    good = secret_file(tmp_path, PASSPHRASE)
    out = tmp_path / "usb" / "khoa.tdkeys"

    # A malformed command line: 2, nothing written.
    assert run(capsys, *d, "enroll", "keys-export")[0] == 2
    assert run(capsys, *d, "enroll", "keys-import")[0] == 2
    assert run(capsys, *d, "enroll", "keys-import", str(out), "--secret", "x")[0] == 2

    # Refusals: 1, with their sentence.
    code, _o, err = run(capsys, *d, "enroll", "keys-export", "--out", str(out),
                        "--passphrase-file", str(secret_file(tmp_path, "ngắn")))
    assert code == 1 and "ít nhất 8 ký tự" in err and not out.exists()
    code, _o, err = run(capsys, *d, "enroll", "keys-export", "--out", str(out))  # no terminal, no file
    assert code == 1 and "--passphrase-file" in err and not out.exists()

    code, text, _e = run(capsys, *d, "enroll", "keys-export", "--out", str(out), "--passphrase-file", str(good))
    assert code == 0 and str(out) in text and out.is_file()
    code, _o, err = run(capsys, *d, "enroll", "keys-export", "--out", str(out), "--passphrase-file", str(good))
    assert code == 1 and "Đã có tệp" in err

    # The keys are already here: fine, nothing changes.
    code, text, _e = run(capsys, *d, "enroll", "keys-import", str(out), "--passphrase-file", str(good))
    assert code == 0 and "không có gì thay đổi" in text

    # As on a new computer of the office: this folder's key store moved away.
    store = province_dir / "keys" / k.KEYSTORE_FILE
    store.rename(tmp_path / "cat-di.json")
    wrong = secret_file(tmp_path, "Không phải mật khẩu này")
    code, _o, err = run(capsys, *d, "enroll", "keys-import", str(out), "--passphrase-file", str(wrong))
    assert code == 1 and "Sai mật khẩu của tệp khóa «khoa.tdkeys»" in err
    cut = tmp_path / "cut.tdkeys"
    cut.write_bytes(out.read_bytes()[:300])
    code, _o, err = run(capsys, *d, "enroll", "keys-import", str(cut), "--passphrase-file", str(good))
    assert code == 1 and "«cut.tdkeys» không đọc được" in err
    junk = tmp_path / "junk.tdkeys"
    junk.write_bytes(bytes(range(256)) * 3)
    assert run(capsys, *d, "enroll", "keys-import", str(junk), "--passphrase-file", str(good))[0] == 1
    assert run(capsys, *d, "enroll", "keys-import", str(tmp_path / "khong-co"), "--passphrase-file", str(good))[0] == 1
    code, _o, err = run(capsys, *d, "enroll", "keys-import", str(out))  # no terminal, no file
    assert code == 1 and "--passphrase-file" in err
    assert not store.exists()

    # Another office's keys are refused by name, before any passphrase is tried.
    other = tmp_path / "tinh-khac"
    shutil.copytree(_template_dir, other, ignore=shutil.ignore_patterns("logs"))
    assert run(capsys, "--data-dir", str(other), "init", "--role", "province", "--unit-code", "08")[0] == 0
    theirs = tmp_path / "khoa-08.tdkeys"
    assert run(capsys, "--data-dir", str(other), "enroll", "keys-export", "--out", str(theirs),
               "--passphrase-file", str(good))[0] == 0
    code, _o, err = run(capsys, *d, "enroll", "keys-import", str(theirs), "--passphrase-file", str(wrong))
    assert code == 1 and "khóa của đơn vị khác" in err and "mã 08" in err
    code, _o, err = run(capsys, *d, "--lang", "en", "enroll", "keys-import", str(theirs))
    assert code == 1 and "holds the keys of another office" in err

    # The right file and passphrase: stored, and the office's fingerprint is back.
    code, text, _e = run(capsys, *d, "enroll", "keys-import", str(out), "--passphrase-file", str(good))
    assert code == 0 and "Đã nạp 1 khóa" in text and store.is_file()
