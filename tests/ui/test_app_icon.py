"""The app's icon: every window carries it from the start, the .ico the Windows program file and
installer carry is a valid icon file with every size, the build ships and embeds it, and the files
in resources/icons are what scripts/make_icons.py draws from the SVG."""

from __future__ import annotations

import importlib.util
import struct
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import QApplication

from thidua_desktop.ui import app as gui
from thidua_desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
SIZES = [16, 24, 32, 48, 64, 128, 256]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "scripts" / "make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_ico(data: bytes) -> list[tuple[int, QImage]]:
    """(size, image) of each entry, read by the format's definition rather than by our writer:
    ICONDIR (0, 1, count), then 16-byte ICONDIRENTRYs pointing at PNG payloads."""
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1) and count > 0
    images: list[tuple[int, QImage]] = []
    end = 6 + 16 * count
    for index in range(count):
        width, height, colours, zero, planes, bits, length, offset = struct.unpack_from("<BBBBHHII", data,
                                                                                       6 + 16 * index)
        side = width or 256
        assert (height or 256) == side and colours == 0 and zero == 0 and planes == 1 and bits == 32
        assert offset == end and offset + length <= len(data)  # payloads in order, none overlapping
        payload = data[offset:offset + length]
        assert payload.startswith(PNG_SIGNATURE)
        image = QImage.fromData(payload)  # the format read from the data
        assert not image.isNull() and image.size() == QSize(side, side)
        images.append((side, image))
        end = offset + length
    assert end == len(data)
    return images


def _is_gold(image: QImage, x: int, y: int) -> bool:
    colour = image.pixelColor(x, y)
    return colour.red() > 220 and colour.green() > 160 and colour.blue() < 90 and colour.alpha() == 255


def _is_red(image: QImage, x: int, y: int) -> bool:
    colour = image.pixelColor(x, y)
    return colour.red() > 150 and colour.green() < 60 and colour.blue() < 80 and colour.alpha() == 255


@pytest.fixture
def own_icon() -> Iterator[None]:
    """run() sets the application's icon: put back the one before, for the tests after this one."""
    before = QApplication.windowIcon()
    yield
    QApplication.setWindowIcon(before)


def test_the_start_gives_every_window_the_icon_in_every_size(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, own_icon: None) -> None:
    """The real start, up to the main window: a damaged setting makes it stop there, quickly."""
    monkeypatch.setenv("THIDUA_CONFIG_DIR", str(tmp_path / "config"))
    folder = tmp_path / "cau-hinh"
    folder.mkdir()
    (folder / "config.json").write_text("{không phải JSON", encoding="utf-8")
    seen: dict[str, Any] = {}

    def failed() -> MainWindow | None:
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, MainWindow) and w.isVisible() and w.opening.failed), None)

    def look(left: int) -> None:
        window = failed()
        if window is None:
            if left:
                QTimer.singleShot(10, lambda: look(left - 1))
            return
        seen.update(window=window.windowIcon(), application=QApplication.windowIcon())
        window.opening.quit_button.click()

    QTimer.singleShot(0, lambda: look(1500))
    assert gui.run(["--data-dir", str(folder), "--lang", "vi"]) == 1
    window_icon: QIcon = seen["window"]
    assert not window_icon.isNull()
    assert window_icon.cacheKey() == seen["application"].cacheKey()  # the window has the app's icon
    assert sorted(s.width() for s in window_icon.availableSizes()) == SIZES
    # The 16-pixel picture is the one drawn for 16 pixels (a big star filling the red square), not
    # the 256-pixel one shrunk: its middle is gold and its edge red.
    small = window_icon.pixmap(16, 16).toImage()
    assert small.size() == QSize(16, 16)
    assert _is_gold(small, 8, 8) and _is_red(small, 1, 8) and _is_red(small, 8, 1)


def test_the_ico_holds_every_size_as_png() -> None:
    images = read_ico((ICONS / "thidua.ico").read_bytes())
    assert [side for side, _image in images] == SIZES
    for side, image in images:
        png = QImage(str(ICONS / f"thidua-{side}.png"))
        assert png == image  # the same pictures as the window's
    big = dict(images)[256]
    assert _is_gold(big, 128, 128) and _is_red(big, 128, 36)
    assert big.pixelColor(0, 0).alpha() == 0  # rounded corners: transparent outside the square


