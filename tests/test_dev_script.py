"""scripts/dev.sh, run for real: the missing-display message and the shared-library check."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "dev.sh"

pytestmark = pytest.mark.skipif(
    sys.platform != "linux" or shutil.which("bash") is None, reason="the set-up script is for Debian"
)


def _ldconfig() -> str | None:
    return shutil.which("ldconfig") or next(
        (p for p in ("/sbin/ldconfig", "/usr/sbin/ldconfig") if os.access(p, os.X_OK)), None
    )


def test_start_without_display_says_so_in_one_line(tmp_path: Path) -> None:
    # apt-get and sudo that leave a mark: nothing may be installed before the display is checked.
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    marker = tmp_path / "installed"
    for name in ("apt-get", "sudo"):
        tool = fake_bin / name
        tool.write_text(f"#!/bin/sh\necho \"$0 $*\" >> {marker}\nexit 1\n", encoding="utf-8")
        tool.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env.update(QT_QPA_PLATFORM="", THIDUA_VENV=sys.prefix, PATH=f"{fake_bin}{os.pathsep}{env.get('PATH', '')}")
    started = time.monotonic()
    result = subprocess.run(["bash", str(SCRIPT), "start"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=60)
    elapsed = time.monotonic() - started
    output = (result.stdout + result.stderr).splitlines()
    assert result.returncode == 1
    assert len(output) == 1, output
    assert output[0].startswith("No display:")
    assert "DISPLAY" in output[0] and "bash scripts/dev.sh test" in output[0]
    assert "libxcb" not in output[0]
    assert not marker.exists()
    assert elapsed < 10


def test_start_with_an_explicit_platform_is_not_refused() -> None:
    # The script's display check on its own (a test cannot start the app): an explicit Qt platform
    # or a Wayland session passes it.
    script = SCRIPT.read_text(encoding="utf-8")
    body = script[script.index("require_display() {"):]
    body = body[: body.index("\n}\n") + 3]
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    for platform, code in (("offscreen", 0), ("", 1)):
        result = subprocess.run(["bash", "-c", f"set -euo pipefail\n{body}\nrequire_display"],
                                env={**env, "QT_QPA_PLATFORM": platform}, capture_output=True, text=True,
                                timeout=30)
        assert result.returncode == code, (platform, result.stderr)
    result = subprocess.run(["bash", "-c", f"set -euo pipefail\n{body}\nrequire_display"],
                            env={**env, "QT_QPA_PLATFORM": "", "WAYLAND_DISPLAY": "wayland-0"},
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0


def test_library_check_gives_the_same_answer_every_time() -> None:
    ldconfig = _ldconfig()
    if ldconfig is None:
        pytest.skip("no ldconfig")
    listing = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, check=True).stdout
    names = [line.split()[0] for line in listing.splitlines()[1:] if line.strip()]
    # The first library listed is the one `ldconfig -p | grep -q` lost most often (grep exits
    # while ldconfig is still writing, and pipefail turns its SIGPIPE into "missing").
    libraries = list(dict.fromkeys([names[0], *(n for n in names if n == "libc.so.6")]))
    loop = (
        'for i in $(seq 200); do bash "$0" check-libs "$@" >/dev/null && echo ok || echo missing; done'
    )
    result = subprocess.run(["bash", "-c", loop, str(SCRIPT), *libraries], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    answers = result.stdout.split()
    assert answers == ["ok"] * 200, f"{answers.count('missing')} of 200 checks said {libraries} missing"


def test_library_check_reports_a_missing_library() -> None:
    result = subprocess.run(["bash", str(SCRIPT), "check-libs", "libthidua-no-such-library.so.9"], cwd=ROOT,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert result.stdout.split() == ["libthidua-no-such-library.so.9"]
