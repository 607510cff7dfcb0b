"""The README's round trip, through the real command line: a province and two communes enrol,
exchange bundles on a "USB stick" folder, and the province's verdicts come back to each commune."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import cli_process


def thidua(data: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    result = cli_process.run([sys.executable, "-m", "thidua_desktop.cli", "--data-dir", str(data), *args],
                            capture_output=True, text=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
                            timeout=300)
    if ok:
        assert result.returncode == 0, result.stderr
    return result


def test_round_trip_from_the_readme(tmp_path: Path) -> None:
    usb, province = tmp_path / "usb", tmp_path / "tinh"
    communes = {"01576": tmp_path / "xa-quang-uyen", "01273": tmp_path / "phuong-thuc-phan"}
    thidua(province, "init", "--role", "province", "--unit-code", "04", "--recovery-out", str(tmp_path / "k.tdkey"))
    fingerprints = {}  # what each commune's officer reads from its screen over the phone
    for code, folder in communes.items():
        thidua(province, "enroll", "export", "--unit-code", code, "--out", str(usb / f"ket-noi-{code}.json"))
        shown = thidua(folder, "init", "--role", "commune", "--unit-code", code, "--enrollment",
                       str(usb / f"ket-noi-{code}.json")).stdout
        fingerprints[code] = shown.strip().splitlines()[-1].rsplit(" ", 1)[-1]
        thidua(folder, "demo", "--people", "40", "--seed", code[-2:])
        thidua(folder, "bundle", "export", "--out", str(usb))
    bundles = sorted(usb.glob("TD-0*-04-*.tdsync"))
    assert len(bundles) == 2
    for bundle in bundles:
        # A commune's first bundle waits until the province confirms the fingerprint read over the phone.
        waits = thidua(province, "bundle", "import", str(bundle), ok=False)
        assert waits.returncode == 1 and "chờ cán bộ tỉnh xác nhận mã xác thực" in waits.stderr
        code = bundle.name.split("-")[1]
        assert fingerprints[code] in waits.stderr
        confirmed = thidua(province, "enroll", "confirm", code, "--fingerprint", fingerprints[code]).stdout
        assert "Đã nhập gói đang chờ: mới" in confirmed and "chờ xử lý 0" in confirmed
        again = thidua(province, "bundle", "import", str(bundle), ok=False)  # re-import changes nothing
        assert again.returncode == 1 and "đã được nhập" in again.stderr
    received = json.loads(thidua(province, "nominations", "list", "--json").stdout)
    assert {n["status"] for n in received} >= {"received"}
    submitted = [n for n in received if n["status"] == "received"]
    verdicts: dict[str, tuple[str, str]] = {}
    for index, nomination in enumerate(submitted):
        if index % 2:
            thidua(province, "review", nomination["id"], "--return", "--reason", "Thiếu biên bản họp Hội đồng")
            verdicts[nomination["id"]] = ("returned", "Thiếu biên bản họp Hội đồng")
        else:
            thidua(province, "review", nomination["id"], "--approve")
            verdicts[nomination["id"]] = ("approved", "")
    for code, folder in communes.items():
        thidua(province, "bundle", "export", "--out", str(usb), "--to", code)
        [back] = sorted(usb.glob(f"TD-04-{code}-*.tdsync"))
        thidua(folder, "bundle", "import", str(back))
        mine = {n["id"]: n for n in json.loads(thidua(folder, "nominations", "list", "--json").stdout)}
        others = set(verdicts) - set(mine)
        assert others, "each commune sees only its own nominations"
        for nomination_id, (status, reason) in verdicts.items():
            if nomination_id in mine:
                assert (mine[nomination_id]["status"], mine[nomination_id]["status_reason"]) == (status, reason)
        people = json.loads(thidua(folder, "people", "list", "--json", "--limit", "1000").stdout)
        assert len(people) == 40  # nothing of the other commune
