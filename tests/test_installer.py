"""The build files (issue 16): installer/thidua.spec runs (PyInstaller's classes replaced by
recorders, so no build happens) and ships what the app reads at run time while leaving out the Qt
modules we never import; installer/thidua.nsi compiles with makensis (NSIS, `apt-get install
nsis`) against a small fake build, with warnings as errors, and keeps its promises (per user, in
Vietnamese, the .tdsync association, the data kept on uninstall). The real build and its smoke
test: `bash scripts/dev.sh build` (installer/build_linux.sh)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace
from typing import Any, ClassVar

import pytest

from thidua_desktop import __version__

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "installer" / "thidua.spec"
NSI = ROOT / "installer" / "thidua.nsi"


class _Recorder:
    """Stands for Analysis, PYZ, EXE and COLLECT: keeps its arguments."""

    calls: ClassVar[dict[str, Any]] = {}

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __call__(self, *args: Any, **kwargs: Any) -> SimpleNamespace:
        result = SimpleNamespace(args=args, kwargs=kwargs, binaries=[], pure=[], scripts=[],
                                 datas=list(kwargs.get("datas", [])))
        self.calls[self.kind] = result
        return result


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    namespace: dict[str, Any] = {"SPECPATH": str(SPEC.parent), "SPEC": str(SPEC), "__file__": str(SPEC),
                                 **{kind: _Recorder(kind) for kind in ("Analysis", "PYZ", "EXE", "COLLECT")}}
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    namespace["calls"] = dict(_Recorder.calls)
    return namespace


def _used_qt_modules() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "thidua_desktop").rglob("*.py"):
        found.update(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    return found


def test_the_spec_keeps_the_qt_we_use_and_drops_the_rest(spec: dict[str, Any]) -> None:
    analysis = spec["calls"]["Analysis"].kwargs
    excludes = set(analysis["excludes"])
    used = _used_qt_modules()
    assert used >= {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"}
    assert not {f"PySide6.{name}" for name in used} & excludes
    for heavy in ("QtWebEngineCore", "QtWebEngineWidgets", "QtQml", "QtQuick", "QtMultimedia", "Qt3DCore",
                  "QtNetwork", "QtPdf", "QtSvg"):
        assert f"PySide6.{heavy}" in excludes
    entries = [("PySide6/Qt/translations/qtbase_de.qm", "x", "DATA"),
               ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "x", "BINARY"),
               ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "x", "BINARY"),
               ("PySide6/Qt/plugins/platforms/qwindows.dll", "x", "BINARY"),
               ("PySide6/Qt/lib/libQt6Quick.so.6", "x", "BINARY"), ("PySide6/Qt6Network.dll", "x", "BINARY"),
               ("PySide6/Qt/lib/libQt6Widgets.so.6", "x", "BINARY"), ("PySide6/opengl32sw.dll", "x", "BINARY")]
    assert [e[0] for e in entries if spec["_kept"](e)] == ["PySide6/Qt/plugins/platforms/libqoffscreen.so",
                                                           "PySide6/Qt/plugins/platforms/qwindows.dll",
                                                           "PySide6/Qt/lib/libQt6Widgets.so.6"]


def test_the_spec_ships_resources_translations_and_migrations(spec: dict[str, Any]) -> None:
    analysis = spec["calls"]["Analysis"]
    datas = {(Path(source).relative_to(ROOT).as_posix() if Path(source).is_relative_to(ROOT) else source,
              Path(target).as_posix()) for source, target in analysis.kwargs["datas"]}
    for source, target in [("resources/catalog/awards.json", "resources/catalog"),
                           ("resources/fonts/LiberationSerif-Regular.ttf", "resources/fonts"),
                           ("resources/fonts/LICENSE-LiberationSerif.txt", "resources/fonts"),
                           ("resources/data/ethnic_groups.json", "resources/data"),
                           ("i18n/thidua_vi.qm", "i18n"), ("i18n/qtbase_vi.qm", "i18n"),
                           ("thidua_desktop/db/migrations/env.py", "thidua_desktop/db/migrations")]:
        assert (source, target) in datas, source
    for folder in ("documents", "statistics", "templates"):
        shipped = {s for s, _t in datas if s.startswith(f"resources/{folder}/")}
        on_disk = {p.relative_to(ROOT).as_posix() for p in (ROOT / "resources" / folder).rglob("*") if p.is_file()
                   and p.name != "__init__.py" and "__pycache__" not in p.parts}
        assert shipped == on_disk, folder
    migrations = {p.name for p in (ROOT / "thidua_desktop/db/migrations/versions").glob("0*.py")}
    assert migrations <= {Path(s).name for s, t in datas if t == "thidua_desktop/db/migrations/versions"}
    assert not [s for s, _t in datas if s.endswith((".ts", ".pyc"))]
    assert {"sqlalchemy.dialects.sqlite.pysqlcipher", "_cffi_backend"} <= set(analysis.kwargs["hiddenimports"])
    assert analysis.args[0] == [str(ROOT / "installer" / "launcher.py")]
    # The About box shows each library's version from its metadata: the build must carry it.
    from thidua_desktop.ui.about import COMPONENTS

    assert {c.distribution for c in COMPONENTS} - {"PySide6_Essentials"} <= set(spec["METADATA"])


def test_the_spec_makes_a_plain_one_folder_build(spec: dict[str, Any]) -> None:
    exe, collect = spec["calls"]["EXE"].kwargs, spec["calls"]["COLLECT"].kwargs
    assert exe["exclude_binaries"] is True and collect["name"] == exe["name"] == "ThiDua"  # one folder
    assert exe["upx"] is False and collect["upx"] is False
    # The Windows version resource is valid spec syntax with this version.
    version_file = Path(spec["_windows_version_file"]())
    text = version_file.read_text(encoding="utf-8")
    version_file.unlink()
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo",
             "VarStruct")
    parsed = eval(text, {name: (lambda *a, **k: (a, k)) for name in names})  # our own spec's text
    assert parsed[1]["ffi"][1]["filevers"][:3] == tuple(int(n) for n in __version__.split("."))[:3]


def _fake_build(folder: Path) -> Path:
    dist = folder / "dist" / "ThiDua"
    (dist / "_internal" / "resources").mkdir(parents=True)
    (dist / "ThiDua.exe").write_bytes(b"MZ not really a program")
    (dist / "_internal" / "resources" / "awards.json").write_text("{}", encoding="utf-8")
    return dist


@pytest.mark.skipif(shutil.which("makensis") is None,
                    reason="makensis is not installed (apt-get install nsis; scripts/dev.sh test installs it)")
def test_the_installer_script_compiles(tmp_path: Path) -> None:
    dist = _fake_build(tmp_path)
    out = tmp_path / "ThiDua-cai-dat.exe"
    result = subprocess.run(["makensis", "-V2", "-WX", f"-DDIST={dist}", f"-DVERSION={__version__}",
                             f"-DOUTFILE={out}", str(NSI)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_bytes()[:2] == b"MZ" and out.stat().st_size > 50_000


def test_the_installer_script_keeps_its_promises() -> None:
    text = NSI.read_text(encoding="utf-8-sig")
    assert NSI.read_bytes()[:3] == b"\xef\xbb\xbf"  # UTF-8 with a BOM: the Vietnamese reads the same everywhere
    for needed in ("RequestExecutionLevel user", r'InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"',
                   '!insertmacro MUI_LANGUAGE "Vietnamese"', r'"Software\Classes\.tdsync" "" "${PROGID}"',
                   r'"$INSTDIR\${APP_EXE}" "%1"', r'CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk"',
                   r'CreateShortcut "$DESKTOP\${APP_NAME}.lnk"', r'RMDir /r "$INSTDIR\_internal"'):
        assert needed in text, needed
    assert "HKLM" not in text and "$PROGRAMFILES" not in text  # nothing that needs an administrator
    # The data folder is removed only in the uninstall section that is unticked by default (/o).
    removals = [line.strip() for line in text.splitlines() if "RMDir /r" in line and "DATA_DIR" in line]
    assert removals == ['RMDir /r "${DATA_DIR}"']
    data_section = text.split('Section /o "un.', 1)[1].split("SectionEnd", 1)[0]
    assert 'RMDir /r "${DATA_DIR}"' in data_section and "MB_DEFBUTTON2" in data_section
    # The folder the app keeps its data in (config.APP_NAME under %LOCALAPPDATA%).
    from thidua_desktop.config import APP_NAME

    assert f'!define DATA_DIR "$LOCALAPPDATA\\{APP_NAME}"' in text
