"""The province's recovery key file protected by a passphrase (Argon2id + SecretBox): round trip,
a wrong passphrase refused with its own code, no raw key bytes in the file, and the command line
(``init --recovery-passphrase-file``, ``recovery check``, ``recovery protect``, the getpass prompt)."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import cli_process
import pytest

from thidua_desktop import cli, cli_recovery
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.messages import render
from thidua_desktop.sync.keys import (
    generate_recovery,
    load_recovery_private,
    protect_recovery_file,
    recovery_is_protected,
)

PASSPHRASE = "Cây đa giếng nước sân đình 1945"


def _refused(code: str, call) -> DomainError:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as error:
        call()
    assert error.value.code == code, error.value
    assert "{" not in render(error.value, "vi") and "{" not in render(error.value, "en")
    return error.value


def _raw_forms(secret: bytes) -> list[bytes]:
    return [secret, secret.hex().encode(), base64.b64encode(secret), base64.urlsafe_b64encode(secret)]


def test_round_trip_and_no_raw_key_bytes_in_the_file(tmp_path: Path) -> None:
    recovery = generate_recovery()
    path = tmp_path / "khoa-khoi-phuc.tdkey"
    recovery.export_recovery_private(path, PASSPHRASE)
    data = path.read_bytes()
    assert not any(form in data for form in _raw_forms(bytes(recovery.private_key)))
    body = json.loads(data)
    assert body["protection"] == "argon2id-secretbox" and body["kdf"] == "argon2id"
    assert recovery_is_protected(path)
    # The same words typed on a keyboard that sends decomposed Vietnamese still open it.
    nfd = unicodedata.normalize("NFD", PASSPHRASE)
    assert nfd != PASSPHRASE
    assert load_recovery_private(path, nfd).public_key == recovery.public_key


def test_wrong_or_missing_passphrase_is_refused_with_its_own_code(tmp_path: Path) -> None:
    path = tmp_path / "khoa.tdkey"
    generate_recovery().export_recovery_private(path, PASSPHRASE)
    error = _refused("RECOVERY_PASSPHRASE_WRONG", lambda: load_recovery_private(path, PASSPHRASE + "!"))
    assert error.field == "passphrase"
    _refused("RECOVERY_PASSPHRASE_REQUIRED", lambda: load_recovery_private(path))


def test_a_short_passphrase_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    path = tmp_path / "khoa.tdkey"
    _refused("RECOVERY_PASSPHRASE_TOO_SHORT", lambda: generate_recovery().export_recovery_private(path, "1234"))
    assert not path.exists()


def test_a_forged_file_cannot_make_the_key_derivation_take_all_memory(tmp_path: Path) -> None:
    path = tmp_path / "khoa.tdkey"
    generate_recovery().export_recovery_private(path, PASSPHRASE)
    body = json.loads(path.read_bytes())
    body["memlimit"] = 1 << 40
    path.write_text(json.dumps(body), encoding="utf-8")
    _refused("RECOVERY_KEY_INVALID", lambda: load_recovery_private(path, PASSPHRASE))
    body["protection"] = "rot13"
    path.write_text(json.dumps(body), encoding="utf-8")
    _refused("RECOVERY_KEY_INVALID", lambda: load_recovery_private(path, PASSPHRASE))


def test_an_unprotected_file_gets_a_passphrase_in_place(tmp_path: Path) -> None:
    recovery = generate_recovery()
    path = tmp_path / "khoa.tdkey"
    recovery.export_recovery_private(path)
    assert not recovery_is_protected(path)
    assert protect_recovery_file(path, PASSPHRASE) == recovery.fingerprint
    assert not any(form in path.read_bytes() for form in _raw_forms(bytes(recovery.private_key)))
    assert load_recovery_private(path, PASSPHRASE).public_key == recovery.public_key
    protect_recovery_file(path, "một câu khác hẳn", old_passphrase=PASSPHRASE)
    _refused("RECOVERY_PASSPHRASE_WRONG", lambda: load_recovery_private(path, PASSPHRASE))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["khoa.tdkey"]  # no temporary left


# Command line ---------------------------------------------------------------------------------
def _run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return cli_process.run([sys.executable, "-m", "thidua_desktop.cli", "--data-dir", str(data), "--lang", "en",
                           *args], capture_output=True, text=True, env=env, timeout=300, stdin=subprocess.DEVNULL)


def test_cli_province_init_with_a_passphrase_file_then_check(tmp_path: Path) -> None:
    data, key = tmp_path / "tinh", tmp_path / "usb" / "khoa.tdkey"
    secret, wrong = tmp_path / "mat-khau.txt", tmp_path / "sai.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    wrong.write_text("không phải mật khẩu\n", encoding="utf-8")
    result = _run(data, "init", "--role", "province", "--unit-code", "04", "--recovery-out", str(key),
                  "--recovery-passphrase-file", str(secret))
    assert result.returncode == 0, result.stderr
    assert "Warning" not in result.stderr and recovery_is_protected(key)

    ok = _run(data, "recovery", "check", str(key), "--passphrase-file", str(secret))
    assert ok.returncode == 0 and "opens" in ok.stdout, ok.stderr
    refused = _run(data, "recovery", "check", str(key), "--passphrase-file", str(wrong))
    assert refused.returncode == 1 and "Wrong passphrase" in refused.stderr and "Traceback" not in refused.stderr
    no_terminal = _run(data, "recovery", "check", str(key))
    assert no_terminal.returncode == 1 and "protected by a passphrase" in no_terminal.stderr


def test_cli_init_refuses_a_short_passphrase_before_creating_the_office(tmp_path: Path) -> None:
    short = tmp_path / "ngan.txt"
    short.write_text("1234\n", encoding="utf-8")
    result = _run(tmp_path / "tinh", "init", "--role", "province", "--unit-code", "04",
                  "--recovery-passphrase-file", str(short))
    assert result.returncode == 1 and "at least 8 characters" in result.stderr
    again = _run(tmp_path / "tinh", "init", "--role", "province", "--unit-code", "04", "--recovery-no-passphrase",
                 "--recovery-out", str(tmp_path / "khoa.tdkey"))
    assert again.returncode == 0, again.stderr  # the office was not half made the first time
    assert "no passphrase" in again.stderr and not recovery_is_protected(tmp_path / "khoa.tdkey")


def test_cli_asks_for_the_passphrase_at_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    data, key = tmp_path / "tinh", tmp_path / "khoa.tdkey"
    assert cli.main(["--data-dir", str(data), "init", "--role", "province", "--unit-code", "04",
                     "--recovery-no-passphrase", "--recovery-out", str(key)]) == 0
    answers = iter([PASSPHRASE, PASSPHRASE])  # the new passphrase, then its repetition
    monkeypatch.setattr(cli_recovery, "_interactive", lambda: True)
    monkeypatch.setattr(cli_recovery.getpass, "getpass", lambda prompt="": next(answers))
    assert cli.main(["--data-dir", str(data), "--lang", "en", "recovery", "protect", str(key)]) == 0
    assert recovery_is_protected(key)

    answers = iter(["sai mật khẩu rồi"])
    assert cli.main(["--data-dir", str(data), "--lang", "en", "recovery", "check", str(key)]) == 1
    assert "Wrong passphrase" in capsys.readouterr().err
    answers = iter([PASSPHRASE])
    assert cli.main(["--data-dir", str(data), "--lang", "en", "recovery", "check", str(key)]) == 0
    answers = iter([PASSPHRASE, "lặp lại khác đi"])
    assert cli.main(["--data-dir", str(data), "--lang", "en", "init", "--role", "province", "--unit-code", "04"]) == 1
    assert "do not match" in capsys.readouterr().err