def _differs(a: QImage, b: QImage) -> float:
    """The share of pixels in which some channel differs by more than a little (a Qt release may
    smooth an edge differently; a changed drawing changes far more)."""
    assert a.size() == b.size()
    a, b = a.convertToFormat(QImage.Format.Format_ARGB32), b.convertToFormat(QImage.Format.Format_ARGB32)
    different = 0
    for y in range(a.height()):
        for x in range(a.width()):
            pa, pb = a.pixelColor(x, y), b.pixelColor(x, y)
            if max(abs(pa.red() - pb.red()), abs(pa.green() - pb.green()), abs(pa.blue() - pb.blue()),
                   abs(pa.alpha() - pb.alpha())) > 24:
                different += 1
    return different / (a.width() * a.height())


def test_the_committed_icons_are_what_the_script_draws_from_the_svg(tmp_path: Path) -> None:
    script = _script()
    written = script.make(tmp_path)
    assert sorted(p.name for p in written) == sorted([f"thidua-{s}.png" for s in SIZES] + ["thidua.ico"])
    assert [side for side, _i in read_ico((tmp_path / "thidua.ico").read_bytes())] == SIZES
    for side in (16, 32, 48, 256):  # both drawings; a forgotten run after an SVG change fails here
        fresh, committed = QImage(str(tmp_path / f"thidua-{side}.png")), QImage(str(ICONS / f"thidua-{side}.png"))
        assert _differs(fresh, committed) < 0.02, side
    # The small drawing has no wreath and shows the big star; the large one the reverse.
    svg = (ICONS / "thidua.svg").read_text(encoding="utf-8")
    small, large = script.variant(svg, small=True).decode(), script.variant(svg, small=False).decode()
    assert 'class="detail"' not in small and 'class="small"' in small and 'display="none"' not in small
    assert 'class="small"' not in large and 'class="detail"' in large


def test_the_ico_writer_refuses_a_size_windows_cannot_hold() -> None:
    with pytest.raises(ValueError):
        _script().ico([(512, PNG_SIGNATURE)])


class _Recorder:
    def __init__(self, calls: dict[str, SimpleNamespace], kind: str) -> None:
        self.calls, self.kind = calls, kind

    def __call__(self, *args: Any, **kwargs: Any) -> SimpleNamespace:
        result = SimpleNamespace(args=args, kwargs=kwargs, binaries=[], pure=[], scripts=[],
                                 datas=list(kwargs.get("datas", [])))
        self.calls[self.kind] = result
        return result


def _exec_spec() -> tuple[dict[str, Any], dict[str, SimpleNamespace]]:
    spec = ROOT / "installer" / "thidua.spec"
    calls: dict[str, SimpleNamespace] = {}
    recorders: dict[str, Callable[..., SimpleNamespace]] = {
        kind: _Recorder(calls, kind) for kind in ("Analysis", "PYZ", "EXE", "COLLECT")}
    namespace: dict[str, Any] = {"SPECPATH": str(spec.parent), "SPEC": str(spec), "__file__": str(spec),
                                 **recorders}
    exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), namespace)  # our own build file
    return namespace, calls


def test_the_build_embeds_the_icon_and_ships_the_pngs() -> None:
    namespace, calls = _exec_spec()
    icon = Path(namespace["ICON"])
    assert icon == ICONS / "thidua.ico" and icon.is_file()
    embeds = namespace["WINDOWS"] or namespace["sys"].platform == "darwin"
    assert calls["EXE"].kwargs["icon"] == (str(icon) if embeds else None)  # PyInstaller embeds on Windows
    datas = {(Path(source).relative_to(ROOT).as_posix(), Path(target).as_posix())
             for source, target in calls["Analysis"].kwargs["datas"] if Path(source).is_relative_to(ROOT)}
    for side in SIZES:  # what ui/app.py reads at run time, under _MEIPASS/resources/icons
        assert (f"resources/icons/thidua-{side}.png", "resources/icons") in datas
    # The Windows installer and its uninstaller wear it too (their paths are from the script's folder).
    nsi = (ROOT / "installer" / "thidua.nsi").read_text(encoding="utf-8-sig")
    for name in ("MUI_ICON", "MUI_UNICON"):
        line = next(line for line in nsi.splitlines() if line.startswith(f"!define {name} "))
        relative = line.split('"')[1].replace("${__FILEDIR__}\\", "").replace("\\", "/")
        assert (ROOT / "installer" / relative).resolve() == icon
